import pytest

from extract.normalize import periods as P
from extract.normalize.dates import parse_date


@pytest.mark.parametrize("first, last, start, end, months", [
    ("2018", "2020", "2018-01", "2020-12", 36),
    ("1. Juli 2018", "30. Juni 2021", "2018-07", "2021-06", 36),
    ("Januar 2021", "Ende 2022", "2021-01", "2022-12", 24),
    ("2021", "2021", "2021-01", "2021-12", 12),
])
def test_range_of(first, last, start, end, months):
    assert P.range_of(parse_date(first), parse_date(last)) == {
        "start": start, "end": end, "duration_months": months}


def test_range_backwards_is_none():
    assert P.range_of(parse_date("2020"), parse_date("2018")) is None


@pytest.mark.parametrize("text, end", [
    ("Ende 2022", "2022-12"), ("Ende Juli 2020", "2020-07"), ("2020", "2020-12"),
    ("Juni 2024", "2024-06"), ("Herbst 2023", "2023-09"), ("23.12.2016", "2016-12"),
])
def test_until(text, end):
    assert P.until(parse_date(text)) == {"start": None, "end": end, "duration_months": None}


def test_since():
    assert P.since(parse_date("1. Januar 2020"))["start"] == "2020-01"
    assert P.since(parse_date("Herbst 2023"))["start"] == "2023-09"


@pytest.mark.parametrize("number, unit, months", [
    ("drei", "Jahren", 36), ("zwei", "Jahre", 24), ("36", "Monate", 36), ("30", "Monaten", 30),
    ("drei", "jährige", 36), ("3-", "jährige", 36), ("anderthalb", "Jahre", 18), ("ein", "Jahr", 12),
    ("viele", "Jahre", None), ("0", "Monate", None),
])
def test_duration_months(number, unit, months):
    assert P.duration_months(number, unit) == months


def test_span_fills_the_missing_bound():
    assert P.span(start="2021-01", duration=24)["end"] == "2022-12"
    assert P.span(end="2025-09", duration=36)["start"] == "2022-10"
    assert P.span(start="2018-01", end="2020-12")["duration_months"] == 36


def test_month_arithmetic_and_compact():
    assert P.add_months("2020-12", 1) == "2021-01" and P.add_months("2021-01", -1) == "2020-12"
    assert P.months_inclusive("2018-07", "2021-06") == 36
    assert P.compact({"start": "2018-01", "end": "2020-12", "duration_months": 36}) == "2018-01/2020-12"
    assert P.compact({"start": None, "end": "2020-07", "duration_months": None}) == "../2020-07"
    assert P.compact({"start": None, "end": None, "duration_months": 36}) == "P36M"
