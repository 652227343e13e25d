"""Load and validate the rule files in rules/.

Every problem is reported as `FILE:LINE: message`; ids are written in the files and
must be unique across all of them.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from .model import AUX_LABELS, LABELS
from .reads import gazetteer_columns

_PACKAGE = Path(__file__).resolve().parent
# An installed wheel carries rules/ inside the package (pyproject: extract._rules = "rules"); a
# checkout (and its editable install) reads the folder beside the package, where it is edited.
DEFAULT_RULES_DIR = _PACKAGE / "_rules" if (_PACKAGE / "_rules").is_dir() else _PACKAGE.parent / "rules"

PATTERN_KEYS = {
    "id": "stable rule id",
    "label": "entity label (or TRIGGER / NOISE)",
    "pattern": "a Python regular expression",
    "tokens": "a spaCy token pattern (list of dicts)",
    "flags": "regex flags: i, m, s",
    "group": "the capture group (number or name) that is the span",
    "kind": "a sub-type the component reads (e.g. period kind, trigger role)",
    "value": "a value the component reads (e.g. a multiplier, a canonical name)",
    "anchor": "a regex that every match lies within 60 chars of: the rule is tried only there "
              "(temporal rules, whose digits give the scanner no literal to find)",
    "description": "what the rule catches, for people",
}
PATTERN_REQUIRED = ("id", "label")


class RuleError(ValueError):
    """One or more problems in rule files, each `FILE:LINE: message`."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True, slots=True)
class PatternRule:
    id: str
    label: str
    pattern: str | None = None
    tokens: tuple | None = None
    flags: str = ""
    group: int | str = 0
    kind: str | None = None
    value: object = None
    anchor: str | None = None
    description: str = ""
    source: str = ""
    keys: tuple[str, ...] = ()  # the keys the line gives, checked against what components read

    def compile(self) -> re.Pattern:
        return _compile(self.pattern, self.flags)


@cache
def _compile(pattern: str, flags: str) -> re.Pattern:
    value = 0
    for f in flags:
        value |= {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL}[f]
    return re.compile(pattern, value)


@dataclass(slots=True)
class GazetteerRow:
    id: str
    values: dict
    source: str


@dataclass
class RuleSet:
    root: Path
    patterns: list[PatternRule] = field(default_factory=list)
    gazetteers: dict[str, list[GazetteerRow]] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    list_sources: dict[str, list[str]] = field(default_factory=dict)  # FILE:LINE of each entry

    def patterns_for(self, *labels: str, file: str | None = None) -> list[PatternRule]:
        """Pattern rules with one of `labels` (all when none given), optionally from one file stem."""
        return [r for r in self.patterns
                if (not labels or r.label in labels)
                and (file is None or Path(r.source.split(":")[0]).stem == file)]

    def gazetteer(self, name: str) -> list[GazetteerRow]:
        return self.gazetteers.get(name, [])

    def word_list(self, name: str) -> list[str]:
        return self.lists.get(name, [])


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _check_pattern(obj, where: str, problems: list[str]) -> PatternRule | None:
    if not isinstance(obj, dict):
        problems.append(f"{where}: a rule must be a JSON object")
        return None
    unknown = sorted(set(obj) - set(PATTERN_KEYS))
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(PATTERN_KEYS)}")
    for key in PATTERN_REQUIRED:
        if not isinstance(obj.get(key), str) or not obj.get(key):
            problems.append(f"{where}: missing or empty '{key}'")
    label = obj.get("label")
    if isinstance(label, str) and label and label not in LABELS + AUX_LABELS:
        problems.append(f"{where}: unknown label '{label}'; allowed: {', '.join(LABELS + AUX_LABELS)}")
    has_pattern, has_tokens = "pattern" in obj, "tokens" in obj
    if has_pattern == has_tokens:
        problems.append(f"{where}: give exactly one of 'pattern' or 'tokens'")
    flags = obj.get("flags", "")
    if not isinstance(flags, str) or set(flags) - set("ims"):
        problems.append(f"{where}: flags must be a string of i, m, s")
        flags = ""
    if has_pattern:
        try:
            compiled = _compile(obj["pattern"], flags)
        except (re.error, TypeError) as exc:
            problems.append(f"{where}: bad regular expression: {exc}")
        else:
            group = obj.get("group", 0)
            if (isinstance(group, int) and group > compiled.groups) or (
                    isinstance(group, str) and group not in compiled.groupindex):
                problems.append(f"{where}: group {group!r} is not in the pattern")
    if has_tokens:
        toks = obj["tokens"]
        if not (isinstance(toks, list) and toks and all(isinstance(t, dict) for t in toks)):
            problems.append(f"{where}: 'tokens' must be a non-empty list of token objects")
        else:
            from spacy.matcher import Matcher  # only when token rules exist
            from spacy.vocab import Vocab
            try:
                Matcher(Vocab(), validate=True).add("x", [toks])
            except Exception as exc:  # spaCy raises several types for bad patterns
                problems.append(f"{where}: bad token pattern: {str(exc).splitlines()[0]}")
    if any(p.startswith(where + ":") for p in problems):
        return None
    return PatternRule(
        id=obj["id"], label=obj["label"], pattern=obj.get("pattern"),
        tokens=tuple(obj["tokens"]) if has_tokens else None, flags=flags,
        group=obj.get("group", 0), kind=obj.get("kind"), value=obj.get("value"),
        anchor=obj.get("anchor"), description=obj.get("description", ""), source=where, keys=tuple(obj))


