"""Docs → rows → tables. Column order is the contract (../CONTRACT.md) plus extras at the end."""
from __future__ import annotations

import json

# The contract's required columns first, in its order; extra columns after them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "source", "title", "published", "status", "error", "n_chars",
                  "kind", "encoding", "n_mentions", "text_file"),
    "mentions": ("doc_id", "label", "text", "start", "end", "normalized", "rule", "noise", "attrs"),
    "centres": ("doc_id", "centre", "city", "state", "funding_eur", "start", "end", "lead_partner",
                "lead_acronym", "kind", "rule", "start_char", "end_char"),
    "cities": ("doc_id", "city", "state", "mentions", "rule", "start_char", "end_char"),
    "ministries": ("doc_id", "name", "acronym", "level", "state", "mentions", "rule",
                   "start_char", "end_char"),
    "partners": ("doc_id", "centre", "name", "acronym", "city", "role", "topic", "rule",
                 "start_char", "end_char", "score", "evidence", "surface"),
    "funding": ("doc_id", "centre", "amount_eur", "text", "start", "end", "scope", "rule",
                "start_char", "end_char"),
    "periods": ("doc_id", "centre", "start", "end", "duration_months", "kind", "text", "rule",
                "start_char", "end_char"),
    "persons": ("doc_id", "name", "role", "organisation", "rule", "start_char", "end_char"),
}
FACT_TABLES = tuple(t for t in COLUMNS if t not in ("documents", "mentions"))
# Corpus-wide tables written after the last document (extract/registry/).
REGISTRY_COLUMNS: dict[str, tuple[str, ...]] = {
    "registry_centres": ("centre_id", "name", "programme", "city", "state", "kind", "first_published",
                         "last_published", "funding_eur", "sums", "start", "end", "periods", "lead_id",
                         "lead", "n_partners", "n_documents", "doc_ids", "names", "evidence"),
    "registry_institutions": ("institution_id", "name", "acronym", "city", "type", "leads", "partner_of",
                              "n_documents", "doc_ids", "names", "evidence"),
    "registry_links": ("centre_id", "institution_id", "role", "doc_id", "start_char", "end_char", "rule"),
}
# Every table a run writes.
OUTPUT_COLUMNS = {**COLUMNS, **REGISTRY_COLUMNS}

# A file name may hold 255 bytes; a doc_id of a deeply nested input can be longer.
_NAME_BYTES = 200


def text_file_for(doc_id: str) -> str:
    """Where the text copy of a document goes, relative to the out folder: texts/DOC_ID.txt, or
    for a doc_id too long for a file name, its head and a hash of the whole (unique, stable)."""
    if len(doc_id.encode("utf-8")) <= _NAME_BYTES:
        return f"texts/{doc_id}.txt"
    import hashlib

    head = doc_id.encode("utf-8")[:_NAME_BYTES - 20].decode("utf-8", "ignore")
    return f"texts/{head}~{hashlib.sha1(doc_id.encode('utf-8')).hexdigest()[:16]}.txt"


# A cell starting with one of these would run as a formula in a spreadsheet.
_FORMULA_CHARS = frozenset("=+-@\t\r")


def neutralise(value):
    """Prefix a text cell that a spreadsheet would read as a formula with an apostrophe."""
    if isinstance(value, str) and value[:1] in _FORMULA_CHARS:
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """The source text of a cell written by `neutralise`."""
    if value.startswith("'") and value[1:2] in _FORMULA_CHARS:
        return value[1:]
    return value


def document_row(document, doc=None, *, error: str = "", text_file: str = "") -> dict:
    """The documents.csv row of one input, processed (`doc`) or not."""
    text = document.text or ""
    status = "ok" if doc is not None and not error else (document.status if document.status != "ok"
                                                          else "error")
    return {
        "doc_id": document.doc_id, "source": document.source,
        "title": _title(document, doc),
        "published": (doc._.published if doc is not None else "") or "",
        "status": status, "error": error or document.error or "",
        "n_chars": len(text) if document.text is not None else "",
        "kind": document.kind, "encoding": document.encoding or "",
        "n_mentions": len(doc._.mentions) if doc is not None else "", "text_file": text_file,
    }


def _title(document, doc) -> str:
    """A page's own title (html, pdf metadata) beats the headline guessed from the text."""
    guessed = doc._.title if doc is not None else None
    if document.kind in ("html", "pdf") and document.title:
        return document.title
    return guessed or document.title or ""


# One encoder for every cell: json.dumps with options builds a new one per call.
_attrs_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str).encode


def mention_rows(doc_id: str, mentions) -> list[dict]:
    return [{
        "doc_id": doc_id, "label": m.label, "text": m.text, "start": m.start, "end": m.end,
        "normalized": m.normalized, "rule": m.rule, "noise": int(m.noise),
        "attrs": _attrs_json(m.attrs) if m.attrs else "",
    } for m in sorted(mentions, key=lambda m: (m.start, m.end, m.label))]


def doc_rows(document, doc, *, text_file: str = "") -> dict[str, list[dict]]:
    """All rows of one processed document, keyed by table."""
    rows = {"documents": [document_row(document, doc, text_file=text_file)],
            "mentions": mention_rows(document.doc_id, doc._.mentions)}
    facts = doc._.facts or {}
    for table in FACT_TABLES:
        rows[table] = [{"doc_id": document.doc_id, **r} for r in facts.get(table, ())]
    return rows


def error_rows(document, error: str) -> dict[str, list[dict]]:
    return {"documents": [document_row(document, None, error=error)]}


def cells(rows_by_table: dict[str, list[dict]]) -> dict[str, list[list]]:
    """Every row projected (see `project`): what workers send back and writers write."""
    return {table: [project(table, row) for row in rows] for table, rows in rows_by_table.items()}


def project(table: str, row: dict) -> list:
    """A row as a list in the table's column order; None → empty cell; text cells neutralised."""
    # `neutralise` inlined: one comprehension, no call per cell (a run projects a million)
    return [("'" + v if v[:1] in _FORMULA_CHARS else v) if v.__class__ is str else ("" if v is None else v)
            for v in map(row.get, OUTPUT_COLUMNS[table])]
