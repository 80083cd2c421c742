"""PostgreSQL goes away in the middle of a crawl of 500 ads.

Back after a few seconds: the store pipeline retries with back-off and every ad arrives exactly
once. Away for good: the batches go to a spill file, the run ends failed naming the file, and
``jobcrawl db replay FILE`` loads them later — still every ad exactly once, even replayed twice.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import insert, text

from crawler.store.spill import close_spilled_runs, read_run_ends, read_spill, spill, write_run_end
from models.database import get_engine
from models.tables import CrawlRun
from tests.reliability.crawl_process import CrawlOutcome, CrawlProcess, record
from tests.reliability.job_pages import job_page, sitemap
from tests.support.crawl import PROJECT_ROOT, postings, runs, sightings
from tests.support.fault_server import FaultServer, Page

pytestmark = pytest.mark.timeout(900)  # crawl fixtures share two cores with the rest of the suite

ADS = 500
STOP_AFTER = ADS // 3
SETTINGS = {"JOBCRAWL_PARSE_WORKERS": "0", "JOBCRAWL_STORE_BATCH_SIZE": "50", "LOG_LEVEL": "INFO"}


def board() -> FaultServer:
    # 50 ms per page, 8 at a time: the walk takes seconds, so the outage lands in its middle.
    server = FaultServer({f"/jobs/{number}": Page(job_page(number), delay=0.05) for number in range(ADS)})
    server.routes["/sitemap.xml"] = Page(sitemap([f"{{{{BASE_URL}}}}/jobs/{number}" for number in range(ADS)]),
                                         content_type="application/xml")
    return server


def wait_for_requests(server: FaultServer, count: int, crawl: CrawlProcess, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while server.count("/jobs/") < count:
        assert crawl.popen.poll() is None, "the crawl ended before the outage could start"
        assert time.monotonic() < deadline, f"only {server.count('/jobs/')} pages fetched in {timeout} s"
        time.sleep(0.02)


def assert_every_ad_once(database_url: str) -> None:
    rows = postings(database_url)
    urls = Counter(row.url.rsplit("/", 1)[1] for row in rows)
    assert len(rows) == ADS and set(urls) == {str(number) for number in range(ADS)}
    assert max(urls.values()) == 1
    assert len(sightings(database_url)) == ADS


def test_database_down_for_seconds_mid_crawl_loses_nothing(private_postgres):
    database_url = private_postgres.database("outage")
    with board() as server:
        crawl = CrawlProcess("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, database_url,
                             {**SETTINGS, "JOBCRAWL_STORE_RETRIES": "6", "JOBCRAWL_STORE_RETRY_SECONDS": "0.5"})
        try:
            wait_for_requests(server, STOP_AFTER, crawl)
            private_postgres.server.stop_server()
            stopped = time.monotonic()
            time.sleep(3)
            pages_during_outage = server.count("/jobs/")
        finally:
            private_postgres.ensure_running()
        down_for = time.monotonic() - stopped
        outcome = crawl.wait(180)
    assert outcome.returncode == 0, outcome.output[-3000:]
    assert_every_ad_once(database_url)
    [run] = runs(database_url)
    assert run.status == "succeeded" and run.items == ADS
    retries = run.stats["jobcrawl/store/retries"]
    assert retries >= 1 and "database write failed" in outcome.stderr
    assert "spilled" not in outcome.stderr
    record("PostgreSQL down mid-crawl, back after seconds", ads=ADS, down_seconds=round(down_for, 1),
           stopped_after_pages=STOP_AFTER, pages_fetched_while_down=pages_during_outage - STOP_AFTER,
           store_retries=retries, stored=len(postings(database_url)), lost=ADS - len(postings(database_url)),
           doubled=0)


def replay(spill_file: Path, database_url: str) -> subprocess.CompletedProcess:
    """``jobcrawl db replay FILE``, as a user would run it."""
    return subprocess.run([sys.executable, "-m", "crawler.cli", "db", "replay", str(spill_file),
                           "--database", database_url],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)


@dataclass
class GoneForGood:
    outcome: CrawlOutcome
    database_url: str
    spill_files: list[Path]
    stored_before_replay: int
    spilled: int
    replays: list[subprocess.CompletedProcess]


@pytest.fixture(scope="module")
def gone_for_good(private_postgres, tmp_path_factory) -> GoneForGood:
    """The database stops after a third of the ads and stays away until the crawl has ended;
    then it comes back and the spill file is replayed twice."""
    database_url = private_postgres.database("spill")
    spill_dir = tmp_path_factory.mktemp("spill")
    with board() as server:
        crawl = CrawlProcess("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, database_url,
                             {**SETTINGS, "JOBCRAWL_STORE_RETRIES": "2", "JOBCRAWL_STORE_RETRY_SECONDS": "0.2",
                              "JOBCRAWL_SPILL_DIR": str(spill_dir)})
        try:
            wait_for_requests(server, STOP_AFTER, crawl)
            private_postgres.server.stop_server()
            outcome = crawl.wait(180)
        finally:
            private_postgres.ensure_running()
    spill_files = sorted(spill_dir.glob("*.jsonl"))
    stored_before = len(postings(database_url))
    spilled = sum(len(postings_) + len(rejections_) for path in spill_files for postings_, rejections_ in read_spill(path))
    replays = [replay(path, database_url) for _ in range(2) for path in spill_files]
    scenario = GoneForGood(outcome, database_url, spill_files, stored_before, spilled, replays)
    record("PostgreSQL gone for the rest of the crawl", ads=ADS, stored_before_outage=stored_before,
           spilled=spilled, stored_after_replay=len(postings(database_url)), lost=ADS - len(postings(database_url)),
           doubled_after_two_replays=len(sightings(database_url)) - ADS)
    return scenario


def test_the_run_fails_and_names_the_spill_file(gone_for_good):
    outcome = gone_for_good.outcome
    assert outcome.returncode == 1
    assert "crawl jsonld: failed" in outcome.stdout
    [spill_file] = gone_for_good.spill_files
    assert spill_file.name.startswith("spill-jsonld-")
    assert f"load them with: jobcrawl db replay {spill_file}" in outcome.stderr
    assert "failed: store failed: OperationalError" in outcome.stderr  # the run's end, with its reason


def test_what_the_database_missed_is_in_the_spill_file(gone_for_good):
    assert gone_for_good.spilled > 0
    assert gone_for_good.stored_before_replay + gone_for_good.spilled == ADS


def test_replaying_twice_stores_every_ad_exactly_once(gone_for_good):
    for done in gone_for_good.replays:
        assert done.returncode == 0, done.stdout + done.stderr
    assert_every_ad_once(gone_for_good.database_url)
    with get_engine(gone_for_good.database_url).connect() as connection:
        orphans = connection.execute(text(
            "SELECT count(*) FROM postings p WHERE NOT EXISTS (SELECT 1 FROM sightings s WHERE s.posting_id = p.id)"
        )).scalar_one()
    assert orphans == 0


def test_the_crawl_run_row_is_closed_as_failed_once_replayed(gone_for_good):
    [run] = runs(gone_for_good.database_url)
    assert run.status == "failed" and "store failed" in (run.reason or "")


def test_a_spill_file_carries_the_end_of_its_run(tmp_path, migrated_sqlite_url):
    """The helpers the wiring of §2 uses: a run_end record is kept apart from the items and closes
    the run's row once, only while it still says ``running``."""
    database_url = migrated_sqlite_url
    with get_engine(database_url).begin() as connection:
        run_id = connection.execute(insert(CrawlRun).returning(CrawlRun.id), {
            "spider": "jsonld", "arguments": {}, "started_at": datetime(2026, 11, 22, 9, tzinfo=timezone.utc),
            "status": "running", "stats": {}}).scalar_one()
    path = tmp_path / "spill.jsonl"
    spill(path, [], [{"source": "jsonld", "url": "https://example.de/x", "reason": "missing title"}])
    write_run_end(path, run_id, "failed", "store failed: OperationalError: server closed the connection",
                  datetime(2026, 11, 22, 9, 5, tzinfo=timezone.utc))
    [(postings_, rejections_)] = list(read_spill(path))
    assert (postings_, [r["reason"] for r in rejections_]) == ([], ["missing title"])
    ends = read_run_ends(path)
    assert close_spilled_runs(get_engine(database_url), ends) == 1
    assert close_spilled_runs(get_engine(database_url), ends) == 0  # a second replay changes nothing
    [run] = runs(database_url)
    assert (run.status, run.reason) == ("failed", "store failed: OperationalError: server closed the connection")
