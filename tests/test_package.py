"""`extract` as a package: a wheel that works outside the checkout, spaCy entry points, a saved
pipeline that `spacy.load()` reads back, and an import graph without cycles."""
from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from .conftest import CORPUS, ROOT


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_of_the_source_is_listed_for_the_wheel():
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "extract").rglob("__init__.py")}
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    assert found == {p for p in listed if not p.startswith("extract._rules")}, found ^ listed


def test_every_component_is_a_spacy_factory_entry_point():
    from extract.components import ORDER

    declared = _pyproject()["project"]["entry-points"]["spacy_factories"]
    assert set(declared) == set(ORDER)
    installed = {ep.name: ep for ep in entry_points(group="spacy_factories") if ep.name in declared}
    assert {name: ep.value for name, ep in installed.items()} == declared, "reinstall: make install"
    for ep in installed.values():
        assert callable(ep.load())


def test_components_declare_what_they_require_and_assign(nlp):
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]
    assert "doc.ents" in analysis["summary"]["extract_spans"]["assigns"]
    assert "doc._.facts" in analysis["summary"]["extract_relations"]["assigns"]


def _imports(path: Path, module: str, is_package: bool, modules) -> set[str]:
    """The modules that `module` imports anywhere in its body (function-level too): for
    `from . import x` the module x, else the module named after `from`."""
    base = module.split(".") if is_package else module.split(".")[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            parts = [*base[:len(base) - node.level + 1], node.module] if node.level else [node.module]
            target = ".".join(p for p in parts if p)
            named = {f"{target}.{a.name}" for a in node.names} & set(modules)
            out |= named or {target}
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
    return out


def test_the_import_graph_has_no_cycle():
    modules = {}
    for path in (ROOT / "extract").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        modules[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    graph = {m: {t for t in _imports(p, m, pkg, modules) if t in modules and t != m}
             for m, (p, pkg) in modules.items()}

    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        seen = set()
        while stack:
            node, trail = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    return [*trail, start]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*trail, nxt]))
        return None

    cycles = [c for m in sorted(graph) if (c := cycle_from(m))]
    assert not cycles, " -> ".join(cycles[0])


# ---- a saved pipeline ------------------------------------------------------------------------

_LOAD_SAVED = """
import json, sys
import spacy
loaded = {name: spacy.load(sys.argv[1] + "/" + name) for name in ("api", "batch")}
import extract.pipeline  # only now: spacy.load found the components through the entry points
from extract.io import iter_corpus
from extract.process import process_document
from extract.tables import cells
ents = [(e.text, e.label_, e._.rule) for e in loaded["api"]("Das Zentrum sitzt in Bremen.").ents]
rows = {name: [cells(process_document(nlp, d)) for d in iter_corpus(sys.argv[2])] for name, nlp in loaded.items()}
print(json.dumps({"ents": ents, "rows": rows}, ensure_ascii=False))
"""


def test_a_pipeline_saved_to_disk_loads_with_spacy_load_and_gives_the_same_tables(tmp_path):
    from extract.io import iter_corpus
    from extract.pipeline import build_nlp
    from extract.process import process_document
    from extract.tables import cells

    built = {"api": build_nlp(notice=False),
             "batch": build_nlp(notice=False, export_spans=False, sentences=False, tokens=False)}
    for name, nlp in built.items():
        nlp.to_disk(tmp_path / name)
    run = subprocess.run([sys.executable, "-c", _LOAD_SAVED, str(tmp_path), str(CORPUS)],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    loaded = json.loads(run.stdout)
    assert ["Bremen", "CITY"] in [e[:2] for e in loaded["ents"]]
    for name, nlp in built.items():
        expected = [cells(process_document(nlp, d)) for d in iter_corpus(CORPUS)]
        assert json.loads(json.dumps(expected, ensure_ascii=False)) == loaded["rows"][name], name
    assert any(len(doc_cells["partners"]) for doc_cells in loaded["rows"]["batch"]), "the corpus yields partners"


# ---- the wheel -------------------------------------------------------------------------------

_WHERE = "import extract, extract.rules as r; print(extract.__file__); print(r.DEFAULT_RULES_DIR)"


def _build_wheel(tmp_path: Path) -> Path:
    """A wheel built offline from a copy of the sources (the checkout gets no build/ folder)."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for folder in ("extract", "rules"):
        shutil.copytree(ROOT / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "-w", str(tmp_path / "dist"), str(src)], check=True, timeout=300,
                   capture_output=True)
    return next((tmp_path / "dist").glob("extract-*.whl"))


def _fresh_venv(tmp_path: Path, wheel: Path) -> Path:
    """A new venv with the wheel installed; its dependencies are those of this venv, reached by a
    plain path in a .pth file (so this venv's editable install of extract stays out of sight)."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, timeout=300, capture_output=True)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    ours = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (Path(site) / "dependencies.pth").write_text("".join(f"{p}\n" for p in ours), encoding="utf-8")
    return venv


@pytest.mark.slow
def test_an_installed_wheel_runs_from_another_folder_with_the_tables_of_the_checkout(tmp_path):
    from extract.runner import run_corpus
    from extract.tables import COLUMNS

    venv = _fresh_venv(tmp_path, _build_wheel(tmp_path))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run([str(venv / "bin" / "python"), "-c", _WHERE], cwd=elsewhere, check=True,
                           capture_output=True, text=True).stdout.split()
    assert all(Path(p).is_relative_to(venv) for p in where), where  # the package and its rules
    run_corpus(corpus=CORPUS, out=tmp_path / "checkout", quiet=True, notice=False)
    for engine in ("local", "dask"):
        run = subprocess.run([str(venv / "bin" / "extract"), "run", str(CORPUS), "--out", engine,
                              "--engine", engine, "--jobs", "2", "--no-notice"],
                             cwd=elsewhere, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr
        for table in COLUMNS:
            assert (elsewhere / engine / f"{table}.csv").read_bytes() == \
                   (tmp_path / "checkout" / f"{table}.csv").read_bytes(), (engine, table)
        manifests = [json.loads((d / ".extract-run.json").read_text(encoding="utf-8"))
                     for d in (elsewhere / engine, tmp_path / "checkout")]
        assert manifests[0]["rules_sha256"] == manifests[1]["rules_sha256"], "the wheel ships the same rules"
