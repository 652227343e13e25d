"""CENTRE mentions: names, kinds, number, exclusions and the city each centre is tied to.

CITY/STATE mentions are made by the test (the places component is tested on its own), so
these tests see only what the centres component decides."""
from __future__ import annotations

import re

import pytest

from extract.components.centres import Centres, Context, city_adjective_stems
from extract.model import Mention

CITIES = ("Kassel", "Fulda", "Gießen", "Marburg", "Darmstadt", "Koblenz", "Trier", "Halle", "Potsdam")
STATES = ("Hessen", "Brandenburg", "Thüringen")


@pytest.fixture(scope="module")
def centres():
    return Centres(None)


def run(centres, text):
    mentions = []
    for names, label in ((CITIES, "CITY"), (STATES, "STATE")):
        for name in names:
            for m in re.finditer(rf"(?<![\w-]){name}(?![\w-])", text):
                mentions.append(Mention(label, m.start(), m.end(), name, "test", name, {}))
    cities = sorted((m for m in mentions if m.label == "CITY"), key=lambda m: m.start)
    ctx = Context(text, cities, [m for m in mentions if m.label == "STATE"], centres.places)
    found = centres.find(text, ctx)
    for m in found:
        assert text[m.start:m.end] == m.text
    return found


def concrete(found):
    return [m for m in found if not (m.attrs["generic"] or m.attrs["plural"] or m.attrs["anaphor"])]


@pytest.mark.parametrize("text, name, kind, city", [
    ("Das Mittelstand 4.0-Kompetenzzentrum Kassel berät Betriebe.",
     "Mittelstand 4.0-Kompetenzzentrum Kassel", "Mittelstand 4.0-Kompetenzzentrum", "Kassel"),
    ("Das Mittelstand-Digital Zentrum Fulda lädt ein.",
     "Mittelstand-Digital Zentrum Fulda", "Mittelstand-Digital Zentrum", "Fulda"),
    ("Das Kompetenzzentrum „Mittelstand 4.0“ in Gießen hat eröffnet.",
     "Kompetenzzentrum Mittelstand 4.0", "Mittelstand 4.0-Kompetenzzentrum", "Gießen"),
    ("Der Minister besuchte das Digitalisierungszentrum Marburg.",
     "Digitalisierungszentrum Marburg", "Digitalisierungszentrum", "Marburg"),
    ("Gefördert wird der Bau des Technologiezentrums Nordhessen in Kassel.",
     "Technologiezentrum Nordhessen", "Technologiezentrum", "Kassel"),
    ("Das Innovations- und Technologiezentrum (ITZ) Süd soll in Darmstadt entstehen.",
     "Innovations- und Technologiezentrum (ITZ) Süd", "Technologiezentrum", "Darmstadt"),
    ("Das KI-Lab Rhön unterstützt Betriebe in der Region.", "KI-Lab Rhön", "Lab", None),
    ("Der Digital Hub Mittelhessen startet.", "Digital Hub Mittelhessen", "Digital Hub", None),
    ("Die Digitalagentur Brandenburg hat ihre Arbeit aufgenommen.",
     "Digitalagentur Brandenburg", "Digitalagentur", None),
    ("Potsdam (dpa) - Die Brandenburger Digitalagentur hat ihre Arbeit aufgenommen.",
     "Brandenburger Digitalagentur", "Digitalagentur", "Potsdam"),
    ("Die Gründerzentren ergänzen das «Zentrum Digitalisierung Hessen», das in Darmstadt angesiedelt ist.",
     "Zentrum Digitalisierung Hessen", "Zentrum", "Darmstadt"),
    ("Mit dem neuen Fraunhofer-Zentrum für Digitale Landwirtschaft soll die Region wachsen.",
     "Fraunhofer-Zentrum für Digitale Landwirtschaft", "Zentrum", None),
    ("Das Regionale Digitalisierungszentrum Vogelsberg (#RDZV) startet.",
     "Regionale Digitalisierungszentrum Vogelsberg (#RDZV)", "Digitalisierungszentrum", None),
    ("Das Experimentierfeld „AgrarSensorik“ in Fulda erprobt digitale Technik auf dem Acker.",
     "Experimentierfeld AgrarSensorik", "Experimentierfeld", "Fulda"),
    ("Das Land fördert ein neues Innovationslabor in Potsdam.", "Innovationslabor", "Lab", "Potsdam"),
])
def test_named_centre(centres, text, name, kind, city):
    found = concrete(run(centres, text))
    assert found, text
    m = found[0]
    assert (m.normalized, m.attrs["kind"], m.attrs["city"]) == (name, kind, city)


