"""Plain text for the terminal, shared by `extract show` and `extract explain`: control
characters made harmless and cells set in aligned columns."""
from __future__ import annotations

# Control characters would move the cursor or inject escape codes; \t and \n are kept.
_CONTROL = {c: "\ufffd" for c in [*range(0, 9), *range(11, 32), 127, *range(128, 160)]}
_CONTROL[13] = ""


def clean(text: str) -> str:
    return text.translate(_CONTROL)


def text_table(headers, rows, *, width: int = 40) -> str:
    """Left-aligned columns; cells cut at `width` chars, line breaks shown as ⏎."""
    def cell(v) -> str:
        s = clean("" if v is None else str(v)).replace("\n", "⏎").replace("\t", " ")
        return s if len(s) <= width else s[:width - 1] + "…"

    grid = [[cell(h) for h in headers]] + [[cell(v) for v in r] for r in rows]
    widths = [max(len(r[i]) for r in grid) for i in range(len(headers))]
    return "\n".join("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip()
                     for r in grid)
