"""The tables of an `extract run` folder as pandas DataFrames, with the declared column types.

    from extract import read_tables
    frames = read_tables("outputs/")          # {"documents": DataFrame, "mentions": ..., ...}

The same frames come out of a folder written as CSV, Parquet or JSONL: integers as Int64,
`score` as Float64, `noise` as boolean, text and dates as string (pd.NA for unknown), a JSON
column (`mentions.attrs`) as dicts or None. CSV cells lose the spreadsheet apostrophe.
"""
from __future__ import annotations

import json
from pathlib import Path

from .tables import BOOL, FLOAT, INT, JSON, OUTPUT_COLUMNS, STR, column_types, unneutralise

FORMATS = ("csv", "parquet", "jsonl")
PANDAS_DTYPES = {INT: "Int64", FLOAT: "Float64", BOOL: "boolean", JSON: "object"}


def pandas_dtype(column_type: str) -> str:
    """The pandas dtype of a declared column type (tables.TYPES); text and dates: "string"."""
    return PANDAS_DTYPES.get(column_type, "string")


def read_tables(folder: Path | str, *, fmt: str | None = None, tables=None) -> dict:
    """Every table in `folder` (or those named in `tables`) as a DataFrame, keyed by table.

    `fmt` defaults to the format the run wrote (its manifest), else the one format whose
    tables the folder holds. Raises outdir.OutDirError when the folder does not hold the
    complete set of one run, FileNotFoundError when it holds no tables."""
    from .outdir import check_complete

    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"no such folder: {folder}")
    check_complete(folder)
    fmt = fmt or _format_of(folder)
    read = {"csv": _read_csv, "parquet": _read_parquet, "jsonl": _read_jsonl}[fmt]
    names = tables or OUTPUT_COLUMNS
    return {t: read(folder / f"{t}.{fmt}", t) for t in names if (folder / f"{t}.{fmt}").is_file()}


def _format_of(folder: Path) -> str:
    from .outdir import MANIFEST

    try:
        stated = json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("format")
    except (OSError, ValueError, AttributeError):
        stated = None
    if stated in FORMATS:
        return stated
    found = [f for f in FORMATS if (folder / f"documents.{f}").is_file()]
    if not found:
        raise FileNotFoundError(f"no tables in {folder} (documents.csv, .parquet or .jsonl)")
    if len(found) > 1:
        raise ValueError(f"{folder} holds tables in {' and '.join(found)}; pass fmt= to choose")
    return found[0]


def _frame(table: str, columns: dict):
    """A DataFrame from python values per column (None for unknown), in the declared dtypes."""
    import pandas as pd

    types = column_types(table)
    return pd.DataFrame({c: pd.array(list(values), dtype=pandas_dtype(types.get(c, STR)))
                         for c, values in columns.items()})


def _read_jsonl(path: Path, table: str):
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    extra = sorted({k for r in records for k in r} - set(OUTPUT_COLUMNS[table]))
    return _frame(table, {c: [r.get(c) for r in records] for c in (*OUTPUT_COLUMNS[table], *extra)})


def _read_parquet(path: Path, table: str):
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    # nullable dtypes straight from Arrow: an int64 column with nulls never passes through float
    nullable = {pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(), pa.bool_(): pd.BooleanDtype()}
    frame = pq.read_table(path).to_pandas(types_mapper=nullable.get, ignore_metadata=True)
    types = column_types(table)
    for c in frame.columns:
        t = types.get(c, STR)
        frame[c] = _json_objects(frame[c]) if t == JSON else frame[c].astype(pandas_dtype(t))
    return frame


def _json_objects(texts):
    import pandas as pd

    return pd.array([json.loads(v) if isinstance(v, str) and v else None for v in texts], dtype=object)


def _read_csv(path: Path, table: str):
    import csv

    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        header = next(rows, [])
        cells = list(zip(*rows, strict=True)) or [() for _ in header]
    types = column_types(table)
    return _frame(table, {c: _from_text(values, types.get(c, STR))
                          for c, values in zip(header, cells, strict=True)})


def _from_text(values, column_type: str) -> list:
    """CSV cells as python values: empty → None, 0/1 → bool, digits → int, JSON text → object,
    the spreadsheet apostrophe dropped from text."""
    if column_type == INT:
        return [int(v) if v else None for v in values]
    if column_type == FLOAT:
        return [float(v) if v else None for v in values]
    if column_type == BOOL:
        return [None if not v else v == "1" for v in values]
    if column_type == JSON:
        return [json.loads(v) if v else None for v in values]
    return [unneutralise(v) if v else None for v in values]
