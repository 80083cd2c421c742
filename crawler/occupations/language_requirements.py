"""The languages a title asks for: a requirement of the job, not its occupation.

"Swiss German Frontline Agent", "Dutch or Finnish Speaking Presales", "Bilingual Customer Service
Operator", "Lead Generation Agent – Danish, German, Hebrew, Dutch or Norwegian speaking": the
agent, the presales and the operator do the same work in any language, and the language's words
only pull the label search toward labels that hold them ("German language teacher"). Where the
language is the work ("English Teacher", "Spanish Translator", "Fachlehrperson Französisch"), the
title keeps it.
"""

from __future__ import annotations

import re

_LANGUAGES = (
    r"(?:swiss[- ]german|english|german|french|spanish|italian|portuguese|dutch|flemish|danish|swedish"
    r"|norwegian|finnish|icelandic|nordic|scandinavian|polish|czech|slovak|hungarian|romanian|bulgarian"
    r"|greek|turkish|russian|ukrainian|hebrew|arabic|chinese|mandarin|cantonese|japanese|korean|hindi"
    r"|urdu|deutsch|englisch|französisch|spanisch|italienisch|niederländisch|polnisch|russisch|türkisch)"
)
# "Danish, German, Hebrew, Dutch or Norwegian": languages in a list.
_LANGUAGE_LIST = rf"{_LANGUAGES}(?:\s*(?:,|/|\bor\b|\band\b|&|\boder\b|\bund\b)\s*{_LANGUAGES})*"
# "… speaking", "German Speakers", "speaking Dutch", "deutschsprachig", "bilingual".
_SPOKEN = re.compile(
    rf"\b{_LANGUAGE_LIST}[\s-]+speak(?:ing|ers?)\b|\bspeak(?:ing|ers?)\s+{_LANGUAGE_LIST}\b"
    r"|\b(?:bi|multi|tri)lingual\b|\b(?:zwei|mehr|deutsch|englisch)sprachige?[rnms]?\b",
    re.IGNORECASE,
)
# Languages opening a title before its role: "Swiss German Frontline Agent", "French Payroll Specialist".
_LEADING_LANGUAGES = re.compile(rf"^\s*{_LANGUAGE_LIST}\s+(?=\w)", re.IGNORECASE)
# Work whose field a language is: the language stays in the title.
_LANGUAGE_WORK = re.compile(
    r"\b(?:teach\w*|tutor\w*|lecturer|professor|instructor|trainer|coach|translat\w*|interpret\w*|editor"
    r"|copywriter|writer|proofreader|journalist|linguist|localis\w*|localiz\w*|lehr\w*|dozent\w*"
    r"|übersetz\w*|dolmetsch\w*|redakteur\w*|lektor\w*|texter\w*|sprach\w*)\b",
    re.IGNORECASE,
)


def without_language_requirement(title: str) -> str:
    """The title without the languages it asks it be spoken in ("… speaking", "German Speakers",
    "Bilingual"), unless a language is the title's field of work.

    >>> without_language_requirement("Dutch or Finnish Speaking Presales")
    ' Presales'
    >>> without_language_requirement("English Speaking Teacher")
    'English Speaking Teacher'
    """
    if _LANGUAGE_WORK.search(title):
        return title
    stripped = _SPOKEN.sub(" ", title)
    return stripped if re.search(r"\w", stripped) else title


def without_leading_languages(part: str) -> str:
    """A normalised title part without the languages opening it ("swiss german frontline agent" →
    "frontline agent"), unless a language is its field of work ("english teacher")."""
    if _LANGUAGE_WORK.search(part):
        return part
    stripped = _LEADING_LANGUAGES.sub("", part)
    return stripped if re.search(r"\w", stripped) else part
