"""The ``postings_by_occupation`` view: new postings per day, source and region at ISCO levels 1–4.

Created by migration 0009 (one SQL text per dialect, as in :mod:`crawler.analytics.views`). A row
counts the postings first seen on ``day`` from ``source`` in ``country``/``region`` whose unit group
is ``isco_4``; ``isco_1``–``isco_3`` are its major, sub-major and minor groups, so an analyst sums
at any level (``GROUP BY isco_2``). Postings without an occupation are left out.

SQLite refuses to rebuild a table a view refers to: a later migration that uses
``batch_alter_table`` on ``postings`` must drop this view first and create it again after
(:func:`drop_view`, :func:`create_view`), as :func:`crawler.analytics.views.views_set_aside` does
for the analysts' views.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

VIEW_NAME = "postings_by_occupation"

_DAY = {
    "sqlite": "date(first_seen_at)",
    "postgresql": "CAST((first_seen_at AT TIME ZONE 'UTC') AS DATE)",
}


def view_statement(dialect: str) -> str:
    """The ``CREATE VIEW`` statement for ``dialect`` (``sqlite`` or ``postgresql``)."""
    day = _DAY[dialect]
    return f"""
CREATE VIEW {VIEW_NAME} AS
SELECT {day} AS day,
       source,
       country,
       region,
       SUBSTR(occupation_isco, 1, 1) AS isco_1,
       SUBSTR(occupation_isco, 1, 2) AS isco_2,
       SUBSTR(occupation_isco, 1, 3) AS isco_3,
       occupation_isco AS isco_4,
       COUNT(*) AS postings
FROM postings
WHERE occupation_isco IS NOT NULL
GROUP BY {day}, source, country, region, occupation_isco
"""


DROP_VIEW = f"DROP VIEW IF EXISTS {VIEW_NAME}"


def create_view(connection: Connection) -> None:
    """Create the view on ``connection`` (its dialect picks the SQL)."""
    connection.execute(text(view_statement(connection.dialect.name)))


def drop_view(connection: Connection) -> None:
    """Drop the view if it exists."""
    connection.execute(text(DROP_VIEW))
