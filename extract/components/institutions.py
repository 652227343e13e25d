"""ORG mentions: universities, institutes, chambers, associations, companies and agencies.

Three scans over the raw text: head words ("…universität", "Institut", "IHK", from
rules/lists/institution_heads.txt) grown left (adjectives, "Industrie- und") and right ("für …",
a city, "(ACR)", a legal form); legal forms ("… GmbH") grown left; and acronyms the text defines
("… (ThZM)", "BIBA – …"), whose later bare uses get the same normalized name, so that one
institution under several names counts once. Ministries and funded centres are left to their
own components.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language

from ..model import Mention
from ..normalize import names as nm
from ..rules import cached_rules
from .joined_orgs import joined_items, parse_plurals

_WS = r"[^\S\n]"
_STOP_WORDS = (r"der|die|das|den|dem|des|und|oder|sowie|eine?[mnrs]?|im|in|an|am|auf|aus|bei|beim|mit|von|vom"
               r"|zur|zum|für|über|unter|nach|seit|bis|wird|werden|ist|sind|hat|haben|sich|seine[mnrs]?"
               r"|ihre[mnrs]?|unsere[mnrs]?|diese[mnrs]?|alle|wie|als|auch|so")
_LOWER_ADJ = rf"(?:(?!(?:{_STOP_WORDS})\b)[a-zäöüß]+(?:e|en|er|es|em){_WS}+)"
_LEGAL = r"(?:gGmbH|GmbH|AG|KG|mbH|SE|UG|Co|eG|e\.)"
# A noun of a name complement: "Produkt-" (truncated), "-automatisierung" (continued), never an
# acronym or a legal form (both are taken apart after the chain).
_CAP = (rf"(?:(?!{_LEGAL}(?![\w]))(?![A-ZÄÖÜ0-9&]{{2,}}(?![\w]))[A-ZÄÖÜ][\wäöüß+/]*(?:-[\wäöüß]+)*-?"
        rf"|-[a-zäöüß][\wäöüß]*)")
_WORD = rf"(?:{_LOWER_ADJ}?{_CAP})"
CHAIN = rf"{_WORD}(?:(?:,{_WS}+{_WORD})*{_WS}+(?:und|&){_WS}+{_WORD}|{_WS}+{_WORD}){{0,8}}"
_COMPLEMENT = re.compile(rf"{_WS}+(?:für|zur|zum){_WS}+(?P<chain>{CHAIN})")
_GENITIVE = re.compile(rf"{_WS}+(?:der|des){_WS}+")
# one capitalised name word before a head ("Ostfalia Hochschule", "Helmholtz Zentrum"), never an
# acronym, a truncated or hyphen-joined word, or a word ending a clause
_NAME_WORD_BEFORE = re.compile(rf"(?<![\w-])(?P<word>(?:[A-ZÄÖÜ][a-zäöüß]+{_WS}+(?:von|van|de){_WS}+)?"
                               rf"[A-ZÄÖÜ][a-zäöüß]{{2,}}){_WS}+$")
_INDEFINITE_BEFORE = re.compile(rf"(?<![\w-])(?:[Ee]in|[Ee]ine[mnrs]?|[Kk]ein|[Kk]eine[mnrs]?)"
                                rf"(?:{_WS}+[a-zäöüß]+)*{_WS}+$")
_PERSON_PARTICLE_BEFORE = re.compile(rf"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+{_WS}+(?:von|van|de){_WS}+$")
# "Hochschule Albstadt-Sigmaringen", "Hochschule Emden/Leer": places joined after a head
_PLACE_COMPOUND = re.compile(r"[A-ZÄÖÜ][\wäöüß]+(?:[-/][A-ZÄÖÜ][\wäöüß]+)+(?![\w/-])")
# "TU Clausthal", "Landkreis Emsland": the capitalised word after a standalone abbreviation or a
# `placed` head is its place
_ABBR_PLACE = re.compile(rf"{_WS}(?P<word>[A-ZÄÖÜ][a-zäöüß]{{2,}}(?:-[A-ZÄÖÜ][a-zäöüß]+)*)(?![\w-])")
_TRAILING_ACR = re.compile(rf"{_WS}+(?P<acr>[A-ZÄÖÜ][A-Za-zÄÖÜäöü0-9&]{{1,7}})(?![\w-])")
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_ADJ_BEFORE = re.compile(rf"(?P<adj>[A-ZÄÖÜ](?<![\w-].)[\wäöüß-]*(?:{'|'.join(_ADJECTIVE_ENDINGS)})){_WS}+$")
_ACR_BEFORE = re.compile(rf"(?P<acr>[A-ZÄÖÜ](?<![\w-].)[A-ZÄÖÜ0-9&]{{1,6}}){_WS}+$")
_TOKEN_BACK = re.compile(r"\S+")
_SPACES = re.compile(_WS + "+")
# = (?<![\w-])[A-ZÄÖÜ](?:[\w+&]|[.-](?=\w))*, written so that re can skip to capitals quickly
_CAP_WORD = re.compile(r"[A-ZÄÖÜ](?<![\w-].)[\w+&]*+(?:[.-](?=\w)[\w+&]*+)*+")
_NON_SPACE = re.compile(r"\S+")
_INNER_DOT = re.compile(r"\w\.\w")
# "LEG " right before a place (searched with endpos at the place; it must start with a capital)
_ACRONYM_BEFORE_PLACE = re.compile(rf"(?P<acr>[A-ZÄÖÜ](?<![\w-].)[A-ZÄÖÜ0-9]{{1,5}}){_WS}\Z")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")
# look-arounds for literal searches (names.find_literals) instead of a regex per document
_AFTER_SPACE = re.compile(rf"(?<={_WS})")
_NO_WORD_BEFORE = re.compile(r"(?<![\w-])")
_NO_WORD_AFTER = re.compile(r"(?![\w])")
_NO_WORD_OR_DASH_AFTER = re.compile(r"(?![\w-])")
_CACHE_LIMIT = 50_000
_LEGAL_WINDOW = 200
_SKIP_START = ("Bundesministeri", "Ministeri", "Staatsministeri", "Landesministeri", "Senat")
_LOWER_STOP = frozenset(_STOP_WORDS.split("|")) | {"eine", "einer", "einem", "einen", "eines", "ein",
                                                     "dass", "wurde", "wurden", "hat", "haben"}
_LEGAL_KIND = {"e.V.": "association", "e. V.": "association", "gGmbH": "company", "eG": "association"}
_SUBUNIT = ("university", "institute")


@dataclass
class Tables:
    heads: list                 # [(suffix, kind, gender)], longest first
    standalone: dict            # "TU" -> (kind, gender)
    never: tuple                # suffixes that never head an institution
    not_acronyms: frozenset
    left_stop: frozenset        # capitalised words that never open a name ("Die", "Partner")
    head_endings: tuple         # every head suffix with its inflected forms, for str.endswith
    abbr_re: re.Pattern
    rules: dict = field(default_factory=dict)   # kind -> (compiled, rule id)
    # head suffixes whose compounds name one institution by themselves ("Ostalbkreis")
    named: frozenset = frozenset()
    # heads whose next capitalised word is their place even when no gazetteer knows it
    # ("Landkreis Emsland", "Universität Hohenheim"), like a standalone "TU"
    placed: frozenset = frozenset()
    companies: tuple = ()       # rules/lists/company_names.txt
    plurals: tuple = ()         # (plural head, singular) of joined names, rules/lists/institution_plurals.txt
    plural_words: frozenset = frozenset()    # the plural heads themselves
    plural_first: frozenset = frozenset()    # their first words, to skip texts that hold none
    # capitalised word -> its head reading (or None): the same words recur in every document
    head_cache: dict = field(default_factory=dict)


@lru_cache(maxsize=4)
def load_tables(rules_dir: str | None) -> Tables:
    rules = cached_rules(rules_dir or None)
    heads, standalone, never, stop, left_stop, named, placed = [], {}, [], set(), set(), set(), set()
    for line in rules.word_list("institution_heads"):
        if line.startswith("!"):
            never.append(line[1:].strip().lower())
        elif line.startswith("^"):
            left_stop.add(line[1:].strip())
        elif line.startswith("~"):
            stop.add(line[1:].strip())
        elif "=" in line:
            left, right = (s.strip() for s in line.rsplit("=", 1))
            parts = right.split()
            kind, gender, *flags = parts if len(parts) > 1 else [*parts, "n"]   # gender n by default
            if "named" in flags:
                named.add(left.lower())
            if "placed" in flags:
                placed.add(left.lower())
            if left.startswith("="):
                standalone[left[1:].strip()] = (kind, gender)
            else:
                heads.append((left.lower(), kind, gender))
    heads.sort(key=lambda h: -len(h[0]))
    endings = tuple(h[0] + infl for h in heads for infl in ("", "s", "es", "e"))
    # the look-behind (?<![\w-]) follows the first letter of each token so that re skips to them
    abbr = "|".join(re.escape(tok[0]) + r"(?<![\w-].)" + re.escape(tok[1:])
                    for tok in sorted(standalone, key=len, reverse=True) if tok) or "(?!)"
    abbr_re = re.compile(rf"(?P<tok>{abbr})(?={_WS}+(?:[A-ZÄÖÜ]|für{_WS}))")
    by_kind = {r.kind: (r.compile(), r.id) for r in rules.patterns_for("ORG", file="institutions")}
    plurals = parse_plurals(rules.word_list("institution_plurals"))
    return Tables(heads, standalone, tuple(never), frozenset(stop), frozenset(left_stop), endings, abbr_re,
                  by_kind, named=frozenset(named), placed=frozenset(placed),
                  plurals=plurals, plural_words=frozenset(p for p, _ in plurals),
                  plural_first=frozenset(p.split(" ", 1)[0] for p, _ in plurals),
                  companies=tuple(rules.word_list("company_names")))


@dataclass
class _Org:
    start: int
    end: int
    rule: str
    kind: str
    gender: str = "n"
    head_start: int = 0
    head_end: int = 0
    inflection: str = ""
    acronym: str | None = None
    acronym_span: tuple | None = None
    city: str | None = None
    # "Zentrum" also heads funded centres and "Gesellschaft" society at large ("die digitale
    # Gesellschaft"): an adjective or a prefix alone does not make them an institution
    weak: bool = False
    evidence: bool = False        # a complement, a place, an acronym or a legal form was found
    genitive_of: _Org | None = None
    normalized: str = ""
    proper_prefix: bool = False   # the words before the head are a person's name, not adjectives

    def acronym_span_after(self, pos: int) -> bool:
        """True when a "(ACR)" already closed the name before `pos`."""
        return self.acronym_span is not None and self.acronym_span[0] > self.head_end


@Language.factory("extract_institutions", default_config={"rules_dir": ""},
                  requires=["doc._.text", "doc._.mentions"],
                  assigns=["doc._.mentions"])
def make_institutions(nlp, name, rules_dir):
    return Institutions(rules_dir or None)


class Institutions:
    def __init__(self, rules_dir: str | None = None):
        self.rules_dir = rules_dir

    def __call__(self, doc):
        text = doc._.text
        mentions = doc._.mentions
        mentions.extend(find_institutions(text, load_tables(self.rules_dir), mentions))
        return doc


def find_institutions(text: str, tables: Tables, mentions=()) -> list[Mention]:
    """ORG mentions of `text`; `mentions` are earlier ones (CITY/STATE extend names, MINISTRY blocks)."""
    places = {m.start: m for m in mentions if m.label in ("CITY", "STATE")}
    # a city the places component left out inside a name ("Helmholtz-Institut Münster") is still
    # a city when the text names it elsewhere
    by_text = {m.text: m for m in places.values() if m.label == "CITY"}
    if by_text:
        for start, end in nm.find_literals(text, by_text, _AFTER_SPACE, _NO_WORD_OR_DASH_AFTER):
            if start not in places:
                city = by_text[text[start:end]]
                places[start] = Mention("CITY", start, end, text[start:end], city.rule,
                                        normalized=city.normalized, attrs=city.attrs)
    blocked = [(m.start, m.end) for m in mentions if m.label == "MINISTRY"]
    orgs: list[_Org] = []
    cache = tables.head_cache
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    words = set()                 # every capitalised word: company and plural lookups need one
    for m in _CAP_WORD.finditer(text):
        word = m.group(0)
        words.add(word)
        reading = cache.get(word, False)
        if reading is False:
            reading = cache[word] = _head_reading(word, tables)
        if reading is None:
            continue
        kind, gender, infl, evidence, weak = reading
        org = _Org(m.start(), m.end(), "org.head", kind, gender, m.start(), m.end(), infl)
        org.evidence, org.weak = evidence, weak
        orgs.append(org)
    for m in tables.abbr_re.finditer(text):
        kind, gender = tables.standalone[m.group("tok")]
        orgs.append(_Org(m.start(), m.end(), "org.head", kind, gender, m.start(), m.end()))
    orgs.sort(key=lambda o: o.start)
    kept: list[_Org] = []
    pending: _Org | None = None   # a sub-unit head without evidence, kept if a genitive owner follows
    for org in orgs:
        if kept and org.start < kept[-1].end:
            continue
        _grow_left(text, org, tables)
        _grow_right(text, org, tables, places)
        if org.end == org.head_end and text[org.head_start:org.head_end] in tables.plural_words:
            continue                          # a bare plural ("die Fraunhofer-Institute") is no one name
        if org.weak and _INDEFINITE_BEFORE.search(text, max(0, org.start - 60), org.start):
            continue                          # "zu einem führenden Zentrum für X" names no one
        if org.evidence or (org.start < org.head_start and not org.weak):
            if pending is not None and _GENITIVE.fullmatch(text, pending.end, org.start):
                kept.append(pending)          # "Klinikum der Universität München"
            kept.append(org)
            pending = None
        elif org.kind in _SUBUNIT and not org.weak:
            pending = org
    kept = _merge_genitives(text, kept)
    kept += _legal_form_orgs(text, tables, kept)
    kept += _company_orgs(text, tables, kept, words)
    kept += _place_acronym_orgs(text, tables, kept, places)
    if not tables.plural_first.isdisjoint(words):
        kept = _with_joined(text, tables, kept, places)
    kept = [o for o in kept if not _overlaps(o, blocked)]
    kept.sort(key=lambda o: o.start)
    for org in kept:
        org.normalized = org.normalized or _normalize(text, org)
    defs = _definitions(kept, text)
    out = [_mention(text, o, defs) for o in kept]
    out += _acronym_refs(text, tables, kept, defs, blocked)
    return sorted(out, key=lambda m: m.start)


def _head_reading(word: str, tables: Tables):
    """(kind, gender, inflection, evidence, weak) when the capitalised `word` heads a name."""
    lowered = word.lower()
    if not lowered.endswith(tables.head_endings):
        return None
    found = _head_of(lowered, tables)
    if found is None or word.startswith(_SKIP_START):
        return None
    head, infl, low = found
    tok = word[: len(word) - len(infl)]
    # a hyphenated proper compound names an institution by itself ("Ruhr-Universität"), and so
    # does any compound of a `named` head ("Ostalbkreis")
    named = head[0] in tables.named and not any(c.isupper() for c in tok[1:])   # not "BioKreis"
    evidence = low != head[0] and (("-" in tok and not low.endswith("zentrum")) or named)
    # ("Krebsforschungszentrum" has a head of its own and is no such word)
    weak = low == "gesellschaft" or (low.endswith("zentrum") and head[0] == "zentrum")
    return head[1], head[2], infl, evidence, weak


def _head_of(lowered: str, tables: Tables):
    """(head entry, inflection, uninflected word) when `lowered` ends in a head word."""
    for infl in ("", "s", "es", "e"):
        base = lowered[: len(lowered) - len(infl)] if infl else lowered
        if infl and not lowered.endswith(infl):
            continue
        if base.endswith(tables.never):
            return None
        head = next((h for h in tables.heads if base.endswith(h[0])), None)
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


def _grow_left(text: str, org: _Org, tables: Tables) -> None:
    line_start = text.rfind("\n", 0, org.start) + 1
    before = text[max(line_start, org.start - 80):org.start]
    coord = tables.rules.get("coordinated")
    if coord and (m := coord[0].search(before)):
        org.start -= len(before) - m.start()
        before = before[:m.start()]
    grown = False
    for _ in range(2):
        m = _ADJ_BEFORE.search(before, _last_word_start(before))
        if not m or m.group("adj") in tables.left_stop or m.group("adj").split("-")[0] in tables.left_stop \
                or m.group("adj") in tables.plural_words:   # "Landkreise X"
            break
        org.start -= len(before) - m.start()
        before = before[:m.start()]
        grown = True
    if grown and org.kind in _SUBUNIT and (m := _PERSON_PARTICLE_BEFORE.search(before)):
        org.start -= len(before) - m.start()   # "Carl von" before "Ossietzky Universität"
        org.proper_prefix = True
        return
    if not grown and org.kind in _SUBUNIT and (m := _NAME_WORD_BEFORE.search(before)):
        word = m.group("word").split()[0]
        if not _is_left_stop(word, tables) and word.lower() not in _LOWER_STOP:
            org.start -= len(before) - m.start()
            org.evidence = True
            return
    m = _ACR_BEFORE.search(before, _last_word_start(before))
    if m and m.group("acr") not in tables.not_acronyms and m.group("acr") not in tables.left_stop:
        org.start -= len(before) - m.start()
        org.acronym, org.acronym_span = m.group("acr"), (org.start, org.start + len(m.group("acr")))
        org.evidence = True
        return
    dash = tables.rules.get("acronym_dash")
    if dash and (m := dash[0].search(before)) and m.group("acr") not in tables.not_acronyms:
        org.start -= len(before) - m.start()
        org.acronym, org.acronym_span = m.group("acr"), (org.start, org.start + len(m.group("acr")))
        org.evidence = True


def _is_left_stop(word: str, tables: Tables) -> bool:
    """A word that never opens a name, in any inflection ("Partnern", "Trägers")."""
    return any(word[: len(word) - cut] in tables.left_stop for cut in range(3) if len(word) - cut > 2)


def _last_word_start(before: str) -> int:
    """Start of the last word: _ADJ_BEFORE/_ACR_BEFORE match only there, so search from it."""
    rest = before.rstrip()
    return len(rest) - len(rest.rsplit(None, 1)[-1]) if rest else 0


def _grow_right(text: str, org: _Org, tables: Tables, places: dict) -> None:
    rules = tables.rules
    pos = org.end
    complement = False
    for _ in range(8):
        m = _COMPLEMENT.match(text, pos)
        if m and not complement and not org.acronym_span_after(pos):
            pos = _chain_end(text, org.start, m.start("chain"), m.end("chain"), places)
            org.evidence = complement = True
            continue
        m = rules["paren_acronym"][0].match(text, pos) if "paren_acronym" in rules else None
        if m and _acronym_ok(m.group("acr"), text[org.start:pos], tables) and not org.acronym:
            org.acronym, org.acronym_span = m.group("acr"), (m.start("acr"), m.end("acr"))
            pos, org.evidence = m.end(), True
            continue
        # "Universität Bremen", "Universität zu Lübeck", "Universität Erlangen-Nürnberg"
        gap = 4 if text.startswith(" zu ", pos) else 1 if pos < len(text) and text[pos] in " -" else 0
        if gap == 1 and text[pos] == " " and (m := _PLACE_COMPOUND.match(text, pos + 1)) \
                and _has_place_part(m, places) and getattr(places.get(pos + 1), "end", None) != m.end():
            first = places.get(pos + 1)
            if first is not None and first.label == "CITY" and org.city is None:
                org.city = first.normalized
            pos, org.evidence = m.end(), True
            continue
        place = places.get(pos + gap) if gap else None
        if place is not None and (org.city is None or place.label == "CITY"):
            if place.label == "CITY":
                org.city = place.normalized
            pos, org.evidence = place.end, True
            continue
        if pos == org.head_end and _takes_next_word(text[org.head_start:org.head_end], tables) \
                and (m := _ABBR_PLACE.match(text, pos)) and m.group("word") not in tables.left_stop \
                and m.group("word").lower() not in _LOWER_STOP:
            pos, org.evidence = m.end(), True
            continue
        m = _TRAILING_ACR.match(text, pos)
        if m and not org.acronym and _acronym_ok(m.group("acr"), text[org.start:pos], tables, loose=True):
            org.acronym, org.acronym_span = m.group("acr"), (m.start("acr"), m.end("acr"))
            pos, org.evidence = m.end(), True
            continue
        legal = rules.get("legal_form")
        m = _SPACES.match(text, pos)
        if m and legal and (lf := legal[0].match(text, m.end())):
            pos, org.evidence = lf.end(), True
            org.kind = _LEGAL_KIND.get(lf.group(0), org.kind)
            continue
        for kind in ("region", "brand_word"):
            r = rules.get(kind)
            if r and (m := r[0].match(text, pos)):
                pos, org.evidence = m.end(), True
                break
        else:
            break
    org.end = pos


def _takes_next_word(head: str, tables: Tables) -> bool:
    """A standalone abbreviation ("TU") or a `placed` head ("Landkreis") names its place next."""
    return head in tables.standalone or head.lower() in tables.placed


def _has_place_part(m: re.Match, places: dict) -> bool:
    """True when a part of a hyphen compound is a place the text names."""
    pos = m.start()
    for part in re.split(r"[-/]", m.group(0)):
        if pos in places:
            return True
        pos += len(part) + 1
    return False


def _chain_end(text: str, name_start: int, start: int, end: int, places: dict) -> int:
    """End of a name complement, cut before a trailing acronym (kept for _grow_right) unless a
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


