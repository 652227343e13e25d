"""`extract show --html`: one self-contained page (inline CSS, no scripts, no external assets).

The text is on the left with displaCy-style highlights (nested mentions nest), the facts
tables on the right; the columns stack on narrow screens. Every piece of text is escaped.
"""
from __future__ import annotations

import json
from html import escape

from .model import LABELS, Mention
from .show import SUMMARY_COLUMNS, View, merge_ranges

COLOURS = {"CENTRE": "#fdba74", "CITY": "#86efac", "STATE": "#d9f99d", "MINISTRY": "#93c5fd",
           "ORG": "#c4b5fd", "MONEY": "#fde047", "DATE": "#f9a8d4", "PERIOD": "#fda4af",
           "PERSON": "#67e8f9"}

# Short headers keep the narrow facts column readable.
HEADERS = {"funding_eur": "funding", "lead_partner": "lead", "amount_eur": "amount",
           "duration_months": "months"}
_NOWRAP = {"start", "end", "acronym", "level", "role", "mentions", "scope"}

TABLE_TITLES = {"centres": "Centres", "partners": "Partners", "funding": "Funding",
                "periods": "Periods", "persons": "Persons", "ministries": "Ministries",
                "cities": "Cities"}

_CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
 color:#1f2937;background:#f8fafc}
