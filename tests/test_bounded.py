"""Bounded time per document (issue 11, items 5 and 6): per-mention searches are windowed,
sentences are capped, and a document over its time budget gets an error row."""
from __future__ import annotations

import csv
import itertools
import random
import time

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.text.sentences import Sentences


def _seconds(nlp, text: str) -> float:
    from extract.pipeline import analyse_long

    started = time.perf_counter()
    analyse_long(nlp, text)
    return time.perf_counter() - started


# Each took 5-10 s before the per-mention searches were windowed (quadratic in the sentence);
# now ~0.2-0.4 s. The bound leaves room for a slow, shared machine.
_CITIES = ("Bremen", "Leipzig", "Magdeburg", "Ilmenau", "Hannover", "Dresden")
_KINDS = ("Universität", "Hochschule", "Handwerkskammer", "Fraunhofer-Institut", "Kompetenzzentrum")
_WORDS = ("das Kompetenzzentrum in Bremen wird vom Bundesministerium für Wirtschaft und Energie mit "
          "Millionen Euro gefördert und die Förderung läuft bis Ende 2024 Partner sind Universität "
          "Leipzig Handwerkskammer").split()


def _no_full_stop() -> str:
    rng = random.Random(1)
    return " ".join(rng.choice(_WORDS) for _ in range(20000))


@pytest.mark.parametrize("make", [
    lambda: "Kompetenzzentrum " * 6000,
    lambda: "Partner sind " + ", ".join(f"die {_KINDS[i % 5]} {_CITIES[i % 6]}" for i in range(9000)) + ".",
    _no_full_stop,
    lambda: ("Prof. Dr. Anna Schmidt von der Universität Leipzig und Hans Müller, Geschäftsführer der "
             "Handwerkskammer Dresden, ") * 1750,
    lambda: "\n- Universität Leipzig (Thema: KI)\n- Partner: Hochschule Bremen\n" * 2000,
    lambda: ("Partner sind die Universität Leipzig und die Hochschule Bremen sowie das Kompetenzzentrum "
             "Dresden, Koordinator ist die TU Chemnitz; ") * 2500,
], ids=["one long sentence", "long comma list", "no full stop", "persons and institutions",
        "a partner cue on every bullet", "cues, institutions and places"])
def test_pathological_texts_take_linear_time(nlp, make):
    text = make()
    assert len(text) > 100_000 or text.count("\n") > 5000
    assert _seconds(nlp, text) < 3.0


def test_sentences_are_capped_and_still_cover_the_text():
    text = "wort " * 2000 + "Ende. Der nächste Satz."
    spans = Sentences(text).spans
    assert max(end - start for start, end in spans) <= 1000
    assert spans[0][0] == 0 and spans[-1] == (text.index("Der"), len(text))
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    # the lookup by offset finds the pieces too
    assert Sentences(text).span(text.index("Der")) == spans[-1]
    assert Sentences(text).span(1500) in spans[1:-1]


def test_a_capped_sentence_keeps_the_city_of_a_centre_in_it(nlp):
    # the dateline rule reads from the sentence start: it still holds inside a long sentence
    from extract.pipeline import analyse_long

    text = "Bremen: Das Kompetenzzentrum startet " + "heute und morgen " * 400
    doc = analyse_long(nlp, text)
    (centre,) = [m for m in doc._.mentions if m.label == "CENTRE"]
    assert centre.attrs["city"] == "Bremen"


def _slow_for(marker: str, seconds: float):
    from extract import pipeline

    real = pipeline.analyse_long

    def analyse_long(nlp, text, **kw):
        if marker in text:
            time.sleep(seconds)
        return real(nlp, text, **kw)

    return analyse_long


def test_a_document_over_its_time_budget_gets_an_error_row_and_the_run_goes_on(tmp_path, monkeypatch):
    from extract import pipeline

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Das Kompetenzzentrum in Bremen. LANGSAM", encoding="utf-8")
    (corpus / "b.txt").write_text("Das Kompetenzzentrum in Leipzig erhält 1 Mio. Euro.", encoding="utf-8")
    monkeypatch.setattr(pipeline, "analyse_long", _slow_for("LANGSAM", 30))
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["run", str(corpus), "--out", str(tmp_path / "o"), "-q",
                                      "--doc-timeout", "0.5"])
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - started < 20
    with (tmp_path / "o" / "documents.csv").open(encoding="utf-8") as fh:
        rows = {r["doc_id"]: r for r in csv.DictReader(fh)}
    assert rows["a"]["status"] == "error" and "timed out" in rows["a"]["error"]
    assert "--doc-timeout" in rows["a"]["error"]
    assert rows["b"]["status"] == "ok"


def test_a_huge_document_is_announced_when_it_starts(tmp_path, monkeypatch):
    from extract import runner

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "big.txt").write_text("Das Kompetenzzentrum in Bremen. " * 100, encoding="utf-8")
    monkeypatch.setattr(runner, "BIG_DOCUMENT", 1000)
    result = CliRunner().invoke(app, ["run", str(corpus), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "reading big.txt" in result.stderr


def test_a_list_a_sentence_opens_is_capped():
    from extract.text.sentences import MAX_BLOCK

    text = "Partner sind:\n" + "- Universität Leipzig\n" * 2000
    start, end = Sentences(text).block(0)
    assert start == 0 and MAX_BLOCK <= end < MAX_BLOCK + 40
