"""Head words of institution names ("…universität", "Institut", "IHK"): which capitalised word
heads a name, with what kind, gender and inflection, and the scan that finds them in a text."""
from __future__ import annotations

import re

from .lexicon import INFLECTIONS, InstitutionLexicon
from .org import Org

# = (?<![\w-])[A-ZÄÖÜ](?:[\w+&]|[.-](?=\w))*, written so that re can skip to capitals quickly
_CAP_WORD = re.compile(r"[A-ZÄÖÜ](?<![\w-].)[\w+&]*+(?:[.-](?=\w)[\w+&]*+)*+")
_CACHE_LIMIT = 50_000
_SKIP_START = ("Bundesministeri", "Ministeri", "Staatsministeri", "Landesministeri", "Senat")


def head_orgs(text: str, lex: InstitutionLexicon) -> tuple[list[Org], set[str]]:
    """(an Org per head word or standalone abbreviation, in text order; every capitalised word
    of the text, which the company and plural lookups need)."""
    orgs: list[Org] = []
    cache = lex.head_cache
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    words = set()
    for m in _CAP_WORD.finditer(text):
        word = m.group(0)
        words.add(word)
        reading = cache.get(word, False)   # cached_reading, inlined: it runs for every word
        if reading is False:
            reading = cache[word] = head_reading(word, lex)
        if reading is None:
            continue
        kind, gender, infl, evidence, weak = reading
        org = Org(m.start(), m.end(), "org.head", kind, gender, m.start(), m.end(), infl)
        org.evidence, org.weak = evidence, weak
        orgs.append(org)
    for m in lex.abbr_re.finditer(text):
        kind, gender = lex.standalone[m.group("tok")]
        orgs.append(Org(m.start(), m.end(), "org.head", kind, gender, m.start(), m.end()))
    orgs.sort(key=lambda o: o.start)
    return orgs, words


def cached_reading(word: str, lex: InstitutionLexicon):
    reading = lex.head_cache.get(word, False)
    if reading is False:
        reading = lex.head_cache[word] = head_reading(word, lex)
    return reading


def head_reading(word: str, lex: InstitutionLexicon):
    """(kind, gender, inflection, evidence, weak) when the capitalised `word` heads a name."""
    lowered = word.lower()
    if not lowered.endswith(lex.head_endings):
        return None
    found = _head_of(lowered, lex)
    if found is None or word.startswith(_SKIP_START):
        return None
    head, infl, low = found
    tok = word[: len(word) - len(infl)]
    # a hyphenated proper compound names an institution by itself ("Ruhr-Universität"), and so
    # does any compound of a `named` head ("Ostalbkreis")
    named = head[0] in lex.named and not any(c.isupper() for c in tok[1:])   # not "BioKreis"
    evidence = low != head[0] and (("-" in tok and not low.endswith("zentrum")) or named)
    # ("Krebsforschungszentrum" has a head of its own and is no such word)
    weak = low == "gesellschaft" or (low.endswith("zentrum") and head[0] == "zentrum")
    return head[1], head[2], infl, evidence, weak


def _head_of(lowered: str, lex: InstitutionLexicon):
    """(head entry, inflection, uninflected word) when `lowered` ends in a head word."""
    for infl in INFLECTIONS:
        base = lowered[: len(lowered) - len(infl)] if infl else lowered
        if infl and not lowered.endswith(infl):
            continue
        if base.endswith(lex.never):
            return None
        head = next((h for h in lex.heads if base.endswith(h[0])), None)
        if head is not None and (not infl or _inflection_ok(head, infl)):
            return head, infl, base
    return None


def _inflection_ok(head, infl: str) -> bool:
    suffix, _, gender = head
    if gender == "f":
        return False
    if infl == "e":
        return suffix.endswith("institut")   # "Deutsche Institute für …"
    return True


def takes_next_word(head: str, lex: InstitutionLexicon) -> bool:
    """A standalone abbreviation ("TU") or a `placed` head ("Landkreis", also as the last part
    of a hyphenated name: "Philipps-Universität") names its place next."""
    return head in lex.standalone or head.lower().rsplit("-", 1)[-1] in lex.placed


def is_left_stop(word: str, lex: InstitutionLexicon) -> bool:
    """A word that never opens a name, in any inflection ("Partnern", "Trägers")."""
    return any(word[: len(word) - cut] in lex.left_stop for cut in range(3) if len(word) - cut > 2)
