"""The temporal component on short texts: MONEY, DATE, PERIOD mentions and doc._.published."""
import pytest
import spacy

from extract import components, extensions  # noqa: F401  (registers the factories)
from extract.pipeline import analyse


@pytest.fixture(scope="module")
def temporal():
    extensions.register()
    nlp = spacy.blank("de")
    nlp.add_pipe("extract_init")
    nlp.add_pipe("extract_temporal")
    return nlp


def run(nlp, text, published=None):
    doc = analyse(nlp, text, published=published)
    for m in doc._.mentions:
        assert doc._.text[m.start:m.end] == m.text
    return doc


def of(doc, label):
    return [m for m in doc._.mentions if m.label == label]


@pytest.mark.parametrize("text, span, euros, extra", [
    ("Der Bund gibt 3,6 Mio. Euro.", "3,6 Mio. Euro", 3_600_000, {}),
    ("Es fließen 4,6 Millionen Euro.", "4,6 Millionen Euro", 4_600_000, {}),
    ("Bis zu 290 Mio. € stehen bereit.", "290 Mio. €", 290_000_000, {"qualifier": "bis zu"}),
    ("Das Land zahlt rund 800.000 Euro.", "800.000 Euro", 800_000, {"qualifier": "rund"}),
    ("Ein Bescheid über knapp eine Million Euro.", "eine Million Euro", 1_000_000, {"qualifier": "knapp"}),
    ("Mit knapp einer Million Euro startet es.", "einer Million Euro", 1_000_000, {"qualifier": "knapp"}),
    ("Es erhält EUR 3 Mio. dafür.", "EUR 3 Mio.", 3_000_000, {}),
    ("Hinzu kommen € 2,5 Millionen.", "€ 2,5 Millionen", 2_500_000, {}),
    ("Die Kammer erhält bis zu 800 000 Euro.", "800 000 Euro", 800_000, {"qualifier": "bis zu"}),
    ("Es sind 1,5 Mrd. Euro.", "1,5 Mrd. Euro", 1_500_000_000, {}),
    ("Das Land gibt jährlich drei Millionen Euro.", "drei Millionen Euro", 3_000_000, {"per": "year"}),
    ("Die Grundfinanzierung von 300.000 Euro pro Jahr.", "300.000 Euro", 300_000, {"per": "year"}),
])
def test_money(temporal, text, span, euros, extra):
    (m,) = of(run(temporal, text), "MONEY")
    assert (m.text, m.normalized, m.attrs) == (span, str(euros), {"amount_eur": euros, **extra})
    assert m.rule.startswith("money.")


@pytest.mark.parametrize("text", [
    "Es gibt 26 Kompetenzzentren und 100 Professuren.",
    "Die Firma hat keine Million Kunden, aber 100Prozent Einsatz.",
])
def test_no_money_without_currency(temporal, text):
    assert of(run(temporal, text), "MONEY") == []


@pytest.mark.parametrize("text, span, iso", [
    ("Am 15. Januar 2021 wurde eröffnet.", "15. Januar 2021", "2021-01-15"),
    ("Die Sitzung war am 1.7.2018 in Kiel.", "1.7.2018", "2018-07-01"),
    ("Die Strategie von Juli 2020 gilt.", "Juli 2020", "2020-07"),
    ("Eine Umfrage im Jahr 2019 ergab das.", "2019", "2019"),
])
def test_dates(temporal, text, span, iso):
    (m,) = of(run(temporal, text), "DATE")
    assert (m.text, m.normalized) == (span, iso)


@pytest.mark.parametrize("text", [
    "Industrie 4.0 und Wirtschaft 4.0 in 39106 Magdeburg.",
    "Telefon 0391 2020 123, rund 2019 Besucher kamen.",
    "Das Unternehmen hat 2020 Mitarbeiter.",
])
def test_no_dates_in_numbers(temporal, text):
    doc = run(temporal, text)
    assert of(doc, "DATE") == [] and of(doc, "PERIOD") == []


