import pytest

from crawler.parsing.urls import canonical_url


@pytest.mark.parametrize(
    "url, base, expected",
    [
        ("/jobs/1?utm_source=x&id=7#apply", "https://example.de/a", "https://example.de/jobs/1?id=7"),
        ("HTTPS://Example.DE/jobs/2?gclid=abc&fbclid=d", None, "https://example.de/jobs/2"),
        ("https://example.de", None, "https://example.de/"),
        ("https://example.de/j?page=2&utm_medium=mail&utm_campaign=y", None, "https://example.de/j?page=2"),
        ("  https://example.de/x#top  ", None, "https://example.de/x"),
        ("https://boards.greenhouse.io/acme/jobs/1?gh_jid=1", None, "https://boards.greenhouse.io/acme/jobs/1?gh_jid=1"),
    ],
)
def test_canonical_url(url, base, expected):
    assert canonical_url(url, base) == expected
