"""Consortium membership from evidence (relations/evidence.py): texts written for these tests."""
from __future__ import annotations

import pytest

from extract import analyse_text
from extract.model import Mention
from extract.relations.evidence import SIGNALS, Cues, parse_weights, rule_weights, score_members
from extract.rules import load_rules
from extract.text.sentences import Sentences

WEIGHTS = rule_weights()


def partners(text: str) -> dict[str, dict]:
    return {r["name"]: r for r in analyse_text(text)["partners"]}


def test_an_institution_named_without_any_cue_is_a_member():
    # no cue word of rules/patterns/relations.jsonl names the consortium here
    text = ("Das Kompetenzzentrum Lernfabrik in Kassel nimmt die Arbeit auf. Die Universität Kassel "
            "kümmert sich um die Forschung, die Handwerkskammer Kassel um die Betriebe.")
    rows = partners(text)
    assert {"Universität Kassel", "Handwerkskammer Kassel"} <= set(rows)
    row = rows["Universität Kassel"]
    assert row["rule"] == "rel.partner.evidence"
    assert row["score"] >= WEIGHTS["threshold"]
    assert "mentioned@" in row["evidence"]
    assert row["surface"] == text[row["start_char"]:row["end_char"]]


def test_a_cued_member_keeps_its_role_and_names_the_cue_in_its_evidence():
    text = ("Das Zentrum Digitale Arbeit in Jena startet. Es steht unter der Leitung der Ernst-Abbe-"
            "Hochschule Jena.")
    row = partners(text)["Ernst-Abbe-Hochschule Jena"]
    assert row["role"] == "lead"
    assert row["evidence"].startswith("cue@")


def test_customers_sponsors_and_the_issuer_are_not_members():
    text = ("Das Kompetenzzentrum Lernfabrik in Kassel nimmt die Arbeit auf. Partner ist die "
            "Universität Kassel. Zu den Kunden zählt etwa die Maschinenbau Nordhessen GmbH. "
            "Pressemitteilung der Wirtschaftsförderung Region Kassel.")
    rows = partners(text)
    assert "Universität Kassel" in rows
    assert not any("Maschinenbau" in name for name in rows)
    assert not any(name.startswith("Wirtschaftsförderung") for name in rows)


def test_the_parent_of_a_member_institute_is_not_a_second_member():
    text = ("Das Zentrum Batterie in Aachen startet. Gemeinsam mit dem Institut für Stromrichter der "
            "RWTH Aachen baut es eine Linie auf. Die RWTH Aachen stellt dafür eine Halle bereit.")
    rows = partners(text)
    assert any(name.startswith("Institut für Stromrichter") for name in rows)
    assert "RWTH Aachen" not in rows


def test_score_members_on_hand_made_mentions():
    text = "Das Hub Nord startet. Die Hochschule Nord forscht. Kunden wie die Firma Beta AG sparen."
    hub = Mention("CENTRE", 4, 12, "Hub Nord", "t", "Hub Nord", {})
    uni = Mention("ORG", 26, 41, "Hochschule Nord", "t", "Hochschule Nord", {})
    firm = Mention("ORG", 65, 78, "Firma Beta AG", "t", "Firma Beta AG", {})
    same = Mention("ORG", 4, 12, "Hub Nord", "t", "Hub Nord", {})
    cue = text.index("Kunden")
    members = score_members(text, [same, uni, firm], ["hub", "uni", "firm"], {}, [hub],
                            Cues([(cue, cue + 6)]), Sentences(text), WEIGHTS)
    threshold = WEIGHTS["threshold"]
    assert members["uni"].score >= threshold
    assert members["firm"].score < threshold and "not_member" in members["firm"].evidence
    assert members["hub"].score < threshold and "is_centre" in members["hub"].evidence


def test_the_weights_are_read_from_the_rules_and_name_known_signals_only():
    lines = load_rules().word_list("partner_signals")
    assert set(parse_weights(lines)) == set(SIGNALS)
    with pytest.raises(ValueError, match="cue_word"):
        parse_weights([*lines, "cue_word = 2"])      # a misspelt signal is refused
    with pytest.raises(ValueError, match="threshold"):
        parse_weights([line for line in lines if not line.startswith("threshold")])


