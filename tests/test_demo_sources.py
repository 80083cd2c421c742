"""The sample board's source APIs: the demo's Greenhouse, Personio, Arbeitsagentur and StepStone-style crawls
store postings from each into one database, and the jobs that two sources list (an employer's board copy,
agencies' copies at the Bundesagentur) are merged into one posting each by the duplicate matcher."""

from collections import Counter, defaultdict

import pytest

from crawler.analytics.report_data import collect_report_data
from crawler.demo import demo_crawls
from models.database import get_engine
from tests.support.crawl import crawl, postings, sightings


@pytest.fixture(scope="module")
def sources_database(sample_board, tmp_path_factory) -> str:
    """The demo's four API sources (not the board's pages: tests/test_crawl_sample_board.py) crawled
    into one SQLite database, in the demo's order."""
    url = f"sqlite:///{tmp_path_factory.mktemp('demo-sources') / 'jobcrawl.db'}"
    for spider, arguments in demo_crawls(sample_board.url):
        if spider == "jsonld":
            continue
        result = crawl(spider, dict(argument.split("=", 1) for argument in arguments), url)
        assert result.returncode == 0, (spider, result.stdout, result.stderr[-2000:])
    return url


def test_every_demo_source_stores_postings(sources_database):
    per_source = Counter(posting.source for posting in postings(sources_database))
    assert set(per_source) >= {"greenhouse", "personio", "arbeitsagentur", "stepstone"}
    assert all(count >= 3 for count in per_source.values())
    # Every ad the sources answer is a sighting: 3 Greenhouse jobs, 4 Personio positions, 8 StepStone
    # search results (the 9th card is a suggestion), 5 Bundesagentur results.
    assert Counter(sighting.source for sighting in sightings(sources_database)) == {
        "greenhouse": 3, "personio": 4, "stepstone": 8, "arbeitsagentur": 5}


def test_cross_posted_jobs_are_one_posting_each(sources_database):
    stored = {posting.id: posting for posting in postings(sources_database)}
    copies = defaultdict(list)
    for sighting in sightings(sources_database):
        copies[sighting.posting_id].append(sighting)
    # Which copy came first decides which one is "new"; the Bundesagentur answers its details in any order.
    merged = {(stored[posting_id].title, stored[posting_id].city):
              (sorted((sighting.source, sighting.via_agency) for sighting in seen),
               sorted(sighting.match_method for sighting in seen))
              for posting_id, seen in copies.items() if len(seen) > 1}
    assert merged == {
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


def test_the_report_counts_the_cross_posts(sources_database):
    cross = collect_report_data(get_engine(sources_database)).cross_posting
    assert cross.multi_source == 2
    assert cross.repeated_at_one_source == 1
    assert cross.agency_sightings_matched == 2
    assert sorted(cross.pairs) == [("arbeitsagentur + stepstone", 1), ("greenhouse + stepstone", 1)]
