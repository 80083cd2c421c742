"""Drivers coded by the licence class or vehicle weight their title names.

ISCO-08 codes drivers by what they drive: car, taxi and van drivers (8322), heavy truck and lorry
drivers (8332), bus and tram drivers (8331). Boards name the vehicle by the licence it needs
("LKW-Fahrer Klasse CE", "Class 1 Driver", Ontario's "AZ Driver") or its weight ("7.5 Tonne
Driver"); the words left after normalisation ("driver", "fahrer") read as the van driver. A
licence for heavy goods vehicles (C, C1, CE, C+E; the UK's classes 1 and 2, HGV, LGV; Ontario's
AZ and DZ) or a weight of 7.5 tonnes or more names a heavy truck driver; a bus licence (D, D1,
PCV) names a bus driver. Vans up to 3.5 tonnes stay van drivers.

Warehouses name their lifting trucks by type ("Counterbalance", "Reach Truck", "FLT", "VNA",
"Schubmaststapler"): whoever drives or operates one is a lifting truck operator (8344, ESCO's
forklift operator), not a truck or van driver, whatever licence the title also names.
"""

from __future__ import annotations

import re

HEAVY_TRUCK_DRIVERS = "8332"
BUS_DRIVERS = "8331"
# Readings a driver's title takes before its licence is read.
DRIVER_GROUPS = frozenset({"8321", "8322", "8331", "8332"})

_DRIVER = re.compile(r"(?:driver|fahrer(?:in)?|chauffeur(?:in)?|kraftfahrer|trucker)\b", re.IGNORECASE)
_CLASS_WORD = r"(?:klasse|kl\.|class|cat\.?|category|führerschein(?:klasse)?)\s*"
# A heavy goods licence after a class word ("Klasse CE", "Class 1"), or a weight of 7.5 t and more.
_HEAVY = re.compile(rf"\b{_CLASS_WORD}(?:c1?\s*\+?\s*e|c1?|[12])(?![\w+])"
                    r"|\b(?:7[.,]5|1[0-9]|[2-4][0-9])\s*(?:t|to|tonnes?|tons?|tonner)\b", re.IGNORECASE)
# Its letters standing alone, in capitals only ("Fahrer C/CE", "AZ Driver"; "ce" is no licence).
_HEAVY_LETTERS = re.compile(r"(?<![\w+])(?:CE|C1E|C\s*\+\s*E|C1|HGV|LGV|AZ|DZ)(?![\w+])")
# Lifting trucks by type; "Order Picker" alone is a warehouse worker, on a truck ("… Truck") a driver.
_LIFT_TRUCK = re.compile(
    r"\b(?:counter ?balance|reach ?trucks?|flt|vna|very narrow aisle|fork ?lift\w*|pallet trucks?|order picker trucks?"
    r"|side ?loader|(?:gabel|schubmast|front|seiten)?stapler\w*|flurförderzeug\w*|hubwagen\w*)\b",
    re.IGNORECASE)
_OPERATES = re.compile(r"(?:driver|fahrer(?:in)?|operator|operative|bediener(?:in)?)\b", re.IGNORECASE)
LIFT_TRUCK_OPERATORS = "8344"
_BUS = re.compile(rf"\b{_CLASS_WORD}d1?\s*\+?\s*e?(?![\w+])|\bPCV\b", re.IGNORECASE)


def licence_group(reading: str | None, title: str) -> str | None:
    """The unit group of the driver whose licence class or vehicle weight the title names, for a
    title naming a driver read as a driver or not read at all; None otherwise or when it names none
    (or both kinds). A lifting truck's driver or operator ("Reach Truck Driver", "Counterbalance
    Operator") is a lifting truck operator (8344) read as a driver, an operator or not at all."""
    if _LIFT_TRUCK.search(title) and _OPERATES.search(title) and reading != LIFT_TRUCK_OPERATORS and (
            reading is None or reading in DRIVER_GROUPS or reading.startswith("8")):
        return LIFT_TRUCK_OPERATORS
    if (reading is not None and reading not in DRIVER_GROUPS) or not _DRIVER.search(title):
        return None
    heavy = bool(_HEAVY.search(title) or _HEAVY_LETTERS.search(title))
    bus = bool(_BUS.search(title))
    if heavy == bus:
        return None
    group = HEAVY_TRUCK_DRIVERS if heavy else BUS_DRIVERS
    return group if group != reading else None
