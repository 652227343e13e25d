"""The progress bar of `extract run` on a terminal: total, percentage, rate, ETA (rich)."""
from __future__ import annotations

import os
from pathlib import Path


def count_files(root: Path, exclude=()) -> int:
    """About how many documents a corpus walk yields: its files, without hidden ones, litter
    and the excluded paths; one listing per folder, nothing read."""
    from .io.corpus import ignored

    root = Path(root)
    if not root.is_dir():
        return 1
    skip = {str(Path(p).resolve()) for p in exclude}
    n = 0
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not ignored(d) and str(Path(folder, d).resolve()) not in skip
                   and not os.path.exists(os.path.join(folder, d, ".extract-run.json"))]
        n += sum(1 for f in files if not ignored(f))
    return n


class Bar:
    """A rich progress bar on stderr; `advance` after each document, `stop` at the end."""

    def __init__(self, total: int, console=None):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("extract"), BarColumn(), TaskProgressColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.0f} docs/s"), TextColumn("errors {task.fields[errors]}"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=console or Console(stderr=True), transient=False)
        self._task = self._progress.add_task("run", total=total, rate=0.0, errors=0)
        self._progress.start()

    def advance(self, done: int, errors: int, seconds: float) -> None:
        task = self._progress.tasks[0]
        total = max(task.total or 0, done)  # the count is an estimate: never below what is done
        self._progress.update(self._task, completed=done, total=total, errors=errors,
                              rate=done / seconds if seconds > 0 else 0.0)

    def stop(self) -> None:
        self._progress.stop()