@pytest.mark.parametrize("text, head", [
    ("Es ist eines von bundesweit 26 Kompetenzzentren.", "Kompetenzzentren"),
    ("Es werden neue Mittelstand 4.0-Kompetenzzentren aufgebaut.", "Mittelstand 4.0-Kompetenzzentren"),
    ("Die Zentren informieren den Mittelstand.", "Zentren"),
    ("Zehn regionale Digital Hubs gibt es im Land.", "Digital Hubs"),
    ("Die Experimentierfelder zeigen, wie digital Landwirtschaft sein kann.", "Experimentierfelder"),
    ("Das Netz der Mittelstand- Digital Zentren (MDZ) wächst.", "Mittelstand- Digital Zentren (MDZ)"),
])
def test_plural_is_not_concrete(centres, text, head):
    found = run(centres, text)
    assert [m.text for m in found] == [head]
    assert found[0].attrs["plural"] and found[0].attrs["generic"]


@pytest.mark.parametrize("text, head", [
    ("Das Kompetenzzentrum wird Betriebe beraten.", "Kompetenzzentrum"),
    ("Getragen wird das neue Zentrum von einem Konsortium.", "Zentrum"),
    ("Die Agentur koordiniert die Projekte.", "Agentur"),
    ("Das Leistungsportfolio des Hubs ist breit.", "Hubs"),
])
def test_bare_head_is_an_anaphor(centres, text, head):
    found = run(centres, text)
    assert [m.text for m in found] == [head]
    assert found[0].attrs["anaphor"] and not found[0].attrs["plural"]


def test_indefinite_unnamed_centre_is_generic(centres):
    found = run(centres, "Der Bund fördert ein regionales Digitalisierungszentrum.")
    assert found[0].attrs["generic"] and not concrete(found)


def test_city_adjective_names_the_city(centres):
    found = run(centres, "In Kassel sitzt das Kompetenzzentrum Kassel. Das Kasseler Zentrum berät Betriebe.")
    adj = [m for m in found if m.text == "Kasseler Zentrum"]
    assert adj and adj[0].attrs["city"] == "Kassel" and not adj[0].attrs["anaphor"]


def test_state_adjective_is_no_city(centres):
    found = run(centres, "Die Thüringer Digitalagentur hat ihre Arbeit aufgenommen.")
    assert found[0].text == "Thüringer Digitalagentur"
    assert found[0].attrs["city"] is None and not found[0].attrs["anaphor"]


@pytest.mark.parametrize("text", [
    "Projektträger ist das Deutsche Zentrum für Luft- und Raumfahrt e.V. (DLR).",
    "Partner ist das Zentrum für Sozialforschung Halle e.V.",
    "Beteiligt ist das Forschungszentrum Jülich.",
    "Die Daten liegen im Rechenzentrum Kassel.",
    "Im Zentrum steht die Digitalisierung.",
    "Das Einkaufszentrum in Fulda öffnet.",
    "Die Werbeagentur aus Marburg gestaltet die Kampagne.",
    "Die Agentur für Arbeit in Gießen berät.",
    "Gegründet wurde die Technologiezentrum Koblenz GmbH.",
])
def test_institutions_are_not_centres(centres, text):
    assert not concrete(run(centres, text))


def test_located_verb_ties_the_city(centres):
    found = concrete(run(centres, "In Trier ist das neue Kompetenzzentrum „Handwerk digital“ gestartet."))
    assert found[0].attrs["city"] == "Trier"


def test_where_the_centre_stands(centres):
    text = ("Das Technologietransferzentrum TZ LAHN wird gefördert. "
            "Bei der Übergabe in Gießen, wo das Zentrum steht, sprach der Minister.")
    found = run(centres, text)
    anaphor = next(m for m in found if m.text == "Zentrum")
    assert anaphor.attrs["city"] == "Gießen" and not anaphor.attrs["anaphor"]


