"""Name entries for the merger (merge.Entry) from a name, its acronym and its city."""
from __future__ import annotations

from functools import lru_cache

from ..normalize.names import looks_like_acronym
from .keys import Keyer, fold, split_acronym, stem, strip_place, words
from .merge import Entry


def acronym_key(acronym: str) -> str:
    return stem("".join(words(acronym))) if acronym else ""


@lru_cache(maxsize=65536)  # a corpus repeats its names; the entry of a spelling is computed once
def institution_entry(name: str, acronym: str, city: str, keyer: Keyer) -> Entry:
    """The entry of an institution's name: its key without a trailing city and without its
    acronym at either end, whether it is only its acronym ("Fraunhofer IFF", "ISI Buchholz",
    "EAH Jena"), and its hyphenated tails."""
    name, in_brackets = split_acronym(name)
    acronym = acronym or in_brackets or (name if looks_like_acronym(name) else "")
    place = keyer.tokens(city) if city else ()
    full = keyer.tokens(name)
    acr = acronym_key(acronym)
    if acr and len(full) > 2 and acr in (full[0], full[-1]):  # "Fraunhofer-Institut für X IIS"
        full = full[1:] if full[0] == acr else full[:-1]
    core = strip_place(full, place) if city else full
    first = name.split()[0] if name.split() else ""
    if not acr and len(core) <= 2 and looks_like_acronym(first) and core[:1] == (acronym_key(first),):
        acr = core[0]
    bare = bool(acr) and acr in core and len(core) <= 2
    return Entry(core=core, city=" ".join(place), full=full, acronym=acr, bare=bare,
                 tails=_tails(name, keyer, place))


def _tails(name: str, keyer: Keyer, place: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Keys of the name after each hyphenated prefix: "Georg-August-Universität Göttingen" ->
    "universitaet" (the city stripped), so that "Universität Göttingen" can find it."""
    chunks = fold(keyer.expand(name)).split()
    tails = []
    for k, chunk in enumerate(chunks):
        if "-" in chunk.strip("-"):
            rest = " ".join([chunk.rstrip("-").rsplit("-", 1)[1], *chunks[k + 1:]])
            tokens = tuple(stem(w) for w in words(rest) if w not in keyer.dropped)
            if tokens:
                tails.append(strip_place(tokens, place) if place else tokens)
    return tuple(tails)


def centre_entry(name: str, city: str, keyer: Keyer) -> Entry:
    """The entry of a centre's name: its words in any order, without its city's words (the
    city is part of the entry), and the acronym in brackets or the name that is one."""
    name, in_brackets = split_acronym(name)
    acronym = in_brackets or (name if looks_like_acronym(name) else "")
    place = keyer.tokens(city) if city else ()
    full = keyer.tokens(name)
    core = tuple(sorted(set(full) - set(place))) or tuple(sorted(set(full)))
    acr = acronym_key(acronym)
    return Entry(core=core, city=" ".join(place), full=tuple(sorted(set(full))), acronym=acr,
                 bare=bool(acr) and core == (acr,))
