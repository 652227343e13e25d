"""spaCy components of the pipeline; importing this package registers their factories."""
from . import (  # noqa: F401
    boilerplate,
    centres,
    init,
    institutions,
    ministries,
    persons,
    places,
    relations,
    spans,
    temporal,
)

# Pipeline order: later components read the mentions of earlier ones.
ORDER = (
    "extract_init",
    "extract_boilerplate",
    "extract_temporal",
    "extract_places",
    "extract_ministries",
    "extract_institutions",
    "extract_centres",
    "extract_persons",
    "extract_relations",
    "extract_spans",
)