def test_plural_with_a_city_list_gives_one_site_per_city(centres):
    found = run(centres, "Neue KI-Regionalzentren in Kassel, Fulda und Marburg nehmen die Arbeit auf.")
    sites = [m for m in found if m.attrs.get("site")]
    assert [m.attrs["city"] for m in sites] == ["Kassel", "Fulda", "Marburg"]
    assert all(m.normalized.startswith("KI-Regionalzentrum ") for m in sites)


def test_site_cue_lists_sites(centres):
    text = ("Gefördert wird das Innovationszentrum Wasserstoff West. "
            "Standorte werden Koblenz, Trier und Kassel.")
    found = run(centres, text)
    named = next(m for m in found if not m.attrs.get("site"))
    assert named.attrs["city"] == "Koblenz"
    assert [m.attrs["city"] for m in found if m.attrs.get("site")] == ["Trier", "Kassel"]


def test_sites_announced_then_listed(centres):
    text = ("Das Land richtet digitale Gründerzentren ein. Das Kabinett billigte die Standorte. "
            "Das sind: Kassel mit Fulda, Gießen und Marburg.")
    sites = [m.attrs["city"] for m in run(centres, text) if m.attrs.get("site")]
    assert sites == ["Kassel", "Fulda", "Gießen", "Marburg"]


def test_far_city_after_a_site_word_is_ignored(centres):
    text = ('Als einer von vier Standorten in Deutschland werde das "Kompetenzzentrum Digitales Bauen" '
            "die Führung übernehmen, teilte die Staatssekretärin gestern auf der Messe in Kassel mit.")
    assert all(m.attrs["city"] is None for m in run(centres, text))


@pytest.mark.parametrize("word, expected", [
    ("Kompetenzzentren", ("kompetenzzentren"[:-2] + "um", True)),
    ("Kompetenzzentrums", ("kompetenzzentrum", False)),
    ("Hubs", ("hub", None)),
    ("Digitalagenturen", ("digitalagentur", True)),
])
def test_singular(centres, word, expected):
    assert centres.lexicon.forms.singular(word) == expected


@pytest.mark.parametrize("adj, city", [
    ("Bremer", "Bremen"), ("Münchner", "München"), ("Dresdner", "Dresden"), ("Kieler", "Kiel"),
    ("Münsteraner", "Münster"), ("Darmstädter", "Darmstadt"), ("Jenaer", "Jena"),
])
def test_city_adjective_stems(adj, city):
    assert city in city_adjective_stems(adj)


@pytest.mark.parametrize("span, plural, name", [
    ("„Mittelstand 4.0-Kompetenzzentrums Textil vernetzt“", False,
     "Mittelstand 4.0-Kompetenzzentrum Textil vernetzt"),
    ("KI-Regionalzentren", True, "KI-Regionalzentrum"),
    ("Mittelstand- Digital Zentren", True, "Mittelstand-Digital Zentrum"),
    ("Digital Hubs", True, "Digital Hub"),
])
def test_normalize_name(centres, span, plural, name):
    assert centres.lexicon.forms.normalize_name(span, plural) == name


def test_component_in_the_pipeline(nlp):
    from extract.pipeline import analyse

    text = "Das Mittelstand 4.0-Kompetenzzentrum Hamburg berät. Es ist eines von 26 Kompetenzzentren."
    doc = analyse(nlp, text)
    centres = [m for m in doc._.mentions if m.label == "CENTRE"]
    assert [m.text for m in centres] == ["Mittelstand 4.0-Kompetenzzentrum Hamburg", "Kompetenzzentren"]
    assert centres[0].attrs["city"] == "Hamburg" and centres[0].rule == "centre.md40_kompetenzzentrum"
    assert centres[1].attrs["plural"]


def test_speed(centres):
    import time

    text = ("Das Mittelstand 4.0-Kompetenzzentrum Kassel berät Betriebe. Das Zentrum in Kassel ist eines "
            "von 26 Kompetenzzentren. ") * 15
    start = time.perf_counter()
    for _ in range(50):
        run(centres, text)
    assert (time.perf_counter() - start) / 50 < 0.02  # generous: catches a runaway regex


def test_hyphen_chained_hub_names_are_centres():
    from extract import analyse_text

    rows = analyse_text("KI-Transfer-Hub Nordland startet in Flensburg\nDas Land fördert den Hub.")["mentions"]
    centres = [r["text"] for r in rows if r["label"] == "CENTRE"]
    assert "KI-Transfer-Hub Nordland" in centres


