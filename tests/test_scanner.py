"""The scanner (extract/scanner.py) must find exactly what a full regex scan finds."""
import re

import pytest

from extract.scanner import Scanner


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
    # "^" in MULTILINE: only line starts are tried; a match may run over several lines
    (r"^[ \t]*(?:Teilen|Drucken)[ \t]*$", re.M, FILLER + "\nTeilen\n  Drucken \nx Teilen\n" + FILLER),
    (r"^Quelle:[^\n]*\n[^\n]+", re.M, "Quelle: dpa\nZeile zwei\nQuelle: epd\n" + FILLER),
    (r"^Quelle", 0, "Quelle: a\nQuelle: b"),  # without MULTILINE only the text start
    # \w* has no bound, but never crosses whitespace: the longest word of the text bounds it
    (r"\w*programm\w*", 0, FILLER + "Förderprogramme und Programmierer" + FILLER),
    (r"\w*programm\w*", 0, FILLER),
    (r"\b(?:bundes|landes)weit\w*", 0, FILLER + "X" * 300 + " bundesweiten" + "y" * 400 + FILLER),
    (r"(?:\w+ ){0,3}?mit\b", 0, FILLER + "Arbeitsgemeinschaftsvertretungen arbeiten eng mit X" + FILLER),
    # a repeat without bound that may cross whitespace: scanned whole
    (r"[^,]*Förderung", 0, FILLER),
])
def test_scanner_finds_what_a_full_scan_finds(pattern, flags, text):
    regex = re.compile(pattern, flags)
    expected = _spans(regex.finditer(text))
    assert _spans(Scanner(regex).finditer(text)) == expected
    assert expected or pattern.startswith((r"\w*", "[^,]"))


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


def test_line_patterns_try_only_line_starts():
    scanner = Scanner(re.compile(r"^[ \t]*(?:Impressum|Kontakt)[ \t]*$", re.M))
    assert scanner.lines and not Scanner(re.compile(r"^Impressum")).lines
    # an empty match at a line start would follow other rules in finditer: such patterns scan whole
    assert not Scanner(re.compile(r"^[ \t]*$", re.M)).lines


def test_unbounded_repeats_are_bounded_by_the_longest_word():
    word_run = Scanner(re.compile(r"\w*programm\w*"))
    text = FILLER + "Förderprogramm" + FILLER
    (a, b), at = word_run.windows(text)[0], text.index("programm")
    longest = max(len(w) for w in text.split())
    assert at - len("programm") - 2 * longest == a and b - a < len(text) / 3
    assert Scanner(re.compile(r"[^,]*programm")).before is None  # may cross spaces: no window


def test_live_keeps_every_rule_scanner_that_matches_and_drops_some():
    from pathlib import Path

    from extract.rules import cached_rules

    root = Path(__file__).resolve().parent.parent / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))]
    entries = [(Scanner(r.compile()), r.id) for r in cached_rules(None).patterns if r.pattern is not None]
    dropped = 0
    for text in texts:
        live = {rule_id for _, rule_id in Scanner.live(entries, text)}
        dropped += len(entries) - len(live)
        for scanner, rule_id in entries:
            if rule_id not in live:
                assert not list(scanner.regex.finditer(text)), rule_id
    assert dropped > 0
