"""Knowledge lives in rules/lists: one line of a list changes what the components find.

Each test edits one list in a copy of rules/ and runs the component on a sentence written here;
the other half of each pair (the unchanged rules) shows the line is what decides."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract.components.centres import Centres
from extract.components.institutions import find_institutions, load_lexicon
from extract.rules import DEFAULT_RULES_DIR

from .test_centres import run


@pytest.fixture
def rules_copy(tmp_path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, target)
    return target


def edit_list(rules: Path, name: str, change) -> None:
    path = rules / "lists" / f"{name}.txt"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def centres(rules: Path | None, text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.normalized, m.attrs["city"]) for m in run(Centres(str(rules) if rules else None), text)]


def orgs(rules: Path | None, text: str) -> list[tuple[str, str]]:
    lexicon = load_lexicon(str(rules) if rules else None)
    return [(m.normalized, m.attrs["kind"]) for m in find_institutions(text, lexicon)]


def test_a_plural_ending_of_centre_head_forms_makes_a_plural_with_its_sites(rules_copy):
    text = "Die Forschung in den beiden Spitzenclustern in Kassel und Fulda wird verstärkt."
    assert centres(None, text) == [("Spitzenclustern", "Spitzencluster", None),
                                   ("Spitzenclustern", "Spitzencluster Kassel", "Kassel"),
                                   ("Spitzenclustern", "Spitzencluster Fulda", "Fulda")]
    edit_list(rules_copy, "centre_head_forms", lambda s: s.replace("plural clustern = cluster\n", ""))
    assert centres(rules_copy, text) == []


def test_a_legal_form_line_ends_a_centre_name(rules_copy):
    text = "Die Technologiezentrum Fulda KGaA vermietet Büros an Gründer."
    assert centres(None, text) == [("Technologiezentrum Fulda KGaA", "Technologiezentrum Fulda KGaA", "Fulda")]
    edit_list(rules_copy, "legal_forms", lambda s: s + "KGaA = company\n")
    assert centres(rules_copy, text) == []


def test_the_kind_of_a_legal_form_line_is_the_kind_of_its_organisation(rules_copy):
    text = "Partner ist die Bürgerenergie Kassel eG aus Hessen."
    assert orgs(None, text) == [("Bürgerenergie Kassel eG", "association")]
    edit_list(rules_copy, "legal_forms", lambda s: s.replace("\neG = association\n", "\neG\n"))
    assert orgs(rules_copy, text) == [("Bürgerenergie Kassel eG", "company")]


def test_a_stop_word_line_ends_a_name_complement(rules_copy):
    # modal verbs end a complement: "… sollte Anfang 2021 starten" is no part of the name
    assert orgs(None, "Das Institut für Robotik sollte Anfang 2021 starten.") == [("Institut für Robotik", "institute")]
    text = "Das Institut für Robotik dürfte Anfang 2021 starten."
    assert orgs(None, text) == [("Institut für Robotik dürfte Anfang", "institute")]
    edit_list(rules_copy, "stop_words", lambda s: s + "dürfte\n")
    assert orgs(rules_copy, text) == [("Institut für Robotik", "institute")]


def test_a_region_line_closes_a_centre_name_like_a_land(rules_copy):
    assert centres(None, "Das Kompetenzzentrum Hessen berät.") == [
        ("Kompetenzzentrum Hessen", "Kompetenzzentrum Hessen", None)]   # a Land of states.csv
    text = "Das Kompetenzzentrum Österreich berät Betriebe."
    assert centres(None, text) == [("Kompetenzzentrum", "Kompetenzzentrum", None)]
    edit_list(rules_copy, "regions", lambda s: s + "Österreich\n")
    assert centres(rules_copy, text) == [("Kompetenzzentrum Österreich", "Kompetenzzentrum Österreich", None)]


def test_a_municipality_head_of_institutions_may_lead_a_listed_site_before_its_city(rules_copy):
    text = ("Das neu gegründete Zentrum für Lungenmedizin (ZLM) wird zwei Partner-Standorte haben. "
            "Dabei bündeln folgende Einrichtungen ihre Arbeit:\n"
            "- Bezirk Kassel: Universität Kassel.\n"
            "- Universitätsstadt Marburg: Universität Marburg.\n")
    # "-stadt" ends a municipality head of rules/lists/institution_heads.txt, "Bezirk" none
    assert [c for _, _, c in centres(None, text)] == ["Marburg"]
    edit_list(rules_copy, "institution_heads", lambda s: s + "bezirk = municipality m\n")
    assert [c for _, _, c in centres(rules_copy, text)] == ["Kassel", "Marburg"]
