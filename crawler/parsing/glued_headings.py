"""Headings glued to the line above them when a page's blocks were flattened.

Boards that strip markup join a heading to the end of the item or sentence before it: "- gute
Erreichbarkeit mit öffentlichen Verkehrsmitteln Das sind Ihre Aufgaben:", "This is a fully remote
position. Responsibilities:". Such a line ends in a colon over a list; its tail is a heading the
phrase patterns know. Splitting it back gives the splitter the heading on a line of its own.
"""

from __future__ import annotations

import re

from crawler.parsing.headings import GROUP_KIND, heading_group

__all__ = ["split_glued_headings"]

# Where a heading can start: a capital after a lower-case word or a closing parenthesis (glued
# without punctuation), or after a sentence's end.
_GLUE_POINT = re.compile(r"(?<=[a-zäöüß0-9)])\s+(?=[A-ZÄÖÜ])|(?<=[.!?])\s+(?=[A-ZÄÖÜ])")
_HEAD_MIN_WORDS = 2
# Only a heading that opens a section is split off: "am Standort:" ends a heading, it is none.
_SECTION_KINDS = ("responsibilities", "requirements", "benefits", "company")
_HEADING_MAX_WORDS = 8


def _next_is_bullet(lines: list[str], index: int) -> bool:
    for following in lines[index + 1:index + 4]:
        if following.strip():
            return following.strip().startswith("- ")
    return False


def _glued_split(line: str) -> tuple[str, str] | None:
    """``(text, heading)`` when ``line`` ends in a known heading glued to other text, else None."""
    body = line[2:] if line.startswith("- ") else line
    for point in _GLUE_POINT.finditer(body):
        head, tail = body[:point.start()], body[point.end():]
        if tail.count(" ") + 1 > _HEADING_MAX_WORDS or head.count(" ") + 1 < _HEAD_MIN_WORDS:
            continue
        group = heading_group(tail)
        if group is not None and GROUP_KIND[group] in _SECTION_KINDS:
            prefix = "- " if line.startswith("- ") else ""
            return prefix + head.rstrip(), tail
    return None


def split_glued_headings(text: str) -> str:
    """``text`` with each heading that was glued to the end of the line above a list put on a
    line of its own. Only colon-ended lines over a bullet list are split, and only at a heading the
    phrase patterns of :mod:`crawler.parsing.headings` recognise as a whole."""
    if ":\n" not in text:
        return text
    lines = text.split("\n")
    changed = False
    output: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if (stripped.endswith(":") and " " in stripped and _next_is_bullet(lines, index)
                and heading_group(stripped) is None):
            split = _glued_split(stripped)
            if split:
                output.extend(split)
                changed = True
                continue
        output.append(line)
    return "\n".join(output) if changed else text
