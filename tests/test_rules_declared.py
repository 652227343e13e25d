"""Rules mean what they say: `extract rules check` holds each rule file to what the components
declare they read (extract/reads/) and reports every departure as FILE:LINE: message."""
from __future__ import annotations

import inspect
import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.rules import DEFAULT_RULES_DIR, RuleError, RuleSet, load_rules


@pytest.fixture
def rules_copy(tmp_path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, target)
    return target


def check(rules_dir: Path) -> list[str]:
    result = CliRunner().invoke(app, ["rules", "check", "--rules", str(rules_dir)])
    assert result.exit_code == 1, result.output
    return result.stderr.splitlines()


def edit_rule(path: Path, pick, change) -> str:
    """Rewrite the first rule of a jsonl file for which pick(rule) holds; return its FILE:LINE."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        if line.strip() and not line.lstrip().startswith("//") and pick(rule := json.loads(line)):
            lines[n - 1] = json.dumps(change(rule), ensure_ascii=False)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return f"rules/{path.parent.name}/{path.name}:{n}:"
    raise AssertionError(f"no rule to change in {path}")


def append_line(path: Path, line: str) -> str:
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text + "\n" + line + "\n", encoding="utf-8")
    return f"rules/{path.parent.name}/{path.name}:{len(text.splitlines()) + 1}:"


def reported(problems: list[str], where: str, *words: str) -> bool:
    return any(p.startswith(where) and all(w in p for w in words) for p in problems)


def test_a_misspelt_kind_is_an_unknown_kind(rules_copy):
    where = edit_rule(rules_copy / "patterns" / "relations.jsonl", lambda r: r.get("kind") == "partner_list",
                      lambda r: {**r, "kind": "partners_list"})
    problems = check(rules_copy)
    assert reported(problems, where, "unknown kind 'partners_list'", "did you mean 'partner_list'?"), problems


def test_a_second_rule_of_a_kind_read_once_is_reported_at_the_second(rules_copy):
    path = rules_copy / "patterns" / "places.jsonl"
    first = edit_rule(path, lambda r: r.get("kind") == "place_before", lambda r: r)
    rule = next(json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines()
                if '"place_before"' in ln)
    where = append_line(path, json.dumps({**rule, "id": "places.ctx.second_before"}))
    problems = check(rules_copy)
    assert reported(problems, where, "a second 'place_before' rule", f"first at {first[:-1]}", "exactly one"), problems


def test_a_missing_rule_of_a_kind_read_once_is_reported(rules_copy):
    path = rules_copy / "patterns" / "places.jsonl"
    kept = [ln for ln in path.read_text(encoding="utf-8").splitlines() if '"place_list_gap"' not in ln]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    problems = check(rules_copy)
    assert reported(problems, "rules/patterns/places.jsonl:1:", "no TRIGGER rule of kind 'place_list_gap'"), problems


@pytest.mark.parametrize("file, line, words", [
    # a label the component of that file does not read
    ("relations.jsonl", {"id": "rel.t.person", "label": "PERSON", "pattern": "Herr"},
     ("no component reads PERSON rules from relations.jsonl",)),
    # a kind that no code reads (as `person.particle` was)
    ("persons.jsonl", {"id": "person.t.particle", "label": "PERSON", "kind": "particle", "pattern": "von"},
     ("unknown kind 'particle'", "extract_persons reads")),
    # a key the component ignores for that kind
    ("places.jsonl", {"id": "places.t.x", "label": "TRIGGER", "kind": "place_before", "pattern": "in ",
                      "anchor": "in"}, ("does not read key(s) anchor",)),
    # a token pattern, which no component reads
    ("centres.jsonl", {"id": "centre.t.tokens", "label": "CENTRE", "tokens": [{"LOWER": "hub"}]},
     ("does not read key(s) tokens",)),
], ids=["label", "kind", "key", "tokens"])
def test_a_rule_no_component_reads_is_reported(rules_copy, file, line, words):
    where = append_line(rules_copy / "patterns" / file, json.dumps(line))
    problems = check(rules_copy)
    assert reported(problems, where, *words), problems


def test_a_file_no_component_reads_is_reported(rules_copy):
    (rules_copy / "patterns" / "mystery.jsonl").write_text(
        '{"id": "mystery.x", "label": "ORG", "pattern": "GmbH"}\n', encoding="utf-8")
    (rules_copy / "lists" / "mystery.txt").write_text("# a list\nword\n", encoding="utf-8")
    problems = check(rules_copy)
    assert reported(problems, "rules/patterns/mystery.jsonl:1:", "no component reads"), problems
    assert reported(problems, "rules/lists/mystery.txt:1:", "no component reads this list"), problems


def test_a_missing_file_a_component_reads_is_reported(rules_copy):
    (rules_copy / "lists" / "person_roles.txt").unlink()
    problems = check(rules_copy)
    assert "rules/lists/person_roles.txt: missing; extract_persons reads it" in problems


def test_a_bad_enum_value_of_a_rule_key_is_reported(rules_copy):
    where = edit_rule(rules_copy / "patterns" / "relations.jsonl", lambda r: r.get("value") == "implied",
                      lambda r: {**r, "value": "implid"})
    problems = check(rules_copy)
    assert reported(problems, where, "bad value 'implid' of key 'value'", "allowed: implied"), problems


def test_a_bad_enum_value_of_a_gazetteer_column_is_reported_at_its_line(rules_copy):
    path = rules_copy / "gazetteers" / "ministries.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    n = next(i for i, ln in enumerate(lines, 1) if ",federal," in ln)
    lines[n - 1] = lines[n - 1].replace(",federal,", ",Federal,", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines[0].startswith("#"), "the file opens with comments: the line must count them"
    problems = check(rules_copy)
    where = f"rules/gazetteers/ministries.csv:{n}:"
    assert reported(problems, where, "bad value 'Federal' in column 'level'"), problems


def _signals_file(rules_copy: Path, change) -> list[str]:
    path = rules_copy / "lists" / "partner_signals.txt"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path.read_text(encoding="utf-8").splitlines()


def test_partner_signal_weights_unknown_repeated_and_missing(rules_copy):
    lines = _signals_file(rules_copy, lambda t: t.replace("\nmentioned =", "\nmentiond =")
                          .replace("\ndenied = -5\n", "\n") + "repeated = 2\n")
    problems = check(rules_copy)
    at = {name: n for n, ln in enumerate(lines, 1) for name in ("mentiond", "repeated") if ln.startswith(name)}
    first_repeated = next(n for n, ln in enumerate(lines, 1) if ln.startswith("repeated"))
    assert reported(problems, f"rules/lists/partner_signals.txt:{at['mentiond']}:", "unknown signal 'mentiond'",
                    "did you mean 'mentioned'?"), problems
    assert reported(problems, f"rules/lists/partner_signals.txt:{at['repeated']}:", "repeated signal 'repeated'",
                    f"first at rules/lists/partner_signals.txt:{first_repeated}"), problems
    assert reported(problems, "rules/lists/partner_signals.txt:1:", "no weight for", "mentioned", "denied"), problems


def test_a_malformed_weight_line_is_reported(rules_copy):
    lines = _signals_file(rules_copy, lambda t: t.replace("\ncue = 3\n", "\ncue = three\n"))
    n = lines.index("cue = three") + 1
    assert reported(check(rules_copy), f"rules/lists/partner_signals.txt:{n}:", "expected 'signal = number'")


def test_centre_head_forms_unknown_tag_bad_shape_and_repeats(rules_copy):
    path = rules_copy / "lists" / "centre_head_forms.txt"
    where = {name: append_line(path, line) for name, line in (
        ("tag", "plurl zentren = zentrum"), ("shape", "ambiguous hubs = hub"), ("value", "plural zentren"),
        ("repeat", "same cluster"))}
    problems = check(rules_copy)
    assert reported(problems, where["tag"], "unknown tag 'plurl'", "did you mean 'plural'?"), problems
    assert reported(problems, where["shape"], "expected 'ambiguous WORD'"), problems
    assert reported(problems, where["value"], "expected 'plural WORD = VALUE'"), problems
    assert reported(problems, where["repeat"], "repeated 'same cluster'", "first at rules/lists/"), problems


def test_legal_forms_bad_kind_and_repeats(rules_copy):
    path = rules_copy / "lists" / "legal_forms.txt"
    bad = append_line(path, "KGaA = firm")
    repeated = append_line(path, "GmbH")
    problems = check(rules_copy)
    assert reported(problems, bad, "bad value 'firm'", "allowed: association, company"), problems
    assert reported(problems, repeated, "repeated 'GmbH'"), problems


def test_a_broken_declaration_stops_the_pipeline_build_too(rules_copy):
    edit_rule(rules_copy / "patterns" / "relations.jsonl", lambda r: r.get("kind") == "partner_list",
              lambda r: {**r, "kind": "partners_list"})
    with pytest.raises(RuleError, match=r"relations\.jsonl:\d+: unknown kind 'partners_list'"):
        load_rules(rules_copy)


# ---- the declarations agree with what the code reads -------------------------------------------

class _Spy(RuleSet):
    """A RuleSet that records, per component module (or the registry), the files (and labels)
    the code asks for."""

    def _record(self, what: str, labels=()) -> None:
        frame = sys._getframe(2)
        while frame is not None:
            module = frame.f_globals.get("__name__", "")
            if module.startswith(("extract.components.", "extract.registry.")):
                # the component of a module or of a package; the registry reads as one
                name = "registry" if module.startswith("extract.registry.") else module.split(".")[2]
                self.asked.setdefault(name, set()).add(what)
                self.labels.setdefault((name, what), set()).update(labels)
                return
            frame = frame.f_back

    def patterns_for(self, *labels, file=None):
        self._record(f"patterns/{file}", labels)
        return super().patterns_for(*labels, file=file)

    def gazetteer(self, name):
        self._record(f"gazetteers/{name}")
        return super().gazetteer(name)

    def word_list(self, name):
        self._record(f"lists/{name}")
        return super().word_list(name)


def test_each_component_reads_exactly_the_files_it_declares(tmp_path, monkeypatch):
    import extract.components  # noqa: F401  (imports every component module)
    from extract import rules as rules_module
    from extract.io import iter_corpus
    from extract.pipeline import analyse, build_nlp
    from extract.reads import declarations
    from extract.registry.knowledge import knowledge

    from .conftest import CORPUS

    loaded = load_rules()
    spy = _Spy(root=loaded.root, patterns=loaded.patterns, gazetteers=loaded.gazetteers, lists=loaded.lists,
               list_sources=loaded.list_sources)
    spy.asked, spy.labels = {}, {}
    # every module of the components, those inside a component's package too
    modules = [m for name, m in sys.modules.items() if name.startswith("extract.components.")]
    for module in (rules_module, *modules):
        if inspect.ismodule(module) and hasattr(module, "cached_rules"):
            monkeypatch.setattr(module, "cached_rules", lambda root=None: spy)
    # a rules folder of its own, so that no cache built from the real RuleSet answers
    nlp = build_nlp(rules_dir=tmp_path, notice=False)
    for document in iter_corpus(CORPUS):
        analyse(nlp, document.text, doc_id=document.doc_id)
    knowledge.cache_clear()
    knowledge(str(tmp_path))  # what the registry reads after a run's last document
    knowledge.cache_clear()
    for reads in declarations():
        module = reads.component.removeprefix("extract_")
        declared = {f"patterns/{pf.file}" for pf in reads.patterns}
        declared |= {f"gazetteers/{g if isinstance(g, str) else g.name}" for g in reads.gazetteers}
        declared |= {f"lists/{name}" for name in reads.lists}
        asked = spy.asked.get(module, set())
        assert asked == declared, (module, sorted(asked ^ declared))
        for pf in reads.patterns:  # a label filter, where the code has one, is the declared label
            assert spy.labels[(module, f"patterns/{pf.file}")] <= {pf.label}, (module, pf.file)


def test_an_anchor_on_a_centre_rule_is_refused_it_has_one_meaning_temporal_regex(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parent.parent / "rules", rules)
    path = rules / "patterns" / "centres.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("{"))
    obj = json.loads(lines[at])
    obj["anchor"] = "zentr"
    lines[at] = json.dumps(obj, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RuleError, match=rf"centres.jsonl:{at + 1}:.*anchor"):
        load_rules(rules)
