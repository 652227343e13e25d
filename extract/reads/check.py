"""Hold loaded rule files to the components' declarations (extract/reads/): each problem is
`FILE:LINE: message` (a problem of a whole file points at its line 1, a missing file has no line)."""
from __future__ import annotations

import difflib
from collections import defaultdict
from pathlib import Path

from . import declarations
from .declare import ONE, OPTIONAL, SOME, Gazetteer, Kind, PatternFile, Reads, TaggedList, ValueList, WeightList

_ALWAYS = frozenset({"id", "label", "kind", "pattern", "description"})  # keys every rule may have


def check(rules, broken: frozenset[str] = frozenset()) -> list[str]:
    """Problems of a RuleSet against every declaration; `broken` names files (as in FILE:LINE)
    that already failed to parse, whose missing rules are not reported again."""
    decls = declarations()
    return [*_patterns(rules, decls, broken), *_files(rules, decls), *_gazetteer_values(rules, decls),
            *_list_forms(rules, decls)]


def _file_of(where: str) -> str:
    return where.rsplit(":", 1)[0]


def _patterns(rules, decls: tuple[Reads, ...], broken) -> list[str]:
    declared = {pf.file: (reads.component, pf) for reads in decls for pf in reads.patterns}
    by_file: dict[str, list] = defaultdict(list)
    for rule in rules.patterns:
        by_file[Path(_file_of(rule.source)).stem].append(rule)
    problems = []
    for stem, file_rules in by_file.items():
        if stem not in declared:
            problems.append(f"{file_rules[0].source}: no component reads rules/patterns/{stem}.jsonl "
                            f"(known: {', '.join(sorted(declared))})")
            continue
        component, pf = declared[stem]
        problems += _file_rules(file_rules, component, pf, broken)
    for stem, (component, pf) in declared.items():
        if stem not in by_file and (rules.root / "patterns" / f"{stem}.jsonl").is_file():
            problems += _counts({}, f"{rules.root.name}/patterns/{stem}.jsonl", component, pf, broken)
    return problems


def _kind_name(kind: str | None) -> str:
    return f"'{kind}'" if kind else "(no kind)"


def _file_rules(file_rules, component: str, pf: PatternFile, broken) -> list[str]:
    problems, seen = [], defaultdict(list)
    for rule in file_rules:
        where = rule.source
        if rule.label != pf.label:
            problems.append(f"{where}: no component reads {rule.label} rules from {pf.file}.jsonl "
                            f"({component} reads its {pf.label} rules)")
            continue
        kind = pf.kinds.get(rule.kind)
        if kind is None:
            problems.append(f"{where}: {_unknown_kind(rule.kind, component, pf)}")
            continue
        seen[rule.kind].append(where)
        problems += [f"{where}: {p}" for p in _keys(rule, kind, component)]
    return problems + _counts(seen, _file_of(file_rules[0].source), component, pf, broken)


