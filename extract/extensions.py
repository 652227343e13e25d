"""Doc and Span extensions, registered in one idempotent place."""
from __future__ import annotations

_DOC = {
    "doc_id": None,
    "text": None,           # doc.text computed once; spaCy rebuilds doc.text on each access
    "published_hint": None,  # publication date known from outside the text (ISO)
    "published": None,       # publication date (ISO) found in or given for the document
    "title": None,
    "mentions": None,        # list[Mention]
    "noise": None,           # list[(start, end, reason)]
    "facts": None,           # {table: [row, ...]}
    "sentences": None,       # text.sentences.Sentences, built once by whoever needs it first
}
_SPAN = {"rule": None, "normalized": None, "attrs": None}


def register() -> None:
    from spacy.tokens import Doc, Span

    for name, default in _DOC.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


def prepare(doc, *, doc_id: str | None = None, published: str | None = None, text: str | None = None):
    """Give a fresh Doc the state the components expect; pass `text` when the caller has it
    (spaCy's doc.text joins every token again)."""
    doc._.doc_id = doc_id
    doc._.text = doc.text if text is None else text
    doc._.sentences = None
    doc._.published_hint = published
    doc._.published = published
    doc._.mentions = []
    doc._.noise = []
    doc._.facts = {}
    return doc
