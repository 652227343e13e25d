"""What extract_persons (components/persons.py) reads: first names, role words and at most one
PERSON rule of each kind (`title` is spliced into a larger regex, so its flags are not read)."""
from .declare import OPTIONAL, Kind, PatternFile, Reads

READS = Reads(
    component="extract_persons",
    patterns=(PatternFile("persons", "PERSON", {
        "title": Kind(OPTIONAL, keys=()),
        "credit": Kind(OPTIONAL),
        "credit_initials": Kind(OPTIONAL),
        "caption": Kind(OPTIONAL),
    }),),
    lists=("first_names", "person_roles"),
)
