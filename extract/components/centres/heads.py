"""Centre head words: their kind (rules/lists/centre_heads.txt), their number and singular
(rules/lists/centre_head_forms.txt) and the determiners before them that decide number and
definiteness."""
from __future__ import annotations

import re
from functools import lru_cache

_PLURAL_DET = {"die", "diese", "alle", "allen", "beide", "beiden"}
SINGULAR_DET = {"des", "eines", "dieses", "jenes", "unseres", "seines", "ihres"}
DEFINITE = {"der", "die", "das", "dem", "den", "des", "dieses", "diese", "dieser", "diesem",
            "unser", "unsere", "unserem", "unseres", "sein", "seine", "seinem", "ihr", "ihre",
            "ihrem", "beim", "im", "vom", "zum", "zur", "am"}
INDEFINITE = {"ein", "eine", "eines", "einem", "einen", "einer", "jedes", "jede", "jedem",
              "kein", "keine", "solches", "solche", "solchen", "weiteres", "weitere"}
DETERMINERS = DEFINITE | INDEFINITE
_NUMBERS = re.compile(r"^(?:\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|"
                      r"zwanzig|dreißig|mehrere|zahlreiche|alle|viele|einige|beiden|beide)$", re.I)
WORD = re.compile(r"[\w-]+")


def load_heads(lines: list[str]) -> tuple[dict[str, str], set[str], set[str], set[str]]:
    """(suffix -> kind, bare head words, excluded suffixes, words that count only alone)
    from centre_heads.txt lines."""
    kinds, bare, excluded, exact = {}, set(), set(), set()
    for line in lines:
        if line.startswith("^"):
            continue  # a word that ends a name (tail_stops)
        if line.startswith("!"):
            excluded.add(line[1:].strip().lower())
            continue
        mark = line[0] if line[0] in "*=" else ""
        key, _, kind = line[len(mark):].partition(" = ")
        key = key.strip().lower()
        if mark:
            bare.add(key)
        if mark == "=":
            exact.add(key)
        kinds[key] = kind.strip()
    return kinds, bare, excluded, exact


def tail_stops(lines: list[str]) -> frozenset[str]:
    """The capitalised words that end the name words after a head ("^Word" lines)."""
    return frozenset(line[1:].strip() for line in lines if line.startswith("^"))


class HeadKinds:
    """The kind of a head word by its longest listed suffix (rules/lists/centre_heads.txt)."""

    def __init__(self, lines: list[str]):
        self.kinds, self.bare, self.excluded, self.exact = load_heads(lines)
        self.suffixes = sorted(self.kinds, key=len, reverse=True)
        self._excluded_tuple = tuple(self.excluded)
        self._memo: dict[str, tuple[str | None, bool]] = {}

    def kind(self, key: str) -> tuple[str | None, bool]:
        """(kind, bare) of a singular lower-case head; kind None when excluded or unknown."""
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._uncached(key)
        return found

    def _uncached(self, key: str) -> tuple[str | None, bool]:
        # the longest suffix wins, exclusions included: "! servicezentrum" bars the town
        # hall's Servicezentrum, "ki-servicezentrum" lets the funded KI-Servicezentrum in
        excluded = 0
        if key.endswith(self._excluded_tuple):  # one call settles the common case: no exclusion
            excluded = max(len(x) for x in self._excluded_tuple if key.endswith(x))
        for suffix in self.suffixes:
            if key.endswith(suffix):
                # an exact head counts alone or as the last word of a phrase ("Circular
                # Economy Campus"), never as the end of a closed compound ("Pflegecampus")
                if len(suffix) <= excluded or (suffix in self.exact and key != suffix
                                               and not key.endswith(" " + suffix)):
                    return None, False
                return self.kinds[suffix], key in self.bare
        return None, False


class HeadForms:
    """Number and singular of head words by their endings (rules/lists/centre_head_forms.txt)."""

    def __init__(self, lines: list[str]):
        entries = [(tag, *(part.strip() for part in rest.partition("=")[::2]))
                   for tag, _, rest in (line.partition(" ") for line in lines)]
        self.plural = tuple((end, sing) for tag, end, sing in entries if tag == "plural")
        self.genitive = tuple((end, sing) for tag, end, sing in entries if tag == "genitive")
        self.ambiguous = tuple(end for tag, end, _ in entries if tag == "ambiguous")
        self.acronym = tuple(end for tag, end, _ in entries if tag == "acronym")
        self.same = tuple(end for tag, end, _ in entries if tag == "same")
        # head words and names repeat across documents
        self.singular = lru_cache(maxsize=4096)(self._singular)
        self.normalize_name = lru_cache(maxsize=4096)(self._normalize_name)

    def _singular(self, word: str) -> tuple[str, bool | None]:
        """(lower-case singular form, plural?) of a head word; None when only the context can say."""
        low = re.sub(r"-[ ]+", "-", re.sub(r"\s+", " ", word.lower()))
        for plural, sing in self.plural:
            if low.endswith(plural):
                return low[: -len(plural)] + sing, True
        for gen, sing in self.genitive:
            if low.endswith(gen):
                return low[: -len(gen)] + sing, False
        if low.endswith(self.ambiguous) or low.endswith(self.acronym):
            return low[:-1], None
        return low, False

    def same_plural(self, key: str) -> bool:
        """Is the head one whose plural is its singular ("Cluster")?"""
        return key.endswith(self.same)

    def _normalize_name(self, span: str, plural: bool) -> str:
        """Canonical name: quotes dropped, whitespace collapsed, genitive/plural head singular."""
        name = re.sub(r"[„“”\"«»‚‘’]", "", span)
        name = re.sub(r"\s+", " ", name).strip()
        name = re.sub(r"-[ ](?=Digital\b)", "-", name)
        words = name.split(" ")
        for i, w in enumerate(words):
            low = w.lower()
            for ending, repl in self.plural + self.genitive:
                if low.endswith(ending):
                    repl = repl if w[-len(ending)].islower() else repl.capitalize()
                    words[i] = w[: len(w) - len(ending)] + repl
                    break
            else:
                if plural and low.endswith(self.ambiguous):
                    words[i] = w[:-1]
        return " ".join(words)


def plural_before(text, start, det) -> bool:
    """Is a head whose plural is its singular plural here? "die Cluster", "sieben Cluster";
    "der Cluster" is singular unless a count stands before ("der sieben Cluster")."""
    words = [w.group(0) for w in WORD.finditer(text, max(0, start - 40), start)][-3:]
    if any(_NUMBERS.match(w) for w in words):
        return True
    return det in _PLURAL_DET
