"""The sample board's source APIs: the demo's Greenhouse, Personio, Arbeitsagentur and StepStone-style crawls
store postings from each into one database."""

from collections import Counter

from crawler.demo import demo_crawls
from tests.support.crawl import crawl, postings


def test_every_demo_source_stores_postings(sample_board, sqlite_url):
    for spider, arguments in demo_crawls(sample_board.url):
        if spider == "jsonld":
            continue  # crawled by tests/test_crawl_sample_board.py
        result = crawl(spider, dict(argument.split("=", 1) for argument in arguments), sqlite_url)
        assert result.returncode == 0, (spider, result.stdout, result.stderr[-2000:])
    per_source = Counter(posting.source for posting in postings(sqlite_url))
    assert set(per_source) >= {"greenhouse", "personio", "arbeitsagentur", "stepstone"}
    assert all(count >= 3 for count in per_source.values())
