"""Which city keys a centre and which sum and end are its own (issue 10, classes 4 and 5);
on hand-made mentions, like test_relations."""
from __future__ import annotations

from extract.model import Mention
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


def all_triggers(text):
    """The cues the relations component feeds build_facts: partner cues and centre-fact cues."""
    from extract.relations import Trigger
    from extract.rules import load_rules

    rules = load_rules()
    found = [Trigger(m.start(), m.end(), r.kind, r.id, r.value == "implied")
             for source in ("relations", "centre_facts")
             for r in rules.patterns_for("TRIGGER", file=source) for m in r.compile().finditer(text)]
    return sorted(found, key=lambda t: t.start)


def test_each_clause_gives_its_sum_to_the_centre_of_its_city():
    text = ("Gefördert werden das KI-Lab Nord in Kiel und das KI-Lab Süd in Ulm. "
            "Nach Kiel fließen rund 190.000 Euro, nach Ulm rund 199.000 Euro.")
    ms = [mention(text, "CENTRE", "KI-Lab Nord", city="Kiel"), mention(text, "CENTRE", "KI-Lab Süd", city="Ulm"),
          mention(text, "CITY", "Kiel"), mention(text, "CITY", "Ulm"),
          mention(text, "CITY", "Kiel", nth=1), mention(text, "CITY", "Ulm", nth=1),
          mention(text, "MONEY", "190.000 Euro", amount_eur=190000),
          mention(text, "MONEY", "199.000 Euro", amount_eur=199000)]
    rows = build_facts(text, ms, all_triggers(text))["centres"]
    assert {r["city"]: r["funding_eur"] for r in rows} == {"Kiel": 190000, "Ulm": 199000}


def test_two_centres_named_in_one_sentence_keep_their_clauses_sums():
    text = "Das KI-Lab Nord in Kiel erhält 190.000 Euro, das KI-Lab Süd in Ulm 199.000 Euro."
    ms = [mention(text, "CENTRE", "KI-Lab Nord", city="Kiel"), mention(text, "CENTRE", "KI-Lab Süd", city="Ulm"),
          mention(text, "MONEY", "190.000 Euro", amount_eur=190000),
          mention(text, "MONEY", "199.000 Euro", amount_eur=199000)]
    rows = build_facts(text, ms, all_triggers(text))["centres"]
    assert {r["city"]: r["funding_eur"] for r in rows} == {"Kiel": 190000, "Ulm": 199000}


def test_a_sum_for_the_plural_is_not_the_one_centres():
    text = ("Heute starten die ersten Transferzentren. "
            "Der Bund fördert erste regionale Transferzentren mit 9 Mio. Euro. "
            "Das Transferzentrum Nordlicht hat seinen Sitz in Emden.")
    ms = [mention(text, "CENTRE", "Transferzentren", plural=True, generic=True),
          mention(text, "CENTRE", "Transferzentren", nth=1, plural=True, generic=True),
          mention(text, "CENTRE", "Transferzentrum Nordlicht", city="Emden"),
          mention(text, "MONEY", "9 Mio. Euro", amount_eur=9000000)]
    facts = build_facts(text, ms, all_triggers(text))
    assert facts["centres"][0]["funding_eur"] is None
    assert facts["funding"][0]["scope"] == "programme"


def test_a_sum_for_these_projects_is_not_the_one_centres():
    text = ("Das Transferzentrum Nordlicht in Emden startet mit einem zweiten Zentrum. "
            "Der Bund fördert diese Projekte mit insgesamt 9 Mio. Euro.")
    ms = [mention(text, "CENTRE", "Transferzentrum Nordlicht", city="Emden"),
          mention(text, "MONEY", "9 Mio. Euro", amount_eur=9000000)]
    assert build_facts(text, ms, all_triggers(text))["centres"][0]["funding_eur"] is None


