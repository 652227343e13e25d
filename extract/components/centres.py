"""Centres (CENTRE): funded competence centres, hubs, agencies, labs, named in the text.

Head words come from the CENTRE rules in rules/patterns/centres.jsonl and are classified by
rules/lists/centre_heads.txt. Each head is extended to its name (quoted name, title words,
acronym), then tied to a city: a CITY inside the name, a city adjective ("Bremer"), "in X"
right after it, a dateline, an "in X" in a sentence that says the centre opens or sits there,
or a sentence listing its sites ("Standorte werden Hamburg, Bremen …", or bullets that open
with the site). A plural becomes one site per city when the text lists them: "Zentren in A,
B und C", a sentence that places it at an enumeration, a header over bullet entries ("LOEWE-
Zentren:" then "• „X“ (Institut, Frankfurt)"). A named centre's acronym or coined word
recurring later ("KQCBW", "ARENA2036") is an alias of it; a described coined name listed
beside a centre ("darunter DIANA (…), das …, und das KI-Lab X") is one of its kind.

attrs: city, kind, generic, plural, anaphor (a bare "das Zentrum"), site (a mention made for
one city of a list of sites, spanning the centre word the list belongs to; `entry` is the
list entry it came from), alias and listed.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from spacy.language import Language

from ..literals import Gate
from ..model import Mention
from ..relations.sentences import Sentences
from ..rules import cached_rules
from ..scanner import Scanner

_CONTEXT_KINDS = ("exclude", "city_after", "city_before", "located_cue", "site_cue", "list_intro")
# Federal states that are not also city-states: a name or adjective of these is no city.
_LAENDER = {
    "baden-württemberg", "bayern", "brandenburg", "hessen", "mecklenburg-vorpommern",
    "niedersachsen", "nordrhein-westfalen", "nrw", "rheinland-pfalz", "saarland", "sachsen",
    "sachsen-anhalt", "schleswig-holstein", "thüringen", "deutschland", "europa",
}
_PLURAL_ENDINGS = (("zentren", "zentrum"), ("agenturen", "agentur"), ("fabriken", "fabrik"),
                   ("inkubatoren", "inkubator"), ("factories", "factory"), ("clustern", "cluster"),
                   ("räumen", "raum"), ("räume", "raum"), ("feldern", "feld"), ("felder", "feld"),
                   ("laboren", "labor"), ("labore", "labor"))
_GENITIVE_ENDINGS = (("zentrums", "zentrum"), ("inkubators", "inkubator"), ("raums", "raum"), ("feldes", "feld"),
                     ("felds", "feld"), ("labors", "labor"))
_AMBIGUOUS_S = ("hubs", "labs", "clusters", "centers", "centres")  # plural, or genitive after "des"
# heads whose plural is the singular ("die sieben Exzellenzcluster"): the words before decide
_SAME_PLURAL = ("cluster",)
_PLURAL_DET = {"die", "diese", "alle", "allen", "beide", "beiden"}
# "Eines der vier Pflegepraxiszentren entsteht in …": one centre out of a plural
_PARTITIVE = re.compile(r"\b(?:[Ee]ines|[Ee]iner|[Ee]ins)[ \t]+(?:der|von)[ \t]+(?:[\w-]+[ \t]+){0,3}$")
_SINGULAR_DET = {"des", "eines", "dieses", "jenes", "unseres", "seines", "ihres"}
_DEFINITE = {"der", "die", "das", "dem", "den", "des", "dieses", "diese", "dieser", "diesem",
             "unser", "unsere", "unserem", "unseres", "sein", "seine", "seinem", "ihr", "ihre",
             "ihrem", "beim", "im", "vom", "zum", "zur", "am"}
_INDEFINITE = {"ein", "eine", "eines", "einem", "einen", "einer", "jedes", "jede", "jedem",
               "kein", "keine", "solches", "solche", "solchen", "weiteres", "weitere"}
_DETERMINERS = _DEFINITE | _INDEFINITE
_NUMBERS = re.compile(r"^(?:\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|"
                      r"zwanzig|dreißig|mehrere|zahlreiche|alle|viele|einige|beiden|beide)$", re.I)
_OPEN_Q = "„\"“»«‚'"
_CLOSE_Q = {"„": "“”\"", "\"": "\"“”", "“": "”“\"", "»": "«", "«": "»", "‚": "‘’'", "'": "'"}
_WORD = re.compile(r"[\w-]+")
# capitalised adjectives that open a centre's name: Digitales, Regionalen, Europäische
_CAP_ADJ = re.compile(r"^[A-ZÄÖÜ][\w-]*(?:isch|al|ig|lich|iv|ell|är)(?:e|es|en|em|er)$")
_LOW_ADJ = re.compile(r"^(?:[a-zäöü][\w-]*(?:e|en|es|er|em)|\d+\.?)$")
_TAIL_TOKEN = re.compile(r"[ \t]+((?:[A-ZÄÖÜ#][\w.#&-]*|[a-zäöü]+[A-ZÄÖÜ][\w-]*|\d+\.\d+)(?<![.-]))")
_TAIL_AND = re.compile(r"[ \t]+(?:und|&)[ \t]+(?=[A-ZÄÖÜ])")
_FOR_TAIL = re.compile(r"[ \t]+für[ \t]+((?:(?:[A-ZÄÖÜ][\w-]*|[a-zäöü]+(?:e|en|er|es)|und|&)[ \t]+)*"
                       r"[A-ZÄÖÜ][\w-]*)")
# "… an der Hochschule Darmstadt": a host institution right after a centre's name
_SITES_NEAR = re.compile(r"(?<![\w-])(?:Partner-?|Haupt)?[Ss]tandorte?n?\b|\bPartnerstandorte?n?\b")
_SUBJECT_BEFORE = re.compile(r"(?:^|[.!?:\n][ \t]*)(?:(?:Das|Der|Die)[ \t]+)?$")
_HOST_AFTER = re.compile(r"[ \t]+(?:an|bei)[ \t]+(?:der|dem)[ \t]+[A-ZÄÖÜ]|[ \t]+am[ \t]+[A-ZÄÖÜ]")
_ACRONYM = re.compile(r"[ \t]*\((#?[A-ZÄÖÜ][\w#.&-]{0,14})\)")
_LEGAL_FORM = re.compile(r"[ \t]*(?:e\.[ ]?V\.|gGmbH|GmbH|mbH|AG|e\.G\.|KG)(?!\w)")
_PROGRAMME_BEFORE = re.compile(r"(?:Wettbewerb|[Pp]rogramm|Initiative|Förderlinie|Förderaufruf|Ausschreibung|"
                               r"Förderrichtlinie)(?:e?s)?[ \t]+[„\"“»«‚]?$")
_NEW = re.compile(r"\b(?:neue[nmrs]?|gegründete[nmrs]?|neu[ ]gegründete[nmrs]?)[ \t]+(?:[\w-]+[ \t]+)?$")
# how far before a centre its city_before rules may reach (they are bounded, ~130 chars)
_BEFORE_REACH = 400
_MD40_NAME = re.compile(r"Mittelstand[ -]?4\.0")
_SITE_REACH = 60   # the first listed site follows the cue word closely
_ADJ_AFTER = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w-]+er\b")
_TAIL_STOP = {"Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Es", "Sie", "Er", "Wir",
              "Ich", "Im", "In", "Am", "Mit", "Für", "Auf", "Bei", "Von", "Zum", "Zur", "Projekt",
              "GmbH", "AG", "Euro", "Millionen", "Mio"}
_LIST_GLUE = re.compile(r"^(?:und|sowie|oder|in|im|am|an|bei|der|dem|den|des|mit|bzw\.?|"
                        r"[a-zäöü]+(?:ischen|ischem|ischer|ische))$")


@Language.factory("extract_centres", default_config={"rules_dir": ""},
                  requires=["doc._.text", "doc._.mentions"],
                  assigns=["doc._.mentions"])
def make_centres(nlp, name, rules_dir):
    return Centres(rules_dir or None)


def load_heads(lines: list[str]) -> tuple[dict[str, str], set[str], set[str], set[str]]:
    """(suffix -> kind, bare head words, excluded suffixes, words that count only alone)
    from centre_heads.txt lines."""
    kinds, bare, excluded, exact = {}, set(), set(), set()
    for line in lines:
        if line.startswith("!"):
            excluded.add(line[1:].strip().lower())
            continue
        mark = line[0] if line[0] in "*=" else ""
        key, _, kind = line[len(mark):].partition(" = ")
        key = key.strip().lower()
        if mark:
            bare.add(key)
        if mark == "=":
            exact.add(key)
        kinds[key] = kind.strip()
    return kinds, bare, excluded, exact


@lru_cache(maxsize=4096)  # head words repeat across documents
def singular(word: str) -> tuple[str, bool | None]:
    """(lower-case singular form, plural?) of a head word; None when only the context can say."""
    low = re.sub(r"-[ ]+", "-", re.sub(r"\s+", " ", word.lower()))
    for plural, sing in _PLURAL_ENDINGS:
        if low.endswith(plural):
            return low[: -len(plural)] + sing, True
    for gen, sing in _GENITIVE_ENDINGS:
        if low.endswith(gen):
            return low[: -len(gen)] + sing, False
    if low.endswith(_AMBIGUOUS_S) or low.endswith("edihs"):
        return low[:-1], None
    return low, False


def city_adjective_stems(adj: str) -> list[str]:
    """Place names an -er adjective may come from: Bremer→Bremen, Münchner→München."""
    if not adj.endswith("er") or len(adj) < 5:
        return []
    stem = adj[:-2]
    out = [stem, stem + "en", stem + "e"]
    if stem.endswith("n"):
        out.append(stem[:-1] + "en")
    if stem.endswith("an"):
        out.append(stem[:-2])            # Münsteraner -> Münster
    if stem.endswith("städt"):
        out.append(stem[:-5] + "stadt")  # Darmstädter -> Darmstadt
    return out


class Centres:
    def __init__(self, rules_dir: str | None):
        rules = cached_rules(rules_dir)
        pats = rules.patterns_for("CENTRE", file="centres")
        heads = [r for r in pats if r.kind not in _CONTEXT_KINDS]
        self.heads = [(r.compile(), r.anchor, r.value, r.id) for r in heads]
        # literals every match holds, checked once an anchor window exists
        self.gates = {id(regex): Gate.of(regex) for regex, *_ in self.heads}
        ctx = {k: [r for r in pats if r.kind == k] for k in _CONTEXT_KINDS}
        self.excludes = [(r.compile(), r.anchor) for r in ctx["exclude"]]
        self.gates.update({id(regex): Gate.of(regex) for regex, _ in self.excludes})
        self.scanners = {id(regex): Scanner(regex) for regex, *_ in self.heads + self.excludes}
        self.city_after = [(r.compile(), r.id) for r in ctx["city_after"]]
        self.city_before = [(r.compile(), r.id) for r in ctx["city_before"]]
        self.located = [r.compile() for r in ctx["located_cue"]]
        self.site_cues = [Scanner(r.compile()) for r in ctx["site_cue"]]
        self.list_intro = [r.compile() for r in ctx["list_intro"]]
        self.kinds, self.bare, self.excluded, self.exact = load_heads(rules.word_list("centre_heads"))
        self.alias_stop = frozenset(rules.word_list("alias_stoplist"))
        self.suffixes = sorted(self.kinds, key=len, reverse=True)
        self._excluded_tuple = tuple(self.excluded)
        self._kind_memo: dict[str, tuple[str | None, bool]] = {}
        # big places only: an adjective like "Bremer" should not resolve to a hamlet
        self.places = {}
        for row in rules.gazetteer("places"):
            v = row.values
            try:
                pop = int(v.get("population") or 0)
            except ValueError:
                pop = 0
            if pop < 20000:
                continue
            for name in [v.get("name", ""), *(v.get("aliases") or "").split("|")]:
                if name:
                    self.places.setdefault(name.lower(), v.get("name"))

    # ---- head words -------------------------------------------------------------------
    def _kind(self, key: str) -> tuple[str | None, bool]:
        """(kind, bare) of a singular lower-case head; kind None when excluded or unknown."""
        found = self._kind_memo.get(key)
        if found is None:
            found = self._kind_memo[key] = self._kind_uncached(key)
        return found

    def _kind_uncached(self, key: str) -> tuple[str | None, bool]:
        # the longest suffix wins, exclusions included: "! servicezentrum" bars the town
        # hall's Servicezentrum, "ki-servicezentrum" lets the funded KI-Servicezentrum in
        excluded = 0
        if key.endswith(self._excluded_tuple):  # one call settles the common case: no exclusion
            excluded = max(len(x) for x in self._excluded_tuple if key.endswith(x))
        for suffix in self.suffixes:
            if key.endswith(suffix):
                # an exact head counts alone or as the last word of a phrase ("Circular
                # Economy Campus"), never as the end of a closed compound ("Pflegecampus")
                if len(suffix) <= excluded or (suffix in self.exact and key != suffix
                                               and not key.endswith(" " + suffix)):
                    return None, False
                return self.kinds[suffix], key in self.bare
        return None, False

    def __call__(self, doc):
        text = doc._.text
        mentions = doc._.mentions
        cities = sorted((m for m in mentions if m.label == "CITY"), key=lambda m: m.start)
        states = [m for m in mentions if m.label == "STATE"]
        taken = [(m.start, m.end) for m in mentions if m.label in ("ORG", "MINISTRY", "PERSON")]
        if doc._.sentences is None:
            doc._.sentences = Sentences(text)
        ctx = _Context(text, cities, states, self.places, taken, doc._.sentences)
        found = self.find(text, ctx)
        mentions.extend(found)
        return doc

    def find(self, text: str, ctx: _Context) -> list[Mention]:
        low = text.lower()
        if len(low) != len(text):
            low = None  # a rare letter changed length when lowered: no anchors
        windows: dict[str, list[tuple[int, int]]] = {}
        blocked = [m.span() for regex, anchor in self.excludes
                   for m in _finditer(self.scanners[id(regex)], anchor, text, low, windows, self.gates[id(regex)])]
        cands = []
        for order, (regex, anchor, value, rule_id) in enumerate(self.heads):
            for m in _finditer(self.scanners[id(regex)], anchor, text, low, windows, self.gates[id(regex)]):
                cands.append((m.start(), -m.end(), order, value, rule_id))
        cands.sort()
        out: list[Mention] = []
        last_end = -1
        for start, neg_end, _, value, rule_id in cands:
            end = -neg_end
            if start < last_end or (blocked and any(s <= start < e or start <= s < end for s, e in blocked)):
                continue
            mention = self._mention(text, start, end, value, rule_id, ctx)
            if mention is not None:
                out.append(mention)
                last_end = end
        out.extend(self._sites(text, out, ctx))
        out.extend(self._listed_names(text, out, ctx))
        out.extend(self._aliases(text, out, ctx))
        return out

    def _listed_names(self, text, found: list[Mention], ctx) -> list[Mention]:
        """"darunter DIANA (…), das in Mannheim angesiedelt ist, und das KI-Lab Kurpfalz": a
        coined name listed beside a named centre is a centre of the same kind."""
        out = []
        for m in found:
            a = m.attrs
            if a["generic"] or a["plural"] or a["anaphor"] or a.get("site"):
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
            city, rule = self._city_after(text, after, ctx)
            out.append(Mention("CENTRE", name.start(), end, text[name.start():end], "centres.listed_name",
                               normalized=text[name.start():end],
                               attrs={"city": city, "kind": a["kind"], "generic": False, "plural": False,
                                      "anaphor": False, "listed": True, "city_rule": rule}))
        return out

    # ---- a centre named again by its acronym or a distinctive word of its name -----------
    def _aliases(self, text, found: list[Mention], ctx) -> list[Mention]:
        """"Das Kompetenzzentrum XY (ABC) … ABC hat seinen Sitz in Kiel": later mentions of a
        named centre by its acronym or a coined word of its name (ARENA2036, Hearing4all)
        are mentions of it; one that the text places places the centre."""
        out = []
        spans = sorted([(m.start, m.end) for m in found] + ctx.taken)
        starts = [s for s, _ in spans]
        searched: set[str] = set()  # each alias is searched once, from the first centre it names
        for m in found:
            a = m.attrs
            if a["generic"] or a["plural"] or a["anaphor"] or a.get("site"):
                continue
            for alias in _alias_words(m, self.alias_stop):
                if alias in searched:
                    continue
                searched.add(alias)
                at = text.find(alias, m.end, m.end + _ALIAS_REACH)
                while at >= 0:
                    end = at + len(alias)
                    if _word_bounded(text, at, end) and not _overlaps(spans, starts, at, end):
                        city, rule = a["city"], "centres.alias"
                        if city is None:
                            city, rule = self._city_after(text, end, ctx)
                            if city is None:
                                city, rule = self._city_before(text, at, ctx, end)
                            rule = (rule or "centres.alias") if city else "centres.alias"
                        out.append(Mention("CENTRE", at, end, alias, "centres.alias", normalized=m.normalized,
                                           attrs={"city": city, "kind": a["kind"], "generic": False,
                                                  "plural": False, "anaphor": False, "alias": True,
                                                  "city_rule": rule}))
                    at = text.find(alias, end, m.end + _ALIAS_REACH)
        return out

    # ---- one mention --------------------------------------------------------------------
    def _mention(self, text, start, end, value, rule_id, ctx) -> Mention | None:
        head = text[start:end]
        key, plural = singular(head)
        kind, bare = self._kind(value or key)
        if kind is None:
            return None
        det, adj_start, adj_city = self._left(text, start, ctx)
        if plural is None:
            plural = det not in _SINGULAR_DET
        elif not plural and key.endswith(_SAME_PLURAL):
            plural = _plural_before(text, start, det)
        name_start, name_end, named = start, end, False
        city, city_rule = None, ""
        # a quoted name around the head: «Zentrum Digitalisierung Bayern»
        if start and text[start - 1] in _OPEN_Q:
            q_end = _find_close(text, start, _CLOSE_Q[text[start - 1]])
            if q_end is not None and q_end > end:
                name_start, name_end, named = start - 1, q_end + 1, True
        # a capitalised adjective in front belongs to the name: "Thüringer Digitalagentur"
        if adj_start is not None and name_start == start:
            name_start, named = adj_start, True
            if adj_city:
                city, city_rule = adj_city, "centres.adjective"
        # the quote that opens the name, before it or matched with it („Smart Water Lab“)
        q_open = next((q for q in (text[name_start - 1:name_start], text[name_start:name_start + 1])
                       if q and q in _OPEN_Q), "")
        quoted = bool(q_open)
        if quoted and not city:
            # «Smart Textiles Lab Plauen»: the city the quoted name holds
            inside = ctx.cities_in(name_start, name_end)
            if inside:
                city, city_rule = inside[-1][1], "centres.in_name"
        pos = name_end
        if name_end == end:
            pos, tail_named, tail_city = self._tail(text, end, bare, kind, ctx)
            if pos > end:
                name_end, named = pos, named or tail_named
            if tail_city and not city:
                city, city_rule = tail_city, "centres.in_name"
        # "Zentrum für X" is an institute unless it is introduced as new
        if key.endswith("zentrum") and text.startswith(" für", name_end):
            fm = _FOR_TAIL.match(text, name_end)
            if not (fm and self._centre_fuer(text, key, fm.end(), ctx)) \
                    and not _NEW.search(text, max(0, start - 40), start) and not quoted:
                return None
            if fm:
                name_end = pos = fm.end()
                named = True
                if quoted and text[name_end:name_end + 1] in _CLOSE_Q[q_open]:
                    name_end = pos = name_end + 1  # „Hessisches Zentrum für Digitale Pflege“ (HZDP)
        acr = _ACRONYM.match(text, name_end)
        if acr and not city and ctx.city_in(acr.start(1), acr.end(1)):
            # "KI-Transferhub Mainfranken (Würzburg)": the parenthesis names the seat
            city, city_rule = ctx.city_in(acr.start(1), acr.end(1)), "centres.paren_city"
            acr = None
        if acr:
            name_end = pos = acr.end()
            named = True
            # "Innovations- und Technologiezentrum (ITZ) Nord": the name may go on
            pos2, _, tail_city = self._tail(text, name_end, False, kind, ctx)
            if pos2 > name_end:
                name_end = pos = pos2
                if tail_city and not city:
                    city, city_rule = tail_city, "centres.in_name"
        if _LEGAL_FORM.match(text, name_end):
            return None  # "… GmbH", "… e.V.": an organisation, a partner at most
        # im Wettbewerb „Forschungscampus – …“: the programme, not a centre
        programme = bool(_PROGRAMME_BEFORE.search(text, max(0, name_start - 30), name_start))
        generic = True if plural else (det in _INDEFINITE and not named) or programme
        if city is None and not plural:
            city, city_rule = self._city_after(text, name_end, ctx)
        if city is None and not plural:
            city, city_rule = self._city_before(text, name_start, ctx, name_end)
        if plural and _PARTITIVE.search(text, max(0, start - 60), start):
            # one of the plural, placed by the sentence: it is a concrete centre
            city, city_rule = self._city_after(text, name_end, ctx)
            if city is None:
                city, city_rule = self._city_before(text, name_start, ctx, name_end)
            if city:
                plural, city_rule = False, city_rule + "+partitive"
        if city and not plural:
            named = True
            generic = programme
        anaphor = bool(bare and not named and not plural and not generic)
        if bare and not named and not plural and det not in _DEFINITE and det not in _INDEFINITE:
            anaphor = True
        if not named and not bare and not plural and det in _INDEFINITE:
            generic = True
        span = text[name_start:name_end]
        if kind == "Kompetenzzentrum" and _MD40_NAME.search(span):
            kind = "Mittelstand 4.0-Kompetenzzentrum"  # Kompetenzzentrum „Mittelstand 4.0“
        attrs = {"city": city, "kind": kind, "generic": bool(generic), "plural": bool(plural),
                 "anaphor": anaphor}
        if city_rule:
            attrs["city_rule"] = city_rule
        if acr:
            attrs["acronym"] = acr.group(1)
        return Mention("CENTRE", name_start, name_end, span, rule_id,
                       normalized=normalize_name(span, plural), attrs=attrs)

    def _centre_fuer(self, text, key, tail_end, ctx) -> bool:
        """Is "X-zentrum für Y" a funded centre rather than an institute? Yes when a compound
        head ("Kompetenzzentrum für Quantencomputer") comes with its own acronym, a seat or a
        host; a plain "Zentrum für Y (ACR)" when its seat follows or the text goes on to name
        it by that acronym ("Das ZDIN erhält …")."""
        acr = _ACRONYM.match(text, tail_end)
        after = acr.end() if acr else tail_end
        city, rule = self._city_after(text, after, ctx)
        if key != "zentrum":
            return bool(acr) or city is not None or bool(_HOST_AFTER.match(text, after))
        if not acr:
            return False
        if rule == "centre.after_seat" or _SITES_NEAR.search(text, after, min(len(text), after + 100)):
            return True  # "… (DZIF) mit Sitz in Braunschweig", "… (DZL) hat fünf Standorte"
        word = acr.group(1).lstrip("#")
        at = text.find(word, after, after + _ALIAS_REACH)
        while at >= 0:
            if _word_bounded(text, at, at + len(word)) and _SUBJECT_BEFORE.search(text, max(0, at - 8), at):
                return True
            at = text.find(word, at + len(word), after + _ALIAS_REACH)
        return False

    def _left(self, text, start, ctx) -> tuple[str, int | None, str | None]:
        """(determiner, start of a name adjective or None, city of that adjective) before a head."""
        words = list(_WORD.finditer(text, max(0, start - 60), start))
        adj_start = adj_city = None
        i = len(words) - 1
        if i >= 0 and text[words[i].end():start].strip(" \t") == "":
            w = words[i].group(0)
            if w[0].isupper() and w.lower() not in _DETERMINERS:
                if w.endswith("er") and (city := ctx.city_of_adjective(w)) is not None:
                    adj_start, adj_city = words[i].start(), city or None
                elif _CAP_ADJ.match(w):
                    adj_start = words[i].start()
                if adj_start is not None:
                    i -= 1
        skipped = 0
        while i >= 0 and skipped < 2 and _LOW_ADJ.match(words[i].group(0)) \
                and words[i].group(0).lower() not in _DETERMINERS:
            i -= 1
            skipped += 1
        det = words[i].group(0).lower() if i >= 0 else ""
        return det, adj_start, adj_city

    def _tail(self, text, end, bare, kind, ctx) -> tuple[int, bool, str | None]:
        """(end of the name, named?, city in it) for the words after a head word."""
        pos = end
        q = re.match(r"[ \t]*([„\"“»‚])", text[end:end + 4])
        if q:
            open_at = end + q.start(1)
            close = _find_close(text, open_at + 1, _CLOSE_Q[q.group(1)])
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
                                             or _adjective_name(text, tokens) or _ACRONYM.match(text, pos)):
            return end, False, None
        city = None
        for s, e in tokens:
            city = city or ctx.city_at(s, e) or ctx.city_of_region(text[s:e])
        return pos, True, city

    def _city_after(self, text, name_end, ctx) -> tuple[str | None, str]:
        for regex, rule_id in self.city_after:
            m = regex.match(text, name_end)
            if m:
                city = ctx.city_starting(m.end())
                if city:
                    return city, rule_id
        return None, ""

    def _city_before(self, text, start, ctx, name_end=None) -> tuple[str | None, str]:
        s_start, s_end = ctx.sentence(start)
        # city_before rules end at the mention and are bounded: a window keeps the cost per
        # mention flat; a cut window opens with NUL, where "^" (the sentence start) cannot match
        cut = max(s_start, start - _BEFORE_REACH)
        base, window = (s_start, text[s_start:start]) if cut == s_start else (cut - 1, "\0" + text[cut:start])
        for regex, rule_id in self.city_before:
            m = regex.search(window)
            if m:
                city = ctx.city_in(base + m.start("c"), base + m.end("c"))
                if city:
                    return city, rule_id
        # "In Ilmenau ist das neue Kompetenzzentrum … gestartet"; a semicolon opens another
        # clause ("Die Geschäftsstelle des Zentrums sitzt in X; in Y entsteht ein Prüfstand")
        semi = text.rfind(";", s_start, start)
        s_start = semi + 1 if semi >= 0 else s_start
        semi = text.find(";", name_end or start, s_end)
        s_end = semi if semi >= 0 else s_end
        if ctx.sentence_has(s_start, s_end, self.located):
            # not from a relative clause of another noun: "darunter X, das in Mannheim
            # angesiedelt ist, und das KI-Lab Y der Technologiepark GmbH"
            near = [c for c in ctx.cities_after_in(s_start, s_end)
                    if not _in_other_relative(text, c[0], start, s_start, s_end, name_end)]
            if near:
                best = min(near, key=lambda c: abs(c[0] - start))
                return best[1], "centres.located"
        return None, ""

    # ---- sites --------------------------------------------------------------------------
    def _sites(self, text, found: list[Mention], ctx) -> list[Mention]:
        """Mentions for the cities a centre's sites are listed at."""
        out = []
        used: set[tuple[int, str]] = set()
        for m in found:
            if m.attrs["plural"]:
                notes: dict[str, tuple[int, int]] = {}
                lst = _list_after(text, m.end, ctx, notes) or _sentence_list(text, m, ctx, self.located)
                base = None
                if not lst:
                    # "die Mittelstand-Digital Zentren Hannover und Bremen": the cities ended the name
                    inside = ctx.cities_in(m.start, m.end)
                    lst = list(dict.fromkeys(name for _, name in inside))
                    lst = lst if len(lst) >= 2 else []
                    if lst:
                        base = normalize_name(text[m.start:inside[0][0]].strip(), True)
                for city in lst:
                    site = _site(m, city, "centres.plural_in_list", base)
                    if city in notes:
                        site.attrs["entry"] = notes[city]  # its host may stand in the note
                    out.append(site)
                    used.add((m.start, city))
                # "LOEWE-Zentren:" over a bullet list: each entry is one centre, at the
                # city the entry names (its host's)
                if not lst and _HEADER_COLON.match(text, m.end):
                    for s, e in bullet_items(text, m.end):
                        cities = ctx.cities_in(s, e)
                        city = _leading_city(text, s, e, ctx) or (cities[-1][1] if cities else None)
                        if city and (m.start, city) not in used:
                            used.add((m.start, city))
                            site = _site(m, city, "centres.plural_bullets")
                            site.attrs["entry"] = (s, e)  # its host institution stands in it
                            out.append(site)
        for cue in self.site_cues:
            for c in cue.finditer(text):
                s_start, s_end = ctx.sentence(c.start())
                cities = ctx.cities_in(c.end(), s_end)
                if cities and cities[0][0] - c.end() > _SITE_REACH:
                    cities = []
                cities = [name for pos, name in cities]
                if not cities:
                    # "… ihren Standort … in der Erfurter Bahnhofstraße"
                    for a in _ADJ_AFTER.finditer(text, c.end(), min(s_end, c.end() + 90)):
                        if city := ctx.city_of_adjective(a.group(0)):
                            cities = [city]
                            break
                anchor = _anchor(found, s_start, s_end, c.start())
                if not cities and anchor is not None and anchor.start > c.start():
                    # "… für die Standorte des Wasserstoffzentrums": the previous sentence lists them
                    p_start, _ = ctx.sentence(s_start - 1) if s_start else (0, 0)
                    prev = [name for pos, name in ctx.cities_in(p_start, s_start)]
                    cities = prev if len(set(prev)) >= 2 else []
                if not cities:
                    n_start, n_end = ctx.sentence(s_end + 1) if s_end < len(text) else (s_end, s_end)
                    if any(r.match(text, n_start) for r in self.list_intro):
                        cities = [name for pos, name in ctx.cities_in(n_start, n_end)]
                if not cities:
                    # "… fünf Partner-Standorte. Dabei …:" over bullets that open with the site
                    cities = [lead for s, e in bullet_items(text, s_end, reach=_BULLET_REACH)
                              if (lead := _leading_city(text, s, e, ctx))]
                if not cities and anchor is not None and not anchor.attrs["plural"]:
                    # "X in Bayreuth ist Standort für das Kompetenzzentrum …"
                    cities = [name for pos, name in ctx.cities_in(s_start, c.start())][-1:]
                if not cities:
                    continue
                if anchor is None:
                    anchor = _previous(found, s_start, ctx)
                if anchor is None:
                    continue
                cities = list(dict.fromkeys(cities))
                if not anchor.attrs["plural"] and not anchor.attrs["city"] and not anchor.attrs["generic"]:
                    anchor.attrs["city"] = cities[0]
                    anchor.attrs["city_rule"] = "centres.site_cue"
                    anchor.attrs["anaphor"] = False
                    cities = cities[1:]
                for city in cities:
                    if (anchor.start, city) not in used and city != anchor.attrs["city"]:
                        used.add((anchor.start, city))
                        out.append(_site(anchor, city, "centres.site_list"))
        return out


