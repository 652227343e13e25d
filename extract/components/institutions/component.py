"""The extract_institutions factory and find_institutions: the scans in their order, from head
words grown to names to the mentions and the later uses of their acronyms."""
from __future__ import annotations

import re

from spacy.language import Language

from ...model import Mention
from ...normalize import names as nm
from .grow import grow_left, grow_right
from .heads import head_orgs
from .lexicon import SUBUNIT, WS, InstitutionLexicon, load_lexicon
from .names import acronym_refs, definitions, normalize, to_mention
from .org import Org, overlaps
from .scans import NO_WORD_OR_DASH_AFTER, company_orgs, legal_form_orgs, place_acronym_orgs, with_joined

_GENITIVE = re.compile(rf"{WS}+(?:der|des){WS}+")
_INDEFINITE_BEFORE = re.compile(rf"(?<![\w-])(?:[Ee]in|[Ee]ine[mnrs]?|[Kk]ein|[Kk]eine[mnrs]?)"
                                rf"(?:{WS}+[a-zäöüß]+)*{WS}+$")
_AFTER_SPACE = re.compile(rf"(?<={WS})")


@Language.factory("extract_institutions", default_config={"rules_dir": ""},
                  requires=["doc._.text", "doc._.mentions"],
                  assigns=["doc._.mentions"])
def make_institutions(nlp, name, rules_dir):
    return Institutions(rules_dir or None)


class Institutions:
    def __init__(self, rules_dir: str | None = None):
        self.rules_dir = rules_dir

    def __call__(self, doc):
        text = doc._.text
        mentions = doc._.mentions
        mentions.extend(find_institutions(text, load_lexicon(self.rules_dir), mentions))
        return doc


def find_institutions(text: str, lex: InstitutionLexicon, mentions=()) -> list[Mention]:
    """ORG mentions of `text`; `mentions` are earlier ones (CITY/STATE extend names, MINISTRY blocks)."""
    places = _places(text, mentions)
    blocked = [(m.start, m.end) for m in mentions if m.label == "MINISTRY"]
    orgs, words = head_orgs(text, lex)
    kept = _merge_genitives(text, _grown(text, lex, orgs, places))
    kept += legal_form_orgs(text, lex, kept)
    kept += company_orgs(text, lex, kept, words)
    kept += place_acronym_orgs(text, lex, kept, places)
    if not lex.plural_first.isdisjoint(words):
        kept = with_joined(text, lex, kept, places)
    kept = [o for o in kept if not overlaps(o, blocked)]
    kept.sort(key=lambda o: o.start)
    for org in kept:
        org.normalized = org.normalized or normalize(text, org)
    defs = definitions(kept, text)
    out = [to_mention(text, o, defs) for o in kept]
    out += acronym_refs(text, lex, kept, defs, blocked)
    return sorted(out, key=lambda m: m.start)


def _places(text: str, mentions) -> dict[int, Mention]:
    """start -> CITY/STATE mention; a city the places component left out inside a name
    ("Helmholtz-Institut Münster") is still a city when the text names it elsewhere."""
    places = {m.start: m for m in mentions if m.label in ("CITY", "STATE")}
    by_text = {m.text: m for m in places.values() if m.label == "CITY"}
    if by_text:
        for start, end in nm.find_literals(text, by_text, _AFTER_SPACE, NO_WORD_OR_DASH_AFTER):
            if start not in places:
                city = by_text[text[start:end]]
                places[start] = Mention("CITY", start, end, text[start:end], city.rule,
                                        normalized=city.normalized, attrs=city.attrs)
    return places


def _grown(text: str, lex: InstitutionLexicon, orgs: list[Org], places: dict) -> list[Org]:
    """The heads grown to names that name one institution, without overlaps."""
    kept: list[Org] = []
    pending: Org | None = None   # a sub-unit head without evidence, kept if a genitive owner follows
    for org in orgs:
        if kept and org.start < kept[-1].end:
            continue
        grow_left(text, org, lex)
        grow_right(text, org, lex, places)
        if org.end == org.head_end and text[org.head_start:org.head_end] in lex.plural_words:
            continue                          # a bare plural ("die Fraunhofer-Institute") is no one name
        if org.weak and _INDEFINITE_BEFORE.search(text, max(0, org.start - 60), org.start):
            continue                          # "zu einem führenden Zentrum für X" names no one
        if org.evidence or (org.start < org.head_start and not org.weak):
            if pending is not None and _GENITIVE.fullmatch(text, pending.end, org.start):
                kept.append(pending)          # "Klinikum der Universität München"
            kept.append(org)
            pending = None
        elif org.kind in SUBUNIT and not org.weak:
            pending = org
    return kept


def _merge_genitives(text: str, orgs: list[Org]) -> list[Org]:
    """"Fakultät für Informatik der Otto-von-Guericke-Universität Magdeburg" is one name."""
    out: list[Org] = []
    for org in orgs:
        prev = out[-1] if out else None
        if prev and prev.kind in SUBUNIT and org.kind in SUBUNIT and prev.genitive_of is None:
            m = _GENITIVE.match(text, prev.end)
            if m and m.end() == org.start:
                prev.genitive_of = org
                prev.end = org.end
                prev.city = prev.city or org.city
                continue
        out.append(org)
    return out
