"""MINISTRY mentions: names, short forms, acronyms, resolved by Land and reference date."""
from __future__ import annotations

import pytest

from extract.components.ministries import find_ministries, load_lexicon
from extract.normalize import ministries as norm

from .conftest import CORPUS


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(None)


def found(lexicon, text, published=None):
    """[(surface text, ministry id or unlisted name)] in text order."""
    out = []
    for h in find_ministries(text, lexicon, published=published):
        m = h.ministry
        out.append((text[h.start:h.end], m["name"] if isinstance(m, dict) else m.id))
    return out


@pytest.mark.parametrize("text, published, expected", [
    # the same short form names different ministries over time
    ("Das Bundeswirtschaftsministerium fördert das Projekt.", "2017-03-01",
     [("Bundeswirtschaftsministerium", "fed.bmwi.2013")]),
    ("Das Bundeswirtschaftsministerium fördert das Projekt.", "2023-03-01",
     [("Bundeswirtschaftsministerium", "fed.bmwk.2021")]),
    ("Das Bundeswirtschaftsministerium fördert das Projekt.", "2025-09-01",
     [("Bundeswirtschaftsministerium", "fed.bmwe.2025")]),
    ("Das Wirtschaftsministerium des Bundes fördert.", "2010-01-10",
     [("Wirtschaftsministerium", "fed.bmwi.2005")]),
    ("Das Bundesforschungsministerium fördert.", "2019-01-01",
     [("Bundesforschungsministerium", "fed.bmbf.1998")]),
    ("Das Bundesforschungsministerium fördert.", "2025-08-01",
     [("Bundesforschungsministerium", "fed.bmftr.2025")]),
    ("Das Bundesdigitalministerium fördert.", "2022-05-01",
     [("Bundesdigitalministerium", "fed.bmdv.2021")]),
    ("Das Bundesverkehrsministerium fördert.", "2015-05-01",
     [("Bundesverkehrsministerium", "fed.bmvi.2013")]),
    # genitive, and a trailing acronym as a mention of its own
    ("Mittel des Bundesministeriums für Wirtschaft und Energie (BMWi) fließen.", "2018-01-01",
     [("Bundesministeriums für Wirtschaft und Energie", "fed.bmwi.2013"), ("BMWi", "fed.bmwi.2013")]),
    # a shortened official name is the ministry of that time
    ("vom Bundesministerium für Wirtschaft gefördert", "2017-01-01",
     [("Bundesministerium für Wirtschaft", "fed.bmwi.2013")]),
    ("Das Bundesministerium des Innern, für Bau und Heimat (BMI) fördert.", None,
     [("Bundesministerium des Innern, für Bau und Heimat", "fed.bmi.2018"), ("BMI", "fed.bmi.2018")]),
    # Land from an adjective, a prefix or a suffix
    ("Das Thüringer Wirtschaftsministerium finanziert die Agentur.", "2018-01-01",
     [("Thüringer Wirtschaftsministerium", "th.tmwwdg.2014")]),
    ("Das NRW-Wirtschaftsministerium gibt Geld.", "2023-01-01",
     [("NRW-Wirtschaftsministerium", "nw.mwike.2022")]),
    ("Das bayerische Wirtschaftsministerium gibt Geld.", "2019-06-01",
     [("Wirtschaftsministerium", "by.stmwi.2018b")]),
    ("Das Wirtschaftsministerium des Landes Sachsen-Anhalt fördert.", "2017-06-01",
     [("Wirtschaftsministerium des Landes Sachsen-Anhalt", "st.mw.2016")]),
    ("Das Ministerium für Infrastruktur und Digitales des Landes Sachsen-Anhalt hilft.", None,
     [("Ministerium für Infrastruktur und Digitales des Landes Sachsen-Anhalt", "st.mid.2021")]),
    ("Das Sächsische Staatsministerium für Wirtschaft, Arbeit und Verkehr (SMWA) fördert.", "2018-01-01",
     [("Sächsische Staatsministerium für Wirtschaft, Arbeit und Verkehr", "sn.smwa.1990"),
      ("SMWA", "sn.smwa.1990")]),
    # city-state equivalents
    ("die Behörde für Wirtschaft, Verkehr und Innovation (BWVI)", "2015-01-01",
     [("Behörde für Wirtschaft, Verkehr und Innovation", "hh.bwvi.2011"), ("BWVI", "hh.bwvi.2011")]),
    ("so Kristina Vogt, Senatorin für Wirtschaft, Arbeit und Europa.", "2021-01-15",
     [("Senatorin für Wirtschaft, Arbeit und Europa", "hb.swae.2019")]),
    ("Die Senatsverwaltung für Wirtschaft, Energie und Betriebe lädt ein.", None,
     [("Senatsverwaltung für Wirtschaft, Energie und Betriebe", "be.senweb.2016")]),
    # fixed forms and acronyms
    ("Das Auswärtige Amt und das BMBF.", "2020-01-01",
     [("Auswärtige Amt", "fed.aa"), ("BMBF", "fed.bmbf.1998")]),
    ("Vertreter des Auswärtigen Amtes kamen.", None, [("Auswärtigen Amtes", "fed.aa")]),
    ("Förderung durch das BMWI.", "2011-01-01", [("BMWI", "fed.bmwi.2005")]),
    # a person's title is no ministry
    ("sagte Bundesverkehrsminister Andreas Scheuer und Wirtschaftsministerin Ilse Aigner.", None, []),
    ("Der Wirtschaftsministeriumssprecher sagte.", None, []),
    # a portfolio named after a first ministry: "..., beziehungsweise Wirtschaft und Energie"
    ("mit Unterstützung des nordrhein-westfälischen Ministeriums für Kultur und Wissenschaft "
     "beziehungsweise Wirtschaft und Energie", "2019-01-01",
     [("Ministeriums für Kultur und Wissenschaft", "nw.mkw.2017"),
      ("Wirtschaft und Energie", "nw.mwide.2017")]),
])
def test_find_ministries(lexicon, text, published, expected):
    assert found(lexicon, text, published) == expected


