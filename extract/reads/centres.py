"""What extract_centres (components/centres/) reads: CENTRE head rules (no kind; `value` is the
head key that classifies the match), context rules by kind, the head list and the big places."""
from .declare import ANY, SOME, Kind, PatternFile, Reads

READS = Reads(
    component="extract_centres",
    patterns=(PatternFile("centres", "CENTRE", {
        None: Kind(SOME, keys=("flags", "anchor", "value")),
        "exclude": Kind(ANY, keys=("flags", "anchor")),
        "city_after": Kind(ANY),
        "city_before": Kind(ANY),
        "located_cue": Kind(ANY),
        "site_cue": Kind(ANY),
        "list_intro": Kind(ANY),
    }),),
    gazetteers=("places",),
    lists=("centre_heads", "alias_stoplist"),
)
