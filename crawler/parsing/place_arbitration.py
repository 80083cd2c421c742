"""The job's place when a source's address and the ad's labelled place disagree.

Structured data often gives the employer's registered address as the job's ``jobLocation`` (a clinic
group's head office in München), while the ad itself labels where the work is ("Einsatzort: …
84416 Taufkirchen (Vils)"). The ad's label is the more specific statement: it wins, and both
places go to ``field_conflicts`` so the disagreement stays visible.
"""

from __future__ import annotations

from typing import Any

from crawler.parsing.location import Location
from crawler.parsing.provenance import SOURCE_API, STRUCTURED_DATA, TEXT, record_conflict

__all__ = ["arbitrate_place"]

PLACE_FIELDS = ("city", "postal_code", "region", "country")


def arbitrate_place(posting: dict[str, Any], text_location: Location | None) -> None:
    """Replace a source's city by the place the ad's text labels as the job's, when both are in
    the same country and name different towns; record the disagreement under ``city``."""
    stated_source = posting["field_sources"].get("city")
    if (text_location is None or text_location.evidence != "label" or not text_location.city
            or not posting["city"] or stated_source not in (STRUCTURED_DATA, SOURCE_API)
            or text_location.country != posting["country"]
            or text_location.city.split()[0] == posting["city"].split()[0]):
        return
    stated = {name: posting[name] for name in PLACE_FIELDS}
    for name in PLACE_FIELDS:
        posting[name] = getattr(text_location, name)
        posting["field_sources"][name] = TEXT
    record_conflict(posting, "city", {name: posting[name] for name in PLACE_FIELDS}, TEXT, stated, stated_source)
