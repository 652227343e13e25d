"""`Scanner`: a rule regex's finditer that skips the text where no match can be.

Python's re tries a pattern at every position of the text unless the pattern opens with a
literal. Most rule patterns open with a class, an alternation or a lookbehind, so a full scan
costs 40-700 µs per 3 KB text and pattern. A scanner gives the same matches in the same
order for less: near the pattern's required literals only (the literals of all scanners are
found in one Aho-Corasick pass per text), or at line starts only for a pattern that opens
with "^" in MULTILINE mode.
"""
from __future__ import annotations

import re
from re import _constants as C

from .literals import parsed, required_literals
from .text.case import lower
from .text.memo import LastText
from .text.ranges import windows


class Scanner:
    """`scanner.finditer(text)` yields what `regex.finditer(text)` yields, but runs the regex
    only over the stretches of text around its required literals.

    Every match holds one of the literals and is at most `width` chars long, and its
    lookaheads read at most `ahead` chars past it, so a window reaching `width` before and
    `width + ahead` after each hit holds every match whole. Windows that touch are merged;
    re sees the text before a window (lookbehind, \\b), so starts behave as in a full scan.
    A repeat without bound over characters that are never whitespace (\\w*, [A-Z-]+) cannot
    outgrow the text's longest run of non-whitespace, so it too has a width in each text.
    Patterns without such literals, or with a repeat without bound that may cross whitespace,
    are scanned whole (at line starts only when they open with "^" in MULTILINE).
    """

    __slots__ = ("after", "before", "lines", "literals", "regex")

    def __init__(self, regex: re.Pattern):
        self.regex = regex
        tree = parsed(regex.pattern, regex.flags)
        # A bounded pattern is scanned near its literals: the gate's few, else up to
        # _SCAN_ALTERNATIVES. An unbounded one only uses a gate's few to skip the text.
        # Literals are searched lower-cased: those hits are a superset of the exact ones.
        reach = _reach(tree) if tree else None
        literals = required_literals(regex) or (required_literals(regex, _SCAN_ALTERNATIVES) if reach else None)
        self.literals = tuple(sorted({lit.lower() for lit, _ in literals})) if literals else ()
        _INDEX.add(self.literals)
        # (chars, runs): so many chars plus so many runs of non-whitespace
        (wc, wr), (ac, ar) = reach or ((0, 0), (0, 0))
        self.before, self.after = ((wc, wr), (wc + ac + 1, wr + ar)) if reach else (None, None)
        # "^" in MULTILINE opens every match: only line starts need a try
        self.lines = tree is not None and _opens_line(tree, regex.flags)

    def finditer(self, text: str):
        windows = self.windows(text) if self.literals else None
        if windows is not None:
            if not windows:
                return ()
            finditer = self.regex.finditer
            return (m for a, b in windows for m in finditer(text, a, b))
        if self.lines:
            return self._at_line_starts(text)
        return self.regex.finditer(text)

    @staticmethod
    def live(scanners: list[tuple], text: str) -> list[tuple]:
        """The (scanner, ...) entries whose scanner may match `text`: one test of the text's
        literal hits per scanner, where a finditer call each costs ~10 times more."""
        low = lower(text)
        if low is None:
            return scanners
        found = _INDEX.hits(low).keys()
        return [entry for entry in scanners if not entry[0].literals or not found.isdisjoint(entry[0].literals)]

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
        found = _INDEX.hits(low)
        if found.keys().isdisjoint(self.literals):
            return []  # the common case, in one call: none of the literals is in the text
        if self.before is None:
            return None
        hits = [(i, i + len(lit)) for lit in self.literals for i in found.get(lit, ())]
        if len(hits) > len(text) // _CHARS_PER_HIT:
            return None  # a common literal: one full scan is cheaper than many windows
        if not hits:
            return []
        (bc, br), (ac, ar) = self.before, self.after
        if br or ar:
            run = longest_run(text)
            bc, ac = bc + br * run, ac + ar * run
        out = windows(hits, bc, ac, len(text))
        if sum(b - a for a, b in out) > len(text) // 2:
            return None  # windows over most of the text: one full scan costs less
        return out


class _LiteralIndex:
    """The literals of every scanner in one Aho-Corasick automaton: one pass over a text finds
    the hits of all of them, where a str.find per literal and scanner cost ~5× more."""

    def __init__(self):
        self.words: set[str] = set()
        self.automaton = None
        self.last: tuple = (None, {})

    def add(self, literals) -> None:
        if not self.words.issuperset(literals):
            self.words.update(literals)
            self.automaton = None
            self.last = (None, {})  # hits found without the new literals

    def hits(self, low: str) -> dict[str, list[int]]:
        """Start offsets of each literal in the lower-cased text; the last text's are kept."""
        last = self.last  # one read: a (text, hits) pair that belongs together
        if last[0] is low:
            return last[1]
        if self.automaton is None:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for word in self.words:
                automaton.add_word(word, word)
            automaton.make_automaton()
            self.automaton = automaton
        found: dict[str, list[int]] = {}
        for end, word in self.automaton.iter(low):
            found.setdefault(word, []).append(end - len(word) + 1)
        self.last = (low, found)
        return found


