"""MONEY, DATE and PERIOD mentions and the publication date (doc._.published).

Regexes come from rules/patterns/{money,dates,periods}.jsonl; each rule's `kind` says what
the component does with a match. Date points are found first; spans ("von 2018 bis 2020",
"bis Ende 2022", "ab 1. Januar 2020") are composed from the points and the words around
them, so the month and year grammar lives in one place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from spacy.language import Language

from ..literals import Gate
from ..model import Mention
from ..normalize import periods as P
from ..normalize.dates import DatePoint, iso_to_date, parse_date, parse_fallback, parse_relative_year
from ..normalize.money import amount_eur
from ..rules import cached_rules
from ..scanner import Scanner
from ..text.ranges import windows
from ..text.sentences import Sentences

_WINDOW = 40  # chars of context read before/after a match by the helper rules
_TOP = 400  # "the top of the page", in chars
_REACH = 60  # a match lies within this many chars of its anchor (rule key `anchor`, a regex)
_START_REACH = 60  # chars between a start word and its date ("Der Startschuss ... fiel am 1. Mai 2012")
_NEEDS_BASE = ("needs_base", "relative_year", "fallback")  # points read against the publication date


@Language.factory("extract_temporal", default_config={"rules_dir": ""},
                  requires=["doc._.text", "doc._.mentions"],
                  assigns=["doc._.mentions", "doc._.published", "doc._.sentences"])
def make_temporal(nlp, name, rules_dir):
    return Temporal(rules_dir or None)


class _Rule(NamedTuple):
    regex: re.Pattern
    id: str
    group: int | str
    anchor: str | None
    gate: Gate | None = None  # literals every match holds (extract.literals)
    scanner: Scanner | None = None  # a rule without anchor: scans near its literals only


def _windows(anchor: re.Pattern, text: str, gate: Gate | None = None) -> list[tuple[int, int]]:
    """Merged ranges of _REACH chars around each anchor hit."""
    if gate is not None and not gate.open(text, None):
        return []  # the anchor's literals are absent: no hit, no scan
    return windows((m.span() for m in anchor.finditer(text)), _REACH, _REACH, len(text))


def _sentences(doc, text: str) -> Sentences:
    """The document's sentence splitter, shared with later components (doc._.sentences)."""
    shared = doc.has_extension("sentences")
    found = doc._.sentences if shared else None
    if found is None:
        found = Sentences(text)
        if shared:
            doc._.sentences = found
    return found


@dataclass(slots=True)
class _Point:
    start: int
    end: int
    point: DatePoint
    rule: str
    standalone: bool  # may be emitted as a DATE on its own (a bare year needs a date word)
    inferred: bool = False  # the year is the publication year ("am 1. November")


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    attrs: dict
    rule: str
    shape: str  # range, until, since, duration
    anchored: bool = False  # a length counted from "now" (in den kommenden drei Jahren)
    more: bool = False  # a length that follows an earlier span (für zwei weitere Jahre)
    retro: bool = False  # "seit 2018": looks back


class _Local:
    """Spans, start dates and sums by sentence: each span reads only its neighbours, so the
    cost stays linear in the text however many spans it holds."""

    def __init__(self, sentences: Sentences, spans: list[_Span], starts, money: list[int]):
        self.at = sentences.index
        self.spans: dict[int, list[_Span]] = {}
        for o in spans:
            self.spans.setdefault(self.at(o.start), []).append(o)
        self.starts: dict[int, list[tuple[int, str]]] = {}
        for offset, month in starts:
            self.starts.setdefault(self.at(offset), []).append((offset, month))
        self.money = {self.at(m) for m in money}

    def spans_near(self, offset: int, reach: int) -> list[_Span]:
        here = self.at(offset)
        return [o for i in range(here - reach, here + reach + 1) for o in self.spans.get(i, ())]

    def starts_near(self, offset: int, reach: int) -> list[tuple[int, str]]:
        here = self.at(offset)
        return [p for i in range(here - reach, here + reach + 1) for p in self.starts.get(i, ())]