def test_the_exact_figure_beats_its_rounded_headline():
    text = ("Rund 4,3 Millionen Euro für das Transferzentrum Nordlicht. Das Transferzentrum Nordlicht in Emden "
            "erhält 4,27 Millionen Euro.")
    ms = [mention(text, "CENTRE", "Transferzentrum Nordlicht"),
          mention(text, "CENTRE", "Transferzentrum Nordlicht", nth=1, city="Emden"),
          mention(text, "MONEY", "4,3 Millionen Euro", amount_eur=4300000),
          mention(text, "MONEY", "4,27 Millionen Euro", amount_eur=4270000)]
    assert build_facts(text, ms, all_triggers(text))["centres"][0]["funding_eur"] == 4270000


def test_a_sum_for_das_vorhaben_in_a_programme_sentence_is_the_centres():
    text = ("Das Transferzentrum Nordlicht in Emden nimmt die Arbeit auf. "
            "Das Vorhaben wird im Rahmen des Förderprogramms Transfer mit 800.000 Euro gefördert.")
    ms = [mention(text, "CENTRE", "Transferzentrum Nordlicht", city="Emden"),
          mention(text, "MONEY", "800.000 Euro", amount_eur=800000)]
    facts = build_facts(text, ms, all_triggers(text))
    assert facts["centres"][0]["funding_eur"] == 800000


def test_an_owner_with_a_city_places_its_centre_beside_another_placed_centre():
    text = ("Gefördert werden das KI-Lab Nord der Hochschule Kiel GmbH und das KI-Lab Süd in Ulm. "
            "Das KI-Lab Süd erhält 200.000 Euro.")
    ms = [mention(text, "CENTRE", "KI-Lab Nord"), mention(text, "CENTRE", "KI-Lab Süd", city="Ulm"),
          mention(text, "CENTRE", "KI-Lab Süd", nth=1),
          mention(text, "ORG", "Hochschule Kiel GmbH", city="Kiel"),
          mention(text, "MONEY", "200.000 Euro", amount_eur=200000)]
    rows = build_facts(text, ms, all_triggers(text))["centres"]
    assert {r["city"]: r["funding_eur"] for r in rows} == {"Kiel": None, "Ulm": 200000}


def test_a_bare_placed_zentrum_keeps_the_named_centre_at_its_place_not_its_owners():
    text = ("Gefördert wird das Transferzentrum Puls der Hochschule Landau. "
            "Bei der Eröffnung in Speyer, wo das Zentrum steht, sprach die Ministerin.")
    ms = [mention(text, "CENTRE", "Transferzentrum Puls"),
          mention(text, "CENTRE", "Zentrum", city="Speyer", kind="Zentrum"),
          mention(text, "ORG", "Hochschule Landau", city="Landau")]
    assert [r["city"] for r in build_facts(text, ms, all_triggers(text))["centres"]] == ["Speyer"]


def test_a_sum_for_jedes_zentrum_goes_to_every_centre():
    text = "Es entstehen KI-Zentren in Kiel und Ulm. Jedes Zentrum erhält 2 Mio. Euro."
    ms = [mention(text, "CENTRE", "KI-Zentren", "KI-Zentrum Kiel", city="Kiel", site=True),
          mention(text, "CENTRE", "KI-Zentren", "KI-Zentrum Ulm", city="Ulm", site=True),
          mention(text, "MONEY", "2 Mio. Euro", amount_eur=2000000)]
    rows = build_facts(text, ms, all_triggers(text))["centres"]
    assert {r["city"]: r["funding_eur"] for r in rows} == {"Kiel": 2000000, "Ulm": 2000000}


def test_a_clause_ends_at_a_full_stop_the_sentence_splitter_kept():
    text = ("Das Lab Nord sitzt in Kiel. Gefördert wird auch das KI-Lab Süd der Muster GmbH. Nach Kiel fließen "
            "190.000 Euro, nach Ulm 199.000 Euro.")
    ms = [mention(text, "CENTRE", "Lab Nord", city="Kiel"), mention(text, "CENTRE", "KI-Lab Süd", city="Ulm"),
          mention(text, "CITY", "Kiel"), mention(text, "CITY", "Kiel", nth=1), mention(text, "CITY", "Ulm"),
          mention(text, "MONEY", "190.000 Euro", amount_eur=190000),
          mention(text, "MONEY", "199.000 Euro", amount_eur=199000)]
    rows = build_facts(text, ms, all_triggers(text))["centres"]
    assert {r["city"]: r["funding_eur"] for r in rows} == {"Kiel": 190000, "Ulm": 199000}