_INDEX = _LiteralIndex()
# A scanner may look for this many literals: hits cost little next to a scan of 100-700 µs.
_SCAN_ALTERNATIVES = 16
# More hits than one per so many chars: scan the whole text instead of window by window.
_CHARS_PER_HIT = 150


def _reach(tree) -> tuple[Bound, Bound] | None:
    """(longest match, longest lookahead past it), or None when either has no bound."""
    width = _width(tree)
    ahead = _lookahead(tree)
    if width is None or ahead is None:
        return None
    return width, ahead


Bound = tuple[int, int]  # (chars, runs): at most chars + runs × the text's longest non-space run
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ONE_CHAR = (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN, C.CATEGORY)
_SPACES = [c for c in map(chr, range(0x3001)) if c.isspace()]  # every str.isspace() char


def _width(items) -> Bound | None:
    """The longest match of a parsed sequence as a Bound; None when unbounded."""
    chars = runs = 0
    for op, av in items:
        if op in _ONE_CHAR:
            part = (1, 0)
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            part = (0, 0)
        elif op is C.SUBPATTERN:
            part = _width(av[-1])
        elif op is C.ATOMIC_GROUP:
            part = _width(av)
        elif op is C.BRANCH:
            parts = [_width(b) for b in av[1]]
            part = None if None in parts else (max(c for c, _ in parts), max(r for _, r in parts))
        elif op in _REPEATS:
            _lo, hi, sub = av
            if hi is C.MAXREPEAT:
                part = (0, 1) if _never_space(sub) else None
            else:
                one = _width(sub)
                part = None if one is None else (one[0] * hi, one[1] * hi)
        else:
            part = None  # back references, conditionals: no bound is worked out
        if part is None:
            return None
        chars, runs = chars + part[0], runs + part[1]
    return chars, runs


def _lookahead(items) -> Bound | None:
    """The widest lookahead anywhere in the pattern (how far past a match re may read)."""
    widest = (0, 0)
    for op, av in items:
        subs = []
        if op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = av
            if direction == 1:
                subs.append(_width(sub))
            subs.append(_lookahead(sub))
        elif op is C.SUBPATTERN:
            subs.append(_lookahead(av[-1]))
        elif op is C.BRANCH:
            subs.extend(_lookahead(b) for b in av[1])
        elif op in _REPEATS:
            subs.append(_lookahead(av[2]))
        elif op is C.ATOMIC_GROUP:
            subs.append(_lookahead(av))
        for sub in subs:
            if sub is None:
                return None
            widest = (max(widest[0], sub[0]), max(widest[1], sub[1]))
    return widest


def _never_space(items) -> bool:
    """True when the parsed sequence only consumes characters that are never whitespace."""
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        if op is C.LITERAL:
            ok = not chr(av).isspace()
        elif op is C.IN:
            ok = not any(_in_set(av, ch) for ch in _SPACES)
        elif op is C.SUBPATTERN:
            ok = _never_space(av[-1])
        elif op is C.BRANCH:
            ok = all(_never_space(b) for b in av[1])
        elif op in _REPEATS:
            ok = _never_space(av[2])
        else:  # ANY, NOT_LITERAL, a bare CATEGORY and the rest: assume it may
            ok = False
        if not ok:
            return False
    return True


_CATEGORY_HOLDS_SPACE = {C.CATEGORY_SPACE: True, C.CATEGORY_NOT_SPACE: False, C.CATEGORY_DIGIT: False,
                         C.CATEGORY_NOT_DIGIT: True, C.CATEGORY_WORD: False, C.CATEGORY_NOT_WORD: True}


def _in_set(items, ch: str) -> bool:
    """Does the character class (parsed IN items) match the whitespace character `ch`?"""
    negate = False
    hit = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            hit = hit or chr(av) == ch
        elif op is C.RANGE:
            hit = hit or av[0] <= ord(ch) <= av[1]
        elif op is C.CATEGORY:
            hit = hit or _CATEGORY_HOLDS_SPACE.get(av, True)
        else:
            return True  # unknown: assume it matches
    return hit != negate


def _longest_run(text: str) -> int:
    return max(map(len, text.split()), default=0)


# Length of the longest run of non-whitespace in a text.
longest_run = LastText(_longest_run)


def _opens_line(tree, flags: int) -> bool:
    """True when every match starts at a line start: the pattern opens with "^" in MULTILINE
    and never matches the empty string (finditer's rules for empty matches differ)."""
    return (bool(flags & re.MULTILINE) and bool(tree.data) and tree.data[0] == (C.AT, C.AT_BEGINNING)
            and tree.getwidth()[0] >= 1)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


# Offsets where the lines of a text start.
line_starts = LastText(_line_starts)
