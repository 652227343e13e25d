"""Figures of the registry of an out folder: rows before and after merging, largest merges.

    .venv/bin/python scripts/registry_figures.py OUT_DIR [--top 20]

"Before" counts the per-document rows the registry reads (centres rows; partners rows, leads
of centres rows and ministries rows for institutions), "after" the registry rows. A merge is
a registry entity that more than one per-document row names, listed by that number of rows.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from extract.registry import Collector
from extract.registry import centres as C
from extract.registry import institutions as I
from extract.registry.keys import Keyer
from extract.registry.knowledge import knowledge


def read_rows(out: Path) -> dict[str, list[dict]]:
    """The rows the registry reads, from the tables of a run in any format (extract.read_tables)."""
    import pandas as pd

    from extract import read_tables

    collector = Collector()
    frames = read_tables(out, tables=list(collector.rows))
    collector.add_rows({table: [{c: None if pd.isna(v) else v for c, v in row.items()}
                                for row in frame.to_dict("records")] for table, frame in frames.items()})
    return collector.rows


def merges(groups, label) -> list[tuple[int, str]]:
    out = []
    for rows, names in groups:
        if len(rows) > 1:
            docs = len({r["doc_id"] for r in rows})
            out.append((len(rows), f"{label}: {len(rows)} rows, {docs} docs: " + " | ".join(sorted(names))))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    rows = read_rows(args.out)
    known = knowledge()
    keyer = Keyer(known.abbreviations, known.dropped)
    centres = C.merge_centres(rows["centres"], keyer)
    seen = I.sightings(rows, known)
    institutions = I.merge_institutions(seen, keyer)
    print(f"centres: {len(rows['centres'])} per-document rows -> {len(centres)} registry rows")
    print(f"institutions: {len(seen)} per-document rows ({len(rows['partners'])} partners, "
          f"{len(rows['ministries'])} ministries, {len(seen) - len(rows['partners']) - len(rows['ministries'])}"
          f" centre leads) -> {len(institutions)} registry rows")
    found = merges(((c.rows, {r["centre"] + " @" + r["city"] for r in c.rows}) for c in centres), "centre")
    found += merges(((i.sightings, {s["name"] + (" @" + s["city"] if s["city"] else "") for s in i.sightings})
                     for i in institutions), "institution")
    for _, line in sorted(found, key=lambda item: (-item[0], item[1]))[: args.top]:
        print(line)


if __name__ == "__main__":
    main()
