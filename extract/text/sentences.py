"""Sentence and list-block boundaries over raw text, for scoping relations.

Our own splitter (not spaCy's) because relations run on offsets of the whole text and must
not cut at "Dr.", "e.V.", "Mio." or the ordinal in "15. Januar".
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ABBREV = {
    "dr", "prof", "ing", "dipl", "mio", "mrd", "nr", "bzw", "ca", "st", "vgl", "usw", "abs", "str",
    "e.v", "v", "u.a", "z.b", "d.h", "inkl", "ggf", "evtl", "etc", "jan", "feb", "apr", "aug",
    "sept", "sep", "okt", "nov", "dez", "tel", "hr", "fr", "bzgl", "ggmbh", "gmbh", "mbh", "co",
}
# A break after . ! ? (group "gap": the quote and blanks after the mark) or a run of newlines.
# The mark opens the match so that re jumps from mark to mark; it is not part of the break.
_END = re.compile(r"[.!?](?P<gap>[\"“”‘’»«]?\s+)(?=[\"„“»«(]?[A-ZÄÖÜ0-9])|\n+")
# A longer "sentence" (a list without end, a text without full stops) is cut at a blank, so
# that what a search per sentence costs stays bounded (real ones stay under ~600 chars).
MAX_SENTENCE = 1000
# A list a sentence opens ends after this many chars (the longest seen: ~1,000).
MAX_BLOCK = 3000
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
BULLET = re.compile(r"[ \t]*(?:[*•·▪‣◦-]|–|\d+\.|[a-z]\))\s+")


class Sentences:
    """Sorted sentence spans of a text with O(log n) lookup of the sentence at an offset."""

    def __init__(self, text: str):
        self.text = text
        spans, start = [], 0
        for m in _END.finditer(text):
            gap = m.start("gap") if m.group("gap") is not None else m.start()
            if "\n" not in m.group() and _is_abbreviation(text, gap):
                continue
            if gap > start:
                spans.append((start, gap))
            start = m.end()
        if start < len(text):
            spans.append((start, len(text)))
        self.spans = cap_spans(text, spans)
        self._starts = [s for s, _ in self.spans]
        self._run: list[int] | None = None  # built on first block()
        self._ends: list[int] = []

    def index(self, offset: int) -> int:
        return max(bisect_right(self._starts, offset) - 1, 0)

    def span(self, offset: int) -> tuple[int, int]:
        return self.spans[self.index(offset)] if self.spans else (0, len(self.text))

    def block(self, offset: int) -> tuple[int, int]:
        """The sentence at `offset`, extended over the bullet lines that follow it (a list it opens)."""
        i = self.index(offset)
        if not self.spans:
            return 0, len(self.text)
        start, end = self.spans[i]
        if self._run is None:  # once per text: where each run of bullet lines ends
            self._ends = [e for _, e in self.spans]
            self._run = [0] * (len(self.spans) + 1)
            self._run[-1] = len(self.spans)
            for j in range(len(self.spans) - 1, -1, -1):
                bullet = BULLET.match(self.text, self.spans[j][0])
                self._run[j] = self._run[j + 1] if bullet else j
        # the bullets after sentence i, up to the first one that reaches MAX_BLOCK
        last = min(self._run[i + 1], bisect_left(self._ends, start + MAX_BLOCK, i) + 1) - 1
        return start, self._ends[last] if last > i else end


def cap_spans(text: str, spans: list[tuple[int, int]], limit: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """`spans` with every one longer than `limit` cut into pieces at the last blank before it."""
    if all(end - start <= limit for start, end in spans):
        return spans
    out = []
    for start, end in spans:
        while end - start > limit:
            cut = _cut(text, start, limit)
            out.append((start, cut))
            start = cut + 1 if text[cut:cut + 1] == " " else cut
        out.append((start, end))
    return out


def _cut(text: str, start: int, limit: int) -> int:
    """Where a piece of at most `limit` chars from `start` ends: the last blank in its second half."""
    blank = text.rfind(" ", start + limit // 2, start + limit)
    return blank if blank > 0 else start + limit


def _is_abbreviation(text: str, dot_end: int) -> bool:
    """True when the full stop before `dot_end` closes an abbreviation or an ordinal number."""
    head = text[max(0, dot_end - 12):dot_end]
    m = _WORD_BEFORE.search(head)
    if not m:
        return False
    word = m.group(1).lower()
    return (word.isdigit() and len(word) <= 2) or word in _ABBREV or word.rstrip(".") in _ABBREV or len(word) == 1
