"""Where things are in a text: its sentences and the cities and states named in it, looked
up by position (one Context per document, shared by every step of the centres component)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ...model import Mention
from ...text.sentences import Sentences

_IN_BEFORE = re.compile(r"\b(?:in|In)[ \t]+(?:der[ \t]+(?:[A-ZÄÖÜ][a-zäöü]*stadt|Stadt|Gemeinde)[ \t]+)?$")
_HOST_BEFORE = re.compile(r"\b(?:an|bei)[ \t]+(?:der|dem)[ \t]+(?:[A-ZÄÖÜ][\w.-]*[ \t]+){1,4}$|\b(?:am|beim)[ \t]+"
                          r"(?:[A-ZÄÖÜ][\w.-]*[ \t]+){1,4}$")


@dataclass(frozen=True)
class PlaceNames:
    """What the context knows of places beyond the text: the big places by lower-case name or
    alias (-> name), and the lower-case names of the Länder that are not city-states and of the
    regions above them, which are never a centre's city."""
    big: dict[str, str]
    laender: frozenset[str]


class Context:
    """Sentence spans and the places of a text, looked up by position."""

    def __init__(self, text, cities, states, places: PlaceNames, taken=(), sentences: Sentences | None = None):
        self.text = text
        self.sentences = sentences
        # spans of institutions, ministries and persons: an alias never stands inside one
        self.taken = list(taken)
        self.cities = cities
        self.city_starts = [c.start for c in cities]
        self.states = states
        self.places = places
        self.names = {c.normalized.lower(): c.normalized for c in cities if c.normalized}
        self.names.update({c.text.lower(): c.normalized or c.text for c in cities})
        self._bounds: list[int] | None = None  # built on first use: many texts never ask
        self._cues: dict[tuple[int, int], bool] = {}  # (sentence, rules) searched once
        self._longest: int | None = None  # the longest CITY mention

    @property
    def bounds(self) -> list[int]:
        """Sentence starts, from the document's one splitter (text.sentences)."""
        if self._bounds is None:
            if self.sentences is None:
                self.sentences = Sentences(self.text)
            self._bounds = [0, *(start for start, _ in self.sentences.spans[1:])]
        return self._bounds

    def sentence(self, pos) -> tuple[int, int]:
        """[start, next start) of the sentence at `pos`: its blanks and line ends belong to it."""
        i = bisect_right(self.bounds, pos) - 1
        start = self.bounds[max(i, 0)]
        end = self.bounds[i + 1] if i + 1 < len(self.bounds) else len(self.text)
        return start, end

    def sentence_has(self, start, end, regexes) -> bool:
        """Whether one of `regexes` matches in the sentence [start, end): searched once per sentence."""
        key = (start, end, id(regexes))
        if key not in self._cues:
            sent = self.text[start:end]
            self._cues[key] = any(r.search(sent) for r in regexes)
        return self._cues[key]

    def _city_name(self, c: Mention) -> str | None:
        name = c.normalized or c.text
        return None if name.lower() in self.places.laender else name

    def city_starting(self, pos) -> str | None:
        i = bisect_right(self.city_starts, pos) - 1
        if i >= 0 and self.cities[i].start == pos:
            return self._city_name(self.cities[i])
        return None

    def inside_city(self, pos) -> bool:
        i = bisect_right(self.city_starts, pos) - 1
        return i >= 0 and self.cities[i].start <= pos < self.cities[i].end

    def _near(self, start, end):
        """The cities that may cover or lie in [start, end), in order: those starting at most
        one city length before `start` and not after `end` (a bisect, not a scan)."""
        if self._longest is None:
            self._longest = max((c.end - c.start for c in self.cities), default=0)
        lo = bisect_left(self.city_starts, start - self._longest)
        return self.cities[lo:bisect_right(self.city_starts, end)]

    def city_at(self, start, end) -> str | None:
        """The city a CITY mention covering [start, end) names."""
        for c in self._near(start, end):
            if (c.start <= start and end <= c.end) or (start <= c.start and c.end <= end):
                return self._city_name(c)
        return None

    def city_in(self, start, end) -> str | None:
        for c in self._near(start, end):
            if start <= c.start and c.end <= end:
                return self._city_name(c)
        return None

    def cities_in(self, start, end) -> list[tuple[int, str]]:
        out = []
        for i in range(bisect_left(self.city_starts, start), len(self.cities)):  # sorted by start
            c = self.cities[i]
            if c.start >= end:
                break
            if n := self._city_name(c):
                out.append((c.start, n))
        return out

    def cities_after_in(self, start, end) -> list[tuple[int, str]]:
        """Cities of the span that follow "in" (or "in der Stadt"), or close the name of a host
        ("an der Hochschule Kassel", "bei der IHK Fulda")."""
        out = []
        for pos, name in self.cities_in(start, end):
            if _IN_BEFORE.search(self.text, max(0, pos - 40), pos) \
                    or _HOST_BEFORE.search(self.text, max(0, pos - 70), pos):
                out.append((pos, name))
        return out

    def is_state(self, start, end) -> bool:
        word = self.text[start:end].lower()
        return word in self.places.laender or any(s.start <= start and end <= s.end for s in self.states)

    def lookup(self, name: str) -> str | None:
        low = name.lower()
        if low in self.places.laender:
            return None
        return self.names.get(low) or self.places.big.get(low)

    def city_of_adjective(self, adjective: str) -> str | None:
        stems = city_adjective_stems(adjective)
        if any(s.lower() in self.places.laender for s in stems):
            return ""  # Thüringer, Brandenburger: a state, part of the name but no city
        for stem in stems:
            city = self.lookup(stem)
            if city:
                return city
        return None

    def city_of_region(self, word: str) -> str | None:
        """"münsterLAND" -> Münster: a region named after its city."""
        low = word.lower()
        if low.endswith("land") and len(low) > 6:
            return self.names.get(low[:-4])
        return None


def city_adjective_stems(adj: str) -> list[str]:
    """Place names an -er adjective may come from: Bremer→Bremen, Münchner→München."""
    if not adj.endswith("er") or len(adj) < 5:
        return []
    stem = adj[:-2]
    out = [stem, stem + "en", stem + "e"]
    if stem.endswith("n"):
        out.append(stem[:-1] + "en")
    if stem.endswith("an"):
        out.append(stem[:-2])            # Münsteraner -> Münster
    if stem.endswith("städt"):
        out.append(stem[:-5] + "stadt")  # Darmstädter -> Darmstadt
    return out
