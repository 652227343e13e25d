"""What extract_centres (components/centres/) reads: CENTRE head rules (no kind; `value` is the
head key that classifies the match), context rules by kind, the head list and the forms of head
words, the legal forms, the municipality heads of institutions, the big places, the Länder and
the regions above them."""
from .declare import ANY, SOME, Kind, PatternFile, Reads, TaggedList

READS = Reads(
    component="extract_centres",
    patterns=(PatternFile("centres", "CENTRE", {
        None: Kind(SOME, keys=("flags", "value")),
        "exclude": Kind(ANY, keys=("flags",)),
        "city_after": Kind(ANY),
        "city_before": Kind(ANY),
        "located_cue": Kind(ANY),
        "site_cue": Kind(ANY),
        "list_intro": Kind(ANY),
        "founding_cue": Kind(ANY),
        "entry_lead_label": Kind(ANY),
    }),),
    gazetteers=("places", "states"),
    lists=("centre_heads", "centre_head_forms", "legal_forms", "alias_stoplist", "institution_heads", "regions"),
    list_forms={"centre_head_forms": TaggedList(("plural", "genitive", "ambiguous", "acronym", "same"),
                                                valued=("plural", "genitive"))},
)
