"""Which names of the corpus are one entity: clustering of name entries in five steps.

1. the same key in the same city (the key without a trailing city name: "Fraunhofer-Institut
   für X Magdeburg" in Magdeburg = "Fraunhofer-Institut für X" in Magdeburg);
2. a name without a city joins the one cluster of that name that has a city;
3. a bare acronym ("IFF", "Fraunhofer IFF") joins the one long form that defines it;
4. a short name joins the one longer name it is the hyphenated tail of ("Universität
   Göttingen" -> "Georg-August-Universität Göttingen") or that continues it with a complement
   ("Hahn-Schickard-Gesellschaft" -> "… für angewandte Forschung");
5. spelling variants: near-equal keys in the same city (rapidfuzz), word for word.

Every step joins only where exactly one candidate exists, so two institutes of one university
("Institut für A der Universität X", "Institut für B der Universität X") stay two. Entries
are sorted first, so the clusters do not depend on the order of the documents.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

FUZZY_MIN = 94        # rapidfuzz ratio of two keys (joined words) that may be one name
FUZZY_WORD_MIN = 75   # ratio of two words that differ between them
FUZZY_MIN_CHARS = 10  # shorter keys are never merged by similarity
_COMPLEMENT = frozenset(["fuer", "zur", "zum"])  # a continuation that completes a name


@dataclass(frozen=True, order=True)
class Entry:
    core: tuple[str, ...]             # key words without a trailing city
    city: str = ""                    # key of the city ("" unknown)
    full: tuple[str, ...] = ()        # key words of the whole name
    acronym: str = ""                 # folded acronym, "" none
    bare: bool = False                # the name is its acronym (with a place or prefix words)
    tails: tuple[tuple[str, ...], ...] = ()  # cores after a hyphenated prefix


class Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster(entries: list[Entry], *, continuations: bool = True) -> list[int]:
    """A cluster number per entry (entries with one number are one entity)."""
    order = sorted(range(len(entries)), key=lambda i: entries[i])
    items = [entries[i] for i in order]
    union = Union(len(items))
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for i, e in enumerate(items):
        by_key[(e.core, e.city)].append(i)
    for members in by_key.values():
        for i in members[1:]:
            union.join(members[0], i)
    _attach_cityless(items, union)
    _attach_acronyms(items, union)
    if continuations:
        _attach_short_names(items, union)
    _join_spelling_variants(items, union)
    roots = [union.find(i) for i in range(len(items))]
    out = [0] * len(entries)
    for position, original in enumerate(order):
        out[original] = roots[position]
    return out


def _unique(union: Union, candidates) -> int | None:
    roots = {union.find(i) for i in candidates}
    return roots.pop() if len(roots) == 1 else None


def _attach_cityless(items: list[Entry], union: Union) -> None:
    """A name without a city joins the single cluster that has it with a city."""
    placed: dict[tuple, list[int]] = defaultdict(list)
    for i, e in enumerate(items):
        if e.city:
            placed[e.core].append(i)
            placed[e.full].append(i)
    for i, e in enumerate(items):
        if not e.city and (root := _unique(union, placed.get(e.core, ()))) is not None:
            union.join(i, root)


def _compatible(a: Entry, b: Entry) -> bool:
    return not a.city or not b.city or a.city == b.city


def _attach_acronyms(items: list[Entry], union: Union) -> None:
    """A bare acronym joins the single long form (of a compatible city) that defines it."""
    defined: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(items):
        if e.acronym and not e.bare:
            defined[e.acronym].append(i)
    for i, e in enumerate(items):
        if not e.bare:
            continue
        prefix = set(e.core) - {e.acronym}
        fits = [j for j in defined.get(e.acronym, ()) if _compatible(e, items[j]) and prefix <= set(items[j].full)]
        if (root := _unique(union, fits)) is not None:
            union.join(i, root)


def _attach_short_names(items: list[Entry], union: Union) -> None:
    """A short name joins the single longer name that it is the hyphenated tail of, or that
    continues it with a complement ("für …", "zur …")."""
    longer: dict[tuple, list[int]] = defaultdict(list)
    for i, e in enumerate(items):
        for tail in e.tails:
            longer[(tail, e.city)].append(i)
        for n in range(2, len(e.core)):
            if e.core[n] in _COMPLEMENT:
                longer[(e.core[:n], e.city)].append(i)
    for i, e in enumerate(items):
        if len(e.core) < 2 and not e.city:
            continue  # a lone head word ("Universität") names nothing by itself
        fits = [j for j in longer.get((e.core, e.city), ()) if j != i]
        if (root := _unique(union, fits)) is not None:
            union.join(i, root)


def _join_spelling_variants(items: list[Entry], union: Union) -> None:
    """Near-equal keys in one city: typos, compounds written apart ("Handwerks-Kammer")."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(items):
        if not e.bare:
            blocks[e.city].append(i)
    for block in blocks.values():
        # one member per distinct core: equal cores in one city are already one cluster (step 1)
        members = list({items[i].core: i for i in reversed(block)}.values())
        joined = ["".join(items[i].core) for i in members]
        # one rapidfuzz matrix per city finds the candidate pairs (scores under the cutoff are 0);
        # `similar` checks them word for word. The clusters do not depend on the order of joins.
        scores = process.cdist(joined, joined, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, dtype=np.uint8)
        for n, m in zip(*np.nonzero(np.triu(scores, 1)), strict=True):
            i, j = members[n], members[m]
            if union.find(i) != union.find(j) and similar(items[i].core, items[j].core, joined[n], joined[m]):
                union.join(i, j)


def similar(a: tuple[str, ...], b: tuple[str, ...], joined_a: str = "", joined_b: str = "") -> bool:
    """Two keys that differ only by spelling: near-equal as a whole, the same digits, and every
    word of one that the other lacks close to one of its words or part of one."""
    joined_a, joined_b = joined_a or "".join(a), joined_b or "".join(b)
    if min(len(joined_a), len(joined_b)) < FUZZY_MIN_CHARS or a == b:
        return a == b
    if fuzz.ratio(joined_a, joined_b) < FUZZY_MIN:
        return False
    if [w for w in a if w.isdigit()] != [w for w in b if w.isdigit()]:
        return False
    return _words_match(set(a) - set(b), b, joined_b) and _words_match(set(b) - set(a), a, joined_a)


def _words_match(missing: set[str], other: tuple[str, ...], joined: str) -> bool:
    return all(word in joined or any(fuzz.ratio(word, w) >= FUZZY_WORD_MIN for w in other)
               for word in missing)