class Temporal:
    def __init__(self, rules_dir: str | None):
        rules = cached_rules(rules_dir)
        by_kind: dict[str, list] = {}
        self.anchors: dict[str, re.Pattern] = {}
        self.anchor_gates: dict[str, Gate | None] = {}
        for file in ("money", "dates", "periods"):
            for r in rules.patterns_for(file=file):
                if r.pattern is not None:
                    regex = r.compile()
                    by_kind.setdefault(r.kind or "", []).append(
                        _Rule(regex, r.id, r.group, r.anchor, Gate.of(regex),
                              None if r.anchor else Scanner(regex)))
                    if r.anchor and r.anchor not in self.anchors:
                        self.anchors[r.anchor] = re.compile(r.anchor)
                        self.anchor_gates[r.anchor] = Gate.of(self.anchors[r.anchor])
        self.rules = by_kind
        # helper rules (one per kind): context words read around a match
        self.one = {k: v[0].regex for k, v in by_kind.items() if len(v) == 1}
        self.ids = {k: v[0].id for k, v in by_kind.items() if len(v) == 1}

    def _finditer(self, rule: _Rule, text: str, windows: dict):
        """Matches of `rule`; a rule with an anchor (a regex) runs only in windows around its hits."""
        if not rule.anchor:
            yield from rule.scanner.finditer(text)
            return
        spans = windows.get(rule.anchor)
        if spans is None:
            spans = windows[rule.anchor] = _windows(self.anchors[rule.anchor], text,
                                                    self.anchor_gates[rule.anchor])
        if spans and rule.gate is not None and not rule.gate.open(text, None):
            return
        for a, b in spans:
            yield from rule.regex.finditer(text, a, b)

    def __call__(self, doc):
        text = doc._.text
        out = doc._.mentions
        windows: dict = {}
        money = self._money(text, windows)
        out.extend(money)
        dateline = self._dateline(text, windows)
        if dateline:
            doc._.published = dateline.normalized
            out.append(dateline)
        base = iso_to_date(doc._.published)
        points = self._points(text, base, dateline, windows)
        spans, used = self._spans(text, points)
        spans.extend(self._durations(text, windows))
        if spans:
            starts = self._starts(text, points)
            self._resolve(text, spans, doc._.published, [m.start for m in money], _sentences(doc, text),
                          starts)
        taken = [(s.start, s.end) for s in spans]
        for p in points:
            if p.standalone and id(p) not in used and not any(a <= p.start and p.end <= b for a, b in taken):
                out.append(Mention("DATE", p.start, p.end, text[p.start:p.end], p.rule, p.point.iso,
                                   self._date_attrs(p)))
        for s in spans:
            out.append(Mention("PERIOD", s.start, s.end, text[s.start:s.end], s.rule,
                               P.compact(s.attrs), s.attrs))
        return doc

    @staticmethod
    def _date_attrs(p: _Point) -> dict:
        attrs = {"precision": p.point.precision}
        if p.point.part:
            attrs["part"] = p.point.part
        if p.inferred:
            attrs["year_from"] = "published"
        return attrs

    # ---- money -------------------------------------------------------------------------
    def _money(self, text: str, windows: dict) -> list[Mention]:
        found = []
        for rule in self.rules.get("amount", ()):
            for m in self._finditer(rule, text, windows):
                amount = amount_eur(m["num"], m.groupdict().get("scale"))
                if amount:
                    found.append((m.start(), m.end(), amount, rule.id))
        out, last_end = [], -1
        for start, end, amount, rule_id in sorted(found, key=lambda f: (f[0], -f[1])):
            if start < last_end:
                continue
            last_end = end
            attrs = {"amount_eur": amount}
            q = self.one["qualifier"].search(text, max(0, start - _WINDOW), start)
            if q:
                attrs["qualifier"] = q["q"].lower()
            if (self.one["per_year_before"].search(text, max(0, start - _WINDOW), start)
                    or self.one["per_year_after"].match(text[end:end + _WINDOW])):
                attrs["per"] = "year"
            out.append(Mention("MONEY", start, end, text[start:end], rule_id, str(amount), attrs))
        return out

    # ---- publication date --------------------------------------------------------------
    def _dateline(self, text: str, windows: dict) -> Mention | None:
        """The release's own date line; dates in the running text never count."""
        def cands(kind):
            return [(m.start(r.group), m.end(r.group), r.id, m)
                    for r in self.rules.get(kind, ()) for m in self._finditer(r, text, windows)
                    if not self._not_dateline(text, m.start(r.group))]

        pick = None
        for kind in ("dateline_cue", "dateline_city", "dateline_paren"):
            found = [c for c in cands(kind) if kind != "dateline_paren" or c[0] < _TOP]
            if found:
                pick = min(found)
                break
        if pick is None:
            lines = sorted(cands("dateline_line"))
            # Three or more date-only lines are a list of teasers, unless the first heads the page.
            if lines and (len(lines) <= 2 or lines[0][0] < _TOP):
                pick = lines[0]
        if pick is None:
            glued = []
            for c in cands("dateline_glued"):
                eol = text.find("\n", c[1])
                rest = (len(text) if eol < 0 else eol) - c[1]
                if rest >= 150:
                    glued.append((rest, -c[0], c))
            if glued:
                pick = max(glued)[2]  # the date that opens the body paragraph, not a teaser
        if pick is None:
            return None
        start, end, rule_id, _ = pick
        point = parse_date(text[start:end])
        if point is None or point.precision != "day":
            return None
        return Mention("DATE", start, end, text[start:end], rule_id, point.iso,
                       {"precision": "day", "published": True})

    def _not_dateline(self, text: str, start: int) -> bool:
        """A date whose line opens with a deadline or event label ("Anmeldeschluss:", "Termin")."""
        reject = self.one.get("dateline_not")
        return bool(reject and reject.search(text, text.rfind("\n", 0, start) + 1, start))

    # ---- date points -------------------------------------------------------------------
    def _points(self, text: str, base, dateline: Mention | None, windows: dict) -> list[_Point]:
        found = []
        for kind in ("point", "year", *_NEEDS_BASE):
            if kind in _NEEDS_BASE and base is None:
                continue
            for rule in self.rules.get(kind, ()):
                rule_id = rule.id
                for m in self._finditer(rule, text, windows):
                    s, e = m.span(rule.group)
                    point = self._parse_point(kind, text[s:e], base)
                    if point:
                        # a bare year needs a date word; "Ende des Jahres" is only ever part of a span
                        standalone = kind != "relative_year" and (kind != "year" or bool(m["ctx"]))
                        found.append(_Point(s, e, point, rule_id, standalone,
                                            kind in ("needs_base", "relative_year")))
        out, last_end = [], -1
        for p in sorted(found, key=lambda p: (p.start, -p.end)):
            if p.start < last_end or (dateline and dateline.start <= p.start < dateline.end):
                continue
            last_end = p.end
            out.append(p)
        return out

    @staticmethod
    def _parse_point(kind: str, span: str, base) -> DatePoint | None:
        if kind == "fallback":
            return parse_fallback(span, base)
        if kind == "relative_year":
            return parse_relative_year(span, base)
        if kind == "needs_base":
            return parse_date(f"{span} {base.year}")
        return parse_date(span)

    # ---- spans from points -------------------------------------------------------------
    def _spans(self, text: str, points: list[_Point]) -> tuple[list[_Span], set[int]]:
        spans, used = [], set()
        i = 0
        while i < len(points):
            p = points[i]
            q = points[i + 1] if i + 1 < len(points) else None
            before = text[max(0, p.start - _WINDOW):p.start]
            frm = self.one["from"].search(before)
            if q and self._joined(text, p, q, frm):
                attrs = P.range_of(p.point, q.point)
                if attrs:
                    start = p.start - (len(before) - frm.start()) if frm else p.start
                    spans.append(_Span(start, q.end, attrs, self.ids["connector"], "range"))
                    used.update((id(p), id(q)))
                    i += 2
                    continue
            if until := self.one["until"].search(before):
                spans.append(_Span(p.start - (len(before) - until.start()), p.end, P.until(p.point),
                                   self.ids["until"], "until"))
                used.add(id(p))
            elif self._runs_out(text, before, p):  # "läuft Ende 2025 aus"
                spans.append(_Span(p.start, p.end, P.until(p.point), self.ids["runs_out_before"], "until"))
                used.add(id(p))
            elif p.point.precision != "year" and (due := self.one["deadline_label"].search(before)):
                # "Einsendeschluss ist der 15. März 2021": a deadline needs no "bis"
                spans.append(_Span(p.start - (len(before) - due.start()), p.end, P.until(p.point),
                                   self.ids["deadline_label"], "until"))
                used.add(id(p))
            elif since := self.one["since"].search(before):
                spans.append(_Span(p.start - (len(before) - since.start()), p.end, P.since(p.point),
                                   self.ids["since"], "since", retro=since["w"].lower() == "seit"))
                used.add(id(p))
            i += 1
        return spans, used

    def _runs_out(self, text: str, before: str, p: _Point) -> bool:
        return bool(self.one["runs_out_before"].search(before) and self.one["runs_out_after"].match(text, p.end))

    def _joined(self, text: str, p: _Point, q: _Point, frm) -> bool:
        between = text[p.end:q.start]
        if len(between) > 16:
            return False
        if self.one["connector"].fullmatch(between):
            # two bare years joined by a dash: a span only when close together (not 1915-1988)
            return p.point.month is not None or q.point.year - p.point.year <= 15
        if not self.one["connector_and"].fullmatch(between):
            return False
        if frm and frm["w"].lower() == "zwischen":
            return True
        # "für die Jahre 2020 und 2021": two consecutive years named as the years of one span
        return (p.point.month is None and q.point.month is None and q.point.year == p.point.year + 1
                and bool(self.one["years_of"].search(text, max(0, p.start - _WINDOW), p.start)))

    # ---- lengths -----------------------------------------------------------------------
    def _durations(self, text: str, windows: dict) -> list[_Span]:
        out = []
        for rule in self.rules.get("duration", ()):
            rule_id = rule.id
            for m in self._finditer(rule, text, windows):
                months = P.duration_months(m["n"], m["unit"])
                if not months:
                    continue
                gd = m.groupdict()
                ctx = (gd.get("ctx") or "").lower()
                anchored = bool(gd.get("ahead")) or ctx in ("für", "auf", "zunächst")
                out.append(_Span(m.start(), m.end(), P.span(duration=months), rule_id, "duration",
                                 anchored=anchored, more=bool(gd.get("more"))))
        return out

    def _starts(self, text: str, points: list[_Point]) -> list[tuple[int, str]]:
        """(offset, first month) of the dates a start word stands by ("Der Startschuss fiel am
        1. November 2012", "startete im Oktober 2019"): a length may be counted from them."""
        cue = self.one.get("start_cue")
        if cue is None:
            return []
        return [(p.start, p.point.first_month()) for p in points
                if cue.search(text, max(0, p.start - _START_REACH), min(len(text), p.end + _START_REACH))]

    def _resolve(self, text: str, spans: list[_Span], published: str | None, money: list[int],
                 sentences: Sentences | None = None, starts: list[tuple[int, str]] = ()) -> None:
        """Place lengths in time and give every span its kind."""
        spans.sort(key=lambda s: s.start)
        sentences = sentences or Sentences(text)
        local = _Local(sentences, spans, starts, money)
        deadlines = {id(o) for o in spans if o.shape == "until" and self._is_deadline(text, o, local, sentences)}
        ranges = [o for o in spans if o.shape == "range"]
        last_range = max(ranges, key=lambda o: o.attrs["end"]) if ranges else None
        for s in spans:
            if s.shape == "duration":
                self._place_length(s, local, deadlines, last_range, published)
        for s in spans:
            # "startete 2019 und endet 2022", "ab 2019 gefördert, zunächst bis 2022": one span
            if s.shape != "until" or s.attrs["start"] or not s.attrs["end"] or id(s) in deadlines:
                continue
            start, since = self._start_near(s, local, 0, past=False)
            if start and start <= s.attrs["end"]:
                s.attrs = P.span(start=start, end=s.attrs["end"])
                if since is not None:
                    since.attrs = dict(s.attrs)
        for s in spans:
            if id(s) in deadlines:
                s.attrs["kind"] = "deadline"
                continue
            here = local.at(s.start)
            a, b = sentences.span(s.start)
            kind = self._kind(text[a:b], s, here in local.money)
            if kind == "other" and a > 0 and self.one["anaphor_open"].match(text, a):
                # "Es wird in den nächsten fünf Jahren koordiniert": the subject is in the sentence before
                pa = sentences.span(a - 1)[0]
                kind = self._kind(text[pa:b], s, bool({here, here - 1} & local.money))
            s.attrs["kind"] = kind

    def _place_length(self, s: _Span, local: _Local, deadlines: set[int], last_range: _Span | None,
                      published: str | None) -> None:
        """Give length `s` a start or an end from the text, else from the publication date."""
        months = s.attrs["duration_months"]
        # the length of a range in this sentence: "Laufzeit: 36 Monate (01.01.2021 – 31.12.2023)"
        same = next((o for o in local.spans_near(s.start, 0) if o.shape == "range"
                     and o.attrs["duration_months"] == months), None)
        if same is not None:
            s.attrs = dict(same.attrs)
            return
        # a start in this sentence: "ab 1. März 2016 für drei Jahre", "beginnt im Januar 2021"
        start, since = (None, None) if s.more else self._start_near(s, local, 0)
        if start is None:
            # a stated end: "Laufzeit von drei Jahren bis Ende 2023"; for a length counted
            # from now also in the next sentence ("für zwei weitere Jahre ... bis Ende 2022")
            reach = 1 if (s.anchored or s.more) else 0
            end = next((o for o in local.spans_near(s.start, reach) if o.shape == "until" and o.attrs["end"]
                        and id(o) not in deadlines), None)
            if end is not None:
                s.attrs = P.span(end=end.attrs["end"], duration=months)
                end.attrs = dict(s.attrs)
                return
            if s.more and last_range is not None:
                # after an earlier phase: "Förderphase 2018 bis 2020 ... zwei weitere Jahre"
                s.attrs = P.span(start=P.add_months(last_range.attrs["end"], 1), duration=months)
                return
            if not s.more:  # "... für fünf Jahre gefördert. Der Startschuss fiel am 1. November 2012."
                start, since = self._start_near(s, local, 1)
        if start is not None:
            s.attrs = P.span(start=start, duration=months)
            if since is not None:  # "ab 1. März 2016" and "für drei Jahre" state one span
                since.attrs = dict(s.attrs)
        elif (s.anchored or s.more) and published:
            s.attrs = {**P.span(start=published[:7], duration=months), "start_from": "published"}

    @staticmethod
    def _start_near(s: _Span, local: _Local, reach: int, past: bool = True) -> tuple[str | None, _Span | None]:
        """The start month nearest to span `s` within `reach` sentences: an "ab/seit" span
        (returned too) or a date by a start word. "seit" counts in the same sentence only, and
        only when `past`."""
        found = [(abs(o.start - s.start), 1, o.start, o.attrs["start"], o) for o in local.spans_near(s.start, reach)
                 if o.shape == "since" and o.attrs.get("start") and o.attrs.get("end") is None
                 and ((reach == 0 and past) or not o.retro)]
        found += [(abs(offset - s.start), 0, offset, month, None) for offset, month in local.starts_near(s.start, reach)
                  if not s.start <= offset < s.end]
        if not found:
            return None, None
        *_, month, since = min(found, key=lambda f: f[:3])
        return month, since

    def _is_deadline(self, text: str, s: _Span, local: _Local, sentences: Sentences) -> bool:
        """'Skizzen bis zum 23.12.2016 einreichen'; a sum in the sentence makes it a funding span."""
        a, b = sentences.span(s.start)
        return local.at(s.start) not in local.money and bool(self.one["cue_deadline"].search(text, a, b))

    def _kind(self, sentence: str, s: _Span, has_money: bool) -> str:
        if s.retro:
            return "other"
        # "Skizzen bis zum 23.12.2016 einreichen"; a sum in the sentence makes it a funding span
        if s.shape == "until" and not has_money and self.one["cue_deadline"].search(sentence):
            return "deadline"
        funding = has_money or self.one["cue_funding"].search(sentence)
        if self.one["cue_phase"].search(sentence):
            return "phase"
        if funding:
            return "funding"
        if s.shape in ("until", "since") and self.one["cue_plan"].search(sentence):
            return "phase"
        return "other"
