"""Money amounts to whole euros."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .numbers import parse_number

_SCALES = {
    "tsd": 10**3, "tsd.": 10**3, "tausend": 10**3, "teur": 10**3, "t€": 10**3,
    "mio": 10**6, "mio.": 10**6, "million": 10**6, "millionen": 10**6,
    "mrd": 10**9, "mrd.": 10**9, "milliarde": 10**9, "milliarden": 10**9,
}


def scale_factor(word: str | None) -> int | None:
    """'Mio.' -> 10**6; None/'' -> 1; an unknown word -> None."""
    if not word:
        return 1
    return _SCALES.get(word.strip().lower())


def amount_eur(number: str, scale: str | None = None) -> int | None:
    """('3,6', 'Mio.') -> 3600000; ('eine', 'Million') -> 1000000; ('500.000', None) -> 500000."""
    value, factor = parse_number(number), scale_factor(scale)
    if value is None or factor is None:
        return None
    return int((value * factor).quantize(Decimal(1), rounding=ROUND_HALF_UP))
