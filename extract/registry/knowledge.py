"""What the registry knows about names, read from rules/lists/registry_*.txt.

Each file is parsed here once per rules folder; a malformed line raises ValueError naming the
file and the line, as the other list readers do (e.g. relations/evidence.parse_weights).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Knowledge:
    abbreviations: dict[str, str]                   # "TU" -> "Technische Universität"
    dropped: frozenset[str]                         # folded words left out of keys ("gmbh", "der")
    programmes: tuple[tuple[str, re.Pattern], ...]  # (programme, regex over name and kind)
    types: tuple[tuple[str, tuple[str, ...]], ...]  # (type, folded words in a row)
    lineages: dict[str, tuple[tuple[str, str, str], ...]]  # ministry name -> (line, from, to): ministries.py


def parse_words(lines: list[str]) -> tuple[dict[str, str], frozenset[str]]:
    """`ABBR = Long form` and `- word` lines of registry_words.txt."""
    abbreviations, dropped = {}, set()
    for line in lines:
        if line.startswith("- "):
            dropped.add(line[2:].strip().casefold())
            continue
        short, sep, long = (part.strip() for part in line.partition("="))
        if not sep or not short or not long:
            raise ValueError(f"registry_words: expected 'ABBR = Long form' or '- word', got '{line}'")
        abbreviations[short] = long
    return abbreviations, frozenset(dropped)


def parse_programmes(lines: list[str]) -> tuple[tuple[str, re.Pattern], ...]:
    """`Programme = regex` lines of registry_programmes.txt, in file order."""
    out = []
    for line in lines:
        name, sep, pattern = (part.strip() for part in line.partition(" = "))
        if not sep or not name or not pattern:
            raise ValueError(f"registry_programmes: expected 'Programme = regex', got '{line}'")
        try:
            out.append((name, re.compile(pattern, re.IGNORECASE)))
        except re.error as exc:
            raise ValueError(f"registry_programmes: bad regex in '{line}': {exc}") from None
    return tuple(out)


def parse_types(lines: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`type = words` lines of registry_types.txt, in file order."""
    out = []
    for line in lines:
        kind, sep, words = (part.strip() for part in line.partition("="))
        if not sep or not kind or not words.split():
            raise ValueError(f"registry_types: expected 'type = words', got '{line}'")
        out.append((kind, tuple(words.split())))
    return tuple(out)


def ministry_period(periods: tuple[tuple[str, str, str], ...], published: str) -> tuple[str, str]:
    """(lineage, valid_from) of the period of a name that holds at `published` (partial ISO
    dates compare by their prefix); the earliest when the date is unknown or outside all."""
    for lineage, since, until in periods:
        if published and since[: len(published)] <= published and (not until or published[: len(until)] <= until):
            return lineage, since
    return periods[0][0], periods[0][1]


@lru_cache(maxsize=4)
def knowledge(rules_dir: str | None = None) -> Knowledge:
    """The registry's knowledge from the rules folder (default: the project's rules/)."""
    from ..rules import cached_rules
    from .ministries import ministry_lines

    rules = cached_rules(rules_dir)
    abbreviations, dropped = parse_words(rules.word_list("registry_words"))
    return Knowledge(abbreviations, dropped, parse_programmes(rules.word_list("registry_programmes")),
                     parse_types(rules.word_list("registry_types")),
                     ministry_lines(rules.gazetteer("ministries")))
