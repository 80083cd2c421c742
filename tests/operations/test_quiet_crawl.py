"""A normal crawl prints no warning, its progress lines account for every fetched page while it
runs, and its summary line gives the postings count crawl_runs records (issue 17)."""

from __future__ import annotations

import re
import subprocess
import sys

import os

from tests.operations.sites import SETTINGS, SiteState, site_routes
from tests.support.crawl import PROJECT_ROOT, runs
from tests.support.fixture_server import FixtureServer

PROGRESS = re.compile(r"progress jsonld(?P<final> \(finished\))?: (?P<pages>\d+) pages, (?P<items>\d+) items "
                      r"\(\d+ new, \d+ updated\), (?P<rejected>\d+) rejected, \d+ errors, "
                      r"(?:(?P<in_parser>\d+) pages? in the parser, )?")


def test_a_normal_crawl_warns_nothing_and_progress_accounts_for_pages(sqlite_url):
    ads = 12
    with FixtureServer(site_routes("quiet", ads, SiteState(delay_seconds=0.4))) as server:
        settings = {**SETTINGS, "JOBCRAWL_PROGRESS": "log", "JOBCRAWL_PROGRESS_INTERVAL": "0.3",
                    "JOBCRAWL_PARSE_WORKERS": "1", "CONCURRENT_REQUESTS_PER_DOMAIN": "1"}
        command = [sys.executable, "-m", "crawler.cli", "crawl", "jsonld", "-a", f"sitemap={server.url}/quiet/sitemap.xml",
                   "--database", sqlite_url]
        for name, value in settings.items():
            command += ["-s", f"{name}={value}"]
        env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
        env.pop("JOBCRAWL_DATABASE_URL", None)
        result = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    warnings = [line for line in result.stderr.splitlines() if " WARNING: " in line]
    assert warnings == []  # e.g. no "Disabled crawler.jobdir.UncleanJobdirGuard: no JOBDIR"
    lines = [PROGRESS.search(line) for line in result.stderr.splitlines() if "progress jsonld" in line]
    assert all(lines), result.stderr[-3000:]
    running, final = [line for line in lines if not line["final"]], lines[-1]
    assert final["final"] and (int(final["items"]), final["in_parser"]) == (ads, None)
    assert len(running) >= 3
    for line in running:  # every fetched page but the sitemap is counted or still in the parser
        accounted = int(line["items"]) + int(line["rejected"]) + int(line["in_parser"] or 0)
        assert accounted >= int(line["pages"]) - 1, line.group(0)
    [run] = runs(sqlite_url)
    assert run.items == ads
    assert f"crawl jsonld: succeeded — {run.items} postings, {run.new_postings} new" in result.stdout


def test_progress_line_says_how_many_pages_are_in_the_parser():
    from crawler.operations.progress import progress_line

    stats = {"response_received_count": 67, "jobcrawl/valid_items": 4}
    assert progress_line(stats, 2, pages_in_work=60) == (
        "67 pages, 4 items (0 new, 0 updated), 0 rejected, 0 errors, 60 pages in the parser, 120 items/min, 2s")
    assert "1 page in the parser," in progress_line(stats, 2, pages_in_work=1)
    assert "in the parser" not in progress_line(stats, 2, pages_in_work=0)
