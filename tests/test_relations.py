"""Linking, on hand-made mentions: pure code, no pipeline needed."""
from __future__ import annotations

import pytest

from extract.model import Mention
from extract.relations import build_facts
from extract.rules import load_rules
from extract.text.sentences import Sentences


def mention(text, label, surface, normalized=None, nth=0, **attrs):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(label, start, start + len(surface), surface, f"test.{label.lower()}",
                   normalized or surface, attrs)


def triggers(text):
    from extract.relations import Trigger

    found = [Trigger(m.start(), m.end(), r.kind, r.id, r.value == "implied")
             for r in load_rules().patterns_for("TRIGGER", file="relations") for m in r.compile().finditer(text)]
    return sorted(found, key=lambda t: t.start)


def roles_of(text, ms):
    """{partner name: role} that linking gives `text` with mentions `ms`."""
    return {r["name"]: r["role"] for r in build_facts(text, ms, triggers(text))["partners"]}


TEXT = ("Das Kompetenzzentrum Nordstadt in Bremen startet. Es wird unter der Leitung der "
        "Hochschule Bremen aufgebaut; weitere Partner sind das Institut für Logistik (IFL) und die "
        "Handelskammer Bremen. Projektträger ist das Deutsche Zentrum für Luft- und Raumfahrt. "
        "Das Zentrum wird bis Ende 2022 mit 2,5 Millionen Euro gefördert. Bundesweit stehen im "
        "Förderprogramm 50 Millionen Euro bereit.")


def facts_of(text=TEXT, extra=()):
    ms = [
        mention(text, "CENTRE", "Kompetenzzentrum Nordstadt", city="Bremen", kind="Kompetenzzentrum"),
        mention(text, "CITY", "Bremen", state="Bremen"),
        mention(text, "ORG", "Hochschule Bremen"),
        mention(text, "ORG", "Institut für Logistik (IFL)", "Institut für Logistik", acronym="IFL"),
        mention(text, "ORG", "Handelskammer Bremen"),
        mention(text, "ORG", "Deutsche Zentrum für Luft- und Raumfahrt", "Deutsches Zentrum für Luft- und Raumfahrt"),
        mention(text, "CENTRE", "Das Zentrum", anaphor=True),
        mention(text, "PERIOD", "bis Ende 2022", start=None, end="2022-12", duration_months=None, kind="funding"),
        mention(text, "MONEY", "2,5 Millionen Euro", amount_eur=2500000),
        mention(text, "MONEY", "50 Millionen Euro", amount_eur=50000000),
        *extra,
    ]
    return build_facts(text, ms, triggers(text))


def test_partner_roles_from_cues():
    roles = {r["name"]: r["role"] for r in facts_of()["partners"]}
    assert roles == {
        "Hochschule Bremen": "lead",
        "Institut für Logistik": "partner",
        "Handelskammer Bremen": "partner",
        "Deutsches Zentrum für Luft- und Raumfahrt": "project_agency",
    }


def test_centre_row_links_city_sum_period_and_lead():
    (row,) = facts_of()["centres"]
    assert row["city"] == "Bremen" and row["state"] == "Bremen"
    assert row["funding_eur"] == 2500000
    assert row["end"] == "2022-12"
    assert row["lead_partner"] == "Hochschule Bremen"


def test_programme_sum_is_kept_apart_from_the_centre():
    scopes = {r["amount_eur"]: (r["scope"], r["centre"]) for r in facts_of()["funding"]}
    assert scopes[2500000] == ("centre", "Kompetenzzentrum Nordstadt")
    assert scopes[50000000] == ("programme", None)


def test_noise_mentions_never_become_facts():
    text = TEXT + "\nFoto: Hamburg"
    credit = mention(text, "CITY", "Hamburg", state="Hamburg")
    credit.noise = True
    cities = [r["city"] for r in facts_of(text, [credit])["cities"]]
    assert cities == ["Bremen"]


def test_rows_carry_provenance():
    for table, rows in facts_of().items():
        for r in rows:
            assert r["rule"] and isinstance(r["start_char"], int) and r["end_char"] > r["start_char"], table


