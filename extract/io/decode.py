"""Bytes to text: BOMs, UTF-8, UTF-16, cp1252/latin-1, mixed files; binary detection.

The text returned is what every offset refers to: decoded, BOM stripped, CRLF and CR
turned into LF (what Python's text mode with universal newlines gives).
"""
from __future__ import annotations

import codecs
import re
import unicodedata

# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Non-ASCII characters that a German (or West European) text in cp1252 plausibly holds.
# A cp1252 reading whose non-ASCII characters are mostly these is taken as right; other
# single-byte encodings (cp1251, cp850, ...) decode to letters outside this set.
_PLAUSIBLE = frozenset(
    "äöüÄÖÜßéèêëáàâçíìîïóòôúùûñÉÈÊÁÀÂÇÓÔÚÑ"
    "„“”‚‘’«»‹›–—…€§°²³µ·×÷\u00a0©®™•½¼¾¹¿¡"
)
# A valid UTF-8 multi-byte sequence (2 to 4 bytes).
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Control characters that never occur in a text file (tab, LF, VT, FF, CR are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# A few stray ones (a DOS end-of-file mark) are tolerated; more than this share of
# control characters means the file is not text.
_MAX_CONTROL_SHARE = 0.001
_MAX_CONTROL_FEW = 2


class UndecodableError(ValueError):
    """The bytes are not a text in any encoding we accept (binary data)."""


def _cp1252_for_bad_bytes(exc: UnicodeDecodeError) -> tuple[str, int]:
    # Mixed files: a UTF-8 text with a few bytes pasted from a cp1252 one.
    bad = exc.object[exc.start:exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error("extract_cp1252", _cp1252_for_bad_bytes)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a text file's bytes; raises UndecodableError for binary data.

    Order: a BOM decides; UTF-16 without BOM is recognised by its NUL pattern; other NUL
    bytes mean binary; strict UTF-8 wins when it decodes; a UTF-8 file with a few cp1252
    bytes is read as both; cp1252 is taken when its reading looks like German text; then
    charset-normalizer's guess; a reading full of control characters is binary.
    """
    if not data:
        return "", "utf-8"
    text, encoding = _decode(data)
    if _looks_binary(text):
        raise UndecodableError("binary or undecodable")
    return normalise_newlines(text), encoding


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError:
                continue  # e.g. a UTF-16 LE BOM that only looked like a UTF-32 one
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise UndecodableError("binary or undecodable")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="extract_cp1252"), "utf-8+cp1252"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None  # bytes 0x81 0x8d 0x8f 0x90 0x9d are undefined in cp1252
    if text is not None and _plausible_western(text):
        return text, "cp1252"
    guessed = _charset_normalizer(data)
    if guessed is not None:
        return guessed
    if text is not None:
        return text, "cp1252"
    raise UndecodableError("binary or undecodable")


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without BOM: Latin text has a NUL in every second byte, on one side only."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    half = len(sample) // 2
    even_nuls = sample[0::2].count(0) / half
    odd_nuls = sample[1::2].count(0) / half
    if odd_nuls > 0.4 and even_nuls < 0.05:
        encoding = "utf-16-le"
    elif even_nuls > 0.4 and odd_nuls < 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 multi-byte sequences outnumber the bytes that are not UTF-8."""
    valid = len(_UTF8_MULTI.findall(data))
    if not valid:
        return False
    stripped = _UTF8_MULTI.sub(b"", data)
    invalid = sum(1 for byte in stripped if byte >= 0x80)
    return valid >= invalid


def _plausible_western(text: str) -> bool:
    """At least 80 % of the non-ASCII characters are ones a German text uses."""
    non_ascii = [ch for ch in text if ord(ch) > 0x7F]
    if not non_ascii:
        return True
    plausible = sum(1 for ch in non_ascii if ch in _PLAUSIBLE)
    return plausible >= 0.8 * len(non_ascii)


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best), best.encoding


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = len(_CONTROL.findall(text))
    return controls > max(_MAX_CONTROL_FEW, _MAX_CONTROL_SHARE * len(text))


# Characters that are invisible in print and only break words for the rules: soft hyphen,
# zero-width space, non-joiner and joiner, left-to-right and right-to-left marks, bidi
# embeddings and isolates, word joiner and invisible operators, a BOM inside the text
# (concatenated files).
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def clean_text(text: str) -> str:
    """NFC (composed umlauts, as the rules expect) without invisible break characters."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _INVISIBLE.sub("", text)


def normalise_text(text: str) -> str:
    """The text every offset refers to, for a file and for the Python API alike: LF line
    ends, NFC, no invisible characters."""
    return clean_text(normalise_newlines(text))
