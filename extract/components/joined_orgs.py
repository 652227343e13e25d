"""Joined names: one plural head word shared by several institutions.

"die Landkreise Harburg, Stade und Celle" names three institutions, "die Fraunhofer-Institute
für A IPMS, für B IIS sowie für C ENAS" three more. The plural heads and their singulars are
data (rules/lists/institution_plurals.txt); this module reads the enumeration after them and
gives one (span, canonical name, acronym) per item, the span being the item's own words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_WS = r"[^\S\n]"
# A proper name item: capitalised words joined by hyphens, with "am Lech", "an der Ruhr" inside.
_NAME = (rf"[A-ZÄÖÜ][\wäöüß]+(?:-[\wäöüß]+)*(?:{_WS}+(?:am|an{_WS}der|im|in{_WS}der|ob{_WS}der)"
         rf"{_WS}+[A-ZÄÖÜ][\wäöüß]+)?")
_ARTICLE = rf"(?:(?:der|dem|den|die|des){_WS}+)?"
# at most MAX_ITEMS items and COMPLEMENT_REACH chars: a pathological list costs linear time
MAX_ITEMS = 40
COMPLEMENT_REACH = 600
_NAMES = re.compile(rf"{_NAME}(?:,{_WS}+{_NAME}){{0,{MAX_ITEMS}}}"
                    rf"(?:{_WS}*,?{_WS}+(?:und|sowie){_WS}+{_ARTICLE}{_NAME})?")
_ITEM = re.compile(_NAME)
# "für A IPMS, für B IIS sowie für C": items open with "für" and close before the next one
_COMPLEMENTS = re.compile(rf"für{_WS}+[^.;:!?\n]{{1,{COMPLEMENT_REACH}}}")
_NEXT_COMPLEMENT = re.compile(rf"(?:,|{_WS}+und|{_WS}+sowie){_WS}+(?=für{_WS})")
_TRAILING_ACRONYM = re.compile(rf"{_WS}+\(?(?P<acr>[A-ZÄÖÜ][A-ZÄÖÜ0-9&-]{{1,6}})\)?$")
_COMPLEMENT_END = re.compile(rf"(?:,|{_WS}+(?:und|sowie|alle|die|der|das|in|mit|an|am|zu|werden|wird|sind|ist)"
                             rf"(?={_WS}))")


@dataclass(frozen=True)
class JoinedItem:
    start: int
    end: int
    name: str              # the singular head with the item: "Landkreis Stade"
    singular: str
    acronym: str | None = None


@lru_cache(maxsize=4)
def plural_pattern(pairs: tuple[tuple[str, str], ...]) -> re.Pattern | None:
    if not pairs:
        return None
    alternatives = "|".join(re.escape(p) for p, _ in sorted(pairs, key=lambda p: -len(p[0])))
    return re.compile(rf"(?<![\w-])(?P<plural>{alternatives}){_WS}+")


def parse_plurals(lines: list[str]) -> tuple[tuple[str, str], ...]:
    """`Plural = Singular` lines."""
    pairs = []
    for line in lines:
        plural, _, singular = (s.strip() for s in line.partition("="))
        if plural and singular:
            pairs.append((plural, singular))
    return tuple(pairs)


def joined_items(text: str, pairs: tuple[tuple[str, str], ...], is_head) -> list[JoinedItem]:
    """Items of every joined name in `text`; `is_head(word)` tells an item that is an
    institution of its own ("und die Stadt Reutlingen"), which is left to the head scan."""
    pattern = plural_pattern(pairs)
    if pattern is None:
        return []
    singular_of = dict(pairs)
    out: list[JoinedItem] = []
    for m in pattern.finditer(text):
        singular = singular_of[m.group("plural")]
        if text.startswith("für", m.end()):
            out += _complement_items(text, m.end(), singular)
        elif names := _NAMES.match(text, m.end()):
            items = list(_ITEM.finditer(text, names.start(), names.end()))
            if len(items) < 2:
                continue  # "die Hochschulen Bayerns" is no enumeration
            for item in items:
                word = item.group(0)
                if not is_head(word.split()[0]):
                    out.append(JoinedItem(item.start(), item.end(), f"{singular} {word}", singular))
    return out


def _complement_items(text: str, start: int, singular: str) -> list[JoinedItem]:
    m = _COMPLEMENTS.match(text, start)
    if not m:
        return []
    pieces, pos = [], start
    for sep in _NEXT_COMPLEMENT.finditer(text, start, m.end()):
        pieces.append((pos, sep.start()))
        pos = sep.end()
    last_end = m.end()
    if pieces:  # the last item ends at the first word that cannot continue a name
        end = _COMPLEMENT_END.search(text, pos, m.end())
        last_end = end.start() if end else m.end()
    pieces.append((pos, last_end))
    if len(pieces) < 2:
        return []
    out = []
    for s, e in pieces:
        body = text[s:e].rstrip()
        e = s + len(body)
        acr = _TRAILING_ACRONYM.search(body)
        name_body = body[: acr.start()] if acr else body
        out.append(JoinedItem(s, e, f"{singular} {name_body}", singular, acr.group("acr") if acr else None))
    return out
