"""One decoded, normalised text for every path (issue 11, items 7-9): UTF-16 with BOM,
invisible format characters, and the Python API normalise like `extract run`."""
from __future__ import annotations

import csv
import unicodedata

import pytest
from typer.testing import CliRunner

from extract import analyse_text
from extract.cli import app
from extract.tables import unneutralise

TEXT = ("Das Kompetenzzentrum in Magdeburg wird vom Bundesministerium für Wirtschaft und Energie "
        "mit 1,2 Mio. Euro gefördert. Partner ist die Otto-von-Guericke-Universität Magdeburg.\n")


def _run(tmp_path, name: str, data: bytes) -> tuple[dict, list[dict], str]:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / name).write_bytes(data)
    out = tmp_path / "o"
    result = CliRunner().invoke(app, ["run", str(corpus), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    with (out / "documents.csv").open(encoding="utf-8") as fh:
        (doc,) = list(csv.DictReader(fh))
    with (out / "mentions.csv").open(encoding="utf-8") as fh:
        mentions = list(csv.DictReader(fh))
    assert doc["text_file"], "no texts/ copy: the offsets would index nothing a reader has"
    return doc, mentions, (out / doc["text_file"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "cp1252"])
def test_a_file_that_is_not_plain_utf8_gets_a_text_copy_its_offsets_index(tmp_path, encoding):
    data = TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    _doc, mentions, text = _run(tmp_path, "a.txt", data)
    assert text == TEXT
    assert {"CENTRE", "CITY", "MONEY"} <= {m["label"] for m in mentions}
    for m in mentions:
        assert text[int(m["start"]):int(m["end"])] == unneutralise(m["text"])


@pytest.mark.parametrize("char", ["\u200e", "\u200f", "\u200c", "\u2066", "\u2067", "\u2068", "\u2069",
                                  "\ufeff", "\u00ad", "\u200b"])
def test_invisible_format_characters_split_no_word_and_offsets_stay_true(tmp_path, char):
    broken = TEXT.replace("Magdeburg wird", f"Magde{char}burg wird")
    _doc, mentions, text = _run(tmp_path, "a.txt", broken.encode("utf-8"))
    assert text == TEXT
    cities = [m for m in mentions if m["label"] == "CITY"]
    assert cities and all(c["normalized"] == "Magdeburg" for c in cities)
    for m in mentions:
        assert text[int(m["start"]):int(m["end"])] == unneutralise(m["text"])
    facts = analyse_text(broken)
    assert [c["city"] for c in facts["centres"]] == ["Magdeburg"]


def _names(facts: dict, table: str) -> list[str]:
    return sorted(row["name"] for row in facts[table])


def test_the_python_api_normalises_like_the_command_line():
    nfd = unicodedata.normalize("NFD", TEXT)
    assert nfd != TEXT
    facts, plain = analyse_text(nfd), analyse_text(TEXT)
    assert _names(plain, "ministries") and _names(plain, "partners")
    assert _names(facts, "ministries") == _names(plain, "ministries")
    assert _names(facts, "partners") == _names(plain, "partners")
    assert [m["start"] for m in facts["mentions"]] == [m["start"] for m in plain["mentions"]]


@pytest.mark.parametrize("value", ["garbage", "2021-02-30", "15.01.2021"])
def test_a_published_date_that_is_no_date_is_a_clear_value_error(value):
    with pytest.raises(ValueError, match=value):
        analyse_text(TEXT, published=value)


def test_a_published_date_is_used():
    facts = analyse_text("Das Kompetenzzentrum in Bremen startet.", published="2021-01-15")
    assert facts["documents"][0]["published"] == "2021-01-15"
