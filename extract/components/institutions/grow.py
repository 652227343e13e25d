"""A head grown to its name: left over adjectives, a truncated first half ("Industrie- und"),
a name word ("Ostfalia Hochschule") or an acronym ("BIBA – …"); right over a complement ("für
…"), an acronym, a place, a legal form, a region or a brand word."""
from __future__ import annotations

import re

from ...normalize import names as nm
from .heads import is_left_stop, takes_next_word
from .lexicon import ADJECTIVE_ENDINGS, CHAIN, LEGAL_KIND, LOWER_STOP, SUBUNIT, WS, InstitutionLexicon
from .org import Org

_COMPLEMENT = re.compile(rf"{WS}+(?:für|zur|zum){WS}+(?P<chain>{CHAIN})")
# one capitalised name word before a head ("Ostfalia Hochschule", "Helmholtz Zentrum"), never an
# acronym, a truncated or hyphen-joined word, or a word ending a clause
_NAME_WORD_BEFORE = re.compile(rf"(?<![\w-])(?P<word>(?:[A-ZÄÖÜ][a-zäöüß]+{WS}+(?:von|van|de){WS}+)?"
                               rf"[A-ZÄÖÜ][a-zäöüß]{{2,}}){WS}+$")
_PERSON_PARTICLE_BEFORE = re.compile(rf"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+{WS}+(?:von|van|de){WS}+$")
# "Hochschule Albstadt-Sigmaringen", "Hochschule Emden/Leer": places joined after a head
_PLACE_COMPOUND = re.compile(r"[A-ZÄÖÜ][\wäöüß]+(?:[-/][A-ZÄÖÜ][\wäöüß]+)+(?![\w/-])")
# "TU Clausthal", "Landkreis Emsland": the capitalised word after a standalone abbreviation or a
# `placed` head is its place
_ABBR_PLACE = re.compile(rf"{WS}(?P<word>[A-ZÄÖÜ][a-zäöüß]{{2,}}(?:-[A-ZÄÖÜ][a-zäöüß]+)*)(?![\w-])")
_TRAILING_ACR = re.compile(rf"{WS}+(?P<acr>[A-ZÄÖÜ][A-Za-zÄÖÜäöü0-9&]{{1,7}})(?![\w-])")
_ADJ_BEFORE = re.compile(rf"(?P<adj>[A-ZÄÖÜ](?<![\w-].)[\wäöüß-]*(?:{'|'.join(ADJECTIVE_ENDINGS)})){WS}+$")
_ACR_BEFORE = re.compile(rf"(?P<acr>[A-ZÄÖÜ](?<![\w-].)[A-ZÄÖÜ0-9&]{{1,6}}){WS}+$")
_SPACES = re.compile(WS + "+")


def grow_left(text: str, org: Org, lex: InstitutionLexicon) -> None:
    line_start = text.rfind("\n", 0, org.start) + 1
    before = text[max(line_start, org.start - 80):org.start]
    coord = lex.rules.get("coordinated")
    if coord and (m := coord[0].search(before)):
        org.start -= len(before) - m.start()
        before = before[:m.start()]
    grown = False
    for _ in range(2):
        m = _ADJ_BEFORE.search(before, _last_word_start(before))
        if not m or m.group("adj") in lex.left_stop or m.group("adj").split("-")[0] in lex.left_stop \
                or m.group("adj") in lex.plural_words:   # "Landkreise X"
            break
        org.start -= len(before) - m.start()
        before = before[:m.start()]
        grown = True
    if grown and org.kind in SUBUNIT and (m := _PERSON_PARTICLE_BEFORE.search(before)):
        org.start -= len(before) - m.start()   # "Carl von" before "Ossietzky Universität"
        org.proper_prefix = True
        return
    if not grown and org.kind in SUBUNIT and (m := _NAME_WORD_BEFORE.search(before)):
        word = m.group("word").split()[0]
        if not is_left_stop(word, lex) and word.lower() not in LOWER_STOP:
            org.start -= len(before) - m.start()
            org.evidence = True
            return
    m = _ACR_BEFORE.search(before, _last_word_start(before))
    if m and m.group("acr") not in lex.not_acronyms and m.group("acr") not in lex.left_stop:
        org.start -= len(before) - m.start()
        org.acronym, org.acronym_span = m.group("acr"), (org.start, org.start + len(m.group("acr")))
        org.evidence = True
        return
    dash = lex.rules.get("acronym_dash")
    if dash and (m := dash[0].search(before)) and m.group("acr") not in lex.not_acronyms:
        org.start -= len(before) - m.start()
        org.acronym, org.acronym_span = m.group("acr"), (org.start, org.start + len(m.group("acr")))
        org.evidence = True


def _last_word_start(before: str) -> int:
    """Start of the last word: _ADJ_BEFORE/_ACR_BEFORE match only there, so search from it."""
    rest = before.rstrip()
    return len(rest) - len(rest.rsplit(None, 1)[-1]) if rest else 0


