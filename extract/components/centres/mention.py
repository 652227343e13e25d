"""One centre mention from one head match, in named steps: read the head (kind, number), grow
it to its name (quotes, adjective, title words, "für …", acronym), tie a city to it, and decide
whether it is generic, plural or an anaphor ("das Zentrum")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Mention
from .heads import DEFINITE, INDEFINITE, SINGULAR_DET, plural_before
from .names import ACRONYM, CLOSE_Q, FOR_TAIL, OPEN_Q, centre_fuer, find_close, left, tail
from .seats import city_after, city_before

# "Eines der vier Pflegepraxiszentren entsteht in …": one centre out of a plural
_PARTITIVE = re.compile(r"\b(?:[Ee]ines|[Ee]iner|[Ee]ins)[ \t]+(?:der|von)[ \t]+(?:[\w-]+[ \t]+){0,3}$")
_PROGRAMME_BEFORE = re.compile(r"(?:Wettbewerb|[Pp]rogramm|Initiative|Förderlinie|Förderaufruf|Ausschreibung|"
                               r"Förderrichtlinie)(?:e?s)?[ \t]+[„\"“»«‚]?$")
_NEW = re.compile(r"\b(?:neue[nmrs]?|gegründete[nmrs]?|neu[ ]gegründete[nmrs]?)[ \t]+(?:[\w-]+[ \t]+)?$")
_MD40_NAME = re.compile(r"Mittelstand[ -]?4\.0")


@dataclass
class Draft:
    """A centre being read: its head [start, end), its name [name_start, name_end) and what
    the steps found out so far."""
    start: int
    end: int
    key: str                  # the head's singular, lower case
    kind: str
    bare: bool                # a head that alone may refer back ("das Zentrum")
    plural: bool
    det: str                  # the determiner before it ("" when none)
    name_start: int
    name_end: int
    named: bool = False
    city: str | None = None
    city_rule: str = ""
    q_open: str = ""          # the quote that opens the name, if quoted
    acronym: str | None = None
    generic: bool = False
    anaphor: bool = False

    def place(self, city, rule) -> None:
        """Take `city` unless one was found already."""
        if city and not self.city:
            self.city, self.city_rule = city, rule


def mention(lex, text, start, end, value, rule_id, ctx) -> Mention | None:
    """The CENTRE mention a head match at [start, end) makes, or None when it is none."""
    d = _read_head(lex, text, start, end, value, ctx)
    if d is None or not _name_after(lex, text, d, ctx):
        return None
    _number_and_city(lex, text, d, ctx)
    return _build(lex, text, d, rule_id)


def _read_head(lex, text, start, end, value, ctx) -> Draft | None:
    """The head's kind and number, and the name words before it (quotes, an adjective)."""
    key, plural = lex.forms.singular(text[start:end])
    kind, bare = lex.heads.kind(value or key)
    if kind is None:
        return None
    det, adj_start, adj_city = left(text, start, ctx)
    if plural is None:
        plural = det not in SINGULAR_DET
    elif not plural and lex.forms.same_plural(key):
        plural = plural_before(text, start, det)
    d = Draft(start, end, key, kind, bare, plural, det, start, end)
    # a quoted name around the head: «Zentrum Digitalisierung Bayern»
    if start and text[start - 1] in OPEN_Q:
        q_end = find_close(text, start, CLOSE_Q[text[start - 1]])
        if q_end is not None and q_end > end:
            d.name_start, d.name_end, d.named = start - 1, q_end + 1, True
    # a capitalised adjective in front belongs to the name: "Thüringer Digitalagentur"
    if adj_start is not None and d.name_start == start:
        d.name_start, d.named = adj_start, True
        if adj_city:
            d.city, d.city_rule = adj_city, "centres.adjective"
    # the quote that opens the name, before it or matched with it („Smart Water Lab“)
    d.q_open = next((q for q in (text[d.name_start - 1:d.name_start], text[d.name_start:d.name_start + 1])
                     if q and q in OPEN_Q), "")
    if d.q_open and not d.city:
        # «Smart Textiles Lab Plauen»: the city the quoted name holds
        inside = ctx.cities_in(d.name_start, d.name_end)
        if inside:
            d.city, d.city_rule = inside[-1][1], "centres.in_name"
    return d


