"""The renderers of `extract show` / `extract explain` on hand-built views (no pipeline needed)."""
from __future__ import annotations

import json
import re
from html import escape

import pytest

from extract.explain import explanation, format_explanation
from extract.html_view import render_html
from extract.model import Mention
from extract.show import View, render, render_inner, render_text, split_nested, want_colour
from extract.terminal import text_table

TEXT = ("Startseite > Presse\n\nDas Kompetenzzentrum Kassel erhält 2 Mio. Euro vom "
        "Bundesministerium für Bildung und Forschung.\nFoto: Stadt Kassel")


def mention(label: str, phrase: str, rule: str, nth: int = 0, **kw) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return Mention(label, start, start + len(phrase), phrase, rule, **kw)


@pytest.fixture
def view() -> View:
    noise_start = TEXT.index("Foto")
    mentions = [
        mention("CENTRE", "Kompetenzzentrum Kassel", "t.centre", normalized="Kompetenzzentrum Kassel"),
        mention("CITY", "Kassel", "t.city", normalized="Kassel", attrs={"state": "Hessen"}),
        mention("MONEY", "2 Mio. Euro", "t.money", normalized="2000000", attrs={"amount_eur": 2000000}),
        mention("MINISTRY", "Bundesministerium für Bildung und Forschung", "t.ministry"),
        mention("CITY", "Kassel", "t.city", nth=1, normalized="Kassel", noise=True),
    ]
    facts = {
        "centres": [{"centre": "Kompetenzzentrum Kassel", "city": "Kassel", "state": "Hessen",
                     "funding_eur": 2000000, "rule": "t.centre", "start_char": mentions[0].start,
                     "end_char": mentions[0].end}],
        "funding": [{"centre": "Kompetenzzentrum Kassel", "amount_eur": 2000000, "text": "2 Mio. Euro",
                     "scope": "centre", "rule": "t.money", "start_char": mentions[2].start,
                     "end_char": mentions[2].end}],
    }
    return View(text=TEXT, mentions=mentions, noise=[(0, 19, "t.nav"), (noise_start, len(TEXT), "t.credit")],
                facts=facts, doc_id="kassel", title="Kassel <neu>", published="2022-05-04")


def test_mentions_hold_true_offsets(view):
    for m in view.mentions:
        assert TEXT[m.start:m.end] == m.text


def test_nested_mentions_split_into_outer_and_inner(view):
    outer, inner = split_nested(view.mentions)
    assert [m.label for m in outer] == ["CENTRE", "MONEY", "MINISTRY", "CITY"]
    assert [(m.label, m.text) for m in inner] == [("CITY", "Kassel")]


def test_plain_text_marks_outer_mentions_and_keeps_the_text(view):
    out = render_text(view, colour=False)
    assert "[Kompetenzzentrum Kassel]{CENTRE}" in out
    assert "[2 Mio. Euro]{MONEY}" in out
    assert "[Kassel]{CITY}" in out  # the one in the credit line, which is outer there
    assert "\x1b" not in out
    assert re.sub(r"\[([^\]]*)\]\{[A-Z]+\}", r"\1", out) == TEXT


def test_inner_mentions_are_listed_after_the_text(view):
    listed = render_inner(view)
    inner = view.mentions[1]
    assert f"CITY      {inner.start}–{inner.end}  Kassel  (t.city)" in listed


def test_colour_text_uses_one_colour_per_label_and_dims_noise(view):
    out = render_text(view, colour=True)
    assert "\x1b[30;48;5;214mKompetenzzentrum Kassel\x1b[0m" in out
    assert "\x1b[30;48;5;228m2 Mio. Euro\x1b[0m" in out
    assert "\x1b[2mStartseite > Presse\x1b[0m" in out
    assert "\x1b[2;38;5;120mKassel\x1b[0m" in out  # a mention inside boilerplate: dimmed hue
    assert re.sub(r"\x1b\[[0-9;]*m", "", out) == TEXT


def test_colour_never_runs_past_a_line_break():
    text = "vom 1. Mai\n2021 an"
    v = View(text=text, mentions=[Mention("PERIOD", 0, len(text), text, "t.p")])
    assert "\x1b[0m\n\x1b[30;48;5;210m" in render_text(v, colour=True)


