"""Acronyms a title uses and its ad spells out: "RGN, Elderly Care, Nursing Home" is read as
"Registered General Nurse, …" when the ad's text says "Registered General Nurse".

English ads abbreviate the job in the title and write it in full in the text (RGN, QSW, C&I); ESCO's
labels hold the full words only, so the label search found the health care assistant through
"Nursing Home" instead. Only capitalised words spelling the acronym's letters in order count
(joined by spaces, hyphens, "and", "of" or "&"), and only acronyms that are no word of ESCO's
labels ("SALES", "IT" stay as they are).

German ads write the job's adjectives in lower case and its nouns as compounds, so their acronyms
are not capitalised words ("zahnmedizinische Fachangestellte" is a ZFA); they define them in brackets
instead: "… eine zahnmedizinische Fachangestellte (ZFA)", "Pharmazeutisch-technischer Assistent
(PTA)". The words before "(ACRONYM)" whose letters hold the acronym's in order, the first word
starting with its first letter, are its spelled-out form, in either language.
"""

from __future__ import annotations

import re

from crawler.occupations.index import load_index

# The parts of the UK nurses' register, which English titles name by their letters alone ("RGN
# Nights", "RMN or RNLD") and whose ads need not spell them out: the register's own names.
REGISTER_ACRONYMS = {
    "RGN": "Registered General Nurse",
    "RMN": "Registered Mental Health Nurse",
    "RNMH": "Registered Nurse Mental Health",
    "RNLD": "Registered Learning Disability Nurse",
    "RSCN": "Registered Sick Children's Nurse",
}
_MANAGER = re.compile(r"\bmanager\b", re.IGNORECASE)

# An acronym standing as a word; one joined to another by a hyphen ("NOC-Mitarbeiter") is a part of a
# compound naming the field, which the compound's reading keeps whole.
_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{2,5}(?![\w-])")
_JOIN = r"(?:\s+(?:and|of|&)\s+|[\s-]+)"
# How much of the ad's text is searched for the spelled-out form.
SPELLED_OUT_CHARS = 2000


def _spelled_out_pattern(acronym: str) -> re.Pattern:
    """Capitalised words (≥ 3 letters) starting with the acronym's letters in order."""
    words = [rf"{letter}(?:[a-z]{{2,}}|[A-Z]{{2,}})" for letter in acronym]
    return re.compile(r"\b" + _JOIN.join(words) + r"\b")


# The run of words (letters first, then letters, digits or hyphens) closing a text.
_WORDS_AT_END = re.compile(r"((?:[^\W\d_][\w-]*\s+)*[^\W\d_][\w-]*)\s*$")


def _holds_letters_in_order(words: str, letters: str) -> bool:
    """True when the letters occur in the words in this order ("zahnmedizinische fachangestellte"
    holds z, f, a)."""
    position = 0
    for letter in letters:
        position = words.find(letter, position) + 1
        if position == 0:
            return False
    return True


def defined_in_brackets(acronym: str, text: str) -> str | None:
    """The words an ad defines the acronym as, "<words> (ACRONYM)": the fewest words before the
    bracket (at most one per letter) whose first starts with the acronym's first letter and which
    hold its letters in order; None when the ad defines it nowhere so."""
    bracket = re.search(rf"\(\s*{acronym}\s*\)", text)
    if bracket is None:
        return None
    # Only the words just before the bracket are read (at most one per letter): searching the whole
    # ad for a form ending there would try every word of it as the form's start.
    before = text[max(0, bracket.start() - 40 * len(acronym)):bracket.start()]
    run = _WORDS_AT_END.search(before)
    words = run.group(1).split()[-len(acronym):] if run else []
    letters = acronym.lower()
    for start in range(len(words) - 1, -1, -1):
        span = " ".join(words[start:]).lower()
        if span.startswith(letters[0]) and _holds_letters_in_order(span, letters):
            return " ".join(words[start:])
    return None


def spelled_before_head(acronym: str, title: str, text: str) -> str | None:
    """The acronym's words in any case when the ad writes them before the same word the title
    writes after the acronym: "FB Assistant" and "Food and beverage assistant", "HCA" is no case
    (no word after it). Lower-case words spell an acronym only so: alone, "food and beverage"
    anywhere in a text is too common a phrase to be the acronym's."""
    after = re.search(rf"(?<![\w-]){acronym}\s+([A-Za-z]{{3,}})", title)
    if after is None:
        return None
    words = [rf"[{letter}{letter.lower()}][a-z]{{2,}}" for letter in acronym]
    found = re.search(r"\b(" + _JOIN.join(words) + rf")\s+{after.group(1)}\b", text, re.IGNORECASE)
    return found.group(1) if found is not None else None


def spell_out_acronyms(title: str, description: str | None, german: bool = False) -> str:
    """The title with each acronym its ad spells out replaced by the spelled-out words; in a German
    ad only an acronym the ad defines in brackets. An English title's part of the nurses' register
    is spelled out whether or not its ad does."""
    if not _ACRONYM.search(title):
        return title
    text = (description or "")[:SPELLED_OUT_CHARS]
    known = load_index().idf
    for acronym in set(_ACRONYM.findall(title)):
        if acronym.lower() in known:
            continue
        spelled = defined_in_brackets(acronym, text)
        if spelled is None and not german:
            found = _spelled_out_pattern(acronym).search(text)
            spelled = found.group(0) if found is not None else None
        if spelled is None and not german:
            spelled = spelled_before_head(acronym, title, text)
        if spelled is None and not german and acronym in REGISTER_ACRONYMS:
            # "RGN Home Manager": a manager who must be on the register; the letters are the
            # qualification, not the job.
            spelled = "" if _MANAGER.search(title) else REGISTER_ACRONYMS[acronym]
        if spelled is not None:
            title = re.sub(rf"(?<![\w-]){acronym}(?![\w-])", spelled, title)
    return title
