"""German date expressions to ISO strings at the precision the text gives.

`parse_date` handles the common shapes with our own code; `parse_fallback` hands a short
span to dateparser, and only when a reference date is known.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "febr": 2, "märz": 3,
    "maerz": 3, "marz": 3, "mär": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6,
    "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9,
    "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}
# English month names, for the date lines of pages in English ("March 3, 2021"); the German
# point rules never produce them, so "Mai"/"May" cannot be confused.
MONTHS_EN = {
    "january": 1, "february": 2, "march": 3, "mar": 3, "may": 5, "june": 6, "july": 7,
    "october": 10, "oct": 10, "december": 12, "dec": 12,
}
MONTHS_ALL = {**MONTHS, **MONTHS_EN}
# Parts of a year and the months they open and close ("bis Herbst 2023" ends 2023-09,
# the start of meteorological autumn, as the annotation guide has it).
PARTS = {
    "anfang": (1, 1), "beginn": (1, 1), "jahresanfang": (1, 1), "jahresbeginn": (1, 1),
    "frühjahr": (3, 3), "frühling": (3, 3), "mitte": (6, 6), "jahresmitte": (6, 6),
    "sommer": (6, 6), "herbst": (9, 9), "winter": (12, 12), "ende": (12, 12),
    "jahresende": (12, 12),
}
# A part before a named month narrows nothing beyond the month ("Ende Juli 2020" is 2020-07).

_NUMERIC = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_NAMED = re.compile(r"^(?:(\d{1,2})\.?\s*)?([A-Za-zÄÖÜäöü]+)\.?\s*(\d{4})$")
_PART = re.compile(r"^([A-Za-zÄÖÜäöü]+)\s+(?:des\s+Jahres\s+|(?:des\s+)?(?:Jahres\s+)?)?"
                   r"(?:([A-Za-zÄÖÜäöü]+)\.?\s+)?(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_ORDINAL = r"(?:st|nd|rd|th)?"
_EN_MDY = re.compile(rf"^([A-Za-z]+)\.?\s+(\d{{1,2}}){_ORDINAL},?\s*(\d{{4}})$")  # March 3, 2021
_EN_DMY = re.compile(rf"^(\d{{1,2}}){_ORDINAL}\s+([A-Za-z]+)\.?,?\s*(\d{{4}})$")  # 3 March 2021
# A year named relative to the reference date: "des Jahres" is its year, "des kommenden Jahres" the next.
_RELATIVE_YEAR = re.compile(
    r"^(?:(Anfang|Beginn|Mitte|Ende|Frühjahr|Frühling|Sommer|Herbst|Winter)\s+)?(?:(?:des|dieses|diesen|im|in|zum)\s+)?"
    r"(?:(kommenden|nächsten|folgenden|übernächsten|laufenden)\s+)?Jahr(?:es|e)?$"
    r"|^(Jahres(?:ende|mitte|anfang|beginn))$")
YEAR_OFFSETS = {None: 0, "laufenden": 0, "kommenden": 1, "nächsten": 1, "folgenden": 1,
                "übernächsten": 2}


@dataclass(frozen=True, slots=True)
class DatePoint:
    """A date at day, month or year precision; `part` keeps 'Ende', 'Herbst', ... of a year."""
    year: int
    month: int | None = None
    day: int | None = None
    part: str | None = None

    @property
    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def precision(self) -> str:
        return "year" if self.month is None else "month" if self.day is None else "day"

    def first_month(self) -> str:
        """The month the point opens ('Herbst 2023' -> 2023-09, '2018' -> 2018-01)."""
        month = self.month or (PARTS[self.part][0] if self.part else 1)
        return f"{self.year:04d}-{month:02d}"

    def last_month(self) -> str:
        """The month the point closes ('Ende 2022' -> 2022-12, 'Herbst 2023' -> 2023-09)."""
        month = self.month or (PARTS[self.part][1] if self.part else 12)
        return f"{self.year:04d}-{month:02d}"


def month_number(name: str) -> int | None:
    """'März' / 'Maerz' / 'Sept.' -> 3 / 3 / 9."""
    return MONTHS.get(name.strip().rstrip(".").lower())


def month_number_any(name: str) -> int | None:
    """month_number, English names too ('March', 'Oct.')."""
    return MONTHS_ALL.get(name.strip().rstrip(".").lower())


def full_year(digits: str) -> int:
    """Two-digit years are read as 20YY (press releases of this century)."""
    return int(digits) + 2000 if len(digits) == 2 else int(digits)


def make_point(year: int, month: int | None = None, day: int | None = None,
               part: str | None = None) -> DatePoint | None:
    """A DatePoint when the values form a real calendar date, else None."""
    if not 1000 <= year <= 2999 or (month is not None and not 1 <= month <= 12):
        return None
    if day is not None:
        try:
            date(year, month, day)
        except (TypeError, ValueError):
            return None
    return DatePoint(year, month, day, part)


def parse_date(text: str) -> DatePoint | None:
    """'15. Januar 2021', '23.12.2016', '2021-01-15', 'Juli 2020', 'Ende Juli 2020',
    'Herbst 2023', 'Anfang des Jahres 2021', '2019' -> DatePoint; None when not a date."""
    s = " ".join(text.split())
    if m := _NUMERIC.match(s):
        return make_point(full_year(m[3]), int(m[2]), int(m[1]))
    if m := _ISO.match(s):
        return make_point(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
    if m := _YEAR.match(s):
        return make_point(int(m[1]))
    if (m := _NAMED.match(s)) and (month := month_number(m[2])):
        return make_point(int(m[3]), month, int(m[1]) if m[1] else None)
    if (m := _EN_MDY.match(s)) and (month := month_number_any(m[1])):
        return make_point(int(m[3]), month, int(m[2]))
    if (m := _EN_DMY.match(s)) and (month := month_number_any(m[2])):
        return make_point(int(m[3]), month, int(m[1]))
    if (m := _PART.match(s)) and (part := m[1].lower()) in PARTS:
        if m[2]:
            month = month_number(m[2])
            return make_point(int(m[3]), month, None, part) if month else None
        return make_point(int(m[3]), None, None, part)
    return None


def parse_relative_year(text: str, base: date | None) -> DatePoint | None:
    """'Ende des Jahres' / 'Ende des kommenden Jahres' / 'Ende nächsten Jahres' / 'im nächsten
    Jahr' / 'Jahresende' -> the year counted from the reference date (the publication date);
    None without one."""
    m = _RELATIVE_YEAR.match(" ".join(text.split()))
    if base is None or not m:
        return None
    part = (m[1] or m[3] or "").lower() or None  # "Ende des Jahres" / "Jahresende"
    offset = YEAR_OFFSETS.get(m[2].lower() if m[2] else None)
    if offset is None or (part is not None and part not in PARTS):
        return None
    return make_point(base.year + offset, None, None, part)


def parse_fallback(text: str, base: date | None) -> DatePoint | None:
    """dateparser on a short span, only with a reference date (never today's date)."""
    if base is None or len(text) > 40:
        return None
    import dateparser  # slow to import; only needed for rare shapes

    settings = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                "RELATIVE_BASE": datetime(base.year, base.month, base.day)}
    found = dateparser.parse(text, languages=["de"], settings=settings)
    return make_point(found.year, found.month, found.day) if found else None


def iso_to_date(value: str | None) -> date | None:
    """'2021-01-15' -> date; None for partial or missing values."""
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None
