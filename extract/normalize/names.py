"""Pure helpers for institution and person names: acronym tests, nominative forms, person keys."""
from __future__ import annotations

import re

ARTICLES = frozenset(["der", "die", "das", "des", "dem", "den"])
_GOVERNING = frozenset(["des", "dem", "der", "den", "vom", "zum", "zur", "im", "am", "beim"])
# Strong adjective endings of the nominative by the gender of the head noun.
_NOMINATIVE_ENDING = {"f": "e", "m": "er", "n": "es"}
_TITLE = re.compile(r"^(?:(?:Prof\.|Professor(?:in)?|Dr\.(?:-Ing\.)?|Dipl\.-\w+\.?|Ing\.)\s*)+")


def strip_article(name: str) -> str:
    """"das Institut für X" -> "Institut für X"."""
    head, _, rest = name.partition(" ")
    return rest if rest and head.lower() in ARTICLES else name


def looks_like_acronym(token: str) -> bool:
    """An abbreviation: 2-8 letters/digits with at least two capitals ("IFF", "ThZM", "HWWI")."""
    return (2 <= len(token) <= 8 and token[0].isupper() and token.replace("&", "").isalnum()
            and sum(c.isupper() for c in token) >= 2)


def is_acronym_of(acronym: str, long_form: str) -> bool:
    """True when the letters of `acronym` occur in order in `long_form`, the first one at its
    start ("Ifak" ~ "Institut für Automation und Kommunikation")."""
    a = acronym.lower()
    text = long_form.lower()
    if not a or not text or text[0] != a[0]:
        return False
    pos = 1
    for ch in a[1:]:
        pos = text.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def nominative_head(word: str, inflection: str) -> str:
    """Drop a genitive ending found on the head noun: "Zentrums" -> "Zentrum"."""
    if inflection in ("s", "es") and word.endswith(inflection):
        return word[: -len(inflection)]
    return word


def person_key(name: str) -> str:
    """"Prof. Dr. Jürgen  Ude" -> "Jürgen Ude": no titles, single spaces."""
    return " ".join(_TITLE.sub("", name.strip()).split())


def surname(name: str) -> str:
    """The last word of a person key ("Hoffmeister-Kraut")."""
    parts = name.split()
    return parts[-1] if parts else ""


def strong_adjective(word: str, gender: str) -> str:
    """The adjective of a name without its article: "(das) Deutsche Zentrum" -> "Deutsches",
    "(des) Deutschen Zentrums" -> "Deutsches", "(der) Dualen Hochschule" -> "Duale"."""
    if len(word) <= 3 or not word[0].isupper():
        return word
    if word.endswith("en"):
        return word[:-2] + _NOMINATIVE_ENDING.get(gender, "e")
    if word.endswith("e") and gender in ("m", "n"):
        return word + ("r" if gender == "m" else "s")
    return word


def after_article(preceding: str) -> bool:
    """True when the word before a name is an article or fused preposition."""
    words = preceding.split()
    return bool(words) and (words[-1].lower() in _GOVERNING or words[-1].lower() in ARTICLES)


def find_literals(text: str, literals, before: re.Pattern, after: re.Pattern) -> list[tuple[int, int]]:
    """Spans of `literals` in `text`, exactly as `finditer` of the alternation of them, longest
    first, between the zero-width checks `before` and `after` would give them (leftmost, then
    longest, never overlapping), without compiling a regex per document. `before`/`after` are
    compiled look-arounds tried with .match at the start and end of an occurrence. Empty
    literals are ignored."""
    best: dict[int, int] = {}
    for lit in literals:
        size = len(lit)
        if not size:
            continue
        i = text.find(lit)
        while i >= 0:
            if size > best.get(i, 0) and before.match(text, i) and after.match(text, i + size):
                best[i] = size
            i = text.find(lit, i + 1)
    spans, last = [], 0
    for start in sorted(best):
        if start >= last:
            last = start + best[start]
            spans.append((start, last))
    return spans
