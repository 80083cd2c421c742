"""Issue 13, findings 12 and 16: hostile sitemaps and redirects, crawled over local servers.

- An endless chain (or an endless fan-out) of sitemap indexes ends: nesting depth and the number
  of nested sitemaps are bounded (``JOBCRAWL_SITEMAP_MAX_DEPTH``, ``JOBCRAWL_SITEMAP_MAX_REQUESTS``),
  one warning line says so, the run ends and is not counted as a complete listing.
- A sitemap entry on another port of the same host is another site: it is not fetched.
- A redirect to ``javascript:`` or ``mailto:`` is one warning line, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.reliability.crawl_process import run_crawl
from tests.reliability.job_pages import job_page, sitemap, sitemap_index
from tests.support.crawl import postings, runs
from tests.support.fault_server import Fault, FaultServer, Page
from tests.support.migrated import migrated_sqlite

pytestmark = pytest.mark.timeout(300)
SETTINGS = {"LOG_LEVEL": "INFO"}


@dataclass
class EndlessIndex(Fault):
    """``/path?n=K&i=T`` is a sitemap index of ``fan_out`` indexes ``/path?n=K+1&i=T.0`` … — forever."""

    fan_out: int = 1

    def answer(self, handler, server, attempt):
        parts = urlsplit(handler.path)
        query = parse_qs(parts.query)
        level, trail = int(query.get("n", ["0"])[0]), query.get("i", [""])[0]
        children = [f"{server.url}{parts.path}?n={level + 1}&i={trail}.{index}" for index in range(self.fan_out)]
        if level == 0:
            children.append(f"{server.url}/jobs-sitemap.xml")
        Page(sitemap_index(children), content_type="application/xml").answer(handler, server, attempt)


def bounded_board(fan_out: int) -> FaultServer:
    server = FaultServer({"/index": EndlessIndex(fan_out), "/jobs/1": Page(job_page(1))})
    server.routes["/jobs-sitemap.xml"] = Page(sitemap(["{{BASE_URL}}/jobs/1"]), content_type="application/xml")
    return server


def test_an_endless_chain_of_sitemap_indexes_stops_at_the_depth_bound(tmp_path):
    database_url = migrated_sqlite(tmp_path / "chain.db")
    with bounded_board(fan_out=1) as server:
        outcome = run_crawl("jsonld", {"sitemap": f"{server.url}/index?n=0"}, database_url,
                            {**SETTINGS, "JOBCRAWL_SITEMAP_MAX_DEPTH": "4"}, timeout=120)
        index_requests = server.count("/index")
    assert index_requests == 5  # the start index (depth 0) and four nested levels
    assert outcome.output.count("sitemap walk bounded: nested deeper than 4 levels") == 1
    assert "Traceback" not in outcome.output
    [run] = runs(database_url)
    assert run.status != "running" and run.finished_at is not None
    assert not run.listing_complete  # a bounded walk must not close the postings it did not reach
    assert len(postings(database_url)) == 1  # the real ad listed beside the chain is still crawled


def test_an_endless_fan_out_of_sitemap_indexes_stops_at_the_count_bound(tmp_path):
    database_url = migrated_sqlite(tmp_path / "fan.db")
    with bounded_board(fan_out=10) as server:
        outcome = run_crawl("jsonld", {"sitemap": f"{server.url}/index?n=0"}, database_url,
                            {**SETTINGS, "JOBCRAWL_SITEMAP_MAX_REQUESTS": "25"}, timeout=120)
        index_requests = server.count("/index")
    # 25 nested sitemaps in all, one of them the jobs sitemap; plus the start index.
    assert index_requests == 25
    assert outcome.output.count("sitemap walk bounded: more than 25 nested sitemaps") == 1
    [run] = runs(database_url)
    assert run.status != "running" and not run.listing_complete


def test_other_ports_and_non_http_redirects(tmp_path):
    database_url = migrated_sqlite(tmp_path / "ports.db")
    with FaultServer({"/jobs/9": Page(job_page(9))}) as other_port:
        routes = {"/jobs/1": Page(job_page(1)),
                  "/jobs/js": Page("", status=302, headers={"Location": "javascript:alert(document.cookie)"}),
                  "/jobs/mail": Page("", status=301, headers={"Location": "mailto:jobs@example.de"})}
        with FaultServer(routes) as server:
            assert urlsplit(server.url).hostname == urlsplit(other_port.url).hostname
            server.routes["/sitemap.xml"] = Page(sitemap([
                "{{BASE_URL}}/jobs/1", "{{BASE_URL}}/jobs/js", "{{BASE_URL}}/jobs/mail", f"{other_port.url}/jobs/9",
            ]), content_type="application/xml")
            outcome = run_crawl("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, database_url, SETTINGS)
        assert other_port.count("/jobs/") == 0
    assert [row.url for row in postings(database_url)] == [f"{server.url}/jobs/1"]
    assert "Traceback" not in outcome.output and "Missing scheme" not in outcome.output
    lines = [line for line in outcome.output.splitlines() if "redirects to a non-HTTP address" in line]
    assert len(lines) == 2 and any("javascript:" in line for line in lines) and any("mailto:" in line for line in lines)
