"""What extract_institutions (components/institutions/) reads: head words, plurals of joined
names, company names, and at most one ORG rule of each kind."""
from .declare import OPTIONAL, Kind, PatternFile, Reads

READS = Reads(
    component="extract_institutions",
    patterns=(PatternFile("institutions", "ORG", {kind: Kind(OPTIONAL) for kind in (
        "legal_form", "brand", "paren_acronym", "acronym_dash", "coordinated", "region", "brand_word",
        "context")}),),
    lists=("institution_heads", "institution_plurals", "company_names"),
)
