"""First component: gives a Doc made by `nlp(text)` the state the others expect."""
from spacy.language import Language

from ..extensions import prepare


@Language.component("extract_init")
def init_doc(doc):
    if doc._.mentions is None:
        prepare(doc)
    return doc
