"""Boilerplate ranges and the headline, on short texts written for the tests."""
from __future__ import annotations

import pytest

from extract.components.boilerplate import Boilerplate, find_noise, find_title


@pytest.fixture(scope="module")
def boiler():
    return Boilerplate(None)


def noise_texts(boiler, text):
    return [(text[s:e], reason) for s, e, reason in find_noise(text, boiler.rules, boiler.teaser)]


def is_noise(boiler, text, fragment):
    start = text.index(fragment)
    end = start + len(fragment)
    return any(s <= start and end <= e for s, e, _ in find_noise(text, boiler.rules, boiler.teaser))


BODY = "Das Land fördert das neue Zentrum in Kassel mit zwei Millionen Euro."


@pytest.mark.parametrize("line", [
    "Foto: © Max Muster",
    "Bild: dpa/Erika Beispiel",
    "© Stadt Kassel / A. Fotograf",
    "Copyright 2021 Beispielverlag",
    "Quelle: www.beispiel-land.de",
    "Quelle: dpa",
    "https://www.beispiel.de/presse/artikel-123",
    "Startseite > Presse > Meldungen",
    "Home | News",
    "Sie sind hier: Presse",
    "Teilen",
    "Seite drucken",
    "Facebook Twitter E-Mail",
    "Impressum | Datenschutz | Kontakt",
    "Alle Rechte vorbehalten.",
    "Diese Website verwendet Cookies. Bitte akzeptieren Sie die Einstellungen.",
    "• Es gibt keine neueren Artikel in dieser Kategorie.",
    "header-placeholder",
    "image header",
    "ab/cd",
])
def test_boilerplate_lines_are_noise(boiler, line):
    text = f"{BODY}\n{line}\n{BODY}"
    assert is_noise(boiler, text, line.strip())
    assert not is_noise(boiler, text, BODY)


@pytest.mark.parametrize("line", [
    # a caption that goes on with a verb names real people: keep it
    "Foto: Anna Beispiel und Jan Muster leiten die Geschäftsstelle des Zentrums in Kassel seit 2020.",
    # the issuing ministry of a release
    "Quelle: Hessisches Ministerium für Wirtschaft, Energie, Verkehr und Wohnen",
    # an enumerator, not a copyright
    "(c) Die Unternehmen erhalten Beratung.",
])
def test_content_lines_are_kept(boiler, line):
    text = f"{BODY}\n{line}\n{BODY}"
    assert not is_noise(boiler, text, line)


def test_inline_credit_only_the_credit(boiler):
    text = "Die Ministerin übergibt den Bescheid (Bild: © Max Muster, Kassel)\n" + BODY
    found = noise_texts(boiler, text)
    assert ("(Bild: © Max Muster, Kassel)", "noise.credit_paren") in found
    assert not is_noise(boiler, text, "Die Ministerin übergibt den Bescheid")


def test_related_block_runs_to_the_end(boiler):
    text = (BODY + "\n" + BODY + "\n\nDas könnte Sie auch interessieren\n\n"
            "12.03.2024 Neues Werk in Fulda eröffnet")
    assert is_noise(boiler, text, "12.03.2024 Neues Werk in Fulda eröffnet")
    assert not is_noise(boiler, text, BODY)


def test_related_header_at_the_top_marks_only_its_line(boiler):
    text = "Weitere Artikel\n" + BODY + "\n" + BODY + "\n" + BODY
    assert is_noise(boiler, text, "Weitere Artikel")
    assert not is_noise(boiler, text, BODY)


def test_date_glued_teaser_before_the_body(boiler):
    teaser = "3. März 2021Kassel feiert neues Werk"
    body = "4. März 2021Das Land fördert das neue Zentrum in Kassel. Es startet im Mai."
    text = f"Überschrift der Seite\n{teaser}\n{body}"
    assert is_noise(boiler, text, teaser)
    assert not is_noise(boiler, text, body)


def test_a_single_glued_date_line_is_not_a_teaser(boiler):
    text = "Überschrift der Seite\n3. März 2021Kassel feiert neues Werk\nDer Text beginnt hier."
    assert not is_noise(boiler, text, "Kassel feiert neues Werk")


@pytest.mark.parametrize("text, title", [
    ("header-placeholder\nimage\nIMG 01 x\n\nZentrum in Kassel eröffnet\n\n" + BODY,
     "Zentrum in Kassel eröffnet"),
    ("Verband der Beispielindustrie\n12.05.2019\nNeues Zentrum für die Region startet\n" + BODY,
     "Neues Zentrum für die Region startet"),
    ("Quelle: Hessisches Ministerium für Wirtschaft\n\nMinister: Zentrum stärkt den Mittelstand\n" + BODY,
     "Minister: Zentrum stärkt den Mittelstand"),
    ("Förderung\n\nEine Million Euro für den Digital Hub\n" + BODY, "Eine Million Euro für den Digital Hub"),
    ("Stadtansicht von Kassel mit dem Rathaus am Abend\n© Stadt Kassel\n\nNeues Zentrum in Kassel\n" + BODY,
     "Neues Zentrum in Kassel"),
])
def test_title(boiler, text, title):
    noise = find_noise(text, boiler.rules, boiler.teaser)
    assert find_title(text, noise, boiler.dateline) == title


def test_long_first_line_title_is_trimmed_to_a_sentence(boiler):
    text = BODY + " Weitere Sätze folgen hier, damit die Zeile lang genug wird und abgeschnitten werden muss."
    noise = find_noise(text, boiler.rules, boiler.teaser)
    assert find_title(text, noise, boiler.dateline) == BODY


def test_component_sets_noise_and_title(nlp):
    from extract.pipeline import analyse

    doc = analyse(nlp, "Zentrum in Kassel eröffnet\n" + BODY + "\nFoto: © Max Muster")
    assert doc._.title == "Zentrum in Kassel eröffnet"
    assert any(doc._.text[s:e] == "Foto: © Max Muster" for s, e, _ in doc._.noise)
