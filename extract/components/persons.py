"""PERSON mentions: (title) + known first name(s) + (particle) + capitalised surname, with the
role the text gives ("Staatssekretärin Iris Gleicke", "Adrian Ulrich, Leiter des …") and the
organisation named in it. Bare surnames of a person named in full ("so Ude") are mentions of
the same person. Names on a photo-credit line are credits (attrs credit=True, role "Fotograf")
unless the line goes on with a verb, which makes it a caption naming real actors.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language

from ..model import Mention
from ..normalize import names as nm
from ..rules import cached_rules

_WS = r"[^\S\n]"
_PARTICLES = frozenset(["von", "van", "de", "der", "den", "zu", "und", "di", "da", "del", "el", "al"])
# (?<![\w.-]) follows the first capital so that re can skip to capitals quickly; a word is
# matched possessively (giving back letters can never help) to spare re the backtracking
_CAPW = r"[A-ZÄÖÜ][\w'’]*+(?:-[A-ZÄÖÜ][\w'’]*+)*+"
_SEQ = re.compile(
    rf"[A-ZÄÖÜ](?<![\w.-].)[\w'’]*+(?:-[A-ZÄÖÜ][\w'’]*+)*+(?:{_WS}+(?:(?:von|van|de|der|den|zu|und{_WS}+zu|di|da|del)"
    rf"{_WS}+)*{_CAPW}){{1,3}}(?![\w-])")
_WORDS = re.compile(r"\S+")
# only capitalised words between an institution and a name: the name continues the institution's
_NAME_GAP = re.compile(r"(?:[^\S\n]+[A-ZÄÖÜ][\w-]*)*[^\S\n]+")
_ADJ = re.compile(r"^[A-Za-zÄÖÜäöüß-]+(?:e|en|er)$")
_ARTICLES = frozenset(["der", "die", "das", "den", "dem", "des",
                       "ein", "eine", "einer", "eines", "einem", "einen"])
# Word endings that make a capitalised word an institution, not a surname ("Ernst-Abbe-Hochschule").
_NOT_SURNAME_END = ("universität", "hochschule", "institut", "gesellschaft", "stiftung", "verband",
                    "zentrum", "kammer", "agentur", "ministerium", "straße", "platz", "preis", "haus")
_PREP_ORG = re.compile(rf"{_WS}*(?:,{_WS}*)?(?:aus|von|vom|bei|beim)(?:{_WS}+(?:dem|der|den))?{_WS}+")
_IN_FORCE = re.compile(r"(?:\bin|\baußer)\s$")
# look-arounds of a bare surname, for names.find_literals
_NO_WORD_BEFORE = re.compile(r"(?<![\w-])")
_NO_WORD_AFTER = re.compile(r"(?![\w-])")


@dataclass
class PersonLexicon:
    """First names, words that are no surname, role endings and the PERSON rules (apposition,
    role, title, photo credit) that the person scan reads."""
    first: frozenset
    not_surname: frozenset
    role_suffixes: tuple           # lower-case endings of role words
    apposition: re.Pattern         # ", Leiter des Referats …" after a name
    role_comma: re.Pattern         # "die Geschäftsführerin des TGZ Jerichower Land, " before a name
    title: re.Pattern
    credit: re.Pattern | None
    credit_initials: tuple | None
    caption: re.Pattern | None

    def is_role(self, word: str) -> bool:
        """A role word ("Bundeswirtschaftsministerin", "LEG-Geschäftsführer"): one without
        whitespace that ends in a role ending, in any case. (A str.endswith, not a regex: the
        regex form tried every ending at every position of every word.)"""
        return word.lower().endswith(self.role_suffixes)


@lru_cache(maxsize=4)
def load_lexicon(rules_dir: str | None) -> PersonLexicon:
    rules = cached_rules(rules_dir or None)
    first = frozenset(rules.word_list("first_names"))
    suffixes, stop = [], set()
    for line in rules.word_list("person_roles"):
        if line.startswith("~"):
            stop.add(line[1:].strip())
        else:
            suffixes.append(line.strip().lower())
    suffixes.sort(key=len, reverse=True)
    role_alt = "|".join(re.escape(s) for s in suffixes)
    role = rf"[\wäöüß-]*?(?i:{role_alt})"
    word = (rf"(?:[„\"“‚][^“”\"\n]{{1,60}}[“”\"]|[A-ZÄÖÜ][\w.+&/-]*"
            rf"|[a-zäöü][\w+.-]*(?={_WS}+(?:GmbH|AG|e\.V\.))|e\.{_WS}?V\.)")
    chain = rf"{word}(?:(?:,{_WS}+{word})*{_WS}+und{_WS}+{word}|{_WS}+{word}){{0,8}}"
    link = rf"(?:des|der|für|im|vom|von{_WS}+der|am|beim|bei{_WS}+der)"
    apposition = re.compile(rf",{_WS}*(?P<role>{role}(?![\w])(?:{_WS}+{link}{_WS}+{chain})?)")
    role_comma = re.compile(rf"(?<![\w-])(?P<role>{role}{_WS}+(?:{link}|von){_WS}+[^,.;:\n]{{1,60}}),{_WS}*$")
    by_kind = {r.kind: r for r in rules.patterns_for("PERSON", file="persons")}
    title = re.compile(f"(?<![\\w.])(?P<t>{by_kind['title'].pattern})$" if "title" in by_kind else r"(?!)")
    credit = by_kind["credit"].compile() if "credit" in by_kind else None
    ini = by_kind.get("credit_initials")
    initials = (ini.compile(), ini.id) if ini else None
    caption = by_kind["caption"].compile() if "caption" in by_kind else None
    return PersonLexicon(first, frozenset(stop), tuple(suffixes), apposition, role_comma, title, credit, initials,
                  caption)


@Language.factory("extract_persons", default_config={"rules_dir": ""},
                  requires=["doc._.text", "doc._.mentions"],
                  assigns=["doc._.mentions"])
def make_persons(nlp, name, rules_dir):
    return Persons(rules_dir or None)


class Persons:
    def __init__(self, rules_dir: str | None = None):
        self.rules_dir = rules_dir

    def __call__(self, doc):
        mentions = doc._.mentions
        mentions.extend(find_persons(doc._.text, load_lexicon(self.rules_dir), mentions))
        return doc


def _is_first(word: str, first: frozenset) -> bool:
    return all(part in first for part in word.split("-")) if word[:1].isupper() else False


def find_persons(text: str, lex: PersonLexicon, mentions=()) -> list[Mention]:
    """PERSON mentions of `text`; earlier ORG/MINISTRY/CENTRE mentions are never person names."""
    taken = _Spans(sorted(((m.start, m.end, m) for m in mentions if m.label in ("ORG", "MINISTRY", "CENTRE")),
                          key=lambda t: (t[0], -t[1])))
    out: list[Mention] = []
    first = lex.first
    for m in _SEQ.finditer(text):
        # a person needs a known first name before the last word; most sequences have none
        words = None
        if not any(w.split("-", 1)[0] in first for w in m.group(0).split()[:-1]):
            # an unlisted first name counts right after a role word: "Oberbürgermeister Melf Grantz"
            words = [(w.group(0), m.start() + w.start(), m.start() + w.end())
                     for w in _WORDS.finditer(m.group(0))]
            found = _role_led(text, words, lex)
            if found and not taken.overlaps(found[0], found[1]):
                out.append(_mention(text, *found, lex, taken))
            continue
        words = [(w.group(0), m.start() + w.start(), m.start() + w.end())
                 for w in _WORDS.finditer(m.group(0))]
        i = 0
        while i < len(words) - 1:
            found = _person_at(words, i, lex)
            if found is None:
                i += 1
                continue
            start, end, name, nxt = found
            # inside an institution's name, or right after it ("Hochschule Nürnberg Georg Simon Ohm")
            if not any((s < end and start < e) or _continues(text, e, start, lex)
                       for s, e, _ in taken.near(start, end, reach=_CONTINUES_REACH)):
                out.append(_mention(text, start, end, name, lex, taken))
            i = nxt
    out += _credit_initials(text, lex, out)
    out += _surname_refs(text, lex, out, taken)
    return sorted(out, key=lambda p: p.start)


# how far before a name an institution may end and the name still belong to it
_CONTINUES_REACH = 40


class _Spans:
    """(start, end, payload) spans sorted by start: those near a position by bisect, not by a
    scan of all of them (a text full of institutions and names stays linear)."""

    def __init__(self, items: list):
        self.items = items
        self.starts = [s for s, _, _ in items]
        self.longest = max((e - s for s, e, _ in items), default=0)

    def near(self, start: int, end: int, reach: int = 0) -> list:
        """The spans that may overlap [start, end) or end up to `reach` chars before `start`, in order."""
        return self.items[bisect_left(self.starts, start - self.longest - reach):bisect_left(self.starts, end)]

    def starting(self, lo: int, hi: int) -> list:
        """The spans that start in [lo, hi], in order."""
        return self.items[bisect_left(self.starts, lo):bisect_right(self.starts, hi)]

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e, _ in self.near(start, end))


def _continues(text: str, org_end: int, start: int, lex: PersonLexicon) -> bool:
    """True when only capitalised non-role words stand between an institution and a name, so the
    name belongs to the institution's ("Technische Hochschule Nürnberg Georg Simon Ohm")."""
    if not 0 <= start - org_end <= _CONTINUES_REACH or not _NAME_GAP.fullmatch(text, org_end, start):
        return False
    return not any(lex.is_role(w) for w in text[org_end:start].split())


