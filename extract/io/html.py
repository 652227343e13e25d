"""HTML to main text: trafilatura (imported on first use), a plain tag stripper as fallback."""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .decode import decode_bytes

# <meta charset="..."> or <meta http-equiv="Content-Type" content="...; charset=...">.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Browsers read a latin-1 declaration as cp1252 (WHATWG encoding standard); so do we.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252"}


@dataclass(slots=True)
class HtmlText:
    text: str
    encoding: str
    title: str | None = None
    published: str | None = None  # ISO date from the page's metadata, if it states one


def decode_html(data: bytes) -> tuple[str, str]:
    """(markup, encoding): BOM or valid UTF-8 first, then the declared charset, then a guess."""
    try:
        text, encoding = decode_bytes(data)
    except ValueError:
        text, encoding = None, None
    if encoding is not None and encoding.startswith(("utf-8", "utf-16", "utf-32")) \
            and encoding != "utf-8+cp1252":
        return text, encoding
    declared = _declared_charset(data)
    if declared is not None:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    if text is None:
        raise ValueError("binary or undecodable")
    return text, encoding


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    return _CHARSET_ALIASES.get(name, name)


def html_text(data: bytes) -> HtmlText:
    """Main text of a page, one paragraph per line; falls back to all visible text."""
    markup, encoding = decode_html(data)
    text, title, published = _trafilatura(markup)
    if not text:
        stripped = strip_tags(markup)
        text, title = stripped.text, title or stripped.title
    return HtmlText(text=text, encoding=encoding, title=title, published=published)


def _trafilatura(markup: str) -> tuple[str, str | None, str | None]:
    try:
        import trafilatura

        result = trafilatura.bare_extraction(
            markup, favor_recall=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, with_metadata=True,
            # only dates the page states in its metadata, no guessing from the body
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # a page trafilatura chokes on still has visible text
        return "", None, None
    if result is None:
        return "", None, None
    text = "\n".join(line.rstrip() for line in (result.text or "").splitlines() if line.strip())
    return text, (result.title or None), _real_day(result.date or None, markup)


# A date as pages state it in their metadata: 2021-02-30, 2021/02/30, 2021-02-30T10:00, 30.02.2021.
_STATED_YMD = re.compile(r"(?<!\d)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)")
_STATED_DMY = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")


def _real_day(found: str | None, markup: str) -> str | None:
    """trafilatura's date, unless the page states that month only with a day that does not
    exist (2021-02-30 comes back as 2021-02-01): such a date is rejected, not moved."""
    if not found or len(found) < 10:
        return found
    year, month, day = int(found[:4]), int(found[5:7]), int(found[8:10])
    stated = [(int(y), int(m), int(d)) for y, m, d in _STATED_YMD.findall(markup)]
    stated += [(int(y), int(m), int(d)) for d, m, y in _STATED_DMY.findall(markup)]
    same_month = [d for y, m, d in stated if (y, m) == (year, month)]
    if same_month and day not in same_month:
        return None
    return found


# Elements whose content is never visible text (not <head>: its end tag may be omitted).
_INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe"})
# Elements that start a new line.
_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "section", "article", "header", "footer", "nav", "aside", "main",
    "blockquote", "pre", "figure", "figcaption", "hr", "address", "form", "fieldset",
})
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


class _Stripper(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.hidden = 0
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        elif tag in _INVISIBLE_TAGS:
            self.hidden += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag in _INVISIBLE_TAGS and self.hidden:
            self.hidden -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
        elif not self.hidden:
            self.parts.append(data)


@dataclass(slots=True)
class Stripped:
    text: str
    title: str | None


def strip_tags(markup: str) -> Stripped:
    """Visible text of any markup, a line per block element, whitespace collapsed."""
    parser = _Stripper()
    parser.feed(markup)
    parser.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).splitlines())
    title = _SPACES.sub(" ", " ".join(parser.title_parts)).strip()
    return Stripped(text="\n".join(line for line in lines if line), title=title or None)