def grow_right(text: str, org: Org, lex: InstitutionLexicon, places: dict) -> None:
    """Extend the name past its head, one part at a time (at most 8); one complement only."""
    pos = org.end
    complement = False
    for _ in range(8):
        m = _COMPLEMENT.match(text, pos)
        if m and not complement and not org.acronym_span_after(pos):
            pos = _chain_end(text, org.start, m.start("chain"), m.end("chain"), places)
            org.evidence = complement = True
            continue
        for part in _RIGHT_PARTS:
            end = part(text, org, lex, places, pos)
            if end is not None:
                pos, org.evidence = end, True
                break
        else:
            break
    org.end = pos


def _paren_acronym(text, org: Org, lex, places, pos) -> int | None:
    m = lex.rules["paren_acronym"][0].match(text, pos) if "paren_acronym" in lex.rules else None
    if m and acronym_ok(m.group("acr"), text[org.start:pos], lex) and not org.acronym:
        org.acronym, org.acronym_span = m.group("acr"), (m.start("acr"), m.end("acr"))
        return m.end()
    return None


def _gap(text, pos) -> int:
    """Characters between a name and a place after it: "Universität zu Lübeck", "Universität
    Bremen", "Universität Erlangen-Nürnberg"."""
    return 4 if text.startswith(" zu ", pos) else 1 if pos < len(text) and text[pos] in " -" else 0


def _place_compound(text, org: Org, lex, places, pos) -> int | None:
    if _gap(text, pos) == 1 and text[pos] == " " and (m := _PLACE_COMPOUND.match(text, pos + 1)) \
            and _has_place_part(m, places) and getattr(places.get(pos + 1), "end", None) != m.end():
        first = places.get(pos + 1)
        if first is not None and first.label == "CITY" and org.city is None:
            org.city = first.normalized
        return m.end()
    return None


def _place(text, org: Org, lex, places, pos) -> int | None:
    gap = _gap(text, pos)
    place = places.get(pos + gap) if gap else None
    if place is not None and (org.city is None or place.label == "CITY"):
        if place.label == "CITY":
            org.city = place.normalized
        return place.end
    return None


def _abbreviation_place(text, org: Org, lex, places, pos) -> int | None:
    if pos == org.head_end and takes_next_word(text[org.head_start:org.head_end], lex) \
            and (m := _ABBR_PLACE.match(text, pos)) and m.group("word") not in lex.left_stop \
            and m.group("word").lower() not in LOWER_STOP:
        return m.end()
    return None


def _trailing_acronym(text, org: Org, lex, places, pos) -> int | None:
    m = _TRAILING_ACR.match(text, pos)
    if m and not org.acronym and acronym_ok(m.group("acr"), text[org.start:pos], lex, loose=True):
        org.acronym, org.acronym_span = m.group("acr"), (m.start("acr"), m.end("acr"))
        return m.end()
    return None


def _legal_form(text, org: Org, lex, places, pos) -> int | None:
    legal = lex.rules.get("legal_form")
    m = _SPACES.match(text, pos)
    if m and legal and (lf := legal[0].match(text, m.end())):
        org.kind = LEGAL_KIND.get(lf.group(0), org.kind)
        return lf.end()
    return None


def _region_or_brand(text, org: Org, lex, places, pos) -> int | None:
    for kind in ("region", "brand_word"):
        r = lex.rules.get(kind)
        if r and (m := r[0].match(text, pos)):
            return m.end()
    return None


# what may follow a name, tried in this order at each step of grow_right
_RIGHT_PARTS = (_paren_acronym, _place_compound, _place, _abbreviation_place, _trailing_acronym, _legal_form,
                _region_or_brand)


def _has_place_part(m: re.Match, places: dict) -> bool:
    """True when a part of a hyphen compound is a place the text names."""
    pos = m.start()
    for part in re.split(r"[-/]", m.group(0)):
        if pos in places:
            return True
        pos += len(part) + 1
    return False


def _chain_end(text: str, name_start: int, start: int, end: int, places: dict) -> int:
    """End of a name complement, cut before a trailing acronym (kept for grow_right) unless a
    place follows it, and never inside a place name."""
    rest = text[start:end].rstrip()
    while True:          # the words after the first one, last first
        parts = rest.rsplit(None, 1)
        if len(parts) < 2:
            break
        tok = parts[1]
        tok_start = start + len(rest) - len(tok)
        if places.get(tok_start) is not None:
            rest = parts[0]
            continue
        if len(tok) <= 6 and tok[0].isupper() and nm.is_acronym_of(
                tok, nm.strip_article(text[name_start:tok_start])):
            return tok_start - 1
        break
    return end


def acronym_ok(acr: str, long_form: str, lex: InstitutionLexicon, loose: bool = False) -> bool:
    if acr in lex.not_acronyms or acr.isdigit():
        return False
    if nm.looks_like_acronym(acr):
        return True
    return loose and len(acr) <= 6 and nm.is_acronym_of(acr, nm.strip_article(long_form))
