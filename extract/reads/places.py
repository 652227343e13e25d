"""What extract_places (components/places.py) reads: the places and states gazetteers, the
stoplist of names that need context, and one context rule of each kind."""
from .declare import ONE, Gazetteer, Kind, PatternFile, Reads

READS = Reads(
    component="extract_places",
    patterns=(PatternFile("places", "TRIGGER", {kind: Kind(ONE) for kind in (
        "place_before", "place_after", "place_after_org", "place_list_gap",
        "not_place_before", "not_place_after", "not_place_after_word")}),),
    gazetteers=(
        Gazetteer("places", ("name", "country"), ("state", "population", "aliases")),
        Gazetteer("states", ("code", "name"), ("aliases", "adjectives", "city_state"),
                  values={"city_state": ("1",)}),
    ),
    lists=("place_stoplist", "first_names"),
)
