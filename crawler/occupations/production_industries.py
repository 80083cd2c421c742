"""Production workers coded by the industry whose plant they run.

A generic production title ("Produktionsmitarbeiter", "Production Operative", "Machine Operator")
reads as ISCO-08's manufacturing labourers or machine operators not elsewhere classified (9329,
8189). ISCO-08 gives the operators of each process industry's plant a unit group of its own:
chemical and pharmaceutical products (8131), rubber (8141), plastics (8142), paper (8143), food
and drink (8160), wood (8172), glass and ceramics (8181); operators of machine tools cutting metal
are metal working machine tool setters and operators (7223). A title naming the industry ("…
chemisch-pharmazeutischer Produktion", "Production Operative – Food") names the group; a helper
of it ("Produktionshelfer Lebensmittel") stays a labourer.
"""

from __future__ import annotations

import re

# Readings of a generic production title: manufacturing labourers, machine operators n.e.c.
GENERIC_PRODUCTION_GROUPS = frozenset({"9329", "8189"})
_INDUSTRY_GROUPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:chemi\w*|pharma\w*)", re.IGNORECASE), "8131"),
    (re.compile(r"\b(?:gummi\w*|rubber|reifen\w*|tyres?)\b", re.IGNORECASE), "8141"),
    (re.compile(r"\b(?:kunststoff\w*|plastics?|spritzguss\w*|injection moulding|extrusion)\b", re.IGNORECASE), "8142"),
    (re.compile(r"\b(?:papier\w*|paper|karton\w*|cardboard)\b", re.IGNORECASE), "8143"),
    (re.compile(r"\b(?:lebensmittel\w*|nahrungsmittel\w*|food|getränke\w*|beverages?|drinks|molkerei\w*|dairy"
                r"|fleisch\w*|meat|backwaren|bakery|süßwaren|confectionery)\b", re.IGNORECASE), "8160"),
    (re.compile(r"\b(?:holz\w*|wood|timber|sawmill|sägewerk\w*)\b", re.IGNORECASE), "8172"),
    (re.compile(r"\b(?:glas|glass|keramik\w*|ceramics?|porzellan\w*)\b", re.IGNORECASE), "8181"),
    # Metal cut on machine tools is a craft group's (metal working machine tool setters and
    # operators, 7223), not a plant's: "Maschinenbediener CNC", "CNC Machine Operator".
    (re.compile(r"\b(?:cnc|zerspanung\w*|dreherei|fräserei|machining|lathes?)\b", re.IGNORECASE), "7223"),
)
_HELPER = re.compile(r"(?:helfer|helper|hilfs|hilfe|labou?rer)", re.IGNORECASE)


# Setters and operators of machine tools (7223) work metal; one whose title names another material
# ("Einrichter für Kunststoffspritzgussmaschinen") runs that industry's machines, wood's with the
# woodworking machine tool setters (7523).
METAL_MACHINE_TOOL_GROUP = "7223"
_WOODWORKING_MACHINE_TOOL_GROUP = "7523"


def production_industry_group(reading: str, title: str) -> str | None:
    """The unit group of the plant operators of the industry a generic production title names, or
    of a machine tool setter's material other than metal; None (another reading, a helper, no
    industry named)."""
    if reading not in GENERIC_PRODUCTION_GROUPS | {METAL_MACHINE_TOOL_GROUP} or _HELPER.search(title):
        return None
    found = [(match.start(), group) for pattern, group in _INDUSTRY_GROUPS if (match := pattern.search(title))]
    if reading == METAL_MACHINE_TOOL_GROUP:
        groups = {group for _, group in found}
        if METAL_MACHINE_TOOL_GROUP in groups or len(groups) != 1:
            return None
        group = groups.pop()
        return _WOODWORKING_MACHINE_TOOL_GROUP if group == "8172" else group
    return min(found)[1] if found else None
