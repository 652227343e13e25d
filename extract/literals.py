"""Literal prechecks for regex rules: skip a regex when the text cannot hold a match.

`required_literals(regex)` reads the parsed pattern and returns strings of which every match
must contain at least one (lower-cased where the pattern ignores case), or None when no such
set is known. `str.__contains__` over a 2 KB text is far cheaper than a regex scan that has no
literal prefix to jump to (a lookbehind start, IGNORECASE, ^ in MULTILINE mode).
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as C
from re import _parser

from .text.case import lower

# Each literal costs a pass of str.find (~2 µs over a 3 KB text); more than a few, or short
# ASCII ones that nearly every text holds ("19", "/"), cost more than the scan they could save.
_MAX_ALTERNATIVES = 6
_MIN_LENGTH = 3
_MAX_PRODUCT = 64        # finite parts are multiplied out up to this many strings
_SAFE_FOLDED = set("abcdefghijklmnopqrstuvwxyz0123456789äöüß")

Literals = tuple[tuple[str, bool], ...]  # (literal, ignore case)


@lru_cache(maxsize=1024)
def parsed(pattern: str, flags: int):
    """re's parse tree of a pattern, or None; parsed once however many prechecks ask (a big
    alternation takes milliseconds). Callers must not change the tree."""
    try:
        return _parser.parse(pattern, flags & ~re.UNICODE)
    except re.error:
        return None


@lru_cache(maxsize=1024)
def required_literals(regex: re.Pattern, most: int = _MAX_ALTERNATIVES) -> Literals | None:
    """At most `most` literals; a scanner that searches each once may afford more than a gate."""
    tree = parsed(regex.pattern, regex.flags)
    if tree is None:
        return None
    found = _seq(tree, bool(regex.flags & re.IGNORECASE), most)
    if not found:
        return None
    if len(found) > most or any(len(lit) < _MIN_LENGTH and lit.isascii() for lit, _ in found):
        return None
    if not _score(found)[1]:
        return None  # a function word is in every text: such a precheck only costs
    return tuple(sorted(found))


def _seq(items, ic: bool, most: int = _MAX_ALTERNATIVES) -> frozenset | None:
    """The best literal set of a sequence (see _score): the strings of a run of finite parts
    (their cross product), or the set of one sub-part."""
    best: frozenset | None = None
    run: set[tuple[str, bool]] | None = None

    def consider(cand):
        nonlocal best
        if cand:
            cand = _minimal(cand)
            if (all(lit for lit, _ in cand) and len(cand) <= most
                    and (best is None or _score(cand) > _score(best))):
                best = cand

    for op, av in items:
        strings = _exact(op, av, ic)
        if strings is not None:
            grown = ({(a + b, ic) for a, _ in run for b in strings} if run is not None
                     else {(b, ic) for b in strings})
            if len(grown) <= _MAX_PRODUCT and len(_minimal(grown)) <= most:
                run = grown
                continue
            # too many strings: keep what the run had, start again from this part
            if run is not None:
                consider(frozenset(run))
            run = {(b, ic) for b in strings} if len(strings) <= _MAX_PRODUCT else None
            continue
        if run is not None:
            consider(frozenset(run))
            run = None
        if op is C.SUBPATTERN:
            _group, add, remove, sub = av
            consider(_seq(sub, _sub_ic(ic, add, remove), most))
        elif op is C.BRANCH:
            parts = [_seq(b, ic, most) for b in av[1]]
            if all(parts):
                consider(frozenset().union(*parts))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            if lo >= 1:
                consider(_seq(sub, ic, most))
        elif op is C.ATOMIC_GROUP:
            consider(_seq(av, ic, most))
    if run is not None:
        consider(frozenset(run))
    return best


def _sub_ic(ic: bool, add: int, remove: int) -> bool:
    return (ic or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE


def _exact(op, av, ic: bool) -> set[str] | None:
    """Every string one parsed item can match, when that is a small finite set; else None."""
    if op is C.LITERAL:
        ch = _fold(chr(av), ic)
        return None if ch is None else {ch}
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {""}  # zero width: the strings around it stay adjacent
    if op is C.IN:
        chars = set()
        for kind, value in av:
            if kind is C.LITERAL:
                chars.add(chr(value))
            elif kind is C.RANGE and value[1] - value[0] < _MAX_PRODUCT:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None
        folded = {_fold(ch, ic) for ch in chars}
        return None if None in folded or len(folded) > _MAX_PRODUCT else folded
    if op is C.SUBPATTERN:
        _group, add, remove, sub = av
        if _sub_ic(ic, add, remove) != ic:
            return None  # its strings compare another way; _seq takes it as a part of its own
        return _exact_seq(sub, ic)
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            part = _exact_seq(alt, ic)
            if part is None:
                return None
            out |= part
        return out if len(out) <= _MAX_PRODUCT else None
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        if (lo, hi) not in ((0, 1), (1, 1)):
            return None
        part = _exact_seq(sub, ic)
        if part is None:
            return None
        return part | {""} if lo == 0 else part
    return None


def _exact_seq(items, ic: bool) -> set[str] | None:
    out = {""}
    for op, av in items:
        part = _exact(op, av, ic)
        if part is None:
            return None
        out = {a + b for a in out for b in part}
        if len(out) > _MAX_PRODUCT:
            return None
    return out


def _fold(ch: str, ic: bool) -> str | None:
    """The character as the precheck compares it; None when case folding makes that unsafe."""
    if not ic:
        return ch
    low = ch.lower()
    if low in _SAFE_FOLDED or (len(low) == 1 and low.isascii() and not low.isalnum()):
        return low
    return None


def _minimal(cand) -> frozenset:
    """Drop a literal that holds another one of the set: "titelbild" beside "bild"."""
    return frozenset((lit, ic) for lit, ic in cand
                     if not any(o != lit and o in lit and (oic == ic or not ic) for o, oic in cand))


def _score(cand: frozenset) -> tuple[bool, bool, int, int]:
    """Rarer is better: long enough to use, then no function word, then the longest shortest
    literal, then fewer of them."""
    shortest = min(len(lit) for lit, _ in cand)
    common = any(lit.strip(" -").lower() in _FUNCTION_WORDS for lit, _ in cand)
    return shortest >= _MIN_LENGTH, not common, shortest, -len(cand)


# Words most German sentences hold: a literal set with one of them finds a hit in every text.
_FUNCTION_WORDS = frozenset("""
der die das den dem des ein eine einer einem einen eines und oder sowie mit von vom für
im in ins am an auf aus bei beim zu zum zur als auch ist sind war wird werden hat haben
nach bis um über unter alle allen aller alles sich nicht es sie er wir
""".split())


class Gate:
    """`gate.open(text, low)`: False only when no match of the regex can be in `text`.

    `low` is `text.lower()` (shared by all gates of a document) or None to build it here."""

    __slots__ = ("exact", "folded")

    def __init__(self, literals: Literals | None):
        literals = literals or ()
        self.exact = tuple(lit for lit, ic in literals if not ic)
        self.folded = tuple(lit for lit, ic in literals if ic)

    @classmethod
    def of(cls, regex: re.Pattern) -> Gate | None:
        literals = required_literals(regex)
        return cls(literals) if literals else None

    def open(self, text: str, low: str | None) -> bool:
        for lit in self.exact:
            if lit in text:
                return True
        if self.folded:
            if low is None:
                low = lower(text)
            if low is None:
                return True
            for lit in self.folded:
                if lit in low:
                    return True
        return False
