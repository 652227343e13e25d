"""A centre named again: its acronym or a coined word of its name recurring later ("KQCBW",
"ARENA2036") is an alias of it, and a described coined name listed beside a centre ("darunter
DIANA (…), das …, und das KI-Lab X") is one more centre of its kind."""
from __future__ import annotations

import re
from bisect import bisect_right

from ...model import Mention
from .seats import city_after, city_before

ALIAS_REACH = 4000   # a release excerpt; the search stays windowed after the naming mention
# a coined word: two capitals (KQCBW, KompAKI, münsterLAND) or letters with digits (ARENA2036)
_COINED = re.compile(r"^(?:(?=[\w.-]*[A-ZÄÖÜ][\w.-]*[A-ZÄÖÜ])[\w.-]{3,}|(?=[\w-]*\d)(?=[\w-]*[A-Za-z]{2})[\w-]{4,})$")
_NOT_ALIAS = re.compile(r"^(?:\d+\.\d+|[IVX]+|e\.V\.)$|^[A-ZÄÖÜ]{1,4}-[A-ZÄÖÜ][a-zäöü]")  # 4.0, IT-Sicherheit
_HEADISH = re.compile(r"(?i)zentr|agentur|hub|lab|cluster|campus|factory|fabrik|center|centre")
_DESCRIBED = re.compile(r"[ \t]*,[ \t]*(?:das|der|die)[ \t]")
_PAREN = re.compile(r"[ \t]*\([^()\n]{1,80}\)")
_LIST_JOINT = re.compile(r"[ \t](?:und|sowie)[ \t]+(?:das|der|die|dem|den)?[ \t]*$")
_LIST_INTRO = re.compile(r"(?:\bdarunter|\bwie|\bnämlich|:)[ \t]+")
_COINED_NAME = re.compile(r"(?:[A-ZÄÖÜ]{3,}[\w-]*|[A-ZÄÖÜ][a-zäöü]+[A-Z][\w-]*|[A-Za-z]+\d+[\w-]*)(?![\w-])")


def _named(m: Mention) -> bool:
    """A centre named as one (not generic, plural, an anaphor or a site of a list)."""
    a = m.attrs
    return not (a["generic"] or a["plural"] or a["anaphor"] or a.get("site"))


def listed_names(lex, text, found: list[Mention], ctx) -> list[Mention]:
    """"darunter DIANA (…), das in Mannheim angesiedelt ist, und das KI-Lab Kurpfalz": a
    coined name listed beside a named centre is a centre of the same kind."""
    out = []
    for m in found:
        if not _named(m):
            continue
        s_start, _ = ctx.sentence(m.start)
        joint = _LIST_JOINT.search(text, max(s_start, m.start - 24), m.start)
        if joint is None:
            continue
        intro = next(reversed(list(_LIST_INTRO.finditer(text, s_start, joint.start()))), None)
        if intro is None:
            continue
        name = _COINED_NAME.match(text, intro.end())
        if name is None or any(s < name.end() and name.start() < e for s, e in ctx.taken):
            continue
        end = name.end()
        paren = _PAREN.match(text, end)  # "(DatenIntensive Anwendungen für Automation)"
        after = paren.end() if paren else end
        if not paren and not _DESCRIBED.match(text, after):
            continue  # a bare brand in a list ("SAP, Bosch und das KI-Lab") is no centre
        city, rule = city_after(lex, text, after, ctx)
        out.append(Mention("CENTRE", name.start(), end, text[name.start():end], "centres.listed_name",
                           normalized=text[name.start():end],
                           attrs={"city": city, "kind": m.attrs["kind"], "generic": False, "plural": False,
                                  "anaphor": False, "listed": True, "city_rule": rule}))
    return out


def aliases(lex, text, found: list[Mention], ctx) -> list[Mention]:
    """"Das Kompetenzzentrum XY (ABC) … ABC hat seinen Sitz in Kiel": later mentions of a
    named centre by its acronym or a coined word of its name (ARENA2036, Hearing4all)
    are mentions of it; one that the text places places the centre."""
    out = []
    spans = sorted([(m.start, m.end) for m in found] + ctx.taken)
    starts = [s for s, _ in spans]
    searched: set[str] = set()  # each alias is searched once, from the first centre it names
    for m in found:
        if not _named(m):
            continue
        for alias in alias_words(m, lex.alias_stop):
            if alias in searched:
                continue
            searched.add(alias)
            at = text.find(alias, m.end, m.end + ALIAS_REACH)
            while at >= 0:
                end = at + len(alias)
                if word_bounded(text, at, end) and not _overlaps(spans, starts, at, end):
                    out.append(_alias(lex, text, m, alias, at, end, ctx))
                at = text.find(alias, end, m.end + ALIAS_REACH)
    return out


def _alias(lex, text, m: Mention, alias: str, at: int, end: int, ctx) -> Mention:
    """The mention of `m` by `alias` at [at, end): the centre's city, else the alias's own."""
    a = m.attrs
    city, rule = a["city"], "centres.alias"
    if city is None:
        city, rule = city_after(lex, text, end, ctx)
        if city is None:
            city, rule = city_before(lex, text, at, ctx, end)
        rule = (rule or "centres.alias") if city else "centres.alias"
    return Mention("CENTRE", at, end, alias, "centres.alias", normalized=m.normalized,
                   attrs={"city": city, "kind": a["kind"], "generic": False,
                          "plural": False, "anaphor": False, "alias": True,
                          "city_rule": rule})


def alias_words(m: Mention, stop: frozenset[str] = frozenset()) -> list[str]:
    """The acronym and the coined words of a centre's name, never its head word, a word of
    `stop` (rules/lists/alias_stoplist.txt) or a compound of an abbreviation (IT-Sicherheit)."""
    words = []
    acr = (m.attrs.get("acronym") or "").lstrip("#")
    if len(acr) >= 3 and acr not in stop:
        words.append(acr)
    kind = (m.attrs.get("kind") or "").lower()
    for w in re.findall(r"[\w.-]+", re.sub(r"\([^)]*\)", " ", m.normalized or "")):
        w = w.strip(".-")
        if _COINED.match(w) and not _NOT_ALIAS.match(w) and w not in stop and kind.split(" ")[-1] not in w.lower() \
                and not _HEADISH.search(w) and w not in words:
            words.append(w)
    return words


def _overlaps(spans, starts, start, end) -> bool:
    """Does [start, end) overlap one of the sorted `spans` (whose starts are `starts`)?"""
    i = bisect_right(starts, end - 1) - 1
    while i >= 0:
        s, e = spans[i]
        if e > start:
            return True
        if start - s > 400:  # no span is that long: stop looking back
            return False
        i -= 1
    return False


def word_bounded(text, start, end) -> bool:
    """Is text[start:end] a whole word (no letter, digit or hyphen right before or after)?"""
    return (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-")) and \
        (end >= len(text) or not (text[end].isalnum() or text[end] in "-"))
