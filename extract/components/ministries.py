"""MINISTRY mentions: official names, short forms ("Bundeswirtschaftsministerium",
"Thüringer Wirtschaftsministerium"), fixed forms ("Auswärtiges Amt") and acronyms, each
resolved to the ministry of that name at the document's reference date.

A person's title ("Wirtschaftsminister X") is not a ministry: only "...ministerium" forms match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language

from ..model import Mention
from ..normalize import ministries as norm
from ..rules import cached_rules

_WS = r"[^\S\n]+"   # spaces within a name never cross a line break
_NAME_HEAD = (r"(?:Bundes|Staats|Landes)ministeriums?|Ministeriums?|Senatsverwaltung|Behörde"
              r"|Senatorin|Senators?")
_SPACES = re.compile(r"\s+")
_TRAILING_ITEM = re.compile(r"\s*(?:,|\sund|\ssowie)\s+\S+$")
_PAREN = re.compile(r"[^\S\n]*\((?P<a>[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,9})\)")


def _alt(words) -> str:
    """Alternation of literal words as a character trie (fast to scan); at each branch the
    longer continuation is tried first, so the regex takes the longest form."""
    tree: dict = {}
    for w in set(words):
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(tree)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [(_WS if ch == " " else re.escape(ch)) + _trie_regex(sub)
                for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body


def _adjective_forms(stem: str) -> list[str]:
    if stem[0].isupper() and stem.endswith("er"):
        return [stem]                       # invariable: "Thüringer", "Münchner"
    forms = [stem + e for e in ("e", "en", "er", "es", "em")]
    return [f[0].upper() + f[1:] for f in forms] + [f[0].lower() + f[1:] for f in forms]


@dataclass
class MinistryLexicon:
    """The ministries with their validity, their aliases and acronyms, the names, adjectives
    and cities of the Länder, and the patterns built from them that the ministry scan reads."""
    ministries: list
    by_id: dict
    stems: dict          # "Wirtschafts" -> (alias id, "wirtschaft")
    fixed: dict          # fixed surface form -> (alias id, target)
    acronyms: set        # acronyms that may stand alone
    all_acronyms: set
    land_of: dict        # Land name / adjective form / city -> Land
    lower_qualifiers: set
    cities: set
    main: re.Pattern
    pre: re.Pattern
    suffix: re.Pattern
    votes: re.Pattern
    land_tokens: frozenset
    ellipsis: re.Pattern


@lru_cache(maxsize=4)
def load_lexicon(rules_dir: str | None) -> MinistryLexicon:
    rules = cached_rules(rules_dir or None)
    land_of, names, adjectives, cities = _lands(rules.gazetteer("ministry_states"))
    land_tokens = frozenset(t for w in names + adjectives for t in norm.fold(w).split())
    ministries = _ministries(rules.gazetteer("ministries"), land_tokens)
    stems, fixed, acronyms, all_acronyms = _aliases(rules.gazetteer("ministry_aliases"), ministries)
    word = rf"(?:{_alt(_vocabulary(rules.word_list('ministry_words'), ministries, land_tokens))})(?:-(?={_WS}und))?"
    sep = rf"(?:(?:{_WS})?,{_WS}|{_WS}(?:und|sowie){_WS}|{_WS})(?:(?:für|der|des){_WS})?"
    stem_forms = list(stems) + [s[0].lower() + s[1:] for s in stems]
    main = re.compile(          # the lookahead lets the scanner skip lower-case positions fast
        rf"(?=[A-ZÄÖÜ])(?<!\w)(?:"
        rf"(?P<name>(?P<nh>{_NAME_HEAD}){_WS}(?:für|der|des){_WS}(?P<rest>{word}(?:{sep}{word})*))"
        rf"|(?P<short>(?:(?P<st0>{_alt(stems)})-{_WS}(?:und|sowie){_WS})?(?:(?P<sb>Bundes|Landes)-?(?P<st1>{_alt(stem_forms)})|(?P<st2>{_alt(stems)}))"
        rf"ministeriums?)"
        rf"|(?P<fixed>{_alt(fixed)})"
        rf"|(?P<acr>{_alt(all_acronyms | acronyms)})"
        rf")(?!\w)")
    genitives = [n + "s" for n in names if not n.endswith("s")]
    pre = re.compile(rf"(?<![\w-])(?:(?P<adj>{_alt(adjectives + genitives)}){_WS}|(?P<hy>{_alt(names)})-)$")
    land_names = _alt(names)
    suffix = re.compile(
        rf"(?:{_WS}(?:des{_WS}(?:Landes|Freistaate?s){_WS}|des{_WS}(?=Saarlandes)|(?P<prep>in|von){_WS})?"
        rf"(?P<land>{land_names})|{_WS}des{_WS}(?P<bund>Bundes)|{_WS}?\((?P<paren>NRW)\))(?![\w-])")
    votes = re.compile(rf"(?=[A-ZÄÖÜa-zäöü])(?<![\w-])(?:{_alt(names + adjectives + cities)})(?![\w-])")
    # "des Ministeriums für Kultur und Wissenschaft beziehungsweise (für) Wirtschaft und Energie"
    ellipsis = re.compile(rf"{_WS}(?:(?:beziehungsweise|bzw\.|oder){_WS}(?:für{_WS})?|(?:sowie|und){_WS}"
                          rf"(?:dem{_WS}|des{_WS})?für{_WS})(?P<rest>{word}(?:{sep}{word})*)(?!\w)")
    lower_q = {a for a in adjectives if a[0].islower()} | {n + "s" for n in names}
    return MinistryLexicon(ministries, {m.id: m for m in ministries}, stems, fixed, acronyms, all_acronyms,
                           land_of, lower_q, set(cities), main, pre, suffix, votes, land_tokens, ellipsis)


def _lands(rows):
    """(Land of each name, adjective form and city; the names with their genitives; the
    adjective forms; the cities) from ministry_states.csv."""
    land_of, names, adjectives, cities = {}, [], [], []
    for row in rows:
        state = row.values["state"].strip()
        for n in filter(None, row.values["names"].split("|")):
            names += [n, n + "s"] if not n.endswith("s") and not n.isupper() else [n]
            land_of[n] = land_of[n + "s"] = state
        for stem in filter(None, (row.values.get("adjectives") or "").split("|")):
            for form in _adjective_forms(stem):
                adjectives.append(form)
                land_of[form] = state
        for c in filter(None, (row.values.get("cities") or "").split("|")):
            cities.append(c)
            land_of.setdefault(c, state)
    return land_of, names, adjectives, cities


def _ministries(rows, land_tokens: frozenset) -> list[norm.Ministry]:
    ministries = []
    for row in rows:
        v = row.values
        head, tokens = norm.split_name(v["name"].strip(), land_tokens)
        ministries.append(norm.Ministry(
            id=row.id, name=v["name"].strip(), acronym=(v.get("acronym") or "").strip(),
            level=v["level"].strip(), state=(v.get("state") or "").strip(),
            valid_from=(v.get("valid_from") or "").strip(), valid_to=(v.get("valid_to") or "").strip(),
            departments=tuple(v["departments"].split()), head=head, tokens=tokens))
    return ministries


def _aliases(rows, ministries: list[norm.Ministry]):
    """(stems, fixed forms, acronyms that may stand alone, all acronyms) from ministry_aliases.csv
    and the ministries."""
    stems, fixed, blocked = {}, {}, set()
    for row in rows:
        alias, kind, target = row.values["alias"].strip(), row.values["kind"].strip(), (
            row.values.get("target") or "").strip()
        if kind == "stem":
            stems[alias] = (row.id, target)
        elif kind == "name":
            fixed[alias] = (row.id, target)
        elif kind == "block":
            blocked.add(alias)
    for m in ministries:
        if not m.head:   # names of another shape ("Auswärtiges Amt", "Finanzbehörde") match as written
            fixed.setdefault(m.name, ("ministries.name", m.id))
    all_acronyms = {m.acronym for m in ministries if m.acronym}
    acronyms = {a for a in all_acronyms if a not in blocked and len(a) >= 3}
    # "BMWI", "BMVG": federal acronyms are also written in capitals
    acronyms |= {a.upper() for a in acronyms if a.startswith("BM") and a != a.upper()}
    return stems, fixed, acronyms, all_acronyms


def _vocabulary(words: list[str], ministries: list[norm.Ministry], land_tokens: frozenset) -> set[str]:
    """Words that may continue a ministry name: ministry_words.txt and the portfolio words of
    the official names."""
    vocab = set(words)
    for m in ministries:
        match = norm._HEAD_RE.match(m.name)
        if match:
            for w in re.split(r"[\s,]+", match.group(2).split(" des Landes ")[0]):
                w = w.rstrip("-")
                if w and norm.fold(w) not in norm.NAME_STOP and norm.fold(w) not in land_tokens:
                    vocab.add(w)
    return vocab


@dataclass
class _Hit:
    start: int
    end: int
    rule: str
    ministry: object = None       # norm.Ministry, or a dict for a name missing from the table
    department: str = ""          # for short forms resolved in the second pass
    state_only: bool = False     # "Landes...ministerium": never the Bund
    state: str | None = None      # the Land a short form names ("Thüringer Wirtschaftsministerium")


# Reference date of a text that gives no date and no year. Press releases about funded centres
# cluster around 2016-2022, so names of that time are the better guess than the newest ones.
UNDATED = "2020-07-01"


class MinistriesComponent:
    def __init__(self, rules_dir: str = "", undated: str = UNDATED):
        self.rules_dir = rules_dir or None
        self.undated = undated or norm.NEWEST

    def __call__(self, doc):
        text = doc._.text if doc._.text is not None else doc.text
        lex = load_lexicon(self.rules_dir)
        mentions = doc._.mentions if doc._.mentions is not None else []
        doc._.mentions = mentions
        for hit in find_ministries(text, lex, published=doc._.published, undated=self.undated,
                                   places=[m for m in mentions if m.label in ("CITY", "STATE")]):
            mentions.append(_mention(text, hit))
        return doc


def _mention(text: str, hit: _Hit) -> Mention:
    m = hit.ministry
    if isinstance(m, dict):
        attrs = {k: m[k] for k in ("acronym", "level", "state", "ministry_id")}
        return Mention("MINISTRY", hit.start, hit.end, text[hit.start:hit.end], hit.rule,
                       normalized=m["name"], attrs=attrs)
    return Mention("MINISTRY", hit.start, hit.end, text[hit.start:hit.end], hit.rule, normalized=m.name,
                   attrs={"acronym": m.acronym, "level": m.level, "state": m.state, "ministry_id": m.id})


class _Context:
    """The document's dominant Land, computed on first need."""

    def __init__(self, text, lex, places):
        self.text, self.lex, self.places = text, lex, places
        self._state = False

    @property
    def state(self):
        if self._state is False:
            votes: dict[str, int] = {}
            for m in self.lex.votes.finditer(self.text):
                land = self.lex.land_of.get(m.group(0))
                if land:   # a Land's own name or adjective weighs more than one of its cities
                    votes[land] = votes.get(land, 0) + (1 if m.group(0) in self.lex.cities else 2)
            for p in self.places:
                land = (p.attrs or {}).get("state") or (p.normalized if p.label == "STATE" else "")
                if land:
                    votes[land] = votes.get(land, 0) + 1
            self._state = norm.dominant_state(votes)
        return self._state


