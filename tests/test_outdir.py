"""The out folder: a run never deletes or mixes what it did not write (issue 11, items 1-4)."""
from __future__ import annotations

import csv
import errno
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.runner import run_corpus
from extract.writers import TableWriter

from .conftest import CORPUS, ROOT

MANIFEST = ".extract-run.json"
TMP_PREFIX = ".extract-run-"  # temp folders of runs in progress
PAGE = "<html><body><p>Das Kompetenzzentrum Berlin erhält 1,2 Mio. Euro.</p></body></html>"


def _cli(*args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _docs(out: Path) -> list[dict]:
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _corpus(folder: Path, n: int = 2) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"r{i}.txt").write_text(f"Das Kompetenzzentrum in Bremen Nummer {i} erhält 1,2 Mio. Euro.",
                                          encoding="utf-8")
    return folder


def test_a_run_refuses_an_out_folder_whose_texts_it_did_not_write(tmp_path):
    # the reproduction of the issue: the corpus folder is named texts/, the out folder its parent
    texts = tmp_path / "texts"
    texts.mkdir()
    for p in CORPUS.glob("*.txt"):
        shutil.copy(p, texts)
    (texts / "p.html").write_text(PAGE, encoding="utf-8")
    before = _snapshot(texts)
    code, _, err = _cli("run", texts, "--out", tmp_path)
    assert code == 2
    assert err.count("\n") == 1 and "texts" in err and "--force" in err and "Traceback" not in err
    assert _snapshot(texts) == before
    assert not (tmp_path / "documents.csv").exists()


def test_foreign_files_in_texts_or_at_a_table_name_are_refused_and_force_keeps_the_others(tmp_path):
    corpus = _corpus(tmp_path / "c")
    (corpus / "p.html").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "o"
    (out / "texts").mkdir(parents=True)
    (out / "texts" / "mine.txt").write_text("my notes", encoding="utf-8")
    code, _, err = _cli("run", corpus, "--out", out)
    assert code == 2 and "texts/mine.txt" in err
    other = tmp_path / "o2"
    other.mkdir()
    (other / "persons.jsonl").write_text("{}\n", encoding="utf-8")
    code, _, err = _cli("run", corpus, "--out", other)
    assert code == 2 and "persons.jsonl" in err
    # --force writes its own files and leaves every other file as it was
    code, _, err = _cli("run", corpus, "--out", out, "--force", "-q")
    assert code == 0, err
    assert (out / "texts" / "mine.txt").read_text(encoding="utf-8") == "my notes"
    assert (out / "texts" / "p.txt").exists()


def test_a_run_replaces_only_the_files_an_earlier_run_wrote(tmp_path):
    corpus = _corpus(tmp_path / "c")
    (corpus / "p.html").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "o"
    assert _cli("run", corpus, "--out", out, "-q")[0] == 0
    (out / "notes.md").write_text("keep me", encoding="utf-8")
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert {"run_id", "version", "rules_sha256", "files"} <= set(manifest)
    assert "texts/p.txt" in manifest["files"] and "documents.csv" in manifest["files"]
    # the html page is gone from the corpus: its old text copy, written by the first run, goes too
    (corpus / "p.html").unlink()
    assert _cli("run", corpus, "--out", out, "-q")[0] == 0
    assert (out / "notes.md").read_text(encoding="utf-8") == "keep me"
    assert not (out / "texts").exists()
    assert [d["doc_id"] for d in _docs(out)] == ["r0", "r1"]
    # another format replaces the set: no csv of the earlier run stays beside the jsonl
    assert _cli("run", corpus, "--out", out, "-q", "--format", "jsonl")[0] == 0
    assert not list(out.glob("*.csv")) and (out / "documents.jsonl").exists()


def test_tables_of_a_version_before_the_manifest_are_taken_as_its_own(tmp_path):
    corpus = _corpus(tmp_path / "c")
    out = tmp_path / "o"
    assert _cli("run", corpus, "--out", out, "-q")[0] == 0
    (out / MANIFEST).unlink()
    assert _cli("run", corpus, "--out", out, "-q")[0] == 0