_BEFORE_ANCHOR, _AFTER_ANCHOR = 80, 40


def _finditer(scanner: Scanner, anchor, text, low, cache, gate=None):
    """Matches of the scanner's regex, tried only in windows around its anchor literal when it
    has one (rule key `anchor`), else around its required literals (scanner.Scanner): scanning
    a 2 KB text once per rule costs more than str.find. `gate` (literals.Gate) skips a regex
    whose literals are absent."""
    regex = scanner.regex
    if not anchor or low is None:
        yield from scanner.finditer(text)
        return
    spans = cache.get(anchor)
    if spans is None:
        spans = []
        i = low.find(anchor)
        while i >= 0:
            lo, hi = max(0, i - _BEFORE_ANCHOR), min(len(text), i + len(anchor) + _AFTER_ANCHOR)
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))
            i = low.find(anchor, i + 1)
        cache[anchor] = spans
    if not spans or (gate is not None and not gate.open(text, None)):
        return
    seen_end = -1
    for lo, hi in spans:
        for m in regex.finditer(text, lo, hi):
            if m.start() >= seen_end:
                seen_end = m.end()
                yield m


_HEADER_COLON = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\))?[ \t]*:?[ \t]*\n")
_RELATIVE = re.compile(r"[ \t]*(?:das|der|die|dem|den|wo|welche[srnm]?)[ \t]")
_CLAUSE_MARK = re.compile(r"[,;]")


