"""Enumerations of cities a centre's sites are listed in: the cities after a plural head
("Zentren in A, B und C") and an "in A, B und C" of its sentence (bullet lists: text.lists)."""
from __future__ import annotations

import re

from .seats import in_other_relative

_LIST_GLUE = re.compile(r"^(?:und|sowie|oder|in|im|am|an|bei|der|dem|den|des|mit|bzw\.?|"
                        r"[a-zäöü]+(?:ischen|ischem|ischer|ische))$")
_STRICT_GLUE = re.compile(r"^(?:und|sowie|oder|in|bzw\.?)$")
_IN_LIST = re.compile(r"\b[Ii]n[ \t]+(?=[A-ZÄÖÜ])")


def list_after(text, end, ctx, notes=None) -> list[str]:
    """Cities of a list right after a plural head: "KI-Regionalzentren in Nürnberg, Ingolstadt …",
    "die Mittelstand-Digital Zentren Hannover und Bremen" (two cities at least)."""
    m = re.match(r"[ \t]*:?[ \t]*(?:in|an[ ]den[ ]Standorten)[ \t]+", text[end:end + 40])
    if m:
        return cities_from(text, end + m.end(), ctx, notes=notes)
    m = re.match(r"[ \t]+", text[end:end + 4])
    if m and ctx.city_starting(end + m.end()):
        found = cities_from(text, end + m.end(), ctx, notes=notes)
        return found if len(found) >= 2 else []
    return []


def cities_from(text, pos, ctx, glue=None, notes=None) -> list[str]:
    """The cities of the enumeration that starts at `pos`, up to the sentence's end; `notes`
    gets {city: (start, end)} of an entry with a note ("Kassel (Leitung: Universität Kassel)")."""
    glue = glue or _LIST_GLUE
    _, s_end = ctx.sentence(pos)
    out = []
    skip_to = pos
    last = None  # (city, start) of the entry a note may follow
    for tok in re.finditer(r"[^\s,;:]+", text[pos:s_end]):
        t_start = pos + tok.start()
        if t_start < skip_to:
            continue
        if tok.group(0).startswith("("):
            # "Kassel (Leitung: Universität Kassel), Fulda …": an entry's note is skipped
            close = text.find(")", t_start, min(s_end, t_start + 120))
            if close < 0:
                break
            skip_to = close + 1
            if last is not None and notes is not None:
                notes.setdefault(last[0], (last[1], close + 1))
            continue
        city = ctx.city_starting(t_start)
        if city:
            out.append(city)
            last = (city, t_start)
            continue
        word = tok.group(0)
        if ctx.inside_city(t_start) or (glue is _LIST_GLUE and word[0].isupper()) or glue.match(word):
            continue
        break
    return list(dict.fromkeys(out))


def sentence_list(text, m, ctx, located) -> list[str]:
    """"Die drei Gründerzentren sollen in Kassel, Darmstadt sowie in Fulda entstehen", "In
    Kassel und Fulda entstehen zwei Kompetenzzentren", "… richtet drei KI-Zentren ein: in A,
    in B und in C": a plural whose sentence places it (a located verb, or a colon after it)
    at an enumeration of two cities or more."""
    s_start, s_end = ctx.sentence(m.start)
    colon = text.find(":", m.end, min(s_end, m.end + 12)) >= 0
    if not colon and not ctx.sentence_has(s_start, s_end, located):
        return []
    lists = [(abs(i.start() - m.start), found) for i in _IN_LIST.finditer(text, s_start, s_end)
             if not in_other_relative(text, i.start(), m.start, s_start, s_end, m.end)
             and len(found := cities_from(text, i.end(), ctx, _STRICT_GLUE)) >= 2]
    return min(lists, key=lambda x: x[0])[1] if lists else []
