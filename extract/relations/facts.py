"""Build the fact tables of one document from its mentions."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..model import Mention, mentions_of
from .centres import Centre, centre_at, collect_centres, dominant, is_bare, is_concrete
from .evidence import EVIDENCE_RULE, Cues, rule_weights, same_institution_keys, score_members
from .partners import city_of, link_partners, org_key, owners, topic_after
from .scope import Scope
from .sentences import Sentences

_PERIOD_KINDS = ("funding", "phase", "deadline")
_EACH = re.compile(r"\b(?:jeweils|je|[Jj]edes|[Jj]ede|[Jj]eder|[Jj]edem)\b")
# A span whose text names a month ("Ende Juli 2020", "30.06.2021") is more precise than a year.
_MONTH_NAMED = re.compile(r"\d{1,2}\.\s?\d{1,2}\.|\b(?:Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez"
                          r"|Frühjahr|Sommer|Herbst|Winter)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    kind: str
    rule: str
    implied: bool = False  # a lead cue that implies the role (a verb, a grant) rather than names it


def build_facts(text: str, mentions: list[Mention], triggers: list[Trigger],
                sentences: Sentences | None = None,
                weights: dict[str, float] | None = None) -> dict[str, list[dict]]:
    """{table: rows} for centres, cities, ministries, partners, funding, periods, persons.

    Mentions flagged as noise (navigation, credits, teasers) never become facts; `weights`
    are the membership signal weights (relations/evidence.py; default: those of rules/).
    """
    live = [m for m in mentions if not m.noise]
    sentences = sentences or Sentences(text)
    cities = mentions_of(live, "CITY")
    centre_mentions = mentions_of(live, "CENTRE")
    anaphors = [m for m in centre_mentions if m.attrs.get("anaphor") or is_bare(m)]
    orgs = mentions_of(live, "ORG")
    owned = owners(text, [m for m in centre_mentions if is_concrete(m)], orgs)
    owned.update(entry_hosts(centre_mentions, orgs, owned))
    hints = {key: o.attrs["city"] for key, o in owned.items() if o.attrs.get("city")}
    keys, links = _partner_links(text, orgs, triggers, sentences, owned)
    hints.update(_lead_hints(centre_mentions, links, sentences, hints))
    centres = collect_centres(centre_mentions, [c for c in cities if not in_district(text, c)], hints,
                              lead_city(text, links, cities))
    states = {c.normalized: c.attrs.get("state") for c in cities}
    scope_of = Scope(text, sentences, centres, centre_mentions, anaphors, cities, triggers)
    money = mentions_of(live, "MONEY")
    funding = _funding_rows(text, money, scope_of)
    periods = _period_rows(mentions_of(live, "PERIOD"), scope_of, _sums_by_sentence(money, sentences))
    owner_of = {id(o): c for c in centres for m in c.mentions if (o := owned.get(id(m)))}
    kept_names = {c.name for c in centres}
    partners = _partner_rows(text, orgs, keys, triggers, links, sentences, cities, centres, anaphors,
                             owner_of, mentions_of(live, "PERSON"), weights or rule_weights(),
                             [m for m in centre_mentions if is_concrete(m) and (m.normalized or m.text) in kept_names])
    return {
        "centres": _centre_rows(centres, funding, periods, partners, states, scope_of.by_default,
                                start_points(text, live, [t for t in triggers if t.kind == "centre_start"],
                                             sentences)),
        "cities": _city_rows(cities),
        "ministries": _ministry_rows(mentions_of(live, "MINISTRY")),
        "partners": partners,
        "funding": funding,
        "periods": periods,
        "persons": _person_rows(mentions_of(live, "PERSON")),
    }


def _prov(m: Mention) -> dict:
    return {"rule": m.rule, "start_char": m.start, "end_char": m.end}


def _centre_name(c: Centre | None) -> str | None:
    return c.name if c else None


def _funding_rows(text: str, money: list[Mention], scope_of) -> list[dict]:
    rows, seen = [], set()
    for m in money:
        amount = m.attrs.get("amount_eur")
        if amount is None or amount in seen:
            continue
        seen.add(amount)
        centre, scope = scope_of(m)
        rows.append({"centre": _centre_name(centre), "amount_eur": amount, "text": m.text,
                     "start": None, "end": None, "scope": scope, "_centre": centre,
                     "_each": bool(_EACH.search(text, max(0, m.start - 40), m.end + 12)), **_prov(m)})
    return rows


def _sums_by_sentence(money: list[Mention], sentences: Sentences):
    """offset -> the sums stated in the sentence at that offset."""
    by: dict[int, set] = {}
    for m in money:
        by.setdefault(sentences.index(m.start), set()).add(m.attrs.get("amount_eur"))
    return lambda offset: by.get(sentences.index(offset), set())


def _period_rows(periods: list[Mention], scope_of, sums_at=lambda offset: set()) -> list[dict]:
    # a start alone ("ab Januar 2022") is not a span: it stays a PERIOD mention only
    spans = [m for m in periods if (m.attrs.get("kind") or "other") in _PERIOD_KINDS
             and (m.attrs.get("end"), m.attrs.get("duration_months")) != (None, None)]
    rows, seen = [], set()
    for m in spans:
        a = m.attrs
        key = (a.get("start"), a.get("end"), a.get("duration_months"))
        if key in seen or _restated(m, spans, sums_at):
            continue
        seen.add(key)
        centre, _scope = scope_of(m)
        if a["kind"] == "deadline":
            centre = None
        rows.append({"centre": _centre_name(centre), "start": a.get("start"), "end": a.get("end"),
                     "duration_months": a.get("duration_months"), "kind": a["kind"], "text": m.text,
                     "_centre": centre, **_prov(m)})
    return rows


def _restated(m: Mention, spans: list[Mention], sums_at) -> bool:
    """An end alone that a range of the same end states with the same sum is one span:
    "20 Mio. Euro für 2024 bis 2028" ... "bis 2028 mit 20 Mio. Euro"."""
    a = m.attrs
    if a.get("start") or a.get("duration_months") or a["kind"] == "deadline":
        return False
    sums = sums_at(m.start)
    return bool(sums) and any(o is not m and o.attrs.get("end") == a["end"] and o.attrs.get("start")
                              and o.attrs["kind"] != "deadline" and sums & sums_at(o.start) for o in spans)


def entry_hosts(centre_mentions: list[Mention], orgs: list[Mention], owned: dict) -> dict[int, Mention]:
    """{id(centre): institution} for a centre made from a list entry ("• „TBG“ (Senckenberg
    Gesellschaft, Frankfurt)"): the institution the entry names hosts (leads) it."""
    found = {}
    by_start = sorted(orgs, key=lambda o: o.start)
    starts = [o.start for o in by_start]
    for m in centre_mentions:
        entry = m.attrs.get("entry")
        if entry and id(m) not in owned:
            i = bisect_left(starts, entry[0])
            while i < len(by_start) and by_start[i].start < entry[1]:
                if by_start[i].end <= entry[1]:
                    found[id(m)] = by_start[i]
                    break
                i += 1
    return found


