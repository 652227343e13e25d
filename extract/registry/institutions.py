"""registry_institutions: one row per institution, merged across the corpus's documents.

An institution is seen in partners rows (a lead, partner, associate or project agency of a
centre), as the lead of a centres row that no partners row names, and in ministries rows
(a ministry keeps one id through its renames: knowledge.ministry_lineages).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .collect import row_class
from .entries import institution_entry
from .keys import Keyer, stable_id, words
from .knowledge import Knowledge, ministry_period
from .merge import cluster
from .pick import joined, most_common, span

LEAD_FROM_CENTRE = "registry.centre_lead"  # rule of a link taken from centres.lead_partner


@dataclass
class Institution:
    sightings: list[dict]
    key: str = ""
    id: str = ""


# a row that names an institution; reads like a dict (s["name"]) at the memory of a tuple
Sighting = row_class("sighting", ("name", "acronym", "city", "doc_id", "centre", "role", "rule",
                                  "start_char", "end_char", "lineage", "since"), defaults=("", ""))


def sightings(rows: dict[str, list[dict]], knowledge: Knowledge) -> list[dict]:
    """Every row that names an institution, as {name, acronym, city, doc_id, centre, role,
    rule, start_char, end_char, lineage} (+ `since` of a ministry's name)."""
    published = {r["doc_id"]: r["published"] for r in rows["documents"]}
    out = [Sighting(r["name"], r["acronym"], r["city"], r["doc_id"], r["centre"], r["role"], r["rule"],
                    r["start_char"], r["end_char"]) for r in rows["partners"] if r["name"]]
    led = {(r["doc_id"], r["centre"]) for r in rows["partners"] if r["role"] == "lead"}
    for r in rows["centres"]:
        if r["lead_partner"] and (r["doc_id"], r["centre"]) not in led:
            out.append(Sighting(r["lead_partner"], r["lead_acronym"], "", r["doc_id"], r["centre"], "lead",
                                LEAD_FROM_CENTRE, r["start_char"], r["end_char"]))
    for r in rows["ministries"]:
        periods = knowledge.lineages.get(r["name"])
        lineage, since = (ministry_period(periods, published.get(r["doc_id"], "")) if periods
                          else (f"{r['level']}|{r['state']}|{r['name']}", ""))
        out.append(Sighting(r["name"], r["acronym"], "", r["doc_id"], "", "", r["rule"], r["start_char"],
                            r["end_char"], lineage, since))
    return out


def merge_institutions(seen: list[dict], keyer: Keyer) -> list[Institution]:
    """The sightings grouped into institutions, each with its id."""
    variants = sorted({(s["name"], s["acronym"], s["city"]) for s in seen if not s["lineage"]})
    entries = [institution_entry(*v, keyer) for v in variants]
    number_of = dict(zip(variants, cluster(entries), strict=True))
    groups: dict[str, list[dict]] = defaultdict(list)
    for s in seen:
        group = f"ministry {s['lineage']}" if s["lineage"] else number_of[(s["name"], s["acronym"], s["city"])]
        groups[group].append(s)
    institutions = []
    for group, members in groups.items():
        inst = Institution(members)
        if isinstance(group, str):
            inst.key = group
        else:
            city = most_common(s["city"] for s in members)
            entry = institution_entry(canonical_name(members, keyer), "", city, keyer)
            inst.key = f"{' '.join(entry.core)}@{entry.city}"
        inst.id = stable_id("i_", inst.key)
        institutions.append(inst)
    return sorted(institutions, key=lambda i: i.id)


def canonical_name(seen: list[dict], keyer: Keyer, published: dict[str, str] | None = None) -> str:
    """A ministry's latest name (the latest given, by the gazetteer; ties: the latest release);
    else the name most documents give that is more than an acronym."""
    if seen[0]["lineage"]:
        return latest(seen, published)["name"]
    full = [s for s in seen if not institution_entry(s["name"], s["acronym"], s["city"], keyer).bare] or seen
    docs: dict[str, set[str]] = defaultdict(set)
    for s in full:
        docs[s["name"]].add(s["doc_id"])
    # most documents; written out (no "TU"); the most words; then the shorter, uninflected form
    return min(docs, key=lambda n: (-len(docs[n]), keyer.expand(n) != n, -len(keyer.tokens(n)), len(n), n))


def latest(seen: list[dict], published: dict[str, str] | None) -> dict:
    """The sighting of a ministry under its latest name."""
    dated = published or {}
    return max(seen, key=lambda s: (s["since"], dated.get(s["doc_id"], ""), s["name"]))


def institution_type(names: list[str], knowledge: Knowledge, keyer: Keyer) -> str:
    """The type of the first of `names` that a line of registry_types.txt fits."""
    for name in names:
        tokens = words(keyer.expand(name))
        for kind, pattern in knowledge.types:
            if _fits(tokens, pattern):
                return kind
    return ""


def _fits(tokens: list[str], pattern: tuple[str, ...]) -> bool:
    n = len(pattern)
    if n == 1:  # most lines are one word: one pass, no slicing
        word = pattern[0]
        return any(t.endswith(word[1:]) for t in tokens) if word[0] == "*" else word in tokens
    for k in range(len(tokens) - n + 1):
        if all(t.endswith(w[1:]) if w[0] == "*" else t == w for t, w in zip(tokens[k:k + n], pattern, strict=True)):
            return True
    return False


def institution_row(inst: Institution, keyer: Keyer, knowledge: Knowledge, published: dict[str, str],
                    centre_of) -> dict:
    """The registry_institutions row; `centre_of(sighting)` gives the centre_id a sighting links to."""
    seen = inst.sightings
    name = canonical_name(seen, keyer, published)
    docs = sorted({s["doc_id"] for s in seen})
    roles = [(s["role"], centre_of(s)) for s in seen]
    names = sorted({s["name"] for s in seen})
    return {
        "institution_id": inst.id, "name": name,
        "acronym": (latest(seen, published)["acronym"] if seen[0]["lineage"]
                    else most_common(s["acronym"] for s in seen)),
        "city": most_common(s["city"] for s in seen),
        "type": "ministry" if seen[0]["lineage"] else institution_type([name, *names], knowledge, keyer),
        "leads": joined(c for role, c in roles if role == "lead"),
        "partner_of": joined(c for role, c in roles if role and role != "lead"),
        "n_documents": len(docs), "doc_ids": "; ".join(docs), "names": "; ".join(names),
        "evidence": joined(span(s) for s in seen),
    }
