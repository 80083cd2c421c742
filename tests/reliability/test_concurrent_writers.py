"""Two crawls writing to the same database at once, with overlapping URLs: the SQLite file (WAL,
busy timeout, write transactions that take the lock up front) and one PostgreSQL database. Both
crawls succeed, no write is refused, and every ad is stored exactly once."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.reliability.crawl_process import CrawlProcess, last_run_stats, record
from tests.reliability.database_checks import consistency_problems
from tests.reliability.job_pages import job_page, sitemap
from tests.support.crawl import postings, runs, sightings
from tests.support.fault_server import FaultServer, Page

pytestmark = pytest.mark.timeout(900)  # crawl fixtures share two cores with the rest of the suite

ADS = 120
FIRST = range(0, 80)
SECOND = range(40, ADS)  # 40 ads in both crawls
# Small batches flushed often: many interleaved write transactions rather than two big ones.
SETTINGS = {"JOBCRAWL_PARSE_WORKERS": "0", "JOBCRAWL_STORE_BATCH_SIZE": "10", "JOBCRAWL_STORE_FLUSH_SECONDS": "0.2",
            "LOG_LEVEL": "INFO"}


def board() -> FaultServer:
    server = FaultServer({f"/jobs/{number}": Page(job_page(number), delay=0.01) for number in range(ADS)})
    for name, numbers in (("first", FIRST), ("second", SECOND)):
        server.routes[f"/{name}.xml"] = Page(sitemap([f"{{{{BASE_URL}}}}/jobs/{number}" for number in numbers]),
                                            content_type="application/xml")
    return server


def crawl_twice_at_once(database_url: str):
    with board() as server:
        crawls = [CrawlProcess("jsonld", {"sitemap": f"{server.url}/{name}.xml"}, database_url, SETTINGS)
                  for name in ("first", "second")]
        return [crawl.wait(180) for crawl in crawls]


@pytest.fixture(scope="module")
def concurrent(private_postgres, tmp_path_factory):
    urls = {"sqlite": f"sqlite:///{tmp_path_factory.mktemp('concurrent') / 'shared.db'}",
            "postgresql": private_postgres.database("concurrent")}
    # Both databases exist before the crawls: two first-time migrations racing is another matter.
    from models.database import upgrade

    for url in urls.values():
        upgrade(url)
    with ThreadPoolExecutor(2) as pool:
        outcomes = dict(zip(urls, pool.map(crawl_twice_at_once, urls.values())))
    for dialect, url in urls.items():
        retries = sum(run.stats.get("jobcrawl/store/retries", 0) for run in runs(url))
        record(f"two crawls at once into one {dialect} database", ads=ADS, overlapping=len(set(FIRST) & set(SECOND)),
               stored=len(postings(url)), doubled=len(postings(url)) - len({row.url for row in postings(url)}),
               write_retries=retries, failed_runs=sum(run.status != "succeeded" for run in runs(url)))
    return {dialect: (urls[dialect], outcomes[dialect]) for dialect in urls}


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_both_crawls_succeed_without_errors(concurrent, dialect):
    database_url, outcomes = concurrent[dialect]
    for outcome in outcomes:
        assert outcome.returncode == 0, outcome.output[-3000:]
        assert "database is locked" not in outcome.stderr and "deadlock" not in outcome.stderr.lower()
        assert " ERROR: " not in outcome.stderr, outcome.stderr[-3000:]
    first, second = runs(database_url)
    assert (first.status, second.status) == ("succeeded", "succeeded")
    assert max(first.started_at, second.started_at) < min(first.finished_at, second.finished_at)  # overlapped
    assert last_run_stats(database_url).get("jobcrawl/store/failure") is None


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_every_ad_is_stored_exactly_once(concurrent, dialect):
    database_url, _outcomes = concurrent[dialect]
    stored = Counter(row.url.rsplit("/jobs/", 1)[1] for row in postings(database_url))
    assert set(stored) == {str(number) for number in range(ADS)} and max(stored.values()) == 1
    assert len(sightings(database_url)) == ADS
    assert consistency_problems(database_url) == dict.fromkeys(consistency_problems(database_url), 0)


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_each_crawl_counts_its_own_ads(concurrent, dialect):
    database_url, _outcomes = concurrent[dialect]
    by_sitemap = {run.arguments["sitemap"].rsplit("/", 1)[1]: run for run in runs(database_url)}
    first, second = by_sitemap["first.xml"], by_sitemap["second.xml"]
    assert (first.items, second.items) == (len(FIRST), len(SECOND))
    # Each overlapping ad is new to exactly one of the two runs.
    assert first.new_postings + second.new_postings == ADS
