"""Reading a corpus folder as it really comes: txt/md in any common encoding, html, pdf.

    for document in iter_corpus(Path("corpus")):   # streamed, sorted, recursive
        document.status, document.text

Offsets in every table refer to `Document.text`: the file decoded (BOM stripped), CRLF
and CR turned into LF, NFC-composed, soft hyphens and zero-width spaces dropped. For
html and pdf (and for a txt whose text the last two steps changed) `needs_text_copy` is
set and the runner writes the text to outputs/texts/DOC_ID.txt.

A file that cannot be read never raises: it becomes a Document with status "error" (empty,
binary, unreadable, broken link, pdf without text layer) or "skipped" (unsupported type,
not a regular file, link policy; see corpus.py) and the reason in `error`.
"""
from __future__ import annotations

from .corpus import iter_corpus
from .decode import UndecodableError, decode_bytes
from .document import KINDS, SUPPORTED, Document, read_document

__all__ = ["KINDS", "SUPPORTED", "Document", "UndecodableError", "decode_bytes", "iter_corpus",
           "read_document"]
