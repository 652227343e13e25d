"""Which centre a sum or a span belongs to: its list entry, its clause, its sentence's centre, a
programme (no centre), or none; pure code, like the rest of relations/."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Mention
from .centres import Centre, centre_at, clause_centre, is_concrete
from .sentences import Sentences

_CLAUSE_MARK = re.compile(r"[,;]")
# "… der Technologiepark GmbH. Insgesamt …": the splitter keeps "GmbH." (an abbreviation),
# but before a capital a legal form's full stop ends the sentence
_LEGAL_STOP = re.compile(r"\b(?:GmbH|mbH|AG|KG|e\.[ ]?V)\.[ \t]+(?=[A-ZÄÖÜ])")


@dataclass
class Scope:
    """`scope(mention)` -> (centre or None, "centre" | "programme" | "other"); `by_default` collects
    the offsets tied to a centre only because the text has one."""

    text: str
    sentences: Sentences
    centres: list[Centre]
    centre_mentions: list[Mention]
    anaphors: list[Mention]
    cities: list[Mention]
    triggers: list
    by_default: set[int] = field(default_factory=set)

    def __post_init__(self):
        self.plurals = [m for m in self.centre_mentions if m.attrs.get("plural")]
        self.named = [m for m in self.centre_mentions if is_concrete(m) and not m.attrs.get("site")]
        # a list entry that is one centre ("– X\nFederführung: …\nFördersumme: 4,9 Mio. Euro")
        self.entries = [(e[0], e[1], c) for c in self.centres for cm in c.mentions if (e := cm.attrs.get("entry"))]
        self.programme = [t for t in self.triggers if t.kind == "programme"]
        self.programme_all = [t for t in self.triggers if t.kind == "programme_all"]
        self.refer_back = [t for t in self.triggers if t.kind == "centre_anaphor"]

    def __call__(self, m: Mention) -> tuple[Centre | None, str]:
        if own := next((c for a, b, c in self.entries if a <= m.start < b), None):
            return own, "centre"
        text = self.text
        span = cut_at_legal_form(text, self.sentences.span(m.start), m.start)
        if len(self.centres) > 1 and (own := clause_centre(text, m.start, span, self.centres, self.cities)):
            return own, "centre"  # "Nach Kiel fließen 190.000 Euro, nach Ulm 199.000 Euro"
        if any(span[0] <= p.start < span[1] for p in self.plurals) and \
                not any(span[0] <= c.start < span[1] for c in self.named):
            # "Der Bund fördert diese Kompetenzzentren mit 21,5 Mio. Euro": the plural's sum
            return None, "programme"
        centre, how = centre_at(span, self.centres, self.anaphors, self.cities, text)
        if how == "single" and any(span[0] <= t.start and t.end <= m.start
                                   and not _CLAUSE_MARK.search(text, t.end, m.start) for t in self.refer_back):
            how = "anaphor"  # "Das Vorhaben wird im Rahmen des Programms mit 2 Mio. Euro gefördert"
        cues = self.programme + self.programme_all if how == "single" else self.programme_all
        if centre and any(span[0] <= t.start < span[1] for t in cues):
            return None, "programme"
        if how == "single":
            self.by_default.add(m.start)  # tied only because the text has one centre
        return centre, "centre" if centre else "other"


def cut_at_legal_form(text: str, span: tuple[int, int], pos: int) -> tuple[int, int]:
    """The sentence span at `pos`, cut at a legal form's full stop before a capital."""
    start, end = span
    for m in _LEGAL_STOP.finditer(text, start, end):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = text.index(".", m.start()) + 1
            break
    return start, end
