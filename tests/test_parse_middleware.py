"""Issue 15: the crawl process only downloads — pages are read, repaired, parsed and validated by
the parse pool, ads sent to the workers in batches.

- ``read_page`` (what the workers run on a page) gives each page's postings and rejections;
- the parse middleware turns a page the spider handed over into postings and rejections, with the
  body kept for the raw archive and the stats counted, and passes requests through;
- the pool sends many ads per message to a real worker, and one ad's failure stays its own.
"""

from __future__ import annotations

import asyncio
import json
import time
from datetime import datetime, timezone

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.sources.jsonld import PageReader, site_origin
from crawler.items import JobPage, JobPosting, RejectedPage
from crawler.spiders.jsonld import JsonldSpider
from pipelines.parse import ParseMiddleware
from pipelines.parse_pool import ParsePool
from tests.reliability.job_pages import job_page, job_posting
from tests.support.parse_work import fail_on_three, pid_of_worker

pytestmark = pytest.mark.timeout(120)

URL = "https://jobs.example.de/stellen/4711"
NOW = datetime(2026, 12, 1, 9, tzinfo=timezone.utc)
SITES = frozenset({site_origin(URL)})


def json_ld(*nodes: dict) -> str:
    return "".join(f'<script type="application/ld+json">{json.dumps(node, ensure_ascii=False)}</script>'
                   for node in nodes)


def page(head: str = "", body: str = "") -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


PLAIN_AD = ("<h1>Sachbearbeiter Buchhaltung (m/w/d)</h1><p>Die Rheinwerk GmbH sucht Verstärkung.</p>"
            "<h2>Ihre Aufgaben</h2><ul><li>Prüfung der Eingangsrechnungen</li></ul>"
            "<h2>Ihr Profil</h2><ul><li>Kaufmännische Ausbildung</li></ul>")

# (case, body, content type, URLs of the postings, rejection reasons (start), stats)
READ_PAGE_CASES = [
    ("one JSON-LD posting", job_page(1).encode(), "text/html; charset=utf-8", [URL], [], []),
    ("several postings, each under the URL it names on this site",
     page(json_ld(job_posting(20, url="/jobs/20"), job_posting(21, url="/jobs/21"))), "text/html",
     ["https://jobs.example.de/jobs/20", "https://jobs.example.de/jobs/21"], [], []),
    ("several postings, one naming another site: that one keeps the page URL",
     page(json_ld(job_posting(20, url="/jobs/20"), job_posting(21, url="https://evil.example.com/x"))), "text/html",
     ["https://jobs.example.de/jobs/20", URL], [], []),
    ("a posting without a title is rejected, its neighbour kept",
     page(json_ld(job_posting(20, url="/jobs/20"), job_posting(21, url="/jobs/21", title=None))), "text/html",
     ["https://jobs.example.de/jobs/20"], ["missing title"], []),
    ("only broken JSON-LD", page('<script type="application/ld+json">{"@type": "JobPosting", </script>'),
     "text/html", [], ["no valid JobPosting"], []),
    ("a plain HTML ad (a title and job sections)", page("<title>Stelle</title>", PLAIN_AD), "text/html", [URL], [], []),
    ("a page that is no ad", page("<title>Über uns</title>", "<h1>Über uns</h1><p>Wir sind ein Team.</p>"),
     "text/html", [], [], []),
    ("binary content served as text", bytes(range(256)) * 40, "text/html", [],
     ["undecodable page: binary content served as text"], []),
    ("a canonical link to another path is not trusted",
     job_page(2).replace("<head>", '<head><link rel="canonical" href="/stellen/1">', 1).encode(), "text/html",
     [URL], [], ["jobcrawl/canonical/not_trusted"]),
    ("a canonical link dropping a parameter is trusted",
     job_page(3).replace("<head>", f'<head><link rel="canonical" href="{URL}">', 1).encode(), "text/html",
     [URL], [], []),
    ("Latin-1 without any declared charset is read as cp1252, not as broken UTF-8",
     page("<title>Stelle</title>", PLAIN_AD).replace(b"<meta charset", b"").decode().encode("latin-1"), "text/html",
     [URL], [], []),
]


@pytest.mark.parametrize("case, body, content_type, urls, reasons, stats", READ_PAGE_CASES,
                         ids=[case[0] for case in READ_PAGE_CASES])
def test_read_page(case, body, content_type, urls, reasons, stats):
    fetched = URL + "?utm_source=feed" if "dropping a parameter" in case else URL
    reading = PageReader.read_page(body, fetched, content_type, NOW, SITES)
    assert [url for url, _fields in reading.postings] == urls
    assert all(fields.get("title_raw") for _url, fields in reading.postings)
    assert len(reading.rejections) == len(reasons)
    for (_url, reason, _payload), expected in zip(reading.rejections, reasons):
        assert reason.startswith(expected)
    assert reading.stats == stats


def test_latin1_page_keeps_its_umlauts():
    body = page("<title>Stelle</title>", PLAIN_AD).decode().encode("latin-1")
    (_url, fields), = PageReader.read_page(body, URL, "text/html", NOW, SITES).postings
    assert "Prüfung der Eingangsrechnungen" in fields["description"]


def _middleware(workers: int = 0) -> tuple[JsonldSpider, ParseMiddleware]:
    crawler = get_crawler(JsonldSpider, {"JOBCRAWL_PARSE_WORKERS": workers})
    spider = JsonldSpider.from_crawler(crawler, sitemap="https://jobs.example.de/sitemap.xml")
    crawler.stats.open_spider()
    return spider, ParseMiddleware(crawler)


