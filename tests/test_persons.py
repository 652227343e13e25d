"""PERSON mentions: names from first-name list and surname, roles, credits and back-references."""
from __future__ import annotations

import pytest

from extract.components.persons import find_persons, load_lexicon
from extract.model import Mention
from extract.normalize import names as nm


@pytest.fixture(scope="module")
def tables():
    return load_lexicon(None)


def persons(tables, text, mentions=()):
    return [(m.normalized, m.attrs.get("role"), bool(m.attrs.get("credit")))
            for m in find_persons(text, tables, list(mentions))]


@pytest.mark.parametrize("text, expected", [
    ("Das eröffnete Staatssekretär Dr. Jürgen Ude heute.", [("Jürgen Ude", "Staatssekretär", False)]),
    ("„Gut“, sagte Bundesverkehrsminister Andreas Scheuer (CSU).",
     [("Andreas Scheuer", "Bundesverkehrsminister", False)]),
    ("teilte Parlamentarische Staatssekretärin Iris Gleicke mit",
     [("Iris Gleicke", "Parlamentarische Staatssekretärin", False)]),
    ("Adrian Ulrich, Leiter des Handelskammer-Geschäftsbereichs Innovation und Umwelt, sieht darin viel.",
     [("Adrian Ulrich", "Leiter des Handelskammer-Geschäftsbereichs Innovation und Umwelt", False)]),
    ("„Wichtig“, so Kristina Vogt, Senatorin für Wirtschaft, Arbeit und Europa.",
     [("Kristina Vogt", "Senatorin für Wirtschaft, Arbeit und Europa", False)]),
    ("so Angelika Müller, Leiterin des Referats „Mittelstand-Digital“, vor Ort.",
     [("Angelika Müller", "Leiterin des Referats „Mittelstand-Digital“", False)]),
    ("an die Geschäftsführerin des Zentrums, Elisa Heinke, überreicht.",
     [("Elisa Heinke", "Geschäftsführerin des Zentrums", False)]),
    ("Ex-Ministerpräsident Franz Josef Strauß", [("Franz Josef Strauß", "Ex-Ministerpräsident", False)]),
    ("Ralf-Michael Weimar berichtet.", [("Ralf-Michael Weimar", None, False)]),
    ("Die Ministerin Ursula von der Leyen kam.", [("Ursula von der Leyen", "Ministerin", False)]),
    ("Wirtschaftsministerin Dr. Nicole Hoffmeister-Kraut überreichte",
     [("Nicole Hoffmeister-Kraut", "Wirtschaftsministerin", False)]),
])
def test_names_and_roles(tables, text, expected):
    assert persons(tables, text) == expected


def test_photo_credit_and_caption(tables):
    assert persons(tables, "Foto: Daniel Schneider") == [("Daniel Schneider", "Fotograf", True)]
    credit = [("Michael Bamberger", "Fotograf", True)]
    assert persons(tables, "(Bild: © Michael Bamberger, Freiburg)") == credit
    assert persons(tables, "© mediaserver.hamburg.de / C. O. Bruch") == [("C. O. Bruch", "Fotograf", True)]
    caption = "Foto: Daniel Schneider und Lisa Buschan leiten die Geschäftsstelle."
    assert persons(tables, caption) == [("Daniel Schneider", None, False), ("Lisa Buschan", None, False)]


def test_surname_refers_back(tables):
    text = "Ude: Meilenstein. Staatssekretär Jürgen Ude eröffnete. Ude betonte den Wert."
    found = find_persons(text, tables, [])
    assert [(m.text, m.normalized, m.rule) for m in found] == [
        ("Ude", "Jürgen Ude", "person.surname_ref"),
        ("Jürgen Ude", "Jürgen Ude", "person.name"),
        ("Ude", "Jürgen Ude", "person.surname_ref")]


def test_in_kraft_is_not_a_person(tables):
    text = "Ministerin Hannelore Kraft sprach. Das Gesetz tritt in Kraft."
    assert [m.text for m in find_persons(text, tables, [])] == ["Hannelore Kraft"]


@pytest.mark.parametrize("text", [
    "an der Ernst-Abbe-Hochschule Jena",
    "die Otto-von-Guericke-Universität Magdeburg",
    "Im August Unternehmen beraten",
    "Das ist Thomas.",
])
def test_not_persons(tables, text):
    assert persons(tables, text) == []


def test_names_inside_an_institution_are_not_persons(tables):
    text = "Die Robert Bosch GmbH fördert."
    org = Mention("ORG", 4, 21, "Robert Bosch GmbH", "test")
    assert persons(tables, text, [org]) == []


def test_organisation_after_name(tables):
    text = "sagte Prof. Achim Kampker von der RWTH Aachen."
    start = text.index("RWTH")
    org = Mention("ORG", start, start + 11, "RWTH Aachen", "test", normalized="RWTH Aachen")
    found = find_persons(text, tables, [org])
    assert found[0].attrs["organisation"] == "RWTH Aachen"
    assert found[0].text == "Prof. Achim Kampker"


def test_person_key():
    assert nm.person_key("Prof. Dr. Jürgen  Ude") == "Jürgen Ude"
    assert nm.surname("Nicole Hoffmeister-Kraut") == "Hoffmeister-Kraut"


@pytest.mark.parametrize("text, name, role", [
    ("Oberbürgermeister Melf Grantz eröffnete das Zentrum.", "Melf Grantz", "Oberbürgermeister"),
    ("Das sagte Wissenschaftsministerin Theresia Bauer am Montag.", "Theresia Bauer", "Wissenschaftsministerin"),
])
def test_an_unlisted_first_name_counts_after_a_role_word(text, name, role):
    from extract import analyse_text

    assert [(p["name"], p["role"]) for p in analyse_text(text)["persons"]] == [(name, role)]


def test_capitalised_words_after_a_role_word_need_a_surname_shape():
    from extract import analyse_text

    assert analyse_text("Der Minister Neue Wege geht heute.")["persons"] == []


@pytest.mark.parametrize("text, names", [
    ("Koordinator ist die Technische Hochschule Nürnberg Georg Simon Ohm.", []),
    ("Für die Universität Bremen sprach Rektorin Anna Weber.", ["Anna Weber"]),
])
def test_a_name_that_continues_an_institution_is_not_a_person(text, names):
    from extract import analyse_text

    assert [p["name"] for p in analyse_text(text)["persons"]] == names