def test_a_longer_head_beats_a_shorter_exclusion():
    from extract import analyse_text

    r = analyse_text("Das KI-Servicezentrum in Göttingen erhält 17 Millionen Euro. "
                     "Das Servicezentrum der Stadt bleibt.")
    assert [(c["centre"], c["city"]) for c in r["centres"]] == [("KI-Servicezentrum", "Göttingen")]


# ---- centres of other programmes, English names (issue 10, class 4) ---------------------

@pytest.mark.parametrize("text, kind, city", [
    ("Das Digital Innovation Center in Kassel berät Betriebe.", "Center", "Kassel"),
    ("Das Startup Center mit Sitz in Fulda öffnet.", "Center", "Fulda"),
    ("Der Startschuss für das Kasseler Exzellenzcluster fiel im Mai.", "Exzellenzcluster", "Kassel"),
    ("Gefördert wird der Forschungscampus Mobilität in Darmstadt.", "Forschungscampus", "Darmstadt"),
    ("Die Startup Factory in Koblenz nimmt die Arbeit auf.", "Startup Factory", "Koblenz"),
    ("Das House of Logistics in Trier wird erweitert.", "House of", "Trier"),
    ("Die Forschungsfabrik Batterie entsteht in Halle.", "Forschungsfabrik", "Halle"),
])
def test_centres_of_other_programmes(centres, text, kind, city):
    found = concrete(run(centres, text))
    assert [(m.attrs["kind"], m.attrs["city"]) for m in found] == [(kind, city)]


@pytest.mark.parametrize("text", [
    "Das Shopping Center in Kassel öffnet am Sonntag.",
    "Die Fragen beantwortet das Service Center in Fulda.",
    "Die Fragen beantwortet das Service-Center in Fulda.",
    "Behandelt wird im Comprehensive Cancer Center in Gießen.",
    "Die sieben Exzellenzcluster der Universität Kassel forschen weiter.",
    "Die Cluster der Region treffen sich in Gießen.",
    "Im Oberstufenzentrum in Trier wird gebaut.",
    "Er leitete das Sprachenzentrum der Universität Kassel.",
    "Behandelt wird im Herzzentrum in Gießen.",
])
def test_venues_and_plurals_of_new_heads_are_not_centres(centres, text):
    assert not concrete(run(centres, text))


def test_one_of_a_plural_placed_by_its_sentence_is_a_centre(centres):
    text = "Bundesweit entstehen vier Praxiszentren. Eines der vier Praxiszentren entsteht in Gießen."
    found = concrete(run(centres, text))
    assert [m.attrs["city"] for m in found] == ["Gießen"]


def test_one_of_a_plural_without_a_place_stays_generic(centres):
    assert not concrete(run(centres, "Es ist eines von bundesweit 26 Kompetenzzentren."))


def test_zentrum_fuer_with_its_own_acronym_is_a_centre(centres):
    text = "Das Land baut das Kompetenzzentrum für Robotik (KZRH) mit Sitz in Kassel aus."
    (m,) = concrete(run(centres, text))
    assert (m.attrs["city"], m.attrs.get("acronym")) == ("Kassel", "KZRH")


def test_institute_zentrum_fuer_without_acronym_stays_out(centres):
    assert not concrete(run(centres, "Das Kompetenzzentrum für Robotik der Universität Kassel forscht."))


def test_plural_header_over_bullets_gives_one_centre_per_entry(centres):
    text = ("Gefördert werden ab 2025:\n\nLandeszentren:\n\n"
            "  • „Wasser – Neue Wege“ (Universität Kassel)\n"
            "  • „Boden 2030“ (Forschungsverbund Nord, Marburg)\n\n"
            "Schwerpunkte:\n  • „Luft“ (Hochschule Fulda)\n")
    sites = [m.attrs["city"] for m in run(centres, text) if m.attrs.get("site")]
    assert sites == ["Kassel", "Marburg"]