def lead_city(text: str, links, cities: list[Mention]) -> str | None:
    """The city of the consortium's coordinator: a role named outright (Federführung,
    Koordinator) before one read from a verb, the first in the text on ties."""
    leads = sorted((link for link in links if link.role == "lead"), key=lambda lk: (lk.implied, lk.org.start))
    for link in leads:
        if city := city_of(text, link.org, cities):
            return city
    return None


# "im Landkreis Harburg": the name of a district, not the town a centre sits in
_DISTRICT = re.compile(r"\b(?:Land)?[Kk]reis(?:es|e|en)?[ \t]+$|\b(?:Metropol)?[Rr]egion[ \t]+$")


def in_district(text: str, city: Mention) -> bool:
    return bool(_DISTRICT.search(text, max(0, city.start - 14), city.start))


def _lead_hints(centre_mentions, links, sentences, hints) -> dict[int, str]:
    """{id(centre): city} of the lead named in the centre's own sentence ("Das „Kompetenzzentrum
    X“ entsteht unter Federführung der TU Darmstadt"), for centres without an owner's city."""
    leads = [link.org for link in links if link.role == "lead" and link.org.attrs.get("city")]
    out = {}
    for m in centre_mentions:
        if id(m) in hints or m.attrs.get("city") or not is_concrete(m):
            continue
        span = sentences.span(m.start)
        here = {o.attrs["city"] for o in leads if span[0] <= o.start < span[1]}
        if len(here) == 1:
            out[id(m)] = here.pop()
    return out


