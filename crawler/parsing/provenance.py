"""Where each posting field came from, and where the sources disagreed.

Four sources, from most to least formal: ``source_api`` (an ATS or board API mapped field by
field), ``structured_data`` (the page's JSON-LD or microdata, or a Markdown ad's front matter),
``board_header`` (the short labelled lines and slots a board puts above the ad) and ``text`` (read
from the ad's own wording). ``field_sources`` names one source per filled field;
``field_conflicts`` keeps, per field, every value a source stated when they disagreed, the kept
one first.
"""

from __future__ import annotations

from typing import Any

SOURCE_API = "source_api"
STRUCTURED_DATA = "structured_data"
BOARD_HEADER = "board_header"
TEXT = "text"
SOURCES = (SOURCE_API, STRUCTURED_DATA, BOARD_HEADER, TEXT)

# Fields about the fetch, not the ad, and the provenance fields themselves: no source recorded.
BOOKKEEPING_FIELDS = frozenset({
    "source", "source_id", "url", "apply_url", "crawled_at", "field_sources", "field_conflicts",
    "occupation_isco", "occupation_esco_uri", "occupation_label", "occupation_confidence",
    "occupation_method",
})
# A field computed from another one has the other one's source.
DERIVED_FROM = {"title": "title_raw", "seniority": "title", "date_posted": "date_posted_raw"}


def is_filled(value: Any) -> bool:
    """True for a value that states something (``False`` does not: it is every flag's default)."""
    return value not in (None, "", [], {}, False)


def record_conflict(posting: dict[str, Any], name: str, kept: Any, kept_source: str,
                    other: Any, other_source: str) -> None:
    """Note that two sources stated different values for ``name``; the kept one comes first."""
    entries = posting["field_conflicts"].setdefault(name, [])
    for value, source in ((kept, kept_source), (other, other_source)):
        entry = {"value": value, "source": source}
        if entry not in entries:
            entries.append(entry)


def stated_sources(known: dict[str, Any], source: str) -> dict[str, str]:
    """``source`` for each schema field ``known`` fills (bookkeeping fields aside)."""
    from crawler.items import SCHEMA_FIELDS
    return {name: source for name, value in known.items()
            if name in SCHEMA_FIELDS and name not in BOOKKEEPING_FIELDS and is_filled(value)}


def complete_sources(posting: dict[str, Any]) -> dict[str, str]:
    """``field_sources`` for every filled field: the recorded source, a derived field its
    origin's, anything else the parser filled from the ad's ``text``; emptied fields dropped."""
    sources = posting["field_sources"]
    for name, value in posting.items():
        if name in BOOKKEEPING_FIELDS or not is_filled(value) or name in sources:
            continue
        origin = DERIVED_FROM.get(name)
        while origin and origin not in sources and origin in DERIVED_FROM:
            origin = DERIVED_FROM[origin]
        sources[name] = sources.get(origin, TEXT) if origin else TEXT
    for name in [name for name in sources if not is_filled(posting.get(name))]:
        del sources[name]
    return sources
