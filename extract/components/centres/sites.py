"""A centre at several places: one site mention per city when a plural lists its cities ("Zentren
in A, B und C", "LOEWE-Zentren:" over bullets) or a site cue lists them ("Standorte werden
Hamburg, Bremen …", "… fünf Partner-Standorte:" over bullets that open with the site)."""
from __future__ import annotations

import re

from ...model import Mention
from ...text.clauses import semicolon_bounds
from ...text.lists import bullet_items
from .lists import list_after, sentence_list

_SITE_REACH = 60   # the first listed site follows the cue word closely
_BULLET_REACH = 300  # a list announced by a site cue starts within the next sentence or two
_ADJ_AFTER = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w-]+er\b")
_HEADER_COLON = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\))?[ \t]*:?[ \t]*\n")
# a seat stated in an entry ("Kreis Lippe mit Sitz in Lemgo")
_SEAT_BEFORE = re.compile(r"\bmit[ \t]+(?:Haupt)?[Ss]itz[ \t]+in$")


def sites(lex, text, found: list[Mention], ctx) -> list[Mention]:
    """Mentions for the cities a centre's sites are listed at."""
    out: list[Mention] = []
    used: set[tuple[int, str]] = set()
    for m in found:
        if m.attrs["plural"]:
            out += _plural_sites(lex, text, m, ctx, used, found)
    for cue in lex.site_cues:
        for c in cue.finditer(text):
            out += _cue_sites(lex, text, found, c, ctx, used)
    return out


def _plural_sites(lex, text, m: Mention, ctx, used, found=()) -> list[Mention]:
    """The sites of a plural head: the cities listed after it or in its sentence, the cities
    that end its name, or the entries of a bullet list it heads."""
    out = []
    notes: dict[str, tuple[int, int]] = {}
    lst = list_after(text, m.end, ctx, notes) or sentence_list(text, m, ctx, lex.located)
    base = None
    if not lst:
        # "die Mittelstand-Digital Zentren Hannover und Bremen": the cities ended the name
        inside = ctx.cities_in(m.start, m.end)
        lst = list(dict.fromkeys(name for _, name in inside))
        lst = lst if len(lst) >= 2 else []
        if lst:
            base = lex.forms.normalize_name(text[m.start:inside[0][0]].strip(), True)
    for city in lst:
        site = site_of(m, city, "centres.plural_in_list", base)
        if city in notes:
            site.attrs["entry"] = notes[city]  # its host may stand in the note
        out.append(site)
        used.add((m.start, city))
    if not lst and _HEADER_COLON.match(text, m.end):
        out += _bullet_sites(lex, text, m, ctx, used, found)
    return out


def _bullet_sites(lex, text, m: Mention, ctx, used, found=()) -> list[Mention]:
    """"LOEWE-Zentren:" over a bullet list: each entry is one centre, at the city the entry
    names (its host's); an entry that names its own centre ("- KI-Hub X (Kassel) – …") is
    that centre, not a site of the plural."""
    out = []
    named = [f.start for f in found if not (f.attrs["plural"] or f.attrs["generic"] or f.attrs["anaphor"])]
    for s, e in bullet_items(text, m.end):
        if any(s <= start < e for start in named):
            continue
        cities = ctx.cities_in(s, e)
        city = (_leading_city(lex, text, s, e, ctx) or _lead_city(lex, text, s, cities)
                or (cities[-1][1] if cities else None))
        if city and (m.start, city) not in used:
            used.add((m.start, city))
            site = site_of(m, city, "centres.plural_bullets")
            site.attrs["entry"] = (s, e)  # its host institution stands in it
            out.append(site)
    return out


def _cue_sites(lex, text, found, cue: re.Match, ctx, used) -> list[Mention]:
    """The sites a site cue lists, for the centre of its sentence (or the one named just
    before); a singular centre without a city takes the first of them."""
    s_start, s_end = ctx.sentence(cue.start())
    anchor = _anchor(found, s_start, s_end, cue.start())
    cities = _cue_cities(lex, text, cue, anchor, s_start, s_end, ctx)
    if not cities:
        return []
    if anchor is None:
        anchor = _previous(found, s_start, ctx)
    if anchor is None:
        return []
    cities = list(dict.fromkeys(cities))
    if not anchor.attrs["plural"] and not anchor.attrs["city"] and not anchor.attrs["generic"]:
        anchor.attrs["city"] = cities[0]
        anchor.attrs["city_rule"] = "centres.site_cue"
        anchor.attrs["anaphor"] = False
        cities = cities[1:]
    out = []
    for city in cities:
        if (anchor.start, city) not in used and city != anchor.attrs["city"]:
            used.add((anchor.start, city))
            out.append(site_of(anchor, city, "centres.site_list"))
    return out