@pytest.mark.parametrize("text, span, start, end, months, kind", [
    ("Die erste Förderphase von 2018 bis 2020 ist vorbei.", "von 2018 bis 2020", "2018-01", "2020-12", 36,
     "phase"),
    ("Das Land fördert das Zentrum 2018-2020.", "2018-2020", "2018-01", "2020-12", 36, "funding"),
    ("Gefördert wird vom 1. Juli 2018 bis 30. Juni 2021.", "vom 1. Juli 2018 bis 30. Juni 2021", "2018-07",
     "2021-06", 36, "funding"),
    ("Die Laufzeit: 01.07.2018 – 30.06.2021.", "01.07.2018 – 30.06.2021", "2018-07", "2021-06", 36,
     "funding"),
    ("Das Projekt wird bis Ende 2022 verlängert.", "bis Ende 2022", None, "2022-12", None, "funding"),
    ("Es wird bis Ende Juli 2020 gefördert.", "bis Ende Juli 2020", None, "2020-07", None, "funding"),
    ("Die Förderung läuft bis 2020.", "bis 2020", None, "2020-12", None, "funding"),
    ("Die Förderung läuft bis Juni 2024. Anträge sind gestellt.", "bis Juni 2024", None, "2024-06", None,
     "funding"),
    ("Das Zentrum soll bis Herbst 2023 fertig sein.", "bis Herbst 2023", None, "2023-09", None, "phase"),
    ("Skizzen können bis zum 23.12.2016 eingereicht werden.", "bis zum 23.12.2016", None, "2016-12", None,
     "deadline"),
    ("Ab 1. Januar 2020 wird das Zentrum gefördert.", "Ab 1. Januar 2020", "2020-01", None, None, "funding"),
    ("Das Zentrum berät seit 2018 Firmen.", "seit 2018", "2018-01", None, None, "other"),
    ("Das Land fördert es in den kommenden drei Jahren.", "in den kommenden drei Jahren", None, None, 36,
     "funding"),
    ("Die Förderung hat eine Laufzeit von drei Jahren.", "Laufzeit von drei Jahren", None, None, 36,
     "funding"),
    ("Das Projekt wird über drei Jahre gefördert.", "über drei Jahre", None, None, 36, "funding"),
    ("Die Förderdauer beträgt 30 Monate.", "beträgt 30 Monate", None, None, 30, "funding"),
    ("Für die dreijährige Laufzeit gibt es Geld.", "dreijährige Laufzeit", None, None, 36, "funding"),
])
def test_periods(temporal, text, span, start, end, months, kind):
    doc = run(temporal, text)
    (m,) = of(doc, "PERIOD")
    assert m.text == span
    assert m.attrs == {"start": start, "end": end, "duration_months": months, "kind": kind}
    assert of(doc, "DATE") == []  # dates inside a span are not repeated


@pytest.mark.parametrize("text", [
    "In den vergangenen drei Jahren wurden 120 Firmen beraten.",
    "Sie hat über 20 Jahre Erfahrung im Mittelstand.",
    "Walhalla: eine Büste für Strauß (1915–1988).",
])
def test_no_period(temporal, text):
    assert of(run(temporal, text), "PERIOD") == []


def test_relative_span_against_publication_date(temporal):
    doc = run(temporal, "Das Land fördert das Zentrum in den kommenden drei Jahren.", published="2022-12-19")
    assert of(doc, "PERIOD")[0].attrs["start"] == "2022-12" and of(doc, "PERIOD")[0].attrs["end"] == "2025-11"


def test_further_years_follow_the_stated_end(temporal):
    text = ("Der Bund fördert das Zentrum für zwei weitere Jahre. Nach der ersten Förderphase von 2018 bis "
            "2020 wird es bis Ende 2022 verlängert.")
    spans = {m.text: m.attrs for m in of(run(temporal, text), "PERIOD")}
    assert spans["für zwei weitere Jahre"]["start"] == "2021-01"
    assert spans["für zwei weitere Jahre"]["end"] == spans["bis Ende 2022"]["end"] == "2022-12"
    assert spans["von 2018 bis 2020"]["duration_months"] == 36