def _acronym_ok(acr: str, long_form: str, tables: Tables, loose: bool = False) -> bool:
    if acr in tables.not_acronyms or acr.isdigit():
        return False
    if nm.looks_like_acronym(acr):
        return True
    return loose and len(acr) <= 6 and nm.is_acronym_of(acr, nm.strip_article(long_form))


def _merge_genitives(text: str, orgs: list[_Org]) -> list[_Org]:
    """"Fakultät für Informatik der Otto-von-Guericke-Universität Magdeburg" is one name."""
    out: list[_Org] = []
    for org in orgs:
        prev = out[-1] if out else None
        if prev and prev.kind in _SUBUNIT and org.kind in _SUBUNIT and prev.genitive_of is None:
            m = _GENITIVE.match(text, prev.end)
            if m and m.end() == org.start:
                prev.genitive_of = org
                prev.end = org.end
                prev.city = prev.city or org.city
                continue
        out.append(org)
    return out


def _legal_form_orgs(text: str, tables: Tables, orgs: list[_Org]) -> list[_Org]:
    legal = tables.rules.get("legal_form")
    if not legal:
        return []
    out = []
    for m in legal[0].finditer(text):
        if any(o.start <= m.start() < o.end for o in orgs):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        # only the last 7 words before the form are read: tokenise a window, the line if short
        window = max(line_start, m.start() - _LEGAL_WINDOW)
        toks = list(_TOKEN_BACK.finditer(text, window, m.start()))
        if window > line_start and len(toks) < 9:
            toks = list(_TOKEN_BACK.finditer(text, line_start, m.start()))
        start = None
        for i, t in enumerate(reversed(toks)):
            w = t.group(0).strip("„“\"'»«")
            if not w or i >= 6 or w[-1] in ",;:!?" or (w[-1] == "." and not _INNER_DOT.search(w)):
                break
            if w == "und" and start is not None and i + 1 < len(toks) and toks[-i - 2].group(0).endswith("-"):
                continue                      # "Textil- und Bekleidungsindustrie e.V."
            if w[0].islower() or not w[0].isalnum():
                if w in _LOWER_STOP or i > 0 or w[0] in "(–-" or w.endswith(_ADJECTIVE_ENDINGS):
                    break                 # "chip GmbH" is a brand, "als gemeinnützige GmbH" no name
                start = t.start()
                break
            if w in tables.left_stop or w.lower() in _LOWER_STOP or w[0].isdigit():
                break
            start = t.start()
        if start is None:
            continue
        while text[start] in "„“\"'»«":         # the quote opening a name is not part of it
            start += 1
        org = _Org(start, m.end(), "org.legal_form", _LEGAL_KIND.get(m.group(0), "company"), "f",
                   start, m.end(), evidence=True)
        first = text[start:m.start()].split()[0]
        several = len(text[start:m.start()].split()) > 1
        if several and nm.looks_like_acronym(first) and first not in tables.not_acronyms:
            org.acronym = first
        out.append(org)
    return out


