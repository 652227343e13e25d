"""Inline SVG figures: horizontal bar charts and a scatter of places by longitude and latitude.

Every bar and every point is a link (`href`) to the part of the page that lists the
documents it comes from.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    href: str
    title: str


@dataclass(frozen=True)
class Point:
    label: str
    lat: float
    lon: float
    size: int
    href: str
    title: str


def euros(value: float) -> str:
    """"4.6 Mio. €", "850 Tsd. €"."""
    if value >= 1e9:
        return f"{value / 1e9:.1f} Mrd. €"
    if value >= 1e6:
        return f"{value / 1e6:.1f} Mio. €"
    return f"{value / 1e3:.0f} Tsd. €"


def bar_chart(bars: list[Bar], *, width: int = 620, row: int = 26, label_width: int = 170) -> str:
    """Horizontal bars, longest = full width, each a link with a tooltip."""
    if not bars:
        return '<p class="empty">No sums tied to a centre.</p>'
    top = max(b.value for b in bars) or 1
    room = width - label_width - 90
    parts = [f'<svg class="chart" viewBox="0 0 {width} {row * len(bars) + 8}" width="{width}" role="img">']
    for i, bar in enumerate(bars):
        y = 4 + i * row
        length = max(2.0, room * bar.value / top)
        parts.append(
            f'<a href="{escape(bar.href)}"><title>{escape(bar.title)}</title>'
            f'<text x="{label_width - 8}" y="{y + row * 0.62:.1f}" text-anchor="end">{escape(bar.label)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 8}" rx="3"/>'
            f'<text class="value" x="{label_width + length + 6:.1f}" y="{y + row * 0.62:.1f}">'
            f'{escape(euros(bar.value))}</text></a>')
    parts.append("</svg>")
    return "".join(parts)


# Germany's extent, with a margin
_LAT = (47.0, 55.3)
_LON = (5.5, 15.5)


def scatter_map(points: list[Point], *, width: int = 560) -> str:
    """Points on a longitude/latitude grid of Germany (equirectangular, scaled by cos 51°)."""
    scale = width / ((_LON[1] - _LON[0]) * math.cos(math.radians(51)))
    height = int((_LAT[1] - _LAT[0]) * scale)

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon - _LON[0]) * scale * math.cos(math.radians(51)), (_LAT[1] - lat) * scale

    parts = [f'<svg class="map" viewBox="0 0 {width} {height}" width="{width}" role="img">',
             f'<rect class="frame" x="0" y="0" width="{width}" height="{height}"/>']
    for lat in range(48, 56):
        _, y = xy(lat, _LON[0])
        parts.append(f'<line class="grid" x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}"/>'
                     f'<text class="grid-label" x="4" y="{y - 3:.1f}">{lat}° N</text>')
    for lon in range(6, 16, 2):
        x, _ = xy(_LAT[0], lon)
        parts.append(f'<line class="grid" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}"/>'
                     f'<text class="grid-label" x="{x + 3:.1f}" y="{height - 4}">{lon}° E</text>')
    for point in sorted(points, key=lambda p: -p.size):
        x, y = xy(point.lat, point.lon)
        radius = 4 + 2.5 * math.sqrt(point.size - 1)
        parts.append(f'<a href="{escape(point.href)}"><title>{escape(point.title)}</title>'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}"/>'
                     f'<text class="place" x="{x + radius + 3:.1f}" y="{y + 4:.1f}">{escape(point.label)}</text></a>')
    parts.append("</svg>")
    return "".join(parts)
