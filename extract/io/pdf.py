"""PDF to text: the text layer via pypdf (imported on first use); scans have none."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass

# Typographic ligatures some PDF fonts map to one code point; the rules expect letters.
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
# A word hyphenated at a line end ("Förder-\nmittel"): joined when the next line goes on
# in lower case. Not before a conjunction: "Bundes-\nund Landesmittel" keeps its hyphen.
_LINE_HYPHEN = re.compile(r"(?<=[a-zäöüß])-\n(?!(?:und|oder|bzw|sowie)\b)(?=[a-zäöüß])")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
# Control characters broken font maps produce (CR is left to the newline normaliser).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class PdfError(ValueError):
    """The PDF cannot be read or has no text to read."""


@dataclass(slots=True)
class PdfText:
    text: str
    title: str | None = None


def pdf_text(data: bytes) -> PdfText:
    """Text of every page, pages separated by a blank line; raises PdfError."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _decrypt(reader):
            raise PdfError("encrypted pdf (password required)")
        pages = [_page_text(page) for page in reader.pages]
        title = _title(reader)
    except PdfError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise PdfError(f"cannot parse pdf: {type(exc).__name__}: {exc}") from exc
    pages = [_CONTROL.sub("", page).translate(_LIGATURES).strip() for page in pages]
    text = "\n\n".join(page for page in pages if page)
    if not text:
        raise PdfError("no text layer (scanned pdf?)")
    text = _LINE_HYPHEN.sub("", _TRAILING_SPACE.sub("\n", text))
    return PdfText(text=text, title=title)


def _decrypt(reader) -> bool:
    # Many PDFs are encrypted only to restrict printing: the empty password opens them.
    try:
        return bool(reader.decrypt(""))
    except Exception:
        return False


def _page_text(page) -> str:
    try:
        return page.extract_text() or ""
    except Exception:  # one broken page must not lose the others
        return ""


def _title(reader) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:
        return None
    title = " ".join(str(title).split()) if title else ""
    return title or None