def _company_orgs(text: str, tables: Tables, orgs: list[_Org], words: set[str]) -> list[_Org]:
    """Companies the text names without a legal form ("Bosch", "Siemens Healthineers"); only the
    names whose first word is among the text's capitalised `words` are searched."""
    names = [name for name in tables.companies if name.split(" ", 1)[0] in words]
    if not names:
        return []
    out = []
    for start, end in nm.find_literals(text, names, _NO_WORD_BEFORE, _NO_WORD_OR_DASH_AFTER):
        if not any(o.start < end and start < o.end for o in orgs):
            out.append(_Org(start, end, "org.company_name", "company", "f", start, end, evidence=True,
                            normalized=text[start:end]))
    return out


def _place_acronym_orgs(text: str, tables: Tables, orgs: list[_Org], places: dict) -> list[_Org]:
    """"LEG Thüringen" (an undefined acronym before a place) and "Aachen (ITA)" (a place with an
    acronym, in a sentence about institutes)."""
    out = []
    inside = _covered_by(orgs)
    for start in sorted(places):
        # matches of the acronym pattern never overlap, so each place is tried on its own
        m = _ACRONYM_BEFORE_PLACE.search(text, max(0, start - 7), start)
        if m is None or text[start:start + 1] not in _CAPITALS:
            continue
        acr, place = m.group("acr"), places[start]
        if acr in tables.not_acronyms or inside(m.start()):
            continue
        out.append(_Org(m.start(), place.end, "org.acronym_place", "other", "f", m.start(), m.end(),
                        acronym=acr, acronym_span=(m.start(), m.end()),
                        city=place.normalized if place.label == "CITY" else None, evidence=True,
                        normalized=f"{acr} {text[place.start:place.end]}"))
    paren, context = tables.rules.get("paren_acronym"), tables.rules.get("context")
    if paren and context:
        for place in places.values():
            m = paren[0].match(text, place.end)
            if not m or not nm.looks_like_acronym(m.group("acr")) or m.group("acr") in tables.not_acronyms:
                continue
            sentence_start = max(text.rfind(". ", 0, place.start), text.rfind("\n", 0, place.start), 0)
            if not context[0].search(text, sentence_start, place.start):
                continue
            if any(o.start <= m.start("acr") < o.end for o in orgs + out):
                continue
            out.append(_Org(m.start("acr"), m.end("acr"), "org.place_acronym", "institute", "n",
                            m.start("acr"), m.end("acr"), acronym=m.group("acr"),
                            city=place.normalized if place.label == "CITY" else None, evidence=True,
                            normalized=m.group("acr")))
    return out


