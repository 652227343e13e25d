"""Time spans: month arithmetic, spans from date points, lengths, and the span's kind."""
from __future__ import annotations

from functools import lru_cache

from .dates import DatePoint
from .numbers import parse_number


def month_index(ym: str) -> int:
    """'2021-01' -> a running month number."""
    return int(ym[:4]) * 12 + int(ym[5:7]) - 1


def from_index(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def add_months(ym: str, months: int) -> str:
    """add_months('2020-12', 1) -> '2021-01'."""
    return from_index(month_index(ym) + months)


def months_inclusive(start: str, end: str) -> int:
    """Months covered from the start month to the end month, both counted: 2018-01..2020-12 -> 36."""
    return month_index(end) - month_index(start) + 1


def span(start: str | None = None, end: str | None = None, duration: int | None = None) -> dict:
    """Attrs of a period; a missing bound is filled from the other one and the duration."""
    if start and end and duration is None:
        duration = months_inclusive(start, end)
    elif start and duration and not end:
        end = add_months(start, duration - 1)
    elif end and duration and not start:
        start = add_months(end, 1 - duration)
    return {"start": start, "end": end, "duration_months": duration}


def range_of(first: DatePoint, last: DatePoint) -> dict | None:
    """'von 2018 bis 2020' -> 2018-01..2020-12 (36); None when the span runs backwards."""
    start, end = first.first_month(), last.last_month()
    if month_index(end) < month_index(start):
        return None
    return span(start, end)


def until(point: DatePoint) -> dict:
    """'bis Ende Juli 2020' -> end 2020-07."""
    return span(end=point.last_month())


def since(point: DatePoint) -> dict:
    """'ab 1. Januar 2020' -> start 2020-01."""
    return span(start=point.first_month())


@lru_cache(maxsize=1024)  # pure; the same few numbers and units recur
def duration_months(number: str, unit: str) -> int | None:
    """('drei', 'Jahren') -> 36; ('30', 'Monate') -> 30; ('drei', 'jährige') -> 36."""
    value = parse_number(number.rstrip("-"))
    if value is None or value <= 0:
        return None
    months = value * 12 if unit.lower().startswith(("jahr", "jähr")) else value
    return int(months) if months == int(months) else None


def compact(attrs: dict) -> str:
    """'2018-01/2020-12', '2021-01/..', '../2020-07' or 'P36M'."""
    start, end, duration = attrs.get("start"), attrs.get("end"), attrs.get("duration_months")
    if start or end:
        return f"{start or '..'}/{end or '..'}"
    return f"P{duration}M" if duration else ""
