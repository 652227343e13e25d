"""The Python API: `from extract import analyse_text, load_pipeline`."""
from __future__ import annotations

import pytest

from extract import analyse_text, load_pipeline
from extract.model import LABELS
from extract.tables import COLUMNS

TEXT = ("Das Land Niedersachsen fördert das Kompetenzzentrum in Hannover mit 1,8 Millionen Euro. "
        "Das Niedersächsische Ministerium für Wirtschaft, Verkehr, Bauen und Digitalisierung "
        "begleitet das Zentrum in Hannover bis Ende 2024.")


@pytest.fixture(scope="module")
def facts():
    return analyse_text(TEXT, published="2021-06-01", doc_id="api")


def test_every_table_is_returned(facts):
    assert set(facts) == set(COLUMNS)
    for table, rows in facts.items():
        for row in rows:
            assert set(row) <= set(COLUMNS[table]), (table, row)


def test_mention_rows_hold_true_offsets(facts):
    rows = facts["mentions"]
    assert rows, "no mentions found"
    for r in rows:
        assert TEXT[r["start"]:r["end"]] == r["text"], r
        assert r["label"] in LABELS and r["rule"] and r["doc_id"] == "api"


def test_the_document_row_describes_the_text(facts):
    (doc,) = facts["documents"]
    assert doc["status"] == "ok" and doc["n_chars"] == len(TEXT)
    assert doc["published"] == "2021-06-01"  # the text has no date of its own
    assert doc["n_mentions"] == len(facts["mentions"])


def test_fact_rows_point_at_mentions(facts):
    spans = {(r["start"], r["end"]) for r in facts["mentions"]}
    rows = [r for t in COLUMNS if t not in ("documents", "mentions") for r in facts[t]]
    assert rows
    for r in rows:
        assert (r["start_char"], r["end_char"]) in spans, r


def test_load_pipeline_gives_ents_and_mentions():
    nlp = load_pipeline()
    doc = nlp(TEXT)
    assert doc._.mentions and doc.ents
    for m in doc._.mentions:
        assert TEXT[m.start:m.end] == m.text
    for ent in doc.ents:
        assert ent.label_ in LABELS and ent._.rule
