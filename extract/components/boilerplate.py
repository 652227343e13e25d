"""Boilerplate: mark web clutter (credits, navigation, share buttons, related-article
teasers, footers) as noise ranges so that names in it never become facts, and pick the
headline. The rules are NOISE patterns in rules/patterns/boilerplate.jsonl; their `kind`
says how much text a match marks."""
from __future__ import annotations

import re

from spacy.language import Language

from ..rules import cached_rules
from ..scanner import Scanner

_TEASER_MAX = 120            # a related-article headline is short ...
_SENTENCE_END = re.compile(r"[.!?…][\"“”»]?(?:\s|$)")  # ... and is not a sentence
_TAIL_MIN_SHARE = 0.2        # a "Weitere Artikel" header this early is a sidebar, not the end
_TITLE_MIN_CHARS = 15
_TITLE_MIN_WORDS = 3
_TITLE_MAX_CHARS = 150
_BODY_LINE = 200             # longer lines are body paragraphs, not headers
_HEADER_LINES = 8            # a date line counts as the page's date line only this early
_NOT_TITLE = re.compile(r"^\s*(?:Quellen?|Fotos?|Bild|Von|Autor(?:in)?|Kontakt|Pressekontakt)\b\s*:?", re.I)
_CREDIT_REASONS = ("noise.credit_line", "noise.copyright_sign", "noise.copyright_word")


@Language.factory("extract_boilerplate", default_config={"rules_dir": ""},
                  requires=["doc._.text"],
                  assigns=["doc._.noise", "doc._.title"])
def make_boilerplate(nlp, name, rules_dir):
    return Boilerplate(rules_dir or None)


class Boilerplate:
    def __init__(self, rules_dir: str | None):
        rules = cached_rules(rules_dir)
        self.rules = []
        self.teaser = []
        self.dateline = []
        for r in rules.patterns_for("NOISE", file="boilerplate"):
            entry = (r.compile(), r.group, r.anchor, r.id)
            if r.kind == "teaser":
                self.teaser.append(entry)
            elif r.kind == "dateline":
                self.dateline.append(entry)
            else:
                self.rules.append((r.kind or "match", Scanner(entry[0]), *entry[1:]))

    def __call__(self, doc):
        text = doc._.text
        noise = find_noise(text, self.rules, self.teaser)
        doc._.noise = (doc._.noise or []) + noise
        doc._.title = find_title(text, doc._.noise, self.dateline)
        return doc


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def find_noise(text: str, rules, teaser_rules) -> list[tuple[int, int, str]]:
    """(start, end, rule id) of every boilerplate range in `text`."""
    out: list[tuple[int, int, str]] = []
    n = len(text)
    for kind, scanner, group, anchor, rule_id in rules:
        if anchor and anchor not in text:
            continue
        for m in scanner.finditer(text):  # only near the literals every match holds
            if kind == "line":
                s, e = _line_bounds(text, m.start())
            elif kind == "tail":
                if m.start() < n * _TAIL_MIN_SHARE:
                    s, e = _line_bounds(text, m.start())
                else:
                    s, e = m.start(), n
            else:
                s, e = m.span(group)
            if e > s:
                out.append((s, e, rule_id))
    out.extend(_teasers(text, teaser_rules))
    out.sort()
    return out


def _teasers(text: str, teaser_rules):
    """Short date-glued headline lines that sit in a run of date-glued lines."""
    for regex, _group, _anchor, rule_id in teaser_rules:
        found = [(_line_bounds(text, m.start()), m.end()) for m in regex.finditer(text)]
        lines = [bounds for bounds, _ in found]
        # the date itself ends in a dot, so look for a sentence end only after it
        is_short = [e - s <= _TEASER_MAX and not _SENTENCE_END.search(text, after, e)
                    for (s, e), after in found]
        for i, (s, e) in enumerate(lines):
            if not is_short[i]:
                continue
            nxt = _next_line_start(text, e)
            followed = i + 1 < len(lines) and lines[i + 1][0] == nxt
            preceded = i > 0 and is_short[i - 1] and _next_line_start(text, lines[i - 1][1]) == s
            if followed or preceded:
                yield s, e, rule_id


def _next_line_start(text: str, end: int) -> int:
    """Start of the next non-empty line after a line ending at `end`."""
    i = end
    while i < len(text) and text[i] in "\n\r \t":
        i += 1
    return _line_bounds(text, i)[0] if i < len(text) else -1


def _covered(start: int, end: int, noise) -> bool:
    return any(s <= start and end <= e for s, e, _ in noise)


def find_title(text: str, noise, dateline_rules) -> str | None:
    """The headline: the first substantial line that is not noise, a date line, a credit or a
    caption; after a page's date line when the header has one."""
    lines = []
    pos = 0
    for raw in text.split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        stripped = raw.strip()
        if stripped and not _covered(s + raw.find(stripped[0]), s + len(raw.rstrip()), noise):
            lines.append((s, e, stripped))
    if not lines:
        return None

    def is_dateline(line) -> bool:
        return any(r.match(line[2]) for r, *_ in dateline_rules)

    def substantial(i) -> bool:
        _s, _e, t = lines[i]
        if len(t) < _TITLE_MIN_CHARS or len(t.split()) < _TITLE_MIN_WORDS:
            return False
        if is_dateline(lines[i]) or _NOT_TITLE.match(t):
            return False
        return not _caption(i)

    def _caption(i) -> bool:
        # an image caption: it holds a credit, or a credit line follows it
        s, e, _ = lines[i]
        follow = _next_line_start(text, e)
        return any((s <= cs < e or cs == follow) and r in _CREDIT_REASONS for cs, _, r in noise)

    first = next((i for i in range(len(lines)) if substantial(i)), None)
    header = []
    for i, line in enumerate(lines[:_HEADER_LINES]):
        if len(line[2]) > _BODY_LINE:
            break
        if is_dateline(line):
            header.append(i)
            break
    if header:
        after = next((i for i in range(header[0] + 1, len(lines)) if substantial(i)), None)
        before = [i for i in range(header[0]) if substantial(i)]
        if after is not None and (len(lines[after][2]) <= _BODY_LINE or not before):
            first = after
        elif before:
            first = before[-1]
    if first is None:
        return None
    return _trim(lines[first][2])


def _trim(line: str) -> str:
    if len(line) <= _TITLE_MAX_CHARS:
        return line
    m = _SENTENCE_END.search(line, 20)
    if m and m.start() < _TITLE_MAX_CHARS:
        return line[:m.start() + 1].strip()
    cut = line.rfind(" ", 0, _TITLE_MAX_CHARS)
    return line[:cut if cut > 0 else _TITLE_MAX_CHARS].rstrip(" ,;:–-")
