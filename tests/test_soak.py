"""Fuzz and soak (issue 11): generated file names and contents, runs killed at random points.

After every kill the corpus is untouched, the out folder holds the complete tables of one run
(the next start finishes a switch that was cut short), and no temp folder is left. Bounded:
a few examples of a few files, each kill within ~2 s of the start (~15 s in all).
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from extract.outdir import MANIFEST, TMP_PREFIX, check_complete
from extract.runner import run_corpus
from extract.writers import TableWriter

from .conftest import ROOT

_NAME = st.text(alphabet=st.sampled_from("abcxyzäöüß ÄÖ-_.,()'#0123456789"), min_size=1, max_size=40)
_SUFFIX = st.sampled_from([".txt", ".md", ".html", ".txt", ".pdf", ".xyz", ""])
_WORDS = st.sampled_from(["Das", "Kompetenzzentrum", "in", "Magdeburg", "erhält", "1,2 Mio. Euro",
                          "vom", "Bundesministerium für Wirtschaft und Energie", "bis", "2024", ".",
                          ",", "\n", "\n\n", "\u200f", "\u00ad", "\ufeff", "<p>", "</p>", "Dr.",
                          "Partner", "ist", "die", "Universität", "Leipzig", "e\u0301"])
_TEXT = st.lists(_WORDS, max_size=60).map(" ".join)
_ENCODING = st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig"])
_BINARY = st.binary(max_size=300)
_FILE = st.tuples(_NAME, _SUFFIX, st.one_of(st.tuples(_TEXT, _ENCODING), _BINARY))


def _write_corpus(folder: Path, files) -> None:
    folder.mkdir(parents=True)
    for i, (name, suffix, content) in enumerate(files):
        name = name.strip(" .") or "x"
        if isinstance(content, tuple):
            text, encoding = content
            data = text.encode(encoding, errors="replace")
        else:
            data = content
        sub = folder / ("sub" if i % 3 == 2 else "")
        sub.mkdir(exist_ok=True)
        (sub / f"{i}-{name}{suffix}").write_bytes(data)


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _assert_one_complete_run(out: Path, doc_ids: set[str]) -> None:
    check_complete(out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    for rel, fp in manifest["files"].items():
        assert hashlib.sha256((out / rel).read_bytes()).hexdigest() == fp["sha256"], rel
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        assert {r["doc_id"] for r in csv.DictReader(fh)} == doc_ids


_KILLED_RUN = "import sys; from extract.cli import main; sys.argv = ['extract'] + sys.argv[1:]; main()"


@settings(max_examples=8, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(files=st.lists(_FILE, min_size=1, max_size=6), kill_after=st.floats(0.2, 2.5),
       jobs=st.sampled_from(["1", "2"]))
def test_runs_killed_at_random_points_lose_and_mix_nothing(tmp_path_factory, files, kill_after, jobs):
    base = tmp_path_factory.mktemp("soak")
    corpus, out = base / "corpus", base / "out"
    _write_corpus(corpus, files)
    before = _digest(corpus)
    summary = run_corpus(corpus=corpus, out=out, quiet=True, jobs=1)
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        doc_ids = {r["doc_id"] for r in csv.DictReader(fh)}
    assert len(doc_ids) == summary.n_docs
    (corpus / "sub").mkdir(exist_ok=True)
    (corpus / "sub" / "added.txt").write_text("Das Kompetenzzentrum in Bremen.", encoding="utf-8")
    run = subprocess.Popen([sys.executable, "-c", _KILLED_RUN, "run", str(corpus), "--out", str(out),
                            "-q", "--jobs", jobs], cwd=ROOT, start_new_session=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(kill_after)

    with contextlib.suppress(ProcessLookupError):
        os.killpg(run.pid, signal.SIGKILL)  # the run and its workers, as kill -9 of a job would
    finished = run.wait() == 0
    for _ in range(100):  # until the workers are gone too
        try:
            os.killpg(run.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    assert _digest(corpus) == {**before, "sub/added.txt": _digest(corpus)["sub/added.txt"]}
    TableWriter(out, "csv").abort()  # the next start: finishes a cut switch, removes temp folders
    assert not list(out.glob(TMP_PREFIX + "*"))
    # the tables of the first run, or all of the killed one's once its switch had begun
    switched = _switched(out)
    assert switched or not finished
    _assert_one_complete_run(out, doc_ids | {"sub__added"} if switched else doc_ids)


def _switched(out: Path) -> bool:
    """Whether the killed run had switched its tables in (killed after its switch began)."""
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        return "sub__added" in {r["doc_id"] for r in csv.DictReader(fh)}
