"""Clauses inside a sentence: the stretch between commas or semicolons around a position, and
whether a relative clause (", das …", ", wo …") opens it."""
from __future__ import annotations

import re

CLAUSE_MARK = re.compile(r"[,;]")
_RELATIVE = re.compile(r"[ \t]*(?:das|der|die|dem|den|wo|welche[srnm]?)[ \t]")


def clause(text: str, pos: int, s_start: int, s_end: int) -> tuple[int, int]:
    """[start, end) of the clause around `pos` in the sentence [s_start, s_end): from the last
    clause mark before it (the sentence start when none) to the next one (the sentence end)."""
    c_start = s_start
    for m in CLAUSE_MARK.finditer(text, s_start, pos):
        c_start = m.end()
    nxt = CLAUSE_MARK.search(text, pos, s_end)
    return c_start, nxt.start() if nxt else s_end


def opens_relative(text: str, pos: int) -> bool:
    """Does a relative clause open at `pos` (right after a clause mark)?"""
    return bool(_RELATIVE.match(text, pos))


def semicolon_bounds(text: str, start: int, end: int, s_start: int, s_end: int) -> tuple[int, int]:
    """[start, end) widened to the stretch of the sentence [s_start, s_end) that no semicolon
    cuts: a semicolon opens another clause ("Sitz in X …; Sprechstunden in Y")."""
    before = text.rfind(";", s_start, start)
    after = text.find(";", end, s_end)
    return (before + 1 if before >= 0 else s_start), (after if after >= 0 else s_end)
