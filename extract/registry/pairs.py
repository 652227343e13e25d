"""Precision and recall of the merger on labelled merge / no-merge pairs.

    python -m extract.registry.pairs tests/data/registry_pairs.tsv

A pair file is tab-separated: kind (institution or centre), same (1/0), then name, acronym and
city of each side; `#` lines are comments. Each pair is merged on its own (two names, no
corpus around them).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from .entries import centre_entry, institution_entry
from .keys import Keyer
from .knowledge import knowledge
from .merge import cluster


@dataclass
class PairScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def merged(kind: str, a: tuple[str, str, str], b: tuple[str, str, str], keyer: Keyer) -> bool:
    """Whether the merger makes the two names (name, acronym, city) one entity."""
    if kind == "centre":
        entries = [centre_entry(a[0], a[2], keyer), centre_entry(b[0], b[2], keyer)]
        numbers = cluster(entries, continuations=False)
    else:
        numbers = cluster([institution_entry(*a, keyer), institution_entry(*b, keyer)])
    return numbers[0] == numbers[1]


def score_pairs(path: Path, rules_dir=None) -> PairScore:
    known = knowledge(str(rules_dir) if rules_dir else None)
    keyer = Keyer(known.abbreviations, known.dropped)
    score = PairScore()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, same, *cells = line.split("\t")
        cells += [""] * (6 - len(cells))
        got = merged(kind, tuple(cells[:3]), tuple(cells[3:6]), keyer)
        want = same == "1"
        if got and want:
            score.tp += 1
        elif got:
            score.fp += 1
        elif want:
            score.fn += 1
        else:
            score.tn += 1
        if got != want:
            score.wrong.append(f"{'merged' if got else 'not merged'}: {cells[0]} ~ {cells[3]}")
    return score


def main(argv: list[str]) -> None:
    score = score_pairs(Path(argv[0]))
    print(f"{score.tp + score.fn} merge pairs, {score.fp + score.tn} no-merge pairs: "
          f"precision {score.precision:.3f}, recall {score.recall:.3f}")
    for line in score.wrong:
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
