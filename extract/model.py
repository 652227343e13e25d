"""The types every component shares: a Mention is one extracted span."""
from __future__ import annotations

from dataclasses import dataclass, field

LABELS = ("CENTRE", "CITY", "STATE", "MINISTRY", "ORG", "MONEY", "DATE", "PERIOD", "PERSON")
# Labels a pattern rule may carry beyond the entity labels: cue words read by relations
# and boilerplate markers. They are never exported as entities.
AUX_LABELS = ("TRIGGER", "NOISE")


@dataclass(slots=True)
class Mention:
    label: str
    start: int
    end: int
    text: str
    rule: str
    normalized: str = ""
    attrs: dict = field(default_factory=dict)
    noise: bool = False

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Mention) -> bool:
        return self.start <= other.start and other.end <= self.end


def mentions_of(mentions: list[Mention], *labels: str) -> list[Mention]:
    """Mentions with one of `labels`, in text order."""
    return sorted((m for m in mentions if m.label in labels), key=lambda m: (m.start, -m.end))
