"""Issue 13, finding 16: feeds in UTF-16 and UTF-32 are read, not refused as "not XML".

XML 1.0 (appendix F) lets a document be UTF-16 or UTF-32, known by its byte-order mark or by how
its first characters are written; some ATS exports (Windows tools) send UTF-16 with a BOM. The
safety checks before parsing (HTML page, entity declarations) apply to them as to UTF-8.
"""

from __future__ import annotations

import codecs

import pytest

from crawler.bases.xml_feed import XmlFeedError, parse_xml_safely
from tests.support.crawl import crawl, postings, runs
from tests.support.fixture_server import FixtureServer, Reply

TITLE = "Gärtner:in für Grünanlagen – Teilzeit"
FEED = f"""<?xml version="1.0" encoding="{{encoding}}"?>
<rss version="2.0"><channel><title>Stadtwerke Überlingen</title><link>https://jobs.example/</link>
<item><title>{TITLE}</title><link>https://jobs.example/jobs/17</link><guid>job-17</guid>
<description>&lt;p&gt;Pflege der Grünanlagen in Überlingen, 20 Stunden pro Woche.&lt;/p&gt;</description>
<pubDate>Mon, 16 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>
"""


def encoded(codec: str, declared: str, mark: bytes = b"") -> bytes:
    return mark + FEED.format(encoding=declared).encode(codec)


@pytest.mark.parametrize("body", [
    encoded("utf-16-le", "UTF-16", codecs.BOM_UTF16_LE),
    encoded("utf-16-be", "UTF-16", codecs.BOM_UTF16_BE),
    encoded("utf-16-le", "UTF-16"),                       # no mark: known by "<?" written in UTF-16
    encoded("utf-16-be", "UTF-16"),
    encoded("utf-32-le", "UTF-32", codecs.BOM_UTF32_LE),
    encoded("utf-8", "UTF-8", codecs.BOM_UTF8),
], ids=["utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32le-bom", "utf8-bom"])
def test_wide_encodings_are_read(body):
    root = parse_xml_safely(body)
    assert root.findtext("channel/item/title") == TITLE


@pytest.mark.parametrize("body, message", [
    ("<!DOCTYPE rss [<!ENTITY a 'aaaa'>]><rss/>".encode("utf-16"), "declares XML entities"),
    ("<html><body>Wartung</body></html>".encode("utf-16"), "HTML page"),
    (codecs.BOM_UTF16_LE + b"<\x00r\x00\x00\xd8", "is not valid UTF-16"),   # a lone surrogate
])
def test_checks_apply_to_utf16_documents(body, message):
    with pytest.raises(XmlFeedError, match=message):
        parse_xml_safely(body)


def test_a_utf16_feed_is_crawled(migrated_sqlite_url):
    body = encoded("utf-16-le", "UTF-16", codecs.BOM_UTF16_LE)
    routes = {"/jobs.rss": Reply(body, content_type="application/rss+xml; charset=utf-16")}
    with FixtureServer(routes) as server:
        result = crawl("rss", {"url": f"{server.url}/jobs.rss"}, migrated_sqlite_url)
    assert result.returncode == 0, result.stderr[-3000:]
    [posting] = postings(migrated_sqlite_url)
    assert posting.title_raw == TITLE and "Grünanlagen in Überlingen" in posting.description
    [run] = runs(migrated_sqlite_url)
    assert run.status == "succeeded" and run.items == 1
