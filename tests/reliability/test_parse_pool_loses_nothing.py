"""Issue 13, finding 3 (and the per-ad budget of finding 11): the parse pool cannot lose an ad.

Real worker processes die (SIGKILL) or hang while other ads are in flight: every ad comes back,
the deaths and retries are counted, and an ad over the budget becomes a ``ParseTimeout`` (a
recorded rejection in a crawl) without holding up the others.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time

import pytest

from crawler.extensions import run_outcome
from pipelines.parse_pool import ParsePool, ParseTimeout, WorkerDied
from tests.reliability.crawl_process import CrawlProcess
from tests.reliability.job_pages import job_page, sitemap
from tests.reliability.parse_pool_work import always_die, die_once_then_echo, slow_on_one
from tests.support.crawl import postings, runs
from tests.support.fault_server import FaultServer, Page
from tests.support.migrated import migrated_sqlite

pytestmark = pytest.mark.timeout(120)


async def run_all(pool: ParsePool, work_items: list[int], marker: str) -> list:
    return await asyncio.gather(*(pool.run(value, marker) for value in work_items), return_exceptions=True)


def test_a_worker_dying_mid_run_costs_no_ad(tmp_path):
    pool = ParsePool(2, work=die_once_then_echo, initializer=None)
    pool.start()
    try:
        results = asyncio.run(run_all(pool, list(range(8)), str(tmp_path / "died")))
    finally:
        pool.close()
    assert results == list(range(8))  # no exception, no None, every ad parsed
    assert pool.counter.values["jobcrawl/parse/worker_died"] == 1
    assert pool.counter.values["jobcrawl/parse/retried"] >= 1


def test_an_ad_that_kills_every_worker_is_a_rejection_not_a_loss(tmp_path):
    pool = ParsePool(1, work=always_die, initializer=None)
    pool.start()
    try:
        results = asyncio.run(run_all(pool, [7], str(tmp_path / "x")))
    finally:
        pool.close()
    assert isinstance(results[0], WorkerDied) and "died on this ad" in str(results[0])


def test_one_slow_ad_is_rejected_after_the_budget_and_blocks_nothing(tmp_path):
    pool = ParsePool(2, budget_seconds=2.0, work=slow_on_one, initializer=None)
    pool.start()
    started = time.monotonic()
    try:
        results = asyncio.run(run_all(pool, list(range(6)), str(tmp_path / "x")))
    finally:
        pool.close()
    assert time.monotonic() - started < 20
    assert isinstance(results[0], ParseTimeout) and str(results[0]) == "parse took longer than 2 s"
    assert results[1:] == [1, 2, 3, 4, 5]
    assert pool.counter.values["jobcrawl/parse/timed_out"] == 1


def test_inline_parsing_keeps_the_budget_too(tmp_path):
    pool = ParsePool(0, budget_seconds=1.0, work=slow_on_one, initializer=None)
    started = time.monotonic()
    with pytest.raises(ParseTimeout):
        asyncio.run(pool.run(0, str(tmp_path / "x")))
    assert time.monotonic() - started < 5


def test_the_run_verdict_says_a_worker_died():
    stats = {"jobcrawl/valid_items": 60, "jobcrawl/parse/worker_died": 1, "jobcrawl/parse/retried": 3}
    status, reason = run_outcome(stats, "finished")
    assert status == "succeeded"
    assert reason == "1 parser worker death; 3 ads parsed again, none lost"


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _parse_workers(crawl_pid: int) -> list[int]:
    """The pool's worker processes: children of the crawl's forkserver."""
    workers = []
    for child in _children(crawl_pid):
        try:
            command = open(f"/proc/{child}/cmdline", "rb").read()
        except OSError:
            continue
        if b"forkserver" in command:
            workers += _children(child)
    return workers


def test_killing_a_parse_worker_mid_crawl_costs_no_ad(tmp_path):
    ads = 40
    server = FaultServer({f"/jobs/{number}": Page(job_page(number), delay=0.05) for number in range(ads)})
    server.routes["/sitemap.xml"] = Page(sitemap([f"{{{{BASE_URL}}}}/jobs/{number}" for number in range(ads)]),
                                         content_type="application/xml")
    database_url = migrated_sqlite(tmp_path / "jobcrawl.db")
    settings = {"JOBCRAWL_PARSE_WORKERS": "1", "CONCURRENT_REQUESTS_PER_DOMAIN": "2", "LOG_LEVEL": "INFO"}
    with server:
        process = CrawlProcess("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, database_url, settings)
        deadline = time.monotonic() + 60
        killed = None
        while killed is None and time.monotonic() < deadline:
            workers = _parse_workers(process.popen.pid)
            if workers and sum(len(server.times_of(f"/jobs/{n}")) for n in range(ads)) >= ads // 4:
                killed = workers[0]
                os.kill(killed, signal.SIGKILL)
            time.sleep(0.05)
        outcome = process.wait(180)
    assert killed is not None, "no parse worker found to kill"
    assert outcome.returncode == 0, outcome.stderr[-2000:]
    assert len(postings(database_url)) == ads  # every ad stored
    run = runs(database_url)[-1]
    assert run.stats["jobcrawl/parse/worker_died"] >= 1
    assert "parser worker death" in (run.reason or "") and "none lost" in run.reason
    assert "NoneType" not in outcome.output
