"""Issue 13, finding 2: a partitioned folder holds every posting exactly once, in its current
version, after any sequence of crawls and ``--since`` exports.

Day 1 is crawled and exported as a partitioned folder; on day 2 some ads are gone, some changed
and some new; ``export --since <day 2>`` into the same folder must leave, read back with
``pyarrow.dataset``, exactly what a full export of the database gives.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyarrow.dataset as pa_dataset
import pyarrow.parquet as pq
import pytest
from sqlalchemy import select, update

from crawler.export import ExportFilter, export
from models.database import get_engine
from models.tables import Posting, Sighting
from tests.reliability.job_pages import job_page, job_posting, sitemap
from tests.support.crawl import crawl
from tests.support.fixture_server import FixtureServer, Reply

pytestmark = pytest.mark.timeout(600)
HTML = "text/html; charset=utf-8"


def board(numbers: range, changed: set[int] = frozenset()) -> dict[str, Reply]:
    routes = {}
    for number in numbers:
        node = job_posting(number, title=f"Senior Data Engineer {number} (m/w/d)") if number in changed \
            else job_posting(number)
        routes[f"/jobs/{number}"] = Reply(job_page(number, node=node), content_type=HTML)
    routes["/sitemap.xml"] = Reply(sitemap([f"{{{{BASE_URL}}}}/jobs/{number}" for number in numbers]),
                                   content_type="application/xml")
    return routes


def move_back_one_day(database_url: str) -> None:
    """What day 1 left, as if it had been crawled yesterday."""
    day = timedelta(days=1)
    with get_engine(database_url).begin() as connection:
        for table, columns in ((Posting, ("crawled_at", "first_seen_at", "last_seen_at")),
                               (Sighting, ("first_seen_at", "last_seen_at"))):
            rows = connection.execute(select(table.id, *(getattr(table, name) for name in columns))).all()
            for row in rows:
                connection.execute(update(table).where(table.id == row.id).values(
                    {name: getattr(row, name) - day for name in columns}))


def folder_table(folder: Path):
    dataset = pa_dataset.dataset(folder, format="parquet", partitioning="hive")
    return dataset.to_table().sort_by("id")


def full_export(database_url: str, tmp_path: Path):
    path = tmp_path / "reference.parquet"
    export(get_engine(database_url), "parquet", path)
    return pq.read_table(path).sort_by("id")


def test_since_export_into_a_partitioned_folder_keeps_every_posting_once_and_current(database_url, tmp_path):
    folder = tmp_path / "postings"
    engine = get_engine(database_url)
    with FixtureServer(board(range(0, 12))) as server:
        assert crawl("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, database_url).returncode == 0
        move_back_one_day(database_url)
        export(engine, "parquet", folder, partition=True)
        assert folder_table(folder).num_rows == 12

        # Day 2: ads 0-2 gone, 3-5 changed, 6-11 unchanged, 12-15 new.
        server.routes = board(range(3, 16), changed={3, 4, 5})
        result = crawl("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, database_url)
        assert result.returncode == 0, result.stderr[-2000:]
    today = datetime.now(timezone.utc).date()
    export(engine, "parquet", folder, ExportFilter(since=today), partition=True)

    exported = folder_table(folder)
    reference = full_export(database_url, tmp_path)
    with engine.connect() as connection:
        ids = sorted(connection.execute(select(Posting.id)).scalars())
        statuses = dict(connection.execute(select(Posting.title, Posting.status)).all())
    assert len(ids) == 16
    assert exported.column("id").to_pylist() == ids  # every posting, exactly once
    assert exported.drop_columns(["crawl_date"]).select(reference.column_names).equals(reference)
    assert statuses["Senior Data Engineer 3"] == "active" and "Data Engineer" not in {
        title for title, status in statuses.items() if status == "active" and title.startswith("Data")}


def test_a_second_since_export_with_nothing_new_changes_nothing(database_url, tmp_path):
    folder = tmp_path / "postings"
    engine = get_engine(database_url)
    with FixtureServer(board(range(0, 6))) as server:
        assert crawl("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, database_url).returncode == 0
    today = datetime.now(timezone.utc).date()
    export(engine, "parquet", folder, partition=True)
    export(engine, "parquet", folder, ExportFilter(since=today), partition=True)
    export(engine, "parquet", folder, ExportFilter(since=today + timedelta(days=3)), partition=True)
    assert folder_table(folder).drop_columns(["crawl_date"]).select(
        full_export(database_url, tmp_path).column_names).equals(full_export(database_url, tmp_path))
