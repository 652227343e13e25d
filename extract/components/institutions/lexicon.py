"""What the institutions component reads from rules/: the head words (institution_heads.txt),
the plurals of joined names, the company names and the ORG rules by kind, built once per rules
folder into an InstitutionLexicon; and the words every step of the component shares."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...rules import cached_rules
from ..joined_orgs import parse_plurals

WS = r"[^\S\n]"
_STOP_WORDS = (r"der|die|das|den|dem|des|und|oder|sowie|eine?[mnrs]?|im|in|an|am|auf|aus|bei|beim|mit|von|vom"
               r"|zur|zum|für|über|unter|nach|seit|bis|wird|werden|ist|sind|hat|haben|sich|seine[mnrs]?"
               r"|ihre[mnrs]?|unsere[mnrs]?|diese[mnrs]?|alle|wie|als|auch|so")
# lower-case words that never open or continue a name
LOWER_STOP = frozenset(_STOP_WORDS.split("|")) | {"eine", "einer", "einem", "einen", "eines", "ein",
                                                    "dass", "wurde", "wurden", "hat", "haben"}
_LOWER_ADJ = rf"(?:(?!(?:{_STOP_WORDS})\b)[a-zäöüß]+(?:e|en|er|es|em){WS}+)"
_LEGAL = r"(?:gGmbH|GmbH|AG|KG|mbH|SE|UG|Co|eG|e\.)"
# A noun of a name complement: "Produkt-" (truncated), "-automatisierung" (continued), never an
# acronym or a legal form (both are taken apart after the chain).
_CAP = (rf"(?:(?!{_LEGAL}(?![\w]))(?![A-ZÄÖÜ0-9&]{{2,}}(?![\w]))[A-ZÄÖÜ][\wäöüß+/]*(?:-[\wäöüß]+)*-?"
        rf"|-[a-zäöüß][\wäöüß]*)")
_WORD = rf"(?:{_LOWER_ADJ}?{_CAP})"
CHAIN = rf"{_WORD}(?:(?:,{WS}+{_WORD})*{WS}+(?:und|&){WS}+{_WORD}|{WS}+{_WORD}){{0,8}}"
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
# the kind a legal form gives its organisation (others keep the kind of their head)
LEGAL_KIND = {"e.V.": "association", "e. V.": "association", "gGmbH": "company", "eG": "association"}
SUBUNIT = ("university", "institute")   # kinds that may be part of another ("Fakultät … der Universität")
INFLECTIONS = ("", "s", "es", "e")


@dataclass
class InstitutionLexicon:
    """The head words of institution names with their kind and gender, the words that never
    open a name or are no acronym, the company names, the plurals of joined names and the ORG
    rules by kind, as the scans read them."""
    heads: list                 # [(suffix, kind, gender)], longest first
    standalone: dict            # "TU" -> (kind, gender)
    never: tuple                # suffixes that never head an institution
    not_acronyms: frozenset
    left_stop: frozenset        # capitalised words that never open a name ("Die", "Partner")
    head_endings: tuple         # every head suffix with its inflected forms, for str.endswith
    abbr_re: re.Pattern
    rules: dict = field(default_factory=dict)   # kind -> (compiled, rule id)
    # head suffixes whose compounds name one institution by themselves ("Ostalbkreis")
    named: frozenset = frozenset()
    # heads whose next capitalised word is their place even when no gazetteer knows it
    # ("Landkreis Emsland", "Universität Hohenheim"), like a standalone "TU"
    placed: frozenset = frozenset()
    companies: tuple = ()       # rules/lists/company_names.txt
    plurals: tuple = ()         # (plural head, singular) of joined names, rules/lists/institution_plurals.txt
    plural_words: frozenset = frozenset()    # the plural heads themselves
    plural_first: frozenset = frozenset()    # their first words, to skip texts that hold none
    # capitalised word -> its head reading (or None): the same words recur in every document
    head_cache: dict = field(default_factory=dict)


@lru_cache(maxsize=4)
def load_lexicon(rules_dir: str | None) -> InstitutionLexicon:
    rules = cached_rules(rules_dir or None)
    heads, standalone, never, stop, left_stop, named, placed = _read_heads(rules.word_list("institution_heads"))
    endings = tuple(h[0] + infl for h in heads for infl in INFLECTIONS)
    # the look-behind (?<![\w-]) follows the first letter of each token so that re skips to them
    abbr = "|".join(re.escape(tok[0]) + r"(?<![\w-].)" + re.escape(tok[1:])
                    for tok in sorted(standalone, key=len, reverse=True) if tok) or "(?!)"
    abbr_re = re.compile(rf"(?P<tok>{abbr})(?={WS}+(?:[A-ZÄÖÜ]|für{WS}))")
    by_kind = {r.kind: (r.compile(), r.id) for r in rules.patterns_for("ORG", file="institutions")}
    plurals = parse_plurals(rules.word_list("institution_plurals"))
    return InstitutionLexicon(heads, standalone, tuple(never), frozenset(stop), frozenset(left_stop), endings,
                              abbr_re, by_kind, named=frozenset(named), placed=frozenset(placed),
                              plurals=plurals, plural_words=frozenset(p for p, _ in plurals),
                              plural_first=frozenset(p.split(" ", 1)[0] for p, _ in plurals),
                              companies=tuple(rules.word_list("company_names")))


def _read_heads(lines: list[str]):
    """(heads longest first, standalone abbreviations, never, not acronyms, left stop words,
    named and placed suffixes) from the lines of institution_heads.txt."""
    heads, standalone, never, stop, left_stop, named, placed = [], {}, [], set(), set(), set(), set()
    for line in lines:
        if line.startswith("!"):
            never.append(line[1:].strip().lower())
        elif line.startswith("^"):
            left_stop.add(line[1:].strip())
        elif line.startswith("~"):
            stop.add(line[1:].strip())
        elif "=" in line:
            left, right = (s.strip() for s in line.rsplit("=", 1))
            parts = right.split()
            kind, gender, *flags = parts if len(parts) > 1 else [*parts, "n"]   # gender n by default
            if "named" in flags:
                named.add(left.lower())
            if "placed" in flags:
                placed.add(left.lower())
            if left.startswith("="):
                standalone[left[1:].strip()] = (kind, gender)
            else:
                heads.append((left.lower(), kind, gender))
    heads.sort(key=lambda h: -len(h[0]))
    return heads, standalone, never, stop, left_stop, named, placed