def _in_other_relative(text, pos, head, s_start, s_end, name_end=None) -> bool:
    """Does `pos` lie in a relative clause (", das … angesiedelt ist") that describes another
    noun than the centre whose head is at `head`? A clause before the head, or one after it
    with another noun phrase in between ("…, und das Lab Y, das …"), does."""
    c_start = s_start
    for m in _CLAUSE_MARK.finditer(text, s_start, pos):
        c_start = m.end()
    nxt = _CLAUSE_MARK.search(text, pos, s_end)
    c_end = nxt.start() if nxt else s_end
    if c_start == s_start or not _RELATIVE.match(text, c_start) or c_start <= head < c_end:
        return False
    if c_end <= head:
        return True
    between = text[name_end if name_end is not None else head:c_start]
    return bool(_OTHER_NOUN.search(between))


_OTHER_NOUN = re.compile(r"\b(?:und|sowie|der|die|das|dem|den|des)[ \t]+[„\"“»«‚]?[A-ZÄÖÜ]")
_BULLET = re.compile(r"^[ \t]*(?:[-–•*·▪►]|\d{1,2}[.)])[ \t]+", re.M)
_BULLET_REACH = 300  # a list announced by a site cue starts within the next sentence or two


def bullet_items(text, pos, reach=4) -> list[tuple[int, int]]:
    """(start, end) of the entries of the bullet list whose first entry starts within `reach`
    characters after `pos` on a line after a colon; blank lines between entries are allowed."""
    first = _BULLET.search(text, pos, min(len(text), pos + reach + 40))
    if first is None or first.start() - pos > reach:
        return []
    before = text[pos:first.start()].rstrip()
    if before and not before.endswith(":"):
        return []
    items, at = [], first
    while at is not None:
        end = text.find("\n", at.end())
        end = len(text) if end < 0 else end
        items.append((at.end(), end))
        nxt = end
        while nxt < len(text) and text[nxt] in "\n \t\r":
            nxt += 1
        at = _BULLET.match(text, _line_start(text, nxt)) if nxt < len(text) else None
    return items