def test_a_length_counted_from_a_dated_start_gives_the_centres_end():
    text = ("Das Exzellenzcluster Hören in Kiel wird für fünf Jahre gefördert. "
            "Der Startschuss fiel am 1. November 2012. Im Juni 2012 kam die Zusage.")
    ms = [mention(text, "CENTRE", "Exzellenzcluster Hören", city="Kiel"),
          mention(text, "PERIOD", "für fünf Jahre", start=None, end=None, duration_months=60, kind="funding"),
          mention(text, "DATE", "1. November 2012", "2012-11-01", precision="day"),
          mention(text, "DATE", "Juni 2012", "2012-06", precision="month")]
    (row,) = build_facts(text, ms, all_triggers(text))["centres"]
    assert row["end"] == "2017-10"


def test_a_start_only_span_and_a_length_give_the_centres_end():
    text = "Ab 1. Januar 2018 erhält das LOEWE-Zentrum Nord in Kiel Mittel für die Laufzeit von vier Jahren."
    ms = [mention(text, "CENTRE", "LOEWE-Zentrum Nord", city="Kiel"),
          mention(text, "PERIOD", "Ab 1. Januar 2018", start="2018-01", end=None, duration_months=None,
                  kind="funding"),
          mention(text, "PERIOD", "Laufzeit von vier Jahren", start=None, end=None, duration_months=48,
                  kind="funding")]
    (row,) = build_facts(text, ms, all_triggers(text))["centres"]
    assert row["end"] == "2021-12"


def test_a_length_without_a_stated_start_gives_no_end():
    text = "Das Exzellenzcluster Hören in Kiel wird für fünf Jahre gefördert. Im Juni 2012 kam die Zusage."
    ms = [mention(text, "CENTRE", "Exzellenzcluster Hören", city="Kiel"),
          mention(text, "PERIOD", "für fünf Jahre", start=None, end=None, duration_months=60, kind="funding"),
          mention(text, "DATE", "Juni 2012", "2012-06", precision="month")]
    (row,) = build_facts(text, ms, all_triggers(text))["centres"]
    assert row["end"] is None


def test_das_projekt_keeps_no_sum_of_a_programme_clause():
    text = ("Das Transferzentrum Nordlicht in Emden nimmt die Arbeit auf. "
            "Das Projekt ist Teil des Förderprogramms Transfer, für das der Bund 50 Mio. Euro bereitstellt.")
    ms = [mention(text, "CENTRE", "Transferzentrum Nordlicht", city="Emden"),
          mention(text, "MONEY", "50 Mio. Euro", amount_eur=50000000)]
    assert build_facts(text, ms, all_triggers(text))["centres"][0]["funding_eur"] is None


def test_a_sentence_ending_in_a_legal_form_does_not_lend_its_centre_to_the_next():
    text = ("Gefördert werden das KI-Lab Nord in Kiel und das KI-Lab Süd der Muster GmbH. Insgesamt beläuft "
            "sich die Förderung im Rahmen des Aktionsprogramms auf 3 Mio. Euro. Das KI-Lab Nord erhält 190.000 Euro.")
    ms = [mention(text, "CENTRE", "KI-Lab Nord", city="Kiel"), mention(text, "CENTRE", "KI-Lab Süd", city="Ulm"),
          mention(text, "CENTRE", "KI-Lab Nord", nth=1, city="Kiel"),
          mention(text, "MONEY", "3 Mio. Euro", amount_eur=3000000),
          mention(text, "MONEY", "190.000 Euro", amount_eur=190000)]
    rows = build_facts(text, ms, all_triggers(text))["centres"]
    assert {r["city"]: r["funding_eur"] for r in rows} == {"Kiel": 190000, "Ulm": None}