def _load_patterns(path: Path, root: Path, problems: list[str]) -> list[PatternRule]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{_rel(path, root)}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: invalid JSON: {exc.msg}")
            continue
        rule = _check_pattern(obj, where, problems)
        if rule:
            out.append(rule)
    return out


def _load_gazetteer(path: Path, root: Path, problems: list[str]) -> list[GazetteerRow]:
    name = path.stem
    rel = _rel(path, root)
    declared = gazetteer_columns()
    if name not in declared:
        problems.append(f"{rel}:1: unknown gazetteer '{name}'; known: {', '.join(sorted(declared))}")
        return []
    required, optional = declared[name].required, declared[name].optional
    with path.open(encoding="utf-8", newline="") as fh:
        physical: list[int] = []  # the file line of each line the reader sees
        reader = csv.DictReader(_data_lines(fh, physical))
        header = reader.fieldnames or []
        missing = [c for c in ("id", *required) if c not in header]
        unknown = [c for c in header if c not in ("id", *required, *optional)]
        if missing:
            problems.append(f"{rel}:1: missing column(s) {', '.join(missing)}")
        if unknown:
            problems.append(f"{rel}:1: unknown column(s) {', '.join(unknown)}")
        if missing or unknown:
            return []
        rows = []
        for row in reader:
            where = f"{rel}:{physical[reader.line_num - 1]}"
            if not (row.get("id") or "").strip():
                problems.append(f"{where}: empty id")
                continue
            empty = [c for c in required if not (row.get(c) or "").strip()]
            if empty:
                problems.append(f"{where}: empty required column(s) {', '.join(empty)}")
                continue
            rows.append(GazetteerRow(row["id"].strip(), row, where))
    return rows


def _data_lines(fh, physical: list[int]):
    """The lines that are not `#` comments; their line numbers go to `physical`."""
    for n, line in enumerate(fh, 1):
        if not line.startswith("#"):
            physical.append(n)
            yield line


def load_rules(root: Path | str | None = None) -> RuleSet:
    """Read and validate every rule file under `root`, and hold it to what the components read
    (extract/reads/); raise RuleError listing all problems."""
    from .reads.check import check

    root = Path(root) if root else DEFAULT_RULES_DIR
    if not root.is_dir():
        raise RuleError([f"{root}: rules folder not found"])
    problems: list[str] = []
    rules = RuleSet(root=root)
    for path in sorted((root / "patterns").glob("*.jsonl")):
        rules.patterns.extend(_load_patterns(path, root, problems))
    for path in sorted((root / "gazetteers").glob("*.csv")):
        rules.gazetteers[path.stem] = _load_gazetteer(path, root, problems)
    for path in sorted((root / "lists").glob("*.txt")):
        entries = [(f"{_rel(path, root)}:{n}", ln.strip())
                   for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                   if ln.strip() and not ln.lstrip().startswith("#")]
        rules.list_sources[path.stem] = [where for where, _ in entries]
        rules.lists[path.stem] = [entry for _, entry in entries]
    seen: dict[str, str] = {}
    every = [(r.id, r.source) for r in rules.patterns] + [
        (g.id, g.source) for rows in rules.gazetteers.values() for g in rows]
    for rule_id, where in every:
        if rule_id in seen:
            problems.append(f"{where}: duplicate id '{rule_id}' (first at {seen[rule_id]})")
        else:
            seen[rule_id] = where
    problems += check(rules, broken=frozenset(p.split(":", 1)[0] for p in problems))
    if problems:
        raise RuleError(problems)
    return rules


@lru_cache(maxsize=8)
def cached_rules(root: str | None = None) -> RuleSet:
    """One validated RuleSet per folder and process; components share it."""
    return load_rules(root)