def test_site_cue_over_bullets_that_open_with_the_site(centres):
    text = ("Das neu gegründete Zentrum für Lungenmedizin (ZLM) wird fünf Partner-Standorte haben. "
            "Dabei bündeln folgende Einrichtungen ihre Arbeit:\n"
            "- Kassel/Fulda: Universität Kassel, Hochschule Fulda.\n"
            "- Gießen: Universität Gießen.\n"
            "- Trier: Universität Trier.\n"
            "Unterdessen forscht ein Konzern in Halle.")
    found = run(centres, text)
    cities = [m.attrs["city"] for m in found if m.attrs.get("site") or m.attrs["city"]]
    assert cities == ["Kassel", "Gießen", "Trier"]


def test_helmholtz_zentrum_without_hyphen_is_an_institute(centres):
    assert not concrete(run(centres, "Das Helmholtz Zentrum Kassel forscht zur Lunge."))


def test_hauptsitz_places_a_centre_named_by_adjective_and_noun(centres):
    text = "Das Kompetenzzentrum Digitales Handwerk hat seinen Hauptsitz in Kassel. Weitere Standorte sind in Fulda."
    found = run(centres, text)
    named = [m for m in concrete(found) if not m.attrs.get("site")]
    assert [(m.normalized, m.attrs["city"]) for m in named] == [("Kompetenzzentrum Digitales Handwerk", "Kassel")]
    assert [m.attrs["city"] for m in found if m.attrs.get("site")] == ["Fulda"]


def test_a_relative_clause_of_another_noun_does_not_place_the_centre(centres):
    text = ("Gefördert werden Labore, darunter Nordwind, das an der Universität in Kassel angesiedelt ist, "
            "und das KI-Lab Rhön der Hochschule.")
    (lab,) = [m for m in run(centres, text) if m.text.startswith("KI-Lab")]
    assert lab.attrs["city"] is None


def test_a_relative_clause_after_the_verb_still_places_the_centre(centres):
    text = "Die Gründerzentren sollen das «Zentrum Digitalisierung Hessen» ergänzen, das in Kassel angesiedelt ist."
    assert [m.attrs["city"] for m in concrete(run(centres, text))] == ["Kassel"]


def test_a_relative_clause_of_the_next_centre_is_not_the_first_ones(centres):
    text = ("Gefördert werden das KI-Lab Nord der Hochschule Fulda und das KI-Lab Süd, "
            "das an der Universität Gießen in Gießen angesiedelt ist.")
    cities = {m.normalized: m.attrs["city"] for m in run(centres, text)}
    assert cities == {"KI-Lab Nord": None, "KI-Lab Süd": "Gießen"}


def test_plural_header_line_without_colon_over_bullets_that_open_with_cities(centres):
    text = "Die Digitalzentren\n- Kassel (Leitung: Universität Kassel)\n- Fulda (Leitung: Hochschule)\nstarten."
    assert [m.attrs["city"] for m in run(centres, text) if m.attrs.get("site")] == ["Kassel", "Fulda"]


def test_a_centre_named_again_by_its_acronym_is_placed_by_that_sentence(centres):
    text = "Das Kompetenzzentrum Arbeit 4.0 (KAVIER) nimmt die Arbeit auf. KAVIER hat seinen Sitz in Kassel."
    found = run(centres, text)
    alias = [m for m in found if m.attrs.get("alias")]
    assert [(m.text, m.normalized, m.attrs["city"]) for m in alias] == [
        ("KAVIER", "Kompetenzzentrum Arbeit 4.0 (KAVIER)", "Kassel")]


def test_a_coined_word_of_the_name_is_an_alias_but_the_head_and_cities_are_not(centres):
    text = "Der Forschungscampus ARENA2040 in Fulda startet. ARENA2040 wächst. Der Forschungscampus in Fulda auch."
    aliases = [m.text for m in run(centres, text) if m.attrs.get("alias")]
    assert aliases == ["ARENA2040"]


@pytest.mark.parametrize("text, city", [
    ("Einer der geförderten Verbünde ist der Nordwind-Hub, der an der Universität Kassel angesiedelt ist.", "Kassel"),
    ("Die neue Energieagentur Mittelhessen hat ihren Sitz in Gießen.", "Gießen"),
    ("Das Zentrum Neue Arbeit ist an der Hochschule Fulda angesiedelt.", "Fulda"),
])
def test_hub_compounds_energy_agencies_and_host_institutions(centres, text, city):
    assert [m.attrs["city"] for m in concrete(run(centres, text))] == [city]


