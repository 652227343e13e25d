"""CITY and STATE mentions from the gazetteers places.csv and states.csv.

One pass over the capitalised words of the text: each word is looked up in a dict of
first words -> surface forms (longest first), so multi-word names ("Frankfurt am Main",
"Halle (Saale)", "St. Augustin") cost one lookup per word. An alias shared by several places
("Frankfurt", "Halle") resolves to the largest one; the text's longer form wins when it is
written ("Frankfurt (Oder)", "Halle/Saale").

Names that need context: the words in rules/lists/place_stoplist.txt (common words,
first names, regions: "Essen", "Hof", "Weiden") and single-word names of places with fewer
than MIN_BARE_POPULATION inhabitants. They count only with a context rule from
rules/patterns/places.jsonl: a preposition or place noun before ("in Essen", "Hochschule Hof"),
a bracketed qualifier after ("Essen (NRW)"), the end of an institution name ("... Halle e.V."),
or a list with an accepted city ("Bamberg und Hof"). A title before or a party/verb of
saying after marks a person's surname and drops any single-word name ("Frau Vogt").

Adjectives are never cities ("Bremer", "Erfurter"). States: the official name, genitive and
long forms ("Freistaat Bayern", "Land Bremen", "NRW"); the bare name of a city-state is a
CITY. State adjectives ("bayerische", "Thüringer") give STATE with attrs form="adjective".

Rule ids (Mention.rule): the gazetteer row id ("geo:2950159", "state:02") for a plain
lookup; the context pattern id ("places.ctx.prep_before", ...) when context admitted the
name (the row id is then in attrs["id"]); "places.compound" for a city that opens or closes
a hyphenated compound ("Berlin-Brandenburg"); "places.state_adjective" for adjectives.
CITY attrs: state, country, geonameid, population, id. STATE attrs: code, form, id.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language

from ..model import Mention
from ..normalize.places import adjective_forms, genitive
from ..rules import cached_rules
from ..text.case import lower

# Single-word names of smaller places need context; measured on the dev texts (a bare
# village name is more often a surname or a word than the place).
MIN_BARE_POPULATION = 5_000
# Cities this big may open a hyphenated compound ("Hamburg-Harburg") and take a genitive -s.
MIN_COMPOUND_POPULATION = 50_000

# The capital comes first so that re jumps from capital to capital; the lookbehind then
# checks the character before it.
WORD = re.compile(r"[A-ZÄÖÜ](?<![\w\-.@][A-ZÄÖÜ])[\w'’-]*\.?")
CAPITALISED_BEFORE = re.compile(r"[A-ZÄÖÜ][\w.-]*[ \t]$")
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[„\"«»(]\s*)$")


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    label: str          # CITY or STATE
    name: str
    population: int
    state: str = ""
    country: str = "DE"
    code: str = ""
    form: str = "name"  # STATE: name, alias, adjective


@dataclass(frozen=True, slots=True)
class Entry:
    alias: str
    place: Place
    needs_context: bool


class PlaceIndex:
    """Surface forms by first word; built once per rules folder."""

    def __init__(self, rules):
        self.by_first: dict[str, list[Entry]] = {}
        self.stop = set(rules.word_list("place_stoplist"))
        self.first_names = set(rules.word_list("first_names"))  # optional list of another component
        ctx = {r.kind: (r.id, r.compile()) for r in rules.patterns_for("TRIGGER", file="places")}
        self.before = ctx["place_before"]
        self.after = ctx["place_after"]
        self.org_after = ctx["place_after_org"]
        self.list_gap = ctx["place_list_gap"]
        self.person_before = ctx["not_place_before"][1]
        self.person_after = ctx["not_place_after"][1]
        self.word_after = ctx["not_place_after_word"][1]
        best: dict[str, Entry] = {}
        adjectives = self._offer_states(best, rules.gazetteer("states"))
        self._offer_places(best, rules.gazetteer("places"), rules.gazetteer("states"))
        for entry in best.values():
            self.by_first.setdefault(_first_word(entry.alias), []).append(entry)
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e.alias))
        # State adjectives are whole [\w-]+ runs. Their first letters (lower-cased) are
        # searched with str.find, and only the runs that start there are looked up: a
        # regex over every word, or a long alternation behind a lookbehind, is slower.
        shortest = min((len(f) for f in adjectives), default=1)
        self.adjective = re.compile(rf"[\w-]{{{shortest},}}")
        self.adjective_heads = sorted({f[:shortest].lower() for f in adjectives})
        self.adjectives = adjectives

    def _offer_states(self, best: dict[str, Entry], states) -> dict[str, Place]:
        """Offer the names and aliases of the Länder (a city-state by its aliases only); return
        their adjective forms."""
        adjectives: dict[str, Place] = {}
        for row in states:
            v = row.values
            place = Place(row.id, "STATE", v["name"], 0, code=v["code"])
            if not v.get("city_state"):
                self._offer(best, Entry(v["name"], place, False), priority=True)
            for alias in filter(None, (v.get("aliases") or "").split("|")):
                self._offer(best, Entry(alias, _with(place, form="alias"), False), priority=True)
            for stem in filter(None, (v.get("adjectives") or "").split("|")):
                for form in adjective_forms(stem):
                    adjectives[form] = _with(place, form="adjective")
        return adjectives

    def _offer_places(self, best: dict[str, Entry], places, states) -> None:
        """Offer every place by its name, aliases and (for big ones) genitives."""
        state_names = {r.values["name"] for r in states}
        city_states = {r.values["name"] for r in states if r.values.get("city_state")}
        for row in places:
            v = row.values
            place = Place(row.id, "CITY", v["name"], int(v.get("population") or 0),
                          state=v.get("state") or "", country=v["country"])
            aliases = [v["name"]] + [a for a in (v.get("aliases") or "").split("|") if a]
            if place.population >= MIN_COMPOUND_POPULATION:
                aliases += [g for g in (genitive(a) for a in aliases if a.isalpha()) if g]
            for alias in aliases:
                if alias in state_names and alias not in city_states:
                    continue  # "Brandenburg", "Sachsen" alone are states
                bare = " " not in alias and "(" not in alias and "/" not in alias
                needs = alias in self.stop or alias.rstrip("s") in self.stop or (
                    bare and place.population < MIN_BARE_POPULATION and place.country == "DE")
                self._offer(best, Entry(alias, place, needs))

    @staticmethod
    def _offer(best: dict[str, Entry], entry: Entry, priority: bool = False) -> None:
        """Keep one entry per alias: states first, then the largest place."""
        old = best.get(entry.alias)
        if old is None or (priority and old.place.label != "STATE") or (
                old.place.label == entry.place.label == "CITY"
                and entry.place.population > old.place.population):
            best[entry.alias] = entry


def _with(place: Place, **changes) -> Place:
    values = {f: getattr(place, f) for f in Place.__slots__}
    values.update(changes)
    return Place(**values)


def _first_word(alias: str) -> str:
    return re.split(r"[ (/]", alias, maxsplit=1)[0]


@lru_cache(maxsize=8)
def place_index(rules_dir: str | None = None) -> PlaceIndex:
    return PlaceIndex(cached_rules(rules_dir or None))


def _ends_word(text: str, end: int, alias: str) -> bool:
    if end >= len(text) or alias.endswith("."):
        return True
    ch = text[end]
    return not (ch.isalnum() or (ch == "-" and end + 1 < len(text) and text[end + 1].isalpha()))


def find_places(text: str, index: PlaceIndex) -> list[Mention]:
    """CITY and STATE mentions of `text`, in text order."""
    found: list[tuple[int, int, Entry, str]] = []   # start, end, entry, rule
    pending: list[tuple[int, int, Entry]] = []
    pos = 0
    by_first = index.by_first
    for m in WORD.finditer(text):
        s = m.start()
        if s < pos:
            continue
        token = m.group()
        # most capitalised words are no place: skip the alias scan for them cheaply
        entries = by_first.get(token)
        if entries is None and token[-1] == ".":
            entries = by_first.get(token.rstrip("."))
        hit = next((e for e in entries if text.startswith(e.alias, s)
                    and _ends_word(text, s + len(e.alias), e.alias)), None) if entries else None
        if hit is None:
            if "-" in token:
                found += _compound(text, s, token.rstrip("."), index)
            continue
        end = s + len(hit.alias)
        # "Garching bei München" names München too: scan on from the city after "bei"
        tail = hit.alias.find(" bei ")
        pos = s + tail + 5 if tail > 0 else end
        single = " " not in hit.alias
        if single and hit.place.label == "CITY" and _is_person(text, s, end, hit.alias, index):
            continue
        if not hit.needs_context:
            found.append((s, end, hit, hit.place.id))
            continue
        rule = _context_rule(text, s, end, index)
        if rule:
            found.append((s, end, hit, rule))
        elif not index.word_after.match(text, end):
            pending.append((s, end, hit))
    found += _accept_listed(text, found, pending, index)
    mentions = [_mention(text, s, e, entry, rule) for s, e, entry, rule in found]
    adjectives = index.adjectives
    for start, end in _adjective_runs(text, index):
        word = text[start:end]
        place = adjectives.get(word)
        if place is None:
            continue
        mentions.append(Mention("STATE", start, end, word, "places.state_adjective", normalized=place.name,
                                attrs={"code": place.code, "form": "adjective", "id": place.id}))
    mentions.sort(key=lambda x: x.start)
    return mentions


_RUN = re.compile(r"[\w-]*")
_RUN_CHAR = re.compile(r"[\w-]")


def _adjective_runs(text: str, index: PlaceIndex):
    """(start, end) of the [\\w-]+ runs that may be a state adjective: those that open with
    one's first letters (any case), found by str.find; all long runs when the text cannot be
    lower-cased safely."""
    low = lower(text)
    if low is None:
        yield from (m.span() for m in index.adjective.finditer(text))
        return
    starts = []
    for head in index.adjective_heads:
        i = low.find(head)
        while i >= 0:
            if not (i and _RUN_CHAR.match(text, i - 1)):
                starts.append(i)
            i = low.find(head, i + len(head))
    for i in sorted(starts):
        yield i, _RUN.match(text, i).end()


PREV_WORD = re.compile(r"([A-ZÄÖÜ][\w-]*) $")
DOUBLE_FIRST_NAME = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+-[A-ZÄÖÜ][a-zäöüß]+")


def _is_person(text: str, s: int, end: int, alias: str, index: PlaceIndex) -> bool:
    """A surname ('Frau Vogt', 'Ralf-Michael Weimar') or a place in a city ('Erfurter Brühl')."""
    if index.person_before.search(text, max(0, s - 40), s) or index.person_after.match(text, end):
        return True
    prev = PREV_WORD.search(text, max(0, s - 40), s)
    if not prev:
        return False
    word = prev.group(1)
    if word in index.first_names:
        return True
    if DOUBLE_FIRST_NAME.fullmatch(word) and word not in index.by_first \
            and all(part in index.first_names for part in word.split("-")):
        return True  # "Hans-Peter X": a double first name (not "Philipps-Universität X")
    # a city adjective before a place name makes it a quarter or a street of that city
    return word.endswith("er") and any(e.alias == word[:-2] and e.place.label == "CITY"
                                       for e in index.by_first.get(word[:-2], ()))


def _context_rule(text: str, s: int, end: int, index: PlaceIndex) -> str | None:
    if index.word_after.match(text, end):
        return None
    rule_id, rx = index.before
    if rx.search(text, max(0, s - 40), s):
        return rule_id
    rule_id, rx = index.after
    if rx.match(text, end):
        return rule_id
    rule_id, rx = index.org_after
    prev = CAPITALISED_BEFORE.search(text, max(0, s - 40), s)
    if rx.match(text, end) and prev and not SENTENCE_START.search(
            text, max(0, prev.start() - 60), prev.start()):
        return rule_id
    return None


def _accept_listed(text, found, pending, index) -> list:
    """Context-needing names listed next to an accepted city: 'Bamberg und Hof'."""
    rule_id, gap = index.list_gap
    # anchors: cities that are no common word themselves ("Essen" does not vouch for "Lage")
    cities = [(s, e) for s, e, entry, _ in found
              if entry.place.label == "CITY" and entry.alias not in index.stop]
    accepted = []
    changed = True
    while pending and changed:
        changed = False
        for item in list(pending):
            s, e, entry = item
            if any(gap.fullmatch(text, ce, s) or gap.fullmatch(text, e, cs) for cs, ce in cities):
                accepted.append((s, e, entry, rule_id))
                cities.append((s, e))
                pending.remove(item)
                changed = True
    return accepted


def _compound(text: str, start: int, token: str, index: PlaceIndex) -> list:
    """Big cities that open or close a compound of capitalised parts: 'Berlin-Brandenburg'."""
    parts = token.split("-")
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
        return []
    out, offset = [], start
    for part in parts:
        entries = index.by_first.get(part, ())
        hit = next((e for e in entries if e.alias == part and e.place.label == "CITY"
                    and not e.needs_context
                    and e.place.population >= MIN_COMPOUND_POPULATION), None)
        if hit:
            out.append((offset, offset + len(part), hit, "places.compound"))
        offset += len(part) + 1
    return out


def _mention(text: str, s: int, e: int, entry: Entry, rule: str) -> Mention:
    p = entry.place
    if p.label == "STATE":
        attrs = {"code": p.code, "form": p.form, "id": p.id}
    else:
        attrs = {"state": p.state, "country": p.country, "geonameid": p.id.split(":", 1)[1],
                 "population": p.population, "id": p.id}
    return Mention(p.label, s, e, text[s:e], rule, normalized=p.name, attrs=attrs)


class PlacesComponent:
    def __init__(self, rules_dir: str = ""):
        self.index = place_index(rules_dir or None)

    def __call__(self, doc):
        doc._.mentions.extend(find_places(doc._.text, self.index))
        return doc


@Language.factory("extract_places", default_config={"rules_dir": ""},
                  requires=["doc._.text", "doc._.mentions"],
                  assigns=["doc._.mentions"])
def make_places(nlp, name, rules_dir):
    return PlacesComponent(rules_dir)
