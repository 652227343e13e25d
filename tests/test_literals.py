"""Literal prechecks: a closed gate must mean the regex cannot match."""
import re

import pytest

from extract.literals import Gate, required_literals
from extract.text.case import lower


@pytest.mark.parametrize("pattern,flags,expected", [
    (r"\bCopyright\b[^\n]{0,120}", re.I, (("copyright", True),)),
    (r"(?<![\w-])(?:Standort(?:e|en)?|Sitz)\b", 0, (("Sitz", False), ("Standort", False))),
    (r"(?i:laufzeit|dauer) \d+", 0, (("dauer", True), ("laufzeit", True))),
    (r"\b(?:und|oder)\b", 0, None),       # function words are in every text: no precheck
    # a function word joined to a rare word is fine
    (r"(?:der|die) Zentren", 0, (("der Zentren", False), ("die Zentren", False))),
    (r"\d+\s?(?:Euro|€)", 0, (("Euro", False), ("€", False))),
    (r"(?:Hub)?\d+", 0, None),            # an optional part guarantees nothing
    (r"[A-Z]\w+", 0, None),
])
def test_required_literals(pattern, flags, expected):
    assert required_literals(re.compile(pattern, flags)) == expected


@pytest.mark.parametrize("pattern,flags,text", [
    (r"\bCopyright\b", re.I, "COPYRIGHT 2020"),
    (r"(?:Foto|Bild)\s*:", re.I, "BILD: dpa"),
    (r"Sitz\b", 0, "mit Sitz in Kiel"),
    (r"Haus", re.I, "HAUS"),
])
def test_gate_opens_when_the_regex_matches(pattern, flags, text):
    regex = re.compile(pattern, flags)
    assert regex.search(text)
    assert Gate.of(regex).open(text, lower(text))


def test_gate_closes_when_no_literal_occurs():
    assert not Gate.of(re.compile(r"\bCopyright\b", re.I)).open("Foto: privat", None)


def test_letters_that_fold_differently_keep_the_gate_open():
    # re's IGNORECASE matches "ſ" to "s", str.lower() does not
    regex = re.compile("sitz", re.I)
    text = "ſitz"
    assert regex.search(text)
    assert Gate.of(regex).open(text, lower(text))


def test_scoped_ignorecase_keeps_its_own_comparison():
    # "(?i:...)" inside a case-sensitive pattern: its literals are compared lower-cased
    found = required_literals(re.compile(r"(?i:phase)\d"))
    assert found == (("phase", True),)
    assert Gate(found).open("PHASE2", None)


def test_every_rule_gate_is_sound_on_the_corpus():
    from pathlib import Path

    from extract.rules import cached_rules

    root = Path(__file__).resolve().parent.parent / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))]
    assert texts
    for rule in cached_rules(None).patterns:
        if rule.pattern is None:
            continue
        regex = rule.compile()
        gate = Gate.of(regex)
        if gate is None:
            continue
        for text in texts:
            if regex.search(text):
                assert gate.open(text, lower(text)), rule.id