header{padding:18px 28px 12px;background:#fff;border-bottom:1px solid #e5e7eb}
h1{margin:0 0 4px;font-size:21px;line-height:1.3}
h2{font-size:14px;text-transform:uppercase;letter-spacing:.06em;color:#6b7280;margin:0 0 10px}
h3{font-size:14px;margin:18px 0 6px}
.meta{color:#6b7280;font-size:13px;margin:0 0 10px}
.badges{display:flex;flex-wrap:wrap;gap:6px}
.badge{display:inline-flex;align-items:center;gap:6px;padding:2px 4px 2px 9px;border-radius:999px;
 font-size:12px;font-weight:600;letter-spacing:.03em}
.badge b{background:rgba(255,255,255,.75);border-radius:999px;padding:0 7px;font-weight:700}
.badge.zero{opacity:.4}
.badge.noise{background:#e5e7eb;color:#6b7280}
main{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:22px;padding:22px 28px;
 align-items:start}
@media (max-width:1000px){main{grid-template-columns:minmax(0,1fr)}}
@media (min-width:1001px){aside{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto}}
section,aside{background:#fff;border:1px solid #e5e7eb;border-radius:10px;padding:16px 20px;min-width:0}
.doc{white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.15;font-size:15px}
mark{border-radius:5px;padding:2px 3px;color:inherit;box-decoration-break:clone;
 -webkit-box-decoration-break:clone}
mark mark{padding:1px 2px;border:1px solid rgba(0,0,0,.18)}
mark .tag{font-size:9.5px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;
 vertical-align:middle;margin-left:4px;padding:0 3px;border-radius:3px;background:rgba(255,255,255,.6);
 color:#374151;line-height:1;user-select:none}
mark.in-noise{background:transparent!important;outline:1px dashed #9ca3af;color:#6b7280}
mark:target{outline:2px solid #111827;outline-offset:1px}
.noise{color:#9ca3af;background:repeating-linear-gradient(135deg,#f9fafb 0 6px,#f3f4f6 6px 12px)}
.aside-note{color:#6b7280;font-size:12px}
table{border-collapse:collapse;width:100%;font-size:12.5px;margin-bottom:6px}
th{text-align:left;font-weight:600;color:#4b5563;background:#f3f4f6;padding:4px 6px;
 border-bottom:1px solid #e5e7eb}
td{padding:4px 6px;border-bottom:1px solid #f1f5f9;vertical-align:top;overflow-wrap:break-word;hyphens:auto}
td.nowrap{white-space:nowrap}
.scroll{overflow-x:auto}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.empty{color:#9ca3af;font-style:italic}
td a{color:inherit;text-decoration:none;border-bottom:1px dotted #9ca3af}
ul.inner{font-size:13px;padding-left:18px;margin:6px 0 0}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:baseline}
"""


def _label_css() -> str:
    return "\n".join(f"mark.l-{label},.badge.l-{label},.swatch.l-{label}{{background:{colour}}}"
                     for label, colour in COLOURS.items())


def _tooltip(m: Mention) -> str:
    lines = [f"{m.label} · rule {m.rule}", f"offsets {m.start}–{m.end}"]
    if m.normalized:
        lines.append(f"normalized: {m.normalized}")
    if m.attrs:
        lines.append(json.dumps(m.attrs, ensure_ascii=False, sort_keys=True, default=str))
    if m.noise:
        lines.append("in boilerplate: no facts")
    return "\n".join(lines)


def _order(m: Mention) -> tuple:
    return (m.start, -m.end, LABELS.index(m.label) if m.label in LABELS else len(LABELS))


def _tree(mentions: list[Mention]) -> tuple[list[tuple], list[Mention]]:
    """Nodes (mention, children) for mentions that nest; crossing ones are returned apart."""
    roots: list[tuple] = []
    crossing: list[Mention] = []
    stack: list[tuple] = []
    for m in sorted(mentions, key=_order):
        while stack and stack[-1][0].end <= m.start:
            stack.pop()
        if stack and not stack[-1][0].contains(m):
            crossing.append(m)
            continue
        node = (m, [])
        (stack[-1][1] if stack else roots).append(node)
        stack.append(node)
    return roots, crossing


class _Painter:
    def __init__(self, text: str, noise: list[tuple[int, int]], anchors: dict[int, str]):
        self.text = text
        self.noise = noise
        self.anchors = anchors  # id(mention) -> element id

    def plain(self, a: int, b: int) -> str:
        """Escaped text of [a, b) with boilerplate parts greyed."""
        out, pos = [], a
        for s, e in self.noise:
            s, e = max(s, a), min(e, b)
            if s >= e:
                continue
            out.append(escape(self.text[pos:s]))
            out.append(f'<span class="noise">{escape(self.text[s:e])}</span>')
            pos = e
        out.append(escape(self.text[pos:b]))
        return "".join(out)

    def nodes(self, nodes: list[tuple], a: int, b: int) -> str:
        out, pos = [], a
        for m, children in nodes:
            out.append(self.plain(pos, m.start))
            cls = f"l-{m.label}" + (" in-noise" if m.noise else "")
            out.append(f'<mark class="{escape(cls)}" id="{self.anchors[id(m)]}" '
                       f'title="{escape(_tooltip(m))}">{self.nodes(children, m.start, m.end)}'
                       f'<span class="tag">{escape(m.label)}</span></mark>')
            pos = m.end
        out.append(self.plain(pos, b))
        return "".join(out)


def _badges(view: View) -> str:
    counts = {label: 0 for label in LABELS}
    for m in view.mentions:
        counts[m.label] = counts.get(m.label, 0) + 1
    out = [f'<span class="badge l-{escape(label)}{"" if n else " zero"}">{escape(label)} <b>{n}</b></span>'
           for label, n in counts.items()]
    out.append(f'<span class="badge noise">noise <b>{len(merge_ranges(view.noise))}</b></span>')
    return "".join(out)


def _cell(col: str, value) -> str:
    if value is None or value == "":
        return '<td class="empty">–</td>'
    if col in ("funding_eur", "amount_eur") and isinstance(value, int | float):
        return f'<td class="num">{escape(f"{value:,.0f}".replace(",", "."))} €</td>'
    if isinstance(value, int | float):
        return f'<td class="num">{escape(str(value))}</td>'
    cls = ' class="nowrap"' if col in _NOWRAP else ""
    return f"<td{cls}>{escape(str(value))}</td>"


def _fact_table(table: str, rows: list[dict], anchors: dict[tuple[int, int], str]) -> str:
    columns = SUMMARY_COLUMNS[table]
    head = "".join(f"<th>{escape(HEADERS.get(c, c))}</th>" for c in columns) + "<th>at</th>"
    body = []
    for r in rows:
        where = ""
        if isinstance(r.get("start_char"), int):
            span = f"{r['start_char']}–{r.get('end_char')}"
            target = anchors.get((r["start_char"], r.get("end_char")), "")
            where = f'<a href="#{escape(target)}">{escape(span)}</a>' if target else escape(span)
        title = escape(f"rule {r.get('rule') or '?'}")
        body.append(f'<tr title="{title}">' + "".join(_cell(c, r.get(c)) for c in columns)
                    + f'<td class="num">{where}</td></tr>')
    if not body:
        body.append(f'<tr><td class="empty" colspan="{len(columns) + 1}">none</td></tr>')
    return (f'<h3>{escape(TABLE_TITLES[table])} <span class="aside-note">({len(rows)})</span></h3>'
            f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")


def _inner_list(crossing: list[Mention]) -> str:
    if not crossing:
        return ""
    items = "".join(f'<li><span class="swatch l-{escape(m.label)}"></span>{escape(m.label)} '
                    f"“{escape(m.text)}” {m.start}–{m.end} <span class=\"aside-note\">"
                    f"{escape(m.rule)}</span></li>" for m in crossing)
    return f'<h3>Overlapping mentions not shown inline</h3><ul class="inner">{items}</ul>'


def render_html(view: View) -> str:
    """The page for one analysed document."""
    ordered = sorted(view.mentions, key=_order)
    ids = {id(m): f"m{i}" for i, m in enumerate(ordered)}
    roots, crossing = _tree(ordered)
    text = _Painter(view.text, merge_ranges(view.noise), ids).nodes(roots, 0, len(view.text))
    anchors: dict[tuple[int, int], str] = {}
    for m in ordered:  # a fact row links to the first mention at its offsets
        anchors.setdefault((m.start, m.end), ids[id(m)])
    tables = "".join(_fact_table(t, view.facts.get(t) or [], anchors) for t in SUMMARY_COLUMNS)
    title = view.title or view.doc_id or "document"
    meta = " · ".join(x for x in (view.doc_id, view.source,
                                  f"published {view.published}" if view.published else "",
                                  f"{len(view.text):,} chars".replace(",", "."),
                                  f"{len(view.mentions)} mentions") if x)
    return f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(title)}</title>
<style>{_CSS}{_label_css()}</style></head>
<body>
<header><h1>{escape(title)}</h1><p class="meta">{escape(meta)}</p>
<div class="badges">{_badges(view)}</div></header>
<main>
<section><h2>Text</h2><div class="doc">{text}</div>{_inner_list(crossing)}</section>
<aside><h2>Facts</h2>{tables}</aside>
</main>
</body></html>
"""
