"""Managers of care and welfare services, coded by the service the title or the ad names.

ISCO-08 codes managers by what they manage, and gives the managers of care services unit groups of
their own: child care services (1341), aged care services (1343: care homes, nursing homes, care
in the homes of the elderly) and social welfare services (1344: fostering, children's homes,
supported living, youth welfare). Care titles often name no field: "Registered Manager" (the
manager registered with the care regulator), "Relief Manager", "Home Manager", "Wohngruppenleitung";
ESCO's labels then find some other manager ("service manager", "business service manager") or
none. The service is in the title's other words or the ad's opening.
"""

from __future__ import annotations

import re

# Services and the unit group of their manager (English, German). Ordered: the first service the
# title or the opening names decides.
_SERVICES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(
        r"\b(?:care homes?|nursing homes?|residential homes?|retirement homes?|elderly|older (?:people|adults|persons)"
        r"|dementia|domiciliary care|home ?care|pflegeheim\w*|seniorenheim\w*|altenheim\w*|altenpflege\w*"
        r"|seniorenzentr\w*|seniorenresidenz\w*|pflegeeinrichtung\w*|ambulante[nrs]? pflege\w*|pflegedienst\w*)\b",
        re.IGNORECASE), "1343"),
    (re.compile(
        r"\b(?:fostering|foster care|adoption|children'?s homes?|children'?s services|social care|supported living"
        r"|learning disabilit\w*|autism|autistic|homeless\w*|youth services?|jugendhilfe\w*|wohngruppe\w*|eingliederungshilfe\w*"
        r"|behindertenhilfe\w*|kinderheim\w*|heimerziehung|sozialdienst\w*)\b",
        re.IGNORECASE), "1344"),
    (re.compile(
        r"\b(?:day nurser(?:y|ies)|children'?s nurser(?:y|ies)|childcare|child care|kita\w*|kindertagesstätte\w*"
        r"|kindergärten|kindergarten|kinderkrippe\w*)\b",
        re.IGNORECASE), "1341"),
)
# British titles' bare "Nursery" ("Nursery Manager") is the children's, unless the title says plants:
# then its manager is the garden shop's or the grower's.
_NURSERY = re.compile(r"\bnurser(?:y|ies)\b", re.IGNORECASE)
_PLANT_NURSERY = re.compile(r"\b(?:plants?|garden\w*|horticultur\w*|trees?|shrubs?|seedlings?|flowers?|growers?)\b",
                            re.IGNORECASE)
# The reading ESCO's "plant nursery manager" gives a "Nursery Manager": the flower and garden shop's.
_GARDEN_SHOP_MANAGERS = "1420"

# Manager groups a title naming no field is read as: business services and administration managers,
# professional services managers and services managers not elsewhere classified.
CATCH_ALL_MANAGERS = frozenset({"1219", "1349", "1439"})
# How much of the ad's text is read for the service.
SERVICE_CHARS = 800


def care_service(text: str) -> tuple[int, str] | None:
    """(position, unit group) of the first care or welfare service a text names, or None."""
    found = [(match.start(), group) for pattern, group in _SERVICES if (match := pattern.search(text))]
    return min(found) if found else None


def care_manager_group(title: str, description: str | None, reading: str | None) -> str | None:
    """The unit group of a manager of the care service the title or the ad's opening names, for a
    title whose words say manager; `reading` is the unit group the title was read as (None: none).

    A service the title names ("Care Home Manager", "Registered Manager … Fostering Services")
    replaces any reading outside the managers; one only the ad names replaces no reading or a
    catch-all manager group ("Relief Manager" of care homes), not a manager of a named field.
    """
    in_title = care_service(title)
    if in_title is None and _NURSERY.search(title):
        in_title = (0, "1341")
    if in_title is not None and in_title[1] == "1341" and _PLANT_NURSERY.search(title):
        in_title = None
    if in_title is not None and (reading is None or reading[0] != "1" or reading in CATCH_ALL_MANAGERS
                                 or (in_title[1] == "1341" and reading == _GARDEN_SHOP_MANAGERS)):
        # "Nursery Manager", "Day Nursery Manager": ESCO's "plant nursery manager" found the garden
        # shop's manager (1420) for a manager of children's nurseries.
        return in_title[1]
    if reading is not None and reading not in CATCH_ALL_MANAGERS:
        return None
    in_text = care_service((description or "")[:SERVICE_CHARS])
    return in_text[1] if in_text is not None else None