def find_ministries(text: str, lex: MinistryLexicon, *, published: str | None = None, undated: str = UNDATED,
                    places=()) -> list[_Hit]:
    """Ministry hits in `text`, resolved at the reference date (see norm.reference_date)."""
    date = None  # most texts name no ministry: the reference date is read on the first match
    ctx = _Context(text, lex, places)
    hits: list[_Hit] = []
    skip_until = -1
    for m in lex.main.finditer(text):
        if m.start() < skip_until:
            continue
        if date is None:
            date = norm.reference_date(text, published, undated)
        hit = _resolve(m, text, lex, ctx, date)
        if hit is None:
            continue
        hits.append(hit)
        paren = _PAREN.match(text, hit.end)
        if paren and hit.ministry is not None and _is_acronym(paren.group("a"), hit, lex):
            ministry = hit.ministry
            if isinstance(ministry, dict) and not ministry["acronym"]:
                ministry = dict(ministry, acronym=paren.group("a"))
                hit.ministry = ministry
            elif not isinstance(ministry, dict):
                ministry = hit.ministry = _stated(ministry, paren.group("a"), lex, date)
            hits.append(_Hit(paren.start("a"), paren.end("a"), "ministries.paren_acronym", ministry))
            skip_until = paren.end()
        elif hit.rule == "ministries.name" and not isinstance(hit.ministry, dict):
            other = _elliptic(text, hit, lex, date)
            if other:
                hits.append(other)
                skip_until = other.end
    if hits:
        _resolve_bare(hits, lex, ctx, date)
    return [h for h in hits if h.ministry is not None]


