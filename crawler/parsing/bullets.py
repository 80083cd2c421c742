"""Plain-text bullets of every shape rewritten as ``- item`` lines."""

from __future__ import annotations

import re

from crawler.parsing.repair import join_lines

__all__ = ["normalise_bullets", "pictograph_prefix"]


_BULLET_GLYPHS = "•·‣⁃◦○●▪▫■□►▶▸▹➢➣➤➔➜→⇒✓✔✅☑✗✘❖◆◇♦⦁∙\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0e0\uf06e\uf0a8"
_BULLET = re.compile(
    rf"^(?:[{_BULLET_GLYPHS}]\ufe0f?\s*|[-–—*+](?:\s+|(?=[A-ZÄÖÜ]))|o\s+(?=\S))"
)
# "1. Oktober" is a date, not an item; "3. Maintain dashboards" is an item.
_MONTHS = (r"(?:jan(?:uar|uary)?|jänner|feb(?:ruar|ruary)?|mär(?:z)?|mar(?:ch)?|apr(?:il)?|mai|may|jun[ei]?|jul[iy]?"
           r"|aug(?:ust)?|sept?(?:ember)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dez(?:ember)?|dec(?:ember)?)")
_NUMBERED = re.compile(
    rf"^(?:\(?\d{{1,2}}[.)]|\(\d{{1,2}}\)|\(?[a-zA-Z]\)|[ivxIVX]{{1,4}}[.)])\s+(?!(?i:{_MONTHS})(?:\.|\b))"
)
_INLINE_BULLET_GLYPHS = "•▪►✓✔➢➤\uf0b7"
_INLINE_BULLETS = re.compile(rf"\s*[{_INLINE_BULLET_GLYPHS}]\ufe0f?\s*")
_INLINE_BULLET_GLYPH = re.compile(rf"[{_INLINE_BULLET_GLYPHS}]")


# Emoji and pictographic symbols used as bullets ("👉 item", "🔹 item", "💶 €45,000 …").
_PICTOGRAPH_RANGES = ((0x2190, 0x21FF), (0x2300, 0x23FF), (0x25A0, 0x27BF), (0x2900, 0x297F),
                      (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF))
_EMOJI_JOINERS = frozenset("\ufe0f\u200d\u20e3")
# Plain-text list markers that are bullets only when several lines in a row use them
# ("> item", "# item"); a single "# Heading" stays as written.
_REPEATED_MARKERS = (">", "#")


def _is_pictograph(character: str) -> bool:
    code = ord(character)
    return code >= _PICTOGRAPH_RANGES[0][0] and any(low <= code <= high for low, high in _PICTOGRAPH_RANGES)


def pictograph_prefix(line: str) -> int:
    """Length of a leading run of pictographs followed by a space (0 when there is none)."""
    if not line or line.isascii() or not _is_pictograph(line[0]):
        return 0
    end = 1
    while end < len(line) and (_is_pictograph(line[end]) or line[end] in _EMOJI_JOINERS
                               or 0x1F3FB <= ord(line[end]) <= 0x1F3FF):
        end += 1
    if end < len(line) and line[end] == " " and end + 1 < len(line):
        return end + 1
    return 0


def _marker_start(line: str) -> str | None:
    """"pictograph", ">" or "#" when ``line`` opens with such a marker, else None."""
    stripped = line.strip()
    if stripped[:1].isascii():  # no pictograph: only the ASCII markers are left to check
        return stripped[0] if stripped[:2] in ("> ", "# ") and len(stripped) > 2 else None
    if pictograph_prefix(stripped):
        return "pictograph"
    if stripped[:2] in ("> ", "# ") and len(stripped) > 2:
        return stripped[0]
    return None


