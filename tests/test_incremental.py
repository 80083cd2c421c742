"""Incremental crawling: a re-crawl of an unchanged source fetches (almost) no ad pages again,
yet every posting still listed is marked seen; a changed entry is fetched again and updated.

Real crawls of the saved StepStone search and of the sample board's sitemaps, through a local
HTTP server into SQLite and PostgreSQL; and the database side (touching copies) on both.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.bases.incremental import lastmod_moment, listing_fingerprint
from crawler.sample_board import MANIFEST_PATH, SITE_DIR
from crawler.store.posting_store import PostingStore
from models.database import get_engine
from models.tables import CrawlRun, Posting, PostingVersion, Sighting
from models.touch import known_copies, record_listing_fingerprints, touch_sightings
from tests.spiders.test_stepstone import AD_PATHS, SEARCH, STEPSTONE, board_routes
from tests.support.crawl import crawl, postings, runs, sightings
from tests.support.fixture_server import FixtureServer, Reply
from tests.test_store import posting as stored_posting

INCREMENTAL = {"JOBCRAWL_INCREMENTAL": "True"}
AD_PREFIX = "/stellenangebote--"
MAX_SHARE_REFETCHED = 0.10
MANIFEST = json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))["ads"]


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def last_seen(database_url: str) -> dict[str, datetime]:
    """``last_seen_at`` of every posting, by URL."""
    return {row.url: _utc(row.last_seen_at) for row in postings(database_url)}


# ------------------------------------------------------------------------------- pure parts

@pytest.mark.parametrize(("text", "moment"), [
    ("2026-11-20", datetime(2026, 11, 21, 12, tzinfo=timezone.utc)),
    ("2026-11-20T08:15:00+01:00", datetime(2026, 11, 20, 7, 15, tzinfo=timezone.utc)),
    ("2026-11-20T08:15:00Z", datetime(2026, 11, 20, 8, 15, tzinfo=timezone.utc)),
    ("2026-11-20T08:15:00", datetime(2026, 11, 20, 20, 15, tzinfo=timezone.utc)),
    ("2026-02-30", None),
    ("yesterday", None),
    ("", None),
    (None, None),
])
def test_lastmod_moment_is_the_latest_moment_it_can_mean(text, moment):
    assert lastmod_moment(text) == moment


def test_listing_fingerprint_ignores_spacing_but_not_content():
    same = listing_fingerprint("Data Engineer (m/w/d)", "Kranich GmbH", "Berlin", None)
    assert listing_fingerprint(" Data  Engineer (m/w/d)", "Kranich GmbH", "Berlin", "") == same
    assert listing_fingerprint("Data Engineer (m/w/d)", "Kranich GmbH", "Potsdam", None) != same
    assert listing_fingerprint("Kranich GmbH", "Data Engineer (m/w/d)", "Berlin", None) != same


# ---------------------------------------------------------------------------- database side

def test_touch_moves_last_seen_revives_gone_copies_and_reopens_postings(migrated_database_url):
    engine = get_engine(migrated_database_url)
    first_seen = datetime(2026, 11, 20, 9, tzinfo=timezone.utc)
    PostingStore(engine).write([stored_posting(n, source="stepstone", source_id=str(100 + n), crawled_at=first_seen)
                                for n in range(3)])
    with engine.begin() as connection:
        connection.execute(Sighting.__table__.update().where(Sighting.source_id == "101")
                           .values(gone_at=first_seen))
        connection.execute(Posting.__table__.update().where(Posting.url == "https://example.de/jobs/1")
                           .values(status="closed", closed_at=first_seen))
    seen_at = first_seen + timedelta(days=2)
    keys = [("100", "https://example.de/jobs/0", "f0"),          # by id
            (None, "https://example.de/jobs/1", None),           # by URL
            ("999", "https://example.de/jobs/999", "f9")]        # unknown: ignored
    with Session(engine) as session, session.begin():
        assert touch_sightings(session, "stepstone", keys, seen_at, crawl_run_id=None) == 2
    with engine.connect() as connection:
        rows = {row.source_id: row for row in connection.execute(select(Sighting))}
        posts = {row.url: row for row in connection.execute(select(Posting))}
    assert _utc(rows["100"].last_seen_at) == seen_at and rows["100"].listing_fingerprint == "f0"
    assert _utc(rows["101"].last_seen_at) == seen_at and rows["101"].gone_at is None
    assert _utc(rows["102"].last_seen_at) == first_seen
    assert posts["https://example.de/jobs/1"].status == "active" and posts["https://example.de/jobs/1"].closed_at is None
    assert _utc(posts["https://example.de/jobs/0"].last_seen_at) == seen_at
    assert _utc(posts["https://example.de/jobs/2"].last_seen_at) == first_seen


def test_known_copies_and_recorded_fingerprints(migrated_database_url):
    engine = get_engine(migrated_database_url)
    PostingStore(engine).write([stored_posting(n, source="stepstone", source_id=str(100 + n)) for n in range(2)],
                               scope="stepstone:query=x")
    assert record_listing_fingerprints(engine, "stepstone", [("100", "https://example.de/jobs/0", "f0"),
                                                             ("555", "https://example.de/jobs/5", "f5")]) == 1
    known = known_copies(engine, "stepstone", "stepstone:query=x")
    assert known.fingerprints == {"100": "f0", "101": None}
    assert known.urls == {"https://example.de/jobs/0", "https://example.de/jobs/1"}
    assert known.last_walk_started_at is None
    assert known_copies(engine, "stepstone", "stepstone:query=x", within_scope=True).urls == known.urls
    assert known_copies(engine, "stepstone", "stepstone:query=y", within_scope=True).urls == frozenset()


# --------------------------------------------------------------------------- board (StepStone)

def changed_listing_page() -> Reply:
    """Search page 1 where one ad (13904122) was retitled."""
    text = (STEPSTONE / "listing-page-1.html").read_text(encoding="utf-8")
    text = text.replace("Senior Data Engineer \\u2013 Streaming (m/w/d)", "Lead Data Engineer \\u2013 Streaming (m/w/d)")
    text = text.replace("Senior Data Engineer – Streaming (m/w/d)", "Lead Data Engineer – Streaming (m/w/d)")
    return Reply(text, content_type="text/html; charset=utf-8")


def changed_ad_page() -> Reply:
    text = (STEPSTONE / "detail-state.html").read_text(encoding="utf-8")
    return Reply(text.replace("Senior Data Engineer \\u2013 Streaming", "Lead Data Engineer \\u2013 Streaming"),
                 content_type="text/html; charset=utf-8")


def test_unchanged_board_is_not_fetched_again_but_seen(migrated_database_url):
    arguments = {"query": "Data Engineer", "where": "Berlin"}
    with FixtureServer(board_routes(closed=())) as server:
        arguments["base_url"] = server.url
        first = crawl("stepstone", arguments, migrated_database_url, settings=INCREMENTAL)
        assert first.returncode == 0, first.stderr[-2000:]
        first_details = server.count(AD_PREFIX)
        before = last_seen(migrated_database_url)

        second = crawl("stepstone", arguments, migrated_database_url, settings=INCREMENTAL)
        assert second.returncode == 0, second.stderr[-2000:]
        second_details = server.count(AD_PREFIX) - first_details

        server.routes[SEARCH] = changed_listing_page()
        server.routes[AD_PATHS["13904122"]] = changed_ad_page()
        requests_before_third = len(server.requests)
        third = crawl("stepstone", arguments, migrated_database_url, settings=INCREMENTAL)
        assert third.returncode == 0, third.stderr[-2000:]
        third_requests = server.requests[requests_before_third:]

    assert first_details == 6
    assert second_details <= MAX_SHARE_REFETCHED * first_details
    after = last_seen(migrated_database_url)
    assert set(after) == set(before) and len(after) == 6
    assert all(after[url] > before[url] for url in before)
    first_run, second_run, third_run = runs(migrated_database_url)
    assert (second_run.status, second_run.items, second_run.listing_complete) == ("succeeded", 6, True)
    assert second_run.new_postings == 0 and second_run.stats["jobcrawl/incremental/seen_again"] == 6
    assert all(row.gone_at is None for row in sightings(migrated_database_url))
    # The retitled ad, and only it, was fetched again and updated.
    assert [path for path in third_requests if path.startswith(AD_PREFIX)] == [AD_PATHS["13904122"]]
    retitled = next(row for row in postings(migrated_database_url) if row.source_id == "13904122")
    assert retitled.title == "Lead Data Engineer – Streaming"
    with get_engine(migrated_database_url).connect() as connection:
        changes = connection.execute(select(PostingVersion.changed_fields)).scalars().all()
    assert any("title" in fields for fields in changes)
    assert third_run.status == "succeeded" and third_run.updated_postings == 1


def test_full_refetch_when_incremental_is_off(migrated_sqlite_url):
    arguments = {"query": "Data Engineer", "where": "Berlin"}
    with FixtureServer(board_routes(closed=())) as server:
        arguments["base_url"] = server.url
        assert crawl("stepstone", arguments, migrated_sqlite_url, settings=INCREMENTAL).returncode == 0
        assert crawl("stepstone", arguments, migrated_sqlite_url, settings={"JOBCRAWL_INCREMENTAL": "False"}).returncode == 0
        assert server.count(AD_PREFIX) == 12


# ---------------------------------------------------------------------------- sitemaps (jsonld)

CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".xml": "application/xml; charset=utf-8",
                 ".txt": "text/plain; charset=utf-8"}


def sample_board_routes() -> dict[str, Reply]:
    """Every file of the bundled sample board, served as the sample board serves it."""
    return {"/" + str(path.relative_to(SITE_DIR)): Reply(path, content_type=CONTENT_TYPES.get(path.suffix, "text/html"))
            for path in SITE_DIR.rglob("*") if path.is_file()}


def ad_requests(paths: list[str]) -> list[str]:
    return [path for path in paths if not path.endswith(".xml")]


def sitemap_with_new_lastmod(sitemap: str, path: str, lastmod: str) -> str:
    """The sitemap text with the ``lastmod`` of the entry for ``path`` replaced."""
    entry = sitemap.index("{{BASE_URL}}/" + path)
    start, end = sitemap.index("<lastmod>", entry) + len("<lastmod>"), sitemap.index("</lastmod>", entry)
    return sitemap[:start] + lastmod + sitemap[end:]


def test_unchanged_sitemap_is_not_fetched_again_but_seen(migrated_sqlite_url):
    changed = next(ad for ad in MANIFEST if ad["outcome"] == "stored" and ad["markup"] == "jsonld")
    sitemap_path = next(name for name in ("sitemap-jobs-1.xml", "sitemap-jobs-2.xml")
                        if changed["path"] in (SITE_DIR / name).read_text(encoding="utf-8"))
    with FixtureServer(sample_board_routes()) as server:
        arguments = {"sitemap": f"{server.url}/sitemap.xml"}
        first = crawl("jsonld", arguments, migrated_sqlite_url, settings=INCREMENTAL)
        assert first.returncode == 0, first.stderr[-2000:]
        first_pages = ad_requests(server.requests)
        before = last_seen(migrated_sqlite_url)

        mark = len(server.requests)
        second = crawl("jsonld", arguments, migrated_sqlite_url, settings=INCREMENTAL)
        assert second.returncode == 0, second.stderr[-2000:]
        second_pages = ad_requests(server.requests[mark:])

        # One ad is retitled, and its sitemap entry says so: its lastmod is after the second walk
        # began (taken from the run record, not the wall clock, which this sandbox sometimes steps).
        second_started = _utc(runs(migrated_sqlite_url)[-1].started_at)
        modified = max(datetime.now(timezone.utc), second_started + timedelta(seconds=2))
        now = modified.isoformat(timespec="seconds").replace("+00:00", "Z")
        server.routes["/" + sitemap_path] = Reply(
            sitemap_with_new_lastmod((SITE_DIR / sitemap_path).read_text(encoding="utf-8"), changed["path"], now),
            content_type=CONTENT_TYPES[".xml"])
        page = (SITE_DIR / changed["path"]).read_text(encoding="utf-8")
        server.routes["/" + changed["path"]] = Reply(page.replace(changed["title_raw"], "Lead Data Engineer (m/w/d)"),
                                                     content_type=CONTENT_TYPES[".html"])
        mark = len(server.requests)
        third = crawl("jsonld", arguments, migrated_sqlite_url, settings=INCREMENTAL)
        assert third.returncode == 0, third.stderr[-2000:]
        third_pages = ad_requests(server.requests[mark:])

    assert len(second_pages) <= MAX_SHARE_REFETCHED * len(first_pages)
    assert not any(path.startswith("/jobs/") for path in second_pages)  # only pages never stored (rejected)
    after = last_seen(migrated_sqlite_url)
    assert set(after) == set(before) and all(after[url] > before[url] for url in before)
    _first, second_run, third_run = runs(migrated_sqlite_url)
    assert (second_run.status, second_run.items, second_run.listing_complete) == ("succeeded", len(before), True)
    assert [path for path in third_pages if path.startswith("/jobs/")] == ["/" + changed["path"]]
    retitled = next(row for row in postings(migrated_sqlite_url) if row.url.endswith(changed["path"]))
    assert (retitled.title, third_run.updated_postings) == ("Lead Data Engineer", 1)


def test_last_walk_is_the_newest_successful_run_of_the_same_scope(migrated_database_url):
    engine = get_engine(migrated_database_url)
    start = datetime(2026, 11, 20, 9, tzinfo=timezone.utc)
    runs_made = [("jsonld:sitemap=a", "succeeded", start), ("jsonld:sitemap=a", "failed", start + timedelta(days=1)),
                 ("jsonld:sitemap=b", "succeeded", start + timedelta(days=2)),
                 ("jsonld:sitemap=a", "degraded", start + timedelta(days=3))]
    with engine.begin() as connection:
        connection.execute(CrawlRun.__table__.insert(), [
            {"spider": "jsonld", "scope": scope, "status": status, "started_at": started, "arguments": {}, "stats": {}}
            for scope, status, started in runs_made])
    assert known_copies(engine, "jsonld", "jsonld:sitemap=a").last_walk_started_at == start
    assert known_copies(engine, "jsonld", "jsonld:sitemap=c").last_walk_started_at is None
