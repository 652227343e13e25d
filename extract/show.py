"""`extract show`: one document's text with its mentions coloured, then its facts in brief.

Renderers work on a plain `View` (text, mentions, noise, facts) so they run without spaCy.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from .model import LABELS, Mention
from .terminal import clean, text_table
from .text.ranges import merged

# Black text on a 256-colour background per label; readable on dark and light terminals.
ANSI_BG = {"CENTRE": 214, "CITY": 120, "STATE": 149, "MINISTRY": 117, "ORG": 183,
           "MONEY": 228, "DATE": 218, "PERIOD": 210, "PERSON": 87}
_DEFAULT_BG = 252
RESET = "\x1b[0m"
DIM = "\x1b[2m"

# Facts shown in the terminal summary: table -> columns (the HTML page uses the same).
SUMMARY_COLUMNS: dict[str, tuple[str, ...]] = {
    "centres": ("centre", "city", "state", "funding_eur", "start", "end", "lead_partner"),
    "partners": ("name", "acronym", "role", "city", "topic"),
    "funding": ("centre", "amount_eur", "text", "scope"),
    "periods": ("centre", "start", "end", "duration_months", "kind", "text"),
    "persons": ("name", "role", "organisation"),
    "ministries": ("name", "acronym", "level", "state"),
    "cities": ("city", "state", "mentions"),
}

@dataclass
class View:
    """What the renderers need of one analysed document."""
    text: str
    mentions: list[Mention] = field(default_factory=list)
    noise: list[tuple] = field(default_factory=list)
    facts: dict[str, list[dict]] = field(default_factory=dict)
    doc_id: str = ""
    source: str = ""
    title: str = ""
    published: str = ""


def analyse_file(path: Path, *, published: str | None = None, model: str | None = None,
                 rules_dir: Path | None = None) -> View:
    """Read `path` like `extract run` does and run the pipeline over it."""
    from .io import read_document
    from .pipeline import analyse_long, build_nlp

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"file not found: {path}")
    document = read_document(path, root=path.parent)
    if document.status != "ok" or document.text is None:
        raise ValueError(f"{path}: {document.error or document.status}")
    nlp = build_nlp(model=model, rules_dir=rules_dir, export_spans=False, notice=False)
    doc = analyse_long(nlp, document.text, doc_id=document.doc_id, published=published)
    return View(text=document.text, mentions=list(doc._.mentions or ()), noise=list(doc._.noise or ()),
                facts=dict(doc._.facts or {}), doc_id=document.doc_id, source=document.source,
                title=(doc._.title or document.title or ""), published=doc._.published or "")


def want_colour(stream) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _order(m: Mention) -> tuple:
    return (m.start, -m.end, LABELS.index(m.label) if m.label in LABELS else len(LABELS))


def split_nested(mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """(outer, inner): outer mentions do not overlap; inner ones lie in or cross an outer one."""
    outer: list[Mention] = []
    inner: list[Mention] = []
    for m in sorted(mentions, key=_order):
        if outer and m.start < outer[-1].end:
            inner.append(m)
        else:
            outer.append(m)
    return outer, inner


def merge_ranges(noise) -> list[tuple[int, int]]:
    """The noise ranges to show: merged, the empty ones left out."""
    return [(s, e) for s, e in merged(noise) if e > s]


def _in(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in ranges)


def _ansi(label: str, *, noise: bool) -> str:
    colour = ANSI_BG.get(label, _DEFAULT_BG)
    # A mention inside boilerplate keeps its hue as text colour, dimmed: it yields no facts.
    return f"\x1b[2;38;5;{colour}m" if noise else f"\x1b[30;48;5;{colour}m"


def _paint(text: str, style: str) -> str:
    """Style each line on its own so a background never runs on past a line break."""
    return "\n".join(f"{style}{part}{RESET}" if part else part for part in text.split("\n"))


def render_text(view: View, *, colour: bool) -> str:
    """The text with outer mentions coloured (or marked [text]{LABEL} without colour)."""
    text = view.text
    outer, _ = split_nested(view.mentions)
    noise = merge_ranges(view.noise)
    if not colour:
        out, pos = [], 0
        for m in outer:
            out += [clean(text[pos:m.start]), "[", clean(text[m.start:m.end]), "]{", m.label, "}"]
            pos = m.end
        out.append(clean(text[pos:]))
        return "".join(out)
    cuts = {0, len(text)}
    for m in outer:
        cuts.update((m.start, m.end))
    for s, e in noise:
        cuts.update((min(s, len(text)), min(e, len(text))))
    points = sorted(cuts)
    out, i = [], 0
    for a, b in pairwise(points):
        while i < len(outer) and outer[i].end <= a:
            i += 1
        m = outer[i] if i < len(outer) and outer[i].start <= a else None
        piece = clean(text[a:b])
        in_noise = _in(noise, a)
        if m is not None:
            out.append(_paint(piece, _ansi(m.label, noise=m.noise or in_noise)))
        elif in_noise:
            out.append(_paint(piece, DIM))
        else:
            out.append(piece)
    return "".join(out)


def legend(view: View, *, colour: bool) -> str:
    counts = {label: 0 for label in LABELS}
    for m in view.mentions:
        counts[m.label] = counts.get(m.label, 0) + 1
    parts = []
    for label, n in counts.items():
        name = f"{label} {n}"
        parts.append(_paint(f" {name} ", _ansi(label, noise=False)) if colour else name)
    noise = f"noise {len(merge_ranges(view.noise))}"
    parts.append(_paint(noise, DIM) if colour else noise)
    return "  ".join(parts) if colour else ", ".join(parts)


def _short(value, width: int = 60) -> str:
    s = clean("" if value is None else str(value)).replace("\n", " ⏎ ")
    return s if len(s) <= width else s[:width - 1] + "…"


def render_inner(view: View) -> str:
    """Mentions nested in (or crossing) a coloured one, which the text cannot show."""
    _, inner = split_nested(view.mentions)
    lines = [f"  {m.label:<9} {m.start}–{m.end}  {_short(m.text)!s}  ({m.rule})" for m in inner]
    return "\n".join(["inner mentions:", *lines]) if lines else ""


def render_noise(view: View) -> str:
    lines = [f"  {n[0]}–{n[1]}  {n[2] if len(n) > 2 else ''}  {_short(view.text[n[0]:n[1]], 50)}"
             for n in sorted(view.noise)]
    return "\n".join(["noise ranges:", *lines]) if lines else ""


def facts_summary(facts: dict[str, list[dict]]) -> str:

    blocks = []
    for table, columns in SUMMARY_COLUMNS.items():
        rows = facts.get(table) or []
        if not rows:
            blocks.append(f"{table}: none")
            continue
        body = text_table(columns, [[r.get(c) for c in columns] for r in rows], width=40)
        blocks.append(f"{table} ({len(rows)}):\n" + _indent(body))
    return "\n".join(blocks)


def _indent(block: str) -> str:
    return "\n".join("  " + line for line in block.splitlines())


def render(view: View, *, colour: bool) -> str:
    """The whole terminal page: header, legend, text, inner mentions, noise, facts."""
    head = f"{view.title or view.doc_id}"
    meta = " · ".join(x for x in (view.doc_id, view.source, view.published and
                                  f"published {view.published}", f"{len(view.text)} chars") if x)
    rule = "─" * 72
    parts = [clean(head), clean(meta), legend(view, colour=colour), rule,
             render_text(view, colour=colour), rule]
    for extra in (render_inner(view), render_noise(view)):
        if extra:
            parts.append(extra)
    parts += ["facts:", _indent(facts_summary(view.facts))]
    return "\n".join(parts) + "\n"