def test_tables_of_a_version_with_fewer_columns_are_taken_as_its_own(tmp_path):
    corpus = _corpus(tmp_path / "c")
    out = tmp_path / "o"
    assert _cli("run", corpus, "--out", out, "-q")[0] == 0
    (out / MANIFEST).unlink()
    documents = out / "documents.csv"
    lines = documents.read_text(encoding="utf-8").splitlines()
    # documents.csv as written before published_year and published_month were added
    documents.write_text("\n".join(",".join(line.split(",")[:-2]) for line in lines) + "\n", encoding="utf-8")
    assert _cli("run", corpus, "--out", out, "-q")[0] == 0
    documents.write_text("doc_id,notes\nr0,mine\n", encoding="utf-8")
    (out / MANIFEST).unlink()
    assert _cli("run", corpus, "--out", out, "-q")[0] == 2  # a file of someone else's is not replaced


@pytest.mark.parametrize("inside", [True, False])
def test_an_out_folder_in_the_corpus_is_refused_and_never_read_back(tmp_path, inside):
    corpus = _corpus(tmp_path / "c")
    (corpus / "p.html").write_text(PAGE, encoding="utf-8")
    out = corpus / "out" if inside else corpus
    code, _, err = _cli("run", corpus, "--out", out)
    assert code == 2 and "corpus" in err
    for _ in range(2):  # the second run would read the first one's tables and text copies
        code, _, err = _cli("run", corpus, "--out", out, "--force", "-q")
        assert code == 0, err
    assert sorted(d["doc_id"] for d in _docs(out)) == ["p", "r0", "r1"]
    assert all(d["status"] == "ok" for d in _docs(out))


def test_another_run_s_out_folder_inside_the_corpus_is_not_read(tmp_path):
    corpus = _corpus(tmp_path / "c")
    assert _cli("run", corpus, "--out", tmp_path / "o", "-q")[0] == 0
    shutil.copytree(tmp_path / "o", corpus / "old-out")
    assert _cli("run", corpus, "--out", tmp_path / "o", "-q")[0] == 0
    assert [d["doc_id"] for d in _docs(tmp_path / "o")] == ["r0", "r1"]


def test_a_second_run_into_a_busy_out_folder_exits_2_or_waits(tmp_path):
    corpus = _corpus(tmp_path / "c")
    out = tmp_path / "o"
    holder = TableWriter(out, "csv")  # a run in progress
    code, _, err = _cli("run", corpus, "--out", out)
    assert code == 2 and "another run" in err and str(os.getpid()) in err
    done = []
    waiter = threading.Thread(target=lambda: done.append(run_corpus(corpus=corpus, out=out, quiet=True,
                                                                    wait=True)))
    waiter.start()
    time.sleep(0.5)
    assert not done  # still waiting for the holder
    holder.close()
    waiter.join(30)
    assert done and done[0].n_ok == 2
    assert [d["doc_id"] for d in _docs(out)] == ["r0", "r1"]


