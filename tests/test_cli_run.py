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


def test_html_input_gets_a_text_copy_that_the_offsets_refer_to(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "page.html").write_text(
        "<html><head><title>Neues Zentrum</title></head><body><nav>Startseite | Presse</nav><article>"
        "<h1>Neues Zentrum</h1><p>Das Kompetenzzentrum in Leipzig wird vom Bundesministerium für "
        "Wirtschaft und Energie mit 2,5 Millionen Euro gefördert. Die Förderung läuft bis Ende 2024.</p>"
        "<p>Partner sind die Universität Leipzig und die Handwerkskammer zu Leipzig.</p></article></body></html>",
        encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["run", str(corpus), "--out", str(out), "-q"]).exit_code == 0
    (doc,) = read(out, "documents")
    assert doc["status"] == "ok" and doc["kind"] == "html" and doc["text_file"] == "texts/page.txt"
    text = (out / doc["text_file"]).read_text(encoding="utf-8")
    mentions = read(out, "mentions")
    assert {"CITY", "MINISTRY", "MONEY"} <= {m["label"] for m in mentions}
    for m in mentions:
        assert text[int(m["start"]):int(m["end"])] == unneutralise(m["text"])


def test_a_document_beyond_the_piece_limit_is_processed_in_pieces(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    para = ("Das Kompetenzzentrum in Bremen erhält 1,5 Mio. Euro vom Bundesministerium für Wirtschaft "
            "und Energie (BMWi). Die Förderung läuft von 2018 bis 2020.\n\n")
    text = para * (250_000 // len(para) + 1)
    (corpus / "long.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["run", str(corpus), "--out", str(out), "-q"]).exit_code == 0
    assert read(out, "documents")[0]["status"] == "ok"
    mentions = read(out, "mentions")
    assert max(int(m["end"]) for m in mentions) > 200_000  # mentions found in the later pieces
    for m in mentions:
        assert text[int(m["start"]):int(m["end"])] == unneutralise(m["text"])
