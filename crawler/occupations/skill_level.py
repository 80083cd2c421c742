"""ISCO-08's skill levels read from what an English ad asks for: a trade background, not a degree.

British boards call fitters, commissioning hands and machine setters "engineers" and
"programmers" ("Paint Plant Commissioning Engineer: time served", "Service Engineer: a good
background in maintenance fitting", "CNC Programmer/Setter/Operator: apprenticeship/time served").
ESCO's labels ending in "engineer" are engineering professionals (ISCO-08 major group 2, a degree's
skill level 4), so the label search reads them as such. ISCO-08 codes by the skill level the work
needs: an ad that asks for a served apprenticeship or a craft qualification and names no degree is
for a technician or a craft worker. The title is then read with its professional's head as
"technician", which ESCO's labels hold for technicians and craft workers alike ("commissioning
technician" 3119, "cnc setter/operator" 7223).

German ads are left alone: "abgeschlossene Ausbildung" is asked of IT specialists (Fachinformatiker)
as much as of fitters, and German titles say "Techniker", "Monteur" or "Mechaniker" themselves.
"""

from __future__ import annotations

import re

from crawler.occupations.index import EscoIndex, LabelMatch

# The English ad's words for a trade background (a served apprenticeship, a craft qualification).
_TRADE_BACKGROUND = re.compile(
    r"\b(?:time[- ]served|served (?:an |your )?apprenticeship|apprenticeship|nvq(?: level)? [1-3]|city (?:&|and) guilds"
    r"|background in maintenance fitting|maintenance fitter)\b",
    re.IGNORECASE,
)
_TRADE_KEYS = ("served", "apprentice", "nvq", "guilds", "fitt")
# … and for a degree: the professional's level after all.
_DEGREE = re.compile(r"\b(?:degree|bsc|beng|msc|meng|chartered|graduate|phd|hnd)\b", re.IGNORECASE)
# Heads of professional titles British boards also give trade jobs.
_PROFESSIONAL_HEAD = re.compile(r"\b(?:engineer|programmer|developer)s?\b")
# Professional groups such a title is read into: engineering (21) and ICT professionals (25).
PROFESSIONAL_GROUPS = ("21", "25")
# How much of the ad's text is read for what it asks.
REQUIREMENT_CHARS = 1500
# The reading at the lower level must be at least this good.
MIN_SCORE = 0.6


def asks_trade_background(description: str | None) -> bool:
    """True when the ad's opening asks for a trade background and names no degree."""
    opening = (description or "")[:REQUIREMENT_CHARS]
    # Every trade-background phrase holds one of these: most ads are passed over without the regex.
    lowered = opening.lower()
    if not any(key in lowered for key in _TRADE_KEYS):
        return False
    return bool(_TRADE_BACKGROUND.search(opening)) and not _DEGREE.search(opening)


def trade_reading(index: EscoIndex, query: str, isco_code: str, description: str | None) -> LabelMatch | None:
    """The technician's or craft worker's reading of a title (its English search query) read as an
    engineering or ICT professional, when the ad asks for a trade background; else None."""
    if not isco_code.startswith(PROFESSIONAL_GROUPS) or not _PROFESSIONAL_HEAD.search(query):
        return None
    if not asks_trade_background(description):
        return None
    matches = index.search(_PROFESSIONAL_HEAD.sub("technician", query), limit=5)
    if not matches or matches[0].score < MIN_SCORE or matches[0].occupation.isco_code[0] == "2":
        return None
    return matches[0]
