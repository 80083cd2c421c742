"""The ``jsonld`` spider on real saved pages (issue 14): the HTML ads of ``tests/real/dev`` and
``tests/real/dev3`` (JSON-LD pages, DOM-only career portals and boards; provenance in
``tests/real/SOURCES.md``) served on 127.0.0.1 from a sitemap and crawled as a user would.

Every page is one real job ad, so every page the parser reads as one must be stored (or rejected
with a reason when no title can be found), and the crawl must
store what the parser reads from the same page offline (``parse_document``, the function
``make eval`` scores): one code path, so the accuracy ``make eval`` reports is the crawl's.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from benchmarks.eval_parse import field_matches
from crawler.sources.jsonld import PageReader
from crawler.parsing.posting import parse_document, reads_as_job_ad
from crawler.parsing.structured import extract_job_postings
from models.database import get_engine
from models.tables import RejectedItem
from tests.support.crawl import crawl, postings
from tests.support.fixture_server import FixtureServer, Reply

REAL = Path(__file__).resolve().parents[1] / "real"
PAGES = sorted([*REAL.glob("dev/*.html"), *REAL.glob("dev3/*.html")])
# Fields the crawl and the offline parse must agree on. Dates are left out: relative dates resolve
# against the crawl's own time, which the offline parse cannot know to the second.
COMPARED = ("title", "company", "via_agency", "agency", "city", "postal_code", "region", "country",
            "workplace_type", "employment_type", "contract_type", "salary_min", "salary_max",
            "salary_currency", "salary_period", "seniority", "ad_language", "experience_years_min",
            "education_level", "responsibilities", "requirements", "benefits", "skills")


def _route(page: Path) -> str:
    return f"/{page.parent.name}/{page.name}"


def _offline(page: Path, base_url: str, crawled_at: datetime) -> dict:
    html = page.read_bytes().decode("utf-8", errors="replace")
    return parse_document(html, crawled_at=crawled_at, url=f"{base_url}{_route(page)}")


def _read_as_ad_page(page: Path) -> bool:
    """Whether the crawl reads ``page`` as an ad page without parsing it: structured data, or the
    markup of an ad (an ``<h1>`` and a job section heading)."""
    html = page.read_bytes().decode("utf-8", errors="replace")
    return bool(extract_job_postings(html).job_postings) or PageReader.is_ad_page(html)


def rejected_urls(database_url: str) -> set[str]:
    with get_engine(database_url).connect() as connection:
        return {row.url for row in connection.execute(select(RejectedItem))}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    database_url = f"sqlite:///{tmp_path_factory.mktemp('jsonld_real') / 'jobs.db'}"
    routes = {_route(page): Reply(page, content_type="text/html") for page in PAGES}
    with FixtureServer(routes) as server:
        entries = "".join(f"<url><loc>{server.url}{path}</loc></url>" for path in routes)
        server.routes["/sitemap.xml"] = Reply(
            f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>',
            content_type="application/xml")
        started = datetime.now(timezone.utc)
        result = crawl("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, database_url)
        base_url = server.url
    stored = {row.url: row for row in postings(database_url)}
    return result, stored, base_url, started, database_url


def test_every_real_page_is_stored_as_the_parser_reads_it_offline(crawled):
    # One test, not one per page: the crawl is the costly part and xdist would repeat a module
    # fixture in every worker that runs a test of this module.
    result, stored, base_url, started, database_url = crawled
    assert len(PAGES) >= 30
    assert result.returncode == 0, result.stderr[-2000:]
    # A page is kept when it reads as a job ad (crawler.parsing.posting.reads_as_job_ad, the test
    # the crawl applies to a page without structured data); stored, or rejected with a reason.
    kept = [page for page in PAGES if _read_as_ad_page(page) or reads_as_job_ad(_offline(page, base_url, started))]
    assert len(kept) >= 0.95 * len(PAGES)
    accounted = set(stored) | rejected_urls(database_url)
    assert [page.name for page in kept if f"{base_url}{_route(page)}" not in accounted] == []
    assert len(stored) + len(rejected_urls(database_url)) == len(kept)

    differences, lost = {}, []
    for page in PAGES:
        url = f"{base_url}{_route(page)}"
        if url not in stored:
            continue
        posting = stored[url]
        html = page.read_bytes().decode("utf-8", errors="replace")
        offline = _offline(page, base_url, started)
        differing = {name: (getattr(posting, name), offline[name]) for name in COMPARED
                     if not field_matches(name, offline[name], getattr(posting, name))}
        if differing:
            differences[page.name] = differing
        # Against what a reader of the ad wrote down: every annotated field the offline parse
        # reads right (at the ad's own time), the crawl reads right too.
        annotation = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        at_crawl_time = parse_document(html, crawled_at=datetime.fromisoformat(annotation["crawled_at"]), url=url)
        for name, value in annotation["expected"].items():
            if name in COMPARED and field_matches(name, value, at_crawl_time[name]) \
                    and not field_matches(name, value, getattr(posting, name)):
                lost.append((page.name, name, value, getattr(posting, name)))
    assert differences == {}
    assert lost == []
