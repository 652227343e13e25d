"""Stream rows to CSV, Parquet or JSONL; tables replace the old ones only when a run completes.

Each table is written into a temporary folder inside the out folder and the whole set is
switched in at the end (outdir.OutDir: lock, manifest, journal), so a run killed halfway
leaves the previous tables intact, and a run never replaces a file it did not write.
"""
from __future__ import annotations

import contextlib
import csv
import json
import shutil
from pathlib import Path

from .tables import BOOL, FLOAT, INT, JSON, OUTPUT_COLUMNS, cells, column_types, csv_row, text_file_for

FORMATS = ("csv", "parquet", "jsonl")
_BATCH = 2000  # rows buffered per Parquet table before a row group is written
_json_line = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps would build one per row


class TableWriter:
    """The tables of one run into `out_dir`; raises outdir.OutDirError before writing anything
    when another run holds the folder or it holds files this tool did not write (`force`
    overwrites those; `wait` waits for the other run)."""

    def __init__(self, out_dir: Path | str, fmt: str = "csv", *, force: bool = False,
                 wait: bool = False, meta: dict | None = None):
        from .outdir import OutDir

        if fmt not in FORMATS:
            raise ValueError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
        self.out_dir = Path(out_dir)
        self.fmt = fmt
        self.meta = {"format": fmt, **(meta or {})}
        # where each table is once the run has closed
        self.paths = {table: self.out_dir / f"{table}.{fmt}" for table in OUTPUT_COLUMNS}
        self._out = OutDir(self.out_dir, tables=OUTPUT_COLUMNS, formats=FORMATS, force=force, wait=wait)
        self._texts: list[str] = []
        self._sinks = {}
        self.tmp = None
        try:
            self.tmp = self._out.new_temp()
            self.tmp.mkdir()
            for table in OUTPUT_COLUMNS:
                self._sinks[table] = _make_sink(fmt, self.tmp / f"{table}.{fmt}", table)
        except BaseException:
            self.abort()
            raise

    def write(self, rows_by_table: dict[str, list[dict]]) -> None:
        self.write_cells(cells(rows_by_table))

    def write_cells(self, cells_by_table: dict[str, list[list]]) -> None:
        """Rows already projected to the table's columns (tables.cells)."""
        for table, rows in cells_by_table.items():
            self._sinks[table].add_all(rows)

    def text_path(self, doc_id: str) -> tuple[Path, str]:
        """Where the decoded text of a non-plain-text input goes, and its name relative to out_dir."""
        rel = text_file_for(doc_id)
        path = self.tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        self._texts.append(rel)
        return path, rel

    def close(self) -> list[Path]:
        """Finish every table and switch the set into place; returns the final table paths."""
        try:
            for sink in self._sinks.values():
                sink.close()
            tables = [f"{table}.{self.fmt}" for table in self._sinks]
            self._out.commit(self.tmp, tables + sorted(set(self._texts)), self.meta)
        except BaseException:
            self.abort()
            raise
        self._out.release()
        return list(self.paths.values())

    def abort(self) -> None:
        """Drop this run's temp folder; never raises, so the error that caused it is the one seen
        (a full disk makes closing a sink fail too)."""
        for sink in self._sinks.values():
            with contextlib.suppress(Exception):  # the first error is already on its way
                sink.close()
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
        self._out.release()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, *_):
        if exc_type is None:
            self.close()
        else:
            self.abort()


def _make_sink(fmt: str, path: Path, table: str):
    return {"csv": _CsvSink, "jsonl": _JsonlSink, "parquet": _ParquetSink}[fmt](path, table)


class _CsvSink:
    """Text for spreadsheets: empty cell for unknown, 0/1, formula-like text neutralised."""

    def __init__(self, path: Path, table: str):
        self.path = path
        self._fh = path.open("w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._fh)
        self._csv.writerow(OUTPUT_COLUMNS[table])

    def add_all(self, rows: list[list]) -> None:
        self._csv.writerows(map(csv_row, rows))

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.close()


class _JsonlSink:
    """One object per line: JSON numbers, booleans and nulls; a JSON column as a nested object."""

    def __init__(self, path: Path, table: str):
        self.path, self.columns = path, OUTPUT_COLUMNS[table]
        self._nested = [c for c, t in column_types(table).items() if t == JSON]
        self._fh = path.open("w", encoding="utf-8")

    def add_all(self, rows: list[list]) -> None:
        for values in rows:
            record = dict(zip(self.columns, values, strict=True))
            for c in self._nested:
                if record[c] is not None:
                    record[c] = json.loads(record[c])
            self._fh.write(_json_line(record) + "\n")

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.close()


def arrow_schema(table: str):
    """The Parquet schema of a table: int64, float64, bool, else string (dates as ISO text, a
    JSON column as its JSON text: Parquet has no type for an object of any keys)."""
    import pyarrow as pa

    arrow = {INT: pa.int64(), FLOAT: pa.float64(), BOOL: pa.bool_()}
    return pa.schema([(c, arrow.get(t, pa.string())) for c, t in column_types(table).items()])


class _ParquetSink:
    def __init__(self, path: Path, table: str):
        self.path, self.columns = path, OUTPUT_COLUMNS[table]
        self._schema = arrow_schema(table)
        self._rows: list[list] = []
        self._writer = None

    def add_all(self, rows: list[list]) -> None:
        self._rows.extend(rows)
        if len(self._rows) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, self._schema)
        cols = list(zip(*self._rows, strict=True)) if self._rows else [[] for _ in self.columns]
        arrays = [pa.array(list(c), type=f.type) for c, f in zip(cols, self._schema, strict=True)]
        self._writer.write_table(pa.Table.from_arrays(arrays, schema=self._schema))
        self._rows = []

    def close(self) -> None:
        if self._writer is None or self._rows:
            self._flush()
        if self._writer is not None:
            self._writer.close()
            self._writer = None
