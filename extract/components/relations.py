"""Link the mentions of a document into facts (doc._.facts); the linking itself is pure code
in extract/relations/, this component only feeds it."""
from __future__ import annotations

from spacy.language import Language

from ..relations import Trigger, build_facts
from ..relations.evidence import rule_weights
from ..rules import cached_rules
from ..scanner import Scanner
from ..text.ranges import Ranges
from ..text.sentences import Sentences


@Language.factory("extract_relations", default_config={"rules_dir": ""},
                  requires=["doc._.text", "doc._.mentions", "doc._.noise"],
                  assigns=["doc._.facts", "doc._.sentences"])
def make_relations(nlp, name, rules_dir):
    return Relations(rules_dir or None)


class Relations:
    def __init__(self, rules_dir: str | None):
        rules = cached_rules(rules_dir)
        self.triggers = [(Scanner(r.compile()), r.kind, r.id, r.value == "implied")
                         for source in ("relations", "centre_facts")
                         for r in rules.patterns_for("TRIGGER", file=source)]
        self.weights = rule_weights(rules_dir)

    def __call__(self, doc):
        text = doc._.text
        mark_noise(doc._.mentions, doc._.noise)
        labels = {m.label for m in doc._.mentions}
        # Partner cues need institutions, programme cues need sums or spans to scope.
        wanted = {"partners": "ORG" in labels, "programme": bool(labels & {"MONEY", "PERIOD"})}
        triggers = [Trigger(m.start(), m.end(), kind, rule_id, implied)
                    for scanner, kind, rule_id, implied in Scanner.live(self.triggers, text)
                    if wanted["programme" if kind.startswith(("programme", "centre_")) else "partners"]
                    for m in scanner.finditer(text)]  # only near the cue's words
        triggers.sort(key=lambda t: t.start)
        if doc._.sentences is None:
            doc._.sentences = Sentences(text)
        doc._.facts = build_facts(text, doc._.mentions, triggers, doc._.sentences, self.weights)
        return doc


def mark_noise(mentions, noise) -> None:
    """Flag mentions that start inside a boilerplate range."""
    if not noise:
        return
    ranges = Ranges(noise)
    for m in mentions:
        if ranges.contains(m.start):
            m.noise = True
