"""The out folder as one transaction: a lock, a manifest of what a run wrote, one switch.

What a run keeps in OUT besides its tables (TABLE.FMT) and text copies (texts/):
  .extract-run.json   manifest of the last completed run: run id, version, rules hash, files
  .extract-run.lock   flock held by the run writing OUT; the OS releases it when the run dies
  .extract-run.next   journal, present only while a finished run moves its files in
  .extract-run-XXXX/  temp folder of the run in progress; one left by a dead run is removed

A run replaces only files that the manifest says an earlier run wrote; any other file where
its tables or texts go makes it refuse (OutDirError) unless forced. The switch moves every
file in, then replaces the manifest; a run killed inside the switch leaves the journal, and
the next run completes that switch before it starts. Readers call `check_complete`.
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import shutil
import uuid
from pathlib import Path

MANIFEST = ".extract-run.json"
LOCK = ".extract-run.lock"
JOURNAL = ".extract-run.next"
TMP_PREFIX = ".extract-run-"
TEXTS = "texts"
_LISTED = 5  # foreign files named in the error line


class OutDirError(Exception):
    """The out folder cannot take this run (a usage error: the run has not started)."""


def table_files(formats, tables) -> list[str]:
    return [f"{table}.{fmt}" for table in tables for fmt in formats]


class OutDir:
    """Exclusive use of one out folder for one run; `commit` switches its files in."""

    def __init__(self, path: Path | str, *, tables, formats, force: bool = False, wait: bool = False):
        self.path = Path(path)
        self.tables, self.formats = tuple(tables), tuple(formats)
        if self.path.exists() and not self.path.is_dir():
            raise OutDirError(f"--out {self.path} is a file, not a folder")
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutDirError(f"cannot create --out {self.path}: {exc.strerror or exc}") from exc
        if not os.access(self.path, os.W_OK | os.X_OK):
            raise OutDirError(f"--out {self.path} is not writable")
        self._lock_fd = _lock(self.path, wait)
        try:
            finish_switch(self.path)
            remove_stale_temp(self.path)
            self.previous = written_files(self.path, self.tables, self.formats)
            if not force:
                self._refuse_foreign()
        except BaseException:
            self.release()
            raise

    def new_temp(self) -> Path:
        return self.path / f"{TMP_PREFIX}{uuid.uuid4().hex[:12]}"

    def _refuse_foreign(self) -> None:
        foreign = [rel for rel in self._targets() if rel not in self.previous]
        if foreign:
            names = ", ".join(foreign[:_LISTED]) + (f" and {len(foreign) - _LISTED} more"
                                                     if len(foreign) > _LISTED else "")
            raise OutDirError(f"--out {self.path} holds files this tool did not write where its "
                              f"tables go ({names}); choose an empty or new folder, or pass --force "
                              f"to overwrite them")

    def _targets(self) -> list[str]:
        """Files in OUT at the places a run writes: every table name in every format, texts/."""
        found = [rel for rel in table_files(self.formats, self.tables) if os.path.lexists(self.path / rel)]
        texts = self.path / TEXTS
        if texts.is_symlink() or (texts.exists() and not texts.is_dir()):
            found.append(TEXTS)
        elif texts.is_dir():
            for folder, dirs, files in os.walk(texts):
                dirs.sort()
                for name in sorted(files) + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
                    found.append(Path(folder, name).relative_to(self.path).as_posix())
        return found

    def commit(self, temp: Path, files: list[str], meta: dict) -> None:
        """Switch the files `temp` holds (relative names) into OUT, then the manifest."""
        manifest = {**meta, "files": {rel: _fingerprint(temp / rel) for rel in files}}
        _write_json(temp / MANIFEST, manifest)
        _write_json(self.path / JOURNAL, {"temp": temp.name})
        _switch(self.path, temp)

    def release(self) -> None:
        if self._lock_fd is not None:
            _HELD.discard(self._lock_fd)
            with contextlib.suppress(OSError):
                os.close(self._lock_fd)  # closing the descriptor drops the flock
            self._lock_fd = None


_HELD: set[int] = set()  # lock descriptors of this process, closed in forked workers


def close_inherited_locks() -> None:
    """In a forked worker: drop the copies of the parent's lock descriptors, so that only the
    run itself holds its out folder (a worker that outlived it would keep the lock)."""
    for fd in list(_HELD):
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


def _lock(path: Path, wait: bool) -> int | None:
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, as before
        return None
    fd = os.open(path / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        os.close(fd)
        raise OutDirError(f"another run (pid {holder or '?'}) is writing to --out {path}; wait for it "
                          f"to finish, pass --wait, or choose another folder") from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode(), 0)
    _HELD.add(fd)
    return fd


def finish_switch(path: Path) -> None:
    """Complete the switch of a run that was killed while moving its files in."""
    journal = path / JOURNAL
    if not journal.exists():
        return
    try:
        temp = path / json.loads(journal.read_text(encoding="utf-8"))["temp"]
    except (ValueError, KeyError, TypeError, OSError):
        temp = None
    if temp is not None and temp.name.startswith(TMP_PREFIX) and (temp / MANIFEST).is_file():
        _switch(path, temp)
    else:  # the manifest was already in place: only the journal was left
        journal.unlink(missing_ok=True)


def _switch(path: Path, temp: Path) -> None:
    new = json.loads((temp / MANIFEST).read_text(encoding="utf-8"))["files"]
    for rel in new:
        src = temp / rel
        if src.exists():  # not moved yet (a switch is resumed from its start)
            (path / rel).parent.mkdir(parents=True, exist_ok=True)
            _replace(src, path / rel)
    old = _manifest_files(path)
    for rel in old.keys() - new.keys():  # written by an earlier run, not by this one
        with contextlib.suppress(FileNotFoundError, IsADirectoryError):
            (path / rel).unlink()
    _prune_empty(path / TEXTS)
    os.replace(temp / MANIFEST, path / MANIFEST)
    (path / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(temp, ignore_errors=True)


def _replace(src: Path, dst: Path) -> None:
    if dst.is_dir() and not dst.is_symlink():  # only with --force: a folder where a table goes
        shutil.rmtree(dst)
    os.replace(src, dst)


def _prune_empty(folder: Path) -> None:
    if folder.is_dir() and not folder.is_symlink():
        for sub in sorted(folder.rglob("*"), reverse=True):
            if sub.is_dir() and not sub.is_symlink():
                with contextlib.suppress(OSError):
                    sub.rmdir()
        with contextlib.suppress(OSError):
            folder.rmdir()


def remove_stale_temp(path: Path) -> None:
    """Temp folders in OUT of runs that died: under the lock no other run can own one."""
    for temp in path.glob(TMP_PREFIX + "*"):
        if temp.is_dir() and not temp.is_symlink():
            shutil.rmtree(temp, ignore_errors=True)


def _manifest_files(path: Path) -> dict:
    try:
        return json.loads((path / MANIFEST).read_text(encoding="utf-8")).get("files", {})
    except (OSError, ValueError, AttributeError):
        return {}


def written_files(path: Path, tables, formats) -> set[str]:
    """Files in OUT that a run of this tool wrote: the manifest's, else those recognised as
    tables of a version before the manifest (header of our columns) and their text copies."""
    if (path / MANIFEST).exists():
        return set(_manifest_files(path))
    from .tables import OUTPUT_COLUMNS

    ours = set()
    for table in tables:
        rel = f"{table}.csv"
        if "csv" in formats and _our_header(_csv_header(path / rel), OUTPUT_COLUMNS[table]):
            ours.add(rel)
    if "documents.csv" in ours:
        with contextlib.suppress(OSError, csv.Error), (path / "documents.csv").open(encoding="utf-8") as fh:
            ours.update(row["text_file"] for row in csv.DictReader(fh) if row.get("text_file"))
    return ours


def _our_header(header: list[str] | None, columns) -> bool:
    """Our columns, or those of an earlier version: columns are only ever appended."""
    return bool(header) and len(header) > 1 and header == list(columns[:len(header)])


def _csv_header(path: Path) -> list[str] | None:
    if path.is_symlink() or not path.is_file():
        return None
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return next(csv.reader(fh), None)
    except (OSError, UnicodeDecodeError, csv.Error):
        return None


def check_complete(path: Path) -> None:
    """Raise OutDirError when the tables in OUT are not the complete set of one run: a switch
    was interrupted, or a file differs from what the manifest says the run wrote."""
    path = Path(path)
    if (path / JOURNAL).exists():
        raise OutDirError(f"the tables in {path} are being replaced, or a run died while replacing "
                          f"them; run extract again into {path}")
    for rel, fp in _manifest_files(path).items():
        try:
            size = (path / rel).stat().st_size
        except OSError:
            size = None
        if size != fp.get("bytes"):
            raise OutDirError(f"{path / rel} is not the file the last run wrote (see {path / MANIFEST})")


def _fingerprint(path: Path) -> dict:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return {"bytes": path.stat().st_size, "sha256": digest.hexdigest()}


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def rules_hash(root: Path | str | None) -> str:
    """sha256 over the rule files (names and bytes): which rules produced the tables."""
    from .rules import DEFAULT_RULES_DIR

    root = Path(root) if root else DEFAULT_RULES_DIR
    digest = hashlib.sha256()
    for file in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(file.relative_to(root).as_posix().encode() + b"\0")
        digest.update(file.read_bytes())
    return digest.hexdigest()
