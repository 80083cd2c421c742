"""Whether a file's bytes can hold a job ad as text at all (before parsing it), and the text they hold."""

from __future__ import annotations

import codecs

# Signatures of formats that are not text: the parser reads HTML, Markdown and plain text only.
_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/ODT)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"), (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"\x1f\x8b", "gzip-compressed data"),
    (b"{\\rtf", "an RTF document"),
)
_SAMPLE_BYTES = 8192
_MOST_CONTROL_SHARE = 0.05
_MOST_REPLACED_SHARE = 0.10


def unreadable_ad_reason(raw: bytes) -> str | None:
    """Why ``raw`` cannot be a text job ad ("empty file", "a PDF document — convert it to text
    first", "binary data, not text"), or None when it reads as text."""
    if not raw.strip():
        return "empty file: no job ad to parse"
    head = raw.lstrip()[:16]
    for signature, kind in _BINARY_SIGNATURES:
        if head.startswith(signature):
            return f"{kind}, not a saved page or a text ad — convert it to text or HTML first"
    sample = raw[:_SAMPLE_BYTES]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a byte-order mark: text
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    replaced = sample.decode("utf-8", errors="replace").count("\ufffd")
    if b"\x00" in sample or controls > _MOST_CONTROL_SHARE * len(sample) or replaced > _MOST_REPLACED_SHARE * len(sample):
        return "binary data, not a saved page or a text ad"
    return None


def _as_windows_1252(error: UnicodeDecodeError) -> tuple[str, int]:
    """A byte that is no UTF-8 read as Windows-1252 (Latin-1 where that code page leaves a gap)."""
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace").replace("\ufffd", "") or bad.decode("latin-1"), error.end


codecs.register_error("jobcrawl_cp1252", _as_windows_1252)


def decode_ad_bytes(raw: bytes) -> str:
    """The text of a saved ad's bytes: UTF-16 by its byte-order mark, else UTF-8 (a BOM dropped), each
    byte that is no UTF-8 read as Windows-1252 — the code page of pages saved from older German and
    English sites, whose declared charset often says UTF-8 ("Verwaltungstätigkeiten" stays itself, not
    "Verwaltungst\ufffdtigkeiten")."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    return raw.decode("utf-8-sig", errors="jobcrawl_cp1252")
