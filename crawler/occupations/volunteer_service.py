"""Germany's volunteer services, coded by where the volunteer works.

"Freiwilliges Soziales Jahr (FSJ)", "Bundesfreiwilligendienst (BFD)" name a form of service, not a
job: a volunteer in a Kita does a child care worker's work, in a hospital a health care
assistant's. The title or the ad's opening names the setting; the first setting named decides.
No setting named: no code (the service alone says nothing of the work).
"""

from __future__ import annotations

import re

_SERVICE = re.compile(
    r"\b(?:fsj|bfd|fö?j|freiwillige[sn]? soziale[sn]? jahr\w*|bundesfreiwilligendienst\w*"
    r"|freiwilligendienst\w*)\b",
    re.IGNORECASE,
)
# Settings and the ISCO-08 unit group of the work a volunteer does there.
_SETTINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:kita|kitas|kindertagesstätte\w*|kindergarten|kindergärten|kinderkrippe\w*|krippe"
                r"|hort|kinderbetreuung|kindertagespflege)\b", re.IGNORECASE), "5311"),
    (re.compile(r"\b(?:krankenhaus\w*|klinik\w*|pflegeheim\w*|seniorenheim\w*|altenheim\w*|seniorenzentrum"
                r"|pflegeeinrichtung\w*|altenpflege|krankenpflege)\b", re.IGNORECASE), "5321"),
    (re.compile(r"\b(?:rettungsdienst\w*|rettungswache\w*|krankentransport\w*)\b", re.IGNORECASE), "3258"),
    (re.compile(r"\b(?:grundschule\w*|schule|schulen|ganztagsschule\w*|förderschule\w*)\b", re.IGNORECASE), "5312"),
)
# How much of the ad's text is read for the setting.
SETTING_CHARS = 800


def volunteer_service_group(title: str, description: str | None) -> str | None:
    """The unit group of a volunteer service's work ("FSJ in der Kita" → 5311), None when the title
    names no volunteer service or no setting is named."""
    if not _SERVICE.search(title):
        return None
    for text in (title, (description or "")[:SETTING_CHARS]):
        found = [(match.start(), group) for pattern, group in _SETTINGS if (match := pattern.search(text))]
        if found:
            return min(found)[1]
    return None
