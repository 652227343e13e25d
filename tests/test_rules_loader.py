"""The rule loader: every rule file valid, and each kind of defect reported as FILE:LINE."""
from __future__ import annotations

import json
import shutil

import pytest

from extract.rules import DEFAULT_RULES_DIR, RuleError, load_rules


def test_project_rules_are_valid():
    rules = load_rules()
    assert rules.patterns, "no pattern rules loaded"
    ids = [r.id for r in rules.patterns] + [g.id for rows in rules.gazetteers.values() for g in rows]
    assert len(ids) == len(set(ids))


@pytest.fixture
def rules_copy(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, target)
    return target


def _append(path, obj):
    with path.open("a", encoding="utf-8") as fh:
        fh.write((obj if isinstance(obj, str) else json.dumps(obj)) + "\n")
    return sum(1 for _ in path.open(encoding="utf-8"))


@pytest.mark.parametrize("line, message", [
    ({"id": "t.x", "label": "MONEY", "pattern": "Euro", "colour": "red"}, "unknown key(s) colour"),
    ({"id": "t.x", "label": "MONEYS", "pattern": "Euro"}, "unknown label 'MONEYS'"),
    ({"id": "t.x", "label": "MONEY", "pattern": "(Euro"}, "bad regular expression"),
    ({"id": "t.x", "label": "MONEY"}, "exactly one of 'pattern' or 'tokens'"),
    ({"id": "t.x", "label": "MONEY", "tokens": [{"LOWERR": "euro"}]}, "bad token pattern"),
    ({"id": "t.x", "label": "MONEY", "pattern": "Euro", "group": 2}, "group 2 is not in the pattern"),
    ('{"id": "t.x", "label": ', "invalid JSON"),
    ({"id": "rel.partner.sind", "label": "TRIGGER", "pattern": "x"}, "duplicate id 'rel.partner.sind'"),
])
def test_defects_are_reported_with_file_and_line(rules_copy, line, message):
    path = rules_copy / "patterns" / "relations.jsonl"
    n = _append(path, line)
    with pytest.raises(RuleError) as err:
        load_rules(rules_copy)
    problems = [p for p in err.value.problems if message in p]
    assert problems, err.value.problems
    assert problems[0].startswith(f"rules/patterns/relations.jsonl:{n}:")


def test_unknown_gazetteer_file_is_reported(rules_copy):
    (rules_copy / "gazetteers" / "mystery.csv").write_text("id,name\nx.1,Foo\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"rules/gazetteers/mystery.csv:1: unknown gazetteer"):
        load_rules(rules_copy)


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="rules folder not found"):
        load_rules(tmp_path / "nope")