def test_further_years_follow_an_earlier_phase(temporal):
    text = "Die Förderphase lief von 2018 bis 2020. Nun wird das Zentrum für zwei weitere Jahre gefördert."
    spans = {m.text: m.attrs for m in of(run(temporal, text), "PERIOD")}
    assert (spans["für zwei weitere Jahre"]["start"], spans["für zwei weitere Jahre"]["end"]) == (
        "2021-01", "2022-12")


PUBLISHED = [
    # a teaser glued to its date, then the article's own dateline opening the body
    ("Umfrage begonnen\n7. Dezember 2020Bremerhaven begrüßt neue Busse\n15. Januar 2021Das Ministerium "
     "fördert das Zentrum für zwei weitere Jahre. " + "Das Zentrum berät Betriebe in der ganzen Region. " * 4,
     "2021-01-15"),
    ("Branchennews\n08.11.2017\n\nStart für das Zentrum\nDas Ministerium hat es gestartet.", "2017-11-08"),
    ("Mi., 29.06.2016 , 08:45 Uhr\n\nKabinett beschließt Zentren\n\nDas könnte Dich auch interessieren\n\n"
     "23.09.2025 Ein anderer Artikel über etwas anderes, der hier nur angerissen wird und weiter geht.",
     "2016-06-29"),
    ("Berlin, 12. März 2019 – Das Bundesministerium fördert das Zentrum.", "2019-03-12"),
    ("Presse\nPressemitteilung vom 12.03.2019\nDas Zentrum ist eröffnet.", "2019-03-12"),
    ("Vereinsmitteilung – 19.12.2022\n\n2,2 Millionen Euro Förderung", "2022-12-19"),
    ("Foto: Land\n04.05.2020 | 06:40 Uhr\n1,7 Millionen Euro gibt es für das Zentrum.", "2020-05-04"),
    # the issuer, then the date closing the line: at the end of the release or in its header
    ("Das Zentrum ist eröffnet.\n\nMinisterium für Wirtschaft und Energie des Landes Brandenburg, 3. Mai 2021\n",
     "2021-05-03"),
    ("Hochschule Emden · Presseinformation Nr. 12 · 14.02.2022\n\nDas Zentrum ist eröffnet.", "2022-02-14"),
    ("Das Zentrum ist eröffnet.\nStadt Leer – Pressestelle, 09.10.2023\n", "2023-10-09"),
]


@pytest.mark.parametrize("text, iso", PUBLISHED)
def test_published_from_dateline(temporal, text, iso):
    doc = run(temporal, text)
    assert doc._.published == iso
    assert [m.normalized for m in of(doc, "DATE") if m.attrs.get("published")] == [iso]


@pytest.mark.parametrize("text", [
    "Das Ministerium hat am 12. März 2019 das Zentrum eröffnet.",  # a date in the running text
    "date 2019-01 Das Ministerium hat die Bescheide übergeben.",  # month only
    "Der Minister überreichte heute (21. Januar) den Bescheid.",  # no year
    "WEITERE NEWS\nEin Artikel\n15.10.24\nNoch einer\n01.10.24\nUnd noch einer\n25.09.24",  # teaser list
    "Die Stadt Leer fördert das Zentrum. Die Frist endet am 3. Mai 2021",  # a sentence ending in a date
])
def test_no_published_without_dateline(temporal, text):
    assert run(temporal, text)._.published is None


def test_published_hint_kept_without_dateline(temporal):
    doc = run(temporal, "Das Zentrum ist eröffnet worden.", published="2020-02-03")
    assert doc._.published == "2020-02-03"


def test_dateline_overrides_hint(temporal):
    doc = run(temporal, "08.11.2017\nDas Zentrum ist eröffnet worden.", published="2020-02-03")
    assert doc._.published == "2017-11-08"