def _elliptic(text: str, hit: _Hit, lex: MinistryLexicon, date: str) -> _Hit | None:
    """A second ministry named by its portfolio alone right after a first one, same head and Land."""
    m = lex.ellipsis.match(text, hit.end)
    if not m:
        return None
    first = hit.ministry
    tokens = norm.name_tokens(m.group("rest"), lex.land_tokens)
    other = norm.resolve_name(lex.ministries, first.head, tokens, state=first.state or None, date=date,
                              federal_ok=first.level == "federal")
    if other is None or other.id == first.id or other.level != first.level or other.state != first.state:
        return None
    return _Hit(m.start("rest"), m.end("rest"), "ministries.elliptic_name", other)


def _stated(ministry, acronym: str, lex: MinistryLexicon, date: str):
    """The ministry of the name and acronym the text states together: "Bundesministerium für
    Wirtschaft und Energie (BMWi)" is the BMWi even where the date points to the later BMWE
    of the same name. An acronym of no ministry of that portfolio changes nothing."""
    if acronym == ministry.acronym:
        return ministry
    pool = [m for m in lex.ministries if m.acronym == acronym and m.level == ministry.level
            and m.state == ministry.state and m.tokens & ministry.tokens]
    return norm.pick(pool, date, key=lambda m: len(m.tokens ^ ministry.tokens)) or ministry


