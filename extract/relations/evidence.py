"""Consortium membership from evidence: every institution of a release gets a score.

A release about a funded centre or project names mostly the institutions that run it, so an
institution the text names is a member unless evidence says otherwise. The signals, each
with a weight read from rules/lists/partner_signals.txt:

- `cue`: a role cue scoped it (link_partners: "Partner sind …", "unter Leitung der …");
- `mentioned`: the release names it outside boilerplate;
- `repeated`: the release names it more than once;
- `is_centre`: it is the centre itself (its span or acronym is a centre mention's);
- `not_member`: a `not_member` cue (customer, sponsor, funder, issuer, venue, project
  agency) sits right before it in its sentence or opens its name ("Projektträger Jülich");
- `denied`: a `not_member_after` cue right after it denies membership ("…, die nicht am
  Projekt beteiligt ist");
- `affiliation`: it is only named as a person's employer ("Prof. X vom KIT"): a quoted
  expert's institution is a member only with other evidence;
- `brand_only`: a company known only by its brand ("Microsoft", rules/lists/company_names.txt)
  is named as often for context as for membership, so it needs a cue;
- `part_of_member`: its name is the tail of another member's name ("RWTH Aachen" beside
  "PEM-Institut der RWTH Aachen"): the sub-unit is the member, the parent only its host.

A pair with a score of at least `threshold` is a member; the evidence column lists the signals
with the offsets where they were seen.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Mention
from ..normalize.names import is_acronym_of, looks_like_acronym
from ..reads.relations import SIGNALS  # declared with what relations reads from rules/
from .sentences import Sentences

NOT_MEMBER_WINDOW = 60   # chars between a not-member cue and the institution it scopes
DENIED_WINDOW = 60       # chars between an institution and the denial after it
AFFILIATION_WINDOW = 80  # chars between a person and the institution named as their employer
# " vom", " von der", ", Professorin an der", ", Präsident der": between a person and their employer
_AFFILIATION_GAP = re.compile(r"(?:\s*(?:vom|von der|von|beim|bei der|aus dem|aus der)|,\s*(?:[A-ZÄÖÜ][\wäöüß-]*\s+)"
                              r"{1,2}(?:des|der|am|an der|vom|von der|bei der|beim))\s+")
EVIDENCE_RULE = "rel.partner.evidence"
BRAND_RULE = "org.company_name"
_ENDING = re.compile(r"(?<=\w{4})(?:en|em|er|es|e|n|s)\b")   # a case ending after a stem of 4+


@dataclass
class Membership:
    """The evidence for one institution (by key) being a member."""
    org: Mention                      # the mention the row points to (first, or the cued one)
    score: float = 0.0
    signals: list[str] = field(default_factory=list)

    def add(self, name: str, weight: float, where: int | None = None) -> None:
        self.score += weight
        self.signals.append(f"{name}@{where}" if where is not None else name)

    def add_once(self, name: str, weight: float, where: int | None) -> None:
        if where is not None and not self.has(name):
            self.add(name, weight, where)

    def has(self, name: str) -> bool:
        return any(s.partition("@")[0] == name for s in self.signals)

    @property
    def evidence(self) -> str:
        return "; ".join(self.signals)


@dataclass
class Cues:
    """What the text around an institution can say against it, in text order."""
    not_member: list[tuple[int, int]] = field(default_factory=list)   # cue before (or opening) it
    denied: list[tuple[int, int]] = field(default_factory=list)       # cue right after it
    persons: list[Mention] = field(default_factory=list)             # whose employer it may be

    def __post_init__(self):
        self._not_member_starts = [s for s, _ in self.not_member]
        self._denied_starts = [s for s, _ in self.denied]
        self._person_ends = sorted(p.end for p in self.persons)


def parse_weights(lines: list[str]) -> dict[str, float]:
    """`signal = weight` lines: each of SIGNALS exactly once, nothing else."""
    weights: dict[str, float] = {}
    for line in lines:
        name, _, value = (part.strip() for part in line.partition("="))
        if name not in SIGNALS or name in weights:
            raise ValueError(f"partner_signals: unknown or repeated signal '{name}'; known: {', '.join(SIGNALS)}")
        weights[name] = float(value)
    if missing := [name for name in SIGNALS if name not in weights]:
        raise ValueError(f"partner_signals: no weight for {', '.join(missing)}")
    return weights


@lru_cache(maxsize=4)
def rule_weights(rules_dir: str | None = None) -> dict[str, float]:
    """The weights of rules/lists/partner_signals.txt."""
    from ..rules import cached_rules

    return parse_weights(cached_rules(rules_dir).word_list("partner_signals"))


def score_members(text: str, orgs: list[Mention], keys: list[str], cued: dict[str, Mention],
                  centres: list[Mention], cues: Cues, sentences: Sentences,
                  weights: dict[str, float]) -> dict[str, Membership]:
    """{institution key: Membership} for every institution of the text.

    `keys[i]` is the key of `orgs[i]`; `cued` maps a key to the mention a role cue scoped."""
    members: dict[str, Membership] = {}
    index = _CentreIndex(centres)
    org_starts = sorted(o.start for o in orgs)
    for org, key in zip(orgs, keys, strict=True):
        member = members.get(key)
        if member is None:
            member = members[key] = Membership(cued.get(key, org))
            if key in cued:
                member.add("cue", weights["cue"], cued[key].start)
            member.add("mentioned", weights["mentioned"], org.start)
            if org.rule == BRAND_RULE and key not in cued:
                member.add("brand_only", weights["brand_only"], org.start)
        else:
            member.add_once("repeated", weights["repeated"], org.start)
        if index.holds(org):
            member.add_once("is_centre", weights["is_centre"], org.start)
        span = sentences.span(org.start)
        member.add_once("not_member", weights["not_member"], _cue_before(org, cues, span))
        member.add_once("denied", weights["denied"], _cue_after(org, cues, span, org_starts))
        member.add_once("affiliation", weights["affiliation"], _employer_of(text, org, cues, span))
    _mark_parents(members, weights)
    return members


def _mark_parents(members: dict[str, Membership], weights: dict[str, float]) -> None:
    """Give `part_of_member` to an institution named at the end of a longer member's name."""
    # names as their stems read backwards, so that "ends with mine" is a prefix search
    backwards = sorted(("\x00".join(reversed(_stems(m.org.normalized or m.org.text))) + "\x00", key)
                       for key, m in members.items())
    for name, key in backwards:
        if name.count("\x00") < 2:
            continue
        for other_name, other in _with_prefix(backwards, name):
            if other != key and len(other_name) > len(name):
                members[key].add("part_of_member", weights["part_of_member"], members[other].org.start)
                break