def test_two_centres_keep_their_own_sums():
    text = ("Das KI-Lab Nord in Kiel erhält 190.000 Euro. Das KI-Lab Süd in Ulm erhält 199.000 Euro. "
            "Das Land fördert insgesamt 16 Labore mit 3,1 Millionen Euro.")
    ms = [mention(text, "CENTRE", "KI-Lab Nord", city="Kiel"), mention(text, "CENTRE", "KI-Lab Süd", city="Ulm"),
          mention(text, "MONEY", "190.000 Euro", amount_eur=190000),
          mention(text, "MONEY", "199.000 Euro", amount_eur=199000),
          mention(text, "MONEY", "3,1 Millionen Euro", amount_eur=3100000)]
    rows = build_facts(text, ms, triggers(text))
    assert {r["city"]: r["funding_eur"] for r in rows["centres"]} == {"Kiel": 190000, "Ulm": 199000}
    assert [r["amount_eur"] for r in rows["funding"]] == [190000, 199000, 3100000]


def test_sentences_keep_abbreviations_and_open_bullet_lists():
    text = "Prof. Dr. Anna Weber vom Zentrum e.V. sagte am 3. Mai: gut. Partner sind\n* A GmbH\n* B e.V.\nEnde."
    s = Sentences(text)
    assert text[slice(*s.span(0))] == "Prof. Dr. Anna Weber vom Zentrum e.V. sagte am 3. Mai: gut."
    assert text[slice(*s.block(text.index("Partner")))] == "Partner sind\n* A GmbH\n* B e.V."


def test_sentences_end_after_a_closing_quote_and_at_line_breaks():
    text = "Sie sagte: „Das ist gut.“ Dann fragte sie?! Nein.\n\nNeu ab 2024. 12 Partner"
    s = Sentences(text)
    # the closing quote belongs to the break, like the blanks after it
    assert [text[a:b] for a, b in s.spans] == ["Sie sagte: „Das ist gut.", "Dann fragte sie?!", "Nein.",
                                               "Neu ab 2024.", "12 Partner"]


def test_owner_genitive_leads_and_places_a_centre():
    text = "Gefördert wird das Transferzentrum Nordlicht der Hochschule Emden GmbH mit 500.000 Euro."
    ms = [mention(text, "CENTRE", "Transferzentrum Nordlicht"),
          mention(text, "ORG", "Hochschule Emden GmbH", city="Emden"),
          mention(text, "MONEY", "500.000 Euro", amount_eur=500000)]
    facts = build_facts(text, ms, triggers(text))
    (centre,) = facts["centres"]
    assert (centre["city"], centre["lead_partner"], centre["funding_eur"]) == ("Emden", "Hochschule Emden GmbH", 500000)
    assert facts["partners"][0]["rule"] == "rel.lead.owner_genitive"


def test_grant_notice_recipient_and_als_partner():
    text = ("Den Förderbescheid über 80.000 Euro überreichte die Ministerin an die Muster GmbH. "
            "Die Handwerkskammer Trier ist als Partner für das Projekt ausgewählt.")
    ms = [mention(text, "ORG", "Muster GmbH"), mention(text, "ORG", "Handwerkskammer Trier")]
    roles = roles_of(text, ms)
    assert roles == {"Muster GmbH": "lead", "Handwerkskammer Trier": "partner"}


def test_an_unplaced_centre_name_restates_the_placed_one():
    text = "Das Digitalzentrum Emsland nimmt in Lingen die Arbeit auf. Das Digitalzentrum Emsland erhält 1 Mio. Euro."
    ms = [mention(text, "CENTRE", "Digitalzentrum Emsland", city="Lingen"),
          mention(text, "CENTRE", "Digitalzentrum Emsland", nth=1),
          mention(text, "MONEY", "1 Mio. Euro", amount_eur=1000000)]
    (centre,) = build_facts(text, ms, triggers(text))["centres"]
    assert centre["city"] == "Lingen" and centre["funding_eur"] == 1000000


def test_a_sum_for_all_sites_is_programme_even_when_a_centre_is_named():
    text = ("Das Testzentrum in Kassel ist einer von drei Standorten. Bis 2026 stehen 90 Mio. Euro für die "
            "Standorte des Testzentrums bereit. Im Rahmen des Förderprogramms erhält das Testzentrum 5 Mio. Euro.")
    ms = [mention(text, "CENTRE", "Testzentrum", city="Kassel"),
          mention(text, "CENTRE", "Testzentrums", city="Kassel"),
          mention(text, "CENTRE", "Testzentrum", nth=2, anaphor=True),
          mention(text, "MONEY", "90 Mio. Euro", amount_eur=90000000),
          mention(text, "MONEY", "5 Mio. Euro", amount_eur=5000000)]
    facts = build_facts(text, ms, triggers(text))
    assert {r["amount_eur"]: r["scope"] for r in facts["funding"]} == {90000000: "programme", 5000000: "centre"}
    assert facts["centres"][0]["funding_eur"] == 5000000