def _line_start(text, pos) -> int:
    return text.rfind("\n", 0, pos) + 1


def _leading_city(text, start, end, ctx) -> str | None:
    """The city an entry opens with ("Borstel/Lübeck: …", "Hannover – …", "Stadt Paderborn
    (Leitung: …)") or names as its seat ("Kreis Lippe mit Sitz in Lemgo")."""
    cities = ctx.cities_in(start, min(end, start + 60))
    for pos, name in cities:          # a seat the entry states wins over the district's name
        if _SEAT_BEFORE.search(text[start:pos].rstrip(" \t")):
            return name
    for pos, name in cities[:1]:
        lead = text[start:pos].strip(" \t")
        return name if not lead or _MUNICIPAL_LEAD.fullmatch(lead) else None
    return None


# the town or district an entry names before its city, and a seat stated in the entry
_MUNICIPAL_LEAD = re.compile(r"(?:Stadt|Hansestadt|Landeshauptstadt|Gemeinde|Landkreis|Kreis)")
_SEAT_BEFORE = re.compile(r"\bmit[ \t]+(?:Haupt)?[Ss]itz[ \t]+in$")


_DESCRIBED = re.compile(r"[ \t]*,[ \t]*(?:das|der|die)[ \t]")
_PAREN = re.compile(r"[ \t]*\([^()\n]{1,80}\)")
_LIST_JOINT = re.compile(r"[ \t](?:und|sowie)[ \t]+(?:das|der|die|dem|den)?[ \t]*$")
_LIST_INTRO = re.compile(r"(?:\bdarunter|\bwie|\bnämlich|:)[ \t]+")
_COINED_NAME = re.compile(r"(?:[A-ZÄÖÜ]{3,}[\w-]*|[A-ZÄÖÜ][a-zäöü]+[A-Z][\w-]*|[A-Za-z]+\d+[\w-]*)(?![\w-])")
_ALIAS_REACH = 4000   # a release excerpt; the search stays windowed after the naming mention
# a coined word: two capitals (KQCBW, KompAKI, münsterLAND) or letters with digits (ARENA2036)
_COINED = re.compile(r"^(?:(?=[\w.-]*[A-ZÄÖÜ][\w.-]*[A-ZÄÖÜ])[\w.-]{3,}|(?=[\w-]*\d)(?=[\w-]*[A-Za-z]{2})[\w-]{4,})$")
_NOT_ALIAS = re.compile(r"^(?:\d+\.\d+|[IVX]+|e\.V\.)$|^[A-ZÄÖÜ]{1,4}-[A-ZÄÖÜ][a-zäöü]")  # 4.0, IT-Sicherheit


