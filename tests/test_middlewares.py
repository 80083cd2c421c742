"""Politeness: 429 and 503 answers are retried after the time the server asks for (Retry-After,
seconds or an HTTP date, capped), a bounded number of times, without holding up other requests.
Real crawls against a local HTTP server that answers "slow down" first."""

from __future__ import annotations

import json
import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from crawler.middlewares import retry_after_seconds, wait_before_retry
from tests.support.crawl import crawl, postings, runs, sightings
from tests.support.fixture_server import FixtureServer, Reply

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
POLITE = {"DOWNLOADER_MIDDLEWARES": json.dumps({"crawler.middlewares.RetryAfterMiddleware": 560}),
          "JOBCRAWL_RETRY_AFTER_MAX": "120"}
AD_PAGE = """<!DOCTYPE html><html lang="de"><head><title>{title}</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"JobPosting","title":"{title}",
"datePosted":"2026-11-20","hiringOrganization":{{"@type":"Organization","name":"Kranich Mobility GmbH"}},
"jobLocation":{{"@type":"Place","address":{{"@type":"PostalAddress","addressLocality":"Berlin","addressCountry":"DE"}}}},
"description":"<h2>Ihre Aufgaben</h2><ul><li>Daten-Pipelines mit Python bauen</li></ul>"}}</script>
</head><body><h1>{title}</h1>{links}</body></html>"""


def ad_page(title: str, links: str = "") -> Reply:
    return Reply(AD_PAGE.format(title=title, links=links), content_type="text/html; charset=utf-8")


class SlowDownFirst:
    """A route that answers ``status`` with ``Retry-After`` the first ``times`` times, then ``then``;
    it records when each request came."""

    def __init__(self, then: Reply, retry_after: str | None, status: int = 429, times: int = 1):
        self.then, self.retry_after, self.status, self.times = then, retry_after, status, times
        self.moments: list[float] = []
        self.lock = threading.Lock()

    def __call__(self, handler) -> Reply:
        with self.lock:
            self.moments.append(time.monotonic())
            if len(self.moments) > self.times:
                return self.then
        headers = {"Retry-After": self.retry_after} if self.retry_after is not None else {}
        return Reply("<html><body>Too Many Requests</body></html>", status=self.status,
                     content_type="text/html", headers=headers)


class Timed:
    """A route that records when it was asked."""

    def __init__(self, reply: Reply):
        self.reply, self.moments = reply, []

    def __call__(self, handler) -> Reply:
        self.moments.append(time.monotonic())
        return self.reply


# ------------------------------------------------------------------------------- pure parts

@pytest.mark.parametrize(("value", "seconds"), [
    ("1", 1.0),
    (" 120 ", 120.0),
    (b"30", 30.0),
    (format_datetime(NOW + timedelta(seconds=90), usegmt=True), 90.0),
    ("Sun, 22 Nov 2026 09:01:00 GMT", 60.0),
    ("Sun, 22 Nov 2026 08:00:00 GMT", 0.0),   # already passed
    ("-5", None),
    ("soon", None),
    ("", None),
    (None, None),
])
def test_retry_after_seconds(value, seconds):
    assert retry_after_seconds(value, NOW) == seconds


@pytest.mark.parametrize(("asked", "retries", "wait"), [
    (1.0, 0, 1.0),        # the server's time
    (3600.0, 0, 120.0),   # capped
    (None, 0, 1.0),       # back-off: 1, 2, 4 … seconds
    (None, 2, 4.0),
    (None, 10, 120.0),
    (0.0, 3, 0.0),
])
def test_wait_before_retry(asked, retries, wait):
    assert wait_before_retry(asked, retries, backoff_seconds=1.0, maximum=120.0) == wait


# ----------------------------------------------------------------------------------- crawls

