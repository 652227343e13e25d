"""What extract_boilerplate (components/boilerplate.py) reads: NOISE rules, whose kind says how
much text a match marks."""
from .declare import ANY, Kind, PatternFile, Reads

READS = Reads(
    component="extract_boilerplate",
    patterns=(PatternFile("boilerplate", "NOISE", {
        "line": Kind(ANY, keys=("flags",)),            # the whole line of a match
        "tail": Kind(ANY, keys=("flags",)),            # from the match to the end of the text
        "match": Kind(ANY, keys=("flags", "group")),  # the match (or its group) only
        "teaser": Kind(ANY),     # short date-glued headlines in a run of them
        "dateline": Kind(ANY),   # a page's date line: the headline is looked for after it
    }),),
)
