"""From Orgs to ORG mentions: the canonical name of each, the acronyms the text defines, and
the bare later uses of those acronyms ("… (ThZM)" then "ThZM"), which get the same name."""
from __future__ import annotations

import re

from ...model import Mention
from ...normalize import names as nm
from ...text.ranges import Ranges
from .lexicon import InstitutionLexicon
from .org import Org

_NON_SPACE = re.compile(r"\S+")
_NO_WORD_BEFORE = re.compile(r"(?<![\w-])")
_NO_WORD_AFTER = re.compile(r"(?![\w])")


def normalize(text: str, org: Org) -> str:
    """Canonical name: acronyms taken out, a governed head and its adjectives in the nominative;
    a genitive attachment ("… der Universität Bremen") is kept as written."""
    end = org.genitive_of.start if org.genitive_of else org.end
    preceding = text[max(0, org.start - 12):org.start]
    has_article = nm.after_article(preceding)
    pieces: list[str] = []
    dropped_acronym = False
    for m in _NON_SPACE.finditer(text[org.start:end]):
        s, e = org.start + m.start(), org.start + m.end()
        word = m.group(0)
        if org.acronym and word.strip("(),") == org.acronym and (
                word.startswith("(") or s > org.head_start or _dash_after(text, e)):
            dropped_acronym = True
            continue
        if dropped_acronym and not pieces and word in ("–", "—", "-"):
            continue
        if e <= org.head_start and has_article and not org.proper_prefix:
            word = nm.strong_adjective(word, org.gender)
        elif s <= org.head_start < e and org.head_end <= e:
            word = text[s:org.head_start] + nm.nominative_head(text[org.head_start:org.head_end],
                                                                org.inflection) + text[org.head_end:e]
        pieces.append(word)
    name = " ".join(pieces).strip(" ,")
    if org.genitive_of:
        gen = org.genitive_of
        inner = text[gen.start:gen.end]
        if gen.acronym:
            inner = inner.replace(f" ({gen.acronym})", "")
        name = f"{name} {inner}"
    return " ".join(name.split())


def _dash_after(text: str, pos: int) -> bool:
    return text[pos:pos + 3].strip()[:1] in ("–", "—", "-")


def definitions(orgs: list[Org], text: str) -> dict[str, tuple[str, str]]:
    """acronym -> (normalized name, kind): the first long form the text gives for it."""
    defs: dict[str, tuple[str, str]] = {}
    for o in orgs:
        gen = o.genitive_of
        if gen is not None and gen.acronym and gen.acronym not in defs:
            defs[gen.acronym] = (normalize(text, gen), gen.kind)
        if o.acronym and o.acronym not in defs and o.normalized and o.normalized != o.acronym:
            defs[o.acronym] = (o.normalized, o.kind)
    return defs


def to_mention(text: str, o: Org, defs: dict) -> Mention:
    attrs = {"acronym": o.acronym, "kind": o.kind}
    if o.city:
        attrs["city"] = o.city
    normalized = o.normalized
    if o.rule == "org.place_acronym" and o.acronym in defs:
        normalized = defs[o.acronym][0]
    return Mention("ORG", o.start, o.end, text[o.start:o.end], o.rule, normalized=normalized, attrs=attrs)


def acronym_refs(text: str, lex: InstitutionLexicon, orgs: list[Org], defs: dict, blocked) -> list[Mention]:
    """Bare later (or earlier) uses of a defined acronym, and "Fraunhofer IFF"."""
    out = []
    spans = [(o.start, o.end) for o in orgs] + list(blocked)
    brand = lex.rules.get("brand")
    if brand:
        for m in brand[0].finditer(text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            acr = m.group("acr")
            society = text[m.start():m.start("acr")].rstrip("- ")    # "Fraunhofer-IOSB-AST"
            name, kind = defs.get(acr, (f"{society} {acr}", "institute"))
            out.append(Mention("ORG", m.start(), m.end(), m.group(0), brand[1], normalized=name,
                               attrs={"acronym": acr, "kind": kind}))
            spans.append((m.start(), m.end()))
    if not defs:
        return out
    taken = Ranges(spans)
    for start, end in nm.find_literals(text, defs, _NO_WORD_BEFORE, _NO_WORD_AFTER):
        if taken.overlap(start, end):
            continue
        acr = text[start:end]
        name, kind = defs[acr]
        out.append(Mention("ORG", start, end, acr, "org.acronym_ref", normalized=name,
                           attrs={"acronym": acr, "kind": kind}))
    return out
