"""Which centres a document is about, keyed by the city they sit in."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Mention

# A sentence that opens with a pronoun or "dort" continues the previous one's subject.
_PRONOUN = re.compile(r"\s*(?:Es|Er|Sie|Dort|Hier|Dieses|Diese|Dieser)\b")


@dataclass
class Centre:
    city: str | None
    name: str
    kind: str
    first: Mention
    mentions: list[Mention] = field(default_factory=list)


# A name that ends in a programme word names the programme, not one of its centres.
_PROGRAMME_NAME = re.compile(r"(?:Initiative|[Pp]rogramm|Förderaufruf|Wettbewerb|Strategie|Plattform)\w*$")


def is_concrete(m: Mention) -> bool:
    """A named, singular centre (not "26 Kompetenzzentren", not "das Zentrum", not the
    "Digital Hub Initiative")."""
    a = m.attrs
    return not (a.get("generic") or a.get("plural") or a.get("anaphor")
                or _PROGRAMME_NAME.search(m.normalized or m.text))


def is_bare(m: Mention) -> bool:
    """A centre named by its head word alone ("Zentrum", "Kompetenzzentrum")."""
    return (m.normalized or m.text) == m.attrs.get("kind")


def main_city(cities: list[Mention]) -> str | None:
    """The city the document is mostly about: most mentions, earliest on ties."""
    if not cities:
        return None
    counts = Counter(c.normalized for c in cities)
    first = {}
    for c in cities:
        first.setdefault(c.normalized, c.start)
    return max(counts, key=lambda name: (counts[name], -first[name]))


def collect_centres(centre_mentions: list[Mention], cities: list[Mention],
                    city_hints: dict[int, str] | None = None, lead_city: str | None = None) -> list[Centre]:
    """Concrete centre mentions grouped by city; a centre named without a city takes the
    city of its owner institution (`city_hints`), else, when no centre in the text names
    one, the city of the consortium's coordinator (`lead_city`), else the document's main
    city. A centre with no city at all is not kept: the table is keyed by city."""
    hints = city_hints or {}
    concrete = [m for m in centre_mentions if is_concrete(m)]
    if any(m.attrs.get("city") and not is_bare(m) and not m.attrs.get("site") for m in concrete):
        # "Das Zentrum … in Zittau" beside a placed, named centre: the same centre, the city
        # is where it works or a second site, not another centre. (Sites do not count: "Sitz
        # der Factory wird Hannover, weitere Standorte sind X und Y" keeps the Factory's seat.)
        concrete = [m for m in concrete if not is_bare(m)]
    placed = {m.attrs["city"] for m in concrete if m.attrs.get("city")}
    unplaced_names = {m.normalized or m.text for m in concrete if not m.attrs.get("city") and not is_bare(m)}
    placed_names = {m.normalized or m.text for m in concrete if m.attrs.get("city") and not is_bare(m)}
    # An unplaced name beside exactly one placed centre restates it; with none placed, the
    # owner's city ("… der Hochschule Landshut") or the document's main city keys it.
    only = next(iter(placed)) if len(placed) == 1 else None
    fallback = None if placed else lead_city or main_city(cities)
    centres: dict[str | None, Centre] = {}
    named_here: dict[str | None, bool] = {}  # is the centre's name from a mention placed there?
    for m in concrete:
        # the owner's city ("KI-Lab X der Technologiepark Heidelberg GmbH") outranks that of
        # a centre of another name: an institution named with the centre is where it sits
        own = hints.get(id(m)) if placed_names and (m.normalized or m.text) not in placed_names else None
        city = m.attrs.get("city") or own or only or (None if placed else hints.get(id(m)) or fallback)
        if city is None:
            continue  # nothing to key it by
        c = centres.get(city)
        name = m.normalized or m.text
        if c is None:
            centres[city] = c = Centre(city, name, m.attrs.get("kind") or "", m)
            named_here[city] = bool(m.attrs.get("city"))
        elif (bool(m.attrs.get("city")), len(name)) > (named_here[city], len(c.name)):
            # the longest name among the mentions the text itself places there
            c.name, named_here[city] = name, bool(m.attrs.get("city"))
        c.mentions.append(m)
    _name_bare_centres(list(centres.values()), unplaced_names)
    return list(centres.values())


def _name_bare_centres(centres: list[Centre], unplaced_names: set[str]) -> None:
    """"Das Zentrum ist in Kassel angesiedelt" after the one name the text gives without a city
    („Kompetenzzentrum Arbeit“ (KoA)): the centre placed by its bare head bears that name."""
    if len(unplaced_names) != 1:
        return
    name = next(iter(unplaced_names))
    for c in centres:
        if any(c.name == m.attrs.get("kind") for m in c.mentions):
            c.name = name


def centre_at(span: tuple[int, int], centres: list[Centre], anaphors: list[Mention],
              cities: list[Mention] = (), text: str = ""):
    """(centre, how) for a sentence: the centre named in it ("named"), the one an anaphor or a
    sentence-initial pronoun ("Es", "Dort") refers to ("anaphor"), in a text about several
    centres the one whose city alone the sentence names ("city": "Nach Greifswald gehen
    1,4 Mio. Euro"), the document's only centre ("single"), or (None, "")."""
    start, end = span
    inside = [c for c in centres for m in c.mentions if start <= m.start < end]
    if inside:
        return inside[0], "named"
    if text and len(centres) > 1:
        heading = section_centre(text, start, centres)
        if heading is not None:
            return heading, "section"
    before = [(m.start, c) for c in centres for m in c.mentions if m.start < start]
    if any(start <= a.start < end for a in anaphors) or (text and _PRONOUN.match(text, start)):
        if before:
            return max(before, key=lambda x: x[0])[1], "anaphor"
        if dominant(centres) is not None:
            return dominant(centres), "anaphor"
    if len(centres) > 1:
        by_city = {c.city: c for c in centres}
        here = {m.normalized for m in cities if start <= m.start < end and m.normalized in by_city}
        if len(here) == 1:
            return by_city[here.pop()], "city"
    main = dominant(centres)
    if main is not None:
        return main, "single"
    return None, ""


# A heading line is short and ends without a full stop ("DeepTech Campus Aachen",
# "Gründungszentrum „Werkstatt X“, Iserlohn").
_HEADING_MAX = 120


def section_centre(text: str, pos: int, centres: list[Centre]) -> Centre | None:
    """The centre whose name is the heading line of the paragraph at `pos`: a release that
    presents several centres one section each states each one's facts under its heading."""
    para = text.rfind("\n\n", 0, pos)
    para = 0 if para < 0 else para + 2
    eol = text.find("\n", para)
    if eol < 0 or eol >= pos or eol - para > _HEADING_MAX or text[para:eol].rstrip().endswith((".", ":", "!", "?")):
        return None
    named = {id(c): c for c in centres for m in c.mentions if para <= m.start < eol}
    return next(iter(named.values())) if len(named) == 1 else None


# Clause bounds inside a sentence: a sum and the one centre or city of its clause.
_CLAUSE_BREAK = re.compile(r"[,;:–]|\.[ \t]+(?=[A-ZÄÖÜ])")  # a full stop the splitter kept ("GmbH. Nach")


def clause_centre(text: str, pos: int, span: tuple[int, int], centres: list[Centre],
                  cities: list[Mention]) -> Centre | None:
    """The centre of the clause around `pos` when the clause names exactly one, by a mention
    of it or by its city alone; None otherwise."""
    start = span[0]
    for m in _CLAUSE_BREAK.finditer(text, span[0], pos):
        start = m.end()
    brk = _CLAUSE_BREAK.search(text, pos, span[1])
    end = brk.start() if brk else span[1]
    named = {id(c): c for c in centres for m in c.mentions if start <= m.start < end}
    if len(named) == 1:
        return next(iter(named.values()))
    if named:
        return None
    by_city = {c.city: c for c in centres}
    here = {m.normalized for m in cities if start <= m.start < end and m.normalized in by_city}
    return by_city[here.pop()] if len(here) == 1 else None


def dominant(centres: list[Centre]) -> Centre | None:
    """The centre a document is about: the only one, or one named at least twice as often as
    any other (a release about one centre that mentions another in passing)."""
    if len(centres) == 1:
        return centres[0]
    if not centres:
        return None
    ranked = sorted(centres, key=lambda c: -len(c.mentions))
    return ranked[0] if len(ranked[0].mentions) >= 2 * len(ranked[1].mentions) else None
