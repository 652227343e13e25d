"""Which city keys a centre and which sum and end are its own (issue 10, classes 4 and 5);
on hand-made mentions, like test_relations."""
from __future__ import annotations

from extract.relations import build_facts
from tests.test_relations import mention, triggers


def test_an_unplaced_centre_takes_its_coordinators_city_before_the_most_named_one():
    text = ("Das Land baut das Kompetenzzentrum Quanten (KZQ) aus. Federführend ist die Hochschule Emden. "
            "Partner ist die Universität Leer. Die Fachtagung findet in Leer statt, das Finale in Leer.")
    ms = [mention(text, "CENTRE", "Kompetenzzentrum Quanten (KZQ)", "Kompetenzzentrum Quanten"),
          mention(text, "ORG", "Hochschule Emden", city="Emden"),
          mention(text, "ORG", "Universität Leer", city="Leer"),
          mention(text, "CITY", "Emden"), mention(text, "CITY", "Leer"),
          mention(text, "CITY", "Leer", nth=1), mention(text, "CITY", "Leer", nth=2)]
    (row,) = build_facts(text, ms, triggers(text))["centres"]
    assert row["city"] == "Emden"


def test_a_district_is_not_the_city_an_unplaced_centre_falls_back_to():
    text = ("Gründerhaus Weststadt. Die Innovationsagentur Heide arbeitet für den Landkreis Stade; "
            "im Landkreis Stade sitzen viele Betriebe, der Kreis Stade wächst. Auch Weststadt profitiert.")
    ms = [mention(text, "CENTRE", "Innovationsagentur Heide"),
          mention(text, "CITY", "Weststadt"), mention(text, "CITY", "Stade"),
          mention(text, "CITY", "Stade", nth=1), mention(text, "CITY", "Stade", nth=2),
          mention(text, "CITY", "Weststadt", nth=1)]
    (row,) = build_facts(text, ms, triggers(text))["centres"]
    assert row["city"] == "Weststadt"
