"""A receptionist of a hotel, guest house or holiday park: ISCO-08's hotel receptionists (4224).

ISCO-08 splits receptionists by where they receive: hotel receptionists (4224: guests' arrivals and
departures, room reservations) and other receptionists (4226: offices, surgeries). ESCO's generic
receptionist holds the words boards use for both ("front desk agent", German "Rezeptionist"), so a
title saying the reception is a hotel's ("Front of House Receptionist" of a guest house, "Front Desk
/ Guest Services Agent", "Rezeptionist/in" of German hotels, whose word the Bundesagentur files under
the hotel trade) was read as an office receptionist. The hospitality words of the title, or the
German "Rezeptionist" with no other setting named, place the receptionist in 4224.
"""

from __future__ import annotations

import re

HOTEL_RECEPTIONIST = "hospitality establishment receptionist"
_RECEPTIONISTS = "4226"
# Places and services of hospitality in a title.
_HOSPITALITY = re.compile(
    r"\b(?:hotels?|hostels?|guest ?houses?|guests?|front of house|resorts?|lodges?|inns?|motels?|b ?& ?b"
    r"|bed and breakfast|holiday parks?|campsites?|camping\w*|spa|hotel\w*|gäste\w*|pension|ferien\w*"
    r"|beherbergung\w*|rezeptionist\w*)\b",
    re.IGNORECASE,
)
# Receptions of surgeries, practices, offices: the other receptionists (4226), whatever else is said.
_OTHER_SETTING = re.compile(
    r"(?:arzt|ärzt|zahn|praxis|klinik|kanzlei|büro|tierarzt|medical|dental|surgery|gp\b|veterinary|vet\b"
    r"|practice|school|office|corporate|clinic|hospital|salon)",
    re.IGNORECASE,
)


def hotel_reception(isco_code: str | None, esco_label: str | None, title: str) -> bool:
    """True when a title read as ESCO's generic receptionist (4226) places the reception in
    hospitality ("Front of House Receptionist", "Rezeptionist/in")."""
    if isco_code != _RECEPTIONISTS or (esco_label or "").lower() != "receptionist":
        return False
    return bool(_HOSPITALITY.search(title)) and not _OTHER_SETTING.search(title)
