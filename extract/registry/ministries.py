"""The lines of ministries through their renames, from rules/gazetteers/ministries.csv.

A name period is followed by the period of the same level and Land that starts right after it
ends (within a year) and shares most of its departments: BMWi -> BMWK -> BMWE; BMVI -> BMDV ->
BMV (not BMDS, which took only "digital"); BMBF -> BMFTR (not BMBFSFJ). A tie joins nothing.
The same name of the same level and Land is always one line.
"""
from __future__ import annotations

from dataclasses import dataclass

from .merge import Union


@dataclass(frozen=True)
class Period:
    id: str
    name: str
    place: tuple[str, str]          # (level, Land)
    departments: tuple[str, ...]
    since: str
    until: str


def _periods(rows) -> list[Period]:
    return [Period(row.id, row.values["name"], (row.values["level"], row.values.get("state") or ""),
                   tuple((row.values.get("departments") or "").split()), row.values.get("valid_from") or "",
                   row.values.get("valid_to") or "") for row in rows]


def _successor(period: Period, periods: list[Period]) -> int | None:
    """The index of the period that continues `period`, if exactly one fits best."""
    if not period.until:
        return None
    scored = []
    for i, other in enumerate(periods):
        if other.place != period.place or not other.since or other.since <= period.until:
            continue
        if int(other.since[:4]) - int(period.until[:4]) > 1:
            continue
        shared = len(set(period.departments) & set(other.departments))
        if shared:
            same_main = other.departments[:1] == period.departments[:1]
            scored.append(((shared, same_main), i))
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]


def ministry_lines(rows) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """name -> its (line, valid_from, valid_to) periods, earliest first; a line is named by the
    gazetteer id of its earliest period."""
    periods = _periods(rows)
    union = Union(len(periods))
    first_of_name: dict[tuple, int] = {}
    for i, period in enumerate(periods):
        union.join(first_of_name.setdefault((period.name, period.place), i), i)
        if (j := _successor(period, periods)) is not None:
            union.join(i, j)
    members: dict[int, list[int]] = {}
    for i in range(len(periods)):
        members.setdefault(union.find(i), []).append(i)
    line_of = {}
    for group in members.values():
        earliest = min(group, key=lambda i: (periods[i].since, periods[i].id))
        for i in group:
            line_of[i] = periods[earliest].id
    out: dict[str, list[tuple[str, str, str]]] = {}
    for i, period in enumerate(periods):
        out.setdefault(period.name, []).append((line_of[i], period.since, period.until))
    return {name: tuple(sorted(found, key=lambda p: p[1])) for name, found in out.items()}