def _name_after(lex, text, d: Draft, ctx) -> bool:
    """Grow the name past the head (title words, "für …", an acronym); False when the words
    after it show an institute ("Zentrum für X") or an organisation ("… GmbH")."""
    if d.name_end == d.end:
        pos, tail_named, tail_city = tail(lex, text, d.end, d.bare, d.kind, ctx)
        if pos > d.end:
            d.name_end, d.named = pos, d.named or tail_named
        d.place(tail_city, "centres.in_name")
    # "Zentrum für X" is an institute unless it is introduced as new ("ein neues Zentrum für X",
    # "In Cham entsteht ein Zentrum für X")
    if d.key.endswith("zentrum") and text.startswith(" für", d.name_end):
        fm = FOR_TAIL.match(text, d.name_end)
        if not (fm and centre_fuer(lex, text, d.key, fm.end(), ctx)) \
                and not _NEW.search(text, max(0, d.start - 40), d.start) and not d.q_open \
                and not ctx.sentence_has(*ctx.sentence(d.start), lex.founding):
            return False
        if fm:
            d.name_end, d.named = fm.end(), True
            if d.q_open and text[d.name_end:d.name_end + 1] in CLOSE_Q[d.q_open]:
                d.name_end += 1  # „Hessisches Zentrum für Digitale Pflege“ (HZDP)
    acr = ACRONYM.match(text, d.name_end)
    if acr and not d.city and ctx.city_in(acr.start(1), acr.end(1)):
        # "KI-Transferhub Mainfranken (Würzburg)": the parenthesis names the seat
        d.city, d.city_rule = ctx.city_in(acr.start(1), acr.end(1)), "centres.paren_city"
        acr = None
    if acr:
        d.name_end, d.named, d.acronym = acr.end(), True, acr.group(1)
        # "Innovations- und Technologiezentrum (ITZ) Nord": the name may go on
        pos, _, tail_city = tail(lex, text, d.name_end, False, d.kind, ctx)
        if pos > d.name_end:
            d.name_end = pos
            d.place(tail_city, "centres.in_name")
    return not lex.legal_form.match(text, d.name_end)  # "… GmbH", "… e.V.": a partner at most


def _number_and_city(lex, text, d: Draft, ctx) -> None:
    """The city of a singular centre (or of one out of a plural), and whether it is generic
    or an anaphor."""
    # im Wettbewerb „Forschungscampus – …“: the programme, not a centre
    programme = bool(_PROGRAMME_BEFORE.search(text, max(0, d.name_start - 30), d.name_start))
    d.generic = True if d.plural else (d.det in INDEFINITE and not d.named) or programme
    if d.city is None and not d.plural:
        d.city, d.city_rule = city_after(lex, text, d.name_end, ctx)
    if d.city is None and not d.plural:
        d.city, d.city_rule = city_before(lex, text, d.name_start, ctx, d.name_end)
    if d.plural and _PARTITIVE.search(text, max(0, d.start - 60), d.start):
        # one of the plural, placed by the sentence: it is a concrete centre
        d.city, d.city_rule = city_after(lex, text, d.name_end, ctx)
        if d.city is None:
            d.city, d.city_rule = city_before(lex, text, d.name_start, ctx, d.name_end)
        if d.city:
            d.plural, d.city_rule = False, d.city_rule + "+partitive"
    if d.city and not d.plural:
        d.named = True
        d.generic = programme
    lone = d.bare and not d.named and not d.plural
    d.anaphor = bool(lone and not d.generic) or (lone and d.det not in DEFINITE and d.det not in INDEFINITE)
    if not d.named and not d.bare and not d.plural and d.det in INDEFINITE:
        d.generic = True


def _build(lex, text, d: Draft, rule_id) -> Mention:
    span = text[d.name_start:d.name_end]
    kind = d.kind
    if kind == "Kompetenzzentrum" and _MD40_NAME.search(span):
        kind = "Mittelstand 4.0-Kompetenzzentrum"  # Kompetenzzentrum „Mittelstand 4.0“
    attrs = {"city": d.city, "kind": kind, "generic": bool(d.generic), "plural": bool(d.plural),
             "anaphor": d.anaphor}
    if d.city_rule:
        attrs["city_rule"] = d.city_rule
    if d.acronym:
        attrs["acronym"] = d.acronym
    return Mention("CENTRE", d.name_start, d.name_end, span, rule_id,
                   normalized=lex.forms.normalize_name(span, d.plural), attrs=attrs)