def _with_prefix(ordered: list, prefix: str) -> list:
    """The items of the sorted list `ordered` whose first element starts with `prefix`."""
    lo = bisect_left(ordered, (prefix,))
    hi = bisect_left(ordered, (prefix + "\uffff",))
    return ordered[lo:hi]


def _stems(name: str) -> tuple[str, ...]:
    """The words of a name without case endings, so that a genitive tail compares equal."""
    return tuple(_ENDING.sub("", name.casefold().replace("-", " ")).split())


def same_institution_keys(orgs: list[Mention], keys: list[str]) -> list[str]:
    """`keys` with the other names of one institution mapped onto its longest one:
    - a short name that exactly one longer name continues ("Carl von Ossietzky Universität" →
      "… Universität Oldenburg");
    - an abbreviated form ("TU Dortmund", "EAH Jena") of exactly one long form with the same
      place ("Technische Universität Dortmund", "Ernst-Abbe-Hochschule Jena");
    - the tail of exactly one hyphenated name ("Universität Göttingen" →
      "Georg-August-Universität Göttingen")."""
    names = {}
    for org, key in zip(orgs, keys, strict=True):
        names.setdefault(key, org.normalized or org.text)
    ordered = sorted((key,) for key in names)
    by_last_word: dict[str, list[str]] = {}
    for key in names:
        by_last_word.setdefault(key.rsplit(" ", 1)[-1].rsplit("-", 1)[-1], []).append(key)
    longer: dict[str, str] = {}
    for (key,) in ordered:
        if " " in key and len(continuations := _with_prefix(ordered, key + " ")) == 1:
            longer[key] = continuations[0][0]
            continue
        first, _, rest = names[key].partition(" ")
        same_end = by_last_word.get(key.rsplit(" ", 1)[-1].rsplit("-", 1)[-1], ())
        candidates = [other for other in same_end if other != key and (
            other.endswith("-" + key)
            or (rest and looks_like_acronym(first) and other.endswith(" " + rest.casefold())
                and is_acronym_of(first, other[: -len(rest) - 1])))]
        if len(candidates) == 1:
            longer[key] = candidates[0]
    return [_follow(longer, k) for k in keys]