def test_a_switch_cut_short_is_seen_by_readers_and_completed_by_the_next_run(tmp_path, monkeypatch):
    from extract import outdir
    from extract.outdir import OutDirError, check_complete

    out = tmp_path / "o"
    with TableWriter(out, "csv", meta={"run_id": "old"}) as w:
        w.write({"documents": [{"doc_id": "old", "status": "ok"}]})
    writer = TableWriter(out, "csv", meta={"run_id": "new"})
    writer.write({"documents": [{"doc_id": "new", "status": "ok"}],
                  "mentions": [{"doc_id": "new", "label": "ORG", "text": "x", "start": 0, "end": 1}]})
    for sink in writer._sinks.values():
        sink.close()
    real, moved = os.replace, []

    def dying(src, dst):
        if Path(dst).suffix == ".csv":  # a table moved in
            if moved:
                raise KeyboardInterrupt  # stands for kill -9 in the middle of the switch
            moved.append(dst)
        real(src, dst)

    monkeypatch.setattr(outdir.os, "replace", dying)
    with pytest.raises(KeyboardInterrupt):
        writer._out.commit(writer.tmp, [f"{t}.csv" for t in writer._sinks], {"run_id": "new"})
    monkeypatch.setattr(outdir.os, "replace", real)
    writer._out.release()
    # one table is new, the others old: a reader must not take them as one run's set
    with pytest.raises(OutDirError):
        check_complete(out)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "new.json").write_text("{}", encoding="utf-8")
    code, _, err = _cli("evaluate", "--gold", tmp_path / "gold", "--pred", out)
    assert code == 1 and "run extract again" in err
    # the next run into the folder completes the switch before it starts
    TableWriter(out, "csv").abort()
    check_complete(out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["run_id"] == "new"
    assert [d["doc_id"] for d in _docs(out)] == ["new"]
    assert "new" in (out / "mentions.csv").read_text(encoding="utf-8")
    assert not list(out.glob(TMP_PREFIX + "*"))


def test_a_table_changed_after_the_run_is_seen_by_readers(tmp_path):
    from extract.outdir import OutDirError, check_complete

    corpus = _corpus(tmp_path / "c")
    out = tmp_path / "o"
    run_corpus(corpus=corpus, out=out, quiet=True)
    check_complete(out)
    with (out / "cities.csv").open("a", encoding="utf-8") as fh:
        fh.write("x,Berlin,Berlin,1,r,0,1\n")
    with pytest.raises(OutDirError):
        check_complete(out)


def test_temp_folders_of_dead_runs_are_removed_at_start(tmp_path):
    corpus = _corpus(tmp_path / "c")
    out = tmp_path / "o"
    stale = out / ".extract-run-dead1234"
    (stale / "texts").mkdir(parents=True)
    (stale / "documents.csv").write_bytes(b"x" * 100_000)
    run_corpus(corpus=corpus, out=out, quiet=True)
    assert not stale.exists()
    assert not [p for p in out.iterdir() if p.name.startswith(TMP_PREFIX)]


def _disk_full(*_):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_abort_never_raises_over_the_first_error(tmp_path, monkeypatch):
    from extract import writers

    first = OSError(errno.ENOSPC, "first: No space left on device")
    monkeypatch.setattr(writers._CsvSink, "close", _disk_full)
    with pytest.raises(OSError) as caught, TableWriter(tmp_path, "csv") as w:
        w.write({"documents": [{"doc_id": "a"}]})
        raise first
    assert caught.value is first
    assert not list(tmp_path.glob(TMP_PREFIX + "*"))


def test_a_disk_full_at_the_end_keeps_the_old_tables_and_no_temp_folder(tmp_path, monkeypatch):
    from extract import writers

    with TableWriter(tmp_path, "csv") as w:
        w.write({"documents": [{"doc_id": "old"}]})
    before = _snapshot(tmp_path)
    monkeypatch.setattr(writers._CsvSink, "close", _disk_full)
    with pytest.raises(OSError, match="No space"), TableWriter(tmp_path, "csv") as w:
        w.write({"documents": [{"doc_id": "new"}]})
    assert not list(tmp_path.glob(TMP_PREFIX + "*"))
    after = _snapshot(tmp_path)
    assert {k: v for k, v in after.items() if not k.startswith(".")} == \
        {k: v for k, v in before.items() if not k.startswith(".")}


_KILLED_PARENT = """
import os, sys, time
from extract import engines

def slow(chunk, *args):
    time.sleep(60)

engines.process_chunk = slow
class D:
    def __init__(self, i): self.doc_id = f"d{i}"
results = engines.pool_results(iter([D(i) for i in range(64)]), jobs=2)
next(results)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_pool_workers_exit_when_the_run_is_killed(tmp_path):
    import psutil

    parent = subprocess.Popen([sys.executable, "-c", _KILLED_PARENT], cwd=ROOT)
    workers: list = []
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.2)
            workers = [c for c in psutil.Process(parent.pid).children() if c.name().startswith("python")]
        assert len(workers) >= 2, "the pool did not start"
        time.sleep(1.5)  # the workers are busy with a chunk
        parent.kill()
        parent.wait()
        _, alive = psutil.wait_procs(workers, timeout=5)
        assert not alive, f"orphaned workers: {[p.pid for p in alive]}"
    finally:
        parent.kill()
        for worker in workers:
            if worker.is_running():
                worker.kill()
