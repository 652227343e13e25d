"""What extract_temporal (components/temporal.py) reads: MONEY, DATE and PERIOD rules. Kinds read
as lists are scanned over the text; the others (exactly one each) are context words read around
a match."""
from .declare import ANY, ONE, OPTIONAL, SOME, Kind, PatternFile, Reads

_SCANNED = ("flags", "anchor")            # searched over the text, near their anchor if any
_POINT = ("flags", "anchor", "group")     # ... and the group that is the date

READS = Reads(
    component="extract_temporal",
    patterns=(
        PatternFile("money", "MONEY", {
            "amount": Kind(SOME, keys=_SCANNED),
            "qualifier": Kind(ONE),
            "per_year_before": Kind(ONE),
            "per_year_after": Kind(ONE),
        }),
        PatternFile("dates", "DATE", {
            "point": Kind(SOME, keys=_POINT),
            "year": Kind(ANY, keys=_POINT),
            "needs_base": Kind(ANY, keys=_POINT),
            "relative_year": Kind(ANY, keys=_POINT),
            "fallback": Kind(ANY, keys=_POINT),
            "dateline_cue": Kind(ANY, keys=_POINT),
            "dateline_city": Kind(ANY, keys=_POINT),
            "dateline_paren": Kind(ANY, keys=_POINT),
            "dateline_line": Kind(ANY, keys=_POINT),
            "dateline_glued": Kind(ANY, keys=_POINT),
            "dateline_not": Kind(OPTIONAL),
        }),
        PatternFile("periods", "PERIOD", {
            "duration": Kind(SOME, keys=_SCANNED),
            **{kind: Kind(ONE) for kind in (
                "connector", "connector_and", "years_of", "from", "until", "runs_out_before",
                "runs_out_after", "since", "deadline_label", "cue_deadline", "cue_phase", "cue_funding",
                "cue_plan", "anaphor_open")},
            "start_cue": Kind(OPTIONAL),
        }),
    ),
)