def test_passive_with_verb_at_the_end_names_the_lead():
    text = "Das Zentrum mit Sitz in Trier wird von der Hochschule Trier koordiniert. Partner ist die Stadt."
    ms = [mention(text, "CENTRE", "Zentrum", city="Trier"), mention(text, "ORG", "Hochschule Trier")]
    (row,) = build_facts(text, ms, triggers(text))["partners"]
    assert (row["name"], row["role"], row["rule"]) == ("Hochschule Trier", "lead", "rel.lead.von_verb_end")


def test_inverted_takeover_of_the_trägerschaft_names_the_lead():
    text = "Der Hub in Ulm startet 2022. In Ulm übernimmt die IHK Ulm die Trägerschaft; Partner ist die Stadt."
    ms = [mention(text, "CENTRE", "Hub", city="Ulm"), mention(text, "ORG", "IHK Ulm")]
    (row,) = build_facts(text, ms, triggers(text))["partners"]
    assert (row["name"], row["role"]) == ("IHK Ulm", "lead")


def test_a_sum_for_several_hubs_is_not_one_hubs():
    text = "Das Land fördert den Aufbau von drei regionalen Digital Hubs in Ulm und Kiel mit 3 Mio. Euro."
    ms = [mention(text, "CENTRE", "Digital Hubs", city="Ulm", site=True),
          mention(text, "MONEY", "3 Mio. Euro", amount_eur=3000000)]
    (row,) = build_facts(text, ms, triggers(text))["funding"]
    assert row["scope"] == "programme" and row["centre"] is None


def test_a_lead_cue_does_not_reach_past_its_clause():
    text = "Koordinator ist das Institut X; beteiligt sind die Universität Kassel und die Hochschule Fulda."
    ms = [mention(text, "ORG", "Universität Kassel"), mention(text, "ORG", "Hochschule Fulda")]
    roles = roles_of(text, ms)
    assert roles == {"Universität Kassel": "partner", "Hochschule Fulda": "partner"}


def test_a_host_institution_after_the_centre_name_leads_it():
    text = "Das Land fördert das Transferzentrum Nordwind an der Universität Kiel mit 2 Mio. Euro."
    ms = [mention(text, "CENTRE", "Transferzentrum Nordwind", city="Kiel"),
          mention(text, "ORG", "Universität Kiel", city="Kiel")]
    (row,) = build_facts(text, ms, triggers(text))["centres"]
    assert row["lead_partner"] == "Universität Kiel"


def test_a_consortium_around_an_institution_is_led_by_it():
    text = "Ein Konsortium um die Hochschule Hof mit der IHK Oberfranken betreibt das Zentrum in Hof."
    ms = [mention(text, "ORG", "Hochschule Hof"), mention(text, "ORG", "IHK Oberfranken"),
          mention(text, "CENTRE", "Zentrum", city="Hof")]
    roles = roles_of(text, ms)
    assert roles["Hochschule Hof"] == "lead"


def test_a_bare_zentrum_elsewhere_is_the_named_centre_not_a_second_one():
    text = ("Träger des Digitalzentrums Oberland ist die Muster mbH mit Sitz in Weilheim. "
            "Das Zentrum berät Betriebe in Murnau und erhält 400.000 Euro.")
    ms = [mention(text, "CENTRE", "Digitalzentrums Oberland", "Digitalzentrum Oberland", city="Weilheim",
                  kind="Digitalzentrum"),
          mention(text, "CENTRE", "Zentrum", city="Murnau", kind="Zentrum"),
          mention(text, "ORG", "Muster mbH"), mention(text, "MONEY", "400.000 Euro", amount_eur=400000)]
    (row,) = build_facts(text, ms, triggers(text))["centres"]
    assert (row["city"], row["funding_eur"], row["lead_partner"]) == ("Weilheim", 400000, "Muster mbH")


def test_a_year_ends_a_sentence_an_ordinal_does_not():
    text = "Die Förderung läuft bis Juni 2024. Anträge sind ab dem 3. Mai möglich."
    s = Sentences(text)
    assert [text[a:b] for a, b in s.spans] == [
        "Die Förderung läuft bis Juni 2024.", "Anträge sind ab dem 3. Mai möglich."]


