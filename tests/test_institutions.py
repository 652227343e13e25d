"""ORG mentions: head words, legal forms, acronym definitions and later bare acronyms."""
from __future__ import annotations

import re

import pytest

from extract.components.institutions import find_institutions, load_lexicon
from extract.model import Mention
from extract.normalize import names as nm


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(None)


def city(text, name, label="CITY"):
    start = text.index(name)
    return Mention(label, start, start + len(name), name, "test", normalized=name)


def orgs(lexicon, text, places=()):
    mentions = [city(text, p) for p in places]
    found = find_institutions(text, lexicon, mentions)
    return [(m.text, m.normalized, m.attrs.get("acronym")) for m in found]


@pytest.mark.parametrize("text, places, expected", [
    ("Partner ist die Universität Bremen.", ["Bremen"], [("Universität Bremen", "Universität Bremen", None)]),
    ("Dabei ist das Institut für Mikroelektronik- und Mechatronik-Systeme (IMMS) in Ilmenau.", ["Ilmenau"],
     [("Institut für Mikroelektronik- und Mechatronik-Systeme (IMMS)",
       "Institut für Mikroelektronik- und Mechatronik-Systeme", "IMMS")]),
    ("das Zentrum für Produkt-, Verfahrens- und Prozessinnovation Magdeburg (Thema: X)", ["Magdeburg"],
     [("Zentrum für Produkt-, Verfahrens- und Prozessinnovation Magdeburg",
       "Zentrum für Produkt-, Verfahrens- und Prozessinnovation Magdeburg", None)]),
    ("Neu ist der Lehrstuhl für Mittelstand, Gründung und Entrepreneurship (LEMEX) der Universität Bremen.",
     ["Bremen"], [("Lehrstuhl für Mittelstand, Gründung und Entrepreneurship (LEMEX) der Universität Bremen",
                   "Lehrstuhl für Mittelstand, Gründung und Entrepreneurship der Universität Bremen",
                   "LEMEX")]),
    ("Dabei ist das OFFIS – Institut für Informatik aus Oldenburg.", ["Oldenburg"],
     [("OFFIS – Institut für Informatik", "Institut für Informatik", "OFFIS")]),
    ("unter Leitung der Ernst-Abbe-Hochschule Jena (EAH).", ["Jena"],
     [("Ernst-Abbe-Hochschule Jena (EAH)", "Ernst-Abbe-Hochschule Jena", "EAH")]),
    ("Projektträger ist das Deutsche Zentrum für Luft- und Raumfahrt e.V. (DLR).", [],
     [("Deutsche Zentrum für Luft- und Raumfahrt e.V. (DLR)",
       "Deutsches Zentrum für Luft- und Raumfahrt e.V.", "DLR")]),
    ("Die Förderung geht an die Beispiel Software GmbH in Jena.", ["Jena"],
     [("Beispiel Software GmbH", "Beispiel Software GmbH", None)]),
    ("Geschäftsführer der chip GmbH, einen Bescheid", [], [("chip GmbH", "chip GmbH", None)]),
    ("Eine Tochter der Investitionsbank Brandenburg startet.", ["Brandenburg"],
     [("Investitionsbank Brandenburg", "Investitionsbank Brandenburg", None)]),
    ("an der Dualen Hochschule in Mannheim", ["Mannheim"], [("Dualen Hochschule", "Duale Hochschule", None)]),
    ("die IHK Nürnberg für Mittelfranken", ["Nürnberg"],
     [("IHK Nürnberg für Mittelfranken", "IHK Nürnberg für Mittelfranken", None)]),
])
def test_names(lexicon, text, places, expected):
    assert orgs(lexicon, text, places) == expected


def test_defined_acronym_later_gets_the_same_name(lexicon):
    text = "Die Handwerkskammer für Oberfranken (HWK) koordiniert. Die HWK berät Betriebe."
    found = orgs(lexicon, text)
    assert found == [("Handwerkskammer für Oberfranken (HWK)", "Handwerkskammer für Oberfranken", "HWK"),
                     ("HWK", "Handwerkskammer für Oberfranken", "HWK")]