def test_a_short_name_and_its_longer_form_are_one_member():
    text = ("Das Zentrum Hören in Oldenburg startet. Die Maria von Linden Universität Oldenburg forscht. "
            "Sprecher ist ein Professor der Maria von Linden Universität.")
    names = [n for n in partners(text) if "Linden" in n]
    assert names == ["Maria von Linden Universität Oldenburg"]


def test_the_release_s_centre_is_no_partner():
    # "Gründerzentrum X" is both an institution and a centre mention: here it is the centre
    text = ("Die Universität Magdeburg baut in Wernigerode das Gründerzentrum Wernigerode auf. Das "
            "Gründerzentrum Wernigerode berät Gründer.")
    rows = partners(text)
    assert "Universität Magdeburg" in rows
    assert not any(name.startswith("Gründerzentrum") for name in rows)


def test_companies_named_as_examples_of_the_audience_are_not_members():
    text = ("Das Kompetenzzentrum Lernfabrik in Kassel nimmt die Arbeit auf. Partner ist die "
            "Universität Kassel. Unternehmen wie Festo nutzen das Angebot schon.")
    rows = partners(text)
    assert "Universität Kassel" in rows and "Festo" not in rows


def test_a_brand_named_for_context_is_no_member_but_a_cued_one_is():
    text = ("Festo ist längst in Esslingen. Das Kompetenzzentrum Lernfabrik in Esslingen startet; die "
            "Gründungspartner, darunter Trumpf und die Hochschule Esslingen, bauen es auf.")
    rows = partners(text)
    assert "Trumpf" in rows and "Hochschule Esslingen" in rows
    assert "Festo" not in rows


def test_an_abbreviated_form_and_a_hyphenated_tail_are_the_same_member():
    text = ("Zum Verbund gehören die Ernst-Abbe-Hochschule Jena (EAH Jena), die Technische Universität "
            "Dortmund und die Georg-August-Universität Göttingen. Die EAH Jena, die TU Dortmund und die "
            "Universität Göttingen forschen.")
    assert sorted(partners(text)) == ["Ernst-Abbe-Hochschule Jena", "Georg-August-Universität Göttingen",
                                      "Technische Universität Dortmund"]


def test_a_denied_membership_outweighs_a_cue():
    text = ("Das Kompetenzzentrum Lernfabrik in Kassel startet. Beteiligt sind die Universität Kassel und "
            "die Hochschule Fulda, die Universität Marburg ist nicht am Projekt beteiligt.")
    rows = partners(text)
    assert {"Universität Kassel", "Hochschule Fulda"} <= set(rows)
    assert "Universität Marburg" not in rows


def test_a_quoted_expert_s_employer_alone_is_no_member():
    text = ("Das Kompetenzzentrum Lernfabrik in Kassel startet unter der Leitung der Universität Kassel. "
            "„Ein guter Schritt“, sagt Prof. Dr. Anna Berg vom Karlsruher Institut für Technologie.")
    rows = partners(text)
    assert "Universität Kassel" in rows
    assert "Karlsruher Institut für Technologie" not in rows


def test_a_project_agency_named_without_a_cue_is_no_member_but_keeps_its_cued_role():
    text = ("Das Kompetenzzentrum Lernfabrik in Kassel startet mit der Universität Kassel. Der "
            "Projektträger Jülich begleitet die Förderung.")
    assert not any("Jülich" in name for name in partners(text))
    cued = partners("Das Kompetenzzentrum Lernfabrik in Kassel startet. Projektträger ist das "
                    "Deutsche Zentrum für Luft- und Raumfahrt (DLR).")
    assert [r["role"] for r in cued.values()] == ["project_agency"]


def test_the_centre_named_with_a_longer_name_is_the_centre_not_its_partner():
    text = ("Jena. Psychische Erkrankungen sind häufig. Am Deutschen Zentrum für Seelische Gesundheit (DZSG) "
            "arbeiten Forschende daran, Diagnose und Behandlung zu verbessern. Einer der sechs Standorte des "
            "Zentrums ist der Verbund Jena–Magdeburg, der vom Universitätsklinikum Jena koordiniert wird. Das "
            "DZSG gehört zu den Deutschen Zentren der Gesundheitsforschung.")
    rows = partners(text)
    assert "Universitätsklinikum Jena" in rows
    assert not any("Seelische Gesundheit" in name for name in rows)
