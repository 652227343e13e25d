"""Parallel engines: --jobs and --engine dask write the same bytes as the single-process run,
read their input lazily and free the strings each chunk adds to the vocab."""
from __future__ import annotations

import itertools
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from extract import engines
from extract.runner import run_corpus
from extract.tables import COLUMNS

from .conftest import CORPUS


def tables(out: Path) -> dict[str, bytes]:
    files = {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")}
    assert "documents.csv" in files and "mentions.csv" in files
    return files


@pytest.fixture(scope="module")
def local_tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    summary = run_corpus(corpus=CORPUS, out=out, jobs=1, quiet=True)
    assert summary.n_ok == summary.n_docs == len(list(CORPUS.glob("*.txt")))
    written = tables(out)
    assert written["mentions.csv"].count(b"\n") > 10, "nothing to compare: no mentions found"
    for table in ("registry_centres.csv", "registry_institutions.csv", "registry_links.csv"):
        assert written[table].count(b"\n") > 2, f"nothing to compare: {table} is empty"
    return written


def test_jobs_2_writes_the_same_tables_as_jobs_1(local_tables, tmp_path):
    run_corpus(corpus=CORPUS, out=tmp_path, jobs=2, quiet=True)
    assert tables(tmp_path) == local_tables


@pytest.mark.slow
def test_dask_local_cluster_writes_the_same_tables(local_tables, tmp_path, monkeypatch):
    monkeypatch.setattr(engines, "default_workers", lambda: 2)
    run_corpus(corpus=CORPUS, out=tmp_path, engine="dask", quiet=True)
    assert tables(tmp_path) == local_tables


@pytest.mark.slow
def test_dask_with_a_scheduler_address_writes_the_same_tables(local_tables, tmp_path):
    import logging

    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster:
        run_corpus(corpus=CORPUS, out=tmp_path, engine="dask", scheduler=cluster.scheduler_address,
                   quiet=True)
        # the run connects to the cluster and leaves it running for its owner
        assert cluster.status.name == "running"
    assert tables(tmp_path) == local_tables


@dataclass
class Unreadable:
    """Stands in for an io.Document that failed to read: processing it is instant."""
    doc_id: str
    source: str = ""
    text: str | None = None
    kind: str = "txt"
    status: str = "error"
    error: str = "unreadable"
    title: str = ""
    encoding: str = ""
    needs_text_copy: bool = False


def test_pool_reads_its_input_lazily():
    pulled = []

    def documents():
        for i in itertools.count():
            pulled.append(i)
            yield Unreadable(doc_id=f"d{i}")

    results = engines.pool_results(documents(), jobs=2)
    first = [doc.doc_id for doc, _ in itertools.islice(results, 50)]
    results.close()
    assert first == [f"d{i}" for i in range(50)]
    bound = (2 * engines.IN_FLIGHT_PER_WORKER + 1) * engines.CHUNK + 50
    assert len(pulled) <= bound


def test_pool_keeps_input_order_and_rows():
    docs = [Unreadable(doc_id=f"d{i}", error=f"e{i}") for i in range(101)]
    pairs = list(engines.pool_results(iter(docs), jobs=2))
    assert [d for d, _ in pairs] == docs
    error = COLUMNS["documents"].index("error")
    assert [cells["documents"][0][error] for _, cells in pairs] == [f"e{i}" for i in range(101)]


def test_a_grown_vocab_gets_a_fresh_pipeline_and_the_same_rows():
    """A pipeline that tokenizes (one with a trained model) grows its vocab; it is rebuilt."""
    from functools import partial

    from extract.pipeline import build_nlp

    texts = [f"Das Zentrum Wortneu{i} in Leipzig erhält {i},5 Millionen Euro.\n" for i in range(40)]
    docs = [Unreadable(doc_id=f"d{i}", text=t, status="ok", error="") for i, t in enumerate(texts)]
    tokenizing = partial(build_nlp, export_spans=False, sentences=False, tokens=True, notice=False)
    steady = engines.FreshPipeline(tokenizing, max_strings=10**9)
    fresh = engines.FreshPipeline(tokenizing, max_strings=1)
    first = fresh.nlp
    expected = [steady.process([d]) for d in docs]
    assert [fresh.process([d]) for d in docs] == expected
    assert fresh.rebuilds == len(docs) and fresh.nlp is not first
    assert steady.rebuilds == 0
    assert "Wortneu39" not in fresh.nlp.vocab.strings


def test_batch_rows_equal_the_rows_of_the_full_pipeline(nlp):
    """Batch runs drop the sentencizer; no component may depend on it."""
    from extract.io import iter_corpus
    from extract.process import process_document
    from extract.tables import cells

    documents = list(iter_corpus(CORPUS))
    batch = engines.FreshPipeline(engines.pipeline_builder())
    assert "sentencizer" not in batch.nlp.pipe_names and "sentencizer" in nlp.pipe_names
    assert batch.process(documents) == [cells(process_document(nlp, d)) for d in documents]


def test_batch_pipeline_reads_text_without_tokenizing_it():
    """Batch Docs hold no tokens, so a corpus of new words leaves the vocab as it was."""
    from extract.io import iter_corpus
    from extract.pipeline import analyse

    batch = engines.FreshPipeline(engines.pipeline_builder())
    before = len(batch.nlp.vocab.strings)
    batch.process(list(iter_corpus(CORPUS)))
    assert len(batch.nlp.vocab.strings) == before
    text = "Das Zentrum Wortneu in Leipzig erhält 1,5 Millionen Euro."
    doc = analyse(batch.nlp, text)
    assert len(doc) == 0 and doc._.text == text
    assert {m.label for m in doc._.mentions} >= {"CITY", "MONEY"}


def _die(*_args):
    os._exit(3)


def test_a_worker_that_dies_fails_the_run_instead_of_hanging(monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    monkeypatch.setattr(engines, "process_chunk", _die)
    docs = [Unreadable(doc_id=f"d{i}", error="e") for i in range(40)]
    with pytest.raises(BrokenProcessPool):
        list(engines.pool_results(iter(docs), jobs=2))


def test_jobs_0_starts_workers_only_for_a_corpus_worth_it(monkeypatch):
    from extract import runner

    monkeypatch.setattr(engines, "default_workers", lambda: 2)
    small = [Unreadable(doc_id=f"s{i}", error="e") for i in range(runner.AUTO_MIN_DOCS - 1)]
    large = [Unreadable(doc_id=f"l{i}", error="e") for i in range(runner.AUTO_MIN_DOCS + 5)]
    for docs, jobs in ((small, 1), (large, 2)):
        stream, chosen = runner._auto_jobs(iter(docs))
        assert chosen == jobs and list(stream) == docs  # every document, in order


def test_a_broken_rule_stops_a_worker_run_with_its_file_and_line(tmp_path):
    import shutil

    from extract.rules import RuleError

    from .conftest import ROOT

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    with (rules / "patterns" / "money.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"id": "money.broken", "label": "MONEY", "pattern": "(unclosed"}\n')
    with pytest.raises(RuleError, match=r"money\.jsonl:\d+"):
        run_corpus(corpus=CORPUS, out=tmp_path / "out", jobs=2, rules_dir=rules, quiet=True)


def test_threads_sharing_one_pipeline_get_the_rows_of_a_sequential_run():
    """A dask worker may run several threads over one pipeline: no cache or component state
    may mix up documents."""
    from concurrent.futures import ThreadPoolExecutor

    from extract.io import iter_corpus

    documents = list(iter_corpus(CORPUS)) * 8
    batch = engines.FreshPipeline(engines.pipeline_builder())
    expected = batch.process(documents)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, so that a race shows
    try:
        with ThreadPoolExecutor(4) as pool:
            assert list(pool.map(lambda d: batch.process([d])[0], documents)) == expected
    finally:
        sys.setswitchinterval(interval)
