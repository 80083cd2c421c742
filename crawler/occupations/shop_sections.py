"""The head of a shop's section: ISCO-08's shop supervisors (5222).

Supermarkets and department stores put a section of the shop floor under a "Bereichsleiter",
"Abteilungsleiter" or "Department Manager": the fresh counter, the bakery, fruit and vegetables, the
tills. The rank words alone read as a manager of the business's department (1219, 1221), but ISCO-08
codes whoever supervises the sales assistants and cashiers of a shop's section as a shop supervisor
(5222), as it does a team leader of them. A section of the shop floor must be named: an
"Abteilungsleiter Verkauf" or a "Department Manager - Finance" may head the business's department.
"""

from __future__ import annotations

import re

SHOP_SUPERVISORS = "5222"
_SECTION_HEAD = re.compile(
    r"(?:bereichsleit\w*|abteilungsleit\w*|\b(?:department|section) (?:manager|leader|supervisor|head)\b"
    r"|\bhead of (?:department|section)\b)",
    re.IGNORECASE,
)
# Sections of a shop's floor, in German and English.
_SHOP_FLOOR = re.compile(
    r"(?:frischetheke|bedientheke|\btheke\b|feinkost\w*|obst|gemüse|molkerei\w*|backshop|backwaren|kasse\b|kassen\w*"
    r"|getränke\w*|drogerie\w*|non-?food|\bfood\b|fleisch\w*|wurst\w*|käse\w*|fisch\w*|frische\b|frischware\w*"
    r"|\bfresh\b|\bbakery\b|\bdeli\b|\bproduce\b|\bcheckouts?\b|\bgrocery\b|\bshop ?floor\b)",
    re.IGNORECASE,
)


def shop_section_supervisor(title: str) -> bool:
    """True for the head of a named section of a shop's floor ("Bereichsleiter Frischetheke")."""
    return bool(_SECTION_HEAD.search(title)) and bool(_SHOP_FLOOR.search(title))
