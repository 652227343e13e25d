"""Which institutions belong to a centre's consortium, and in which role.

Cue words (TRIGGER rules in rules/patterns/relations.jsonl) scope the institutions near
them: `lead_next` takes the first institution after the cue, `lead_prev` the last one
before it, `partner_list` every institution after it up to the end of the sentence (or of
the bullet list the sentence opens), `partner_sentence` every one in the sentence,
`lead_near` the one nearest the cue. A cue with `"value": "implied"` reads the lead from a
verb or a grant notice; a cue that names the role (Federführung, Koordinator) outranks it
when a centre has both.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..model import Mention
from ..text.clauses import semicolon_bounds
from .sentences import Sentences

_ROLE_RANK = {"lead": 0, "project_agency": 1, "partner": 2, "associate": 3}
_TOPIC = re.compile(r"Thema:\s*([^);\n]+)")
_CITY_AFTER = re.compile(r"\s*(?:aus|in|mit Sitz in)\s+$")
LEAD_WINDOW = 160  # chars between a lead cue and its institution
_AGENT = re.compile(r"\b(?:von|vom|durch)\s+(?:der|dem|den|die|das)?\s*$")


@dataclass
class PartnerLink:
    org: Mention
    role: str
    rule: str
    implied: bool = False


def link_partners(text: str, orgs: list[Mention], triggers, sentences: Sentences,
                  owned: dict[int, Mention] | None = None, key=None) -> list[PartnerLink]:
    """One link per institution `key` (a function of the mention; default org_key), with its
    strongest role."""
    links: dict[str, PartnerLink] = {}
    key_of = key or org_key

    def add(org: Mention, role: str, rule: str, implied: bool = False) -> None:
        key = key_of(org)
        old = links.get(key)
        if old is None or _ROLE_RANK[role] < _ROLE_RANK[old.role]:
            links[key] = PartnerLink(org, role, rule, implied)

    at = _ByStart(orgs)  # institutions in a range by bisect: many cues stay linear
    for org in (owned or {}).values():
        add(org, "lead", OWNER_RULE)
    for trig in triggers:
        for org, role, implied in _scoped_by(trig, text, at, sentences):
            add(org, role, trig.rule, implied)
    return sorted(links.values(), key=lambda link: link.org.start)


def _scoped_by(trig, text: str, at: _ByStart, sentences: Sentences) -> list[tuple[Mention, str, bool]]:
    """(institution, role, implied) for each institution one role cue scopes, by its kind."""
    s_start, s_end = sentences.span(trig.start)
    if trig.kind in ("lead_next", "project_agency_next"):
        _, clause_end = semicolon_bounds(text, trig.end, trig.end, trig.end, s_end)  # "Koordinator ist X; …"
        limit = min(clause_end, trig.end + LEAD_WINDOW)
        nxt = next(iter(at.between(trig.end, limit)), None)
        role = "lead" if trig.kind == "lead_next" else "project_agency"
        return [(nxt, role, trig.implied)] if nxt else []
    if trig.kind == "lead_prev":
        prev = [o for o in at.between(s_start, trig.start + 1) if o.end <= trig.start
                and trig.start - o.end <= LEAD_WINDOW]
        # "von der X gemeinsam mit Y und Z betrieben": the agent after "von" leads
        agent = [o for o in prev if _AGENT.search(text, max(0, o.start - 12), o.start)]
        return [((agent or prev)[-1], "lead", trig.implied)] if prev else []
    if trig.kind in ("partner_list", "associate_list"):
        _b_start, b_end = sentences.block(trig.start)
        role = "partner" if trig.kind == "partner_list" else "associate"
        return [(o, role, False) for o in at.between(trig.end, b_end)]
    if trig.kind == "lead_near":
        near = [o for o in at.between(s_start, s_end) if o.end - trig.start <= LEAD_WINDOW
                and trig.start - o.end <= LEAD_WINDOW]
        return [(min(near, key=lambda o: _distance(o, trig)), "lead", trig.implied)] if near else []
    if trig.kind == "partner_prev":
        prev = [o for o in at.between(s_start, trig.start + 1) if o.end <= trig.start]
        return [(prev[-1], "partner", False)] if prev else []
    if trig.kind == "recipient_sentence":
        after = at.between(trig.end, s_end)
        before = [o for o in at.between(s_start, trig.start + 1) if o.end <= trig.start]
        return [((after or before)[0], "lead", trig.implied)] if after or before else []
    if trig.kind == "partner_sentence":
        return [(o, "partner", False) for o in at.between(s_start, s_end)]
    return []


class _ByStart:
    """Mentions that start in a range, in their list order, found by bisect."""

    def __init__(self, items: list[Mention]):
        self.items = items
        self.order = sorted(range(len(items)), key=lambda i: items[i].start)
        self.starts = [items[i].start for i in self.order]

    def between(self, lo: int, hi: int) -> list[Mention]:
        """The mentions with lo <= start < hi."""
        picked = self.order[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]
        return [self.items[i] for i in sorted(picked)]


# "Zentrum X der Hochschule Y" (owner) and "Zentrum X an der Universität Y" (host)
_GENITIVE = re.compile(r"\s+(?:der|des|an der|an dem|am|bei der|beim)\s+")
OWNER_RULE = "rel.lead.owner_genitive"


def owners(text: str, centres: list[Mention], orgs: list[Mention]) -> dict[int, Mention]:
    """{id(centre mention): institution} for "KI-Lab Kurpfalz der Technologiepark GmbH" or
    "Transferzentrum X an der TU Chemnitz": an institution in the genitive, or hosting with
    an/bei, right after a centre's name owns (leads) it."""
    found = {}
    order = sorted(range(len(orgs)), key=lambda i: orgs[i].start)
    starts = [orgs[i].start for i in order]
    for c in centres:
        # the institutions starting 1-9 chars after the name, in list order: a bisect, no scan
        near = sorted(order[bisect_right(starts, c.end):bisect_right(starts, c.end + 9)])
        for o in (orgs[i] for i in near):
            if _GENITIVE.fullmatch(text, c.end, o.start):
                found[id(c)] = o
                break
    return found


def _distance(org: Mention, trig) -> int:
    """Characters between an institution and a cue (0 when the cue spans it)."""
    return max(org.start - trig.end, trig.start - org.end, 0)


def org_key(org: Mention) -> str:
    """One key per institution, whichever of its names the text uses."""
    return (org.normalized or org.text).casefold()


def topic_after(text: str, org: Mention, limit: int = 160) -> str | None:
    """The "Thema: …" of a partner-list entry, when the entry states one."""
    line_end = text.find("\n", org.end)
    window = text[org.end: min(line_end if line_end >= 0 else len(text), org.end + limit)]
    m = _TOPIC.search(window)
    return m.group(1).strip() if m else None


def city_of(text: str, org: Mention, cities: list[Mention]) -> str | None:
    """The city inside the institution's name, or right after it ("… aus Oldenburg")."""
    if org.attrs.get("city"):
        return org.attrs["city"]
    for c in cities:
        if org.start <= c.start and c.end <= org.end:
            return c.normalized
        if 0 <= c.start - org.end <= 16 and _CITY_AFTER.fullmatch(text[org.end:c.start] + " "):
            return c.normalized
    return None
