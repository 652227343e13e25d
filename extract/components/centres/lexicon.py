"""What the centres component reads from rules/, compiled once per component: the CENTRE head
rules and context rules (rules/patterns/centres.jsonl), the head kinds, the alias stoplist and
the big places of the places gazetteer."""
from __future__ import annotations

from ...literals import Gate
from ...rules import cached_rules
from ...scanner import Scanner
from .heads import HeadKinds

_CONTEXT_KINDS = ("exclude", "city_after", "city_before", "located_cue", "site_cue", "list_intro")
_BIG_PLACE = 20000  # inhabitants: an adjective like "Bremer" should not resolve to a hamlet


class CentreLexicon:
    def __init__(self, rules_dir: str | None):
        rules = cached_rules(rules_dir)
        pats = rules.patterns_for("CENTRE", file="centres")
        heads = [r for r in pats if r.kind not in _CONTEXT_KINDS]
        self.head_rules = [(r.compile(), r.anchor, r.value, r.id) for r in heads]
        # literals every match holds, checked once an anchor window exists
        self.gates = {id(regex): Gate.of(regex) for regex, *_ in self.head_rules}
        ctx = {k: [r for r in pats if r.kind == k] for k in _CONTEXT_KINDS}
        self.excludes = [(r.compile(), r.anchor) for r in ctx["exclude"]]
        self.gates.update({id(regex): Gate.of(regex) for regex, _ in self.excludes})
        self.scanners = {id(regex): Scanner(regex) for regex, *_ in self.head_rules + self.excludes}
        self.city_after = [(r.compile(), r.id) for r in ctx["city_after"]]
        self.city_before = [(r.compile(), r.id) for r in ctx["city_before"]]
        self.located = [r.compile() for r in ctx["located_cue"]]
        self.site_cues = [Scanner(r.compile()) for r in ctx["site_cue"]]
        self.list_intro = [r.compile() for r in ctx["list_intro"]]
        self.heads = HeadKinds(rules.word_list("centre_heads"))
        self.alias_stop = frozenset(rules.word_list("alias_stoplist"))
        self.places = _big_places(rules.gazetteer("places"))


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
