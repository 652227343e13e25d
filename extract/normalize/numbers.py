"""German numerals: digit strings with German separators and number words."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Number words as they precede a unit ("drei Jahre", "eine Million", "knapp einer Million").
WORDS: dict[str, Decimal] = {
    "ein": Decimal(1), "eine": Decimal(1), "einer": Decimal(1), "einem": Decimal(1),
    "einen": Decimal(1), "eines": Decimal(1), "zwei": Decimal(2), "drei": Decimal(3),
    "vier": Decimal(4), "fünf": Decimal(5), "sechs": Decimal(6), "sieben": Decimal(7),
    "acht": Decimal(8), "neun": Decimal(9), "zehn": Decimal(10), "elf": Decimal(11),
    "zwölf": Decimal(12), "fünfzehn": Decimal(15), "zwanzig": Decimal(20),
    "dreißig": Decimal(30), "vierzig": Decimal(40), "fünfzig": Decimal(50),
    "sechzig": Decimal(60), "siebzig": Decimal(70), "achtzig": Decimal(80),
    "neunzig": Decimal(90), "hundert": Decimal(100), "einhundert": Decimal(100),
    "zweihundert": Decimal(200), "dreihundert": Decimal(300),
    "anderthalb": Decimal("1.5"), "eineinhalb": Decimal("1.5"),
    "zweieinhalb": Decimal("2.5"), "dreieinhalb": Decimal("3.5"),
}
_SPACES = re.compile(r"[\s\u00a0\u202f']")
# A dot (or space) followed by exactly three digits groups thousands; otherwise it is a decimal point.
_SPACE_GROUPED = re.compile(r"^\d{1,3}(?:[\s\u00a0\u202f']\d{3})+(?:,\d+)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")


def word_number(word: str) -> Decimal | None:
    """'drei' -> 3, 'einer' -> 1, 'Zwölf' -> 12; None for anything else."""
    return WORDS.get(word.strip().lower().replace("dreissig", "dreißig"))


def parse_number(text: str) -> Decimal | None:
    """'3,6' -> 3.6, '500.000' -> 500000, '800 000' -> 800000, '1.5' -> 1.5, 'vier' -> 4."""
    raw = text.strip()
    if not raw:
        return None
    if not raw[0].isdigit():
        return word_number(raw)
    compact = _SPACES.sub(".", raw) if _SPACE_GROUPED.match(raw) else raw
    if _GROUPED.match(compact):
        compact = compact.replace(".", "")
    compact = compact.replace(",", ".")
    if compact.count(".") > 1:
        return None
    try:
        return Decimal(compact)
    except InvalidOperation:
        return None
