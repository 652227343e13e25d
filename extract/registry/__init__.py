"""The corpus-wide registry: centres and institutions merged across documents, and their links.

`extract run` collects the per-document rows it writes (collect.Collector) and, after the
last document, writes three more tables into the same out folder in the same format:
registry_centres, registry_institutions and registry_links (columns: tables.REGISTRY_COLUMNS).
Ids derive from each entity's canonical key (keys.stable_id), never from row order, and rows
are sorted by id, so the tables do not depend on the engine or on the order of documents.
Pure Python: no spaCy.
"""
from __future__ import annotations

from .collect import Collector
from .knowledge import Knowledge, knowledge

__all__ = ["Collector", "build_registry"]


def build_registry(rows: dict[str, list[dict]], *, rules_dir=None,
                   known: Knowledge | None = None) -> dict[str, list[dict]]:
    """The registry tables from the rows of every document (Collector.rows)."""
    from . import centres, institutions
    from .keys import Keyer

    known = known or knowledge(str(rules_dir) if rules_dir else None)
    keyer = Keyer(known.abbreviations, known.dropped)
    published = {r["doc_id"]: r["published"] for r in rows["documents"]}
    merged_centres = centres.merge_centres(rows["centres"], keyer)
    centres.attach_facts(merged_centres, rows["funding"], rows["periods"])
    where = centres.index(merged_centres)
    merged_institutions = institutions.merge_institutions(institutions.sightings(rows, known), keyer)

    def centre_of(sighting: dict) -> str:
        return where.get((sighting["doc_id"], sighting["centre"]), "") if sighting["centre"] else ""

    links = _links(merged_institutions, centre_of)
    inst_rows = [institutions.institution_row(i, keyer, known, published, centre_of) for i in merged_institutions]
    names = {r["institution_id"]: r["name"] for r in inst_rows}
    by_centre: dict[str, set] = {}
    for link in links:
        by_centre.setdefault(link["centre_id"], set()).add((link["institution_id"], link["role"], link["doc_id"]))
    centre_rows = [centres.centre_row(c, known, published, by_centre.get(c.id, set()), names)
                   for c in merged_centres]
    return {"registry_centres": centre_rows, "registry_institutions": inst_rows, "registry_links": links}


def _links(institutions, centre_of) -> list[dict]:
    """One row per mention that ties an institution to a centre in a role."""
    out = []
    for inst in institutions:
        for s in inst.sightings:
            centre_id = centre_of(s)
            if centre_id and s["role"]:
                out.append({"centre_id": centre_id, "institution_id": inst.id, "role": s["role"],
                            "doc_id": s["doc_id"], "start_char": s["start_char"], "end_char": s["end_char"],
                            "rule": s["rule"]})
    return sorted(out, key=lambda r: (r["centre_id"], r["institution_id"], r["role"], r["doc_id"],
                                      _number(r["start_char"]), r["rule"]))


def _number(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1
