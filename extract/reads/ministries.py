"""What extract_ministries (components/ministries.py) reads: the ministries with their validity,
the aliases, the names of the Länder and which of them are city-states; no pattern rules."""
from .declare import Gazetteer, Reads

READS = Reads(
    component="extract_ministries",
    gazetteers=(
        Gazetteer("ministries", ("name", "level", "departments"), ("acronym", "state", "valid_from", "valid_to"),
                  values={"level": ("federal", "state")}),
        Gazetteer("ministry_aliases", ("alias", "kind"), ("target",),
                  values={"kind": ("stem", "name", "block")}),
        Gazetteer("ministry_states", ("state", "names"), ("adjectives", "cities")),
        "states",
    ),
    lists=("ministry_words",),
)