def test_trailing_acronym_and_brand_short_form(lexicon):
    text = ("das Fraunhofer-Institut für Fabrikbetrieb und -automatisierung IFF Magdeburg. "
            "Das Fraunhofer IFF lädt ein.")
    found = orgs(lexicon, text, ["Magdeburg"])
    assert found[0][2] == "IFF"
    assert found[1] == ("Fraunhofer IFF", found[0][1], "IFF")


@pytest.mark.parametrize("text", [
    "Die KMU in der EU nutzen KI und IT.",                      # all-caps words alone
    "Das Bundesministerium für Bildung und Forschung fördert.",  # a ministry
    "Das Mittelstand 4.0-Kompetenzzentrum Bremen startet.",       # a funded centre
    "Das Zentrum berät die Unternehmen der Region.",              # a generic head alone
    "die Strategie für die digitale Gesellschaft",
])
def test_not_institutions(lexicon, text):
    assert orgs(lexicon, text) == []


def test_acronym_before_a_place(lexicon):
    text = "eine Tochter der LEG Thüringen. Der LEG-Geschäftsführer sagte"
    assert orgs(lexicon, text, ["Thüringen"]) == [("LEG Thüringen", "LEG Thüringen", "LEG"),
                                                  ("LEG", "LEG Thüringen", "LEG")]


@pytest.mark.parametrize("acronym, long_form, expected", [
    ("Ifak", "Institut für Automation und Kommunikation", True),
    ("ISL", "Institut für Seeverkehrswirtschaft und Logistik", True),
    ("XYZ", "Institut für Informatik", False),
])
def test_is_acronym_of(acronym, long_form, expected):
    assert nm.is_acronym_of(acronym, long_form) is expected


@pytest.mark.parametrize("word, gender, expected", [
    ("Deutschen", "n", "Deutsches"), ("Dualen", "f", "Duale"), ("Deutsche", "n", "Deutsches"),
    ("Bayerische", "m", "Bayerischer"), ("Bremer", "n", "Bremer"),
])
def test_strong_adjective(word, gender, expected):
    assert nm.strong_adjective(word, gender) == expected


def test_strip_article():
    assert nm.strip_article("das Institut für Informatik") == "Institut für Informatik"
    assert nm.strip_article("Institut für Informatik") == "Institut für Informatik"


_BEFORE, _AFTER = re.compile(r"(?<![\w-])"), re.compile(r"(?![\w])")


@pytest.mark.parametrize("text, literals", [
    ("Das IFF und das IFFA, dann IFF-Leute und xIFF.", ["IFF", "IFFA"]),
    ("Die TU und die TUM: TUM TU TUMx", ["TU", "TUM"]),
    ("Frankfurt am Main liegt nicht in Frankfurt (Oder).", ["Frankfurt", "Frankfurt am Main"]),
    ("aaaa", ["aa"]),                       # overlapping occurrences, leftmost wins
    ("Kein Treffer hier.", ["XY"]),
])
def test_find_literals_is_the_regex_alternation(text, literals):
    alternation = "|".join(sorted(map(re.escape, literals), key=len, reverse=True))
    expected = [m.span() for m in re.finditer(rf"(?<![\w-])(?:{alternation})(?![\w])", text)]
    assert nm.find_literals(text, literals, _BEFORE, _AFTER) == expected


def test_legal_form_far_into_a_long_line(lexicon):
    text = "Lange Einleitung ohne Namen, " * 12 + "dann die Muster Software GmbH in Jena."
    assert ("Muster Software GmbH", "Muster Software GmbH", None) in orgs(lexicon, text, ["Jena"])


@pytest.mark.parametrize("text, name", [
    ("Partner ist die Universität zu Lübeck.", "Universität zu Lübeck"),
    ("Die Friedrich-Alexander-Universität Erlangen-Nürnberg (FAU) ist Partner.",
     "Friedrich-Alexander-Universität Erlangen-Nürnberg"),
])
def test_city_forms_after_a_university(text, name):
    from extract import analyse_text

    assert name in [r["normalized"] for r in analyse_text(text)["mentions"] if r["label"] == "ORG"]


