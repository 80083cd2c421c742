"""Manager titles whose holder manages no one: ISCO-08 codes them as the field's professionals.

ISCO-08's managers (major group 1) plan, direct and coordinate a department through its staff.
Boards also write "manager" for a professional who looks after one thing: a junior rank says the
holder leads no department ("(Junior) Marketing Manager", "(Junior) HR Manager"), and a marketing
channel says the holder runs campaigns in it ("Performance Marketing Manager", "Influencer
Marketing Manager", "Google Ads Growth Manager"). These are advertising and marketing
professionals (2431), personnel professionals (2423) and accountants (2411), as the set codes such
ads. "Global Marketing Manager", "Head of Marketing" and a bare "Marketing Manager" stay managers.
"""

from __future__ import annotations

import re

ADVERTISING_AND_MARKETING_PROFESSIONALS = "2431"

# The professional group of a manager group's field, for the manager groups whose field has one.
_PROFESSIONAL_OF_MANAGER = {
    "1211": "2411",  # finance managers → accountants
    "1212": "2423",  # human resource managers → personnel and careers professionals
    "1221": ADVERTISING_AND_MARKETING_PROFESSIONALS,  # sales and marketing managers, when marketing
    "1222": "2432",  # advertising and public relations managers → public relations professionals
}
_JUNIOR = re.compile(r"\b(?:junior|jr\.?)(?=\W|$)", re.IGNORECASE)
_MANAGER = re.compile(r"\bmanager(?:in)?\b", re.IGNORECASE)
_MARKETING = re.compile(r"marketing|\bbrand\b", re.IGNORECASE)
# A marketing channel or technique a manager title names: the work is campaigns in it.
_MARKETING_CHANNEL = re.compile(
    r"\b(?:online|performance|influencer|social media|content|e-?mail|affiliate|growth|digital|crm"
    r"|search engine|suchmaschinen)[- ]?marketing|\b(?:seo|sea|sem|google ads|meta ads|paid social"
    r"|paid search|paid media)\b",
    re.IGNORECASE)


def professional_of_manager(reading: str | None, title: str) -> str | None:
    """The professional unit group of a title read as a manager (ISCO-08 major group 1) that
    manages no one: a junior manager of finance, HR, marketing or PR, or a manager of a marketing
    channel; None for any other title or reading."""
    if reading is None or reading[0] != "1" or not _MANAGER.search(title):
        return None
    if _MARKETING_CHANNEL.search(title):
        return ADVERTISING_AND_MARKETING_PROFESSIONALS
    professional = _PROFESSIONAL_OF_MANAGER.get(reading)
    if professional is None or not _JUNIOR.search(title):
        return None
    if reading == "1221" and not _MARKETING.search(title):
        # A junior sales manager sells; which sales group depends on what is sold.
        return None
    return professional