def test_day_month_takes_year_from_publication_date(temporal):
    doc = run(temporal, "Das Zentrum hat am 1. November die Arbeit aufgenommen.", published="2017-11-01")
    (m,) = of(doc, "DATE")
    assert (m.normalized, m.attrs.get("year_from")) == ("2017-11-01", "published")
    assert of(run(temporal, "Das Zentrum hat am 1. November begonnen."), "DATE") == []


def test_sentence_splitter_is_shared_with_later_components(temporal):
    from spacy.tokens import Doc

    if not Doc.has_extension("sentences"):
        pytest.skip("no doc._.sentences extension")
    doc = run(temporal, "Das Zentrum wird von 2020 bis 2022 gefördert. Es sitzt in Kiel.")
    assert doc._.sentences is not None
    assert doc._.sentences.span(0) == (0, 45)


def test_a_date_line_with_a_short_label_after_it_is_the_dateline():
    from extract import analyse_text

    text = "12.03.2019 | Pressemitteilung\nDas Kompetenzzentrum in Kiel startet heute mit seiner Arbeit."
    assert analyse_text(text)["documents"][0]["published"] == "2019-03-12"


@pytest.mark.parametrize("text, published", [
    ("Titel\n\n22. Oktober 2021 | Behörde für Wirtschaft und Innovation\n\nDie Behörde fördert das Zentrum.",
     "2021-10-22"),
    ("Ministerium\n\nPresseinformation Nr. 148/2019 | Schwerin, den 21. August 2019\n\nDrei Zentren starten.",
     "2019-08-21"),
    ("KI-Hub startet\nKategorie: Wirtschaft | 18.02.2020 | Lesedauer: 3 Min.\n\nDas Land fördert den Hub.",
     "2020-02-18"),
    ("Titel\nVeröffentlicht: 3. Mai 2021 · Lesezeit 2 Minuten\n\nDas Zentrum in Kiel startet.", "2021-05-03"),
    ("Titel\nChemnitz (dpa/sn) – 3. Mai 2021 Das Zentrum in Chemnitz startet heute.", "2021-05-03"),
    ("Das Zentrum startet am 1. Juli 2020\nMehr dazu später.", ""),
])
def test_datelines_between_page_labels(text, published):
    from extract import analyse_text

    assert analyse_text(text)["documents"][0]["published"] == published


# Date lines of the page furniture (issue 10, class 6); every text here is written for the test.
FURNITURE = [
    ("Titel\nMarch 3, 2021\nDas Zentrum in Kiel startet mit seiner Arbeit.", "2021-03-03"),
    ("Titel\nThursday, 3 March 2021\nDas Zentrum in Kiel startet.", "2021-03-03"),
    ("Titel\nPublished on 12 March 2021\nDas Zentrum in Kiel startet.", "2021-03-12"),
    ("Titel\nJuly 23, 2013, Nr. 56\nDas Zentrum in Kiel startet.", "2013-07-23"),
    ("Titel\n05.07.2021Ministerium für Wirtschaft und Arbeit\n\nDas Land fördert das Zentrum.", "2021-07-05"),
    ("Titel\n\nDas Zentrum in Kiel startet.\n\nLandesregierung Schleswig-Holstein 12.03.2021", "2021-03-12"),
    ("Titel\nZuletzt aktualisiert: 12.03.2021\nDas Zentrum.", "2021-03-12"),
    ("Dresden, 12. März 2021. Das Land fördert das Zentrum in Dresden mit zwei Millionen Euro.", "2021-03-12"),
    ("Titel\nPressemitteilung Nr. 123/2021 vom 12.03.2021\nDas Zentrum in Kiel startet.", "2021-03-12"),
    ("Titel\n12.03.2021 / Pressemitteilung\nDas Zentrum in Kiel startet.", "2021-03-12"),
    ("Titel\n12.03.2021 | Wirtschaft | Pressemitteilung\nDas Zentrum in Kiel startet.", "2021-03-12"),
    ("Titel\nvon Max Muster | 12.03.2021\nDas Zentrum in Kiel startet.", "2021-03-12"),
    ("Titel\nMontag, 12. März 2021 um 10:00 Uhr\nDas Zentrum in Kiel startet.", "2021-03-12"),
    ("Titel\nDas Zentrum in Kiel startet.\n\nQuelle: Ministerium für Wirtschaft, 12.03.2021", "2021-03-12"),
    ("Titel\nNews 12.03.2021\nDas Zentrum in Kiel startet.", "2021-03-12"),  # a label glued to no digit
    ("Titel\nVeröffentlicht am 12. März 2021 von Max Muster\nDas Zentrum in Kiel startet.", "2021-03-12"),
    ("Titel\nMontag, 12.03.2021 – 10:15\nDas Zentrum in Kiel startet.", "2021-03-12"),
    ("Startseite | Presse | Pressemitteilung vom 12.03.2021\nDas Zentrum in Kiel startet.", "2021-03-12"),
    ("date 2021-03-12 Kiel. Das Zentrum in Kiel startet.", "2021-03-12"),
]


