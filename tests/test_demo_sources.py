"""The demo's database: the sample board's pages and its source APIs (Greenhouse, Personio, Arbeitsagentur,
StepStone-style) crawled into one database as ``jobcrawl demo`` crawls them. Every source stores postings; the
jobs that two sources list (employers' board copies, agencies' copies at the Bundesagentur) are merged into one
posting each by the duplicate matcher; the report shows them, and its screenshot is
``benchmarks/results/report.png``."""

from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path

import pytest

from crawler.analytics.report import write_report
from crawler.analytics.report_data import collect_report_data
from models.database import get_engine
from tests.analytics.chromium import Chromium
from tests.analytics.test_report import CHART_FACTS
from tests.support.crawl import postings, sightings

SCREENSHOT = Path(__file__).resolve().parents[1] / "benchmarks" / "results" / "report.png"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)
# The fixture runs the demo's five crawls (a subprocess each, 60 board pages among them) inside the first
# test's time; on two cores shared with the rest of the suite that took 4 minutes.
pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def demo_database(demo_crawls) -> str:
    """Every crawl of the demo (:func:`crawler.demo.demo_crawls`), in its order, into one SQLite database
    (the session's, tests/conftest.py, which test_reparse_reproduces_crawl re-parses a copy of)."""
    return demo_crawls.sqlite_url()


def test_every_demo_source_stores_postings(demo_database):
    per_source = Counter(posting.source for posting in postings(demo_database))
    assert set(per_source) == {"jsonld", "greenhouse", "personio", "arbeitsagentur", "stepstone"}
    assert all(count >= 3 for count in per_source.values())
    # Every ad is a sighting: the board's 60 stored pages, 3 Greenhouse jobs, 4 Personio positions,
    # 8 StepStone search results (the 9th card is a suggestion), 5 Bundesagentur results.
    assert Counter(sighting.source for sighting in sightings(demo_database)) == {
        "jsonld": 60, "greenhouse": 3, "personio": 4, "stepstone": 8, "arbeitsagentur": 5}
    # A posting belongs to the source that saw it first: 4 copies joined earlier postings.
    assert len(postings(demo_database)) == 80 - 4


def test_cross_posted_jobs_are_one_posting_each(demo_database):
    stored = {posting.id: posting for posting in postings(demo_database)}
    copies = defaultdict(list)
    for sighting in sightings(demo_database):
        copies[sighting.posting_id].append(sighting)
    # Which copy came first decides which one is "new"; the Bundesagentur answers its details in any order.
    merged = {(stored[posting_id].title, stored[posting_id].city):
              (sorted((sighting.source, sighting.via_agency) for sighting in seen),
               sorted(sighting.match_method for sighting in seen))
              for posting_id, seen in copies.items() if len(seen) > 1}
    assert merged == {
        # Nordlicht Analytics' StepStone ad, reformatted from its ad on the sample board.
        ("Senior Data Engineer", "Hamburg"): ([("jsonld", False), ("stepstone", False)], ["near_duplicate", "new"]),
        # Kranich Software's own StepStone ad, reformatted from its Greenhouse job.
        ("Senior Data Engineer", "Berlin"): ([("greenhouse", False), ("stepstone", False)], ["near_duplicate", "new"]),
        # A recruitment agency's copy at the Bundesagentur that hides the employer.
        ("Analytics Engineer", "Köln"): ([("arbeitsagentur", True), ("stepstone", False)], ["agency_copy", "new"]),
        # An agency's copy naming the employer in its text, beside the employer's own ad at the same source.
        ("Data Engineer", "Köln"): ([("arbeitsagentur", False), ("arbeitsagentur", True)], ["agency_copy", "new"]),
    }
    employers = {posting.title: posting.company for posting in stored.values() if posting.city == "Köln"}
    assert employers["Analytics Engineer"] == "Müller & Söhne Logistik GmbH & Co. KG"  # not the agency
    assert employers["Data Engineer"] == "Rheinufer Analytics GmbH"


def test_the_report_counts_the_cross_posts(demo_database):
    cross = collect_report_data(get_engine(demo_database)).cross_posting
    assert cross.multi_source == 3
    assert cross.repeated_at_one_source == 1
    assert cross.agency_sightings_matched == 2
    assert sorted(cross.pairs) == [("arbeitsagentur + stepstone", 1), ("greenhouse + stepstone", 1),
                                   ("jsonld + stepstone", 1)]
    assert ("stepstone", 8, 3) in cross.per_source


def test_the_demo_report_renders_its_cross_posts_in_chromium(demo_database, tmp_path):
    page = write_report(get_engine(demo_database), tmp_path / "report.html", "jobcrawl demo", now=NOW)
    with Chromium(tmp_path / "profile") as browser:
        visit = browser.visit(page.as_uri(), CHART_FACTS, screenshot=SCREENSHOT)
    assert visit.errors == []
    charts = {chart["label"]: chart for chart in visit.values["charts"]}
    for label in ("Postings by number of sources", "Source pairs sharing postings",
                  "Employer originals and agency copies"):
        assert charts[label]["marks"] > 0 and not charts[label]["empty"], charts[label]
    text = visit.values["text"]
    assert "seen at 2+ sources\n3 (4%)" in text
    assert "agency copies of an employer's ad\n2" in text
    assert "No posting was seen at two sources" not in text
    assert SCREENSHOT.stat().st_size > 20_000
