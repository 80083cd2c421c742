"""Fixtures for the analyst layer: hand-made rows in a migrated database, and the sample board
crawled once per dialect for the whole package."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timezone
from typing import Any

import pytest
from sqlalchemy import insert

from crawler.items import LIST_FIELDS, SCHEMA_FIELDS
from models.database import get_engine, upgrade
from models.tables import Posting, PostingSkill, Sighting
from tests.support.sample_board_crawls import crawled_sample_board

_sighting_numbers = itertools.count(1)


def utc(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    """A UTC time."""
    return datetime(year, month, day, hour, minute, tzinfo=timezone.utc)


def posting_row(posting_id: int, **fields: Any) -> dict[str, Any]:
    """A full ``postings`` row with plain defaults; ``fields`` override them."""
    seen = fields.pop("seen", utc(2026, 3, 1))
    row = {name: ([] if name in LIST_FIELDS else None) for name in SCHEMA_FIELDS}
    row.update(id=posting_id, source="jsonld", url=f"https://example.de/jobs/{posting_id}", crawled_at=seen,
               title=f"Job {posting_id}", via_agency=False, first_seen_at=seen, last_seen_at=seen,
               status="active", closed_at=None)
    row.update(fields)
    return row


class Rows:
    """Writes hand-made postings, sightings and skills into one migrated database."""

    def __init__(self, url: str):
        self.url = url
        self.engine = get_engine(url)

    def postings(self, *rows: dict[str, Any]) -> None:
        with self.engine.begin() as connection:
            connection.execute(insert(Posting), list(rows))

    def sighting(self, posting_id: int, source: str, url: str | None = None, seen: datetime | None = None,
                 gone_at: datetime | None = None, via_agency: bool = False) -> None:
        seen = seen or utc(2026, 3, 1)
        with self.engine.begin() as connection:
            connection.execute(insert(Sighting), [{
                "source": source, "source_id": None, "url": url or f"https://{source}.example/{next(_sighting_numbers)}",
                "posting_id": posting_id, "content_hash": "0" * 64, "first_seen_at": seen, "last_seen_at": seen,
                "match_method": "new", "gone_at": gone_at, "via_agency": via_agency,
            }])

    def skills(self, posting_id: int, *skills: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(insert(PostingSkill), [{"posting_id": posting_id, "skill": skill} for skill in skills])


@pytest.fixture
def rows(migrated_database_url) -> Rows:
    """A fresh migrated database of each dialect, to fill by hand (a copy of the session's
    migrated template: the same schema and fx_rates rows ``upgrade`` writes, without its seconds)."""
    return Rows(migrated_database_url)


@pytest.fixture(scope="package", params=["sqlite", "postgresql"])
def crawled_sample(request, sample_board_crawls) -> str:
    """The sample board crawled once per dialect and migrated to the newest schema; read only.

    The crawl is the session's (tests/conftest.py), made once per worker and shared with
    test_crawl_sample_board: a crawl of its own here was redone (into the same database name)
    whenever a worker's next test left the package, as xdist's per-file scheduling does."""
    url = crawled_sample_board(request, sample_board_crawls)
    upgrade(url)
    return url


def as_date(value) -> date | None:
    """A date from a driver value (SQLite: ISO text)."""
    return date.fromisoformat(value) if isinstance(value, str) else value
