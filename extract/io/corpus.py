"""Walk a corpus folder: every file once, in a stable order, streamed.

Policy:
- Sorted by name at each level, depth first; one folder listing in memory at a time.
- Hidden entries (".DS_Store", ".git/", any dotfile) and OS litter (Thumbs.db,
  desktop.ini, __MACOSX/, Office lock files "~$...") are ignored without a row.
- Symlinked files are read when they point inside the root (to a file the walk would
  not reach otherwise, e.g. under a hidden folder) or when follow_symlinks is on; a link
  to a file the walk reads anyway gets a "skipped" row, so nothing is read twice. A
  broken link is an error row.
- Symlinked folders inside the root are not entered (their files are read where they
  are); outside the root they are entered only with follow_symlinks, each real folder
  once (no loops), else they get a "skipped" row.
- Every doc_id is unique: a clash ("a.txt" and "a.md") keeps the suffix ("a.md").
- Out folders are not read: the paths in `exclude` (the run's own --out and what it
  writes) and any subfolder holding a run manifest (.extract-run.json) are left out.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .document import KINDS, Document, doc_id_for, read_document

_LITTER = frozenset({"thumbs.db", "desktop.ini", "__macosx"})


def ignored(name: str) -> bool:
    return name.startswith((".", "~$")) or name.lower() in _LITTER


_MANIFEST = ".extract-run.json"  # outdir.MANIFEST, without importing the writer side


def iter_corpus(root: Path, *, follow_symlinks: bool = False, exclude=()) -> Iterator[Document]:
    """Documents of every file under `root`, recursively, sorted; read one at a time.
    `exclude` holds paths (files or folders) that are not read, nor anything under them."""
    root = Path(root)
    if not root.is_dir():
        raise NotADirectoryError(f"not a folder: {root}")
    walk = _Walk(root, follow_symlinks, exclude)
    yield from walk.folder(root)


class _Walk:
    def __init__(self, root: Path, follow_symlinks: bool, exclude=()) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.follow = follow_symlinks
        self.visited = {self.real_root}
        self.ids: set[str] = set()
        self.exclude = frozenset(Path(p).resolve() for p in exclude)

    def folder(self, path: Path) -> Iterator[Document]:
        try:
            with os.scandir(path) as entries:
                names = sorted(entry.name for entry in entries if not ignored(entry.name))
        except OSError as exc:
            yield self._row(path, "error", f"cannot read folder: {exc.strerror or exc}")
            return
        for name in names:
            yield from self.entry(path / name)

    def entry(self, path: Path) -> Iterator[Document]:
        if self.exclude and path.resolve() in self.exclude:
            return
        if path.is_symlink():
            yield from self.link(path)
        elif path.is_dir():
            if not (path / _MANIFEST).exists():  # another run's out folder
                yield from self.folder(path)
        else:
            yield self._unique(read_document(path, root=self.root))

    def link(self, path: Path) -> Iterator[Document]:
        if not path.exists():  # broken: read_document words the error
            yield self._unique(read_document(path, root=self.root))
            return
        target = path.resolve()
        inside = target.is_relative_to(self.real_root)
        if target.is_dir():
            if inside or target in self.visited:
                return  # read at its real place, or a loop
            if not self.follow:
                yield self._row(path, "skipped",
                                "skipped: symlinked folder outside the corpus (follow_symlinks is off)")
                return
            self.visited.add(target)
            yield from self.folder(path)
        elif inside and self._walked(target):
            rel = target.relative_to(self.real_root).as_posix()
            yield self._row(path, "skipped", f"skipped: symlink to {rel}, read there")
        elif inside or self.follow:
            yield self._unique(read_document(path, root=self.root))
        else:
            yield self._row(path, "skipped",
                            "skipped: symlink to a file outside the corpus (follow_symlinks is off)")

    def _walked(self, target: Path) -> bool:
        """Whether the walk reaches `target` (resolved, inside the root) by itself."""
        return not any(ignored(part) for part in target.relative_to(self.real_root).parts)

    def _row(self, path: Path, status: str, reason: str) -> Document:
        source = path.relative_to(self.root).as_posix()
        suffix = path.suffix.lower()
        return self._unique(Document(doc_id=doc_id_for(source), source=source, text=None,
                                     kind=KINDS.get(suffix, suffix.lstrip(".")), status=status,
                                     error=reason))

    def _unique(self, doc: Document) -> Document:
        if doc.doc_id in self.ids:
            base = doc.doc_id + Path(doc.source).suffix.lower()
            candidate, n = base, 1
            while candidate in self.ids:
                n += 1
                candidate = f"{base}~{n}"
            doc.doc_id = candidate
        self.ids.add(doc.doc_id)
        return doc
