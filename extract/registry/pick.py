"""Small deterministic choices over the rows of one cluster."""
from __future__ import annotations

from collections import Counter

SEP = "; "  # between the items of a list cell


def most_common(values, *, longest: bool = False) -> str:
    """The value given most often (empty ones ignored); ties go to the longer value when
    `longest`, then to the alphabetically first, so the choice never depends on row order."""
    counts = Counter(v for v in values if v not in ("", None))
    if not counts:
        return ""
    return min(counts, key=lambda v: (-counts[v], -len(str(v)) if longest else 0, str(v)))


def joined(values) -> str:
    """Distinct non-empty values, sorted, as one cell."""
    return SEP.join(sorted({str(v) for v in values if v not in ("", None)}))


def as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def span(row: dict) -> str:
    """"doc_id:start-end" of the mention a row rests on."""
    return f"{row['doc_id']}:{row.get('start_char', '')}-{row.get('end_char', '')}"
