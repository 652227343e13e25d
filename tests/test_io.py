"""Reading a corpus as it comes: encodings, html, pdf, bad files, folder walking."""
from __future__ import annotations

import os
import pickle
import random
import threading
import types
from pathlib import Path

import pytest

from extract import io as extract_io
from extract.io import SUPPORTED, Document, decode_bytes, iter_corpus, read_document
from extract.io.decode import UndecodableError
from extract.io.html import html_text, strip_tags

GERMAN = "Grüße aus Köln: „Mittelstand-Digital“ fördert die Straße – Zuschuss 5 €.\nÖffnung im Mai."
# The same text in characters latin-1 can hold (no typographic quotes, dash, euro).
GERMAN_LATIN1 = "Grüße aus Köln: Das Zentrum fördert die Straße mit 5 Mio. Mark.\nÖffnung im Mai."


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def pdf_bytes(lines: list[str] | None, *, title: str | None = None) -> bytes:
    """A minimal one-page PDF; `lines` become its text layer (Helvetica, WinAnsi), None: none."""
    def literal(text: str) -> bytes:
        raw = text.encode("cp1252")
        return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"

    if lines is None:
        content = b"0 0 1 rg 100 100 200 200 re f"  # a drawn rectangle, no text
    else:
        ops = [b"BT", b"/F1 12 Tf", b"72 720 Td", b"14 TL"]
        for line in lines:
            ops += [literal(line) + b" Tj", b"T*"]
        content = b"\n".join([*ops, b"ET"])
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    if title:
        objects.append(b"<< /Title " + literal(title) + b" >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    info = b" /Info %d 0 R" % len(objects) if title else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, info, xref)
    return bytes(out)


# ---------------------------------------------------------------- decoding


@pytest.mark.parametrize(("encoding", "data"), [
    ("utf-8", GERMAN.encode("utf-8")),
    ("utf-8-sig", GERMAN.encode("utf-8-sig")),
    ("utf-16-le", GERMAN.encode("utf-16")),  # Python writes a LE BOM
    ("utf-16-le", b"\xff\xfe" + GERMAN.encode("utf-16-le")),
    ("utf-16-be", b"\xfe\xff" + GERMAN.encode("utf-16-be")),
    ("utf-32-le", GERMAN.encode("utf-32")),
    ("cp1252", GERMAN.encode("cp1252")),
])
def test_txt_decodes_each_encoding(tmp_path, encoding, data):
    doc = read_document(write(tmp_path, "pm.txt", data), root=tmp_path)
    assert (doc.status, doc.error) == ("ok", "")
    assert doc.text == GERMAN
    assert doc.encoding == encoding
    assert doc.kind == "txt"
    # offsets index the decoded text: a file that is not plain UTF-8 gets it as a texts/ copy
    assert doc.needs_text_copy == (encoding != "utf-8")


def test_latin1_file_is_read_as_german(tmp_path):
    doc = read_document(write(tmp_path, "alt.txt", GERMAN_LATIN1.encode("latin-1")))
    assert doc.text == GERMAN_LATIN1
    assert doc.encoding == "cp1252"


@pytest.mark.parametrize("word", [
    "Größe", "Müller", "Straße", "für", "Öl", "Übergabe in Jülich", "„Zukunft“ – jetzt",
    "Fördermittel: 2,5 Mio. €", "Düsseldorf, Gießen, Lübeck",
])
def test_short_cp1252_texts_are_not_misguessed(word):
    # charset-normalizer alone guesses wrong on a handful of bytes; cp1252 must win
    assert decode_bytes(word.encode("cp1252")) == (word, "cp1252")


def test_bomless_utf16_is_recognised():
    text, encoding = decode_bytes(GERMAN.encode("utf-16-le"))
    assert (text, encoding) == (GERMAN, "utf-16-le")
    assert decode_bytes(GERMAN.encode("utf-16-be")) == (GERMAN, "utf-16-be")


def test_utf8_file_with_a_pasted_cp1252_word_keeps_both():
    data = "Die Förderung läuft".encode() + " in Gießen".encode("cp1252")
    assert decode_bytes(data) == ("Die Förderung läuft in Gießen", "utf-8+cp1252")


def test_crlf_and_cr_become_lf_and_offsets_refer_to_the_normalised_text(tmp_path):
    data = "Zeile eins in Köln\r\nZeile zwei in Jülich\rZeile drei: Größe".encode()
    doc = read_document(write(tmp_path, "crlf.txt", data))
    assert doc.text == "Zeile eins in Köln\nZeile zwei in Jülich\nZeile drei: Größe"
    start = doc.text.index("Jülich")
    assert doc.text[start:start + 6] == "Jülich" and start == 33


def test_decomposed_umlauts_are_composed_and_flag_a_text_copy(tmp_path):
    decomposed = "Mu\u0308nchen fo\u0308rdert Kompetenz\u00adzentrum"
    doc = read_document(write(tmp_path, "nfd.txt", decomposed))
    assert doc.text == "München fördert Kompetenzzentrum"
    assert doc.needs_text_copy


def test_nul_bytes_mean_binary():
    with pytest.raises(UndecodableError):
        decode_bytes(b"Gr\xc3\xbc\xc3\x9fe\x00\x00\x01\x02 PK\x03\x04")


def test_random_bytes_without_nul_are_binary(tmp_path):
    rng = random.Random(7)
    data = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(1, 256) for _ in range(4000))
    doc = read_document(write(tmp_path, "bild.txt", data))
    assert (doc.status, doc.error, doc.text) == ("error", "binary or undecodable", None)