def _partner_links(text, orgs, triggers, sentences, owned):
    """(one key per institution, partner links): linked once, before the centres, since the
    coordinator's city may key a centre; a key holds whichever of its names the text uses."""
    role_cues = [t for t in triggers if not t.kind.startswith(("programme", "centre_", "not_member"))]
    keys = same_institution_keys(orgs, [org_key(o) for o in orgs])
    key_of = {id(o): k for o, k in zip(orgs, keys, strict=True)}
    return keys, link_partners(text, orgs, role_cues, sentences, owned, key=lambda o: key_of[id(o)])


def _partner_rows(text, orgs, keys, triggers, links, sentences, cities, centres, anaphors,
                  owner_of, persons, weights, named_centres=()) -> list[dict]:
    """Partner rows; `named_centres`: the mentions that bear a kept centre's name, whether the
    centre kept them or not (an institution that is one of them is the centre itself)."""
    key_of = {id(o): k for o, k in zip(orgs, keys, strict=True)}
    links = {key_of[id(link.org)]: link for link in links}
    cues = Cues([(t.start, t.end) for t in triggers if t.kind == "not_member"],
                [(t.start, t.end) for t in triggers if t.kind == "not_member_after"], persons)
    members = score_members(text, orgs, keys, {k: link.org for k, link in links.items()},
                            [*{id(m): m for c in centres for m in c.mentions}.values(), *named_centres],
                            cues, sentences, weights)
    rows = []
    for key, member in sorted(members.items(), key=lambda kv: kv[1].org.start):
        if member.score < weights["threshold"]:
            continue
        link = links.get(key)
        o = member.org
        centre = owner_of.get(id(o)) or centre_at(sentences.span(o.start), centres, anaphors, cities, text)[0]
        rows.append({"centre": _centre_name(centre), "_centre": centre,
                     "name": o.normalized or o.text, "acronym": o.attrs.get("acronym"),
                     "city": city_of(text, o, cities), "role": link.role if link else "partner",
                     "topic": topic_after(text, o), "rule": link.rule if link else EVIDENCE_RULE,
                     "start_char": o.start, "end_char": o.end, "score": round(member.score, 2),
                     "evidence": member.evidence, "surface": o.text,
                     "_key": key, "_implied": link.implied if link else True})
    return rows


def start_points(text: str, live: list[Mention], cues, sentences) -> list[tuple[int, str]]:
    """(offset, YYYY-MM) of the starts a text states: a start-only span ("Ab 1. Januar 2018")
    or a dated day or month in a sentence that says something started ("Der Startschuss fiel
    am 1. November 2012")."""
    out = []
    for m in live:
        a = m.attrs
        if m.label == "PERIOD" and a.get("start") and not a.get("end") and not a.get("duration_months") \
                and a.get("kind") in _PERIOD_KINDS:
            out.append((m.start, a["start"][:7]))
        elif m.label == "DATE" and a.get("precision") in ("day", "month") and len(m.normalized or "") >= 7:
            span = sentences.span(m.start)
            if any(span[0] <= t.start < span[1] for t in cues):
                out.append((m.start, m.normalized[:7]))
    return out


