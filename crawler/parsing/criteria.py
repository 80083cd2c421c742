"""A board's criteria list (label line, value line), wherever it stands in the ad's text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crawler.parsing.header import _LABELS

__all__ = ["Criteria", "read_criteria"]


# A board's criteria list, label line then value line, often below the ad (LinkedIn's
# "Seniority level / Mid-Senior level / Employment type / Full-time / Job function / …").
_CRITERIA_LABELS = {
    "seniority": {"seniority level", "experience level", "career level", "karrierestufe", "berufserfahrung",
                  "erfahrungslevel", "seniority"},
    "terms": _LABELS["terms"],
    "other": {"job function", "industries", "industry", "branche", "tätigkeitsbereich", "function",
              "department", "abteilung", "category", "kategorie"},
}
_CRITERIA_LINE_RE = re.compile(
    "^(?:" + "|".join(sorted((re.escape(label) for labels in _CRITERIA_LABELS.values() for label in labels),
                             key=len, reverse=True)) + r"):?[ \t]*$", re.IGNORECASE | re.MULTILINE)
_CRITERIA_LEAST_PAIRS = 2
_CRITERIA_VALUE_MAX_WORDS = 8


def _criteria_kind(line: str) -> str | None:
    label = line.strip().rstrip(":").lower()
    return next((kind for kind, labels in _CRITERIA_LABELS.items() if label in labels), None)


@dataclass
class Criteria:
    """A board's criteria list: its terms and seniority values, and the text without the list."""

    terms: list[str] = field(default_factory=list)
    seniority: str | None = None
    text: str = ""


def read_criteria(text: str) -> Criteria:
    """Find a block of two or more "label line, value line" pairs with labels boards use for job
    criteria (seniority level, employment type, job function, industries…) anywhere in the text;
    return its terms and seniority values, and the text without the block (it is board chrome,
    not the ad's wording)."""
    result = Criteria(text=text)
    if not _CRITERIA_LINE_RE.search(text):
        return result  # no criteria label alone on a line: nothing to read (the common case)
    lines = text.split("\n")
    index = 0
    while index < len(lines) - 1:
        pairs, end = [], index
        while end + 1 < len(lines) and _criteria_kind(lines[end]) and lines[end + 1].strip() and (
                len(lines[end + 1].split()) <= _CRITERIA_VALUE_MAX_WORDS and not _criteria_kind(lines[end + 1])):
            pairs.append((_criteria_kind(lines[end]), lines[end + 1].strip()))
            end += 2
        if len(pairs) >= _CRITERIA_LEAST_PAIRS:
            for kind, value in pairs:
                if kind == "terms":
                    result.terms.append(value)
                elif kind == "seniority":
                    result.seniority = result.seniority or value
            result.text = "\n".join(lines[:index] + lines[end:]).strip()
            return result
        index += 1
    return result