def _role_led(text: str, words, lex: PersonLexicon):
    """(start, end, name) of "Role Firstname Surname" when the first name is not in our list:
    the role word opens the sequence of capitalised words or stands right before it."""
    before = text[max(0, words[0][1] - 40):words[0][1]].split() if words else []
    if before and lex.is_role(before[-1]):
        i = 0
    elif len(words) >= 3 and lex.is_role(words[0][0]):
        i = 1
    else:
        return None
    if len(words) - i not in (2, 3):
        return None
    (first, start, _), (surname, _, end) = words[i], words[i + 1]
    if (not first[0].isupper() or not surname[0].isupper() or surname.isupper() or first.isupper()
            or surname in lex.not_surname or first in lex.not_surname
            or surname.lower().endswith(_NOT_SURNAME_END) or not surname[-1].isalpha()):
        return None
    return start, end, f"{first} {surname}"


def _person_at(words, i: int, lex: PersonLexicon):
    """(start, end, normalized name, next index) of a person whose first name is words[i]."""
    if not _is_first(words[i][0], lex.first):
        return None
    j = i
    while j + 2 < len(words) and _is_first(words[j + 1][0], lex.first) and words[j + 2][0][0].isupper():
        j += 1
    k = j + 1
    while k < len(words) - 1 and words[k][0] in _PARTICLES:
        k += 1
    surname = words[k][0]
    if (not surname[0].isupper() or surname in lex.not_surname or surname.isupper()
            or surname.lower().endswith(_NOT_SURNAME_END) or words[i][0] in lex.not_surname):
        return None
    name = " ".join(w for w, _, _ in words[i:k + 1])
    return words[i][1], words[k][2], name, k + 1


