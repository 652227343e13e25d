"""The words around a head that make a centre's name: the determiner and a name adjective
before it ("die Thüringer Digitalagentur"), and after it a quoted name, title words, a place
or an acronym ("Digital Hub Mittelhessen", "Zentrum für Digitale Pflege (HZDP)")."""
from __future__ import annotations

import re

from .aliases import ALIAS_REACH, word_bounded
from .heads import DETERMINERS, WORD
from .seats import city_after

OPEN_Q = "„\"“»«‚'"
CLOSE_Q = {"„": "“”\"", "\"": "\"“”", "“": "”“\"", "»": "«", "«": "»", "‚": "‘’'", "'": "'"}
# capitalised adjectives that open a centre's name: Digitales, Regionalen, Europäische
_CAP_ADJ = re.compile(r"^[A-ZÄÖÜ][\w-]*(?:isch|al|ig|lich|iv|ell|är)(?:e|es|en|em|er)$")
_NAME_ADJ = re.compile(r"^(?:Digital|Neu|Smart|Grün|Nachhaltig)\w*(?:e|es|er|en)$")
_LOW_ADJ = re.compile(r"^(?:[a-zäöü][\w-]*(?:e|en|es|er|em)|\d+\.?)$")
_TAIL_TOKEN = re.compile(r"[ \t]+((?:[A-ZÄÖÜ#][\w.#&-]*|[a-zäöü]+[A-ZÄÖÜ][\w-]*|\d+\.\d+)(?<![.-]))")
_TAIL_AND = re.compile(r"[ \t]+(?:und|&)[ \t]+(?=[A-ZÄÖÜ])")
_TAIL_STOP = {"Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Es", "Sie", "Er", "Wir",
              "Ich", "Im", "In", "Am", "Mit", "Für", "Auf", "Bei", "Von", "Zum", "Zur", "Projekt",
              "GmbH", "AG", "Euro", "Millionen", "Mio"}
FOR_TAIL = re.compile(r"[ \t]+für[ \t]+((?:(?:[A-ZÄÖÜ][\w-]*|[a-zäöü]+(?:e|en|er|es)|und|&)[ \t]+)*"
                      r"[A-ZÄÖÜ][\w-]*)")
ACRONYM = re.compile(r"[ \t]*\((#?[A-ZÄÖÜ][\w#.&-]{0,14})\)")
# "… an der Hochschule Darmstadt": a host institution right after a centre's name
_HOST_AFTER = re.compile(r"[ \t]+(?:an|bei)[ \t]+(?:der|dem)[ \t]+[A-ZÄÖÜ]|[ \t]+am[ \t]+[A-ZÄÖÜ]")
_SITES_NEAR = re.compile(r"(?<![\w-])(?:Partner-?|Haupt)?[Ss]tandorte?n?\b|\bPartnerstandorte?n?\b")
_SUBJECT_BEFORE = re.compile(r"(?:^|[.!?:\n][ \t]*)(?:(?:Das|Der|Die)[ \t]+)?$")


def left(text, start, ctx) -> tuple[str, int | None, str | None]:
    """(determiner, start of a name adjective or None, city of that adjective) before a head."""
    words = list(WORD.finditer(text, max(0, start - 60), start))
    adj_start = adj_city = None
    i = len(words) - 1
    if i >= 0 and text[words[i].end():start].strip(" \t") == "":
        w = words[i].group(0)
        if w[0].isupper() and w.lower() not in DETERMINERS:
            if w.endswith("er") and (city := ctx.city_of_adjective(w)) is not None:
                adj_start, adj_city = words[i].start(), city or None
            elif _CAP_ADJ.match(w):
                adj_start = words[i].start()
            if adj_start is not None:
                i -= 1
    skipped = 0
    while i >= 0 and skipped < 2 and _LOW_ADJ.match(words[i].group(0)) \
            and words[i].group(0).lower() not in DETERMINERS:
        i -= 1
        skipped += 1
    det = words[i].group(0).lower() if i >= 0 else ""
    return det, adj_start, adj_city


def tail(text, end, bare, kind, ctx) -> tuple[int, bool, str | None]:
    """(end of the name, named?, city in it) for the words after a head word."""
    pos = end
    q = re.match(r"[ \t]*([„\"“»‚])", text[end:end + 4])
    if q:
        open_at = end + q.start(1)
        close = find_close(text, open_at + 1, CLOSE_Q[q.group(1)])
        if close is not None:
            return close + 1, True, ctx.city_in(open_at, close)
    tokens = []
    while len(tokens) < 4:
        glue = _TAIL_AND.match(text, pos) if tokens else None
        m = _TAIL_TOKEN.match(text, glue.end() - 1 if glue else pos)
        if not m or m.group(1) in _TAIL_STOP:
            break
        tokens.append((m.start(1), m.end(1)))
        pos = m.end(1)
    if not tokens:
        return end, False, None
    last_city = ctx.city_at(tokens[-1][0], tokens[-1][1])
    last_state = ctx.is_state(tokens[-1][0], tokens[-1][1])
    # "das Zentrum Workshops anbieten": after a one-word bare head only a place or an
    # acronym continues the name; "Digital Hub Mittelhessen" is named by its programme
    if bare and " " not in kind and not (last_city or last_state or _is_acronym(text, tokens)
                                         or _adjective_name(text, tokens) or ACRONYM.match(text, pos)):
        return end, False, None
    city = None
    for s, e in tokens:
        city = city or ctx.city_at(s, e) or ctx.city_of_region(text[s:e])
    return pos, True, city


def centre_fuer(lex, text, key, tail_end, ctx) -> bool:
    """Is "X-zentrum für Y" a funded centre rather than an institute? Yes when a compound
    head ("Kompetenzzentrum für Quantencomputer") comes with its own acronym, a seat or a
    host; a plain "Zentrum für Y (ACR)" when its seat follows or the text goes on to name
    it by that acronym ("Das ZDIN erhält …")."""
    acr = ACRONYM.match(text, tail_end)
    after = acr.end() if acr else tail_end
    city, rule = city_after(lex, text, after, ctx)
    if key != "zentrum":
        return bool(acr) or city is not None or bool(_HOST_AFTER.match(text, after))
    if not acr:
        return False
    if rule == "centre.after_seat" or _SITES_NEAR.search(text, after, min(len(text), after + 100)):
        return True  # "… (DZIF) mit Sitz in Braunschweig", "… (DZL) hat fünf Standorte"
    word = acr.group(1).lstrip("#")
    at = text.find(word, after, after + ALIAS_REACH)
    while at >= 0:
        if word_bounded(text, at, at + len(word)) and _SUBJECT_BEFORE.search(text, max(0, at - 8), at):
            return True
        at = text.find(word, at + len(word), after + ALIAS_REACH)
    return False


def find_close(text, pos, closers) -> int | None:
    """The position of the quote that closes one opened before `pos`, on the same line."""
    for i in range(pos, min(len(text), pos + 90)):
        ch = text[i]
        if ch == "\n":
            return None
        if ch in closers:
            return i
    return None


def _adjective_name(text, tokens) -> bool:
    """"Kompetenzzentrum Digitales Handwerk": a capitalised adjective and a noun name it."""
    s, e = tokens[0]
    return len(tokens) >= 2 and bool(_CAP_ADJ.match(text[s:e]) or _NAME_ADJ.match(text[s:e]))


def _is_acronym(text, tokens) -> bool:
    s, e = tokens[0]
    word = text[s:e]
    return len(word) >= 2 and sum(ch.isupper() for ch in word) >= 2
