"""Bullet lists: the entries of a list that a line ending in a colon announces ("Standorte:"
then "• Hannover – …", "- Kassel/Fulda: …", "1. …"). (The sentence splitter reads list lines
with its own, wider BULLET, text.sentences: a list a sentence opens belongs to its block.)"""
from __future__ import annotations

import re

_BULLET = re.compile(r"^[ \t]*(?:[-–•*·▪►]|\d{1,2}[.)])[ \t]+", re.M)


def bullet_items(text, pos, reach=4) -> list[tuple[int, int]]:
    """(start, end) of the entries of the bullet list whose first entry starts within `reach`
    characters after `pos` on a line after a colon; blank lines between entries are allowed."""
    first = _BULLET.search(text, pos, min(len(text), pos + reach + 40))
    if first is None or first.start() - pos > reach:
        return []
    before = text[pos:first.start()].rstrip()
    if before and not before.endswith(":"):
        return []
    items, at = [], first
    while at is not None:
        end = _entry_end(text, at.end())
        items.append((at.end(), end))
        nxt = end
        while nxt < len(text) and text[nxt] in "\n \t\r":
            nxt += 1
        at = _BULLET.match(text, _line_start(text, nxt)) if nxt < len(text) else None
    return items


# a line under an entry that states one of its facts: "Federführung: …", "Fördersumme: …"
_FACT_LINE = re.compile(r"[ \t]*[A-ZÄÖÜ][\w-]*(?:[ \t][\w-]+)?[ \t]*:[ \t]*\S")


def _entry_end(text, start) -> int:
    """The end of an entry's line, or of the fact lines right under it."""
    end = text.find("\n", start)
    while end >= 0 and _FACT_LINE.match(text, end + 1) and not _BULLET.match(text, end + 1):
        end = text.find("\n", end + 1)
    return len(text) if end < 0 else end


def _line_start(text, pos) -> int:
    return text.rfind("\n", 0, pos) + 1
