"""The extract_centres factory: finds the head matches of a text and makes their mentions,
then the sites, listed names and aliases of the centres found."""
from __future__ import annotations

from spacy.language import Language

from ...model import Mention
from ...scanner import Scanner
from ...text.case import lower_keeping_offsets
from ...text.ranges import windows
from ...text.sentences import Sentences
from .aliases import aliases, listed_names
from .context import Context
from .lexicon import load_lexicon
from .mention import mention
from .sites import sites

_BEFORE_ANCHOR, _AFTER_ANCHOR = 80, 40


@Language.factory("extract_centres", default_config={"rules_dir": ""},
                  requires=["doc._.text", "doc._.mentions"],
                  assigns=["doc._.mentions"])
def make_centres(nlp, name, rules_dir):
    return Centres(rules_dir or None)


class Centres:
    def __init__(self, rules_dir: str | None):
        self.lexicon = load_lexicon(rules_dir)
        self.places = self.lexicon.places

    def __call__(self, doc):
        text = doc._.text
        mentions = doc._.mentions
        cities = sorted((m for m in mentions if m.label == "CITY"), key=lambda m: m.start)
        states = [m for m in mentions if m.label == "STATE"]
        taken = [(m.start, m.end) for m in mentions if m.label in ("ORG", "MINISTRY", "PERSON")]
        if doc._.sentences is None:
            doc._.sentences = Sentences(text)
        ctx = Context(text, cities, states, self.places, taken, doc._.sentences)
        found = self.find(text, ctx)
        mentions.extend(found)
        return doc

    def find(self, text: str, ctx: Context) -> list[Mention]:
        lex = self.lexicon
        low = lower_keeping_offsets(text)  # None: no anchors
        windows: dict[str, list[tuple[int, int]]] = {}
        blocked = [m.span() for regex, anchor in lex.excludes
                   for m in _finditer(lex.scanners[id(regex)], anchor, text, low, windows, lex.gates[id(regex)])]
        cands = []
        for order, (regex, anchor, value, rule_id) in enumerate(lex.head_rules):
            for m in _finditer(lex.scanners[id(regex)], anchor, text, low, windows, lex.gates[id(regex)]):
                cands.append((m.start(), -m.end(), order, value, rule_id))
        cands.sort()
        out: list[Mention] = []
        last_end = -1
        for start, neg_end, _, value, rule_id in cands:
            end = -neg_end
            if start < last_end or (blocked and any(s <= start < e or start <= s < end for s, e in blocked)):
                continue
            found = mention(lex, text, start, end, value, rule_id, ctx)
            if found is not None:
                out.append(found)
                last_end = end
        out.extend(sites(lex, text, out, ctx))
        out.extend(listed_names(lex, text, out, ctx))
        out.extend(aliases(lex, text, out, ctx))
        return out


def _finditer(scanner: Scanner, anchor, text, low, cache, gate=None):
    """Matches of the scanner's regex, tried only in windows around its anchor literal when it
    has one (rule key `anchor`), else around its required literals (scanner.Scanner): scanning
    a 2 KB text once per rule costs more than str.find. `gate` (literals.Gate) skips a regex
    whose literals are absent."""
    regex = scanner.regex
    if not anchor or low is None:
        yield from scanner.finditer(text)
        return
    spans = cache.get(anchor)
    if spans is None:
        spans = cache[anchor] = windows(_occurrences(low, anchor), _BEFORE_ANCHOR, _AFTER_ANCHOR, len(text))
    if not spans or (gate is not None and not gate.open(text, None)):
        return
    seen_end = -1
    for lo, hi in spans:
        for m in regex.finditer(text, lo, hi):
            if m.start() >= seen_end:
                seen_end = m.end()
                yield m


def _occurrences(low: str, literal: str):
    """(start, end) of every occurrence of `literal` in `low`, overlapping ones included."""
    i = low.find(literal)
    while i >= 0:
        yield i, i + len(literal)
        i = low.find(literal, i + 1)