# --- municipalities, districts and joined names (texts written for these tests) ---------------

def _orgs(text: str) -> dict[str, dict]:
    import json

    from extract import analyse_text

    return {m["normalized"]: {**m, "attrs": json.loads(m["attrs"]) if isinstance(m["attrs"], str) else m["attrs"]}
            for m in analyse_text(text)["mentions"] if m["label"] == "ORG"}


def test_districts_and_towns_acting_as_members_are_institutions():
    orgs = _orgs("Beteiligt sind der Landkreis Göppingen, der Hohenlohekreis, der Rems-Murr-Kreis und "
                 "die Stadt Esslingen. Im Arbeitskreis und im Freundeskreis sitzen viele.")
    assert {"Landkreis Göppingen", "Hohenlohekreis", "Rems-Murr-Kreis", "Stadt Esslingen"} <= set(orgs)
    assert not any(name.endswith(("Arbeitskreis", "Freundeskreis")) for name in orgs)


def test_a_joined_name_gives_one_institution_per_item_with_true_offsets():
    text = ("Getragen wird die Agentur von den Landkreisen Peine, Gifhorn und Wolfenbüttel sowie "
            "dem Heidekreis. Die Universitäten Passau und Bamberg forschen mit.")
    orgs = _orgs(text)
    for name in ("Landkreis Peine", "Landkreis Gifhorn", "Landkreis Wolfenbüttel", "Heidekreis",
                 "Universität Passau", "Universität Bamberg"):
        assert name in orgs, name
    peine = orgs["Landkreis Peine"]
    assert text[peine["start"]:peine["end"]] == "Peine" and peine["rule"] == "org.joined_list"
    assert "Landkreis Heidekreis" not in orgs     # an item with a head of its own stays itself


def test_joined_complements_share_the_head_and_keep_their_acronyms():
    text = ("Gefördert werden die Fraunhofer-Institute für Lasertechnik ILT, für Produktionstechnologie "
            "IPT sowie für Molekularbiologie IME, alle mit Sitz in Aachen.")
    orgs = _orgs(text)
    assert orgs["Fraunhofer-Institut für Lasertechnik"]["attrs"]["acronym"] == "ILT"
    assert orgs["Fraunhofer-Institut für Produktionstechnologie"]["attrs"]["acronym"] == "IPT"
    assert orgs["Fraunhofer-Institut für Molekularbiologie"]["attrs"]["acronym"] == "IME"
    assert not any(name.startswith("Fraunhofer-Institute") for name in orgs)


def test_one_name_after_a_plural_is_no_enumeration():
    assert not any(n.startswith("Hochschule ") for n in _orgs("Die Hochschulen Bayerns wachsen."))


def test_names_keep_their_first_words():
    orgs = _orgs("Mit dabei sind die Mosella Hochschule, das Humboldt Institut Trier, die Maria von "
                 "Linden Universität Trier und das Deutsche Meeresforschungszentrum.")
    assert {"Mosella Hochschule", "Humboldt Institut Trier", "Maria von Linden Universität Trier",
            "Deutsches Meeresforschungszentrum"} <= set(orgs)


def test_an_abbreviated_university_takes_the_word_after_it_as_its_place():
    assert "TU Kleinstadtberg" in _orgs("Die TU Kleinstadtberg kooperiert mit Partnern.")


def test_a_clinic_of_a_university_is_one_name():
    assert "Klinikum der Universität Regensburg" in _orgs(
        "Beteiligt ist das Klinikum der Universität Regensburg.")


def test_a_bare_plural_head_is_no_institution():
    orgs = _orgs("Die Fraunhofer-Institute in Sachsen erhalten Geld. Das Fraunhofer-Institut für "
                 "Holzforschung ist dabei.")
    assert "Fraunhofer-Institute" not in orgs
    assert "Fraunhofer-Institut für Holzforschung" in orgs


