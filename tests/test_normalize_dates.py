from datetime import date

import pytest

from extract.normalize.dates import iso_to_date, month_number, parse_date, parse_fallback, parse_relative_year


@pytest.mark.parametrize("text, iso, first, last", [
    ("15. Januar 2021", "2021-01-15", "2021-01", "2021-01"),
    ("23.12.2016", "2016-12-23", "2016-12", "2016-12"),
    ("1.7.2018", "2018-07-01", "2018-07", "2018-07"),
    ("15.10.24", "2024-10-15", "2024-10", "2024-10"),
    ("2021-01-15", "2021-01-15", "2021-01", "2021-01"),
    ("Juli 2020", "2020-07", "2020-07", "2020-07"),
    ("Sept. 2020", "2020-09", "2020-09", "2020-09"),
    ("Maerz 2019", "2019-03", "2019-03", "2019-03"),
    ("Ende Juli 2020", "2020-07", "2020-07", "2020-07"),
    ("Ende 2022", "2022", "2022-12", "2022-12"),
    ("Herbst 2023", "2023", "2023-09", "2023-09"),
    ("Anfang des Jahres 2021", "2021", "2021-01", "2021-01"),
    ("2019", "2019", "2019-01", "2019-12"),
])
def test_parse_date(text, iso, first, last):
    point = parse_date(text)
    assert (point.iso, point.first_month(), point.last_month()) == (iso, first, last)


@pytest.mark.parametrize("text", ["31.02.2020", "15. Brumaire 2020", "Industrie 4.0", "13.13.2013", "Ende"])
def test_parse_date_rejects(text):
    assert parse_date(text) is None


def test_precision_and_month_names():
    assert [parse_date(t).precision for t in ("3. Mai 2020", "Mai 2020", "2020")] == ["day", "month", "year"]
    assert month_number("März") == month_number("Mär.") == 3 and month_number("Brumaire") is None


def test_fallback_needs_a_reference_date():
    assert parse_fallback("gestern", None) is None
    assert parse_fallback("gestern", date(2021, 1, 15)).iso == "2021-01-14"


def test_iso_to_date():
    assert iso_to_date("2021-01-15") == date(2021, 1, 15)
    assert iso_to_date("2021-01") is None and iso_to_date(None) is None and iso_to_date("2021-02-30") is None


@pytest.mark.parametrize("text, iso", [
    ("March 3, 2021", "2021-03-03"), ("Mar. 3, 2021", "2021-03-03"), ("3 March 2021", "2021-03-03"),
    ("3rd March 2021", "2021-03-03"), ("Oct 12 2020", "2020-10-12"),
])
def test_parse_english_day_dates(text, iso):
    assert parse_date(text).iso == iso


def test_english_dates_must_be_real_days():
    assert parse_date("31 February 2021") is None and parse_date("Brumaire 3, 2021") is None


@pytest.mark.parametrize("text, iso, last", [
    ("Ende des Jahres", "2020", "2020-12"), ("Ende dieses Jahres", "2020", "2020-12"),
    ("Ende des kommenden Jahres", "2021", "2021-12"), ("Mitte des nächsten Jahres", "2021", "2021-06"),
    ("im nächsten Jahr", "2021", "2021-12"), ("Ende nächsten Jahres", "2021", "2021-12"),
    ("Jahresende", "2020", "2020-12"), ("Jahresmitte", "2020", "2020-06"),
])
def test_relative_year_against_the_reference_date(text, iso, last):
    point = parse_relative_year(text, date(2020, 5, 4))
    assert (point.iso, point.last_month()) == (iso, last)


def test_relative_year_needs_a_reference_date_and_a_known_offset():
    assert parse_relative_year("Ende des Jahres", None) is None
    assert parse_relative_year("Ende des vergangenen Jahres", date(2020, 5, 4)) is None