def test_429_is_retried_after_retry_after(migrated_sqlite_url):
    route = SlowDownFirst(ad_page("Data Engineer (m/w/d)"), retry_after="1")
    with FixtureServer({"/job.html": route}) as server:
        result = crawl("jsonld", {"start_urls": f"{server.url}/job.html"}, migrated_sqlite_url, settings=POLITE)
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(route.moments) == 2
    assert route.moments[1] - route.moments[0] >= 0.95
    [posting] = postings(migrated_sqlite_url)
    assert posting.title == "Data Engineer"
    [run] = runs(migrated_sqlite_url)
    assert (run.status, run.stats["retry/count"], run.stats["jobcrawl/politeness/waited_429"]) == ("succeeded", 1, 1)


def test_503_with_an_http_date_waits_until_then(migrated_sqlite_url):
    def reply_with_date(handler):
        later = datetime.now(timezone.utc) + timedelta(seconds=2)
        route.retry_after = format_datetime(later, usegmt=True)
        return route_inner(handler)

    route = SlowDownFirst(ad_page("Data Engineer (m/w/d)"), retry_after=None, status=503)
    route_inner = route
    with FixtureServer({"/job.html": reply_with_date}) as server:
        result = crawl("jsonld", {"start_urls": f"{server.url}/job.html"}, migrated_sqlite_url, settings=POLITE)
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(route.moments) == 2
    # HTTP dates have whole seconds: "in 2 s" is between 1 and 2 s away when it is read.
    assert route.moments[1] - route.moments[0] >= 0.9
    assert len(postings(migrated_sqlite_url)) == 1


def test_a_long_retry_after_is_capped(migrated_sqlite_url):
    route = SlowDownFirst(ad_page("Data Engineer (m/w/d)"), retry_after="3600")
    with FixtureServer({"/job.html": route}) as server:
        started = time.monotonic()
        result = crawl("jsonld", {"start_urls": f"{server.url}/job.html"}, migrated_sqlite_url,
                       settings={**POLITE, "JOBCRAWL_RETRY_AFTER_MAX": "1"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert 0.95 <= route.moments[1] - route.moments[0] < 30
    assert time.monotonic() - started < 120
    assert len(postings(migrated_sqlite_url)) == 1


def test_retries_are_bounded(migrated_sqlite_url):
    route = SlowDownFirst(ad_page("never served"), retry_after="0", times=100)
    with FixtureServer({"/job.html": route}) as server:
        crawl("jsonld", {"start_urls": f"{server.url}/job.html"}, migrated_sqlite_url, settings={**POLITE, "RETRY_TIMES": "2"})
    assert len(route.moments) == 3  # the first answer and two retries, not Scrapy's retries on top
    [run] = runs(migrated_sqlite_url)
    assert run.stats["retry/max_reached"] == 1 and postings(migrated_sqlite_url) == []


def test_a_waiting_request_does_not_hold_up_the_others(migrated_sqlite_url):
    # Retry-After 5 s: the index and the fast ad are read well before the retry, also on a loaded
    # machine (with 3 s a full-suite run once read the fast ad only 0.65 s before it).
    slow = SlowDownFirst(ad_page("Data Engineer (m/w/d)"), retry_after="5")
    fast = Timed(ad_page("Analytics Engineer (m/w/d)"))
    # The fast ad is only found through the index page, which is read while the slow ad waits.
    index = ad_page("Data Scientist (m/w/d)", links='<a href="/fast.html">Analytics Engineer</a>')
    with FixtureServer({"/slow.html": slow, "/index.html": index, "/fast.html": fast}) as server:
        result = crawl("jsonld", {"start_urls": f"{server.url}/slow.html,{server.url}/index.html"}, migrated_sqlite_url,
                       settings=POLITE)
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(slow.moments) == 2 and len(fast.moments) == 1
    assert fast.moments[0] < slow.moments[1] - 1.0
    # Three copies stored (the store may file them under one job: the three ads read alike).
    assert len(sightings(migrated_sqlite_url)) == 3