def test_a_fraunhofer_unit_with_a_hyphenated_acronym_keeps_it():
    orgs = _orgs("Beteiligt ist das Fraunhofer IOSB-AST aus Ilmenau.")
    assert orgs["Fraunhofer IOSB-AST"]["attrs"]["acronym"] == "IOSB-AST"


def test_a_cluster_is_an_institution_but_a_funded_excellence_cluster_is_not():
    orgs = _orgs("Partner sind das Cluster Hessen Mobil und das Kasseler Exzellenzcluster.")
    assert any(name.startswith("Cluster Hessen") for name in orgs)
    assert not any("Exzellenzcluster" in name for name in orgs)


def test_a_centre_word_after_an_indefinite_article_names_no_institution():
    orgs = _orgs("Kassel will zu einem führenden europäischen Zentrum für Robotik werden. Das Zentrum "
                 "für Robotik der Universität Kassel ist Partner.")
    starts = sorted(m["start"] for m in orgs.values())
    assert starts and all(s > 60 for s in starts), orgs


def test_companies_named_without_a_legal_form_are_institutions():
    orgs = _orgs("Zum Verbund gehören Trumpf, Festo und die Siemens Healthineers. Die Bosch-Gruppe "
                 "und der Kuchenbosch sind keine Namen.")
    assert {"Trumpf", "Festo", "Siemens Healthineers"} <= set(orgs)
    assert orgs["Festo"]["attrs"]["kind"] == "company"
    assert "Bosch" not in orgs


def test_districts_and_universities_take_the_next_word_as_their_place():
    orgs = _orgs("Partner sind der Landkreis Vogelsberg, der Kreis Lippe, der Salzlandkreis, die "
                 "Universität Hohenheim und die Hochschule Ravensburg-Weingarten.")
    assert {"Landkreis Vogelsberg", "Kreis Lippe", "Salzlandkreis", "Universität Hohenheim",
            "Hochschule Ravensburg-Weingarten"} <= set(orgs)


def test_circles_of_people_and_camel_case_brands_are_no_districts():
    orgs = _orgs("Der Trägerkreis und der Lenkungskreis tagen, der BioKreis liefert Gemüse.")
    assert not orgs


def test_a_cue_word_before_a_name_is_not_part_of_it_nor_a_quote():
    orgs = _orgs("Mit den Partnern Hochschule Konstanz und „Energieagentur Nord gGmbH geht es los.")
    assert {"Hochschule Konstanz", "Energieagentur Nord gGmbH"} <= set(orgs)


def test_an_adjective_before_a_legal_form_and_a_plural_before_a_district_are_no_names():
    orgs = _orgs("Die Agentur ist als gemeinnützige GmbH organisiert. Mitglieder sind die Landkreise "
                 "Ostalbkreis und Heidenheim.")
    assert not any("gemeinnützige" in name for name in orgs)
    assert {"Ostalbkreis", "Landkreis Heidenheim"} <= set(orgs)
    assert not any(name.startswith("Landkreise") or name.startswith("Landkreiser") for name in orgs)


@pytest.mark.parametrize("text, places, name", [
    # a municipality word names its place even when no gazetteer knows the place
    ("Beteiligt ist auch die Gemeinde Oberharzau.", (), "Gemeinde Oberharzau"),
    ("Die Hansestadt Kleinwedel leitet das Projekt.", (), "Hansestadt Kleinwedel"),
    ("Die Universitätsmedizin Vorpommern koordiniert den Verbund.", (), "Universitätsmedizin Vorpommern"),
    ("Mit dabei ist die Kreishandwerkerschaft Koblenz.", ("Koblenz",), "Kreishandwerkerschaft Koblenz"),
])
def test_heads_that_name_members(lexicon, text, places, name):
    assert name in [n for _, n, _ in orgs(lexicon, text, places)]


def test_a_hyphenated_university_name_takes_its_place_like_the_bare_head(lexicon):
    found = [n for _, n, _ in orgs(lexicon, "Die Philipps-Universität Oberhausenau leitet.")]
    assert "Philipps-Universität Oberhausenau" in found
