"""The text toolkit (extract/text/): ranges, clauses and bullet lists on texts written here."""
from __future__ import annotations

import pytest

from extract.text.case import lower, lower_keeping_offsets
from extract.text.clauses import clause, opens_relative
from extract.text.lists import bullet_items
from extract.text.ranges import Ranges, merged, windows


@pytest.mark.parametrize("ranges, expected", [
    ([(10, 20), (0, 5), (5, 8)], [(0, 8), (10, 20)]),           # touching ranges join, order restored
    ([(0, 10, "nav"), (2, 4, "credit")], [(0, 10)]),            # a range inside another; extra fields ignored
    ([], []),
])
def test_merged(ranges, expected):
    assert merged(ranges) == expected


def test_windows_around_hits_are_clipped_and_merged():
    assert windows([(2, 4), (9, 10), (40, 41)], 3, 2, 42) == [(0, 12), (37, 42)]


def test_ranges_overlap_and_contain_by_bisect():
    ranges = Ranges([(10, 20), (30, 40), (15, 25)])
    assert ranges.overlap(24, 26) and not ranges.overlap(25, 30) and ranges.overlap(0, 11)
    assert ranges.contains(10) and not ranges.contains(25) and not ranges.contains(9)


def test_the_clause_around_a_position_and_a_relative_clause_opening_it():
    text = "Das Zentrum, das in Kassel angesiedelt ist, berät Betriebe; es wächst."
    start, end = clause(text, text.index("Kassel"), 0, len(text))
    assert text[start:end] == " das in Kassel angesiedelt ist"
    assert opens_relative(text, start) and not opens_relative(text, text.index(" berät"))


def test_bullet_entries_after_a_colon():
    text = "Standorte:\n• Kassel – Universität\n\n• Fulda – Hochschule\nDanach folgt Text."
    assert [text[s:e] for s, e in bullet_items(text, text.index(":") + 1)] == [
        "Kassel – Universität", "Fulda – Hochschule"]
    text = "Die Standorte sind etwa\n• Kassel\n"
    assert bullet_items(text, text.index(" sind")) == []   # words without a colon: no announced list


def test_lower_keeps_offsets_or_says_it_cannot():
    assert lower("Zentrum KASSEL") == "zentrum kassel"
    assert lower("Ein \u0130stanbul-Büro") is None           # re and str.lower fold İ differently
    assert lower_keeping_offsets("Das Zentrum") == "das zentrum"
    assert lower_keeping_offsets("\u0130nnovation") is None   # İ lowers to two characters


def test_semicolon_bounds_stop_at_the_semicolons_around_a_span_inside_the_sentence():
    from extract.text.clauses import semicolon_bounds

    text = "Der Sitz ist in Kassel; die Sprechstunden sind in Fulda; das Büro in Marburg."
    start = text.index("Sprechstunden")
    assert text[slice(*semicolon_bounds(text, start, start, 0, len(text)))] == " die Sprechstunden sind in Fulda"
    assert semicolon_bounds(text, 3, 3, 0, 10) == (0, 10)
