"""What the registry (extract/registry/, run after the last document; not a spaCy component)
reads: its word lists (registry/knowledge.py) and the ministries with their validity, for the
line of a renamed ministry (registry/ministries.py)."""
from .declare import Reads

READS = Reads(
    component="registry",
    gazetteers=("ministries",),
    lists=("registry_words", "registry_programmes", "registry_types"),
)
