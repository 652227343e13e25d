"""Centre head words: their kind (rules/lists/centre_heads.txt), their number (plural and
genitive endings) and the determiners before them that decide number and definiteness."""
from __future__ import annotations

import re
from functools import lru_cache

_PLURAL_ENDINGS = (("zentren", "zentrum"), ("agenturen", "agentur"), ("fabriken", "fabrik"),
                   ("inkubatoren", "inkubator"), ("factories", "factory"), ("clustern", "cluster"),
                   ("räumen", "raum"), ("räume", "raum"), ("feldern", "feld"), ("felder", "feld"),
                   ("laboren", "labor"), ("labore", "labor"))
_GENITIVE_ENDINGS = (("zentrums", "zentrum"), ("inkubators", "inkubator"), ("raums", "raum"), ("feldes", "feld"),
                     ("felds", "feld"), ("labors", "labor"))
_AMBIGUOUS_S = ("hubs", "labs", "clusters", "centers", "centres")  # plural, or genitive after "des"
# heads whose plural is the singular ("die sieben Exzellenzcluster"): the words before decide
_SAME_PLURAL = ("cluster",)
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


@lru_cache(maxsize=4096)  # head words repeat across documents
def singular(word: str) -> tuple[str, bool | None]:
    """(lower-case singular form, plural?) of a head word; None when only the context can say."""
    low = re.sub(r"-[ ]+", "-", re.sub(r"\s+", " ", word.lower()))
    for plural, sing in _PLURAL_ENDINGS:
        if low.endswith(plural):
            return low[: -len(plural)] + sing, True
    for gen, sing in _GENITIVE_ENDINGS:
        if low.endswith(gen):
            return low[: -len(gen)] + sing, False
    if low.endswith(_AMBIGUOUS_S) or low.endswith("edihs"):
        return low[:-1], None
    return low, False


def same_plural(key: str) -> bool:
    """Is the head one whose plural is its singular ("Cluster")?"""
    return key.endswith(_SAME_PLURAL)


def plural_before(text, start, det) -> bool:
    """Is a head whose plural is its singular plural here? "die Cluster", "sieben Cluster";
    "der Cluster" is singular unless a count stands before ("der sieben Cluster")."""
    words = [w.group(0) for w in WORD.finditer(text, max(0, start - 40), start)][-3:]
    if any(_NUMBERS.match(w) for w in words):
        return True
    return det in _PLURAL_DET


@lru_cache(maxsize=4096)
def normalize_name(span: str, plural: bool) -> str:
    """Canonical name: quotes dropped, whitespace collapsed, genitive/plural head singular."""
    name = re.sub(r"[„“”\"«»‚‘’]", "", span)
    name = re.sub(r"\s+", " ", name).strip()
    name = re.sub(r"-[ ](?=Digital\b)", "-", name)
    words = name.split(" ")
    for i, w in enumerate(words):
        low = w.lower()
        for ending, repl in _PLURAL_ENDINGS + _GENITIVE_ENDINGS:
            if low.endswith(ending):
                repl = repl if w[-len(ending)].islower() else repl.capitalize()
                words[i] = w[: len(w) - len(ending)] + repl
                break
        else:
            if plural and low.endswith(_AMBIGUOUS_S):
                words[i] = w[:-1]
    return " ".join(words)
