"""What the report reads from an out folder: the registry, the documents and the manifest."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..outdir import MANIFEST, OutDirError, check_complete
from ..tables import unneutralise

TABLES = ("documents", "registry_centres", "registry_institutions", "registry_links")


@dataclass
class OutTables:
    out_dir: Path
    manifest: dict
    rows: dict[str, list[dict[str, str]]]   # every cell as text, "" for none
    doc_links: dict[str, str]               # doc_id -> URI of its text (texts/ copy or source file)


def read_out(out_dir: Path) -> OutTables:
    """The report's tables from a complete run in `out_dir` (any of the three formats)."""
    out_dir = Path(out_dir)
    manifest_path = out_dir / MANIFEST
    if not manifest_path.is_file():
        raise OutDirError(f"{out_dir} holds no tables of extract run ({MANIFEST} not found)")
    check_complete(out_dir)
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    fmt = manifest.get("format", "csv")
    rows = {}
    for table in TABLES:
        path = out_dir / f"{table}.{fmt}"
        if not path.is_file():
            raise OutDirError(f"{path} not found: run extract run again to write the registry")
        rows[table] = _read(path, fmt)
    return OutTables(out_dir, manifest, rows, _doc_links(out_dir, manifest, rows["documents"]))


def _read(path: Path, fmt: str) -> list[dict[str, str]]:
    import pandas as pd

    if fmt == "csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    elif fmt == "parquet":
        frame = pd.read_parquet(path)
    else:
        frame = pd.read_json(path, lines=True, dtype=False) if path.stat().st_size else pd.DataFrame()
    return [{c: _text(v, fmt) for c, v in row.items()} for row in frame.to_dict("records")]


def _text(value, fmt: str) -> str:
    if value is None or (isinstance(value, float) and value != value):  # None, NaN
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    return unneutralise(text) if fmt == "csv" else text


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
