"""Issue 13, findings 9 and 10, on a local server and a real crawl into SQLite.

- A page whose ``rel=canonical`` points at another ad must never replace that ad's content: the
  page is stored under its own URL. A canonical that only drops parameters of the fetched URL
  still merges (the page is stored under it).
- Several JobPostings on one page, each with its own ``url``, are each stored under that URL.
"""

from __future__ import annotations

import json

from tests.reliability.crawl_process import run_crawl
from tests.reliability.job_pages import job_page, job_posting, sitemap
from tests.support.crawl import postings
from tests.support.fault_server import FaultServer, Page
from tests.support.migrated import migrated_sqlite

SCAM = job_posting(66, title="Scam Job – send your ID", hiringOrganization={"@type": "Organization", "name": "Evil Ltd"})


def with_canonical(page: str, href: str) -> str:
    return page.replace("<head>", f'<head><link rel="canonical" href="{href}">', 1)


def several_postings_page() -> str:
    blocks = "".join(f'<script type="application/ld+json">{json.dumps(job_posting(n, url=f"/jobs/listed-{n}"), ensure_ascii=False)}</script>'
                     for n in (20, 21, 22))
    return f"<!doctype html><html><head><title>Jobs</title>{blocks}</head><body><h1>Drei Stellen</h1></body></html>"


def test_canonical_hijack_is_refused_and_several_postings_are_kept(tmp_path):
    database_url = migrated_sqlite(tmp_path / "canonical.db")
    routes = {
        "/jobs/1": Page(job_page(1)),
        "/jobs/evil": Page(with_canonical(job_page(66, node=SCAM), "/jobs/1")),
        "/jobs/7": Page(with_canonical(job_page(7), "/jobs/7")),
        "/jobs/list": Page(several_postings_page()),
    }
    with FaultServer(routes) as server:
        # The hijacking page is listed first and last, so it comes before and after the real ad.
        server.routes["/sitemap.xml"] = Page(sitemap([
            "{{BASE_URL}}/jobs/evil", "{{BASE_URL}}/jobs/1", "{{BASE_URL}}/jobs/7?session=ab12",
            "{{BASE_URL}}/jobs/list", "{{BASE_URL}}/jobs/evil?again=1"]), content_type="application/xml")
        outcome = run_crawl("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, database_url,
                            {"CONCURRENT_REQUESTS": "1"})
        base = server.url
    assert "Traceback" not in outcome.output
    by_url = {row.url: row for row in postings(database_url)}
    real = by_url[f"{base}/jobs/1"]
    assert real.company == job_posting(1)["hiringOrganization"]["name"] and "Scam" not in real.title
    assert any(url.startswith(f"{base}/jobs/evil") for url in by_url)  # the page is kept, under its own URL
    assert all("Scam" not in row.title for url, row in by_url.items() if not url.startswith(f"{base}/jobs/evil"))
    assert f"{base}/jobs/7" in by_url and f"{base}/jobs/7?session=ab12" not in by_url  # a harmless canonical merges
    listed = {url: row for url, row in by_url.items() if "/jobs/listed-" in url}
    assert sorted(listed) == [f"{base}/jobs/listed-{n}" for n in (20, 21, 22)]
    assert [row.company for _url, row in sorted(listed.items())] == [
        job_posting(n)["hiringOrganization"]["name"] for n in (20, 21, 22)]
