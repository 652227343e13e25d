"""Docs → rows → tables. Column order is the contract (../CONTRACT.md) plus extras at the end."""
from __future__ import annotations

import json

# The contract's required columns first, in its order; extra columns after them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "source", "title", "published", "status", "error", "n_chars",
                  "kind", "encoding", "n_mentions", "text_file", "published_year", "published_month"),
    "mentions": ("doc_id", "label", "text", "start", "end", "normalized", "rule", "noise", "attrs"),
    "centres": ("doc_id", "centre", "city", "state", "funding_eur", "start", "end", "lead_partner",
                "lead_acronym", "kind", "rule", "start_char", "end_char",
                "start_year", "start_month", "end_year", "end_month"),
    "cities": ("doc_id", "city", "state", "mentions", "rule", "start_char", "end_char"),
    "ministries": ("doc_id", "name", "acronym", "level", "state", "mentions", "rule",
                   "start_char", "end_char"),
    "partners": ("doc_id", "centre", "name", "acronym", "city", "role", "topic", "rule",
                 "start_char", "end_char", "score", "evidence", "surface"),
    "funding": ("doc_id", "centre", "amount_eur", "text", "start", "end", "scope", "rule",
                "start_char", "end_char", "start_year", "start_month", "end_year", "end_month"),
    "periods": ("doc_id", "centre", "start", "end", "duration_months", "kind", "text", "rule",
                "start_char", "end_char", "start_year", "start_month", "end_year", "end_month"),
    "persons": ("doc_id", "name", "role", "organisation", "rule", "start_char", "end_char"),
}

FACT_TABLES = tuple(t for t in COLUMNS if t not in ("documents", "mentions"))
# Corpus-wide tables written after the last document (extract/registry/); a list cell holds
# its items joined by "; ".
REGISTRY_COLUMNS: dict[str, tuple[str, ...]] = {
    "registry_centres": ("centre_id", "name", "programme", "city", "state", "kind", "first_published",
                         "last_published", "funding_eur", "sums", "start", "end", "periods", "lead_id",
                         "lead", "n_partners", "n_documents", "doc_ids", "names", "evidence",
                         "first_published_year", "first_published_month", "last_published_year",
                         "last_published_month", "start_year", "start_month", "end_year", "end_month"),
    "registry_institutions": ("institution_id", "name", "acronym", "city", "type", "leads", "partner_of",
                              "n_documents", "doc_ids", "names", "evidence"),
    "registry_links": ("centre_id", "institution_id", "role", "doc_id", "start_char", "end_char", "rule"),
}
# Every table a run writes.
OUTPUT_COLUMNS = {**COLUMNS, **REGISTRY_COLUMNS}

# Column types, declared once for every writer and the loader (extract.loader). A column not
# named here is text. Dates are ISO strings of the precision their type names (a missing day
# or month is never filled in); each date column X has X_year and X_month after the others.
STR, INT, FLOAT, BOOL, JSON = "str", "int", "float", "bool", "json"
DAY, MONTH = "YYYY-MM-DD", "YYYY-MM"
_OFFSETS = {"start_char": INT, "end_char": INT}
_SPAN = {"start": MONTH, "end": MONTH, "start_year": INT, "start_month": INT, "end_year": INT,
         "end_month": INT}
TYPES: dict[str, dict[str, str]] = {
    "documents": {"published": DAY, "n_chars": INT, "n_mentions": INT, "published_year": INT,
                  "published_month": INT},
    "mentions": {"start": INT, "end": INT, "noise": BOOL, "attrs": JSON},
    "centres": {"funding_eur": INT, **_SPAN, **_OFFSETS},
    "cities": {"mentions": INT, **_OFFSETS},
    "ministries": {"mentions": INT, **_OFFSETS},
    "partners": {"score": FLOAT, **_OFFSETS},
    "funding": {"amount_eur": INT, **_SPAN, **_OFFSETS},
    "periods": {"duration_months": INT, **_SPAN, **_OFFSETS},
    "persons": dict(_OFFSETS),
    "registry_centres": {"first_published": DAY, "last_published": DAY, "funding_eur": INT,
                         "n_partners": INT, "n_documents": INT, **_SPAN,
                         **{f"{d}_{p}": INT for d in ("first_published", "last_published")
                            for p in ("year", "month")}},
    "registry_institutions": {"n_documents": INT},
    "registry_links": dict(_OFFSETS),
}
DATE_TYPES = (DAY, MONTH)


def column_types(table: str) -> dict[str, str]:
    """Every column of `table` with its type, in column order."""
    declared = TYPES.get(table, {})
    return {c: declared.get(c, STR) for c in OUTPUT_COLUMNS[table]}


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
        "normalized": m.normalized, "rule": m.rule, "noise": bool(m.noise),
        "attrs": _attrs_json(m.attrs) if m.attrs else None,
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
    """A row as a list of typed cells in the table's column order: int, float, bool, str, or
    None for unknown (an empty string is unknown too); a JSON column holds its JSON text; the
    year and month of each date. Each writer renders these cells in its format (`csv_row`)."""
    values = [None if v == "" else v for v in map(row.get, OUTPUT_COLUMNS[table])]
    for i, cast in _CASTS[table]:
        v = values[i]
        if v is not None and v.__class__ is not cast:
            values[i] = cast(v)
    for i, source, part in _DATE_PARTS[table]:
        values[i] = date_part(values[source], part)
    return values


def date_part(value: str | None, part: str) -> int | None:
    """date_part("2020-07", "year") -> 2020; the month of "2020" is None."""
    if not value:
        return None
    if part == "year":
        return int(value[:4])
    return int(value[5:7]) if len(value) >= 7 else None


def csv_row(values: list) -> list:
    """Typed cells as the CSV writes them: None → empty, True/False → 1/0, text neutralised."""
    # `neutralise` inlined: one comprehension, no call per cell (a run writes a million)
    return [("'" + v if v[:1] in _FORMULA_CHARS else v) if v.__class__ is str
            else ("" if v is None else int(v) if v.__class__ is bool else v) for v in values]


def _casts(table: str) -> list[tuple[int, type]]:
    py = {INT: int, FLOAT: float, BOOL: bool}
    return [(i, py[t]) for i, t in enumerate(column_types(table).values()) if t in py]


def _date_parts(table: str) -> list[tuple[int, int, str]]:
    """(index, index of its date, "year" or "month") of each X_year / X_month column."""
    types, cols = column_types(table), OUTPUT_COLUMNS[table]
    parts = []
    for i, column in enumerate(cols):
        date, _, part = column.rpartition("_")
        if part in ("year", "month") and types.get(date) in DATE_TYPES:
            parts.append((i, cols.index(date), part))
    return parts


_CASTS = {t: _casts(t) for t in OUTPUT_COLUMNS}
_DATE_PARTS = {t: _date_parts(t) for t in OUTPUT_COLUMNS}