def _with_joined(text: str, tables: Tables, orgs: list[_Org], places: dict) -> list[_Org]:
    """`orgs` with the items of joined names ("die Landkreise A, B und C") in place of what the
    head scan read there (a plural "Fraunhofer-Institute für …" is no single institution)."""
    items = joined_items(text, tables.plurals, lambda word: _cached_reading(word, tables) is not None)
    if not items:
        return orgs
    joined = []
    for item in items:
        reading = _cached_reading(item.singular.split()[-1], tables)
        kind, gender = (reading[0], reading[1]) if reading else ("other", "f")
        place = places.get(item.start)
        city = place.normalized if place is not None and place.label == "CITY" and place.end == item.end else None
        joined.append(_Org(item.start, item.end, "org.joined_list", kind, gender, item.start, item.end,
                           acronym=item.acronym, city=city, evidence=True, normalized=item.name))
    # what the head scan found over a joined name's plural or its items gives way to them
    spans = _Spans((text.rfind(" ", 0, item.start - 1), item.end) for item in items)
    return [o for o in orgs if not spans.overlap(o.start, o.end)] + joined


def _cached_reading(word: str, tables: Tables):
    reading = tables.head_cache.get(word, False)
    if reading is False:
        reading = tables.head_cache[word] = _head_reading(word, tables)
    return reading


