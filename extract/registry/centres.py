"""registry_centres: one row per real-world centre, merged across the corpus's documents."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .entries import centre_entry
from .keys import Keyer, stable_id
from .knowledge import Knowledge
from .merge import cluster
from .pick import SEP, as_int, joined, most_common, span


@dataclass
class Centre:
    """One merged centre: its rows in centres.csv and the facts tied to it."""
    rows: list[dict]
    key: str = ""
    id: str = ""
    funding: list[dict] = field(default_factory=list)
    periods: list[dict] = field(default_factory=list)


def merge_centres(rows: list[dict], keyer: Keyer) -> list[Centre]:
    """The centres rows of all documents grouped into real-world centres, each with its id."""
    entries = [centre_entry(r["centre"], r["city"], keyer) for r in rows]
    groups: dict[int, list[int]] = defaultdict(list)
    for i, number in enumerate(cluster(entries, continuations=False)):
        groups[number].append(i)
    centres = []
    for members in groups.values():
        centre = Centre([rows[i] for i in members])
        name = canonical_name(centre.rows)
        city = most_common(r["city"] for r in centre.rows)
        entry = centre_entry(name, city, keyer)
        centre.key = f"{' '.join(entry.core)}@{entry.city}"
        centre.id = stable_id("c_", centre.key)
        centres.append(centre)
    return sorted(centres, key=lambda c: c.id)


def canonical_name(rows: list[dict]) -> str:
    """The name most documents give (ties: the longer)."""
    return most_common(_per_document(rows, "centre"), longest=True)


def _per_document(rows: list[dict], column: str) -> list[str]:
    return [value for _, value in sorted({(r["doc_id"], r[column]) for r in rows})]


def index(centres: list[Centre]) -> dict[tuple[str, str], str]:
    """(doc_id, centre name as that document writes it) -> centre_id."""
    out: dict[tuple[str, str], str] = {}
    for centre in centres:
        for row in centre.rows:
            out.setdefault((row["doc_id"], row["centre"]), centre.id)
    return out


def attach_facts(centres: list[Centre], funding: list[dict], periods: list[dict]) -> None:
    """Give each centre the funding and period rows its documents tie to it."""
    by_id = {c.id: c for c in centres}
    where = index(centres)
    for row in funding:
        if (cid := where.get((row["doc_id"], row["centre"]))) is not None:
            by_id[cid].funding.append(row)
    for row in periods:
        if (cid := where.get((row["doc_id"], row["centre"]))) is not None:
            by_id[cid].periods.append(row)


def programme(centre: Centre, knowledge: Knowledge) -> str:
    """The programme most of its rows name (by name or kind), from registry_programmes.txt."""
    found = []
    for row in centre.rows:
        text = f"{row['centre']} | {row['kind']}"
        found.append(next((name for name, regex in knowledge.programmes if regex.search(text)), ""))
    return most_common(found)


def centre_row(centre: Centre, knowledge: Knowledge, published: dict[str, str],
               links: set[tuple[str, str, str]], names: dict[str, str]) -> dict:
    """The registry_centres row of one centre; `links` are its (institution_id, role, doc_id)
    triples, `names` the institutions' names by id."""
    rows = centre.rows
    docs = sorted({r["doc_id"] for r in rows})
    dates = sorted(d for d in (published.get(doc, "") for doc in docs) if d)
    sums = _sums(centre)
    starts = sorted({r["start"] for r in rows + centre.periods if r["start"]})
    ends = sorted({r["end"] for r in rows + centre.periods if r["end"]})
    lead_id = most_common(i for i, role, _ in sorted(links) if role == "lead")
    return {
        "centre_id": centre.id, "name": canonical_name(rows), "programme": programme(centre, knowledge),
        "city": most_common(r["city"] for r in rows), "state": most_common(r["state"] for r in rows),
        "kind": most_common(r["kind"] for r in rows),
        "first_published": dates[0] if dates else "", "last_published": dates[-1] if dates else "",
        "funding_eur": max((a for a, scope in sums if scope == "centre"), default=None),
        "sums": SEP.join(f"{a} {scope}" for a, scope in sums),
        "start": starts[0] if starts else "", "end": ends[-1] if ends else "",
        "periods": _periods(centre),
        "lead_id": lead_id, "lead": names.get(lead_id, ""),
        "n_partners": len({i for i, role, _ in links if role != "project_agency"}),
        "n_documents": len(docs), "doc_ids": SEP.join(docs),
        "names": joined(r["centre"] for r in rows), "evidence": joined(span(r) for r in rows),
    }


def _sums(centre: Centre) -> list[tuple[int, str]]:
    """Distinct (euros, scope) of the centre: its funding rows, and the sum on its centres rows."""
    found = {(as_int(r["amount_eur"]), r["scope"] or "centre") for r in centre.funding}
    found |= {(as_int(r["funding_eur"]), "centre") for r in centre.rows}
    return sorted((a, s) for a, s in found if a is not None)


def _periods(centre: Centre) -> str:
    """Distinct spans "start/end kind" of its periods rows, and those of its centres rows that
    share neither start nor end with one of them."""
    spans = {f"{p['start']}/{p['end']} {p['kind']}".strip() for p in centre.periods}
    starts = {p["start"] for p in centre.periods} - {""}
    ends = {p["end"] for p in centre.periods} - {""}
    spans |= {f"{r['start']}/{r['end']}" for r in centre.rows
              if (r["start"] or r["end"]) and r["start"] not in starts and r["end"] not in ends}
    return joined(spans)
