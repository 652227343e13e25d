"""Parallel engines: local worker processes (`--jobs N`) and dask.distributed (`--engine dask`).

Both yield `(document, cells)` pairs in input order, like the single-process path in
runner.py, so the tables are byte-identical whichever engine wrote them. Documents are
streamed: only a bounded number of chunks is in flight at any time, so memory stays flat
however large the corpus. Each worker builds the pipeline once and keeps it.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

# Documents per task: large enough that pickling and scheduling cost little next to the
# work (~2 ms per document), small enough that the chunks in flight stay a few MB.
CHUNK = 16
# Chunks in flight per worker: keeps every worker busy while the parent writes results.
IN_FLIGHT_PER_WORKER = 4

# Seconds to reach a dask scheduler before the run fails (dask's default is 30).
SCHEDULER_TIMEOUT = 5

# A pipeline is rebuilt once its vocab holds this many strings (see FreshPipeline).
MAX_STRINGS = 50_000

# The pipeline of this worker process, keyed by (model, rules_dir).
_NLP: dict[tuple[str | None, str | None], FreshPipeline] = {}


class FreshPipeline:
    """A pipeline that is rebuilt when its vocab has grown past MAX_STRINGS strings.

    The tokenizer adds every new token string to the vocab (StringStore, lexeme, cache
    entry: ~0.5 KB each) and never lets go; over a large corpus of names, numbers and dates
    that grows without bound. spaCy's memory zones would bound it but switch off the
    tokenizer cache (the run gets ~1.5× slower), so the pipeline is rebuilt instead: the rules
    are cached, a rebuild takes ~30 ms. Rows are plain Python values and do not depend on it.
    """

    def __init__(self, build, max_strings: int | None = None):
        self.build = build
        self.max_strings = max_strings or MAX_STRINGS
        self.nlp = build()
        self.rebuilds = 0

    def process(self, documents: list, timeout: float | None = None) -> list[dict[str, list[dict]]]:
        rows = process_documents(self.nlp, documents, timeout)
        if len(self.nlp.vocab.strings) > self.max_strings:
            self.nlp = self.build(notice=False)  # the first build said it already
            self.rebuilds += 1
        return rows


def pipeline_builder(model: str | None = None, rules_dir: str | Path | None = None, notice=False):
    """A function that builds the batch pipeline with these settings: no span export, no
    sentencizer and no tokens, since only the rows leave the worker."""
    from functools import partial

    from .pipeline import build_nlp, uses_model

    # a trained model's own pipes read tokens; the rule components read only the text
    return partial(build_nlp, model=model, rules_dir=rules_dir, export_spans=False, notice=notice,
                   sentences=False, tokens=uses_model(model))


def _worker_nlp(model: str | None, rules_dir: str | None) -> FreshPipeline:
    key = (model, rules_dir)
    pipeline = _NLP.get(key)
    if pipeline is None:
        pipeline = FreshPipeline(pipeline_builder(model, rules_dir))
        _NLP.clear()  # one pipeline per worker is enough
        _NLP[key] = pipeline
    return pipeline


def process_documents(nlp, documents: list, timeout: float | None = None) -> list[dict[str, list[list]]]:
    """The rows of every table for each document, projected to cells (tables.cells): the
    projection runs in the workers, and lists travel back cheaper than dicts."""
    from .process import process_document
    from .tables import cells

    return [cells(process_document(nlp, d, timeout)) for d in documents]


def process_chunk(documents: list, model: str | None = None, rules_dir: str | None = None,
                  timeout: float | None = None) -> list[dict[str, list[dict]]]:
    """Rows of each document of a chunk; runs inside a worker (pool or dask)."""
    return _worker_nlp(model, rules_dir).process(documents, timeout)


def local_results(pipeline: FreshPipeline, documents: Iterable, timeout: float | None = None) -> Iterator[tuple]:
    """(document, cells) in input order in this process."""
    for chunk in _chunks(documents, CHUNK):
        yield from zip(chunk, pipeline.process(chunk, timeout), strict=True)


def _chunks(documents: Iterable, size: int) -> Iterator[list]:
    it = iter(documents)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _ordered(chunks: Iterator[list], submit, result, limit: int) -> Iterator[tuple]:
    """Submit chunks while at most `limit` are pending; yield their pairs in input order."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= limit:
            yield from _pairs(*pending.popleft(), result)
    while pending:
        yield from _pairs(*pending.popleft(), result)