def _overlaps(org: _Org, spans) -> bool:
    return any(s < org.end and org.start < e for s, e in spans)


class _Spans:
    """Character ranges merged and sorted, for overlap tests in O(log n): a text may hold
    thousands of names."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlap(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1   # the last range opening before `end`
        return i >= 0 and self.ends[i] > start


def _normalize(text: str, org: _Org) -> str:
    """Canonical name: acronyms taken out, a governed head and its adjectives in the nominative;
    a genitive attachment ("… der Universität Bremen") is kept as written."""
    end = org.genitive_of.start if org.genitive_of else org.end
    preceding = text[max(0, org.start - 12):org.start]
    has_article = nm.after_article(preceding)
    pieces: list[str] = []
    dropped_acronym = False
    for m in _NON_SPACE.finditer(text[org.start:end]):
        s, e = org.start + m.start(), org.start + m.end()
        word = m.group(0)
        if org.acronym and word.strip("(),") == org.acronym and (
                word.startswith("(") or s > org.head_start or _dash_after(text, e)):
            dropped_acronym = True
            continue
        if dropped_acronym and not pieces and word in ("–", "—", "-"):
            continue
        if e <= org.head_start and has_article and not org.proper_prefix:
            word = nm.strong_adjective(word, org.gender)
        elif s <= org.head_start < e and org.head_end <= e:
            word = text[s:org.head_start] + nm.nominative_head(text[org.head_start:org.head_end],
                                                                org.inflection) + text[org.head_end:e]
        pieces.append(word)
    name = " ".join(pieces).strip(" ,")
    if org.genitive_of:
        gen = org.genitive_of
        inner = text[gen.start:gen.end]
        if gen.acronym:
            inner = inner.replace(f" ({gen.acronym})", "")
        name = f"{name} {inner}"
    return " ".join(name.split())


def _dash_after(text: str, pos: int) -> bool:
    return text[pos:pos + 3].strip()[:1] in ("–", "—", "-")


def _definitions(orgs: list[_Org], text: str) -> dict[str, tuple[str, str]]:
    """acronym -> (normalized name, kind): the first long form the text gives for it."""
    defs: dict[str, tuple[str, str]] = {}
    for o in orgs:
        gen = o.genitive_of
        if gen is not None and gen.acronym and gen.acronym not in defs:
            defs[gen.acronym] = (_normalize(text, gen), gen.kind)
        if o.acronym and o.acronym not in defs and o.normalized and o.normalized != o.acronym:
            defs[o.acronym] = (o.normalized, o.kind)
    return defs


def _mention(text: str, o: _Org, defs: dict) -> Mention:
    attrs = {"acronym": o.acronym, "kind": o.kind}
    if o.city:
        attrs["city"] = o.city
    normalized = o.normalized
    if o.rule == "org.place_acronym" and o.acronym in defs:
        normalized = defs[o.acronym][0]
    return Mention("ORG", o.start, o.end, text[o.start:o.end], o.rule, normalized=normalized, attrs=attrs)


def _acronym_refs(text: str, tables: Tables, orgs: list[_Org], defs: dict, blocked) -> list[Mention]:
    """Bare later (or earlier) uses of a defined acronym, and "Fraunhofer IFF"."""
    out = []
    spans = [(o.start, o.end) for o in orgs] + list(blocked)
    brand = tables.rules.get("brand")
    if brand:
        for m in brand[0].finditer(text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            acr = m.group("acr")
            society = text[m.start():m.start("acr")].rstrip("- ")    # "Fraunhofer-IOSB-AST"
            name, kind = defs.get(acr, (f"{society} {acr}", "institute"))
            out.append(Mention("ORG", m.start(), m.end(), m.group(0), brand[1], normalized=name,
                               attrs={"acronym": acr, "kind": kind}))
            spans.append((m.start(), m.end()))
    if not defs:
        return out
    taken = _Spans(spans)
    for start, end in nm.find_literals(text, defs, _NO_WORD_BEFORE, _NO_WORD_AFTER):
        if taken.overlap(start, end):
            continue
        acr = text[start:end]
        name, kind = defs[acr]
        out.append(Mention("ORG", start, end, acr, "org.acronym_ref", normalized=name,
                           attrs={"acronym": acr, "kind": kind}))
    return out


def _covered_by(orgs):
    """A test whether a position lies inside one of `orgs`, by bisect (a text of many places and
    institutions stays linear)."""
    spans = sorted((o.start, o.end) for o in orgs)
    starts = [s for s, _ in spans]
    longest = max((e - s for s, e in spans), default=0)

    def inside(pos: int) -> bool:
        near = spans[bisect_left(starts, pos - longest):bisect_right(starts, pos)]
        return any(s <= pos < e for s, e in near)

    return inside
