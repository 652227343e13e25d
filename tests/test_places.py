"""CITY and STATE mentions (extract/components/places.py) on short texts written for the tests."""
from __future__ import annotations

import time

import pytest

from extract.components.places import find_places, place_index
from extract.normalize.places import adjective_forms, base_name, genitive
from extract.rules import load_rules

from .conftest import CORPUS, ROOT


@pytest.fixture(scope="module")
def index():
    """The places index of the project's rules (a rules folder must hold every file a component
    reads: extract/reads/)."""
    return place_index()


def cities(text, index):
    return [(m.text, m.normalized) for m in find_places(text, index) if m.label == "CITY"]


def states(text, index):
    return [(m.text, m.normalized) for m in find_places(text, index) if m.label == "STATE"]


@pytest.mark.parametrize("text, expected", [
    ("Das Zentrum sitzt in München.", [("München", "München")]),
    ("Partner in Köln und Nürnberg.", [("Köln", "Köln"), ("Nürnberg", "Nürnberg")]),
    ("Die Stadt Frankfurt wächst.", [("Frankfurt", "Frankfurt am Main")]),
    ("Die Europa-Universität in Frankfurt (Oder).", [("Frankfurt (Oder)", "Frankfurt (Oder)")]),
    ("Ein Institut aus Halle/Saale.", [("Halle/Saale", "Halle (Saale)")]),
    ("Ein Betrieb in Halle (Westf.) stellt aus.", [("Halle (Westf.)", "Halle (Westf.)")]),
    ("Die Hochschule in Freiburg.", [("Freiburg", "Freiburg im Breisgau")]),
    ("Ein Standort in St. Augustin.", [("St. Augustin", "Sankt Augustin")]),
    ("Villingen-Schwenningen und Neu-Ulm.", [("Villingen-Schwenningen", "Villingen-Schwenningen"),
                                            ("Neu-Ulm", "Neu-Ulm")]),
    ("Das Zentrum ist in Garching bei München.", [("Garching bei München", "Garching"),
                                                  ("München", "München")]),
    ("Die Hansestadt Stade tritt bei.", [("Hansestadt Stade", "Stade")]),
    ("Bremens Senat und Gäste aus Wien.", [("Bremens", "Bremen"), ("Wien", "Wien")]),
    ("Die Universität Bremen und die Wirtschaftsförderung Bremen GmbH.",
     [("Bremen", "Bremen"), ("Bremen", "Bremen")]),
    ("Die Region Berlin-Brandenburg.", [("Berlin", "Berlin")]),
    ("Standorte Bochum/Dortmund und Dessau.", [("Bochum", "Bochum"), ("Dortmund", "Dortmund"),
                                               ("Dessau", "Dessau-Roßlau")]),
])
def test_cities_found(index, text, expected):
    assert cities(text, index) == expected


@pytest.mark.parametrize("text", [
    "Das Bremer Zentrum und der Hamburger Hafen, die Erfurter Runde.",  # adjectives
    "Das Essen war gut. Wissen ist Macht.",                           # common words
    "Weil der Stadt das Geld fehlt, wird gespart.",
    "Mitte März stand die Halle 5 leer.",
    "Forschung und Lehre an der Stelle.",
    "Frau Vogt sagte zu. Hagen (SPD) betonte das.",                   # surnames
    "Es sprach Hans-Peter Weimar.",
    "Treffpunkt ist der Erfurter Brühl.",                              # a place in a city
    "Das Land Brandenburg und Sachsen fördern.",                       # states, not cities
])
def test_not_cities(index, text):
    assert cities(text, index) == []


@pytest.mark.parametrize("text, expected", [
    ("Die Messe ist in Essen.", [("Essen", "Essen")]),
    ("Gründerzentren in Bamberg und Hof.", [("Bamberg", "Bamberg"), ("Hof", "Hof")]),
    ("Das Zentrum für Sozialforschung Halle e.V. ist dabei.", [("Halle", "Halle (Saale)")]),
    ("Der Standort Weiden (Oberpfalz) kommt hinzu.", [("Weiden", "Weiden in der Oberpfalz")]),
])
def test_context_admits_ambiguous_names(index, text, expected):
    assert cities(text, index) == expected


def test_small_place_needs_context(index):
    assert cities("Pfeffenhausen ist klein.", index) == []
    assert cities("Ein Werk in Pfeffenhausen.", index) == [("Pfeffenhausen", "Pfeffenhausen")]


