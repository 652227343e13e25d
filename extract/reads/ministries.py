"""What extract_ministries (components/ministries.py) reads: the ministries with their validity,
the aliases and the names of the Länder; no pattern rules."""
from .declare import Gazetteer, Reads

READS = Reads(
    component="extract_ministries",
    gazetteers=(
        Gazetteer("ministries", ("name", "level", "departments"), ("acronym", "state", "valid_from", "valid_to"),
                  values={"level": ("federal", "state")}),
        Gazetteer("ministry_aliases", ("alias", "kind"), ("target",),
                  values={"kind": ("stem", "name", "block")}),
        Gazetteer("ministry_states", ("state", "names"), ("adjectives", "cities")),
    ),
    lists=("ministry_words",),
)
