from decimal import Decimal

import pytest

from extract.normalize.money import amount_eur, scale_factor
from extract.normalize.numbers import parse_number, word_number


@pytest.mark.parametrize("number, scale, euros", [
    ("3,6", "Mio.", 3_600_000),
    ("4,6", "Millionen", 4_600_000),
    ("28", "Mio", 28_000_000),
    ("500.000", None, 500_000),
    ("800 000", None, 800_000),
    ("112.836", None, 112_836),
    ("eine", "Million", 1_000_000),
    ("einer", "Million", 1_000_000),
    ("zwei", "Millionen", 2_000_000),
    ("Vier", "Millionen", 4_000_000),
    ("1,5", "Mrd.", 1_500_000_000),
    ("42,39", "Millionen", 42_390_000),
    ("eineinhalb", "Milliarden", 1_500_000_000),
    ("250", "TEUR", 250_000),
    ("1.5", "Mio.", 1_500_000),
])
def test_amount_eur(number, scale, euros):
    assert amount_eur(number, scale) == euros


@pytest.mark.parametrize("number, scale", [("drei", "Dutzend"), ("viele", "Millionen"), ("1.2.3", None)])
def test_amount_eur_rejects_what_is_not_an_amount(number, scale):
    assert amount_eur(number, scale) is None


@pytest.mark.parametrize("text, value", [
    ("3,6", Decimal("3.6")), ("1.500.000,50", Decimal("1500000.50")), ("1.500", Decimal(1500)),
    ("2.5", Decimal("2.5")), ("17 300", Decimal(17300)), ("zwölf", Decimal(12)), ("dreissig", Decimal(30)),
    ("", None), ("zehntausend", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_word_number_and_scale():
    assert word_number("anderthalb") == Decimal("1.5")
    assert scale_factor(None) == 1 and scale_factor("Mrd.") == 10**9 and scale_factor("Stück") is None
