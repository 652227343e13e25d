"""spaCy components of the pipeline. Importing this package (as spaCy does through the
`spacy_factories` entry points of pyproject.toml) registers the Doc and Span extensions and
every factory, so `spacy.load()` of a saved pipeline needs no other import."""
from .. import extensions
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

extensions.register()

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
