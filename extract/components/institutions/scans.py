"""The scans besides head words: names closed by a legal form ("… GmbH"), companies known by
name ("Bosch"), acronyms with a place ("LEG Thüringen", "Aachen (ITA)") and joined names ("die
Landkreise A, B und C")."""
from __future__ import annotations

import re

from ...normalize import names as nm
from ...text.ranges import Ranges
from ..joined_orgs import joined_items
from .heads import cached_reading
from .lexicon import ADJECTIVE_ENDINGS, WS, InstitutionLexicon
from .org import Org, covered_by

_LEGAL_WINDOW = 200
_TOKEN_BACK = re.compile(r"\S+")
_INNER_DOT = re.compile(r"\w\.\w")
_QUOTES = "„“\"'»«"
# "LEG " right before a place (searched with endpos at the place; it must start with a capital)
_ACRONYM_BEFORE_PLACE = re.compile(rf"(?P<acr>[A-ZÄÖÜ](?<![\w-].)[A-ZÄÖÜ0-9]{{1,5}}){WS}\Z")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")
# look-arounds for literal searches (names.find_literals) instead of a regex per document
_NO_WORD_BEFORE = re.compile(r"(?<![\w-])")
NO_WORD_OR_DASH_AFTER = re.compile(r"(?![\w-])")


def legal_form_orgs(text: str, lex: InstitutionLexicon, orgs: list[Org]) -> list[Org]:
    """Names closed by a legal form that no head word found: "chip GmbH", "Textil- und
    Bekleidungsindustrie e.V."."""
    legal = lex.rules.get("legal_form")
    if not legal:
        return []
    out = []
    for m in legal[0].finditer(text):
        if any(o.start <= m.start() < o.end for o in orgs):
            continue
        start = _name_start(text, m, lex)
        if start is None:
            continue
        while text[start] in _QUOTES:         # the quote opening a name is not part of it
            start += 1
        org = Org(start, m.end(), "org.legal_form", lex.legal_kind.get(m.group(0), "company"), "f",
                  start, m.end(), evidence=True)
        first = text[start:m.start()].split()[0]
        several = len(text[start:m.start()].split()) > 1
        if several and nm.looks_like_acronym(first) and first not in lex.not_acronyms:
            org.acronym = first
        out.append(org)
    return out


def _name_start(text: str, m: re.Match, lex: InstitutionLexicon) -> int | None:
    """Where the name closed by the legal form `m` starts: up to 6 capitalised words back (or
    one lower-case brand word), never past a clause mark or a stop word."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    # only the last 7 words before the form are read: tokenise a window, the line if short
    window = max(line_start, m.start() - _LEGAL_WINDOW)
    toks = list(_TOKEN_BACK.finditer(text, window, m.start()))
    if window > line_start and len(toks) < 9:
        toks = list(_TOKEN_BACK.finditer(text, line_start, m.start()))
    start = None
    for i, t in enumerate(reversed(toks)):
        w = t.group(0).strip(_QUOTES)
        if not w or i >= 6 or w[-1] in ",;:!?" or (w[-1] == "." and not _INNER_DOT.search(w)):
            break
        if w == "und" and start is not None and i + 1 < len(toks) and toks[-i - 2].group(0).endswith("-"):
            continue                      # "Textil- und Bekleidungsindustrie e.V."
        if w[0].islower() or not w[0].isalnum():
            if w in lex.lower_stop or i > 0 or w[0] in "(–-" or w.endswith(ADJECTIVE_ENDINGS):
                break                 # "chip GmbH" is a brand, "als gemeinnützige GmbH" no name
            start = t.start()
            break
        if w in lex.left_stop or w.lower() in lex.lower_stop or w[0].isdigit():
            break
        start = t.start()
    return start


def company_orgs(text: str, lex: InstitutionLexicon, orgs: list[Org], words: set[str]) -> list[Org]:
    """Companies the text names without a legal form ("Bosch", "Siemens Healthineers"); only the
    names whose first word is among the text's capitalised `words` are searched."""
    names = [name for name in lex.companies if name.split(" ", 1)[0] in words]
    if not names:
        return []
    out = []
    for start, end in nm.find_literals(text, names, _NO_WORD_BEFORE, NO_WORD_OR_DASH_AFTER):
        if not any(o.start < end and start < o.end for o in orgs):
            out.append(Org(start, end, "org.company_name", "company", "f", start, end, evidence=True,
                           normalized=text[start:end]))
    return out