def test_text_full_of_control_characters_is_binary():
    with pytest.raises(UndecodableError):
        decode_bytes(b"Daten\x01\x02\x03\x04\x05\x06\x07 " * 40)


def test_a_single_stray_control_character_is_tolerated():
    text, _ = decode_bytes("Förderbescheid übergeben.\x1a".encode())
    assert text.startswith("Förderbescheid")


# ---------------------------------------------------------------- kinds


def test_txt_title_is_the_first_non_empty_line(tmp_path):
    doc = read_document(write(tmp_path, "pm.txt", "\n\n  Neues Zentrum in Köln  \n\nText folgt."))
    assert doc.title == "Neues Zentrum in Köln"
    assert doc.text.startswith("\n\n  Neues")  # the text itself is kept as is


def test_long_first_line_gives_a_cut_title(tmp_path):
    doc = read_document(write(tmp_path, "lang.txt", "Förderung " * 60))
    assert doc.title.endswith("…") and len(doc.title) <= 201


@pytest.mark.parametrize(("text", "title"), [
    ("# Digitalagentur in Würzburg gestartet\n\nDer Text.", "Digitalagentur in Würzburg gestartet"),
    ("Vorspann\n\n## **Zuschuss für Lübeck** ##\n", "Zuschuss für Lübeck"),
    ("Förderung in Gießen\n===================\n\nText.", "Förderung in Gießen"),
    ("---\ntitle: \"Hub in Mönchengladbach\"\ndate: 2021-01-02\n---\n# Anderes\n", "Hub in Mönchengladbach"),
    ("Keine Überschrift, nur Text über Jena.\n", "Keine Überschrift, nur Text über Jena."),
])
def test_markdown_text_as_is_and_title_from_heading(tmp_path, text, title):
    doc = read_document(write(tmp_path, "pm.md", text))
    assert (doc.kind, doc.status, doc.text, doc.title) == ("md", "ok", text, title)
    assert not doc.needs_text_copy


PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}">
<title>Kompetenzzentrum in Köln eröffnet | Presse</title>
<meta name="date" content="2021-03-04"><script>var x = "nicht zeigen";</script></head>
<body><nav><ul><li><a href="/">Start</a></li><li><a href="/ueber">Über uns</a></li></ul></nav>
<article><h1>Kompetenzzentrum in Köln eröffnet</h1>
<p>Das Bundesministerium f&uuml;r Wirtschaft fördert das Zentrum mit 3,5 Mio. Euro.</p>
<p>„Wir freuen uns“, sagte die Ministerin. Größere Unternehmen profitieren ebenso.</p>
<table><tr><td>Partner</td><td>Universität zu Köln</td></tr></table>
</article><footer>Impressum · Datenschutz</footer></body></html>"""


@pytest.mark.parametrize(("charset", "encoding"), [("utf-8", "utf-8"), ("windows-1252", "windows-1252"),
                                                    ("iso-8859-1", "cp1252")])
def test_html_main_text_title_and_date(tmp_path, charset, encoding):
    data = PAGE.format(charset=charset).encode("utf-8" if charset == "utf-8" else "cp1252")
    doc = read_document(write(tmp_path, "seite.html", data))
    assert (doc.kind, doc.status, doc.encoding) == ("html", "ok", encoding)
    lines = doc.text.split("\n")  # a paragraph per line
    assert "Das Bundesministerium für Wirtschaft fördert das Zentrum mit 3,5 Mio. Euro." in lines
    assert "„Wir freuen uns“, sagte die Ministerin. Größere Unternehmen profitieren ebenso." in lines
    assert "Universität zu Köln" in doc.text
    assert "nicht zeigen" not in doc.text and "<p>" not in doc.text
    assert doc.title.startswith("Kompetenzzentrum in Köln eröffnet")
    assert doc.published == "2021-03-04"
    assert doc.needs_text_copy


@pytest.mark.parametrize("stated, published", [
    ("2021-02-30", None), ("2021-02-30T10:00:00+01:00", None), ("30.02.2021", None),
    ("2021-02-28", "2021-02-28"),
])
def test_html_meta_date_that_is_no_real_day_is_rejected(tmp_path, stated, published):
    page = PAGE.format(charset="utf-8").replace('content="2021-03-04"', f'content="{stated}"')
    doc = read_document(write(tmp_path, "seite.html", page.encode("utf-8")))
    assert doc.published == published


def test_html_falls_back_to_the_tag_stripper(tmp_path, monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    data = PAGE.format(charset="utf-8").encode()
    doc = read_document(write(tmp_path, "seite.htm", data))
    assert doc.status == "ok"
    lines = doc.text.split("\n")
    assert "Das Bundesministerium für Wirtschaft fördert das Zentrum mit 3,5 Mio. Euro." in lines
    assert "nicht zeigen" not in doc.text
    assert doc.title == "Kompetenzzentrum in Köln eröffnet | Presse"


def test_html_survives_trafilatura_raising(tmp_path, monkeypatch):
    import trafilatura

    def boom(*args, **kwargs):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(trafilatura, "bare_extraction", boom)
    page = html_text(b"<p>Zuschuss f\xfcr J\xfclich</p>")
    assert page.text == "Zuschuss für Jülich"


def test_tag_stripper_lines_and_entities():
    stripped = strip_tags("<head><title>Tit&shy;el</title><style>p{}</style></head>"
                          "<body><h2>Förderung&nbsp;in   Gießen</h2><p>Ein<br>Zwei &amp; drei</p>"
                          "<script>alert(1)</script></body>")
    assert stripped.text == "Förderung in Gießen\nEin\nZwei & drei"
    assert stripped.title == "Tit\u00adel"


def test_html_without_text_is_an_error(tmp_path):
    page = "<html><head><script>x()</script></head><body></body></html>"
    doc = read_document(write(tmp_path, "leer.html", page))
    assert (doc.status, doc.error) == ("error", "no text in html")


def test_pdf_text_layer(tmp_path):
    lines = ["Digitalagentur in Würzburg gestartet", "Das Land fördert die Agentur mit 2 Mio. €.",
             "„Großartig“, sagte die Ministerin in Düsseldorf."]
    doc = read_document(write(tmp_path, "pm.pdf", pdf_bytes(lines, title="Pressemitteilung Würzburg")))
    assert (doc.kind, doc.status, doc.error) == ("pdf", "ok", "")
    assert doc.text.split("\n") == lines
    assert doc.title == "Pressemitteilung Würzburg"
    assert doc.needs_text_copy


def test_pdf_line_end_hyphens_are_joined_but_not_before_und(tmp_path):
    data = pdf_bytes(["Die Förder-", "mittel des Bundes-", "und Landes"])
    doc = read_document(write(tmp_path, "pm.pdf", data))
    assert doc.text == "Die Fördermittel des Bundes-\nund Landes"
    assert doc.title == "Die Fördermittel des Bundes-"


def test_pdf_without_text_layer_is_an_error(tmp_path):
    doc = read_document(write(tmp_path, "scan.pdf", pdf_bytes(None)))
    assert doc.status == "error" and doc.error.startswith("no text layer")
    assert doc.text is None


def test_damaged_pdf_is_an_error(tmp_path):
    doc = read_document(write(tmp_path, "kaputt.pdf", b"%PDF-1.4\nnur M\xfcll"))
    assert doc.status == "error" and doc.error.startswith(("cannot parse pdf", "no text layer"))


def test_encrypted_pdf_is_an_error(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="geheim", owner_password="geheim", algorithm="RC4-128")
    path = tmp_path / "geheim.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    doc = read_document(path)
    assert (doc.status, doc.error) == ("error", "encrypted pdf (password required)")


# ---------------------------------------------------------------- bad inputs


def test_empty_file(tmp_path):
    doc = read_document(write(tmp_path, "leer.txt", b""))
    assert (doc.status, doc.error, doc.text) == ("error", "empty file", None)


@pytest.mark.parametrize("data", [b"  \n\r\n\t ", "\ufeff\n".encode(), "\n \n".encode("utf-16")])
def test_whitespace_only_file(tmp_path, data):
    doc = read_document(write(tmp_path, "leer.md", data))
    assert (doc.status, doc.error) == ("error", "empty file (only whitespace)")


def test_binary_file_with_text_suffix(tmp_path):
    doc = read_document(write(tmp_path, "archiv.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00Inhalt"))
    assert (doc.status, doc.error) == ("error", "binary or undecodable")


def test_unreadable_file_reports_the_reason(tmp_path, monkeypatch):
    path = write(tmp_path, "gesperrt.txt", "Förderung")

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    doc = read_document(path)
    assert (doc.status, doc.error) == ("error", "cannot read: Permission denied")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_on_disk(tmp_path):
    path = write(tmp_path, "gesperrt.txt", "Förderung")
    path.chmod(0)
    try:
        doc = read_document(path)
    finally:
        path.chmod(0o644)
    assert (doc.status, doc.error) == ("error", "cannot read: Permission denied")


def test_unexpected_failure_becomes_an_error_row(tmp_path, monkeypatch):
    from extract.io import document

    def boom(data):
        raise RuntimeError("unerwartet")

    monkeypatch.setattr(document, "decode_bytes", boom)
    doc = read_document(write(tmp_path, "pm.txt", "Förderung"))
    assert (doc.status, doc.error) == ("error", "cannot process: RuntimeError: unerwartet")


def test_broken_symlink(tmp_path):
    (tmp_path / "weg.txt").symlink_to(tmp_path / "gibt-es-nicht.txt")
    [doc] = iter_corpus(tmp_path)
    assert doc.status == "error" and doc.error.startswith("cannot read: broken symlink")


@pytest.mark.parametrize(("name", "reason"), [
    ("tabelle.xlsx", "skipped: unsupported file type .xlsx"),
    ("LIESMICH", "skipped: unsupported file type (no suffix)"),
])
def test_unsupported_suffix_is_skipped_without_reading(tmp_path, name, reason):
    doc = read_document(write(tmp_path, name, b"\x00\x01"))
    assert (doc.status, doc.error, doc.text) == ("skipped", reason, None)


def test_fifo_is_skipped_not_read(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(tmp_path / "rohr.txt")
    result = []
    # opening a FIFO blocks until a writer comes: run in a thread so a regression fails, not hangs
    reader = threading.Thread(target=lambda: result.append(read_document(tmp_path / "rohr.txt")),
                              daemon=True)
    reader.start()
    reader.join(timeout=5)
    assert result, "read_document opened the FIFO"
    assert (result[0].status, result[0].error) == ("skipped", "skipped: not a regular file")


def test_suffixes_are_matched_case_insensitively(tmp_path):
    assert read_document(write(tmp_path, "PM.TXT", "Förderung in Köln")).status == "ok"
    assert {".txt", ".md", ".html", ".htm", ".pdf"} <= SUPPORTED


# ---------------------------------------------------------------- the folder walk


def test_walk_is_sorted_recursive_with_unique_ids_and_ignores_hidden(tmp_path):
    write(tmp_path, "b.txt", "Zweites Dokument über Jena")
    write(tmp_path, "a.txt", "Erstes Dokument über Köln")
    write(tmp_path, "a.md", "# Gleicher Stamm")
    write(tmp_path, "land/bayern/pm.txt", "Förderung in Würzburg")
    write(tmp_path, ".DS_Store", b"\x00\x00\x00\x01Bud1")
    write(tmp_path, ".git/HEAD", "ref: refs/heads/main")
    write(tmp_path, "land/.notiz.txt", "versteckt")
    write(tmp_path, "Thumbs.db", b"\x00")
    write(tmp_path, "~$entwurf.txt", b"\x00")
    write(tmp_path, "daten.csv", "a,b")
    docs = list(iter_corpus(tmp_path))
    assert [(d.doc_id, d.source, d.status) for d in docs] == [
        ("a", "a.md", "ok"),
        ("a.txt", "a.txt", "ok"),
        ("b", "b.txt", "ok"),
        ("daten", "daten.csv", "skipped"),
        ("land__bayern__pm", "land/bayern/pm.txt", "ok"),
    ]
    assert docs[4].text == "Förderung in Würzburg"


def test_walk_streams_one_document_at_a_time(tmp_path, monkeypatch):
    from extract.io import corpus

    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path, name, "Förderung")
    calls = []
    original = corpus.read_document
    monkeypatch.setattr(corpus, "read_document", lambda *a, **k: calls.append(a) or original(*a, **k))
    docs = iter_corpus(tmp_path)
    assert isinstance(docs, types.GeneratorType)
    first = next(docs)
    assert first.doc_id == "a" and len(calls) == 1


def test_walk_rejects_a_missing_folder(tmp_path):
    with pytest.raises(NotADirectoryError):
        list(iter_corpus(tmp_path / "fehlt"))


def test_symlinks_inside_the_root(tmp_path):
    write(tmp_path, "echt.txt", "Förderung in Köln")
    write(tmp_path, ".archiv/alt.txt", "Altes Zentrum in Jülich")
    (tmp_path / "doppelt.txt").symlink_to("echt.txt")
    (tmp_path / "aus-archiv.txt").symlink_to(".archiv/alt.txt")
    (tmp_path / "ordner").symlink_to(tmp_path / ".archiv", target_is_directory=True)
    rows = {d.source: d for d in iter_corpus(tmp_path)}
    assert sorted(rows) == ["aus-archiv.txt", "doppelt.txt", "echt.txt"]
    assert rows["aus-archiv.txt"].text == "Altes Zentrum in Jülich"  # otherwise unreachable: read
    assert rows["doppelt.txt"].status == "skipped"  # the real file is read: not twice
    assert rows["doppelt.txt"].error == "skipped: symlink to echt.txt, read there"
    assert rows["echt.txt"].status == "ok"


def test_symlinks_outside_the_root_need_follow_symlinks(tmp_path):
    corpus_dir, outside = tmp_path / "korpus", tmp_path / "draussen"
    write(outside, "fremd.txt", "Zuschuss für Gießen")
    write(outside, "sub/tief.txt", "Hub in Lübeck")
    write(corpus_dir, "eigen.txt", "Zentrum in Jena")
    (corpus_dir / "link.txt").symlink_to(outside / "fremd.txt")
    (corpus_dir / "extern").symlink_to(outside, target_is_directory=True)
    (outside / "sub" / "schleife").symlink_to(outside, target_is_directory=True)  # a loop

    plain = {d.source: (d.status, d.error) for d in iter_corpus(corpus_dir)}
    assert plain == {
        "eigen.txt": ("ok", ""),
        "extern": ("skipped", "skipped: symlinked folder outside the corpus (follow_symlinks is off)"),
        "link.txt": ("skipped", "skipped: symlink to a file outside the corpus (follow_symlinks is off)"),
    }
    followed = {d.source: d.text for d in iter_corpus(corpus_dir, follow_symlinks=True)}
    assert followed == {"eigen.txt": "Zentrum in Jena", "extern/fremd.txt": "Zuschuss für Gießen",
                        "extern/sub/tief.txt": "Hub in Lübeck", "link.txt": "Zuschuss für Gießen"}


def test_read_document_alone_uses_the_stem(tmp_path):
    doc = read_document(write(tmp_path, "sub/pm_01.txt", "Förderung"))
    assert (doc.doc_id, doc.source) == ("pm_01", "pm_01.txt")
    doc = read_document(tmp_path / "sub/pm_01.txt", root=tmp_path)
    assert (doc.doc_id, doc.source) == ("sub__pm_01", "sub/pm_01.txt")


def test_document_pickles_for_worker_processes():
    doc = Document(doc_id="a", source="a.txt", text="Köln", kind="txt", status="ok", encoding="utf-8")
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_package_exports_the_api():
    assert set(extract_io.__all__) >= {"Document", "SUPPORTED", "decode_bytes", "iter_corpus",
                                       "read_document"}