def end_from_start(span: dict | None, starts: list[tuple[int, str]]) -> str | None:
    """The last month of a span given only as a length ("für fünf Jahre"), counted from the
    start the text states nearest to it: 2012-11 and 60 months end in 2017-10."""
    if not span or span.get("end") or not span.get("duration_months") or not starts:
        return None
    _, start = min(starts, key=lambda s: abs(s[0] - span["start_char"]))
    months = int(start[:4]) * 12 + int(start[5:7]) - 1 + int(span["duration_months"]) - 1
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def _centre_rows(centres, funding, periods, partners, states, by_default=frozenset(), starts=()) -> list[dict]:
    rows = []
    for c in centres:
        # A sum given "jeweils"/"je" goes to every centre without a sum of its own.
        money = [f for f in funding if f["_centre"] is c] or [f for f in funding if f["_each"]]
        # a sum stated for the centre (named, referred to, its city) before one it takes only
        # because the text has no other centre
        stated = [f for f in money if f["start_char"] not in by_default]
        money = [most_precise((stated or money)[0], money)] if money else []
        spans = [p for p in periods if p["_centre"] is c and p["kind"] != "deadline"]
        if not spans:
            # the dominant centre takes any span; others the spans tied to no centre
            # ("Alle drei Zentren werden bis Ende 2022 gefördert")
            spans = [p for p in periods if p["kind"] != "deadline"
                     and (c is dominant(centres) or p["_centre"] is None)]
        span = _latest(spans)
        end = (span["end"] if span else None) or end_from_start(span, list(starts))
        leads = [p for p in partners if p["role"] == "lead" and p["_centre"] is c]
        # a named role (Federführung, Koordinator …) outranks one read from a verb or a grant
        lead = min(leads, key=lambda p: p["_implied"], default=None)
        rows.append({
            "centre": c.name, "city": c.city, "state": states.get(c.city) or c.first.attrs.get("state"),
            "funding_eur": money[0]["amount_eur"] if money else None,
            "start": span["start"] if span else None, "end": end,
            "lead_partner": lead["name"] if lead else None,
            "lead_acronym": lead["acronym"] if lead else None, "kind": c.kind, **_prov(c.first),
        })
    for table in (funding, periods, partners):
        for r in table:
            r.pop("_centre", None)
            r.pop("_each", None)
    for r in partners:
        r.pop("_key", None)
        r.pop("_implied", None)
    return rows


def most_precise(first: dict, sums: list[dict]) -> dict:
    """The first sum, or the exact figure it rounds ("rund 10,7 Millionen" … "10,74 Millionen")."""
    a = first["amount_eur"]
    close = [f for f in sums if f["amount_eur"] and abs(f["amount_eur"] - a) <= 0.05 * a]
    return max(close, key=lambda f: (_precision(f["amount_eur"]), -f["start_char"]), default=first)


def _precision(amount: int) -> int:
    """Significant digits of a sum: 10740000 -> 4, 10700000 -> 3."""
    return len(str(amount).rstrip("0"))


def _latest(spans: list[dict]) -> dict | None:
    """The span that ends last; within one year a month-precise end beats a bare year."""
    dated = [p for p in spans if p.get("end")]
    if not dated:
        return spans[0] if spans else None

    def key(p):
        return (p["end"][:4], bool(_MONTH_NAMED.search(p["text"] or "")), p["end"])

    return max(dated, key=key)


def _city_rows(cities: list[Mention]) -> list[dict]:
    rows: dict[str, dict] = {}
    for c in cities:
        row = rows.get(c.normalized)
        if row is None:
            rows[c.normalized] = {"city": c.normalized, "state": c.attrs.get("state"), "mentions": 1,
                                  **_prov(c)}
        else:
            row["mentions"] += 1
    return list(rows.values())


def _ministry_rows(ministries: list[Mention]) -> list[dict]:
    rows: dict[str, dict] = {}
    for m in ministries:
        row = rows.get(m.normalized)
        if row is None:
            a = m.attrs
            rows[m.normalized] = {"name": m.normalized, "acronym": a.get("acronym"), "level": a.get("level"),
                                  "state": a.get("state"), "mentions": 1, **_prov(m)}
        else:
            row["mentions"] += 1
    return list(rows.values())


def _person_rows(persons: list[Mention]) -> list[dict]:
    rows: dict[str, dict] = {}
    for p in persons:
        if p.attrs.get("credit"):
            continue
        row = rows.get(p.normalized)
        if row is None:
            rows[p.normalized] = {"name": p.normalized, "role": p.attrs.get("role"),
                                  "organisation": p.attrs.get("organisation"), **_prov(p)}
        else:
            row["role"] = row["role"] or p.attrs.get("role")
            row["organisation"] = row["organisation"] or p.attrs.get("organisation")
    return list(rows.values())