def _mention(text: str, start: int, end: int, name: str, lex: PersonLexicon, taken) -> Mention:
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 160):start]
    t = lex.title.search(before)
    span_start = start
    if t and t.group("t"):
        span_start = start - len(t.group("t"))
        before = before[: len(before) - len(t.group("t"))]
    attrs: dict = {"role": None, "organisation": None}
    if lex.credit and lex.credit.search(before) and not (
            lex.caption and lex.caption.match(text, end)):
        attrs.update(role="Fotograf", credit=True)
        return Mention("PERSON", span_start, end, text[span_start:end], "person.credit", name, attrs)
    role_span = None
    r = _role_before(before, lex)
    if r:
        attrs["role"] = r
    else:
        a = lex.apposition.match(text, end)
        if a and a.end("role") - a.start("role") > 2:
            attrs["role"] = _clean_role(a.group("role"))
            role_span = (a.start("role"), a.end("role"))
        else:
            # role_comma ends in "," and spaces: skip its costly search everywhere else
            c = lex.role_comma.search(before) if before.rstrip().endswith(",") else None
            if c:
                attrs["role"] = " ".join(c.group("role").split())
                off = start - len(before)
                role_span = (off + c.start("role"), off + c.end("role"))
    attrs["organisation"] = _organisation(text, end, role_span, taken)
    return Mention("PERSON", span_start, end, text[span_start:end], "person.name", name, attrs)


