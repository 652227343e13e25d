"""Typed tables: Parquet and JSONL types, nulls, dates, read_tables, run_corpus, the data dictionary."""
from __future__ import annotations

import importlib.util
import json
import re

import pandas as pd
import pytest

from extract import read_tables, run_corpus
from extract.loader import pandas_dtype
from extract.tables import BOOL, DATE_TYPES, FLOAT, INT, JSON, OUTPUT_COLUMNS, TYPES, column_types
from extract.writers import TableWriter, arrow_schema

from .conftest import CORPUS, ROOT

FORMATS = ("csv", "parquet", "jsonl")
JSON_TYPES = {INT: int, FLOAT: float, BOOL: bool, JSON: dict}
DATE_PATTERNS = {"YYYY-MM-DD": r"\d{4}-\d{2}-\d{2}", "YYYY-MM": r"\d{4}-\d{2}"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """corpus/ written in each format by the Python API: {fmt: (summary, out folder)}."""
    base = tmp_path_factory.mktemp("typed")
    return {fmt: run_corpus(corpus=CORPUS, out=base / fmt, fmt=fmt, jobs=1, quiet=True) for fmt in FORMATS}


@pytest.fixture(scope="module")
def frames(runs):
    return {fmt: read_tables(summary.out_dir) for fmt, summary in runs.items()}


def _jsonl(summary, table):
    return [json.loads(line) for line in summary.tables[table].read_text(encoding="utf-8").splitlines()]


def test_the_types_name_only_columns_of_their_table():
    assert set(TYPES) == set(OUTPUT_COLUMNS)
    for table, declared in TYPES.items():
        assert set(declared) <= set(OUTPUT_COLUMNS[table]), table


def test_every_date_column_is_followed_by_its_year_and_month():
    for table in OUTPUT_COLUMNS:
        types = column_types(table)
        dates = [c for c, t in types.items() if t in DATE_TYPES]
        parts = [c for c in OUTPUT_COLUMNS[table] if c.endswith(("_year", "_month"))]
        assert parts == [f"{d}_{p}" for d in dates for p in ("year", "month")], table
        assert all(types[p] == INT for p in parts)


@pytest.mark.parametrize("table", OUTPUT_COLUMNS)
def test_parquet_columns_have_the_declared_types(runs, table):
    import pyarrow.parquet as pq

    schema = pq.read_schema(runs["parquet"].tables[table])
    assert schema.equals(arrow_schema(table)), (table, schema)
    assert [str(f.type) for f in schema] == [{INT: "int64", FLOAT: "double", BOOL: "bool"}.get(t, "string")
                                             for t in column_types(table).values()]


@pytest.mark.parametrize("table", OUTPUT_COLUMNS)
def test_jsonl_values_have_the_declared_types_and_nulls_are_null(runs, table):
    rows = _jsonl(runs["jsonl"], table)
    assert rows, table  # every table has rows on corpus/: the check below is not vacuous
    types = column_types(table)
    for row in rows:
        assert list(row) == list(OUTPUT_COLUMNS[table])
        for column, value in row.items():
            assert value != "", (table, column)  # unknown is null, never an empty string
            if value is not None:
                assert type(value) is JSON_TYPES.get(types[column], str), (table, column, value)


def test_unknowns_are_nulls_exactly_where_the_csv_has_empty_cells(runs):
    import csv

    for table in OUTPUT_COLUMNS:
        with runs["csv"].tables[table].open(encoding="utf-8", newline="") as fh:
            cells = list(csv.DictReader(fh))
        records = _jsonl(runs["jsonl"], table)
        assert len(cells) == len(records)
        for cell, record in zip(cells, records, strict=True):
            assert [c for c, v in cell.items() if v == ""] == [c for c, v in record.items() if v is None]
    funding = [r["funding_eur"] for r in _jsonl(runs["jsonl"], "centres")]
    assert None in funding and any(isinstance(v, int) for v in funding)  # both occur on corpus/


@pytest.mark.parametrize("table", OUTPUT_COLUMNS)
def test_read_tables_gives_the_same_typed_frames_from_every_format(frames, table):
    csv_frame = frames["csv"][table]
    assert list(csv_frame.columns) == list(OUTPUT_COLUMNS[table])
    assert {c: str(t) for c, t in csv_frame.dtypes.items()} == \
        {c: str(pd.Series(dtype=pandas_dtype(t)).dtype) for c, t in column_types(table).items()}
    for fmt in ("parquet", "jsonl"):
        pd.testing.assert_frame_equal(csv_frame, frames[fmt][table], check_exact=True, obj=f"{table}.{fmt}")


def test_read_tables_values_are_python_values_not_text(frames):
    mentions = frames["parquet"]["mentions"]
    assert mentions["noise"].any() and not mentions["noise"].all()
    state = next(a["state"] for a, label in zip(mentions["attrs"], mentions["label"], strict=True)
                 if label == "CITY" and a)
    assert isinstance(state, str)
    centres = frames["csv"]["centres"]
    assert centres["funding_eur"].isna().any() and centres["funding_eur"].dropna().gt(0).all()


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_spreadsheet_apostrophe_is_in_the_csv_only(tmp_path, fmt):
    row = {"doc_id": "d", "label": "ORG", "text": "-automatisierung", "start": 3, "end": 19,
           "normalized": "=1+1", "rule": "t", "noise": False, "attrs": None}
    with TableWriter(tmp_path, fmt) as writer:
        writer.write({"mentions": [row]})
    written = _first_row(tmp_path / f"mentions.{fmt}", fmt)
    mark = "'" if fmt == "csv" else ""
    assert (written["text"], written["normalized"]) == (mark + "-automatisierung", mark + "=1+1")
    frame = read_tables(tmp_path)["mentions"]
    assert (frame.at[0, "text"], frame.at[0, "normalized"], frame.at[0, "start"]) == ("-automatisierung", "=1+1", 3)
    assert frame.at[0, "attrs"] is None and not frame.at[0, "noise"]


def _first_row(path, fmt: str) -> dict:
    """The first row of a table file as its format holds it."""
    if fmt == "csv":
        import csv

        with path.open(encoding="utf-8", newline="") as fh:
            return next(csv.DictReader(fh))
    if fmt == "jsonl":
        return json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()[0]


def test_date_columns_hold_their_declared_format_and_its_year_and_month(frames):
    seen = 0
    for table, frame in frames["parquet"].items():
        for column, kind in column_types(table).items():
            if kind not in DATE_TYPES:
                continue
            for value, year, month in zip(frame[column], frame[f"{column}_year"], frame[f"{column}_month"],
                                          strict=True):
                if pd.isna(value):
                    assert pd.isna(year) and pd.isna(month)
                    continue
                seen += 1
                assert re.fullmatch(DATE_PATTERNS[kind], value), (table, column, value)
                assert (year, month) == (int(value[:4]), int(value[5:7])), (table, column, value)
    assert seen


def _date_rows(doc: str) -> dict[str, str]:
    """`table.column` -> format from the date table of a document."""
    found = {}
    for cells, fmt in re.findall(r"^\| ([a-z_]+\.[a-z_]+(?:, [a-z_]+\.[a-z_]+)*) \| `(YYYY[-MD]*)`", doc, re.M):
        found.update(dict.fromkeys(cells.split(", "), fmt))
    return found


@pytest.mark.parametrize("doc", ["CONTRACT.md", "outputs/README.md"])
def test_the_documents_state_the_format_of_every_date_column(doc):
    declared = {f"{t}.{c}": kind for t in OUTPUT_COLUMNS for c, kind in column_types(t).items() if kind in DATE_TYPES}
    assert _date_rows((ROOT / doc).read_text(encoding="utf-8")) == declared


def test_the_data_dictionary_examples_and_types_come_from_a_real_run(runs):
    spec = importlib.util.spec_from_file_location("readme_examples", ROOT / "scripts" / "readme_examples.py")
    examples = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(examples)
    readme = (ROOT / "outputs" / "README.md").read_text(encoding="utf-8")
    rendered = examples.render(readme, runs["csv"].out_dir, runs["jsonl"].out_dir)
    assert rendered == readme, "outputs/README.md is out of date: python scripts/readme_examples.py --write"
    assert readme.count("\nExample: `") == len(OUTPUT_COLUMNS)


def test_run_corpus_is_what_extract_run_writes(runs, tmp_path):
    from typer.testing import CliRunner

    from extract.cli import app

    result = CliRunner().invoke(app, ["run", str(CORPUS), "--out", str(tmp_path), "--jobs", "1", "-q"])
    assert result.exit_code == 0, result.output
    summary = runs["csv"]
    assert (summary.n_docs, summary.n_ok) == (5, 5)
    assert set(summary.tables) == set(OUTPUT_COLUMNS)
    for table, path in summary.tables.items():
        assert path.read_bytes() == (tmp_path / f"{table}.csv").read_bytes(), table
    assert summary.read_tables()["documents"].equals(read_tables(tmp_path)["documents"])


def test_read_tables_refuses_a_folder_without_tables(tmp_path):
    with pytest.raises(FileNotFoundError, match="no tables"):
        read_tables(tmp_path)