@pytest.mark.parametrize("text, city", [
    ("Das Deutsche Zentrum für Lungenmedizin (DZLM) mit Sitz in Gießen erhält weitere Mittel.", "Gießen"),
    # placed later by the main city or the host's city (collect_centres), not here
    ("Kassel. Das Zentrum für digitale Innovationen Hessen (ZDIH) wird gefördert. Das ZDIH erhält Geld.", None),
    ("Das Kompetenzzentrum für IT-Sicherheit an der Hochschule Darmstadt berät Betriebe.", None),
])
def test_zentrum_fuer_with_a_seat_a_host_or_named_again_as_subject_is_a_centre(centres, text, city):
    assert [m.attrs["city"] for m in concrete(run(centres, text)) if not m.attrs.get("alias")] == [city]


@pytest.mark.parametrize("text", [
    "Partner ist das Zentrum für Sozialforschung (ZSH) in Halle.",
    "Beteiligt ist das Zentrum für Logistik (ZfL) aus Kassel. Mit dem ZfL arbeitet die Uni seit Jahren.",
])
def test_zentrum_fuer_named_as_a_partner_stays_an_institute(centres, text):
    assert not concrete(run(centres, text))


@pytest.mark.parametrize("text, sites", [
    ("Das Land richtet drei KI-Zentren ein: in Kassel, in Darmstadt und in Marburg.",
     ["Kassel", "Darmstadt", "Marburg"]),
    ("Die drei neuen Gründerzentren sollen in Kassel, Darmstadt sowie in Fulda entstehen.",
     ["Kassel", "Darmstadt", "Fulda"]),
    ("In Kassel und Fulda entstehen zwei neue Kompetenzzentren.", ["Kassel", "Fulda"]),
])
def test_a_plural_placed_by_its_sentence_at_an_enumeration_of_cities(centres, text, sites):
    assert [m.attrs["city"] for m in run(centres, text) if m.attrs.get("site")] == sites


@pytest.mark.parametrize("text", [
    "Die Kompetenzzentren beraten Betriebe in Kassel und Fulda.",
    "Die Gründerzentren sollen das «Zentrum Digitalisierung Hessen» ergänzen, das in Kassel bei Fulda angesiedelt ist.",
    "Die Zentren sollen in Kassel entstehen.",
])
def test_no_sites_from_a_sentence_that_does_not_place_the_plural_at_several_cities(centres, text):
    assert not [m for m in run(centres, text) if m.attrs.get("site")]


def test_a_coined_name_listed_beside_a_named_centre_is_a_centre_of_its_kind(centres):
    text = ("Das Land fördert 16 regionale Labore, darunter NORDWIND (Daten für Automation), das an der "
            "Dualen Hochschule in Kassel angesiedelt ist, und das KI-Lab Rhön der Hochschule Fulda.")
    listed = [m for m in run(centres, text) if m.attrs.get("listed")]
    assert [(m.text, m.attrs["kind"], m.attrs["city"]) for m in listed] == [("NORDWIND", "Lab", "Kassel")]


def test_a_plain_word_before_a_listed_centre_is_no_centre(centres):
    text = "Gefördert werden darunter Projekte, Studien und das KI-Lab Rhön in Fulda."
    assert not [m for m in run(centres, text) if m.attrs.get("listed")]


def test_site_cue_over_bullets_without_cities_falls_back_to_the_city_before_the_cue(centres):
    text = ("Die Universität in Kassel ist Standort für das Kompetenzzentrum Digitales Bauen. Dazu gehören:\n"
            "- Beratung für Betriebe\n- Schulungen\n")
    named = [m for m in run(centres, text) if m.text.startswith("Kompetenzzentrum")]
    assert [m.attrs["city"] for m in named] == ["Kassel"]


def test_zentrum_fuer_with_its_acronym_and_its_sites_is_a_centre_with_sites(centres):
    text = "Das Deutsche Zentrum für Lungenmedizin (DZLM) hat drei Standorte: Gießen, Kassel und Fulda."
    found = run(centres, text)
    assert [m.attrs["city"] for m in found if m.attrs["city"]] == ["Gießen", "Kassel", "Fulda"]


def test_a_head_named_as_a_programme_is_no_centre(centres):
    text = "Der Antrag gewann im Wettbewerb „Forschungscampus – Partnerschaft für Innovation“ in Kassel."
    assert not concrete(run(centres, text))


