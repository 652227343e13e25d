"""A synthetic bench corpus built from the releases in corpus/, varied so nothing repeats.

Documents mix paragraphs and sentences of all source texts, swap city, state and month
names, vary every number (years, days, amounts) and range from ~1 to ~5 KB. The same
(n, seed) always gives the same files. Generated data lives in bench/data/ (gitignored).

Vocabulary grows as in real text. Five sources hold ~3,000 distinct words, so without
more variation 2,000 documents repeat them and spaCy's tokenizer serves nearly every word
from its cache: the baseline ran 3x faster per character than on real releases. So a
share of the ordinary words become new compounds ("Unternehmen" -> "Messeunternehmen"),
which is how German vocabulary grows. Words the rules read (anything in rules/ patterns,
lists and gazetteers) stay as they are, so the extraction work per document is unchanged.
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
_WORD = re.compile(r"\b[^\W\d_]{4,}\b")
_RULE_WORD = re.compile(r"[^\W\d_]{4,}")
# Share of ordinary words that become a compound. With 0.5 the bare tokenizer reads ~540 of
# these documents per second here, near the ~490/s measured on 2,000 real releases (0.0: 1,320/s).
# Real vocabulary still grows faster (type/token over the first 4,200 words: 20 real releases
# 0.45, the bench 0.29), so the baseline remains on the fast side.
COMPOUND_SHARE = 0.5


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


class Vocabulary:
    """Which words of the sources the rules read, and heads to compound the others with."""

    def __init__(self, source: Path = SOURCE, rules: Path = ROOT / "rules"):
        exact, stems = set(), set()
        for path in sorted(rules.rglob("*")):
            if path.is_file():
                words = {w.lower() for w in _RULE_WORD.findall(path.read_text(encoding="utf-8"))}
                exact |= words
                if "gazetteers" not in path.parts:  # place names are exact words, not stems
                    stems |= {w for w in words if len(w) >= 5}
        self._exact, self._stems = exact, tuple(sorted(stems))
        self._free: dict[str, bool] = {}
        words = {w for path in sorted(source.glob("*.txt")) for w in _WORD.findall(path.read_text("utf-8"))}
        self.heads = sorted(w for w in words if w[0].isupper() and self.free(w) and len(w) <= 10)

    def free(self, word: str) -> bool:
        """True when no rule reads this word, so it may change."""
        if word not in self._free:
            low = word.lower()
            self._free[word] = low not in self._exact and not any(s in low for s in self._stems)
        return self._free[word]

    def compound(self, text: str, rng: random.Random) -> str:
        def one(m: re.Match) -> str:
            word = m.group(0)
            if rng.random() >= COMPOUND_SHARE or not self.free(word):
                return word
            head = rng.choice(self.heads)
            return head + word.lower() if word[0].isupper() else head.lower() + word
        return _WORD.sub(one, text)


def vary(text: str, rng: random.Random, vocabulary: Vocabulary | None = None) -> str:
    """Swap names, renumber (keeping the shape of each number) and compound ordinary words."""
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

    text = _DIGITS.sub(number, _NAMES.sub(name, text))
    return vocabulary.compound(text, rng) if vocabulary else text


def make_document(rng: random.Random, pieces, vocabulary: Vocabulary) -> str:
    heads, paragraphs, sentences = pieces
    target = rng.randint(1000, 5000)
    parts = [vary(rng.choice(heads), rng, vocabulary)]
    size = len(parts[0])
    while size < target:
        if rng.random() < 0.6:
            part = rng.choice(paragraphs)
        else:  # a new paragraph of sentences from different releases
            part = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
        part = vary(part, rng, vocabulary)
        parts.append(part)
        size += len(part) + 2
    return "\n\n".join(parts) + "\n"


def build(out: Path, n: int, seed: int = 4) -> Path:
    """Write n documents into `out` (reused when the same n, seed and sources made it)."""
    stamp = f"{n} {seed} {COMPOUND_SHARE} {_source_hash()}"
    marker = out / ".stamp"
    if marker.is_file() and marker.read_text() == stamp:
        return out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    rng = random.Random(seed)
    pieces, vocabulary = source_pieces(), Vocabulary()
    for i in range(n):
        (out / f"bench_{i:06d}.txt").write_text(make_document(rng, pieces, vocabulary), encoding="utf-8")
    marker.write_text(stamp)
    return out


def _source_hash() -> str:
    h = hashlib.sha1()
    for path in [*sorted(SOURCE.glob("*.txt")), *sorted((ROOT / "rules").rglob("*.*"))]:
        h.update(path.read_bytes())
    return h.hexdigest()[:12]
