"""Lower-casing a text safely: for folded literal prechecks (where re's IGNORECASE must agree
with str.lower()) and for offsets (where the lowered text must keep every offset)."""
from __future__ import annotations

from .memo import LastText

# Letters that re's IGNORECASE folds differently from str.lower(): texts holding one of them
# get no precheck, so a skipped regex could never have matched.
FOLD_TRAPS = ("\u0130", "\u0131", "\u017f")


def _lower(text: str) -> str | None:
    if any(ch in text for ch in FOLD_TRAPS):
        return None
    return text.lower()


# text.lower() for folded prechecks, or None when the text has a letter str.lower() and re
# fold differently (then every gate stays open).
lower = LastText(_lower)


def lower_keeping_offsets(text: str) -> str | None:
    """text.lower(), or None when a rare letter changes length when lowered (the offsets of the
    lowered text would no longer be those of the text)."""
    low = text.lower()
    return low if len(low) == len(text) else None
