"""`extract report OUT_DIR --html report.html`: the registry of a run as one offline page.

Funding by year and by Land as bar charts, the centres placed by their cities' coordinates,
the registry as sortable tables; every bar, point and row links to the documents it comes
from (their text copies in texts/ or their source files).
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

_CSS = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#f8fafc}
header{padding:18px 28px 12px;background:#fff;border-bottom:1px solid #e5e7eb}
h1{margin:0 0 4px;font-size:21px}
h2{font-size:15px;margin:0 0 10px}h2 small{font-weight:400;color:#6b7280;margin-left:8px}
.meta{color:#6b7280;font-size:13px;margin:0}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(600px,1fr));gap:18px;padding:18px 28px 0}
figure,section{background:#fff;border:1px solid #e5e7eb;border-radius:10px;padding:14px 18px;margin:0;min-width:0}
section{margin:18px 28px}
figcaption{font-weight:600;margin-bottom:8px}
svg text{font-size:12px;fill:#374151}svg .value{fill:#6b7280}
.chart rect{fill:#3b82f6}.chart a:hover rect{fill:#1d4ed8}
.map .frame{fill:#f1f5f9;stroke:#cbd5e1}.map .grid{stroke:#e2e8f0}.map .grid-label{fill:#94a3b8;font-size:10px}
.map circle{fill:#f97316;fill-opacity:.75;stroke:#9a3412}.map a:hover circle{fill:#c2410c}
.map .place{font-size:11px;paint-order:stroke;stroke:#f1f5f9;stroke-width:3px}
details{margin-top:6px;font-size:13px}summary{cursor:pointer;color:#2563eb}
.sources li:target,tr:target{background:#fef3c7}
.scroll{overflow:auto;max-height:640px}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th{position:sticky;top:0;background:#f3f4f6;text-align:left;padding:5px 7px;cursor:pointer;white-space:nowrap}
th.asc:after{content:" ▲"}th.desc:after{content:" ▼"}
td{border-top:1px solid #eef0f3;padding:4px 7px;vertical-align:top}
a{color:#1d4ed8;text-decoration:none}a:hover{text-decoration:underline}
a.doc{font-family:ui-monospace,monospace;font-size:11.5px;color:#6b21a8}
.note,.empty{color:#6b7280;font-size:12px}
"""

# Sort a table by the clicked column (numbers numerically, text in German order).
_JS = """
document.querySelectorAll("table.sortable th").forEach((th, col) => th.addEventListener("click", () => {
  const body = th.closest("table").tBodies[0], numeric = th.dataset.numeric === "1";
  const up = !th.classList.contains("asc");
  th.parentNode.querySelectorAll("th").forEach(h => h.classList.remove("asc", "desc"));
  th.classList.add(up ? "asc" : "desc");
  const key = r => r.cells[col].dataset.sort;
  const rows = [...body.rows].sort((a, b) => numeric ? (Number(key(a) || -1) - Number(key(b) || -1))
                                                     : key(a).localeCompare(key(b), "de"));
  if (!up) rows.reverse();
  rows.forEach(r => body.appendChild(r));
}));
// a link to a figure's sources opens the folded list that holds them
function reveal() {
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const folded = target && target.closest("details");
  if (folded) folded.open = true;
}
addEventListener("hashchange", reveal);
reveal();
"""


@dataclass
class ReportSummary:
    path: Path
    n_centres: int
    n_institutions: int
    n_documents: int


def write_report(*, out_dir: Path, html: Path, rules_dir=None) -> ReportSummary:
    """Write the report of the run in `out_dir` to `html`; raises outdir.OutDirError when
    `out_dir` holds no complete run with a registry."""
    from .data import read_out

    data = read_out(Path(out_dir))
    page = render(data, rules_dir=rules_dir)
    html = Path(html)
    html.parent.mkdir(parents=True, exist_ok=True)
    html.write_text(page, encoding="utf-8")
    return ReportSummary(html, len(data.rows["registry_centres"]), len(data.rows["registry_institutions"]),
                         len(data.rows["documents"]))


def render(data, *, rules_dir=None) -> str:
    """The page of one out folder's tables (data.OutTables)."""
    from functools import partial

    from .geo import coordinates
    from .page import CENTRE_COLUMNS, INSTITUTION_COLUMNS, LINK_COLUMNS, UNKNOWN, Page

    page = Page(data, partial(coordinates, rules_dir=str(rules_dir) if rules_dir else None))
    years = page.grouped(lambda c: (c["start"] or c["first_published"])[:4])
    lands = page.grouped(lambda c: c["state"])
    by_year = page.funding_figure("Funding of centres by year (funding start, else first release)", "year", years,
                                  lambda y: (y == UNKNOWN, y))
    by_land = page.funding_figure("Funding of centres by Land", "land", lands,
                                  lambda s: (s == UNKNOWN, -sum(float(c["funding_eur"]) for c in lands[s])))
    meta = data.manifest
    title = (f"Registry: {len(page.centres)} centres, {len(page.institutions)} institutions from "
             f"{len(data.rows['documents'])} documents")
    by_name = lambda r: (r["name"].casefold(), r["name"])  # noqa: E731
    tables = (page.table("Centres", sorted(page.centres, key=by_name), CENTRE_COLUMNS, "centre_id")
              + page.table("Institutions", sorted(page.institutions, key=by_name), INSTITUTION_COLUMNS,
                           "institution_id")
              + page.table("Links (one row per supporting mention)", data.rows["registry_links"], LINK_COLUMNS, None))
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width,initial-scale=1"><style>{_CSS}</style></head><body>'
            f'<header><h1>{escape(title)}</h1><p class="meta">out folder {escape(str(data.out_dir))} · run '
            f'{escape(str(meta.get("run_id", ""))[:12])} · extract {escape(str(meta.get("version", "")))} · '
            f'started {escape(str(meta.get("started", "")))}. Sums are each centre\'s largest own sum; '
            f'bars and points link to their sources, document ids to the texts.</p></header>'
            f'<div class="figures">{by_year}{by_land}{page.map_figure()}</div>{tables}'
            f'<script>{_JS}</script></body></html>')