def _pairs(chunk: list, handle, result) -> Iterator[tuple]:
    yield from zip(chunk, result(handle), strict=True)


def default_workers() -> int:
    """One single-threaded worker per core this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _key(rules_dir: str | Path | None) -> str | None:
    return str(Path(rules_dir).resolve()) if rules_dir else None


# --- local worker processes --------------------------------------------------------------

def _pool_init(model: str | None, rules_dir: str | None, parent: int | None = None) -> None:
    if parent is not None:
        from .outdir import close_inherited_locks

        exit_with_parent(parent)
        close_inherited_locks()
    _worker_nlp(model, rules_dir)


def exit_with_parent(parent: int) -> None:
    """End this worker when the run that started it dies (kill -9): no orphan goes on working.
    Linux sends the signal itself (PR_SET_PDEATHSIG); elsewhere a thread watches the parent."""
    import signal

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        import threading

        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int, every: float = 1.0) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def pool_results(documents: Iterable, *, jobs: int, model: str | None = None,
                 rules_dir: str | Path | None = None, timeout: float | None = None) -> Iterator[tuple]:
    """(document, cells) in input order from `jobs` worker processes.

    Chunks are submitted as the input is read, at most jobs × IN_FLIGHT_PER_WORKER of them
    pending, so the input is never read ahead. Only the documents travel to the workers; the
    cells come back. A worker that dies (killed, out of memory) fails the run with
    BrokenProcessPool instead of leaving it waiting for a result that never comes.
    """
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    # fork shares the imported modules, so workers start in milliseconds instead of re-importing.
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    from .rules import cached_rules

    rules_key = _key(rules_dir)
    # Rule errors surface here with FILE:LINE, not as a broken pool; forked workers inherit
    # the loaded rules.
    cached_rules(rules_key)
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_pool_init,
                             initargs=(model, rules_key, os.getpid())) as pool:
        yield from _ordered(
            _chunks(documents, CHUNK),
            submit=lambda chunk: pool.submit(process_chunk, chunk, model, rules_key, timeout),
            result=lambda future: future.result(),
            limit=jobs * IN_FLIGHT_PER_WORKER)


# --- dask.distributed ------------------------------------------------------------------------

def dask_results(documents: Iterable, *, scheduler: str | None = None, model: str | None = None,
                 rules_dir: str | Path | None = None, n_workers: int | None = None,
                 timeout: float | None = None) -> Iterator[tuple]:
    """(document, cells) in input order from a dask cluster.

    With `scheduler` (tcp://host:8786) the run connects to that cluster, whose workers must
    have `extract` installed and see the same rules folder; without it a LocalCluster of
    one single-threaded worker process per core is started and closed at the end.
    """
    import logging

    from distributed import Client, LocalCluster

    rules_key = _key(rules_dir)
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        else:
            cluster = LocalCluster(n_workers=n_workers or default_workers(), threads_per_worker=1,
                                   processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
        with client:
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            yield from _ordered(
                _chunks(documents, CHUNK),
                # pure=False: two chunks with equal text must still both run (no key reuse).
                submit=lambda chunk: client.submit(process_chunk, chunk, model, rules_key, timeout,
                                                   pure=False),
                result=lambda future: future.result(),
                limit=workers * IN_FLIGHT_PER_WORKER)
    finally:
        if cluster is not None:
            cluster.close()