def test_control_characters_cannot_reach_the_terminal():
    text = "Bremen \x1b[31mrot\x07 und\r\n mehr"
    v = View(text=text, mentions=[Mention("CITY", 0, 6, "Bremen", "t.c")])
    for colour in (True, False):
        out = render(v, colour=colour)
        assert "\x07" not in out and "\r" not in out
        assert "\x1b[31m" not in out


class _Stream:
    def __init__(self, tty: bool):
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("tty, no_color, expected", [
    (True, None, True), (False, None, False), (True, "1", False),
])
def test_colour_only_on_a_terminal_without_no_color(monkeypatch, tty, no_color, expected):
    monkeypatch.delenv("NO_COLOR", raising=False)
    if no_color:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert want_colour(_Stream(tty)) is expected


def test_summary_lists_facts_and_empty_tables(view):
    out = render(view, colour=False)
    assert "centres (1):" in out and "Kompetenzzentrum Kassel" in out
    assert "partners: none" in out
    assert "noise ranges:" in out and "t.credit" in out
    assert "CENTRE 1, CITY 2" in out


def test_html_page_is_self_contained_and_escaped():
    text = 'Die <script>alert("x")</script> GmbH & Co. in Köln'
    start = text.index("Köln")
    v = View(text=text, mentions=[Mention("CITY", start, start + 4, "Köln", "t.<city>")],
             title="<b>Titel</b>")
    page = render_html(v)
    assert "<script" not in page
    assert escape('<script>alert("x")</script> GmbH & Co.') in page
    assert "<b>Titel</b>" not in page and "&lt;b&gt;Titel&lt;/b&gt;" in page
    assert "t.&lt;city&gt;" in page
    for external in ("http://", "https://", "<link", "src=", "@import"):
        assert external not in page


def test_html_marks_every_mention_with_label_rule_and_offsets(view):
    page = render_html(view)
    for m in view.mentions:
        assert re.search(rf'<mark class="l-{m.label}[^"]*" id="m\d+" title="{m.label} · rule {m.rule}'
                         rf"\noffsets {m.start}–{m.end}", page), m
    # the city nests inside the centre: the inner mark closes before the outer one's tag
    assert 'Kompetenzzentrum <mark class="l-CITY"' in page
    assert 'Kassel<span class="tag">CITY</span></mark><span class="tag">CENTRE</span></mark>' in page
    assert 'class="l-CITY in-noise"' in page
    assert '<span class="noise">Startseite &gt; Presse</span>' in page


def test_html_shows_the_facts_tables(view):
    page = render_html(view)
    for title in ("Centres", "Partners", "Funding", "Periods", "Persons", "Ministries", "Cities"):
        assert f"<h3>{title} " in page
    for header in ("centre", "city", "state", "funding", "lead", "acronym", "role", "topic", "months"):
        assert f"<th>{header}</th>" in page
    assert "2.000.000 €" in page
    assert 'class="badge l-CITY">CITY <b>2</b>' in page


def test_html_lists_crossing_mentions_apart():
    text = "Technische Universität Dresden"
    a = Mention("ORG", 0, 22, text[:22], "t.org")
    b = Mention("CITY", 11, 30, text[11:30], "t.cross")
    page = render_html(View(text=text, mentions=[a, b]))
    assert "Overlapping mentions not shown inline" in page and "t.cross" in page
    assert page.count("<mark ") == 1


def test_explanation_puts_provenance_first(view):
    data = explanation(view)
    assert [m["rule"] for m in data["mentions"]] == ["t.centre", "t.city", "t.money", "t.ministry", "t.city"]
    assert list(data["facts"]["centres"][0])[:3] == ["rule", "start_char", "end_char"]
    assert json.loads(format_explanation(view, as_json=True))["doc_id"] == "kassel"
    plain = format_explanation(view)
    assert "partners (0):" in plain and "t.ministry" in plain


def test_text_table_cuts_long_cells_and_hides_line_breaks():
    out = text_table(["a", "b"], [["x" * 50, "eins\nzwei"]], width=10)
    assert "xxxxxxxxx…" in out and "eins⏎zwei" in out
    assert len(out.splitlines()) == 2