@pytest.mark.parametrize("sentence, lead, partners", [
    ("Die Konsortialführung liegt bei der Hochschule Hof. Gemeinsam mit der IHK Oberfranken arbeitet sie.",
     "Hochschule Hof", ["IHK Oberfranken"]),
    ("Die Leitung des Konsortiums hat die Hochschule Hof übernommen. Zum Verbund gehören die IHK Oberfranken.",
     "Hochschule Hof", ["IHK Oberfranken"]),
    ("Federführend ist die Hochschule Hof. Mit im Boot sind die IHK Oberfranken.", "Hochschule Hof",
     ["IHK Oberfranken"]),
    ("Träger ist die Hochschule Hof. Als Partner wirken die IHK Oberfranken mit.", "Hochschule Hof",
     ["IHK Oberfranken"]),
    ("Es wird von der Hochschule Hof gemeinsam mit der IHK Oberfranken betrieben.", "Hochschule Hof",
     ["IHK Oberfranken"]),
    ("Die Agentur ist bei der Hochschule Hof angesiedelt, Beteiligt ist die IHK Oberfranken.", "Hochschule Hof",
     ["IHK Oberfranken"]),
    ("Die Hochschule Hof fungiert als Konsortialführerin. Mit von der Partie ist die IHK Oberfranken.",
     "Hochschule Hof", ["IHK Oberfranken"]),
    ("Angeführt wird der Verbund von der Hochschule Hof. Das Konsortium besteht aus der IHK Oberfranken.",
     "Hochschule Hof", ["IHK Oberfranken"]),
    ("Das Zentrum wird von der Hochschule Hof geführt. Unterstützt wird es von der IHK Oberfranken.",
     "Hochschule Hof", ["IHK Oberfranken"]),
    ("Die Hochschule Hof leitet das Zentrum, die IHK Oberfranken ist Partner des Zentrums.", "Hochschule Hof",
     ["IHK Oberfranken"]),
])
def test_lead_and_partner_cues(sentence, lead, partners):
    ms = [mention(sentence, "ORG", "Hochschule Hof"), mention(sentence, "ORG", "IHK Oberfranken")]
    roles = roles_of(sentence, ms)
    assert roles == {lead: "lead", **{p: "partner" for p in partners}}


def test_sentences_that_name_only_a_centres_city_or_open_with_a_pronoun_belong_to_it():
    text = ("Das Zentrum Nord in Kiel erhält 1 Mio. Euro. Das Zentrum Süd in Ulm startet ebenfalls. "
            "Nach Ulm gehen 2 Mio. Euro. Dort übernimmt die Hochschule Ulm die Koordination.")
    ms = [mention(text, "CENTRE", "Zentrum Nord", city="Kiel"), mention(text, "CENTRE", "Zentrum Süd", city="Ulm"),
          mention(text, "CITY", "Kiel"), mention(text, "CITY", "Ulm"), mention(text, "CITY", "Ulm", nth=1),
          mention(text, "MONEY", "1 Mio. Euro", amount_eur=1000000),
          mention(text, "MONEY", "2 Mio. Euro", amount_eur=2000000), mention(text, "ORG", "Hochschule Ulm")]
    rows = {r["city"]: (r["funding_eur"], r["lead_partner"]) for r in build_facts(text, ms, triggers(text))["centres"]}
    assert rows == {"Kiel": (1000000, None), "Ulm": (2000000, "Hochschule Ulm")}


def test_a_bulleted_consortium_list_with_a_coordination_entry():
    text = "Konsortium:\n- Hochschule Hof (HH), Koordination\n- IHK Oberfranken\n\nDas Zentrum startet."
    ms = [mention(text, "ORG", "Hochschule Hof (HH)", "Hochschule Hof"), mention(text, "ORG", "IHK Oberfranken")]
    roles = roles_of(text, ms)
    assert roles == {"Hochschule Hof": "lead", "IHK Oberfranken": "partner"}



def test_sums_given_each_and_spans_of_all_centres_reach_every_centre():
    text = ("Das Zentrum Nord in Kiel und das Zentrum Süd in Ulm starten. Das Land fördert beide Zentren mit "
            "jeweils 1 Mio. Euro. Alle Zentren werden bis Ende 2022 gefördert.")
    ms = [mention(text, "CENTRE", "Zentrum Nord", city="Kiel"), mention(text, "CENTRE", "Zentrum Süd", city="Ulm"),
          mention(text, "MONEY", "1 Mio. Euro", amount_eur=1000000),
          mention(text, "PERIOD", "bis Ende 2022", start=None, end="2022-12", duration_months=None, kind="funding")]
    rows = {r["city"]: (r["funding_eur"], r["end"]) for r in build_facts(text, ms, triggers(text))["centres"]}
    assert rows == {"Kiel": (1000000, "2022-12"), "Ulm": (1000000, "2022-12")}


