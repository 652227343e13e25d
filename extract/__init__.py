"""extract: information extraction from German press releases about funded centres.

    from extract import analyse_text, load_pipeline
    facts = analyse_text(text, published="2021-01-15")   # {table: [row, ...]}
    nlp = load_pipeline(); doc = nlp(text); doc.ents

Heavy libraries are imported on first use, so `import extract` stays cheap.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["analyse_text", "load_pipeline"]

_NLP = None


def load_pipeline(*, model: str | None = None, rules_dir=None):
    """The spaCy Language with the extraction components (doc.ents, doc._.mentions, doc._.facts)."""
    from .pipeline import build_nlp

    return build_nlp(model=model, rules_dir=rules_dir, notice=False)


def analyse_text(text: str, *, published: str | None = None, doc_id: str = "text") -> dict:
    """The facts of one text: {"documents": [...], "mentions": [...], "centres": [...], ...}.

    `published` (YYYY-MM-DD) resolves relative spans when the text states no date itself.
    """
    global _NLP
    from .io import Document
    from .pipeline import analyse_long
    from .tables import doc_rows

    if _NLP is None:
        _NLP = load_pipeline()
    doc = analyse_long(_NLP, text, doc_id=doc_id, published=published)
    document = Document(doc_id=doc_id, source="", text=text, kind="txt", status="ok")
    return doc_rows(document, doc)
