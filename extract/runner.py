"""Run the pipeline over a corpus folder and stream the tables out."""
from __future__ import annotations

import itertools
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .tables import COLUMNS, OUTPUT_COLUMNS

_STATUS, _ERROR = COLUMNS["documents"].index("status"), COLUMNS["documents"].index("error")

# --jobs 0 starts workers only for a corpus of at least this many documents.
AUTO_MIN_DOCS = 64
# --doc-timeout: seconds one document may take (~0.01 s is usual, a 30 MB text ~40 s).
DOC_TIMEOUT = 120.0
# A document this large gets a line on stderr when it is read: its rows come much later.
BIG_DOCUMENT = 5_000_000
ENGINES = ("local", "dask")


@dataclass
class RunSummary:
    n_docs: int = 0
    n_ok: int = 0
    n_error: int = 0
    n_skipped: int = 0
    seconds: float = 0.0
    out_dir: Path | None = None
    failures: list[tuple[str, str]] = field(default_factory=list)
    tables: dict[str, Path] = field(default_factory=dict)  # table -> the file the run wrote

    def read_tables(self) -> dict:
        """The tables this run wrote as typed pandas DataFrames (extract.read_tables)."""
        from .loader import read_tables

        return read_tables(self.out_dir, tables=list(self.tables))

    @property
    def docs_per_s(self) -> float:
        return self.n_docs / self.seconds if self.seconds else 0.0

    def failed_line(self, shown: int = 5) -> str:
        """The documents that failed, for --strict: "2 documents failed: a.txt (empty file); …"."""
        names = "; ".join(f"{doc_id} ({reason})" for doc_id, reason in self.failures[:shown])
        more = f"; and {len(self.failures) - shown} more (documents.csv)" if len(self.failures) > shown else ""
        return f"{self.n_error} document{'s' if self.n_error != 1 else ''} failed: {names}{more}"

    def line(self) -> str:
        return (f"{self.n_docs} documents: {self.n_ok} ok, {self.n_error} errors, "
                f"{self.n_skipped} skipped in {self.seconds:.1f} s "
                f"({self.docs_per_s:.1f} docs/s) → {self.out_dir}")


def run_corpus(*, corpus: Path, out: Path, fmt: str = "csv", jobs: int = 0, engine: str = "local",
               scheduler: str | None = None, model: str | None = None, rules_dir: Path | None = None,
               quiet: bool = False, progress: bool | None = None, force: bool = False,
               wait: bool = False, doc_timeout: float | None = DOC_TIMEOUT,
               notice: bool = True) -> RunSummary:
    """Process every file under `corpus` and write the tables to `out` as `fmt` (csv, parquet
    or jsonl); `jobs` worker processes (0: one per core for a corpus of AUTO_MIN_DOCS documents
    or more, 1: none). This is `extract run`; the summary holds the counts, the paths of the
    tables (`tables`) and reads them back as DataFrames (`read_tables()`).

    Raises outdir.OutDirError before any work when `out` cannot take the run: it is, or lies
    inside, the corpus; it holds files this tool did not write where the tables go (`force`
    overrides both); another run holds it (`wait` waits for that run). A document that takes
    longer than `doc_timeout` seconds gets an error row (None or 0: no limit). `notice=False`
    drops the one line about the model in use (quiet drops it too)."""
    from .io import iter_corpus
    from .registry import Collector
    from .writers import TableWriter

    corpus, out = Path(corpus), Path(out)
    if not corpus.exists():
        raise FileNotFoundError(f"corpus not found: {corpus}")
    _check_options(engine, jobs, fmt)
    _registry_knowledge(rules_dir)  # a broken registry list fails now, not after the last document
    excluded = _check_overlap(corpus, out, force)
    summary = RunSummary(out_dir=out)
    started = time.perf_counter()
    show = (not quiet) and (progress if progress is not None else sys.stderr.isatty())
    bar = None
    collector = Collector()
    with TableWriter(out, fmt, force=force, wait=wait, meta=_run_meta(corpus, rules_dir)) as writer:
        documents = (iter_corpus(corpus, exclude=excluded) if corpus.is_dir()
                     else iter([_single(corpus)]))
        if not quiet:
            documents = _announce_big(documents)
        results = _results(documents, engine=engine, jobs=jobs, scheduler=scheduler, model=model,
                           rules_dir=rules_dir, quiet=quiet or not notice, timeout=doc_timeout or None)
        if show:
            from .progress import Bar, count_files

            bar = Bar(count_files(corpus, excluded))
        try:
            _write_results(results, writer, collector, summary, bar, started)
        finally:
            if bar is not None:
                bar.stop()
        writer.write(_registry(collector, rules_dir))
    summary.tables = writer.paths
    summary.seconds = time.perf_counter() - started
    return summary


def _write_results(results, writer, collector, summary: RunSummary, bar, started: float) -> None:
    """Each document's cells into the tables (and its text copy), the registry's collector and
    the counts, in input order."""
    for document, cells in results:
        if document.needs_text_copy and document.text is not None:
            path, _ = writer.text_path(document.doc_id)
            path.write_text(document.text, encoding="utf-8")
        writer.write_cells(cells)
        collector.add_cells(cells)
        _count(summary, document, cells["documents"][0])
        if bar is not None:
            bar.advance(summary.n_docs, summary.n_error, time.perf_counter() - started)


