"""Literal prechecks: a closed gate must mean the regex cannot match."""
import re

import pytest

from extract.literals import Gate, Scanner, lower, required_literals


@pytest.mark.parametrize("pattern,flags,expected", [
    (r"\bCopyright\b[^\n]{0,120}", re.I, (("copyright", True),)),
    (r"(?<![\w-])(?:Standort(?:e|en)?|Sitz)\b", 0, (("Sitz", False), ("Standort", False))),
    (r"(?i:vom|von) \d+", 0, (("vom", True), ("von", True))),
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


def _spans(matches):
    return [m.span() for m in matches]


FILLER = "Die Förderung läuft weiter, so die Sprecherin des Hauses. " * 8


@pytest.mark.parametrize("pattern,flags,text", [
    # a lookahead past the match: the window reaches far enough to read it
    (r"\bPartner(?= sind\b)", 0, FILLER + "Partner sind A und B. Partner sindx C." + FILLER),
    (r"\bBund(?=[^.]{0,80} fördert)", 0, FILLER + "Der Bund, vertreten durch das Ministerium, fördert X." + FILLER),
    # \b and lookbehind at a window start read the text before it, as in a full scan
    (r"(?<=von )\bKoordination\b", 0, FILLER + "unter von Koordination, xKoordination" + FILLER),
    # ^ in MULTILINE holds only at a real line start, never at a window start
    (r"^Partner:", re.M, FILLER + "\nPartner: A\n x Partner: B\n" + FILLER),
    # hits close together share one window; matches never overlap or repeat
    (r"Euro(?:\s+Euro)?", 0, "Euro Euro Euro " + FILLER + "Euro"),
    # case-insensitive and case-variant literals are searched lower-cased
    (r"[Ff]ederführend (?:ist|sind)", 0, FILLER + "Federführend ist X, federführend sind Y" + FILLER),
    (r"\bförderbescheid\w{0,5}", re.I, FILLER + "FÖRDERBESCHEIDE und Förderbescheid" + FILLER),
    # unbounded width: the literal only decides whether to scan at all
    (r"\w*programm\w*", 0, FILLER + "Förderprogramme und Programmierer" + FILLER),
    (r"\w*programm\w*", 0, FILLER),
])
def test_scanner_finds_what_a_full_scan_finds(pattern, flags, text):
    regex = re.compile(pattern, flags)
    expected = _spans(regex.finditer(text))
    assert _spans(Scanner(regex).finditer(text)) == expected
    assert expected or pattern.startswith(r"\w*")


def test_scanner_scans_only_near_its_literals():
    scanner = Scanner(re.compile(r"\bProjektträger(?:in)? ist\b"))
    text = FILLER + "Projektträger ist der DLR." + FILLER
    windows = scanner.windows(text)
    assert len(windows) == 1
    (a, b), at = windows[0], text.index("Projektträger")
    assert a <= at and b >= at + len("Projektträger ist")
    assert b - a < len(text) / 4
    assert scanner.windows(FILLER) == []


def test_scanner_reads_the_whole_text_when_lowering_is_unsafe():
    regex = re.compile("sitz", re.I)
    text = FILLER + "ſitz in Kiel"
    assert _spans(Scanner(regex).finditer(text)) == _spans(regex.finditer(text)) != []


def test_every_rule_scanner_matches_a_full_scan_on_the_corpus():
    from pathlib import Path

    from extract.rules import cached_rules

    root = Path(__file__).resolve().parent.parent / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))]
    windowed = 0
    for rule in cached_rules(None).patterns:
        if rule.pattern is None:
            continue
        regex = rule.compile()
        scanner = Scanner(regex)
        windowed += scanner.before is not None
        for text in texts:
            assert _spans(scanner.finditer(text)) == _spans(regex.finditer(text)), rule.id
    assert windowed > 20
