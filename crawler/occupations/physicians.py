"""Physicians named by their rank or their specialty in German titles.

A clinic's physician in charge is advertised by the medical rank: "Ärztliche Leitung", "Ärztlicher
Leiter", "Ärztliche Bereichsleitung MVZ Rheumatologie", "Ärztlicher Direktor". ISCO-08 codes by the
tasks mainly performed: a physician's (the convention of this set: "Ärztliche Leitung" is 2211,
de_058, de_mg_000), a specialist's (2212) when the title names a medical specialty. The rank word
alone read as a health services manager (1342) or, in the masculine, ESCO's medical records manager.
German names specialists after their field ("Rheumatologe", "Kardiologin"), words no bundled
vocabulary knew (English specialists are lexicon entries): they are specialist physicians (2212).
"""

from __future__ import annotations

import re

GENERALIST_PHYSICIANS = "2211"
SPECIALIST_PHYSICIANS = "2212"
# The medical rank: "ärztliche Leitung", "Ärztlicher Leiter", "ärztliche Bereichsleitung",
# "Ärztlicher Direktor".
_MEDICAL_RANK = re.compile(
    r"\bärztlich\w*\s+(?:\w*leit\w*|direktor\w*|direktion)\b", re.IGNORECASE)
# Medical specialties a title names (German fields and departments, English specialties).
_SPECIALTY = re.compile(
    r"(?:rheumatolog|kardiolog|neurolog|radiolog|dermatolog|urolog|onkolog|gastroenterolog|nephrolog|pneumolog"
    r"|hämatolog|endokrinolog|gynäkolog|anästhesi|diabetolog|angiolog|geriatri|psychiatri|psychosomat"
    r"|pädiatri|kinderheilkunde|kinder- und jugendmedizin|chirurg|orthopädi|innere medizin|inneren medizin"
    r"|notaufnahme|notfallmedizin|intensivmedizin|augenheilkunde|\bhno\b|nuklearmedizin"
    r"|pathologi|palliativmedizin|schmerzmedizin|rehabilitationsmedizin|physikalische medizin)",
    re.IGNORECASE,
)
# A specialist named after the field: "Rheumatologe", "Kardiologin", "Anästhesist".
_SPECIALIST = re.compile(
    r"\b(?:rheumato|kardio|neuro|radio|dermato|uro|onko|gastroentero|nephro|pneumo|hämato|endokrino|gynäko"
    r"|anästhesio|diabeto|angio)log(?:e|in|innen|en)\b|\banästhesist(?:in|innen|en)?\b|\bchirurg(?:in|innen|en)?\b"
    r"|\bgeriater(?:in|innen)?\b|\bpsychiater(?:in|innen)?\b|\bpädiater(?:in|innen)?\b|\borthopäd(?:e|in|innen|en)\b",
    re.IGNORECASE,
)


# A physician's own word: "Arzt", "Ärztin" (not the compounds naming other jobs: "Arzthelferin").
_PHYSICIAN = re.compile(r"\b(?:arzt|ärztin|ärzte|ärztinnen)\b", re.IGNORECASE)


def physician_group(title: str, reading: str | None = None) -> str | None:
    """2212 for a German specialist named by the field, a physician in charge of a specialty, or a
    physician read as a generalist (2211) whose title names a specialty ("Arzt in leitender Funktion
    in der Psychiatrie"); 2211 for a physician in charge with no specialty named ("Ärztliche
    Leitung"); else None. General medicine names the generalist's field, no specialty."""
    if _SPECIALIST.search(title):
        return SPECIALIST_PHYSICIANS
    if reading == GENERALIST_PHYSICIANS and _PHYSICIAN.search(title) and _SPECIALTY.search(title):
        return SPECIALIST_PHYSICIANS
    if _MEDICAL_RANK.search(title):
        return SPECIALIST_PHYSICIANS if _SPECIALTY.search(title) else GENERALIST_PHYSICIANS
    return None
