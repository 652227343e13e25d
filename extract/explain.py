"""`extract explain`: every mention and every fact row with the rule and offsets behind it."""
from __future__ import annotations

import json

from .model import Mention
from .tables import COLUMNS, FACT_TABLES
from .terminal import text_table

_PROVENANCE = ("rule", "start_char", "end_char")


def mention_record(m: Mention) -> dict:
    return {"label": m.label, "text": m.text, "start": m.start, "end": m.end, "rule": m.rule,
            "normalized": m.normalized, "noise": bool(m.noise), "attrs": m.attrs}


def fact_columns(table: str) -> tuple[str, ...]:
    """Provenance first, then the table's value columns."""
    return _PROVENANCE + tuple(c for c in COLUMNS[table] if c not in _PROVENANCE and c != "doc_id")


def explanation(view) -> dict:
    """Mentions in text order and fact rows per table, JSON-ready."""
    mentions = sorted(view.mentions, key=lambda m: (m.start, -m.end, m.label))
    facts = {t: [{c: r.get(c) for c in fact_columns(t)} for r in view.facts.get(t) or ()]
             for t in FACT_TABLES}
    return {"doc_id": view.doc_id, "source": view.source, "title": view.title,
            "published": view.published, "n_chars": len(view.text),
            "mentions": [mention_record(m) for m in mentions],
            "noise": [list(n) for n in sorted(view.noise)], "facts": facts}


def format_explanation(view, *, as_json: bool = False) -> str:
    data = explanation(view)
    if as_json:
        return json.dumps(data, ensure_ascii=False, indent=2, default=str)
    out = [f"{data['doc_id']}  published {data['published'] or '?'}  {data['n_chars']} chars  "
           f"{data['title']}".rstrip()]
    out.append(f"\nmentions ({len(data['mentions'])}):")
    headers = ("label", "start", "end", "text", "rule", "normalized", "noise")
    rows = [[m["label"], m["start"], m["end"], m["text"], m["rule"], m["normalized"],
             "noise" if m["noise"] else ""] for m in data["mentions"]]
    out.append(text_table(headers, rows, width=48) if rows else "  none")
    for table, facts in data["facts"].items():
        out.append(f"\n{table} ({len(facts)}):")
        if facts:
            cols = fact_columns(table)
            out.append(text_table(cols, [[r[c] for c in cols] for r in facts], width=32))
        else:
            out.append("  none")
    return "\n".join(out) + "\n"
