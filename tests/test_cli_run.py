"""`extract run` end to end on corpus/: the contract, true offsets, every label, error rows."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.model import LABELS
from extract.tables import COLUMNS, unneutralise

from .conftest import CORPUS


def read(out: Path, table: str) -> list[dict]:
    with (out / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(app, ["run", str(CORPUS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_every_table_has_the_contract_columns(corpus_out):
    for table, columns in COLUMNS.items():
        with (corpus_out / f"{table}.csv").open(encoding="utf-8") as fh:
            assert tuple(next(csv.reader(fh))) == columns


def test_every_document_is_ok(corpus_out):
    docs = read(corpus_out, "documents")
    assert sorted(d["doc_id"] for d in docs) == sorted(p.stem for p in CORPUS.glob("*.txt"))
    assert {d["status"] for d in docs} == {"ok"}
    for d in docs:
        assert int(d["n_chars"]) == len((CORPUS / d["source"]).read_text(encoding="utf-8"))


def test_every_mention_offset_is_true(corpus_out):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    rows = read(corpus_out, "mentions")
    assert rows
    for r in rows:
        assert texts[r["doc_id"]][int(r["start"]):int(r["end"])] == unneutralise(r["text"]), r


def test_every_label_occurs_on_the_corpus(corpus_out):
    assert {r["label"] for r in read(corpus_out, "mentions")} == set(LABELS)


def test_fact_values_are_in_their_domains(corpus_out):
    for r in read(corpus_out, "partners"):
        assert r["role"] in ("lead", "partner", "associate", "project_agency")
    for r in read(corpus_out, "periods"):
        assert r["kind"] in ("funding", "phase", "deadline", "other")
    for r in read(corpus_out, "ministries"):
        assert r["level"] in ("federal", "state")
    for table in ("centres", "periods", "funding"):
        for r in read(corpus_out, table):
            for col in ("start", "end"):
                assert r[col] == "" or r[col][:4].isdigit(), (table, r)


def test_a_bad_file_gets_an_error_row_and_the_rest_go_on(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Das Kompetenzzentrum in Bremen erhält 1,2 Mio. Euro.", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    status = {d["doc_id"]: (d["status"], d["error"]) for d in read(out, "documents")}
    assert status["good"] == ("ok", "")
    assert status["empty"][0] == "error" and status["empty"][1]
    assert status["binary"][0] == "error" and status["binary"][1]
    strict = CliRunner().invoke(app, ["run", str(corpus), "--out", str(out), "--strict"])
    assert strict.exit_code == 1


def test_a_missing_corpus_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "corpus not found" in result.output
