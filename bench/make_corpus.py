"""A synthetic bench corpus built from the releases in corpus/, varied so nothing repeats.

Documents mix paragraphs and sentences of all source texts, swap city, state and month
names, vary every number (years, days, amounts) and range from ~1 to ~5 KB. The same
(n, seed) always gives the same files. Generated data lives in bench/data/ (gitignored).
"""
from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "corpus"

CITIES = (
    "Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf",
    "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg", "Duisburg",
    "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster", "Mannheim", "Karlsruhe", "Augsburg",
    "Wiesbaden", "Aachen", "Kiel", "Chemnitz", "Halle", "Magdeburg", "Freiburg", "Krefeld",
    "Mainz", "Lübeck", "Erfurt", "Rostock", "Kassel", "Saarbrücken", "Potsdam", "Oldenburg",
    "Osnabrück", "Heidelberg", "Darmstadt", "Paderborn", "Regensburg", "Würzburg", "Ingolstadt",
    "Ulm", "Wolfsburg", "Göttingen", "Koblenz", "Jena", "Trier", "Cottbus", "Siegen", "Kaiserslautern",
    "Ilmenau", "Lemgo", "Stralsund", "Schwerin", "Weimar", "Dessau", "Zwickau", "Passau",
)
STATES = (
    "Baden-Württemberg", "Bayern", "Brandenburg", "Hessen", "Mecklenburg-Vorpommern",
    "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz", "Saarland", "Sachsen",
    "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen",
)
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")

_NAMES = re.compile(r"\b(" + "|".join(sorted(map(re.escape, CITIES + STATES + MONTHS),
                                              key=len, reverse=True)) + r")\b")
# "4.0" is part of names (Mittelstand 4.0, Industrie 4.0) and stays.
_DIGITS = re.compile(r"(?<![\d.])(?!4\.0\b)\d+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")


def source_pieces(source: Path = SOURCE) -> tuple[list[str], list[str], list[str]]:
    """(first lines, paragraphs, sentences) of every source text."""
    heads, paragraphs, sentences = [], [], []
    for path in sorted(source.glob("*.txt")):
        paras = [p.strip() for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if p.strip()]
        heads.extend(p for p in paras[:6] if 20 < len(p) < 200)
        paragraphs.extend(p for p in paras if len(p) >= 40)
        for p in paras:
            sentences.extend(s for s in _SENTENCE_END.split(p) if len(s) > 30)
    return heads, paragraphs, sentences


def vary(text: str, rng: random.Random) -> str:
    """Swap names and renumber, keeping the shape of each number."""
    def name(m: re.Match) -> str:
        word = m.group(0)
        pool = MONTHS if word in MONTHS else STATES if word in STATES else CITIES
        return rng.choice(pool)

    def number(m: re.Match) -> str:
        digits = m.group(0)
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return str(rng.randint(2012, 2027))
        if len(digits) <= 2:
            return str(rng.randint(1, 28)).zfill(len(digits))
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    return _DIGITS.sub(number, _NAMES.sub(name, text))


def make_document(rng: random.Random, pieces) -> str:
    heads, paragraphs, sentences = pieces
    target = rng.randint(1000, 5000)
    parts = [vary(rng.choice(heads), rng)]
    size = len(parts[0])
    while size < target:
        if rng.random() < 0.6:
            part = rng.choice(paragraphs)
        else:  # a new paragraph of sentences from different releases
            part = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
        part = vary(part, rng)
        parts.append(part)
        size += len(part) + 2
    return "\n\n".join(parts) + "\n"


def build(out: Path, n: int, seed: int = 4) -> Path:
    """Write n documents into `out` (reused when the same n, seed and sources made it)."""
    stamp = f"{n} {seed} {_source_hash()}"
    marker = out / ".stamp"
    if marker.is_file() and marker.read_text() == stamp:
        return out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    rng = random.Random(seed)
    pieces = source_pieces()
    for i in range(n):
        (out / f"bench_{i:06d}.txt").write_text(make_document(rng, pieces), encoding="utf-8")
    marker.write_text(stamp)
    return out


def _source_hash() -> str:
    h = hashlib.sha1()
    for path in sorted(SOURCE.glob("*.txt")):
        h.update(path.read_bytes())
    return h.hexdigest()[:12]
