"""First component: gives a Doc made by `nlp(text)` the state the others expect."""
from spacy.language import Language

from ..extensions import prepare


@Language.factory("extract_init",
                  assigns=["doc._.text", "doc._.mentions", "doc._.noise", "doc._.facts", "doc._.published"])
def make_init(nlp, name):
    return init_doc


def init_doc(doc):
    if doc._.mentions is None:
        prepare(doc)
    return doc
