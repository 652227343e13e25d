"""An institution being read (Org: its span, head, kind, acronym, city and the evidence that it
names one institution), and overlap tests over many of them (text.ranges for plain ranges)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass


@dataclass
class Org:
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
    genitive_of: Org | None = None
    normalized: str = ""
    proper_prefix: bool = False   # the words before the head are a person's name, not adjectives

    def acronym_span_after(self, pos: int) -> bool:
        """True when a "(ACR)" already closed the name before `pos`."""
        return self.acronym_span is not None and self.acronym_span[0] > self.head_end


def overlaps(org: Org, spans) -> bool:
    return any(s < org.end and org.start < e for s, e in spans)


def covered_by(orgs):
    """A test whether a position lies inside one of `orgs`, by bisect (a text of many places and
    institutions stays linear)."""
    spans = sorted((o.start, o.end) for o in orgs)
    starts = [s for s, _ in spans]
    longest = max((e - s for s, e in spans), default=0)

    def inside(pos: int) -> bool:
        near = spans[bisect_left(starts, pos - longest):bisect_right(starts, pos)]
        return any(s <= pos < e for s, e in near)

    return inside
