"""`Scanner`: a rule regex's finditer that skips the text where no match can be.

Python's re tries a pattern at every position of the text unless the pattern opens with a
literal. Most rule patterns open with a class, an alternation or a lookbehind, so a full scan
costs 40-700 µs per 3 KB text and pattern. A scanner gives the same matches in the same
order for less: near the pattern's required literals only (found with str.find), or at line
starts only for a pattern that opens with "^" in MULTILINE mode.
"""
from __future__ import annotations

import re
from re import _constants as C
from re import _parser

from .literals import lower, required_literals


class Scanner:
    """`scanner.finditer(text)` yields what `regex.finditer(text)` yields, but runs the regex
    only over the stretches of text around its required literals.

    Python's re tries a pattern at every position unless it starts with a literal; str.find
    jumps. Every match holds one of the literals and is at most `width` chars long, and its
    lookaheads read at most `ahead` chars past it, so a window reaching `width` before and
    `width + ahead` after each hit holds every match whole. Windows that touch are merged;
    re sees the text before a window (lookbehind, \\b), so starts behave as in a full scan.
    Patterns without such literals, or of unbounded width, are scanned whole.
    """

    __slots__ = ("after", "before", "lines", "literals", "regex")

    def __init__(self, regex: re.Pattern):
        self.regex = regex
        try:
            tree = _parser.parse(regex.pattern, regex.flags & ~re.UNICODE)
        except re.error:
            tree = None
        # A bounded pattern is scanned near its literals: the gate's few, else up to
        # _SCAN_ALTERNATIVES. An unbounded one only uses a gate's few to skip the text.
        # Literals are searched lower-cased: those hits are a superset of the exact ones.
        reach = _reach(tree) if tree else None
        literals = required_literals(regex) or (required_literals(regex, _SCAN_ALTERNATIVES) if reach else None)
        self.literals = tuple(sorted({lit.lower() for lit, _ in literals})) if literals else ()
        width, ahead = reach or (0, 0)
        self.before, self.after = (width, width + ahead + 1) if reach else (None, None)
        # "^" in MULTILINE opens every match: only line starts need a try
        self.lines = tree is not None and _opens_line(tree, regex.flags)

    def finditer(self, text: str):
        windows = self.windows(text) if self.literals else None
        if windows is not None:
            finditer = self.regex.finditer
            return (m for a, b in windows for m in finditer(text, a, b))
        if self.lines:
            return self._at_line_starts(text)
        return self.regex.finditer(text)

    def _at_line_starts(self, text: str):
        match = self.regex.match
        end = 0
        for start in line_starts(text):
            if start >= end and (m := match(text, start)):
                end = m.end()
                yield m

    def windows(self, text: str) -> list[tuple[int, int]] | None:
        """Merged (start, end) ranges around the literal hits; None when the whole text is to
        be scanned (a literal is there but the width is unbounded, or the text cannot be
        lower-cased safely)."""
        low = lower(text)
        if low is None:
            return None
        if self.before is None:
            return None if any(lit in low for lit in self.literals) else []
        hits = []
        for lit in self.literals:
            i = low.find(lit)
            while i >= 0:
                hits.append((i, i + len(lit)))
                i = low.find(lit, i + 1)
        if not hits:
            return []
        hits.sort()
        out: list[list[int]] = []
        size = len(text)
        for s, e in hits:
            a, b = max(0, s - self.before), min(size, e + self.after)
            if out and a <= out[-1][1]:
                out[-1][1] = max(out[-1][1], b)
            else:
                out.append([a, b])
        return [(a, b) for a, b in out]


# A scanner searches each literal once (~2 µs over 3 KB) to save a scan that costs 100-700 µs.
_SCAN_ALTERNATIVES = 16
_UNBOUNDED = 1 << 16


def _reach(tree) -> tuple[int, int] | None:
    """(longest match, longest lookahead past it) in chars, or None when either is unbounded."""
    width = tree.getwidth()[1]
    ahead = _lookahead(tree)
    if width >= _UNBOUNDED or ahead >= _UNBOUNDED:
        return None
    return width, ahead


def _lookahead(items) -> int:
    """The widest lookahead anywhere in the pattern (a bound on how far past a match re reads)."""
    widest = 0
    for op, av in items:
        if op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = av
            if direction == 1:
                widest = max(widest, sub.getwidth()[1])
            widest = max(widest, _lookahead(sub))
        elif op is C.SUBPATTERN:
            widest = max(widest, _lookahead(av[-1]))
        elif op is C.BRANCH:
            widest = max([widest, *(_lookahead(b) for b in av[1])])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            widest = max(widest, _lookahead(av[2]))
        elif op is C.ATOMIC_GROUP:
            widest = max(widest, _lookahead(av))
    return widest


def _opens_line(tree, flags: int) -> bool:
    """True when every match starts at a line start: the pattern opens with "^" in MULTILINE
    and never matches the empty string (finditer's rules for empty matches differ)."""
    return (bool(flags & re.MULTILINE) and bool(tree.data) and tree.data[0] == (C.AT, C.AT_BEGINNING)
            and tree.getwidth()[0] >= 1)


def line_starts(text: str) -> list[int]:
    """Offsets where the lines of `text` start; the last text's answer is kept."""
    if _last_lines[0] is text:
        return _last_lines[1]
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    _last_lines[:] = [text, starts]
    return starts


_last_lines: list = [None, None]
