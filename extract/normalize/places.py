"""Pure helpers for place names: surface forms derived from a canonical name."""
from __future__ import annotations

ADJ_ENDINGS = ("e", "en", "er", "es", "em")


def capitalise(word: str) -> str:
    """'baden-württembergisch' -> 'Baden-Württembergisch' (each hyphen part)."""
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def adjective_forms(stem: str) -> list[str]:
    """Inflected forms of a state adjective, lower and capitalised.

    A stem ending in -isch/-sch takes the usual endings ('bayerisch' -> 'bayerische', ...);
    any other entry is an invariant form ('Thüringer') and stands as written.
    """
    if not stem.endswith("sch"):
        return [stem]
    forms = [stem + e for e in ("", *ADJ_ENDINGS)]
    return forms + [capitalise(f) for f in forms]


def genitive(name: str) -> str | None:
    """'Bremen' -> 'Bremens'; None where German writes no -s (names ending in s, ß, x, z)."""
    if not name or name[-1] in "sßxzSXZ" or not name[-1].isalpha():
        return None
    return name + "s"


def base_name(name: str) -> str:
    """The first word of a canonical name, the form the scorer also accepts ('Halle (Saale)' -> 'Halle')."""
    return name.split(" ")[0].split("/")[0]