def _is_acronym(a: str, hit: _Hit, lex: MinistryLexicon) -> bool:
    own = hit.ministry["acronym"] if isinstance(hit.ministry, dict) else hit.ministry.acronym
    return a == own or a in lex.all_acronyms or sum(c.isupper() for c in a) >= 2


def _qualifier(m, text, lex):
    """(Land, start of span, says Bund) from the words around a match."""
    start, land = m.start(), None
    before = lex.pre.search(text, max(0, start - 45), start)
    if before:
        word = before.group("adj") or before.group("hy")
        land = lex.land_of.get(word)
        if before.group("hy") or (word[0].isupper() and word not in lex.lower_qualifiers):
            start = before.start()
    return land, start


def _resolve(m, text, lex: MinistryLexicon, ctx: _Context, date: str) -> _Hit | None:
    if m.group("acr"):
        acr = m.group("acr")
        if acr not in lex.acronyms:
            return None
        if acr not in lex.all_acronyms:
            acr = next(a for a in lex.all_acronyms if a.upper() == acr)
        ministry = norm.resolve_acronym(lex.ministries, acr, state=ctx.state, date=date)
        return _Hit(m.start(), m.end(), "ministries.acronym", ministry) if ministry else None
    land, start = _qualifier(m, text, lex)
    end = m.end()
    suf = lex.suffix.match(text, end)
    bund = False
    if suf and suf.group("prep") and lex.land_of.get(suf.group("land")) in norm.CITY_STATES:
        suf = None     # "in Berlin" says where a ministry sits, mostly a federal one
    if suf:
        bund = bool(suf.group("bund"))
        land = land or (lex.land_of.get(suf.group("land")) if suf.group("land") else None) or (
            "Nordrhein-Westfalen" if suf.group("paren") else None)
    if m.group("fixed"):
        alias_id, target = lex.fixed[m.group("fixed")]
        if "@" in target:
            dept, state = target.split("@")
            ministry = norm.resolve_department(lex.ministries, dept, level="state", state=state, date=date)
        else:
            ministry = lex.by_id.get(target)
        return _Hit(start, m.end(), alias_id, ministry) if ministry else None
    if m.group("name"):
        return _resolve_name(m, text, lex, ctx, date, land, start, suf, bund)
    # a short form "<Stem>ministerium"
    stem = m.group("st0") or m.group("st1") or m.group("st2")   # "Wirtschafts- und Energie...": the first
    rule, dept = lex.stems.get(stem) or lex.stems[stem[0].upper() + stem[1:]]
    sb = m.group("sb")
    if sb == "Bundes" or bund:
        ministry = norm.resolve_department(lex.ministries, dept, level="federal", state=None, date=date)
        return _Hit(start, end, rule, ministry) if ministry else None
    if land and suf and suf.group("land"):
        end = suf.end()
    return _Hit(start, end, rule, None, department=dept, state_only=sb == "Landes", state=land)


