"""extract: information extraction from German press releases about funded centres.

    from extract import analyse_text, load_pipeline, read_tables, run_corpus
    facts = analyse_text(text, published="2021-01-15")   # {table: [row, ...]}
    nlp = load_pipeline(); doc = nlp(text); doc.ents
    summary = run_corpus(corpus="corpus/", out="outputs/", fmt="parquet")   # as `extract run`
    frames = read_tables("outputs/")                      # {table: pandas DataFrame}, typed

Heavy libraries are imported on first use, so `import extract` stays cheap.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["analyse_text", "load_pipeline", "read_tables", "run_corpus"]

_NLP = None
# Imported on first use (`extract --help` imports this package): name -> module.
_LAZY = {"run_corpus": "runner", "read_tables": "loader"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_pipeline(*, model: str | None = None, rules_dir=None):
    """The spaCy Language with the extraction components (doc.ents, doc._.mentions, doc._.facts)."""
    from .pipeline import build_nlp

    return build_nlp(model=model, rules_dir=rules_dir, notice=False)


def analyse_text(text: str, *, published: str | None = None, doc_id: str = "text") -> dict:
    """The facts of one text: {"documents": [...], "mentions": [...], "centres": [...], ...}.

    `published` (YYYY-MM-DD) resolves relative spans when the text states no date itself.
    The text is normalised as `extract run` normalises a file (LF line ends, NFC, no invisible
    characters: `extract.io.decode.normalise_text`); offsets index that normalised text.
    """
    global _NLP
    from .io import Document
    from .io.decode import normalise_text
    from .pipeline import analyse_long
    from .tables import doc_rows

    published = _iso_date(published)
    text = normalise_text(text)
    if _NLP is None:
        _NLP = load_pipeline()
    doc = analyse_long(_NLP, text, doc_id=doc_id, published=published)
    document = Document(doc_id=doc_id, source="", text=text, kind="txt", status="ok")
    return doc_rows(document, doc)


def _iso_date(value: str | None) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValueError(f"published={value!r} is not a date YYYY-MM-DD") from None