def test_city_mention_carries_state_and_ids(index):
    [m] = [m for m in find_places("Ein Institut in Magdeburg.", index) if m.label == "CITY"]
    assert m.attrs["state"] == "Sachsen-Anhalt"
    assert m.rule == m.attrs["id"] == "geo:" + m.attrs["geonameid"]
    assert m.attrs["population"] > 200_000


def test_context_rule_is_the_mention_rule(index):
    [m] = find_places("Die Tagung war in Essen.", index)
    assert m.rule == "places.ctx.prep_before" and m.attrs["id"].startswith("geo:")


@pytest.mark.parametrize("text, expected", [
    ("Das Land Berlin fördert.", [("Land Berlin", "Berlin")]),
    ("Der Freistaat Bayern und NRW.", [("Freistaat Bayern", "Bayern"), ("NRW", "Nordrhein-Westfalen")]),
    ("In Sachsen-Anhalt und Baden-Württemberg.", [("Sachsen-Anhalt", "Sachsen-Anhalt"),
                                                  ("Baden-Württemberg", "Baden-Württemberg")]),
    ("Die bayerische Regierung und die Thüringer Agentur.", [("bayerische", "Bayern"),
                                                           ("Thüringer", "Thüringen")]),
    ("Die Bremer Agentur in Hamburg.", []),  # city adjective and bare city-state: no STATE
    # every case form that is written so; an all-caps word is no adjective form
    ("Bayerisches Amt, die sächsischen Zentren, BAYERISCHE Post.", [("Bayerisches", "Bayern"),
                                                                   ("sächsischen", "Sachsen")]),
    # a state adjective is a whole word: not inside a compound or a longer word
    ("Die Nicht-bayerische Sicht, das Ur-sächsische.", []),
    ("Das Bayerischer-Wald-Projekt", []),
])
def test_states(index, text, expected):
    assert states(text, index) == expected


def test_city_state_name_is_a_city(index):
    assert cities("Ein Zentrum in Berlin.", index) == [("Berlin", "Berlin")]
    assert cities("Das Land Berlin zahlt.", index) == []


def test_offsets_match_text(index):
    text = (CORPUS / "003_b903d551fe9369a8.txt").read_text(encoding="utf-8")
    found = find_places(text, index)
    assert found and all(text[m.start:m.end] == m.text for m in found)
    assert {"Magdeburg", "Halle (Saale)"} <= {m.normalized for m in found if m.label == "CITY"}


def test_fast_enough(index):
    text = (CORPUS / "000_b3187524cd4c9cfc.txt").read_text(encoding="utf-8")[:2000]
    start = time.perf_counter()
    for _ in range(50):
        find_places(text, index)
    assert (time.perf_counter() - start) / 50 < 0.002  # target 0.5 ms; slack for slow machines


def test_gazetteer_size_and_schema():
    assert (ROOT / "rules/gazetteers/places.csv").stat().st_size < 600_000
    rows = {r.id: r.values for r in load_rules().gazetteer("places")}
    assert rows["geo:2867714"]["name"] == "München"
    assert len([r for r in rows.values() if r["country"] == "DE"]) > 5000


@pytest.mark.parametrize("fn, arg, expected", [
    (genitive, "Bremen", "Bremens"), (genitive, "Mainz", None), (genitive, "Kassel", "Kassels"),
    (base_name, "Halle (Saale)", "Halle"), (base_name, "Frankfurt am Main", "Frankfurt"),
])
def test_normalize_helpers(fn, arg, expected):
    assert fn(arg) == expected


def test_adjective_forms():
    assert "Bayerische" in adjective_forms("bayerisch") and "bayerischen" in adjective_forms("bayerisch")
    assert adjective_forms("Thüringer") == ["Thüringer"]


def test_a_role_in_brackets_is_not_a_place_qualifier():
    from extract import analyse_text

    assert analyse_text("Kontakt: Eveline Vogt (Pressesprecherin), Telefon 0421 123")["cities"] == []
    assert [r["city"] for r in analyse_text("Das Zentrum in Essen (NRW) startet.")["cities"]] == ["Essen"]


def test_a_city_after_a_double_first_name_is_a_surname_after_a_hyphenated_name_it_is_a_place(index):
    assert cities("Dazu sagte Hans-Peter Kassel am Montag.", index) == []
    assert cities("Federführung: Philipps-Universität Marburg, Partner: Justus-Liebig-Universität Gießen",
                  index) == [("Marburg", "Marburg an der Lahn"), ("Gießen", "Gießen")]