def test_an_enumeration_of_sites_reads_past_each_entrys_note(centres):
    text = ("Die neuen KI-Labs in Kassel (Leitung: Universität Kassel), Fulda (Leitung: Hochschule Fulda) "
            "und Gießen (Leitung: Universität Gießen) starten.")
    assert [m.attrs["city"] for m in run(centres, text) if m.attrs.get("site")] == ["Kassel", "Fulda", "Gießen"]


def test_a_site_from_an_enumeration_keeps_its_entrys_note_for_the_host(centres):
    text = "Die neuen KI-Labs in Kassel (Leitung: Universität Kassel) und Fulda (Leitung: Hochschule Fulda) starten."
    sites = {m.attrs["city"]: m.attrs.get("entry") for m in run(centres, text) if m.attrs.get("site")}
    assert {city: text[s:e] for city, (s, e) in sites.items()} == {
        "Kassel": "Kassel (Leitung: Universität Kassel)", "Fulda": "Fulda (Leitung: Hochschule Fulda)"}


def test_a_plural_name_ending_in_two_cities_gives_a_site_per_city(centres):
    text = "Die Mittelstand-Digital Zentren Kassel und Fulda beraten kostenlos."
    assert [m.attrs["city"] for m in run(centres, text) if m.attrs.get("site")] == ["Kassel", "Fulda"]


def test_a_bare_brand_listed_beside_a_centre_is_no_centre(centres):
    text = "Beteiligt sind darunter SAPX in Kassel und das KI-Lab Rhön in Fulda."
    assert not [m for m in run(centres, text) if m.attrs.get("listed")]


def test_common_abbreviations_and_their_compounds_are_no_aliases(centres):
    text = ("Das Kompetenzzentrum IT-Sicherheit NRW (KITS) in Kassel startet. In NRW wächst die "
            "IT-Sicherheit in Fulda. KITS berät.")
    assert [m.text for m in run(centres, text) if m.attrs.get("alias")] == ["KITS"]


def test_site_entries_that_open_with_a_town_or_name_a_seat_give_their_city():
    from extract import analyse_text

    text = ("Das Land fördert drei regionale Transferzentren mit jeweils 1,5 Millionen Euro.\n\n"
            "Die Jury hat folgende Standorte ausgewählt:\n\n"
            "- Stadt Detmold (Leitung: Hochschule Detmold)\n"
            "- Kreis Soest mit Sitz in Lippstadt (Leitung: Hochschule Hamm-Lippstadt)\n"
            "- Bielefeld (Leitung: Universität Bielefeld)\n")
    assert sorted(r["city"] for r in analyse_text(text)["centres"]) == ["Bielefeld", "Detmold", "Lippstadt"]


def test_english_lab_and_campus_names_are_centres_but_a_university_campus_is_not():
    from extract import analyse_text

    def centres(text):
        return [(r["centre"], r["city"]) for r in analyse_text(text)["centres"]]

    assert centres("In Potsdam nimmt das „Smart Water Lab“ (SWL) seine Arbeit auf.") == \
        [("Smart Water Lab", "Potsdam")]
    assert centres("Kassel. In Nordhessen entsteht mit dem „Circular Economy Campus“ ein neuer Ort.") == \
        [("Circular Economy Campus", "Kassel")]
    assert centres("Auf dem Hochschulcampus in Ulm wird gebaut. Der Campus der Universität wächst.") == []


def _centres_of(text):
    from extract import analyse_text

    return sorted((r["centre"], r["city"]) for r in analyse_text(text)["centres"])


def test_a_city_in_parentheses_after_the_name_is_the_seat_not_an_acronym():
    text = ("Der Freistaat fördert zwei regionale Transferhubs:\n\n"
            "- KI-Transferhub Nordhessen (Kassel) – Federführung: Universität Kassel\n"
            "- KI-Transferhub Osthessen (Fulda) – Federführung: Hochschule Fulda\n")
    assert _centres_of(text) == [("KI-Transferhub Nordhessen", "Kassel"), ("KI-Transferhub Osthessen", "Fulda")]


