"""What the centres component reads from rules/, compiled once per rules folder: the CENTRE head
rules and context rules (rules/patterns/centres.jsonl), the head kinds and forms, the words that
end a name (head list, legal forms), the alias stoplist, the municipality heads of institutions,
and the places: the big ones of the places gazetteer, the Länder and the regions above them."""
from __future__ import annotations

import re
from functools import lru_cache

from ...rules import cached_rules
from ...scanner import Scanner
from ..institutions.lexicon import read_heads
from .context import PlaceNames
from .heads import HeadForms, HeadKinds, tail_stops

_CONTEXT_KINDS = ("exclude", "city_after", "city_before", "located_cue", "site_cue", "list_intro",
                  "founding_cue", "entry_lead_label")
_BIG_PLACE = 20000  # inhabitants: an adjective like "Bremer" should not resolve to a hamlet


class CentreLexicon:
    def __init__(self, rules_dir: str | None):
        rules = cached_rules(rules_dir)
        pats = rules.patterns_for("CENTRE", file="centres")
        heads = [r for r in pats if r.kind not in _CONTEXT_KINDS]
        self.head_rules = [(r.compile(), r.value, r.id) for r in heads]
        ctx = {k: [r for r in pats if r.kind == k] for k in _CONTEXT_KINDS}
        self.excludes = [r.compile() for r in ctx["exclude"]]
        self.scanners = {id(regex): Scanner(regex) for regex in [h[0] for h in self.head_rules] + self.excludes}
        self.city_after = [(r.compile(), r.id) for r in ctx["city_after"]]
        self.city_before = [(r.compile(), r.id) for r in ctx["city_before"]]
        self.located = [r.compile() for r in ctx["located_cue"]]
        self.site_cues = [Scanner(r.compile()) for r in ctx["site_cue"]]
        self.list_intro = [r.compile() for r in ctx["list_intro"]]
        self.founding = [r.compile() for r in ctx["founding_cue"]]
        self.entry_lead = [r.compile() for r in ctx["entry_lead_label"]]
        head_lines = rules.word_list("centre_heads")
        self.heads = HeadKinds(head_lines)
        self.forms = HeadForms(rules.word_list("centre_head_forms"))
        legal = [line.partition("=")[0].strip() for line in rules.word_list("legal_forms")]
        # "… GmbH", "… e.V." right after a name; a capitalised form also ends the name's words
        self.legal_form = re.compile(r"[ \t]*(?:" + "|".join(map(re.escape, legal)) + r")(?!\w)")
        self.tail_stop = tail_stops(head_lines) | {f for f in legal if f[:1].isupper()}
        self.alias_stop = frozenset(rules.word_list("alias_stoplist"))
        self.municipal = tuple(suffix for suffix, kind, _ in read_heads(rules.word_list("institution_heads"))[0]
                               if kind == "municipality")
        self.places = PlaceNames(_big_places(rules.gazetteer("places")),
                                 _laender(rules.gazetteer("states"), rules.word_list("regions")))


@lru_cache(maxsize=4)
def load_lexicon(rules_dir: str | None) -> CentreLexicon:
    return CentreLexicon(rules_dir)


def _big_places(rows) -> dict[str, str]:
    """lower-case name or alias -> name, of the places with at least _BIG_PLACE inhabitants."""
    places: dict[str, str] = {}
    for row in rows:
        v = row.values
        try:
            pop = int(v.get("population") or 0)
        except ValueError:
            pop = 0
        if pop < _BIG_PLACE:
            continue
        for name in [v.get("name", ""), *(v.get("aliases") or "").split("|")]:
            if name:
                places.setdefault(name.lower(), v.get("name"))
    return places


def _laender(states, regions: list[str]) -> frozenset[str]:
    """Lower-case names and aliases of the Länder that are not city-states, and the regions."""
    names = {name.lower() for row in states if not row.values.get("city_state")
             for name in [row.values["name"], *(row.values.get("aliases") or "").split("|")] if name}
    return frozenset(names | {r.lower() for r in regions})
