"""What the report reads from an out folder: the registry, the documents and the manifest."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..outdir import MANIFEST, OutDirError

TABLES = ("documents", "registry_centres", "registry_institutions", "registry_links")


@dataclass
class OutTables:
    out_dir: Path
    manifest: dict
    rows: dict[str, list[dict[str, str]]]   # every cell as text, "" for none
    doc_links: dict[str, str]               # doc_id -> URI of its text (texts/ copy or source file)


def read_out(out_dir: Path) -> OutTables:
    """The report's tables from a complete run in `out_dir` (any of the three formats)."""
    from ..loader import read_tables

    out_dir = Path(out_dir)
    manifest_path = out_dir / MANIFEST
    if not manifest_path.is_file():
        raise OutDirError(f"{out_dir} holds no tables of extract run ({MANIFEST} not found)")
    frames = read_tables(out_dir, tables=TABLES)  # checks that the run is complete
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for table in TABLES:
        if table not in frames:
            raise OutDirError(f"{out_dir} holds no {table} table: run extract run again to write the registry")
    rows = {table: _text_rows(frames[table]) for table in TABLES}
    return OutTables(out_dir, manifest, rows, _doc_links(out_dir, manifest, rows["documents"]))


def _text_rows(frame) -> list[dict[str, str]]:
    """The typed frame (extract.read_tables) as the page shows it: every cell as text, "" for none."""
    import pandas as pd

    return [{c: "" if pd.isna(v) else str(v) for c, v in row.items()} for row in frame.to_dict("records")]


def _doc_links(out_dir: Path, manifest: dict, documents: list[dict]) -> dict[str, str]:
    """Where each document can be read: its text copy in the out folder, else its source file."""
    corpus = Path(manifest.get("corpus") or ".")
    links = {}
    for doc in documents:
        if doc.get("text_file"):
            links[doc["doc_id"]] = (out_dir / doc["text_file"]).resolve().as_uri()
        elif doc.get("source"):
            source = corpus / doc["source"] if corpus.is_dir() else corpus
            links[doc["doc_id"]] = source.resolve().as_uri()
    return links