def test_the_institution_in_a_list_entry_leads_the_centre_made_from_it():
    text = "Landeszentren:\n• „Wasser“ (Forschungsverbund Nord, Kiel)\n• „Boden“ (Universität Ulm)\n"
    first, second = text.index("„Wasser"), text.index("„Boden")
    ms = [mention(text, "CENTRE", "Landeszentren", "Landeszentrum Kiel", city="Kiel", site=True,
                  entry=(first, text.index("\n", first))),
          mention(text, "CENTRE", "Landeszentren", "Landeszentrum Ulm", city="Ulm", site=True,
                  entry=(second, text.index("\n", second))),
          mention(text, "ORG", "Forschungsverbund Nord"), mention(text, "ORG", "Universität Ulm", city="Ulm")]
    rows = build_facts(text, ms, all_triggers(text))["centres"]
    assert {r["city"]: r["lead_partner"] for r in rows} == {"Kiel": "Forschungsverbund Nord", "Ulm": "Universität Ulm"}


def test_a_sum_stated_for_the_centre_beats_an_earlier_sum_it_only_takes_by_default():
    text = ("Das Land investiert 50 Mio. Euro in die Digitalisierung der Wirtschaft. "
            "Das Transferzentrum Nordlicht in Emden erhält davon 2 Mio. Euro.")
    ms = [mention(text, "CENTRE", "Transferzentrum Nordlicht", city="Emden"),
          mention(text, "MONEY", "50 Mio. Euro", amount_eur=50000000),
          mention(text, "MONEY", "2 Mio. Euro", amount_eur=2000000)]
    assert build_facts(text, ms, all_triggers(text))["centres"][0]["funding_eur"] == 2000000


def test_each_section_under_a_centre_heading_states_that_centres_facts():
    text = ("Das Land fördert zwei Gründungszentren.\n\n"
            "Gründungszentrum Nord\n"
            "Getragen wird es von der Hochschule Emden. Fördersumme: 2 Millionen Euro.\n\n"
            "Gründungszentrum Süd\n"
            "Die Universität Leer koordiniert. Das Land gibt 3 Millionen Euro.\n")
    ms = [mention(text, "CENTRE", "Gründungszentrum Nord", city="Emden"),
          mention(text, "CENTRE", "Gründungszentrum Süd", city="Leer"),
          mention(text, "ORG", "Hochschule Emden", city="Emden"),
          mention(text, "ORG", "Universität Leer", city="Leer"),
          mention(text, "MONEY", "2 Millionen Euro", "2000000", amount_eur=2000000),
          mention(text, "MONEY", "3 Millionen Euro", "3000000", amount_eur=3000000)]
    rows = {r["city"]: r["funding_eur"] for r in build_facts(text, ms, triggers(text))["centres"]}
    assert rows == {"Emden": 2000000, "Leer": 3000000}


def test_a_role_label_with_a_colon_in_a_list_entry_names_the_lead():
    from extract import analyse_text

    text = ("Der Freistaat fördert zwei regionale Transferhubs:\n\n"
            "- KI-Transferhub Nordhessen (Kassel) – Federführung: Universität Kassel; Partner: IHK Nordhessen\n"
            "- KI-Transferhub Osthessen (Fulda) – Koordination: Hochschule Fulda; Partner: Stadt Fulda\n")
    leads = {r["city"]: r["lead_partner"] for r in analyse_text(text)["centres"]}
    assert leads == {"Kassel": "Universität Kassel", "Fulda": "Hochschule Fulda"}