def _cue_cities(lex, text, c: re.Match, anchor, s_start, s_end, ctx) -> list[str]:
    """The cities a site cue lists, from the nearest source that has some."""
    _, c_end = semicolon_bounds(text, c.end(), c.end(), c.end(), s_end)  # "Sitz in X; Sprechstunden in Y"
    cities = ctx.cities_in(c.end(), c_end)
    if cities and cities[0][0] - c.end() > _SITE_REACH:
        cities = []
    cities = [name for pos, name in cities]
    if not cities:
        # "… ihren Standort … in der Erfurter Bahnhofstraße"
        for a in _ADJ_AFTER.finditer(text, c.end(), min(s_end, c.end() + 90)):
            if city := ctx.city_of_adjective(a.group(0)):
                cities = [city]
                break
    if not cities and anchor is not None and anchor.start > c.start():
        # "… für die Standorte des Wasserstoffzentrums": the previous sentence lists them
        p_start, _ = ctx.sentence(s_start - 1) if s_start else (0, 0)
        prev = [name for pos, name in ctx.cities_in(p_start, s_start)]
        cities = prev if len(set(prev)) >= 2 else []
    if not cities:
        n_start, n_end = ctx.sentence(s_end + 1) if s_end < len(text) else (s_end, s_end)
        if any(r.match(text, n_start) for r in lex.list_intro):
            cities = [name for pos, name in ctx.cities_in(n_start, n_end)]
    if not cities:
        # "… fünf Partner-Standorte. Dabei …:" over bullets that open with the site
        cities = [lead for s, e in bullet_items(text, s_end, reach=_BULLET_REACH)
                  if (lead := _leading_city(lex, text, s, e, ctx))]
    if not cities and anchor is not None and not anchor.attrs["plural"]:
        # "X in Bayreuth ist Standort für das Kompetenzzentrum …"
        cities = [name for pos, name in ctx.cities_in(s_start, c.start())][-1:]
    return cities


def site_of(anchor: Mention, city: str, rule: str, base: str | None = None) -> Mention:
    """The mention of `anchor`'s site at `city` (same span, the city added to its name)."""
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


def _leading_city(lex, text, start, end, ctx) -> str | None:
    """The city an entry opens with ("Borstel/Lübeck: …", "Hannover – …", "Stadt Paderborn
    (Leitung: …)") or names as its seat ("Kreis Lippe mit Sitz in Lemgo"); before the city
    only the word of a town or district may stand (a word ending in a municipality head of
    rules/lists/institution_heads.txt: "Stadt", "Landkreis", "Landeshauptstadt")."""
    cities = ctx.cities_in(start, min(end, start + 60))
    for pos, name in cities:          # a seat the entry states wins over the district's name
        if _SEAT_BEFORE.search(text[start:pos].rstrip(" \t")):
            return name
    for pos, name in cities[:1]:
        lead = text[start:pos].strip(" \t")
        return name if not lead or _municipal(lead, lex.municipal) else None
    return None


def _lead_city(lex, text, start, cities) -> str | None:
    """The first city after the entry's lead label ("Federführung: Philipps-Universität Marburg",
    rule kind entry_lead_label), if it has one."""
    if not cities:
        return None
    labels = [m for r in lex.entry_lead if (m := r.search(text, start, cities[-1][0]))]
    label = min(labels, key=lambda m: m.start(), default=None)
    return next((name for pos, name in cities if pos >= label.end()), None) if label else None


def _municipal(word: str, heads: tuple[str, ...]) -> bool:
    """Is `word` one capitalised word that ends in one of the municipality `heads`?"""
    return word.isalpha() and word[0].isupper() and word[1:].islower() and word.lower().endswith(heads)