@pytest.mark.parametrize("text, expected", [
    # a bare short form takes the ministry of that portfolio the text names in full
    ("Das Bundesministerium für Wirtschaft und Energie (BMWi) fördert. Das Wirtschaftsministerium "
     "gibt drei Millionen Euro.", "fed.bmwi.2013"),
    # ... else the Land the text is about
    ("In Potsdam startet die Agentur. Sie wird vom Wirtschaftsministerium unterstützt. Brandenburg "
     "will 2016 mehr.", "bb.mwe.2014"),
    ("Die Lernfabrik in Freiburg und Stuttgart wird vom Wirtschaftsministerium Baden-Württembergs "
     "gefördert, sagte er 2019.", "bw.wm.2016"),
    # ... and a city-state has no "Wirtschaftsministerium" of its own: the Bund
    ("In Berlin fördert das Wirtschaftsministerium das Zentrum 2019.", "fed.bmwi.2013"),
])
def test_bare_short_form(lexicon, text, expected):
    ids = [mid for surface, mid in found(lexicon, text) if "Wirtschaftsministerium" in surface]
    assert ids and set(ids) == {expected}


def test_unlisted_ministry_keeps_its_written_name(lexicon):
    assert found(lexicon, "Das Bundesministerium für Sport und Ehrenamt lädt ein.", "2020-01-01") == [
        ("Bundesministerium für Sport und Ehrenamt", "Bundesministerium für Sport und Ehrenamt")]


@pytest.mark.parametrize("text, published, expected", [
    ("Am 3. Mai", "2019-05-03", "2019-05-03"),
    ("irgendwann", "2019-05", "2019-05-01"),
    ("Seit 2015 und im Jahr 2018 gefördert; bis 2025 soll es laufen.", None, "2018-07-01"),
    ("Das Projekt läuft bis Ende 2020.", None, "2019-07-01"),
    ("Ohne Jahr.", None, norm.NEWEST),
])
def test_reference_date(text, published, expected):
    assert norm.reference_date(text, published) == expected


@pytest.mark.parametrize("valid_from, valid_to, expected", [
    ("2013-12-17", "2021-12-07", ("2013-12-17", "2021-12-07")),
    ("2008", "2013-10", ("2008-01-01", "2013-10-99")),
    ("", "", ("0000-01-01", "9999-99-99")),
])
def test_iso_bounds(valid_from, valid_to, expected):
    assert norm.iso_bounds(valid_from, valid_to) == expected


def test_every_ministry_row_is_consistent(lexicon):
    for m in lexicon.ministries:
        lo, hi = norm.iso_bounds(m.valid_from, m.valid_to)
        assert lo <= hi, m.id
        assert m.level in ("federal", "state"), m.id
        assert (m.level == "state") == bool(m.state), m.id
        assert m.departments, m.id


def test_pipeline_on_corpus(nlp):
    from extract.pipeline import analyse

    text = (CORPUS / "004_9ca1d742a883455a.txt").read_text(encoding="utf-8")
    doc = analyse(nlp, text)
    ms = [m for m in doc._.mentions if m.label == "MINISTRY"]
    assert all(doc._.text[m.start:m.end] == m.text for m in ms)
    by_acronym = {m.attrs["acronym"]: m for m in ms}
    assert "TMWWDG" in by_acronym and by_acronym["TMWWDG"].attrs["state"] == "Thüringen"
    assert by_acronym["BMWi"].normalized == "Bundesministerium für Wirtschaft und Energie"
    assert by_acronym["BMWi"].attrs["ministry_id"] == "fed.bmwi.2013"


@pytest.mark.parametrize("text, published, expected", [
    # a year in the text (or the publication date) points to the later ministry of the same name
    ("Das Bundesministerium für Wirtschaft und Energie (BMWi) fördert das Zentrum. Im Jahr 2026 wächst es.",
     None, "fed.bmwi.2013"),
    ("Das Bundesministerium für Wirtschaft und Energie (BMWi) fördert das Zentrum.", "2026-01-05", "fed.bmwi.2013"),
    ("Das Bundesministerium für Wirtschaft und Energie (BMWE) fördert das Zentrum.", None, "fed.bmwe.2025"),
    # an acronym of another portfolio changes nothing
    ("Das Bundesministerium für Wirtschaft und Energie (BMBF) fördert das Zentrum.", "2026-01-05", "fed.bmwe.2025"),
])
def test_a_name_stated_with_its_acronym_wins_over_the_date(lexicon, text, published, expected):
    assert {mid for _surface, mid in found(lexicon, text, published)} == {expected}


def test_a_state_short_form_resolves_to_the_states_ministry_of_that_portfolio():
    from extract import analyse_text

    rows = analyse_text("Erfurt. Das Sozialministerium fördert das Zentrum in Jena. Thüringen ist stolz.",
                        published="2023-05-01")["ministries"]
    assert [(r["acronym"], r["level"], r["state"]) for r in rows] == [("TMASGFF", "state", "Thüringen")]
