"""The per-document rows the registry reads, gathered while a run writes its tables.

Workers send rows as typed cells (tables.cells: lists in column order; ints, text, None for
unknown); the collector keeps, of the tables the registry reads, only the columns it reads.
"""
from __future__ import annotations

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
    """A cell as the registry reads it: "" for unknown (the registry joins and compares text)."""
    return "" if cell is None else cell


class Collector:
    """Rows of the tables in READ, added document by document."""

    def __init__(self):
        self.rows: dict[str, list[dict]] = {table: [] for table in READ}
        self._positions = {table: [COLUMNS[table].index(c) for c in columns] for table, columns in READ.items()}

    def add_cells(self, cells_by_table: dict[str, list[list]]) -> None:
        for table, rows in cells_by_table.items():
            positions = self._positions.get(table)
            if positions is None:
                continue
            columns = READ[table]
            self.rows[table].extend({c: _value(row[p]) for c, p in zip(columns, positions, strict=True)}
                                    for row in rows)

    def add_rows(self, rows_by_table: dict[str, list[dict]]) -> None:
        """Rows as dicts (tables.doc_rows), e.g. from the Python API or a test: typed as a run
        types them."""
        self.add_cells(cells({t: rows for t, rows in rows_by_table.items() if t in READ}))
