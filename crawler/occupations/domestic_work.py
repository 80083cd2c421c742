"""Housekeepers who clean: domestic cleaners and helpers (9111), not domestic housekeepers (5152).

ISCO-08 splits housework by responsibility: domestic housekeepers (5152) organise and supervise
a household's running (its staff, purchases, budget), domestic cleaners and helpers (9111) clean,
wash and iron. ESCO's "domestic housekeeper" holds the word "housekeeper", so an ad for a
housekeeper to clean a home reads as 5152; so does a German helper-level title of housework
("Hauswirtschaftskraft", "Haushaltshilfe": the '-kraft', '-hilfe' heads German titles give
unskilled work, as "Reinigungskraft", "Küchenhilfe").
"""

from __future__ import annotations

import re

DOMESTIC_HOUSEKEEPERS = "5152"
# ESCO's occupation of unit group 9111.
DOMESTIC_CLEANER = "domestic cleaner"

_HELPER_LEVEL_HOUSEWORK = re.compile(r"\b(?:hauswirtschafts|haushalts)(?:kraft|kräfte|hilfe|hilfen|helfer\w*)\b",
                                     re.IGNORECASE)
_HOUSEKEEPER = re.compile(r"\bhousekeepers?\b", re.IGNORECASE)
_CLEANING = re.compile(r"\b(?:clean\w*|dusting|vacuum\w*|ironing|laundry|mopping|polishing)\b", re.IGNORECASE)
# What a domestic housekeeper does beyond housework: running the household and its staff.
_RUNNING_A_HOUSEHOLD = re.compile(
    r"\b(?:supervis\w*|budget\w*|household staff|manag\w* (?:the|a) (?:household|home|residence|estate)"
    r"|run(?:ning)? (?:the|a) (?:household|home|residence)|estate manag\w*|haushaltsführung|anleitung\w*)\b",
    re.IGNORECASE,
)
# How much of the ad's text is read for the work.
WORK_CHARS = 800
# ESCO's occupation of unit group 9112 holding "housekeeper": the hotel's.
ROOM_ATTENDANT = "room attendant"
# Establishments that are no private household: their housekeepers clean rooms (ISCO-08 9112), as
# "Housekeeper - Hotel" or a hospital's housekeeping team do; a domestic housekeeper (5152) runs a
# private household.
_ESTABLISHMENT = re.compile(
    r"\b(?:hotels?|hostels?|guest ?houses?|resorts?|lodges?|inns?|motels?|holiday parks?|b ?& ?b|hospitals?"
    r"|clinics?|care homes?|nursing homes?|medical cent(?:re|er)s?|offices?|schools?|colleges?|universit\w*"
    r"|cruise|ships?)\b",
    re.IGNORECASE,
)


def housekeeper_of_an_establishment(reading: str, title: str) -> bool:
    """True when a title read as a domestic housekeeper (5152) places the housekeeping in a hotel,
    a hospital or another establishment ("Housekeeper - Hotel"): a room attendant (9112)."""
    return reading == DOMESTIC_HOUSEKEEPERS and bool(_HOUSEKEEPER.search(title)) and bool(_ESTABLISHMENT.search(title))


def cleaner_not_housekeeper(reading: str, title: str, description: str | None) -> bool:
    """True when a title read as a domestic housekeeper (5152) is a domestic cleaner's job (9111):
    a German helper-level housework title, or a "Housekeeper" whose ad's opening names cleaning and
    not the running of a household."""
    if reading != DOMESTIC_HOUSEKEEPERS:
        return False
    opening = (description or "")[:WORK_CHARS]
    if _RUNNING_A_HOUSEHOLD.search(opening):
        return False
    if _HELPER_LEVEL_HOUSEWORK.search(title):
        return True
    return bool(_HOUSEKEEPER.search(title) and _CLEANING.search(opening))