def _registry_knowledge(rules_dir):
    from .registry.knowledge import knowledge

    return knowledge(str(rules_dir) if rules_dir else None)


def _registry(collector, rules_dir) -> dict[str, list[dict]]:
    """The corpus-wide tables, from the rows of every document of the run."""
    from .registry import build_registry

    return build_registry(collector.rows, rules_dir=rules_dir)


def _check_overlap(corpus: Path, out: Path, force: bool) -> list[Path]:
    """The paths the corpus walk must leave out; refuses an out folder that is or lies inside
    the corpus, or a corpus that lies where the run writes (unless `force`)."""
    from .outdir import TEXTS, OutDirError, table_files
    from .writers import FORMATS

    real_corpus, real_out = corpus.resolve(), out.resolve()
    written = [real_out / TEXTS] + [real_out / rel for rel in table_files(FORMATS, OUTPUT_COLUMNS)]
    if any(real_corpus == w or real_corpus.is_relative_to(w) for w in written) and not force:
        raise OutDirError(f"the corpus {corpus} lies where --out {out} writes its tables or text "
                          f"copies; choose another --out, or pass --force to write there all the same")
    if not real_corpus.is_dir() or not real_out.is_relative_to(real_corpus):
        return []
    if not force:
        where = "is the corpus folder" if real_out == real_corpus else f"lies inside the corpus {corpus}"
        raise OutDirError(f"--out {out} {where}; choose a folder outside the corpus, or pass --force "
                          f"(its tables and texts are then left out of the corpus)")
    return written if real_out == real_corpus else [real_out]


def _run_meta(corpus: Path, rules_dir) -> dict:
    import uuid
    from datetime import UTC, datetime

    from . import __version__
    from .outdir import rules_hash

    return {"run_id": uuid.uuid4().hex, "version": __version__, "rules_sha256": rules_hash(rules_dir),
            "corpus": str(corpus.resolve()),
            "started": datetime.now(UTC).isoformat(timespec="seconds")}


def _single(path: Path):
    from .io import read_document

    return read_document(path, root=path.parent)


def _check_options(engine: str, jobs: int, fmt: str) -> None:
    from .writers import FORMATS

    if engine not in ENGINES:
        raise ValueError(f"unknown engine '{engine}'; choose local or dask")
    if jobs < 0:
        raise ValueError(f"--jobs must be 0 (one per core) or more, not {jobs}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")


def _announce_big(documents):
    """Say on stderr what libraries warned about a file, with its name, and when a very large
    document starts: its rows come only when it is done."""
    for document in documents:
        for message in document.warnings:
            print(f"\rwarning: {document.source}: {message}", file=sys.stderr, flush=True)
        size = len(document.text or "")
        if size >= BIG_DOCUMENT:
            print(f"\rreading {document.source}: {size / 1e6:.0f} M characters, "
                  f"about {size / 1e6 * 1.5:.0f} s …", file=sys.stderr, flush=True)
        yield document


def _results(documents, *, engine, jobs, scheduler, model, rules_dir, quiet, timeout=None):
    """(document, cells) pairs in input order, from the chosen engine."""
    notice = None if not quiet else False
    if engine == "dask":
        from .engines import dask_results
        from .pipeline import model_notice

        if notice is None and (message := model_notice(model)):
            print(message, file=sys.stderr)  # once here: the workers build theirs silently

        return dask_results(documents, scheduler=scheduler, model=model, rules_dir=rules_dir,
                            timeout=timeout)
    if jobs == 0:
        documents, jobs = _auto_jobs(documents)
    if jobs > 1:
        from .engines import pool_results
        from .pipeline import model_notice

        if notice is None and (message := model_notice(model)):
            print(message, file=sys.stderr)  # the workers build their pipelines silently
        return pool_results(documents, jobs=jobs, model=model, rules_dir=rules_dir, timeout=timeout)
    from .engines import FreshPipeline, local_results, pipeline_builder

    # FreshPipeline rebuilds the pipeline when its vocab has grown large: memory stays flat.
    pipeline = FreshPipeline(pipeline_builder(model, rules_dir, notice=notice))
    return local_results(pipeline, documents, timeout)


def _auto_jobs(documents):
    """(documents, jobs) for --jobs 0: one worker per core once the corpus holds AUTO_MIN_DOCS
    documents; a smaller one runs in this process, where no worker start is to be paid."""
    from .engines import default_workers

    documents = iter(documents)
    head = list(itertools.islice(documents, AUTO_MIN_DOCS))
    jobs = default_workers() if len(head) == AUTO_MIN_DOCS else 1
    return itertools.chain(head, documents), jobs


def _count(summary: RunSummary, document, row: list) -> None:
    """Count one document by the status cell of its documents row."""
    summary.n_docs += 1
    if row[_STATUS] == "ok":
        summary.n_ok += 1
    elif row[_STATUS] == "skipped":
        summary.n_skipped += 1
    else:
        summary.n_error += 1
        summary.failures.append((document.doc_id, row[_ERROR] or ""))
