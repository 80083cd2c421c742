"""Export filters checked against what exists before anything is written.

A filter value that can match nothing because it is not a value of its column — ``--status open``
when postings are ``active`` or ``closed``, ``--country Germany`` when countries are stored as ISO
codes, ``--source jsnld``, ``--since`` after ``--until`` — is one :class:`ExportError` line that
says what the column holds, with the closest value as a suggestion. A well-formed value that only
happens to have no rows today (``--country AT`` before any Austrian ad was crawled, a spider not
run yet) is no mistake: it exports zero rows, as a daily job expects.
"""

from __future__ import annotations

import difflib

from sqlalchemy import Engine, column, select, table

from crawler.analytics.export_source import ExportError, ExportFilter, Relation, build_query

POSTING_STATUSES = ("active", "closed")
"""What ``postings.status`` holds (models/lifecycle.py closes postings; new ones are active)."""
_LISTED_VALUES = 12  # longer lists of stored values are cut in the message


def _stored_values(engine: Engine, target: Relation, name: str) -> list[str]:
    """The distinct non-null values of column ``name`` in ``target``."""
    relation = table(target.name, column(name))
    statement = select(relation.c[name]).where(relation.c[name].is_not(None)).distinct()
    with engine.connect() as connection:
        return sorted(str(value) for value in connection.execute(statement).scalars())


def _listed(values: list[str]) -> str:
    shown = ", ".join(values[:_LISTED_VALUES])
    return shown + (f", … ({len(values)} in all)" if len(values) > _LISTED_VALUES else "")


def _suggestion(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6) or \
        difflib.get_close_matches(value.lower(), [choice.lower() for choice in choices], n=1, cutoff=0.6)
    if not close:
        return ""
    original = next(choice for choice in choices if choice.lower() == close[0].lower())
    return f" — did you mean {original}?"


def country_code(value: str) -> str | None:
    """The ISO 3166-1 alpha-2 code ``value`` is (``DE``) or names (``Germany``, ``Deutschland``,
    ``DEU``), or None when it names no country."""
    import pycountry

    from crawler.parsing.gazetteer import gazetteer, name_key

    text = value.strip()
    if len(text) == 2 and pycountry.countries.get(alpha_2=text.upper()):
        return text.upper()
    places = gazetteer()
    return places.country_codes.get(text.upper()) or places.countries.get(name_key(text))


def _spider_names() -> list[str]:
    from crawler.cli_checks import spider_classes

    return list(spider_classes())


def check_filter(engine: Engine, target: Relation, export_filter: ExportFilter) -> None:
    """Raise :class:`ExportError` (one line) for a filter value that cannot be a value of its
    column; every spider counts as a source, even before it stored rows."""
    build_query(engine, target, export_filter)  # a filter the relation has no column for raises here
    columns = {spec.name for spec in target.columns}
    if export_filter.since and export_filter.until and export_filter.since > export_filter.until:
        raise ExportError(f"--since {export_filter.since} is after --until {export_filter.until}: "
                          "no row can be in that period — swap them")
    if export_filter.status and "status" in columns:
        statuses = sorted(set(POSTING_STATUSES) | set(_stored_values(engine, target, "status")))
        if export_filter.status not in statuses:
            raise ExportError(f"--status {export_filter.status!r} is not a status of {target.name}: "
                              f"use {' or '.join(statuses)}{_suggestion(export_filter.status, statuses)}")
    if export_filter.source and "source" in columns:
        stored = _stored_values(engine, target, "source")
        sources = sorted(set(stored) | set(_spider_names())) if export_filter.source not in stored else stored
        if export_filter.source not in sources:
            raise ExportError(f"--source {export_filter.source!r} is no source of {target.name}"
                              f"{_suggestion(export_filter.source, sources)} (sources: {_listed(sources)})")
    if export_filter.country and "country" in columns:
        code = country_code(export_filter.country)
        if code is None:
            stored = _stored_values(engine, target, "country")
            raise ExportError(f"--country {export_filter.country!r} is not a country: use an ISO 3166 code "
                              f"such as DE (stored: {_listed(stored) or 'none'})")
        if code != export_filter.country.strip().upper():
            raise ExportError(f"--country takes ISO 3166 codes, as countries are stored: "
                              f"{export_filter.country!r} is {code} — use --country {code}")

