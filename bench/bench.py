"""Throughput and memory benchmark of `extract run` against the bare spaCy tokenizer.

    python bench/bench.py --docs 2000     # throughput table (make bench)
    python bench/bench.py --memory        # peak RSS over 2,000 and 20,000 documents (make bench-memory)
    python bench/bench.py --components    # CPU ms per pipeline step, in one process (make bench-steps)

Every measurement runs in its own subprocess, so its peak RSS is its own. RSS is sampled
over the whole process tree (workers included) every 20 ms with psutil; the main process's
own peak comes from wait4(). Results are printed and written between the markers of their
section (REPORTS): the throughput table in README.md, the others in docs/PERFORMANCE.md.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import build

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
# Where each section's table lives: the current throughput in the README, the rest in the diary.
README, PERFORMANCE = ROOT / "README.md", ROOT / "docs" / "PERFORMANCE.md"
REPORTS = {"bench": README, "bench-memory": PERFORMANCE, "where": PERFORMANCE, "bench-worst": PERFORMANCE}
PY = sys.executable

# Run in a child: the tokenizer baseline reads, decodes and tokenizes the same files.
TOKENIZER = """
import sys, pathlib, spacy
nlp = spacy.blank("de")
paths = sorted(pathlib.Path(sys.argv[1]).rglob("*.txt"))
texts = (p.read_bytes().decode("utf-8") for p in paths)
n = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
print(n, file=sys.stderr)
"""


@dataclass
class Result:
    name: str
    wall: float
    peak_tree_mb: float
    peak_main_mb: float
    returncode: int


def extract_cmd() -> list[str]:
    exe = Path(PY).parent / "extract"
    return [str(exe)] if exe.exists() else [PY, "-c", "from extract.cli import main; main()"]


def measure(name: str, cmd: list[str]) -> Result:
    """Wall time and peak RSS of one command run to completion."""
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not done.is_set():
            total = 0
            try:
                for p in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        total += p.memory_info().rss
            except psutil.Error:
                break
            peak[0] = max(peak[0], total)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        print(f"{name} failed ({proc.returncode}):\n{stderr.decode(errors='replace')[-2000:]}",
              file=sys.stderr)
    main_mb = usage.ru_maxrss / 1024  # kB on Linux
    return Result(name, wall, max(peak[0] / 2**20, main_mb), main_mb, proc.returncode)


def corpus_size(folder: Path) -> tuple[int, int, int]:
    """(documents, words, bytes) of the bench corpus; words are whitespace-separated."""
    n = words = size = 0
    for path in folder.glob("*.txt"):
        data = path.read_bytes()
        n, words, size = n + 1, words + len(data.split()), size + len(data)
    return n, words, size


def run_cmd(data: Path, out: Path, *extra: str) -> list[str]:
    return [*extract_cmd(), "run", str(data), "--out", str(out), "--quiet", *extra]


def help_time(repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([*extract_cmd(), "--help"], stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def machine() -> str:
    return (f"{dt.date.today().isoformat()}, {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}")


def throughput(n: int, engines: list[str]) -> str:
    data = build(BENCH / "data" / f"n{n}", n)
    docs, words, size = corpus_size(data)
    workers = len(os.sched_getaffinity(0))
    runs = [("spaCy blank('de') tokenizer", [PY, "-c", TOKENIZER, str(data)])]
    if "default" in engines:
        runs.append((f"extract run (default: {workers} workers)", run_cmd(data, BENCH / "out")))
    if "single" in engines:
        runs.append(("extract run --jobs 1", run_cmd(data, BENCH / "out-single", "--jobs", "1")))
    if "dask" in engines:
        runs.append(("extract run --engine dask", run_cmd(data, BENCH / "out-dask", "--engine", "dask")))
    results = []
    for name, cmd in runs:
        print(f"… {name}", file=sys.stderr, flush=True)
        results.append(measure(name, cmd))
    base = results[0].wall
    lines = [f"{docs:,} documents, {words:,} words, {size / 2**20:.1f} MB ({machine()}).", "",
             "| run | wall s | docs/s | words/s | peak RSS MB | speed vs tokenizer |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        flag = "" if r.returncode == 0 else " (failed)"
        lines.append(f"| {r.name}{flag} | {r.wall:.1f} | {docs / r.wall:,.0f} | {words / r.wall:,.0f} | "
                     f"{r.peak_tree_mb:,.0f} | {base / r.wall:.2f} |")
    lines += ["", f"`extract --help`: {help_time():.2f} s (median of 5; target ≤ 0.3 s).",
              "Wall times include interpreter start, imports and pipeline build; peak RSS sums "
              "the process and its workers. The tokenizer runs in one process."]
    return "\n".join(lines)


def memory(sizes: tuple[int, ...] = (2000, 20000)) -> str:
    runs = [("default", ()), ("--jobs 1", ("--jobs", "1"))]
    results: dict[tuple[str, int], Result] = {}
    for n in sizes:
        data = build(BENCH / "data" / f"n{n}", n)
        for name, extra in runs:
            print(f"… extract run {name} over {n:,} documents", file=sys.stderr, flush=True)
            results[name, n] = measure(f"{n}", run_cmd(data, BENCH / "out-memory", *extra))
    lines = [f"`extract run` peak RSS by corpus size ({machine()}); the default run's RSS sums the "
             "process and its workers.", "",
             "| run | documents | wall s | docs/s | peak RSS MB |", "| --- | ---: | ---: | ---: | ---: |"]
    for name, _ in runs:
        for n in sizes:
            r = results[name, n]
            lines.append(f"| {name} | {n:,} | {r.wall:.1f} | {n / r.wall:,.0f} | {r.peak_tree_mb:,.0f} |")
    lines.append("")
    for name, _ in runs:
        ratio = results[name, sizes[-1]].peak_tree_mb / results[name, sizes[0]].peak_tree_mb
        lines.append(f"Peak RSS ratio {sizes[-1]:,} / {sizes[0]:,} documents, {name}: **{ratio:.2f}** "
                     "(target ≤ 1.2).  ")
    return "\n".join(lines)


def components(n: int) -> str:
    """CPU ms per document of each pipeline step, in this process, over the bench corpus."""
    from collections import Counter

    from extract.engines import pipeline_builder
    from extract.extensions import prepare
    from extract.io import iter_corpus
    from extract.tables import cells, doc_rows

    data = build(BENCH / "data" / f"n{n}", n)
    clock = time.process_time
    started = clock()
    nlp = pipeline_builder()()
    build_s = clock() - started
    spent: Counter = Counter()
    for document in iter_corpus(data):
        t = clock()
        doc = prepare(nlp.make_doc(document.text), doc_id=document.doc_id, published=document.published,
                      text=document.text)
        spent["make_doc"] += clock() - t
        for name, proc in nlp.pipeline:
            t = clock()
            doc = proc(doc)
            spent[name] += clock() - t
        t = clock()
        cells(doc_rows(document, doc))
        spent["rows → cells"] += clock() - t
    lines = ["| step | ms/doc |", "| --- | ---: |"]
    lines += [f"| {name} | {sec / n * 1000:.2f} |" for name, sec in spent.most_common()]
    lines += [f"| all steps | {sum(spent.values()) / n * 1000:.2f} |", "",
              f"{n:,} documents ({machine()}); building the pipeline took {build_s:.1f} s."]
    return "\n".join(lines)


def write_section(marker: str, body: str) -> None:
    """Replace the text between <!-- MARKER:start --> and <!-- MARKER:end --> in its report."""
    report = REPORTS[marker]
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    text = report.read_text(encoding="utf-8") if report.exists() else "# Performance\n"
    block = f"{start}\n{body}\n{end}"
    if start in text and end in text:
        text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    report.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents in the throughput corpus")
    parser.add_argument("--memory", action="store_true", help="peak RSS over 2,000 and 20,000 documents")
    parser.add_argument("--engines", default="default,single,dask", help="which runs (default,single,dask)")
    parser.add_argument("--components", action="store_true", help="CPU time per pipeline step, in-process")
    parser.add_argument("--no-write", action="store_true", help="print only; leave README.md and docs/PERFORMANCE.md")
    args = parser.parse_args(argv)
    if args.memory:
        body, marker = memory(), "bench-memory"
    elif args.components:
        body, marker = components(args.docs), "where"
    else:
        body, marker = throughput(args.docs, args.engines.split(",")), "bench"
    print(body)
    if not args.no_write:
        write_section(marker, body)
    for out in BENCH.glob("out*"):
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
