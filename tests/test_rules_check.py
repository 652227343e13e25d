"""`extract rules check` on a copy of rules/ with one line broken, and `extract rules list`."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.rules import DEFAULT_RULES_DIR, load_rules


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def _rule_lines(path: Path) -> list[tuple[int, dict]]:
    """(line number, rule) of every regex rule in a jsonl file."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("//"):
            obj = json.loads(line)
            if "pattern" in obj:
                out.append((n, obj))
    return out


@pytest.fixture
def broken(tmp_path):
    """Copy rules/ and return (rules dir, breaker): breaker(fn) rewrites one rule line of the
    largest pattern file with fn(rule, first_rule) and returns its FILE:LINE prefix."""
    target = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, target)
    path = max((target / "patterns").glob("*.jsonl"), key=lambda p: len(_rule_lines(p)))
    rules = _rule_lines(path)
    assert len(rules) >= 3, "need a pattern file with a few regex rules"

    def breaker(change) -> str:
        n, rule = rules[len(rules) // 2]
        lines = path.read_text(encoding="utf-8").splitlines()
        new = change(dict(rule), rules[0][1])
        lines[n - 1] = new if isinstance(new, str) else json.dumps(new, ensure_ascii=False)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return f"rules/patterns/{path.name}:{n}:"

    return target, breaker


def test_the_project_rules_pass_the_check():
    result = run("rules", "check")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: ")


@pytest.mark.parametrize("change, message", [
    (lambda r, first: {**r, "colour": "red"}, "unknown key(s) colour"),
    (lambda r, first: {**r, "id": first["id"]}, "duplicate id"),
    (lambda r, first: {**r, "pattern": r["pattern"] + "(["}, "bad regular expression"),
    (lambda r, first: {**r, "label": "CITYY"}, "unknown label 'CITYY'"),
    (lambda r, first: json.dumps(r, ensure_ascii=False)[:-5], "invalid JSON"),
], ids=["unknown-key", "duplicate-id", "bad-regex", "unknown-label", "invalid-json"])
def test_check_reports_a_broken_line_as_file_and_line(broken, change, message):
    rules_dir, breaker = broken
    where = breaker(change)
    result = run("rules", "check", "--rules", str(rules_dir))
    assert result.exit_code == 1, result.output
    problems = result.stderr.splitlines()
    assert any(p.startswith(where) and message in p for p in problems), problems
    assert not result.stdout.startswith("ok")


def test_a_duplicate_points_at_the_first_occurrence(broken):
    rules_dir, breaker = broken
    where = breaker(lambda r, first: {**r, "id": first["id"]})
    result = run("rules", "check", "--rules", str(rules_dir))
    line = next(p for p in result.stderr.splitlines() if p.startswith(where))
    assert "(first at rules/patterns/" in line


def test_list_shows_every_pattern_rule_with_its_source():
    ruleset = load_rules()
    result = run("rules", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    for rule in ruleset.patterns:
        assert any(line.split()[:2] == [rule.id, rule.label] and rule.source in line for line in lines), rule
    for name in ruleset.gazetteers:
        assert any(line.startswith(f"gazetteer:{name} ") for line in lines), name


def test_list_filters_by_label():
    ruleset = load_rules()
    label = ruleset.patterns[0].label
    result = run("rules", "list", "--label", label)
    ids = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert ids == [r.id for r in ruleset.patterns if r.label == label]
