"""A real crawl of the bundled sample board over 127.0.0.1, into SQLite and PostgreSQL."""

import csv
import json

import pyarrow.parquet as pq
import pytest

from crawler.export import CSV_LIST_SEPARATOR, EXPORT_COLUMNS, export_postings
from crawler.sample_board import MANIFEST_PATH
from models.database import get_engine
from tests.support.crawl import crawl, postings, rejections, runs, sightings
from tests.support.sample_board_crawls import crawled_sample_board

MANIFEST = json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))["ads"]
STORED = {ad["path"]: ad for ad in MANIFEST if ad["outcome"] == "stored"}
REJECTED = {ad["path"]: ad for ad in MANIFEST if ad["outcome"] == "rejected"}


def path_of(url: str) -> str:
    return url.split("/", 3)[3]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def crawled(request, sample_board_crawls):
    """The sample board crawled once per dialect (one parse-pool worker process, the parse pool's
    path as in a real crawl); shared with the analytics tests, which also only read it."""
    return crawled_sample_board(request, sample_board_crawls)


def test_every_ad_is_stored_once(crawled):
    stored = {path_of(posting.url): posting for posting in postings(crawled)}
    assert set(stored) == set(STORED)
    assert len(sightings(crawled)) == len(STORED)


def test_titles_companies_and_places_match_the_board(crawled):
    stored = {path_of(posting.url): posting for posting in postings(crawled)}
    for path, ad in STORED.items():
        posting = stored[path]
        assert (posting.title, posting.city, posting.country) == (ad["title"], ad["city"], ad["country"]), path


def test_broken_pages_are_rejected_with_a_reason(crawled):
    reasons = {path_of(row.url): row.reason for row in rejections(crawled)}
    assert set(reasons) == set(REJECTED)
    for path, ad in REJECTED.items():
        assert reasons[path].lower().replace(" ", "_").startswith(ad["reason"]), (path, reasons[path])


def test_second_identical_crawl_adds_nothing(sample_board, migrated_database_url):
    arguments = {"sitemap": f"{sample_board.url}/sitemap.xml"}
    assert crawl("jsonld", arguments, migrated_database_url).returncode == 0
    before = (len(postings(migrated_database_url)), len(sightings(migrated_database_url)))
    result = crawl("jsonld", arguments, migrated_database_url)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (len(postings(migrated_database_url)), len(sightings(migrated_database_url))) == before
    first, second = runs(migrated_database_url)
    assert (first.status, second.status) == ("succeeded", "succeeded")
    assert (first.new_postings, second.new_postings, second.updated_postings) == (len(STORED), 0, 0)
    assert second.items == len(STORED)
    assert second.arguments == {"sitemap": f"{sample_board.url}/sitemap.xml"}


def test_link_following_reaches_every_ad(sample_board, migrated_sqlite_url):
    result = crawl("jsonld", {"start_urls": f"{sample_board.url}/"}, migrated_sqlite_url)
    assert result.returncode == 0, result.stderr[-2000:]
    assert {path_of(posting.url) for posting in postings(migrated_sqlite_url)} == set(STORED)


def _database_rows(database_url):
    return [{name: getattr(row, name) for name in EXPORT_COLUMNS} for row in postings(database_url)]


def test_exports_match_the_database(crawled, tmp_path):
    engine = get_engine(crawled)
    rows = _database_rows(crawled)
    assert export_postings(engine, "parquet", tmp_path / "p.parquet", batch_size=7) == len(rows)
    table = pq.read_table(tmp_path / "p.parquet").to_pylist()
    assert [row["url"] for row in table] == [row["url"] for row in rows]
    for exported, original in zip(table, rows):
        for name in ("title", "company", "city", "skills", "responsibilities", "salary_min", "date_posted",
                     "via_agency", "languages"):
            assert exported[name] == original[name], name
    assert export_postings(engine, "csv", tmp_path / "p.csv", batch_size=7) == len(rows)
    with (tmp_path / "p.csv").open(encoding="utf-8", newline="") as handle:
        csv_rows = list(csv.DictReader(handle))
    assert [row["url"] for row in csv_rows] == [row["url"] for row in rows]
    for exported, original in zip(csv_rows, rows):
        assert exported["title"] == original["title"]
        assert exported["skills"] == CSV_LIST_SEPARATOR.join(original["skills"])
        assert exported["date_posted"] == (original["date_posted"].isoformat() if original["date_posted"] else "")