def _follow(longer: dict[str, str], key: str) -> str:
    """The last name of a chain of mappings (a → b → c gives c), cycles cut."""
    seen = {key}
    while key in longer and longer[key] not in seen:
        key = longer[key]
        seen.add(key)
    return key


_ACRONYM_TAIL = re.compile(r"\s*\([^()]{1,15}\)$")


class _CentreIndex:
    """The release's centre mentions, for "is this institution the centre itself?"."""

    def __init__(self, centres: list[Mention]):
        self.spans = sorted((c.start, c.end) for c in centres)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)
        self.acronyms = {c.attrs.get("acronym") for c in centres} - {None, ""}
        # names without their acronym ("KI-Landeszentrum X (KILSA)" -> "ki-landeszentrum x")
        self.names = {_ACRONYM_TAIL.sub("", (c.normalized or c.text)).casefold() for c in centres}
        self._ends = tuple(n for n in self.names if " " in n)

    def holds(self, org: Mention) -> bool:
        name = (org.normalized or org.text).casefold()
        if org.attrs.get("acronym") in self.acronyms or name in self.names:
            return True
        if self._ends and name.endswith(self._ends):
            return True  # "Deutsches Zentrum für X" where the centre is "Zentrum für X (ACR)"
        # "Helmholtz Zentrum München": a name that opens before the centre word is an institution's
        lo = bisect_left(self.starts, org.start - self.longest)
        hi = bisect_left(self.starts, org.end)
        return any(org.start >= s and e > org.start for s, e in self.spans[lo:hi])


def _cue_before(org: Mention, cues: Cues, span: tuple[int, int]) -> int | None:
    """Offset of a not-member cue shortly before the institution in its sentence, or one that
    opens its name ("Projektträger Jülich")."""
    i = bisect_right(cues._not_member_starts, org.start) - 1
    while i >= 0 and cues.not_member[i][0] >= span[0]:
        start, end = cues.not_member[i]
        if start == org.start or 0 <= org.start - end <= NOT_MEMBER_WINDOW:
            return start
        if org.start - end > NOT_MEMBER_WINDOW:
            break
        i -= 1
    return None


def _cue_after(org: Mention, cues: Cues, span: tuple[int, int], org_starts: list[int]) -> int | None:
    """Offset of a denial right after the institution in its sentence."""
    i = bisect_left(cues._denied_starts, org.end)
    if i == len(cues.denied):
        return None
    cue = cues.denied[i][0]
    # the denial is said of the nearest institution before it only
    if cue < span[1] and cue - org.end <= DENIED_WINDOW and not _starts_between(org_starts, org.end, cue):
        return cue
    return None


def _starts_between(starts: list[int], lo: int, hi: int) -> bool:
    return bisect_left(starts, lo) < bisect_left(starts, hi)


def _employer_of(text: str, org: Mention, cues: Cues, span: tuple[int, int]) -> int | None:
    """Offset of the person whose employer the institution is named as ("Prof. Dr. X vom KIT",
    "X, Professorin an der Universität Y")."""
    i = bisect_right(cues._person_ends, org.start) - 1
    if i < 0:
        return None
    end = cues._person_ends[i]
    if end < span[0] or org.start - end > AFFILIATION_WINDOW:
        return None
    return end if _AFFILIATION_GAP.fullmatch(text, end, org.start) else None
