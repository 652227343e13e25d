"""One file to one Document: read, decode, extract text, or say why not."""
from __future__ import annotations

import contextlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .decode import UndecodableError, decode_bytes, normalise_text

KINDS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
         ".html": "html", ".htm": "html", ".pdf": "pdf"}
SUPPORTED = frozenset(KINDS)
_PLAIN = ("utf-8", "ascii")  # encodings whose file reads back as the text itself
# A first line longer than this is a paragraph, not a title; it is cut at a word.
TITLE_MAX = 200


@dataclass(slots=True)
class Document:
    doc_id: str          # relative path without suffix, "/" replaced by "__" (the stem at top level)
    source: str          # path relative to the corpus root, posix
    text: str | None     # the text every offset refers to; None unless status is ok
    kind: str            # txt | md | html | pdf (the suffix without dot for skipped files)
    status: str          # ok | error | skipped
    error: str = ""      # the reason, human readable
    title: str | None = None
    encoding: str | None = None
    needs_text_copy: bool = False  # the text is not the file decoded: write outputs/texts/DOC_ID.txt
    published: str | None = None   # ISO date from html metadata, a hint only
    warnings: list[str] = field(default_factory=list)  # what libraries said while reading it


def doc_id_for(relative: str) -> str:
    """'a/b/c.txt' -> 'a__b__c': unique across folders, readable, safe as a file name."""
    stem, _ = os.path.splitext(relative)
    return stem.replace("/", "__")


def relative_source(path: Path, root: Path | None) -> str:
    root = root if root is not None else path.parent
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_document(path: Path, *, root: Path | None = None) -> Document:
    """The Document of one file; never raises for a bad file (status error or skipped)."""
    path = Path(path)
    source = relative_source(path, root)
    suffix = path.suffix.lower()
    doc = Document(doc_id=doc_id_for(source), source=source, text=None,
                   kind=KINDS.get(suffix, suffix.lstrip(".")), status="error")
    if suffix not in KINDS:
        what = f"type {suffix}" if suffix else "type (no suffix)"
        return _fail(doc, f"skipped: unsupported file {what}", status="skipped")
    try:
        data = _read_bytes(path)
    except _NotAFile as exc:
        return _fail(doc, str(exc), status="skipped")
    except OSError as exc:
        return _fail(doc, f"cannot read: {exc.strerror or exc}")
    if not data:
        return _fail(doc, "empty file")
    try:
        with _library_warnings(doc.warnings):
            _fill(doc, data)
    except (UndecodableError, UnicodeDecodeError):
        return _fail(doc, "binary or undecodable")
    except ValueError as exc:  # PdfError and other "this file has no text" reasons
        return _fail(doc, str(exc))
    except Exception as exc:  # one odd file must not stop a corpus run
        return _fail(doc, f"cannot process: {type(exc).__name__}: {exc}")
    if not doc.text.strip():
        return _fail(doc, "empty file (only whitespace)" if doc.kind in ("txt", "md")
                     else f"no text in {doc.kind}")
    doc.status = "ok"
    return doc


# Libraries that log or warn about the file they read; their words go to Document.warnings.
_LIBRARY_LOGGERS = ("pypdf", "trafilatura", "htmldate", "charset_normalizer")


class _Collect:
    """A logging handler that appends each new warning message to a list."""

    level = 0  # logging.Logger.callHandlers reads it; records below WARNING are dropped in handle()

    def __init__(self, into: list[str]):
        self.into = into

    def handle(self, record) -> None:
        if record.levelno >= 30:  # logging.WARNING
            message = record.getMessage()
            if message not in self.into:
                self.into.append(message)


@contextlib.contextmanager
def _library_warnings(into: list[str]):
    """Collect what the libraries log or warn while one file is read, instead of letting it go
    to stderr untied to the file (the runner prints it with the file's name)."""
    import logging
    import warnings

    handler = _Collect(into)  # a plain object: a logging.Handler subclass per file cost ~0.1 ms
    loggers = [logging.getLogger(name) for name in _LIBRARY_LOGGERS]
    saved = [(lg.propagate, lg.handlers) for lg in loggers]
    for lg in loggers:
        lg.propagate, lg.handlers = False, [handler]
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
        for w in caught:
            if str(w.message) not in into:
                into.append(str(w.message))
    finally:
        for lg, (propagate, handlers) in zip(loggers, saved, strict=True):
            lg.propagate, lg.handlers = propagate, handlers


class _NotAFile(OSError):
    pass


def _read_bytes(path: Path) -> bytes:
    if path.is_symlink() and not path.exists():
        raise FileNotFoundError(0, f"broken symlink to {os.readlink(path)}")
    # stat before open: opening a FIFO or device would block or never end
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        raise _NotAFile("skipped: not a regular file")
    return path.read_bytes()


def _fail(doc: Document, reason: str, *, status: str = "error") -> Document:
    doc.status, doc.error, doc.text = status, reason, None
    return doc


def _fill(doc: Document, data: bytes) -> None:
    """Text, title and encoding by kind; raises ValueError when the file has no text."""
    if doc.kind == "html":
        from .html import html_text

        page = html_text(data)
        raw, doc.encoding, doc.title, doc.published = page.text, page.encoding, page.title, page.published
        doc.needs_text_copy = True
    elif doc.kind == "pdf":
        from .pdf import pdf_text

        pdf = pdf_text(data)
        raw, doc.title = pdf.text, pdf.title
        doc.needs_text_copy = True
    else:
        raw, doc.encoding = decode_bytes(data)
    text = normalise_text(raw)
    # NFC, dropped invisible characters, or a file that is not plain UTF-8 (a BOM, UTF-16,
    # cp1252): the offsets do not index the file as a reader decodes it; the copy is the text
    doc.needs_text_copy = doc.needs_text_copy or text != raw or (doc.encoding or "utf-8") not in _PLAIN
    doc.text = text
    if doc.title is None:
        doc.title = markdown_title(text) if doc.kind == "md" else None
    if doc.title is None:
        doc.title = first_line_title(text)
    doc.title = short_title(doc.title) if doc.title else None


_FRONT_MATTER_TITLE = re.compile(r"\A---\n(?:.*\n)*?title:\s*[\"']?(.+?)[\"']?\s*\n(?:.*\n)*?---\n")
_ATX_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)
_SETEXT_HEADING = re.compile(r"^([^\n#>*\-=].*)\n(?:=+|-+)[ \t]*$", re.M)


def markdown_title(text: str) -> str | None:
    """YAML front matter title, else the first heading (# Title or Title/=====)."""
    match = _FRONT_MATTER_TITLE.match(text[:4000])  # front matter is short; bound the search
    if match:
        return match.group(1)
    candidates = [m for m in (_ATX_HEADING.search(text), _SETEXT_HEADING.search(text)) if m]
    if not candidates:
        return None
    first = min(candidates, key=lambda m: m.start())
    return first.group(1).strip("*_` ") or None


def first_line_title(text: str) -> str | None:
    for line in text.split("\n", 50)[:50]:
        if line.strip():
            return line
    return None


def short_title(title: str) -> str | None:
    title = " ".join(title.split())
    if len(title) <= TITLE_MAX:
        return title or None
    cut = title.rfind(" ", 0, TITLE_MAX)
    return title[: cut if cut > TITLE_MAX // 2 else TITLE_MAX].rstrip(" ,;:-") + "…"
