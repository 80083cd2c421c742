"""The page title a job board gives an ad, read into its parts.

A saved or converted board page often opens with its ``<title>``, which the board composes from the
ad's fields: LinkedIn writes "<Employer> hiring <Role> in <Place> | LinkedIn", Indeed "<Role> -
<Place> - Indeed.com". Read as a title line it gives a title with the employer, the place and the
board in it; read by its form it gives each field.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class BoardPageTitle(NamedTuple):
    role: str
    company: str | None
    place: str | None


# (The board's name may already be cut off as chrome; the capitals keep out "We are hiring engineers in Berlin".)
_LINKEDIN = re.compile(
    r"^(?P<company>[A-ZÄÖÜ0-9][^\s|]*(?:\s+[^\s|]+){0,8}?)(?<!\bis)(?<!\bare)\s+hiring\s+"
    r"(?P<role>[A-ZÄÖÜ].{1,150}?)\s+in\s+(?P<place>[A-ZÄÖÜ][^|]{1,80}?)(?:\s*\|\s*LinkedIn)?\s*$")
_INDEED = re.compile(
    r"^(?P<role>\S.{1,150}?)\s+-\s+(?P<place>[^-|]{2,60}?)\s+-\s+Indeed(?:\.[a-z]{2,3}){1,2}\s*$", re.IGNORECASE)


def board_page_title(line: str) -> BoardPageTitle | None:
    """The parts of a board's page title (see the module docstring), or None for any other line."""
    if " hiring " in line and (match := _LINKEDIN.match(line.strip())):
        return BoardPageTitle(match["role"], match["company"], match["place"])
    if "indeed" in line.casefold() and (match := _INDEED.match(line.strip())):
        return BoardPageTitle(match["role"], None, match["place"])
    return None
