"""Service and maintenance engineers: mechanics of the equipment they keep running.

English ads call the people who install, service and repair equipment at customers' sites and in
plants "Service Engineer", "Field Service Engineer", "Maintenance Engineer", "Service Technician";
German ads "Servicetechniker", "Servicemonteur", "Kundendiensttechniker". ISCO-08 codes this work
as a craft by the equipment (major group 7): industrial machinery mechanics and repairers (7233)
unless another kind of equipment is named — electrical (7412), electronic and medical (7421),
heating, gas and boilers (7126), air conditioning and refrigeration (7127), vehicles (7231).
ESCO's labels read "engineer" as a profession ("military engineer", "HVAC engineer") and
"service" as a field of its own ("after-sales service technician", 2433).
"""

from __future__ import annotations

import re

from crawler.occupations.ict import LEAST_ICT_SIGNS, OPENING_CHARS
from crawler.occupations.ict_ads import work_signs

_SERVICE_ROLE = re.compile(
    r"\b(?:(?:field |on-?site |mobile )?service|maintenance|breakdown|repair|installation)"
    r"(?: and (?:repair|maintenance|installation))?\s+(?:engineers?|technicians?|mechanics?)\b"
    r"|\b(?:service|kundendienst|wartungs|instandhaltungs|außendienst)(?:techniker|monteur|mechaniker)\w*",
    re.IGNORECASE,
)
# ICT service work named in a title: help desks, computers, networks (ICT technicians, 35). "IT" only
# in capitals ("it" is a pronoun).
_ICT_SERVICE = re.compile(
    r"\b(?:ict|edv|computer|pc|desktop|network|netzwerk|software|service desk|helpdesk|help desk|telecoms?)\b",
    re.IGNORECASE)
_IT = re.compile(r"\bIT\b")
# The equipment named and the unit group of its mechanics, in the order tried: the first kind the
# title names decides, else the first the ad's opening names.
_EQUIPMENT_GROUPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:hvac|air[- ]conditioning|refrigeration|klima\w*|kälte\w*|chiller\w*)", re.IGNORECASE), "7127"),
    (re.compile(r"\b(?:gas|boilers?|heating|heizung\w*|sanitär\w*|wärmepumpe\w*|heat pumps?)\b", re.IGNORECASE),
     "7126"),
    (re.compile(r"\b(?:vehicles?|cars?|trucks?|lorr(?:y|ies)|automotive|kfz|fahrzeug\w*|nutzfahrzeug\w*)\b",
                re.IGNORECASE), "7231"),
    (re.compile(r"\b(?:electronics?|electronic equipment|medical (?:equipment|devices?)|elektronik\w*"
                r"|medizintechni\w*|office equipment|printers?|copiers?)\b", re.IGNORECASE), "7421"),
    (re.compile(r"\b(?:electrical|electrics|elektro\w*|elektrische\w*)\b", re.IGNORECASE), "7412"),
    # Fibre-optic and telecommunication lines (ICT installers and servicers).
    (re.compile(r"\b(?:glasfaser\w*|lwl|fibre|fiber|fibre[- ]optic|fernmelde\w*|telekommunikations\w*)", re.IGNORECASE),
     "7422"),
)
# A vehicle the employer provides ("a company vehicle is provided", "fully expensed van") is a perk,
# not the equipment serviced.
_VEHICLE_PROVIDED = re.compile(
    r"\b(?:company|own|fully[- ]expensed|pool|service|works)\s+(?:vehicles?|cars?|vans?)\b", re.IGNORECASE)
INDUSTRIAL_MACHINERY_MECHANICS = "7233"
# How much of the ad's text is read for the equipment.
EQUIPMENT_CHARS = 600


def service_mechanic_group(title: str, description: str | None) -> str | None:
    """The unit group of the mechanics of the equipment a service or maintenance engineer's title
    or ad names ("Field Service Engineer - HVAC" → 7127, "Service Engineer" of compressors → 7233),
    or None for a title naming no such role or naming ICT service work."""
    if not _SERVICE_ROLE.search(title) or _ICT_SERVICE.search(title) or _IT.search(title):
        return None
    opening = _VEHICLE_PROVIDED.sub(" ", (description or "")[:EQUIPMENT_CHARS])
    if len(work_signs((description or "")[:OPENING_CHARS])) >= LEAST_ICT_SIGNS:
        # An ad about ICT work (servers, networks, software): an ICT technician's, read elsewhere.
        return None
    for text in (title, opening):
        found = [(match.start(), group) for pattern, group in _EQUIPMENT_GROUPS if (match := pattern.search(text))]
        if found:
            return min(found)[1]
    return INDUSTRIAL_MACHINERY_MECHANICS


# German names the trades of vehicles, refrigeration, heating and telecommunication lines by a
# '-techniker' or a '-technik' field ("Kfz-Techniker", "Kältetechniker", "Monteur Luft- und
# Klimatechnik", "Glasfaser-Techniker": an installer of fibre lines, 7422), which
# the lexicon's '-techniker' reads as technicians not elsewhere classified (3119).
TECHNICIANS_NOT_ELSEWHERE = "3119"
_TRADE_TECHNIK = re.compile(
    r"\b(?:kfz|kraftfahrzeug|fahrzeug|nutzfahrzeug|kälte|klima|heizungs?|sanitär|shk|glasfaser|lwl|fernmelde"
    r"|telekommunikations)-?techni(?:k|ker)\w*",
    re.IGNORECASE)
_TRADE_GROUPS = {"7231", "7127", "7126", "7422"}
# "Staatlich geprüfter Techniker Kältetechnik": a technician of a technical school, whose field
# follows the word.
_TECHNIKER_WORD = re.compile(r"(?<![\w-])techniker", re.IGNORECASE)


def trade_technician_group(reading: str, title: str) -> str | None:
    """The unit group of the mechanics of the equipment a German '-techniker' title names when
    it is a trade's (vehicles 7231, air conditioning and refrigeration 7127, heating and sanitary
    7126) and the title was read as technicians n.e.c.; else None."""
    if reading != TECHNICIANS_NOT_ELSEWHERE or _TECHNIKER_WORD.search(title):
        return None
    match = _TRADE_TECHNIK.search(title)
    if match is None:
        return None
    for pattern, group in _EQUIPMENT_GROUPS:
        if group in _TRADE_GROUPS and pattern.search(match.group(0)):
            return group
    return None
