"""Resolve ministry surface forms to a canonical ministry by level, Land and reference date.

Pure functions over a table of `Ministry` rows (built from rules/gazetteers/ministries.csv);
no spaCy import. Dates are ISO strings, possibly partial ("2008", "2008-11").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Words that carry no portfolio: prepositions, articles, and the Land qualifiers of a name.
NAME_STOP = frozenset({
    "fur", "fuer", "und", "der", "des", "die", "den", "dem", "sowie", "landes", "freistaates",
    "freistaats", "saarlandes", "nrw",
})
NEWEST = "9999-12-31"
CITY_STATES = frozenset({"Berlin", "Bremen", "Hamburg"})
# Heads of a ministry name and the level/Land they imply (None: any state, then federal).
HEADS = {
    "bundesministerium": ("federal", None),
    "staatsministerium": ("state", None),
    "landesministerium": ("state", None),
    "ministerium": ("any", None),
    "senatsverwaltung": ("state", "Berlin"),
    "behorde": ("state", "Hamburg"),
    "behoerde": ("state", "Hamburg"),
    "senator": ("state", "Bremen"),
    "senatorin": ("state", "Bremen"),
}


@dataclass(frozen=True, slots=True)
class Ministry:
    id: str
    name: str
    acronym: str
    level: str
    state: str
    valid_from: str
    valid_to: str
    departments: tuple[str, ...]
    head: str                  # folded head word of the name ("bundesministerium", ...)
    tokens: frozenset[str]     # folded portfolio words of the name, without head and Land


@lru_cache(maxsize=8192)  # pure; the same names and dates recur
def fold(text: str) -> str:
    """Lower case, umlauts as ae/oe/ue/ss, accents and punctuation removed (like the scorer)."""
    text = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text)).strip()


@lru_cache(maxsize=8192)
def name_tokens(words: str, land_tokens: frozenset[str] = frozenset()) -> frozenset[str]:
    """Portfolio words of a name part: folded, without stop words and Land words."""
    out = set()
    for tok in fold(words).split():
        if tok in NAME_STOP or tok in land_tokens or len(tok) < 2:
            continue
        out.add(_stem(tok))
    return frozenset(out)


def _stem(tok: str) -> str:
    # "Innern"/"Inneren"/"Inneres", "Ländlichen"/"ländliche": inflection is not portfolio.
    if tok.startswith("inner"):
        return "innen"
    for suffix in ("en", "es", "e", "n"):
        if tok.endswith(suffix) and len(tok) > 7:
            return tok[:-len(suffix)]
    return tok


_HEAD_RE = re.compile(r"^(?:(?:Der|Die)\s+)?(?:[A-ZÄÖÜ][\w-]*(?:es|er|en|e)\s+)?"
                      r"(Bundesministerium|Staatsministerium|Ministerium|Senatsverwaltung|Behörde|"
                      r"Senatorin|Senator)\s+(?:für|der|des)\s+(.*)$")


def split_name(name: str, land_tokens: frozenset[str]) -> tuple[str, frozenset[str]]:
    """(folded head, portfolio tokens) of an official name; head '' for names of another shape."""
    m = _HEAD_RE.match(name)
    if not m:
        return "", frozenset()
    return fold(m.group(1)), name_tokens(m.group(2), land_tokens)


@lru_cache(maxsize=8192)
def iso_bounds(valid_from: str, valid_to: str) -> tuple[str, str]:
    """Comparable bounds: a partial start is padded to its first day, a partial end to its last."""
    lo = (valid_from or "0000") + "-01-01"[len(valid_from or "0000") - 4:]
    hi = (valid_to or "9999") + "-99-99"[len(valid_to or "9999") - 4:]
    return lo[:10], hi[:10]


@lru_cache(maxsize=8192)
def _months(date: str) -> int:
    return int(date[:4]) * 12 + int(date[5:7] if date[5:7].isdigit() else 6)


def distance(m: Ministry, date: str) -> int:
    """Months between `date` and the period the name was in use (0 inside it)."""
    lo, hi = iso_bounds(m.valid_from, m.valid_to)
    if date < lo:
        return _months(lo) - _months(date)
    if date > hi:
        return _months(date) - _months(hi.replace("-99", "-12"))
    return 0


def pick(candidates: list[Ministry], date: str, key=None) -> Ministry | None:
    """The candidate in use at `date`, else the one nearest in time; `key` breaks ties (lower wins)."""
    if not candidates:
        return None
    return min(candidates, key=lambda m: (distance(m, date), key(m) if key else 0,
                                          -_months(iso_bounds(m.valid_from, m.valid_to)[0])))


def resolve_name(table: list[Ministry], head: str, tokens: frozenset[str], *, state: str | None,
                 date: str, federal_ok: bool = True) -> Ministry | None:
    """The ministry a written name ("Ministerium für Wirtschaft und Energie") stands for.

    A written name matches every official name that contains all its portfolio words (texts
    shorten names); among those the Land decides, then the date, then the closest name.
    """
    if not tokens:
        return None
    level, fixed_state = HEADS.get(head, ("any", None))
    state = fixed_state or state
    pool = [m for m in table if m.tokens and tokens <= m.tokens]
    if level == "federal":
        pool = [m for m in pool if m.level == "federal"]
    elif fixed_state:
        pool = [m for m in pool if m.state == fixed_state]
    else:
        states = [m for m in pool if m.level == "state"]
        if head == "staatsministerium":
            states = [m for m in states if m.head == "staatsministerium"]
        in_land = [m for m in states if m.state == state] if state else []
        if in_land:
            pool = in_land
        elif level == "any" and federal_ok and any(m.level == "federal" for m in pool):
            pool = [m for m in pool if m.level == "federal"]
        elif len({m.state for m in states}) == 1:
            pool = states
        else:
            return None
    return pick(pool, date, key=lambda m: len(m.tokens - tokens))


def resolve_department(table: list[Ministry], department: str, *, level: str, state: str | None,
                       date: str) -> Ministry | None:
    """The ministry that held `department` (e.g. "wirtschaft") at `date` in the Land or the Bund."""
    pool = [m for m in table if department in m.departments and m.level == level
            and (level == "federal" or m.state == state)]
    return pick(pool, date, key=lambda m: m.departments.index(department))


def resolve_acronym(table: list[Ministry], acronym: str, *, state: str | None,
                    date: str) -> Ministry | None:
    """The ministry an acronym stands for; one shared by several Länder needs `state`."""
    pool = [m for m in table if m.acronym == acronym]
    if len({(m.level, m.state) for m in pool}) > 1:
        pool = [m for m in pool if m.state == state]
    return pick(pool, date)


_YEAR = re.compile(r"(?<!\d)(199\d|20[0-3]\d)(?!\d)")
# A year after these words is a deadline or the end of a span, not the time of writing.
_FUTURE = re.compile(r"(?:\b(?:[Bb]is|[Aa]b|spätestens|künftig)\s+(?:\w+\s+){0,2}|[-–]\s*)$")


def reference_date(text: str, published: str | None, undated: str = NEWEST) -> str:
    """The date names are resolved at: the publication date, else the latest year the text
    mentions outside deadlines ("bis 2025"), else the year before its earliest deadline,
    else `undated` (by default the newest names)."""
    if published and re.match(r"\d{4}", published):
        pad = "-07-01" if len(published) < 7 else "-01"
        return (published[:10] + pad)[:10]
    best, deadline = 0, 9999
    for m in _YEAR.finditer(text):
        year = int(m.group(1))
        if _FUTURE.search(text, max(0, m.start() - 20), m.start()):
            deadline = min(deadline, year)
        else:
            best = max(best, year)
    if best:
        return f"{best}-07-01"
    if deadline < 9999:      # only deadlines ("bis Ende 2020"): written the year before
        return f"{deadline - 1}-07-01"
    return undated


def dominant_state(votes: dict[str, int]) -> str | None:
    """The Land with most votes (names, adjectives, cities of the document), None when none."""
    if not votes:
        return None
    return max(votes.items(), key=lambda kv: kv[1])[0]


def nominative(head_text: str) -> str:
    """'Bundesministeriums' -> 'Bundesministerium' (genitive of the head word)."""
    return head_text[:-1] if head_text.endswith("iums") else head_text
