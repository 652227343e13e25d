"""Columns of each gazetteer in rules/gazetteers/: (required, optional), `id` implied."""
from .rules import GAZETTEERS

GAZETTEERS.update({
    # filled by the components' authors; one entry per file stem
    "ministries": (("name", "level", "departments"), ("acronym", "state", "valid_from", "valid_to")),
    "ministry_aliases": (("alias", "kind"), ("target",)),
    "ministry_states": (("state", "names"), ("adjectives", "cities")),
    "places": (("name", "country"), ("state", "population", "aliases")),
    "states": (("code", "name"), ("aliases", "adjectives", "city_state")),
})
