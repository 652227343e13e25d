"""Comparison keys of names: one key for the spellings of one name.

A key is the name's words folded (lower case, ä = ae, ß = ss, accents dropped), abbreviations
expanded ("TU" -> "technische universitaet"), legal forms and articles left out, and each
word without its case ending ("Technischen Universität" = "Technische Universität"). Hyphens
and spaces both separate words, so "Mittelstand-Digital Zentrum" = "Mittelstand Digital-Zentrum".
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from ..normalize.names import looks_like_acronym

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_EV = re.compile(r"\be\.\s?v\.", re.IGNORECASE)
_WORD = re.compile(r"[0-9a-z]+")
# a case ending after a stem of 4+ letters, stripped until none is left ("Münsters" -> "Münster" -> "Münst")
_ENDING = re.compile(r"(?<=[a-z]{4})(?:en|em|er|es|e|n|s)$")
_PAREN = re.compile(r"\s*\(([^()]{2,12})\)")


@lru_cache(maxsize=65536)  # a corpus repeats its names: fold each spelling once
def fold(text: str) -> str:
    """Lower case without umlauts and accents; "e.V." becomes the word "ev"."""
    text = _EV.sub(" ev ", text).casefold().translate(_UMLAUTS)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The folded words of a text (letters and digits; hyphens and punctuation separate)."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A folded word without case endings."""
    while (shorter := _ENDING.sub("", word)) != word:
        word = shorter
    return word


def split_acronym(name: str) -> tuple[str, str]:
    """(name without a parenthesised acronym, the acronym): "Zentrum X (ZX) Nord" -> ("Zentrum X Nord", "ZX")."""
    for match in _PAREN.finditer(name):
        if looks_like_acronym(match.group(1)):
            return (name[: match.start()] + name[match.end():]).strip(), match.group(1)
    return name, ""


class Keyer:
    """Keys of names under one set of abbreviations and dropped words (registry_words.txt)."""

    def __init__(self, abbreviations: dict[str, str], dropped: frozenset[str]):
        self.dropped = dropped
        self._abbr = abbreviations
        alternatives = "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
        self._abbr_re = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if abbreviations else None
        self._tokens: dict[str, tuple[str, ...]] = {}  # a corpus repeats its names

    def expand(self, name: str) -> str:
        if self._abbr_re is None:
            return name
        return self._abbr_re.sub(lambda m: self._abbr[m.group(0)], name)

    def tokens(self, name: str) -> tuple[str, ...]:
        """The stemmed words of a name that count for comparison."""
        found = self._tokens.get(name)
        if found is None:
            found = self._tokens[name] = tuple(stem(w) for w in words(self.expand(name)) if w not in self.dropped)
        return found

    def key(self, name: str) -> str:
        return " ".join(self.tokens(name))


def strip_place(tokens: tuple[str, ...], place: tuple[str, ...]) -> tuple[str, ...]:
    """`tokens` without a trailing place (its full form or its first word: "Freiburg im
    Breisgau", "Freiburg"), when something is left."""
    for tail in (place, place[:1]):
        if tail and len(tokens) > len(tail) and tokens[-len(tail):] == tail:
            return tokens[: -len(tail)]
    return tokens


def stable_id(prefix: str, key: str) -> str:
    """An id that depends on the key only: the same entity gets the same id in every run."""
    return f"{prefix}{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"