def _unknown_kind(kind: str | None, component: str, pf: PatternFile) -> str:
    known = [k for k in pf.kinds if k]
    close = difflib.get_close_matches(kind or "", known, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    without = "; or no kind" if None in pf.kinds else ""
    return (f"unknown kind {_kind_name(kind)}{hint}; {component} reads {pf.label} rules of kind "
            f"{', '.join(known)}{without}")


def _keys(rule, kind: Kind, component: str) -> list[str]:
    out = []
    unread = sorted(set(rule.keys) - _ALWAYS - set(kind.keys))
    if unread:
        reads = ", ".join(kind.keys) or "no optional key"
        out.append(f"{component} does not read key(s) {', '.join(unread)} of {_kind_name(rule.kind)} "
                   f"rules (it reads {reads})")
    for key, allowed in kind.values.items():
        value = getattr(rule, key, None)
        if key in rule.keys and value not in allowed:
            out.append(f"bad value {value!r} of key '{key}'; allowed: {', '.join(allowed)}")
    return out


def _counts(seen: dict, file: str, component: str, pf: PatternFile, broken) -> list[str]:
    out = []
    for kind, spec in pf.kinds.items():
        wheres = seen.get(kind, [])
        if spec.count in (ONE, OPTIONAL):
            out += [f"{where}: a second {_kind_name(kind)} rule (first at {wheres[0]}); {component} reads "
                    f"{spec.count}" for where in wheres[1:]]
        if spec.count in (ONE, SOME) and not wheres and file not in broken:
            out.append(f"{file}:1: no {pf.label} rule of kind {_kind_name(kind)}; {component} reads {spec.count}")
    return out


def _files(rules, decls: tuple[Reads, ...]) -> list[str]:
    """Declared files that are missing, and word lists that no component reads."""
    root, out = rules.root, []
    for reads in decls:
        wanted = [f"patterns/{pf.file}.jsonl" for pf in reads.patterns]
        wanted += [f"gazetteers/{g if isinstance(g, str) else g.name}.csv" for g in reads.gazetteers]
        wanted += [f"lists/{name}.txt" for name in reads.lists]
        out += [f"{root.name}/{rel}: missing; {reads.component} reads it" for rel in wanted
                if not (root / rel).is_file()]
    read_lists = {name for reads in decls for name in reads.lists}
    out += [f"{root.name}/lists/{name}.txt:1: no component reads this list (known: {', '.join(sorted(read_lists))})"
            for name in rules.lists if name not in read_lists]
    return out


def _gazetteer_values(rules, decls: tuple[Reads, ...]) -> list[str]:
    out = []
    for gaz in (g for reads in decls for g in reads.gazetteers if isinstance(g, Gazetteer)):
        for column, allowed in gaz.values.items():
            for row in rules.gazetteer(gaz.name):
                value = (row.values.get(column) or "").strip()
                if value and value not in allowed:
                    out.append(f"{row.source}: bad value {value!r} in column '{column}'; allowed: "
                               f"{', '.join(allowed)}")
    return out


def _list_forms(rules, decls: tuple[Reads, ...]) -> list[str]:
    out = []
    for name, form in ((n, f) for reads in decls for n, f in reads.list_forms.items()):
        if name in rules.lists:
            read = {WeightList: _weights, TaggedList: _tagged, ValueList: _valued}[type(form)]
            out += read(rules.lists[name], rules.list_sources[name], form, f"{rules.root.name}/lists/{name}.txt")
    return out


def _weights(lines: list[str], wheres: list[str], form: WeightList, file: str) -> list[str]:
    """`name = number` lines, each of form.names once."""
    out, first = [], {}
    for line, where in zip(lines, wheres, strict=True):
        name, eq, value = (part.strip() for part in line.partition("="))
        try:
            float(value)
        except ValueError:
            eq = ""
        if not eq:
            out.append(f"{where}: expected 'signal = number', got {line!r}")
        elif name not in form.names:
            close = difflib.get_close_matches(name, form.names, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            out.append(f"{where}: unknown signal '{name}'{hint}; known: {', '.join(form.names)}")
        elif name in first:
            out.append(f"{where}: repeated signal '{name}' (first at {first[name]})")
        else:
            first[name] = where
    missing = [n for n in form.names if n not in first]
    if missing:
        out.append(f"{file}:1: no weight for {', '.join(missing)}")
    return out


def _tagged(lines: list[str], wheres: list[str], form: TaggedList, file: str) -> list[str]:
    """`TAG ENTRY` lines (`TAG ENTRY = VALUE` for a valued tag), each entry once per tag."""
    out, first = [], {}
    for line, where in zip(lines, wheres, strict=True):
        tag, _, rest = line.partition(" ")
        entry, eq, value = (part.strip() for part in rest.partition("="))
        shape = f"'{tag} WORD = VALUE'" if tag in form.valued else f"'{tag} WORD'"
        if tag not in form.tags:
            close = difflib.get_close_matches(tag, form.tags, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            out.append(f"{where}: unknown tag '{tag}'{hint}; known: {', '.join(form.tags)}")
        elif not entry or " " in entry or bool(eq) != (tag in form.valued) or (eq and (not value or " " in value)):
            out.append(f"{where}: expected {shape}, got {line!r}")
        elif (tag, entry) in first:
            out.append(f"{where}: repeated '{tag} {entry}' (first at {first[tag, entry]})")
        else:
            first[tag, entry] = where
    return out


def _valued(lines: list[str], wheres: list[str], form: ValueList, file: str) -> list[str]:
    """`ENTRY` or `ENTRY = VALUE` lines, VALUE one of form.values, each entry once."""
    out, first = [], {}
    for line, where in zip(lines, wheres, strict=True):
        entry, eq, value = (part.strip() for part in line.partition("="))
        if not entry or (eq and not value):
            out.append(f"{where}: expected 'ENTRY' or 'ENTRY = VALUE', got {line!r}")
        elif eq and value not in form.values:
            out.append(f"{where}: bad value '{value}'; allowed: {', '.join(form.values)}")
        elif entry in first:
            out.append(f"{where}: repeated '{entry}' (first at {first[entry]})")
        else:
            first[entry] = where
    return out
