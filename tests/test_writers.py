"""Tables: contract columns, formula neutralising, atomic replacement, three formats."""
from __future__ import annotations

import csv
import json

import pytest

from extract.tables import COLUMNS, csv_row, neutralise, project, unneutralise
from extract.writers import TableWriter

CONTRACT = {
    "documents": "doc_id, source, title, published, status, error, n_chars",
    "mentions": "doc_id, label, text, start, end, normalized, rule",
    "centres": "doc_id, centre, city, state, funding_eur, start, end, lead_partner",
    "cities": "doc_id, city, state, mentions",
    "ministries": "doc_id, name, acronym, level, state",
    "partners": "doc_id, centre, name, acronym, city, role, topic",
    "funding": "doc_id, centre, amount_eur, text, start, end",
    "periods": "doc_id, centre, start, end, duration_months, kind, text",
    "persons": "doc_id, name, role, organisation",
}


@pytest.mark.parametrize("table, required", CONTRACT.items())
def test_contract_columns_come_first_in_order(table, required):
    cols = required.split(", ")
    assert COLUMNS[table][: len(cols)] == tuple(cols)


@pytest.mark.parametrize("cell, written", [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+49 30 123", "'+49 30 123"),
    ("-automatisierung", "'-automatisierung"), ("@SUM(A1)", "'@SUM(A1)"),
    ("Bremen", "Bremen"), ("'quoted", "'quoted"), (3600000, 3600000),
])
def test_formula_cells_are_neutralised_and_recoverable(cell, written):
    assert neutralise(cell) == written
    if isinstance(cell, str):
        assert unneutralise(neutralise(cell)) == cell
    # a projected row keeps the cell as it is (None for missing); the CSV writes it neutralised,
    # its missing and None cells empty
    row = project("mentions", {"text": cell, "normalized": None})
    text = COLUMNS["mentions"].index("text")
    assert row[text] == cell and row[0] is None
    assert csv_row(row)[text] == written
    assert csv_row(row)[COLUMNS["mentions"].index("normalized")] == "" == csv_row(row)[0]


def _row(doc_id="d1", text="=1+1"):
    return {"mentions": [{"doc_id": doc_id, "label": "ORG", "text": text, "start": 0, "end": len(text),
                          "normalized": text, "rule": "t"}]}


def test_csv_is_written_atomically(tmp_path):
    with TableWriter(tmp_path, "csv") as w:
        w.write(_row("old"))
    before = (tmp_path / "mentions.csv").read_text(encoding="utf-8")
    w = TableWriter(tmp_path, "csv")
    w.write(_row("new"))
    # killed halfway: the sinks are open, nothing replaced yet
    assert (tmp_path / "mentions.csv").read_text(encoding="utf-8") == before
    w.abort()
    assert (tmp_path / "mentions.csv").read_text(encoding="utf-8") == before
    assert not list(tmp_path.glob(".extract-run-*"))


def test_an_exception_inside_the_writer_keeps_old_tables(tmp_path):
    with TableWriter(tmp_path, "csv") as w:
        w.write(_row("old"))
    with pytest.raises(RuntimeError), TableWriter(tmp_path, "csv") as w:
        w.write(_row("new"))
        raise RuntimeError("killed")
    rows = list(csv.DictReader((tmp_path / "mentions.csv").open(encoding="utf-8")))
    assert [r["doc_id"] for r in rows] == ["old"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_formats_hold_the_same_cells(tmp_path, fmt):
    with TableWriter(tmp_path, fmt) as w:
        w.write(_row("d1", "Fraunhofer IFF"))
    path = tmp_path / f"mentions.{fmt}"
    if fmt == "csv":
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    else:
        import pyarrow.parquet as pq
        rows = pq.read_table(path).to_pylist()
    assert list(rows[0]) == list(COLUMNS["mentions"])
    assert rows[0]["text"] == "Fraunhofer IFF" and str(rows[0]["end"]) == "14"
    assert (tmp_path / f"documents.{fmt}").exists()


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown format 'xlsx'"):
        TableWriter(tmp_path, "xlsx")


def test_a_row_is_projected_to_typed_cells_with_the_year_and_month_of_its_dates():
    cells = project("periods", {"start": "2021", "end": "2022-12", "duration_months": "", "text": "",
                                "start_char": "7"})
    row = dict(zip(COLUMNS["periods"], cells, strict=True))
    assert (row["start_year"], row["start_month"], row["end_year"], row["end_month"]) == (2021, None, 2022, 12)
    assert row["duration_months"] is None and row["text"] is None and row["start_char"] == 7
    mention = dict(zip(COLUMNS["mentions"], csv_row(project("mentions", {"noise": True, "start": 0})),
                       strict=True))
    assert (mention["noise"], mention["start"], mention["end"], mention["attrs"]) == (1, 0, "", "")