@pytest.mark.parametrize("text, published", FURNITURE)
def test_date_lines_of_the_page_furniture(text, published):
    from extract import analyse_text

    assert analyse_text(text)["documents"][0]["published"] == published


@pytest.mark.parametrize("text", [
    "Titel\nAnmeldeschluss: 12.03.2021\nDas Zentrum.",
    "Titel\nProjektbeginn: 01.01.2020\nDas Zentrum.",
    "Titel\nProjektstart: 01.01.2020\nDas Zentrum.",
    "Titel\nDie Frist endet am Freitag, 12.03.2021\nDas Zentrum.",
    "Titel\nTermin: Donnerstag, 12.03.2021\nDas Zentrum.",
    "Titel\n12.03.2021 Universität Kiel eröffnet ein neues Zentrum\nDas Zentrum.",  # a teaser headline
    "Titel\nDie Feier war in Dresden, 12. März 2021. Das Zentrum ist offen.",  # a sentence, not a place
])
def test_deadline_and_event_lines_are_not_the_publication_date(text):
    from extract import analyse_text

    assert analyse_text(text)["documents"][0]["published"] == ""


# A start plus a length, a length with a stated end, a relative end (issue 10, class 7).
COMPOSED = [
    ("Das Land fördert das Zentrum ab 1. März 2016 für drei Jahre.", None, ("2016-03", "2019-02", 36)),
    ("Ab 1. Januar 2018 erhält das Zentrum Fördermittel für die Laufzeit von vier Jahren:", None,
     ("2018-01", "2021-12", 48)),
    ("Das Projekt startet am 1. April 2021 und hat eine Laufzeit von drei Jahren.", None, ("2021-04", "2024-03", 36)),
    ("Die dreijährige Förderung beginnt im Januar 2021.", None, ("2021-01", "2023-12", 36)),
    ("Das Vorhaben startete im Oktober 2019 und läuft drei Jahre.", None, ("2019-10", "2022-09", 36)),
    ("Das Projekt läuft seit Januar 2020 und ist auf drei Jahre angelegt.", None, ("2020-01", "2022-12", 36)),
    ("Das Zentrum wird für fünf Jahre mit 3 Millionen Euro gefördert. Der Startschuss für das Zentrum fiel am "
     "1. November 2012.", None, ("2012-11", "2017-10", 60)),
    ("Die Laufzeit des Projekts beträgt drei Jahre bis Ende 2023.", None, ("2021-01", "2023-12", 36)),
    ("Die Projektlaufzeit: 36 Monate.", None, (None, None, 36)),
    ("Das Projekt ist auf vier Jahre angelegt und wird vom Land gefördert.", "2020-05-04", ("2020-05", "2024-04", 48)),
    ("Die Förderung läuft bis Ende des kommenden Jahres.", "2020-05-04", (None, "2021-12", None)),
    ("Die Förderung läuft bis Ende nächsten Jahres.", "2020-05-04", (None, "2021-12", None)),
    ("Das Zentrum wird bis zum Jahresende gefördert.", "2020-05-04", (None, "2020-12", None)),
    ("Die Förderung endet im nächsten Jahr.", "2020-05-04", (None, "2021-12", None)),
    ("Für die Jahre 2020 und 2021 stehen jeweils 3 Millionen Euro im Haushalt bereit.", None,
     ("2020-01", "2021-12", 24)),
    ("Das Verbundprojekt startet jetzt. Es wird in den nächsten fünf Jahren von der Universität koordiniert.",
     "2020-12-01", ("2020-12", "2025-11", 60)),
    ("Das Projekt wird bis zum Jahr 2025 gefördert.", None, (None, "2025-12", None)),
    ("Die Förderung läuft Ende 2025 aus.", None, (None, "2025-12", None)),
    ("Die Förderung endet im Dezember 2025.", None, (None, "2025-12", None)),
    ("Das Projekt wird drei Jahre lang gefördert.", None, (None, None, 36)),
    ("Die Förderung wurde um zwei Jahre verlängert.", None, (None, None, 24)),
    ("Das Projekt startete 2019 und endet 2022.", None, ("2019-01", "2022-12", 48)),
    ("Die Laufzeit beträgt 36 Monate (01.01.2021 – 31.12.2023).", None, ("2021-01", "2023-12", 36)),
    ("Das Zentrum wird ab dem Jahr 2021 für drei Jahre gefördert.", None, ("2021-01", "2023-12", 36)),
]


