"""What extract_relations (components/relations.py, relations/) reads: TRIGGER cues of partner
roles and programme scope, and the weights of the consortium-membership signals."""
from .declare import ANY, Kind, PatternFile, Reads, WeightList

# every signal (and the threshold) must be weighted in rules/lists/partner_signals.txt
SIGNALS = ("cue", "mentioned", "repeated", "is_centre", "not_member", "denied", "affiliation",
           "brand_only", "part_of_member", "threshold")

# a lead cue with "value": "implied" reads the lead from a verb or a grant, not a role word
_LEAD = Kind(ANY, keys=("flags", "value"), values={"value": ("implied",)})

READS = Reads(
    component="extract_relations",
    patterns=(
        PatternFile("relations", "TRIGGER", {
            **dict.fromkeys(("lead_next", "lead_prev", "lead_near", "recipient_sentence",
                             "project_agency_next"), _LEAD),
            **{kind: Kind(ANY) for kind in (
                "partner_list", "associate_list", "partner_prev", "partner_sentence",
                "programme", "programme_all", "not_member", "not_member_after")},
        }),
        PatternFile("centre_facts", "TRIGGER", {kind: Kind(ANY) for kind in (
            "programme", "centre_anaphor", "centre_start")}),
    ),
    lists=("partner_signals",),
    list_forms={"partner_signals": WeightList(SIGNALS)},
)