def _marker_bullets(lines: list[str]) -> set[int]:
    """Indexes of lines whose leading pictograph or repeated marker is a bullet: the line has
    a neighbour that starts with a bullet too (a single emoji-led sentence is prose)."""
    found = set()
    for index, line in enumerate(lines):
        start = _marker_start(line)
        if start is None:
            continue
        neighbours = []
        for other in (index - 1, index + 1):
            if 0 <= other < len(lines):
                neighbour = lines[other].strip()
                kind = _marker_start(neighbour)
                if kind is None and (_BULLET.match(neighbour) or _NUMBERED.match(neighbour)):
                    kind = "bullet"
                neighbours.append(kind)
        if start == "pictograph" and any(kind is not None for kind in neighbours):
            found.add(index)
        elif start in _REPEATED_MARKERS and start in neighbours:
            found.add(index)
    return found


def _bullet_body(line: str) -> str | None:
    """The item text when ``line`` is a bullet or numbered line, else None."""
    match = _BULLET.match(line) or _NUMBERED.match(line)
    if match is None:
        return None
    body = line[match.end():]
    while True:  # "- • item" from HTML lists that also typed a glyph
        again = _BULLET.match(body)
        if again is None or again.end() == 0:
            return body.strip()
        body = body[again.end():]


def _is_numbered_heading(body: str, lines: list[str], index: int) -> bool:
    """"1. Your tasks" followed by dash or glyph bullets is a numbered heading, not an item."""
    if body.count(" ") > 5 or body[-1:] in ".!?;,":
        return False
    for following in lines[index + 1:]:
        following = following.strip()
        if following:
            return _BULLET.match(following) is not None
    return False


def _is_footnote(stripped: str, lines: list[str], index: int) -> bool:
    """True for a line opening with a star glued to its first word whose neighbours (the nearest
    non-blank lines) open with no such star: a footnote's mark, not a list of "*item" lines."""
    if not (stripped.startswith("*") and stripped[1:2].isalpha()):
        return False
    neighbours = [next((line.strip() for line in reversed(lines[:index]) if line.strip()), ""),
                  next((line.strip() for line in lines[index + 1:] if line.strip()), "")]
    return not any(line.startswith("*") and line[1:2].isalpha() for line in neighbours)


def normalise_bullets(text: str) -> str:
    """Rewrite plain-text bullets as ``- item`` lines.

    Recognises glyph bullets (``•``, ``·``, ``▪``, ``►``, ``✓``, ``→``, Word's private-use
    bullets, ``o``), dash and star bullets (``-``, ``–``, ``—``, ``*``, ``+``), and
    pictographs and repeated ``>`` / ``#`` markers when a neighbouring line starts with a
    bullet too ("👉 item", "🔹 item", "> item"), numbered items (``1.``, ``1)``, ``(1)``,
    ``a)``, ``iv.``) except dates such as
    "1. Oktober" and short numbered headings followed by other bullets ("1. Your tasks"
    over "- …" lines), which stay as written. A line holding several ``•`` items is
    split into one line each.
    Lines that are only a bullet glyph are removed.
    """
    lines_out: list[str] = []
    lines = text.split("\n")
    marker_bullets = _marker_bullets(lines) if ("> " in text or "# " in text or not text.isascii()) else set()
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            lines_out.append("")
            continue
        if index in marker_bullets:
            body = stripped[pictograph_prefix(stripped) or 2:].strip()
            if body:
                lines_out.append("- " + (_bullet_body(body) or body))
            continue
        if (not stripped.isascii() and _INLINE_BULLET_GLYPH.search(stripped)
                and sum(stripped.count(glyph) for glyph in _INLINE_BULLET_GLYPHS) >= 2):
            pieces = [piece for piece in _INLINE_BULLETS.split(stripped) if piece.strip()]
            if len(pieces) >= 2:
                starts_with_bullet = _INLINE_BULLETS.match(stripped) is not None
                if not starts_with_bullet:
                    lines_out.append(pieces.pop(0))
                lines_out.extend("- " + piece.strip() for piece in pieces)
                continue
        body = _bullet_body(stripped)
        if body and _is_footnote(stripped, lines, index):
            body = None  # "*Duties … may change at any time": a footnote under the list, no item of it
        if body is None or (_NUMBERED.match(stripped) and _is_numbered_heading(body, lines, index)):
            lines_out.append(stripped)
        elif body:
            lines_out.append("- " + body)
    return join_lines(lines_out)