@pytest.mark.parametrize("text, published, span", COMPOSED)
def test_spans_composed_from_a_start_an_end_and_a_length(temporal, text, published, span):
    doc = run(temporal, text, published=published)
    found = {(m.attrs["start"], m.attrs["end"], m.attrs["duration_months"]) for m in of(doc, "PERIOD")
             if m.attrs["kind"] in ("funding", "phase")}
    assert found == {span}


def test_an_extension_follows_the_earlier_phase(temporal):
    text = "Die erste Förderphase lief von 2018 bis 2020. Die Förderung wurde um zwei Jahre verlängert."
    spans = {m.text: m.attrs for m in of(run(temporal, text), "PERIOD")}
    assert (spans["um zwei Jahre"]["start"], spans["um zwei Jahre"]["end"]) == ("2021-01", "2022-12")


def test_a_relative_end_needs_the_publication_date(temporal):
    assert of(run(temporal, "Die Förderung läuft bis Ende des Jahres."), "PERIOD") == []


@pytest.mark.parametrize("text, published", [
    ("Skizzen sind bis zum 1. März 2020 einzureichen. Das Projekt ist auf drei Jahre angelegt.", None),
    ("Seit 2015 berät das Zentrum Firmen. Nun wird es für drei Jahre gefördert.", None),
    ("Die Jahre 2018 und 2020 waren gute Jahre für das Zentrum.", None),
])
def test_no_start_or_end_from_deadlines_past_starts_or_unrelated_years(temporal, text, published):
    doc = run(temporal, text, published=published)
    lengths = [m for m in of(doc, "PERIOD") if m.attrs["duration_months"]]
    assert all(m.attrs["start"] is None and m.attrs["end"] is None for m in lengths)
    assert [m for m in of(doc, "PERIOD") if m.rule == "period.range_connector"] == []


@pytest.mark.parametrize("text, kind", [
    ("Das Zentrum ist bis Ende 2025 finanziell abgesichert.", "funding"),
    ("Die Agentur ist zunächst auf drei Jahre befristet.", "funding"),
    ("Die Initiative ist auf fünf Jahre ausgelegt.", "funding"),
    ("Das Cluster wird über sieben Jahre unterstützt.", "funding"),
    ("Das Programm wird bis 2027 fortgesetzt.", "funding"),
    ("Der Forschungsbau entsteht bis 2025.", "phase"),
])
def test_a_centre_that_is_secured_or_limited_for_a_time_has_a_funding_span(temporal, text, kind):
    (m,) = of(run(temporal, text), "PERIOD")
    assert m.attrs["kind"] == kind


