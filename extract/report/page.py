"""The report page: figures, the sources of each figure, and the registry as sortable tables.

One self-contained file: inline CSS, inline SVG and a few lines of inline JavaScript (for
sorting); no external asset, so it works offline. Every piece of text is escaped.
"""
from __future__ import annotations

from collections import defaultdict
from html import escape

from .charts import Bar, Point, bar_chart, euros, scatter_map
from .data import OutTables

UNKNOWN = "unknown"

CENTRE_COLUMNS = (("name", "centre"), ("programme", "programme"), ("city", "city"), ("state", "Land"),
                  ("funding_eur", "funding €"), ("first_published", "first"), ("last_published", "last"),
                  ("start", "from"), ("end", "until"), ("lead", "lead"), ("n_partners", "partners"),
                  ("doc_ids", "documents"))
INSTITUTION_COLUMNS = (("name", "institution"), ("acronym", "acronym"), ("type", "type"), ("city", "city"),
                       ("leads", "leads"), ("partner_of", "partner of"), ("doc_ids", "documents"))
LINK_COLUMNS = (("centre_id", "centre"), ("institution_id", "institution"), ("role", "role"),
                ("doc_id", "document"), ("start_char", "start"), ("end_char", "end"), ("rule", "rule"))
_NUMERIC = {"funding_eur", "n_partners", "start_char", "end_char"}


def _ids(cell: str) -> list[str]:
    return [v for v in cell.split("; ") if v]


class Page:
    """The HTML of one out folder's report."""

    def __init__(self, data: OutTables, coordinates):
        self.data = data
        self.centres = data.rows["registry_centres"]
        self.institutions = data.rows["registry_institutions"]
        self.names = {r["centre_id"]: r["name"] for r in self.centres}
        self.names |= {r["institution_id"]: r["name"] for r in self.institutions}
        self.coordinates = coordinates

    def doc(self, doc_id: str) -> str:
        href = self.data.doc_links.get(doc_id)
        label = escape(doc_id)
        return f'<a class="doc" href="{escape(href)}">{label}</a>' if href else f'<span class="doc">{label}</span>'

    def entity(self, entity_id: str) -> str:
        return f'<a href="#{escape(entity_id)}">{escape(self.names.get(entity_id, entity_id))}</a>'

    def cell(self, column: str, row: dict) -> str:
        value = row.get(column, "")
        if column in ("doc_ids", "doc_id"):
            return " ".join(self.doc(d) for d in _ids(value))
        if column in ("leads", "partner_of", "centre_id", "institution_id"):
            return ", ".join(self.entity(i) for i in _ids(value))
        if column == "lead" and row.get("lead_id"):
            return self.entity(row["lead_id"])
        if column == "funding_eur" and value:
            return f'<span title="{escape(value)} €">{escape(euros(float(value)))}</span>'
        return escape(value)

    def table(self, title: str, rows: list[dict], columns, id_column: str | None) -> str:
        head = "".join(f'<th data-numeric="{int(c in _NUMERIC)}">{escape(label)}</th>' for c, label in columns)
        body = []
        for row in rows:
            attr = f' id="{escape(row[id_column])}"' if id_column else ""
            cells = "".join(f'<td data-sort="{escape(row.get(c, ""))}">{self.cell(c, row)}</td>'
                            for c, _ in columns)
            body.append(f"<tr{attr}>{cells}</tr>")
        return (f'<section><h2>{escape(title)} <small>{len(rows)} rows · click a header to sort</small></h2>'
                f'<div class="scroll"><table class="sortable"><thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(body)}</tbody></table></div></section>')

    def grouped(self, key) -> dict[str, list[dict]]:
        """Centres with a sum of their own, by `key(centre)`."""
        groups: dict[str, list[dict]] = defaultdict(list)
        for centre in self.centres:
            if centre["funding_eur"]:
                groups[key(centre) or UNKNOWN].append(centre)
        return groups

    def funding_figure(self, title: str, prefix: str, groups: dict[str, list[dict]], order) -> str:
        """A bar per group (sum of its centres' largest own sums) and, below, its sources."""
        labels = sorted(groups, key=order)
        bars, sources = [], []
        for label in labels:
            total = sum(float(c["funding_eur"]) for c in groups[label])
            anchor = f"{prefix}-{label}"
            bars.append(Bar(label, total, f"#{anchor}", f"{label}: {euros(total)} in {len(groups[label])} centres"))
            items = "".join(f'<li>{self.entity(c["centre_id"])} {escape(euros(float(c["funding_eur"])))} — '
                            f'{" ".join(self.doc(d) for d in _ids(c["doc_ids"]))}</li>' for c in groups[label])
            sources.append(f'<li id="{escape(anchor)}"><b>{escape(label)}</b><ul>{items}</ul></li>')
        return (f'<figure><figcaption>{escape(title)}</figcaption>{bar_chart(bars)}'
                f'<details><summary>Sources</summary><ul class="sources">{"".join(sources)}</ul></details></figure>')

    def map_figure(self) -> str:
        by_city: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for centre in self.centres:
            if centre["city"]:
                by_city[(centre["city"], centre["state"])].append(centre)
        points, sources, missing = [], [], []
        for (city, state), centres in sorted(by_city.items()):
            anchor = f"city-{city}"
            where = self.coordinates(city, state)
            if where is None:
                missing.append(city)
                continue
            names = ", ".join(c["name"] for c in centres)
            points.append(Point(f"{city} ({len(centres)})" if len(centres) > 1 else city, where[0], where[1],
                                len(centres), f"#{anchor}", f"{city}: {names}"))
            items = "".join(f'<li>{self.entity(c["centre_id"])} — {" ".join(self.doc(d) for d in _ids(c["doc_ids"]))}'
                            f'</li>' for c in centres)
            sources.append(f'<li id="{escape(anchor)}"><b>{escape(city)}</b><ul>{items}</ul></li>')
        note = f'<p class="note">No coordinates for: {escape(", ".join(missing))}</p>' if missing else ""
        return (f'<figure class="wide"><figcaption>Centres by city ({len(points)} places; labelled scatter by '
                f'longitude and latitude)</figcaption>{scatter_map(points)}{note}'
                f'<details><summary>Sources</summary><ul class="sources">{"".join(sources)}</ul></details></figure>')
