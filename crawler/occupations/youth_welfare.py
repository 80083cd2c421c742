"""Educators in residential youth welfare: social work associate professionals (3412).

A German "Erzieher" or "pädagogische Fachkraft" reads as an early childhood educator (2342), which
is right in a Kita. Many work instead in residential youth welfare (stationäre Kinder- und
Jugendhilfe: Wohngruppen, Kinderheime), caring for older children and young people around the
clock; ISCO-08 codes that work with the social work associate professionals (3412), as ESCO's
residential childcare worker. The title or the ad's opening names the setting; an ad that also
names a Kita is about early childhood education.
"""

from __future__ import annotations

import re

EARLY_CHILDHOOD_EDUCATORS = "2342"
SOCIAL_WORK_ASSOCIATES = "3412"

_RESIDENTIAL_YOUTH_WELFARE = re.compile(
    r"\b(?:stationäre[nrs]?\s+(?:kinder-\s+und\s+)?jugendhilfe|wohngruppe\w*|jugendwohngruppe\w*|heimerziehung"
    r"|inobhutnahme\w*|kinderheim\w*|kinder-\s+und\s+jugendheim\w*|jugendheim\w*|intensivpädagogisch\w*"
    r"|wohngruppenalltag|children'?s homes?|residential (?:child ?care|care home for (?:children|young people)))",
    re.IGNORECASE,
)
_EARLY_CHILDHOOD_SETTING = re.compile(
    r"\b(?:kita\w*|kindertagesstätte\w*|kindertageseinrichtung\w*|kinderkrippe\w*|krippe|kindergarten\w*|hort"
    r"|nurser(?:y|ies)|pre-?school)\b", re.IGNORECASE)
# How much of the ad's text is read for the setting.
SETTING_CHARS = 800


def residential_youth_welfare(reading: str, title: str, description: str | None) -> bool:
    """True when a title read as an early childhood educator (2342) is an educator's job in
    residential youth welfare, which the title or the ad's opening names, and no Kita is named."""
    if reading != EARLY_CHILDHOOD_EDUCATORS:
        return False
    text = f"{title}\n{(description or '')[:SETTING_CHARS]}"
    return bool(_RESIDENTIAL_YOUTH_WELFARE.search(text)) and not _EARLY_CHILDHOOD_SETTING.search(text)