def test_a_start_word_by_a_since_date_outranks_the_publication_date(temporal):
    text = ("Gefeiert wurde der Start der seit dem 1. Juli 2013 laufenden Projekte. Sie werden über die "
            "nächsten fünf Jahre gefördert.")
    (m,) = [m for m in of(run(temporal, text, published="2013-09-20"), "PERIOD") if m.attrs["duration_months"]]
    assert (m.attrs["start"], m.attrs["end"]) == ("2013-07", "2018-06") and "start_from" not in m.attrs


def test_a_length_counted_from_the_publication_date_says_so(temporal):
    (m,) = of(run(temporal, "Das Land fördert es in den kommenden drei Jahren.", published="2022-12-19"), "PERIOD")
    assert (m.attrs["start"], m.attrs["start_from"]) == ("2022-12", "published")


@pytest.mark.parametrize("text, span", [
    ("Einsendeschluss ist der 15. März 2021.", "Einsendeschluss ist der 15. März 2021"),
    ("Bewerbungsschluss: 15.03.2021", "Bewerbungsschluss: 15.03.2021"),
    ("Stichtag für die Anträge ist der 30. Juni 2021.", "Stichtag für die Anträge ist der 30. Juni 2021"),
    ("Die Bewerbungsfrist für die Förderung endet am Freitag, 30. Juni 2021.", "endet am Freitag, 30. Juni 2021"),
])
def test_a_deadline_named_before_its_date_needs_no_bis(temporal, text, span):
    (m,) = of(run(temporal, text), "PERIOD")
    assert (m.text, m.attrs["kind"]) == (span, "deadline")


@pytest.mark.parametrize("text", ["Der Beschluss vom 15. März 2021 gilt.",
                                  "Nach Abschluss am 15. März 2021 feierten sie."])
def test_a_decision_or_completion_date_is_no_deadline(temporal, text):
    assert of(run(temporal, text), "PERIOD") == []


def test_many_spans_cost_time_linear_in_the_text(temporal):
    import time

    sentence = "Das Projekt läuft ab 1. März 2016 für drei Jahre und endet bis Ende 2019. "
    times = []
    for n in (500, 4000):
        started = time.process_time()
        run(temporal, sentence * n)
        times.append(time.process_time() - started)
    # 8× the text in well under 8²× the time (each span reads only its neighbouring sentences)
    assert times[1] < 20 * max(times[0], 0.01)


def test_a_planned_completion_is_a_phase_span():
    from extract import analyse_text

    rows = analyse_text("Der Neubau des Gründerzentrums in Eberswalde kostet 6 Millionen Euro. Die "
                        "Fertigstellung ist bis Ende 2026 geplant.")["periods"]
    assert [(r["end"], r["kind"]) for r in rows] == [("2026-12", "phase")]


@pytest.mark.parametrize("text, expected", [
    ("Für eine erste Förderperiode von fünf Jahren ab Januar 2025 stehen 12,8 Millionen Euro bereit.",
     ("2025-01", "2029-12", 60)),
    ("Die Förderphase von drei Jahren beginnt im März.", (None, None, 36)),
])
def test_a_phase_or_period_word_with_a_length_is_a_duration(text, expected):
    from extract import analyse_text

    assert [(p["start"], p["end"], p["duration_months"]) for p in analyse_text(text)["periods"]] == [expected]


def test_for_the_first_years_is_a_duration():
    from extract import analyse_text

    periods = analyse_text("Das Land fördert den Campus für die ersten fünf Jahre.")["periods"]
    assert [p["duration_months"] for p in periods] == [60]
