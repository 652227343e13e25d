"""`extract show` and `extract explain` end to end on a short release written for the test."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from html import escape

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.show import SUMMARY_COLUMNS, analyse_file, split_nested

RELEASE = """Neues Mittelstand-Digital Zentrum in Leipzig eröffnet

Leipzig, 12. Mai 2022 – Das Bundesministerium für Wirtschaft und Klimaschutz (BMWK) fördert \
das Mittelstand-Digital Zentrum Leipzig mit rund 3,2 Millionen Euro. Die Förderung läuft vom \
1. Juni 2022 bis zum 31. Mai 2025.

Unter der Leitung der Universität Leipzig arbeiten die Handwerkskammer zu Leipzig und die \
Hochschule Mittweida zusammen. Weitere Zentren gibt es in Dresden und Chemnitz im Freistaat Sachsen.
"""


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    path = tmp_path_factory.mktemp("show") / "leipzig.txt"
    path.write_text(RELEASE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def view(release):
    """What the pipeline emits for the release; the commands must show exactly this."""
    v = analyse_file(release)
    assert v.mentions, "the pipeline found nothing in the test release"
    return v


def invoke(*args: str, env: dict | None = None):
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result


def test_show_without_a_terminal_marks_every_outer_mention(release, view):
    out = invoke("show", str(release)).stdout
    assert "\x1b[" not in out
    outer, inner = split_nested(view.mentions)
    for m in outer:
        assert f"[{m.text}]{{{m.label}}}" in out, m
    body = out.split("─" * 72)[1].strip("\n")
    assert re.sub(r"\[([^\]]*)\]\{[A-Z]+\}", r"\1", body) == view.text.rstrip("\n")
    for m in inner:
        assert f"{m.start}–{m.end}" in out and m.rule in out


def test_show_honours_no_color(release):
    out = invoke("show", str(release), env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" not in out and "]{" in out


def test_show_prints_a_facts_summary(release, view):
    out = invoke("show", str(release)).stdout
    for table in SUMMARY_COLUMNS:
        rows = view.facts.get(table) or []
        assert (f"{table} ({len(rows)}):" if rows else f"{table}: none") in out


def test_show_html_writes_one_self_contained_page(release, view, tmp_path):
    page_path = tmp_path / "page" / "show.html"
    invoke("show", str(release), "--html", str(page_path))
    page = page_path.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    for m in view.mentions:
        assert escape(m.text) in page
        assert f"rule {escape(m.rule)}\noffsets {m.start}–{m.end}" in page, m
    for title in ("Centres", "Partners", "Funding", "Periods", "Persons", "Ministries", "Cities"):
        assert f"<h3>{title} " in page
    for header in ("centre", "city", "state", "funding", "start", "end", "lead", "name", "acronym",
                   "role", "topic", "kind", "organisation", "level", "mentions"):
        assert f"<th>{header}</th>" in page
    assert "https://" not in page and "<script" not in page


def test_published_date_is_checked_and_used(release, tmp_path):
    bad = CliRunner().invoke(app, ["show", str(release), "--published", "2022-13-01"])
    assert bad.exit_code == 2
    undated = tmp_path / "undated.txt"
    undated.write_text("Das Kompetenzzentrum in Jena erhält 500.000 Euro.", encoding="utf-8")
    data = json.loads(invoke("explain", str(undated), "--json", "--published", "2021-02-03").stdout)
    assert data["published"] == "2021-02-03"


def test_explain_lists_every_mention_with_rule_and_offsets(release, view):
    out = invoke("explain", str(release)).stdout
    lines = out.splitlines()
    for m in view.mentions:
        assert any(line.startswith(m.label) and f" {m.start} " in line and f" {m.end} " in line
                   and m.rule in line for line in lines), m
    assert f"mentions ({len(view.mentions)}):" in out


def test_explain_json_offsets_are_true_and_facts_carry_their_rule(release, view):
    data = json.loads(invoke("explain", str(release), "--json").stdout)
    text = view.text
    assert len(data["mentions"]) == len(view.mentions)
    for m in data["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
        assert m["rule"]
    assert [m["start"] for m in data["mentions"]] == sorted(m["start"] for m in data["mentions"])
    spans = {(m["start"], m["end"]) for m in data["mentions"]}
    rows = [r for table in data["facts"].values() for r in table]
    assert rows, "no fact rows for the test release"
    for r in rows:
        assert r["rule"]
        assert (r["start_char"], r["end_char"]) in spans, r


@pytest.mark.parametrize("command", ["show", "explain"])
def test_an_unreadable_file_is_a_clear_error(tmp_path, command):
    missing = CliRunner().invoke(app, [command, str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "file not found" in missing.output
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    failed = CliRunner().invoke(app, [command, str(empty)])
    assert failed.exit_code == 2 and "error:" in failed.output


def test_the_cli_module_imports_no_heavy_library():
    code = ("import sys, extract.cli, extract.show, extract.explain, extract.html_view; "
            "print(sorted(m for m in ('spacy', 'pandas', 'pyarrow', 'dask') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