def _alias_words(m: Mention, stop: frozenset[str] = frozenset()) -> list[str]:
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


_HEADISH = re.compile(r"(?i)zentr|agentur|hub|lab|cluster|campus|factory|fabrik|center|centre")


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


def _word_bounded(text, start, end) -> bool:
    return (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-")) and \
        (end >= len(text) or not (text[end].isalnum() or text[end] in "-"))


def _plural_before(text, start, det) -> bool:
    """Is a head whose plural is its singular plural here? "die Cluster", "sieben Cluster";
    "der Cluster" is singular unless a count stands before ("der sieben Cluster")."""
    words = [w.group(0) for w in _WORD.finditer(text, max(0, start - 40), start)][-3:]
    if any(_NUMBERS.match(w) for w in words):
        return True
    return det in _PLURAL_DET


def _site(anchor: Mention, city: str, rule: str, base: str | None = None) -> Mention:
    base = base or anchor.normalized
    return Mention("CENTRE", anchor.start, anchor.end, anchor.text, rule,
                   normalized=f"{base} {city}",
                   attrs={"city": city, "kind": anchor.attrs["kind"], "generic": False,
                          "plural": False, "anaphor": False, "site": True})


def _anchor(found, s_start, s_end, cue_pos):
    """The centre a site cue in this sentence talks about: the nearest one in the sentence."""
    inside = [m for m in found if s_start <= m.start < s_end and not m.attrs.get("site")]
    if not inside:
        return None
    return min(inside, key=lambda m: abs(m.start - cue_pos))


def _previous(found, s_start, ctx):
    """The last centre named in the two sentences before `s_start`."""
    limit = s_start
    for _ in range(2):
        if limit <= 0:
            break
        limit = ctx.sentence(limit - 1)[0]
    before = [m for m in found if limit <= m.start < s_start and not m.attrs.get("site")]
    return before[-1] if before else None


def _list_after(text, end, ctx, notes=None) -> list[str]:
    """Cities of a list right after a plural head: "KI-Regionalzentren in Nürnberg, Ingolstadt …",
    "die Mittelstand-Digital Zentren Hannover und Bremen" (two cities at least)."""
    m = re.match(r"[ \t]*:?[ \t]*(?:in|an[ ]den[ ]Standorten)[ \t]+", text[end:end + 40])
    if m:
        return _cities_from(text, end + m.end(), ctx, notes=notes)
    m = re.match(r"[ \t]+", text[end:end + 4])
    if m and ctx.city_starting(end + m.end()):
        found = _cities_from(text, end + m.end(), ctx, notes=notes)
        return found if len(found) >= 2 else []
    return []


def _cities_from(text, pos, ctx, glue=None, notes=None) -> list[str]:
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


_STRICT_GLUE = re.compile(r"^(?:und|sowie|oder|in|bzw\.?)$")
_IN_LIST = re.compile(r"\b[Ii]n[ \t]+(?=[A-ZÄÖÜ])")


def _sentence_list(text, m: Mention, ctx, located) -> list[str]:
    """"Die drei Gründerzentren sollen in Kassel, Darmstadt sowie in Fulda entstehen", "In
    Kassel und Fulda entstehen zwei Kompetenzzentren", "… richtet drei KI-Zentren ein: in A,
    in B und in C": a plural whose sentence places it (a located verb, or a colon after it)
    at an enumeration of two cities or more."""
    s_start, s_end = ctx.sentence(m.start)
    colon = text.find(":", m.end, min(s_end, m.end + 12)) >= 0
    if not colon and not ctx.sentence_has(s_start, s_end, located):
        return []
    lists = [(abs(i.start() - m.start), found) for i in _IN_LIST.finditer(text, s_start, s_end)
             if not _in_other_relative(text, i.start(), m.start, s_start, s_end, m.end)
             and len(found := _cities_from(text, i.end(), ctx, _STRICT_GLUE)) >= 2]
    return min(lists, key=lambda x: x[0])[1] if lists else []


def _find_close(text, pos, closers) -> int | None:
    for i in range(pos, min(len(text), pos + 90)):
        ch = text[i]
        if ch == "\n":
            return None
        if ch in closers:
            return i
    return None


def _is_sentence_start(text, pos) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".!?\n:"


def _adjective_name(text, tokens) -> bool:
    """"Kompetenzzentrum Digitales Handwerk": a capitalised adjective and a noun name it."""
    s, e = tokens[0]
    return len(tokens) >= 2 and bool(_CAP_ADJ.match(text[s:e]) or _NAME_ADJ.match(text[s:e]))


_NAME_ADJ = re.compile(r"^(?:Digital|Neu|Smart|Grün|Nachhaltig)\w*(?:e|es|er|en)$")


def _is_acronym(text, tokens) -> bool:
    s, e = tokens[0]
    word = text[s:e]
    return len(word) >= 2 and sum(ch.isupper() for ch in word) >= 2


@lru_cache(maxsize=4096)
def normalize_name(span: str, plural: bool) -> str:
    """Canonical name: quotes dropped, whitespace collapsed, genitive/plural head singular."""
    name = re.sub(r"[„“”\"«»‚‘’]", "", span)
    name = re.sub(r"\s+", " ", name).strip()
    name = re.sub(r"-[ ](?=Digital\b)", "-", name)
    words = name.split(" ")
    for i, w in enumerate(words):
        low = w.lower()
        for ending, repl in _PLURAL_ENDINGS + _GENITIVE_ENDINGS:
            if low.endswith(ending):
                repl = repl if w[-len(ending)].islower() else repl.capitalize()
                words[i] = w[: len(w) - len(ending)] + repl
                break
        else:
            if plural and low.endswith(_AMBIGUOUS_S):
                words[i] = w[:-1]
    return " ".join(words)


_IN_BEFORE = re.compile(r"\b(?:in|In)[ \t]+(?:der[ \t]+(?:[A-ZÄÖÜ][a-zäöü]*stadt|Stadt|Gemeinde)[ \t]+)?$")
_HOST_BEFORE = re.compile(r"\b(?:an|bei)[ \t]+(?:der|dem)[ \t]+(?:[A-ZÄÖÜ][\w.-]*[ \t]+){1,4}$|\b(?:am|beim)[ \t]+"
                          r"(?:[A-ZÄÖÜ][\w.-]*[ \t]+){1,4}$")


class _Context:
    """Sentence spans and the places of a text, looked up by position."""

    def __init__(self, text, cities, states, places, taken=(), sentences: Sentences | None = None):
        self.text = text
        self.sentences = sentences
        # spans of institutions, ministries and persons: an alias never stands inside one
        self.taken = list(taken)
        self.cities = cities
        self.city_starts = [c.start for c in cities]
        self.states = states
        self.places = places
        self.names = {c.normalized.lower(): c.normalized for c in cities if c.normalized}
        self.names.update({c.text.lower(): c.normalized or c.text for c in cities})
        self._bounds: list[int] | None = None  # built on first use: many texts never ask
        self._cues: dict[tuple[int, int], bool] = {}  # (sentence, rules) searched once
        self._longest: int | None = None  # the longest CITY mention

    @property
    def bounds(self) -> list[int]:
        """Sentence starts, from the document's one splitter (relations.sentences)."""
        if self._bounds is None:
            if self.sentences is None:
                self.sentences = Sentences(self.text)
            self._bounds = [0, *(start for start, _ in self.sentences.spans[1:])]
        return self._bounds

    def sentence(self, pos) -> tuple[int, int]:
        """[start, next start) of the sentence at `pos`: its blanks and line ends belong to it."""
        i = bisect_right(self.bounds, pos) - 1
        start = self.bounds[max(i, 0)]
        end = self.bounds[i + 1] if i + 1 < len(self.bounds) else len(self.text)
        return start, end

    def sentence_has(self, start, end, regexes) -> bool:
        """Whether one of `regexes` matches in the sentence [start, end): searched once per sentence."""
        key = (start, end, id(regexes))
        if key not in self._cues:
            sent = self.text[start:end]
            self._cues[key] = any(r.search(sent) for r in regexes)
        return self._cues[key]

    def _city_name(self, c: Mention) -> str | None:
        name = c.normalized or c.text
        return None if name.lower() in _LAENDER else name

    def city_starting(self, pos) -> str | None:
        i = bisect_right(self.city_starts, pos) - 1
        if i >= 0 and self.cities[i].start == pos:
            return self._city_name(self.cities[i])
        return None

    def inside_city(self, pos) -> bool:
        i = bisect_right(self.city_starts, pos) - 1
        return i >= 0 and self.cities[i].start <= pos < self.cities[i].end

    def _near(self, start, end):
        """The cities that may cover or lie in [start, end), in order: those starting at most
        one city length before `start` and not after `end` (a bisect, not a scan)."""
        if self._longest is None:
            self._longest = max((c.end - c.start for c in self.cities), default=0)
        lo = bisect_left(self.city_starts, start - self._longest)
        return self.cities[lo:bisect_right(self.city_starts, end)]

    def city_at(self, start, end) -> str | None:
        """The city a CITY mention covering [start, end) names."""
        for c in self._near(start, end):
            if (c.start <= start and end <= c.end) or (start <= c.start and c.end <= end):
                return self._city_name(c)
        return None

    def city_in(self, start, end) -> str | None:
        for c in self._near(start, end):
            if start <= c.start and c.end <= end:
                return self._city_name(c)
        return None

    def cities_in(self, start, end) -> list[tuple[int, str]]:
        out = []
        for i in range(bisect_left(self.city_starts, start), len(self.cities)):  # sorted by start
            c = self.cities[i]
            if c.start >= end:
                break
            if n := self._city_name(c):
                out.append((c.start, n))
        return out

    def cities_after_in(self, start, end) -> list[tuple[int, str]]:
        """Cities of the span that follow "in" (or "in der Stadt"), or close the name of a host
        ("an der Hochschule Kassel", "bei der IHK Fulda")."""
        out = []
        for pos, name in self.cities_in(start, end):
            if _IN_BEFORE.search(self.text, max(0, pos - 40), pos) \
                    or _HOST_BEFORE.search(self.text, max(0, pos - 70), pos):
                out.append((pos, name))
        return out

    def is_state(self, start, end) -> bool:
        word = self.text[start:end].lower()
        return word in _LAENDER or any(s.start <= start and end <= s.end for s in self.states)

    def lookup(self, name: str) -> str | None:
        low = name.lower()
        if low in _LAENDER:
            return None
        return self.names.get(low) or self.places.get(low)

    def city_of_adjective(self, adjective: str) -> str | None:
        stems = city_adjective_stems(adjective)
        if any(s.lower() in _LAENDER for s in stems):
            return ""  # Thüringer, Brandenburger: a state, part of the name but no city
        for stem in stems:
            city = self.lookup(stem)
            if city:
                return city
        return None

    def city_of_region(self, word: str) -> str | None:
        """"münsterLAND" -> Münster: a region named after its city."""
        low = word.lower()
        if low.endswith("land") and len(low) > 6:
            return self.names.get(low[:-4])
        return None
