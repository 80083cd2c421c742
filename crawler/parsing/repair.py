"""Repair encoding damage in job-ad text: entities, mojibake, odd spaces and quotes, blank lines."""

from __future__ import annotations

import html
import re
import unicodedata

import ftfy

__all__ = ["join_lines", "repair_text"]

# Speed: a character-class regex scan costs ~20 ns per character here, `in` ~1000x less,
# so the checks below look for each rare character with `in` and run the work only then.

# Only entities with a closing ';': html.unescape alone would also turn the legacy
# no-semicolon names inside "AT&Times" or "R&copy" into symbols.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Traces of UTF-8 read as cp1252/latin-1 ("companyâ€™s", "MÃ¼nchen") and of cp1252 read
# as latin-1 (C1 controls). ftfy runs only when one is present: it costs ~1 ms per 30 KB.
# (Every C1 control counts: "â\x82¬" is a "€" whose UTF-8 bytes were read as latin-1.)
_MOJIBAKE_MARKERS = ("Ã", "Â", "â€", "Ð", "Ñ", "ð\u0178", "ï»¿", *(chr(code) for code in range(0x80, 0xA0)))
_LINE_SEPARATORS = ("\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85")
_INVISIBLE = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff",
              "\u202a", "\u202b", "\u202c", "\u202d", "\u202e")
_CONTROL_CHARACTERS = tuple(chr(code) for code in (*range(0, 9), *range(14, 32), 127))
_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u201a", "'"), ("\u201b", "'"), ("\u2032", "'"),
           ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u201f", '"'), ("\u2033", '"'),
           # the Unicode hyphens an editor types for "-" ("Ruprecht\u2011Karls\u2011Universität", non-breaking)
           ("\u2010", "-"), ("\u2011", "-"))
_COMBINING_MARKS = ("\u0300", "\u0301", "\u0302", "\u0303", "\u0308", "\u030a", "\u030c", "\u0327")


def join_lines(lines: list[str]) -> str:
    """Join stripped lines, keeping at most one blank line and none at the ends."""
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept)


def _unescape_entities(text: str) -> str:
    position = text.find("&")
    while position != -1 and not _ENTITY.match(text, position):
        position = text.find("&", position + 1)
    if position == -1:
        return text
    for _ in range(3):  # "&amp;nbsp;" is escaped twice
        unescaped = _ENTITY.sub(lambda match: html.unescape(match.group()), text)
        if unescaped == text:
            break
        text = unescaped
    return text


def _tidy_lines(text: str) -> str:
    """Collapse whitespace within lines, strip them, keep at most one blank line."""
    return join_lines([" ".join(line.split()) for line in text.split("\n")])


def repair_text(text: str) -> str:
    """Repair encoding damage and normalise whitespace in plain text.

    Unescapes HTML entities (double-escaped ones such as ``&amp;nbsp;`` too), fixes
    mojibake with ftfy ("companyâ€™s" -> "company's"), turns curly quotes into straight
    ones (so text is the same whether ftfy ran or not) and Unicode hyphens into "-", NBSP and other odd spaces into
    spaces, drops zero-width characters, soft hyphens and control characters, composes
    Unicode (NFC), collapses spaces within lines, strips lines and keeps at most one
    blank line.
    """
    if not text:
        return ""
    if "&" in text:
        text = _unescape_entities(text)
    ascii_only = text.isascii()
    if not ascii_only and any(marker in text for marker in _MOJIBAKE_MARKERS):
        text = "\n".join(
            ftfy.fix_text(line, unescape_html=False, uncurl_quotes=True)
            if any(marker in line for marker in _MOJIBAKE_MARKERS) else line
            for line in text.split("\n")
        )
    for separator in _LINE_SEPARATORS:
        if separator in text:
            text = text.replace(separator, "\n")
    for character in _CONTROL_CHARACTERS if ascii_only else _CONTROL_CHARACTERS + _INVISIBLE:
        if character in text:
            text = text.replace(character, "")
    if not ascii_only:
        for curly, straight in _QUOTES:
            if curly in text:
                text = text.replace(curly, straight)
        if any(mark in text for mark in _COMBINING_MARKS):
            text = unicodedata.normalize("NFC", text)
    return _tidy_lines(text)