def test_a_quoted_name_that_holds_a_city_is_placed_there():
    text = ("Mit dem „Textile Prototyping Lab Gera“ entsteht ein Ort für Ausgründungen. Getragen wird das Lab "
            "von der Hochschule Zwickau; Partner aus Jena bringen Know-how ein.")
    assert _centres_of(text) == [("Textile Prototyping Lab Gera", "Gera")]


def test_a_located_verb_after_a_semicolon_places_another_thing_not_the_centre():
    text = ("Die Hochschule Trier koordiniert das neue „Kompetenzzentrum Holzbau Digital“ (KoHD). "
            "Die Geschäftsstelle des Zentrums sitzt in der Hochschule Trier; in Koblenz entsteht ein Prüfstand.")
    assert [city for _, city in _centres_of(text)] != ["Koblenz"]


def test_a_quoted_zentrum_fuer_name_with_an_acronym_is_a_centre():
    text = ("Fulda. Die Hochschule Fulda baut ein landesweites „Hessisches Zentrum für Digitale Pflege“ (HZDP) auf. "
            "Das Land fördert das Zentrum mit 3,6 Mio. Euro.")
    assert _centres_of(text) == [("Hessisches Zentrum für Digitale Pflege (HZDP)", "Fulda")]


def test_closed_hub_compounds_are_centres_but_schub_words_are_not():
    assert _centres_of("Der Transformationshub Zulieferindustrie in Trier startet. ") == \
        [("Transformationshub Zulieferindustrie", "Trier")]
    assert _centres_of("Der Innovationsschub in Trier ist groß.") == []
    assert _centres_of("Mit dem SmartHub Trier hat das Projekt einen festen Ort.") == [("SmartHub Trier", "Trier")]


def test_a_closed_campus_compound_is_a_place_not_a_centre():
    assert _centres_of("Eine Außenstelle wird im Pflegecampus Anklam eingerichtet.") == []


def test_a_zentrum_fuer_introduced_by_a_founding_verb_is_a_centre_an_institute_is_not():
    assert _centres_of("In Kassel entsteht ein Zentrum für Wasserstofftechnik. Das Zentrum erhält 3 Mio. Euro.") == \
        [("Zentrum für Wasserstofftechnik", "Kassel")]
    assert _centres_of("Das Zentrum für Molekulare Medizin der Universität Kassel forscht an Proteinen.") == []


def test_a_bullet_entry_that_names_its_own_centre_is_not_a_site_of_the_plural():
    from extract import analyse_text

    text = ("Der Freistaat fördert zwei regionale Transferhubs:\n\n"
            "- KI-Transferhub Nordhessen (Kassel) – Federführung: Universität Kassel; Partner: IHK Kassel-Marburg\n"
            "- KI-Transferhub Osthessen (Fulda) – Koordination: Hochschule Fulda; Partner: Stadt Fulda\n")
    rows = analyse_text(text)["centres"]
    assert sorted((r["city"], r["lead_partner"]) for r in rows) == \
        [("Fulda", "Hochschule Fulda"), ("Kassel", "Universität Kassel")]


def test_a_site_cue_lists_the_cities_of_its_own_clause_only():
    text = ("Kassel. Die Energieagentur Nordhessen gGmbH ist gegründet. Die Agentur hat ihren Sitz in Kassel "
            "und nimmt im Frühjahr den Betrieb auf; Sprechstunden sind in Fulda und Marburg geplant.")
    assert [city for _, city in _centres_of(text)] == ["Kassel"]


def test_sections_place_each_centre_by_an_opening_in_city_or_its_lead_in_the_same_sentence():
    text = ("Drei neue Landeszentren.\n\nQuanten\nDas „Kompetenzzentrum Quantenoptik Hessen“ (KQH) entsteht unter "
            "Federführung der Universität Marburg. Das Land stellt 4,5 Millionen Euro bereit.\n\n"
            "Klima\nIn Kassel erhält das „Zentrum für Klimafolgen in Stadt und Land“ (ZKSL) 2,9 Millionen Euro.\n")
    assert sorted(city for _, city in _centres_of(text)) == ["Kassel", "Marburg an der Lahn"]


def test_a_klimaagentur_is_an_energy_agency_centre():
    text = "Die Klimaagentur Nordkreis hat ihre Büros in Kassel bezogen."
    assert _centres_of(text) == [("Klimaagentur Nordkreis", "Kassel")]