def test_heading_lines_name_centres_in_camel_case_closed_lab_compounds_and_with_a_trailing_city():
    from extract import analyse_text

    text = ("Die drei Zentren\n\nQuantumTech Campus Jena\nDas Zentrum entsteht an der Universität Jena.\n\n"
            "Thüringer Gründungslab, Erfurt\nDas Lab wird von der Fachhochschule Erfurt geleitet.\n\n"
            "Gründerzentrum „Werkstatt Ostthüringen“, Gera\nDie Hochschule Gera koordiniert.\n")
    assert sorted(r["city"] for r in analyse_text(text)["centres"]) == ["Erfurt", "Gera", "Jena"]


def test_sites_listed_for_a_centre_do_not_hide_the_seat_its_bare_head_was_given():
    text = "Die Factory hat ihren Hauptsitz in Emden. Weitere Standorte sind Leer und Aurich."
    seat = mention(text, "CENTRE", "Factory", city="Emden", kind="Factory")
    sites = [Mention("CENTRE", seat.start, seat.end, "Factory", "test.site", f"Factory {c}",
                     {"city": c, "kind": "Factory", "site": True}) for c in ("Leer", "Aurich")]
    ms = [seat, *sites, mention(text, "CITY", "Emden"), mention(text, "CITY", "Leer"), mention(text, "CITY", "Aurich")]
    assert sorted(r["city"] for r in build_facts(text, ms, triggers(text))["centres"]) == ["Aurich", "Emden", "Leer"]


def test_leads_named_by_the_award_the_host_or_a_relative_clause():
    from extract import analyse_text

    def lead(text):
        return [r["lead_partner"] for r in analyse_text(text)["centres"]]

    assert lead("Die Universität Kassel hat den Zuschlag für das neue „Kompetenzzentrum Arbeit“ (KoA) "
                "erhalten. Das Zentrum sitzt in Kassel.") == ["Universität Kassel"]
    assert lead("Der SmartHub Fulda öffnet. Betrieben wird er unter dem Dach der Wirtschaftsförderung Fulda "
                "gemeinsam mit der Hochschule Fulda.") == ["Wirtschaftsförderung Fulda"]
    assert lead("Das Kompetenzzentrum Holz in Trier startet. Die Hochschule Trier, bei der die Federführung "
                "liegt, und die Universität Trier bauen es auf.") == ["Hochschule Trier"]
    assert lead("Die Stadt Emden gehört zu den Gewinnern des Wettbewerbs. Das neue Digitalisierungszentrum "
                "Emden soll 2025 öffnen.") == ["Stadt Emden"]
    assert lead("Der Spitzencluster „Power Valley“ in Erlangen erhält 40 Millionen Euro. Das Clustermanagement "
                "liegt beim Power Valley e.V. mit Sitz in Erlangen.") == ["Power Valley e.V."]


def test_a_centre_placed_by_its_bare_head_bears_the_one_name_the_text_gave_without_a_city():
    from extract import analyse_text

    rows = analyse_text("Die Universität Kassel hat den Zuschlag für das neue „Kompetenzzentrum Arbeit“ (KoA) "
                        "erhalten. Das Zentrum sitzt in Kassel.")["centres"]
    assert [(r["centre"], r["city"]) for r in rows] == [("Kompetenzzentrum Arbeit (KoA)", "Kassel")]


def test_entries_under_a_plural_heading_give_each_centre_its_lead_city_and_sum():
    from extract import analyse_text

    text = ("Gefördert werden zwei neue Zentren.\n\nLOEWE-Zentren\n\n"
            "– ALPHA – Neue Werkstoffe\nFederführung: Universität Kassel, Partner: Hochschule Fulda\n"
            "Fördersumme: 4,9 Millionen Euro\n\n"
            "– BETA – Präzisionsmedizin\nFederführung: Philipps-Universität Marburg, "
            "Partner: Justus-Liebig-Universität Gießen\n"
            "Fördersumme: 5,2 Millionen Euro\n")
    rows = analyse_text(text)["centres"]
    assert sorted((r["city"], r["funding_eur"], r["lead_partner"]) for r in rows) == [
        ("Kassel", 4900000, "Universität Kassel"),
        ("Marburg an der Lahn", 5200000, "Philipps-Universität Marburg")]
