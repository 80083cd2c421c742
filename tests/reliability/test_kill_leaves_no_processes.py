"""Issue 13, finding 13: ``kill -9`` of a crawl leaves no process of it behind.

Before, the parser workers (~200 MB each), the forkserver and the resource tracker lived on,
reparented to PID 1, for as long as half an hour. Each worker now watches the crawl process and
exits when it is gone; the forkserver and the resource tracker then end with their last users.
"""

from __future__ import annotations

import os
import time

import pytest

from tests.reliability.crawl_process import CrawlProcess
from tests.reliability.job_pages import job_page, sitemap
from tests.support.fault_server import FaultServer, Page

pytestmark = pytest.mark.timeout(300)
ADS = 300


def descendants(pid: int) -> set[int]:
    """Every process started by ``pid``, directly or further down."""
    found: set[int] = set()
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as children:
                for child in map(int, children.read().split()):
                    found |= {child} | descendants(child)
        except FileNotFoundError:
            continue
    return found


def alive(pids: set[int]) -> set[int]:
    living = set()
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] != "Z":
                    living.add(pid)
        except FileNotFoundError:
            continue
    return living


def test_parser_workers_forkserver_and_resource_tracker_end_with_a_killed_crawl(migrated_sqlite_url):
    with FaultServer({f"/jobs/{n}": Page(job_page(n), delay=0.05) for n in range(ADS)}) as server:
        server.routes["/sitemap.xml"] = Page(sitemap([f"{{{{BASE_URL}}}}/jobs/{n}" for n in range(ADS)]),
                                             content_type="application/xml")
        crawl = CrawlProcess("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, migrated_sqlite_url,
                             {"JOBCRAWL_PARSE_WORKERS": "2", "CONCURRENT_REQUESTS_PER_DOMAIN": "2"})
        deadline = time.monotonic() + 120
        helpers: set[int] = set()
        while len(helpers) < 4 or server.count("/jobs/") < 20:  # forkserver, tracker, two workers
            assert crawl.popen.poll() is None and time.monotonic() < deadline, crawl.output_so_far()[-2000:]
            helpers |= descendants(crawl.popen.pid)
            time.sleep(0.1)
        helpers |= descendants(crawl.popen.pid)
        crawl.kill()
        deadline = time.monotonic() + 15
        while alive(helpers) and time.monotonic() < deadline:
            time.sleep(0.2)
    assert alive(helpers) == set(), f"still running after the crawl was killed: {sorted(alive(helpers))}"
