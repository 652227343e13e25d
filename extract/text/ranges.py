"""Character ranges (start, end): merged when they overlap or touch, windows around hits, and
tests of a position or a span against many ranges by bisect."""
from __future__ import annotations

from bisect import bisect_right


def merged(ranges) -> list[tuple[int, int]]:
    """The (start, end) pairs (or tuples that open with them) sorted, those that overlap or
    touch joined into one."""
    out: list[list[int]] = []
    for s, e, *_ in sorted(ranges):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1][1] = e
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def windows(hits, before: int, after: int, size: int) -> list[tuple[int, int]]:
    """Merged ranges from `before` chars before to `after` chars after each (start, end) hit,
    within [0, size)."""
    return merged((max(0, s - before), min(size, e + after)) for s, e in hits)


class Ranges:
    """Ranges merged and sorted, for tests in O(log n): a text may hold thousands of names."""

    __slots__ = ("ends", "starts")

    def __init__(self, ranges):
        spans = merged(ranges)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def overlap(self, start: int, end: int) -> bool:
        """Does [start, end) overlap one of the ranges?"""
        i = bisect_right(self.starts, end - 1) - 1   # the last range opening before `end`
        return i >= 0 and self.ends[i] > start

    def contains(self, pos: int) -> bool:
        """Does one of the ranges hold `pos`?"""
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]