def place_acronym_orgs(text: str, lex: InstitutionLexicon, orgs: list[Org], places: dict) -> list[Org]:
    """"LEG Thüringen" (an undefined acronym before a place) and "Aachen (ITA)" (a place with an
    acronym, in a sentence about institutes)."""
    out = []
    inside = covered_by(orgs)
    for start in sorted(places):
        # matches of the acronym pattern never overlap, so each place is tried on its own
        m = _ACRONYM_BEFORE_PLACE.search(text, max(0, start - 7), start)
        if m is None or text[start:start + 1] not in _CAPITALS:
            continue
        acr, place = m.group("acr"), places[start]
        if acr in lex.not_acronyms or inside(m.start()):
            continue
        out.append(Org(m.start(), place.end, "org.acronym_place", "other", "f", m.start(), m.end(),
                       acronym=acr, acronym_span=(m.start(), m.end()),
                       city=place.normalized if place.label == "CITY" else None, evidence=True,
                       normalized=f"{acr} {text[place.start:place.end]}"))
    return out + _place_paren_acronyms(text, lex, orgs + out, places)


def _place_paren_acronyms(text: str, lex: InstitutionLexicon, orgs: list[Org], places: dict) -> list[Org]:
    """"Aachen (ITA)": a place and an acronym in parentheses, in a sentence about institutes."""
    out: list[Org] = []
    paren, context = lex.rules.get("paren_acronym"), lex.rules.get("context")
    if not (paren and context):
        return out
    for place in places.values():
        m = paren[0].match(text, place.end)
        if not m or not nm.looks_like_acronym(m.group("acr")) or m.group("acr") in lex.not_acronyms:
            continue
        sentence_start = max(text.rfind(". ", 0, place.start), text.rfind("\n", 0, place.start), 0)
        if not context[0].search(text, sentence_start, place.start):
            continue
        if any(o.start <= m.start("acr") < o.end for o in orgs + out):
            continue
        out.append(Org(m.start("acr"), m.end("acr"), "org.place_acronym", "institute", "n",
                       m.start("acr"), m.end("acr"), acronym=m.group("acr"),
                       city=place.normalized if place.label == "CITY" else None, evidence=True,
                       normalized=m.group("acr")))
    return out


def with_joined(text: str, lex: InstitutionLexicon, orgs: list[Org], places: dict) -> list[Org]:
    """`orgs` with the items of joined names ("die Landkreise A, B und C") in place of what the
    head scan read there (a plural "Fraunhofer-Institute für …" is no single institution)."""
    items = joined_items(text, lex.plurals, lambda word: cached_reading(word, lex) is not None)
    if not items:
        return orgs
    joined = []
    for item in items:
        reading = cached_reading(item.singular.split()[-1], lex)
        kind, gender = (reading[0], reading[1]) if reading else ("other", "f")
        place = places.get(item.start)
        city = place.normalized if place is not None and place.label == "CITY" and place.end == item.end else None
        joined.append(Org(item.start, item.end, "org.joined_list", kind, gender, item.start, item.end,
                          acronym=item.acronym, city=city, evidence=True, normalized=item.name))
    # what the head scan found over a joined name's plural or its items gives way to them
    spans = Ranges((text.rfind(" ", 0, item.start - 1), item.end) for item in items)
    return [o for o in orgs if not spans.overlap(o.start, o.end)] + joined