def _run_middleware(middleware: ParseMiddleware, response, outputs) -> list:
    async def spider_output():
        for output in outputs:
            yield output

    async def collect():
        return [item async for item in middleware.process_spider_output(response, spider_output())]

    return asyncio.run(collect())


def test_a_page_handed_over_becomes_postings_with_the_body_archived():
    spider, middleware = _middleware()
    body = page(json_ld(job_posting(20, url="/jobs/20"), job_posting(21, url="/jobs/21", title=None),
                        job_posting(22, url="/jobs/22")))
    response = HtmlResponse(URL, body=body, headers={"Content-Type": "text/html; charset=utf-8"}, request=Request(URL))
    outputs = list(spider.parse_page(response))
    assert [type(output) for output in outputs] == [JobPage]  # the spider reads nothing itself
    follow = Request("https://jobs.example.de/next")
    items = _run_middleware(middleware, response, [*outputs, follow])
    assert items[0] is follow  # requests pass at once, before the pool answers
    postings = [item for item in items if isinstance(item, JobPosting)]
    rejections = [item for item in items if isinstance(item, RejectedPage)]
    assert [posting.url for posting in postings] == ["https://jobs.example.de/jobs/20", "https://jobs.example.de/jobs/22"]
    assert all(posting.raw_page == body and posting.raw_content_type == "text/html; charset=utf-8"
               for posting in postings)
    assert all(posting.match_features is not None and posting.city for posting in postings)
    assert [rejection.reason for rejection in rejections] == ["missing title"]
    stats = middleware.stats.get_stats()
    assert stats["jobcrawl/valid_items"] == 2 and stats["jobcrawl/rejected/missing_title"] == 1


def test_a_posting_from_an_api_spider_is_repaired_parsed_and_validated():
    spider, middleware = _middleware()
    mojibake = "Elektroniker für Energietechnik (m/w/d)".encode("utf-8").decode("latin-1")
    item = spider.posting("https://jobs.example.de/stellen/9", raw_page=b"{}", raw_content_type="application/json",
                          title_raw=mojibake, description="Ihre Aufgaben: Wartung der Anlagen in Köln.")
    (posting,) = _run_middleware(middleware, None, [item])
    assert posting.title_raw == "Elektroniker für Energietechnik (m/w/d)"
    assert posting.raw_page == b"{}" and posting.raw_content_type == "application/json"
    assert middleware.stats.get_value("jobcrawl/encoding/repaired/title_raw") == 1
    invalid = spider.posting("ftp://jobs.example.de/1", title_raw="Buchhalter (m/w/d)", description="Buchhaltung.")
    (rejection,) = _run_middleware(middleware, None, [invalid])
    assert isinstance(rejection, RejectedPage) and rejection.reason.startswith("invalid url")


def test_what_a_failing_spider_handed_over_is_still_read():
    spider, middleware = _middleware()
    response = HtmlResponse(URL, body=job_page(5).encode(), request=Request(URL))
    outputs = list(spider.parse_page(response))
    items = []

    async def collect():
        async def spider_output():
            for output in outputs:
                yield output
            raise ValueError("the spider broke after handing the page over")

        async for item in middleware.process_spider_output(response, spider_output()):
            items.append(item)

    with pytest.raises(ValueError):
        asyncio.run(collect())
    assert [type(item) for item in items] == [JobPosting]


class _CountingExecutor:
    """The pool's real executor, counting the messages sent to it."""

    def __init__(self, executor):
        self.executor, self.messages = executor, []

    def submit(self, function, work, budget, batch):
        self.messages.append(len(batch))
        return self.executor.submit(function, work, budget, batch)

    def __getattr__(self, name):
        return getattr(self.executor, name)


def test_ads_go_to_the_worker_many_per_message():
    pool = ParsePool(1, work=pid_of_worker, initializer=None, batch_size=4, batch_seconds=0.2)
    pool.start()
    counting = pool.executor = _CountingExecutor(pool.executor)

    async def run_all():
        return await asyncio.gather(*(pool.run(number) for number in range(10)))

    try:
        results = asyncio.run(run_all())
    finally:
        pool.close()
    assert [number for number, _pid in results] == list(range(10))
    assert len({pid for _number, pid in results}) == 1  # one worker process, not the crawl's
    assert counting.messages == [4, 4, 2]  # two full batches, the rest sent when its time was up


def test_one_ad_failing_in_a_batch_fails_only_itself():
    pool = ParsePool(1, work=fail_on_three, initializer=None, batch_size=8)
    pool.start()

    async def run_all():
        return await asyncio.gather(*(pool.run(number) for number in range(6)), return_exceptions=True)

    try:
        results = asyncio.run(run_all())
    finally:
        pool.close()
    assert isinstance(results[3], ValueError) and str(results[3]) == "ad 3 is malformed"
    assert results[:3] + results[4:] == [0, 1, 2, 4, 5]


def test_the_worker_starts_with_the_pool_not_with_the_first_ad():
    # Its start-up (imports, parser indexes) then overlaps the crawl's own instead of stalling
    # the first pages.
    pool = ParsePool(1, work=pid_of_worker, initializer=None)
    pool.start()
    try:
        deadline = time.monotonic() + 30
        while not pool.executor._processes and time.monotonic() < deadline:
            time.sleep(0.05)
        started = set(pool.executor._processes)  # before any ad was sent
        (_number, answered_by), = asyncio.run(_gather(pool, [1]))
    finally:
        pool.close()
    assert started == {answered_by}


async def _gather(pool: ParsePool, numbers: list[int]) -> list:
    return await asyncio.gather(*(pool.run(number) for number in numbers))
