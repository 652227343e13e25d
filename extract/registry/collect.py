"""The per-document rows the registry reads, gathered while a run writes its tables.

Workers send rows as typed cells (tables.cells: lists in column order; ints, text, None for
unknown); the collector keeps, of the tables the registry reads, only the columns it reads.
"""
from __future__ import annotations

from collections import namedtuple
from sys import intern

from ..tables import COLUMNS, cells

# table -> the columns the registry reads
READ: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "source", "published", "status", "text_file"),
    "centres": ("doc_id", "centre", "city", "state", "funding_eur", "start", "end", "lead_partner",
                "lead_acronym", "kind", "rule", "start_char", "end_char"),
    "partners": ("doc_id", "centre", "name", "acronym", "city", "role", "rule", "start_char", "end_char"),
    "funding": ("doc_id", "centre", "amount_eur", "scope", "start_char", "end_char"),
    "periods": ("doc_id", "centre", "start", "end", "kind"),
    "ministries": ("doc_id", "name", "acronym", "level", "state", "rule", "start_char", "end_char"),
}


def _value(cell):
    """A cell as the registry reads it: "" for unknown (the registry joins and compares text);
    text interned, since a corpus repeats its doc ids, names, cities and rule ids."""
    return "" if cell is None else intern(cell) if cell.__class__ is str else cell


def row_class(table: str, columns: tuple[str, ...], defaults: tuple = ()):
    """A read-only row that reads like a dict (row["name"], keys(), **row) at the memory of a
    tuple: a run over 20,000 documents keeps ~200,000 of them."""
    base = namedtuple(f"{table.capitalize()}Row", columns, defaults=defaults)

    class Row(base):
        __slots__ = ()

        def __getitem__(self, key):
            return getattr(self, key) if key.__class__ is str else tuple.__getitem__(self, key)

        def keys(self):
            return self._fields

        def get(self, key, default=None):
            return getattr(self, key, default)

    return Row


class Collector:
    """Rows of the tables in READ, added document by document."""

    def __init__(self):
        self.rows: dict[str, list] = {table: [] for table in READ}
        self._positions = {table: [COLUMNS[table].index(c) for c in columns] for table, columns in READ.items()}
        self._classes = {table: row_class(table, columns) for table, columns in READ.items()}

    def add_cells(self, cells_by_table: dict[str, list[list]]) -> None:
        for table, rows in cells_by_table.items():
            positions = self._positions.get(table)
            if positions is None:
                continue
            make = self._classes[table]._make
            self.rows[table].extend(make([_value(row[p]) for p in positions]) for row in rows)

    def add_rows(self, rows_by_table: dict[str, list[dict]]) -> None:
        """Rows as dicts (tables.doc_rows), e.g. from the Python API or a test: typed as a run
        types them."""
        self.add_cells(cells({t: rows for t, rows in rows_by_table.items() if t in READ}))