def test_a_named_lead_role_outranks_one_read_from_a_verb():
    text = ("Das Zentrum in Hof wird von der Hochschule Hof und der IHK Oberfranken betrieben; "
            "die Federführung hat die IHK Oberfranken.")
    ms = [mention(text, "CENTRE", "Zentrum", city="Hof"), mention(text, "ORG", "Hochschule Hof"),
          mention(text, "ORG", "IHK Oberfranken")]
    (row,) = build_facts(text, ms, triggers(text))["centres"]
    assert row["lead_partner"] == "IHK Oberfranken"


def test_a_programme_name_is_not_a_centre():
    text = "Die Digital Hub Initiative in Berlin wählt das Zentrum in Leipzig aus."
    ms = [mention(text, "CENTRE", "Digital Hub Initiative", city="Berlin"),
          mention(text, "CENTRE", "Zentrum", city="Leipzig")]
    assert [r["city"] for r in build_facts(text, ms, triggers(text))["centres"]] == ["Leipzig"]


def test_a_start_alone_is_a_mention_but_not_a_period_row():
    text = "Anträge sind ab Januar 2022 möglich. Das Zentrum in Kiel wird bis Ende 2024 gefördert."
    ms = [mention(text, "CENTRE", "Zentrum", city="Kiel"),
          mention(text, "PERIOD", "ab Januar 2022", start="2022-01", end=None, duration_months=None, kind="funding"),
          mention(text, "PERIOD", "bis Ende 2024", start=None, end="2024-12", duration_months=None, kind="funding")]
    assert [r["end"] for r in build_facts(text, ms, triggers(text))["periods"]] == ["2024-12"]


def _roles(text):
    from extract import analyse_text

    return {r["name"]: r["role"] for r in analyse_text(text)["partners"]}


def test_an_attributive_role_word_names_the_institution_after_it():
    roles = _roles("Das Zentrum Arbeit in Kassel startet. Die TU Kassel kooperiert mit der "
                   "federführenden Universität Göttingen und der Hochschule Fulda.")
    assert roles["Universität Göttingen"] == "lead"
    assert roles["TU Kassel"] == "partner"


def test_a_role_inside_a_list_entry_reaches_the_institution_after_it():
    roles = _roles("Das Zentrum Hafen in Emden startet. Beteiligt sind:\n"
                   "- Stadt Emden (Leitung: Hochschule Emden/Leer)\n- Landkreis Aurich")
    assert roles["Hochschule Emden/Leer"] == "lead"
    assert roles["Stadt Emden"] == "partner" and roles["Landkreis Aurich"] == "partner"


def test_a_role_noun_in_parentheses_or_after_a_dash_names_the_entry_s_institution():
    roles = _roles("Das Zentrum Pflege in Minden startet. Zum Konsortium gehören:\n"
                   "- Universität Bielefeld (Koordination)\n"
                   "- Klinikum Minden – Konsortialführung und Erprobung auf Stationen\n"
                   "- Hochschule Bielefeld")
    assert roles["Universität Bielefeld"] == "lead" and roles["Klinikum Minden"] == "lead"
    assert roles["Hochschule Bielefeld"] == "partner"


def test_an_end_restated_with_the_same_sum_is_one_period_row():
    text = ("Das Land gibt 20 Mio. Euro für 2024 bis 2028. Das Zentrum in Kiel arbeitet bis 2028 mit 20 Mio. Euro. "
            "Die Halle steht bis 2028 und kostet 5 Mio. Euro.")
    ms = [mention(text, "CENTRE", "Zentrum", city="Kiel"),
          mention(text, "MONEY", "20 Mio. Euro", amount_eur=20_000_000),
          mention(text, "MONEY", "20 Mio. Euro", nth=1, amount_eur=20_000_000),
          mention(text, "MONEY", "5 Mio. Euro", amount_eur=5_000_000),
          mention(text, "PERIOD", "2024 bis 2028", start="2024-01", end="2028-12", duration_months=60, kind="funding"),
          mention(text, "PERIOD", "bis 2028", nth=1, start=None, end="2028-12", duration_months=None, kind="funding"),
          mention(text, "PERIOD", "bis 2028", nth=2, start=None, end="2028-12", duration_months=None, kind="phase")]
    rows = build_facts(text, ms, triggers(text))["periods"]
    assert [(r["start"], r["end"], r["kind"]) for r in rows] == [("2024-01", "2028-12", "funding"),
                                                                  (None, "2028-12", "phase")]
