"""Issue 13, finding 4: a run's verdict and every summary of it come from one set of counters.

A ``recheck`` over a host whose pages fail 40% of the time is not "succeeded" (error limit 10%),
and the crawl's own summary line reports the postings ``crawl_runs`` (and so ``jobcrawl runs``
and the scheduler) record for the same run — also when an incremental crawl fetched none again.
"""

from __future__ import annotations

import re
from html import escape

import pytest

from crawler.extensions import run_counts
from crawler.store.posting_store import PostingStore
from models.database import get_engine
from tests.reliability.job_pages import job_page
from tests.support.crawl import crawl, runs
from tests.support.fixture_server import FixtureServer, Reply
from tests.test_reparse_recheck import stored_posting

pytestmark = pytest.mark.timeout(300)
HTML = "text/html; charset=utf-8"


def test_a_recheck_over_a_host_failing_40_percent_is_not_succeeded(migrated_sqlite_url):
    routes = {f"/jobs/{number}": Reply("<html>ok</html>", content_type=HTML) for number in range(12)}
    routes.update({f"/jobs/{number}": Reply("busy", status=500, content_type="text/plain")
                   for number in range(12, 20)})
    with FixtureServer(routes) as server:
        PostingStore(get_engine(migrated_sqlite_url)).write(
            [stored_posting(f"{server.url}/jobs/{number}", title=f"Job {number}") for number in range(20)])
        result = crawl("recheck", {}, migrated_sqlite_url, {"RETRY_TIMES": "1", "RETRY_BACKOFF_MAX": "0"})
    run = runs(migrated_sqlite_url)[-1]
    assert run.status == "degraded", (run.status, run.reason)
    assert run.reason.startswith("error rate ") and "limit 10%" in run.reason
    assert result.returncode != 0
    assert f"crawl recheck: {run.status}" in result.stdout


def sitemap_with_lastmod(urls: list[str]) -> str:
    entries = "".join(f"<url><loc>{escape(url)}</loc><lastmod>2026-01-01</lastmod></url>" for url in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>')


def test_the_crawl_summary_reports_the_postings_the_run_record_holds(migrated_sqlite_url):
    routes = {f"/jobs/{number}": Reply(job_page(number), content_type=HTML) for number in range(8)}
    routes["/sitemap.xml"] = Reply(sitemap_with_lastmod([f"{{{{BASE_URL}}}}/jobs/{number}" for number in range(8)]),
                                   content_type="application/xml")
    with FixtureServer(routes) as server:
        first = crawl("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, migrated_sqlite_url)
        second = crawl("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, migrated_sqlite_url)  # nothing changed
    recorded = runs(migrated_sqlite_url)
    assert [run.items for run in recorded] == [8, 8]
    # The store thread's own CPU is recorded (the crawl process's CPU split: reactor + store thread).
    assert recorded[0].stats.get("jobcrawl/store/writer_cpu_seconds", 0) > 0
    assert recorded[1].stats.get("jobcrawl/incremental/seen_again") == 8  # no page fetched again
    for result, run in zip((first, second), recorded):
        summary = re.search(r"— (\d+) postings", result.stdout)
        assert summary and int(summary.group(1)) == run.items, result.stdout


def test_run_counts_are_the_recorded_columns():
    stats = {"response_received_count": 3, "jobcrawl/valid_items": 2, "jobcrawl/incremental/seen_again": 5,
             "jobcrawl/store/new_postings": 1, "jobcrawl/store/updated_postings": 1, "jobcrawl/store/rejected": 4,
             "log_count/ERROR": 2}
    assert run_counts(stats) == {"pages": 3, "items": 7, "new_postings": 1, "updated_postings": 1,
                                 "rejected": 4, "errors": 2}
