"""The city a centre sits in, read around its name: a city_after rule at the name's end ("… in
Ilmenau", "… mit Sitz in Kiel"), a city_before rule up to the head (a dateline, "in X, wo das
…"), or an "in X" of a sentence that says the centre opens or sits there (located_cue)."""
from __future__ import annotations

import re

from ...text.clauses import clause, opens_relative, semicolon_bounds

# how far before a centre its city_before rules may reach (they are bounded, ~130 chars)
_BEFORE_REACH = 400
_OTHER_NOUN = re.compile(r"\b(?:und|sowie|der|die|das|dem|den|des)[ \t]+[„\"“»«‚]?[A-ZÄÖÜ]")


def city_after(lex, text, name_end, ctx) -> tuple[str | None, str]:
    """(city, rule id) of the first city_after rule that matches at `name_end` and ends where a
    CITY mention starts."""
    for regex, rule_id in lex.city_after:
        m = regex.match(text, name_end)
        if m:
            city = ctx.city_starting(m.end())
            if city:
                return city, rule_id
    return None, ""


def city_before(lex, text, start, ctx, name_end=None) -> tuple[str | None, str]:
    """(city, rule id) from a city_before rule ending at `start`, else from an "in X" of a
    sentence with a located cue."""
    s_start, s_end = ctx.sentence(start)
    # city_before rules end at the mention and are bounded: a window keeps the cost per
    # mention flat; a cut window opens with NUL, where "^" (the sentence start) cannot match
    cut = max(s_start, start - _BEFORE_REACH)
    base, window = (s_start, text[s_start:start]) if cut == s_start else (cut - 1, "\0" + text[cut:start])
    for regex, rule_id in lex.city_before:
        m = regex.search(window)
        if m:
            city = ctx.city_in(base + m.start("c"), base + m.end("c"))
            if city:
                return city, rule_id
    return _located_city(lex, text, start, ctx, name_end, s_start, s_end)


def _located_city(lex, text, start, ctx, name_end, s_start, s_end) -> tuple[str | None, str]:
    # "In Ilmenau ist das neue Kompetenzzentrum … gestartet"; a semicolon opens another
    # clause ("Die Geschäftsstelle des Zentrums sitzt in X; in Y entsteht ein Prüfstand")
    s_start, s_end = semicolon_bounds(text, start, name_end or start, s_start, s_end)
    if ctx.sentence_has(s_start, s_end, lex.located):
        # not from a relative clause of another noun: "darunter X, das in Mannheim
        # angesiedelt ist, und das KI-Lab Y der Technologiepark GmbH"
        near = [c for c in ctx.cities_after_in(s_start, s_end)
                if not in_other_relative(text, c[0], start, s_start, s_end, name_end)]
        if near:
            best = min(near, key=lambda c: abs(c[0] - start))
            return best[1], "centres.located"
    return None, ""


def in_other_relative(text, pos, head, s_start, s_end, name_end=None) -> bool:
    """Does `pos` lie in a relative clause (", das … angesiedelt ist") that describes another
    noun than the centre whose head is at `head`? A clause before the head, or one after it
    with another noun phrase in between ("…, und das Lab Y, das …"), does."""
    c_start, c_end = clause(text, pos, s_start, s_end)
    if c_start == s_start or not opens_relative(text, c_start) or c_start <= head < c_end:
        return False
    if c_end <= head:
        return True
    between = text[name_end if name_end is not None else head:c_start]
    return bool(_OTHER_NOUN.search(between))
