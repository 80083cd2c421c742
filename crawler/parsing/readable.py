"""Whether a file's bytes can hold a job ad as text at all (before parsing it)."""

from __future__ import annotations

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
