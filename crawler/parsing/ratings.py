"""Blocks that rate an ad rather than state it.

Tools that collect job ads (a job-hunting agent, a matching service) append their verdict to the
saved ad: a heading, then lines that score it out of a scale ("Score: 5/100", "Fit Score: 54/100",
"Threshold: 10/100"), a decision, a rationale that compares the ad with someone's CV. Such a block
comments on the ad; its lists are not the ad's tasks, requirements or benefits, and its words
("Found tags: … 'freelance' …") are not the ad's terms. It is found by its structure — several
lines in a row that give a figure out of a scale — not by its wording.
"""

from __future__ import annotations

import re

__all__ = ["without_rating_blocks"]

# "- Score: 5/100", "Fit Score: 54 / 100", "Bewertung: 7/10": a label with a figure out of a scale.
_RATING_LINE = re.compile(r"^(?:[-*•]\s+)?[^\W\d][\w .'-]{0,30}:\s*(?P<figure>\d{1,3})\s*/\s*(?P<scale>5|10|100)\s*$")
_LEAST_RATING_LINES = 2
_RATING_WINDOW = 6  # lines within which those ratings fall: one block, not scattered facts
_LEAST_AD_SHARE = 0.3  # a block appended to the ad comes after it, not at its top
_HEADING_MAX_WORDS = 6
_HEADINGS_ABOVE = 2  # "🤖 AI Evaluation Results" / "Pre-Evaluation Phase"


def _is_rating(line: str) -> bool:
    match = _RATING_LINE.match(line.strip())
    return bool(match) and int(match.group("figure")) <= int(match.group("scale"))


def _is_heading_line(line: str) -> bool:
    line = line.strip()
    return (bool(line) and len(line.split()) <= _HEADING_MAX_WORDS and not line.startswith(("-", "*", "•"))
            and not line.endswith((".", ":", "!", "?", ",", ";")))


def _block_start(lines: list[str], first_rating: int) -> int:
    """The first line of the rating block: the rating list and up to two standalone heading lines
    above it (a title line for the whole verdict, one for its phase)."""
    start = first_rating
    while start and lines[start - 1].lstrip().startswith(("-", "*", "•")):
        start -= 1
    headings = 0
    index = start - 1
    while index >= 0 and headings < _HEADINGS_ABOVE:
        if not lines[index].strip():
            index -= 1
            continue
        if not (_is_heading_line(lines[index]) and (index == 0 or not lines[index - 1].strip())):
            break
        headings += 1
        start = index
        index -= 1
    return start


def without_rating_blocks(text: str) -> str:
    """``text`` without a block that rates the ad, from its heading to the end: what a rating tool
    appends after the ad (further verdicts, an application it wrote) is no part of the ad either."""
    if "/" not in text:
        return text
    lines = text.split("\n")
    ratings = [index for index, line in enumerate(lines) if "/" in line and _is_rating(line)]
    for position, first in enumerate(ratings):
        block = [index for index in ratings[position:] if index - first < _RATING_WINDOW]
        if len(block) >= _LEAST_RATING_LINES and first >= _LEAST_AD_SHARE * len(lines):
            return "\n".join(lines[:_block_start(lines, first)]).rstrip()
    return text