def _resolve_name(m, text, lex, ctx, date, land, start, suf, bund) -> _Hit | None:
    head_text = m.group("nh")
    head = norm.fold(norm.nominative(head_text))
    rest_start = m.start("rest")
    rest = m.group("rest")
    federal = head == "bundesministerium" or bund
    state = None if federal else (land or ctx.state)
    while True:
        tokens = norm.name_tokens(rest, lex.land_tokens)
        as_head = "bundesministerium" if federal and head == "ministerium" else head
        ministry = norm.resolve_name(lex.ministries, as_head, tokens, state=state, date=date,
                                     federal_ok=not land)
        if ministry or not _TRAILING_ITEM.search(rest):
            break
        rest = _TRAILING_ITEM.sub("", rest)   # drop a trailing "und X"
    end = rest_start + len(rest)
    if ministry is not None and suf and suf.group("land") and end == m.end() and not federal and (
            lex.land_of.get(suf.group("land")) == ministry.state):
        end = suf.end()     # "... des Landes Sachsen-Anhalt" belongs to the name
    if ministry is None:
        end = m.end()       # a name missing from the table is kept as written, whole
        if suf and suf.group("land") and not federal:
            end = suf.end()
        if head not in ("bundesministerium", "ministerium", "staatsministerium", "landesministerium",
                        "senatsverwaltung"):
            return None
        level = "federal" if federal else ("state" if land or head != "ministerium" else "")
        name = norm.nominative(head_text) + text[m.end("nh"):end]
        ministry = {"name": _SPACES.sub(" ", name), "acronym": "", "level": level,
                    "state": land or "", "ministry_id": ""}
        return _Hit(start, end, "ministries.unlisted_name", ministry)
    return _Hit(start, end, "ministries.name", ministry)


def _resolve_bare(hits: list[_Hit], lex: MinistryLexicon, ctx: _Context, date: str) -> None:
    """Short forms of a Land ("Thüringer Wirtschaftsministerium") or bare ("das
    Wirtschaftsministerium"): the nearest ministry of that portfolio (and Land) the document
    names in full, else the one of the Land (the document's Land for a bare form), else the Bund."""
    named = [h for h in hits if h.ministry is not None and not isinstance(h.ministry, dict)]
    for hit in hits:
        if hit.ministry is not None or not hit.department:
            continue
        dept = hit.department
        same = [h for h in named if dept in h.ministry.departments
                and (hit.state is None or h.ministry.state == hit.state)
                and not (hit.state_only and h.ministry.level == "federal")]
        if same:
            before = [h for h in same if h.start < hit.start]
            hit.ministry = (before[-1] if before else same[0]).ministry
            continue
        if hit.state:
            hit.ministry = norm.resolve_department(lex.ministries, dept, level="state",
                                                   state=hit.state, date=date)
            continue
        state = ctx.state
        if state and state not in norm.CITY_STATES:
            hit.ministry = norm.resolve_department(lex.ministries, dept, level="state", state=state,
                                                   date=date)
        if hit.ministry is None and not hit.state_only:
            hit.ministry = norm.resolve_department(lex.ministries, dept, level="federal", state=None,
                                                   date=date)


@Language.factory("extract_ministries", default_config={"rules_dir": "", "undated": UNDATED},
                  requires=["doc._.text", "doc._.mentions", "doc._.published"],
                  assigns=["doc._.mentions"])
def make_ministries(nlp, name, rules_dir, undated):
    return MinistriesComponent(rules_dir, undated)