def _clean_role(role: str) -> str:
    role = " ".join(role.split()).strip(" ,")
    return role if role.endswith(("V.", "e. V.")) else role.rstrip(".")


def _role_before(before: str, lex: PersonLexicon) -> str | None:
    """A role word right before the name, with an adjective before it ("Parlamentarische")."""
    toks = before.split()
    if not toks or not lex.is_role(toks[-1]):
        return None
    role = toks[-1]
    if len(toks) > 1 and _ADJ.match(toks[-2]) and toks[-2].lower() not in _ARTICLES and toks[-2][0].isupper():
        role = f"{toks[-2]} {role}"
    return role


def _organisation(text: str, end: int, role_span, taken) -> str | None:
    if role_span:
        inside = next((m for s, e, m in taken.starting(role_span[0], role_span[1]) if e <= role_span[1]), None)
        if inside:
            return inside.normalized or inside.text
    p = _PREP_ORG.match(text, end)
    if p:
        after = next((m for _, _, m in taken.starting(p.end(), p.end())), None)
        if after:
            return after.normalized or after.text
    return None


def _credit_initials(text: str, lex: PersonLexicon, found: list[Mention]) -> list[Mention]:
    if not lex.credit_initials:
        return []
    regex, rule_id = lex.credit_initials
    out = []
    for m in regex.finditer(text):
        s, e = m.span("name")
        if any(p.start < e and s < p.end for p in found):
            continue
        out.append(Mention("PERSON", s, e, m.group("name"), rule_id, " ".join(m.group("name").split()),
                           {"role": "Fotograf", "organisation": None, "credit": True}))
    return out


def _surname_refs(text: str, lex: PersonLexicon, persons: list[Mention], taken) -> list[Mention]:
    """"Ude betonte", "so Scheuer", "Ministerin Kraft": the surname of a person named in full."""
    by_surname = {}
    for p in persons:
        if not p.attrs.get("credit"):
            by_surname.setdefault(nm.surname(p.normalized), p.normalized)
    if not by_surname:
        return []
    blocked = _Spans(sorted([(p.start, p.end, None) for p in persons] + taken.items,
                            key=lambda t: (t[0], -t[1])))
    out = []
    for start, end in nm.find_literals(text, by_surname, _NO_WORD_BEFORE, _NO_WORD_AFTER):
        if blocked.overlaps(start, end):
            continue
        before = text[max(0, start - 40):start]
        if _IN_FORCE.search(before):      # "in Kraft", not Ms Kraft
            continue
        role = _role_before(before.split("\n")[-1], lex)
        surname = text[start:end]
        out.append(Mention("PERSON", start, end, surname, "person.surname_ref",
                           by_surname[surname], {"role": role, "organisation": None}))
    return out
