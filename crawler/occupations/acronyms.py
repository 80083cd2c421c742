"""Acronyms a title uses and its ad spells out: "RGN, Elderly Care, Nursing Home" is read as
"Registered General Nurse, …" when the ad's text says "Registered General Nurse".

English ads abbreviate the job in the title and write it in full in the text (RGN, QSW, C&I); ESCO's
labels hold the full words only, so the label search found the health care assistant through
"Nursing Home" instead. Only capitalised words spelling the acronym's letters in order count
(joined by spaces, hyphens, "and", "of" or "&"), and only acronyms that are no word of ESCO's
labels ("SALES", "IT" stay as they are).
"""

from __future__ import annotations

import re

from crawler.occupations.index import load_index

_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
_JOIN = r"(?:\s+(?:and|of|&)\s+|[\s-]+)"
# How much of the ad's text is searched for the spelled-out form.
SPELLED_OUT_CHARS = 2000


def _spelled_out_pattern(acronym: str) -> re.Pattern:
    """Capitalised words (≥ 3 letters) starting with the acronym's letters in order."""
    words = [rf"{letter}(?:[a-z]{{2,}}|[A-Z]{{2,}})" for letter in acronym]
    return re.compile(r"\b" + _JOIN.join(words) + r"\b")


def spell_out_acronyms(title: str, description: str | None) -> str:
    """The title with each acronym its ad spells out replaced by the spelled-out words."""
    if not description or not _ACRONYM.search(title):
        return title
    text = description[:SPELLED_OUT_CHARS]
    known = load_index().idf
    for acronym in set(_ACRONYM.findall(title)):
        if acronym.lower() in known:
            continue
        found = _spelled_out_pattern(acronym).search(text)
        if found is not None:
            title = re.sub(rf"\b{acronym}\b", found.group(0), title)
    return title
