"""The RSS/Atom base spider: job ads from a feed URL (RSS 2.0, RSS 1.0 or Atom).

One document holds the whole listing, except Teamtailor's ``/jobs.rss``, which pages with
``offset`` and ``per_page``: for a URL ending in ``/jobs.rss`` the spider asks for ``per_page=100``
(unless the URL sets it) and, while a Teamtailor page comes back full, fetches the next offset.
"""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lxml import etree

from crawler.bases.xml_feed import XmlFeedError, XmlFeedSpider, parse_xml_safely
from crawler.sources.rss import (
    FEED_ROOTS,
    feed_items,
    feed_title,
    is_teamtailor_feed,
    posting_fields_from_feed_item,
    single_item_feed,
)
from crawler.sources.xml_fields import tag_name

TEAMTAILOR_PAGE_SIZE = 100
ARCHIVE_CONTENT_TYPE = "application/xml"  # each posting's raw page is a feed holding just its item


def with_query(url: str, **parameters: int | str) -> str:
    """``url`` with ``parameters`` set in its query string (others kept, in order)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.update({name: str(value) for name, value in parameters.items()})
    return urlunsplit(parts._replace(query=urlencode(query)))


class RssFeedSpider(XmlFeedSpider):
    """Base for job feeds. Arguments: ``-a url=FEED`` (an http(s) URL of an RSS or Atom feed)."""

    def __init__(self, *args, url: str | None = None, **kwargs):
        super().__init__(*args, **({"url": url} if url else {}), **kwargs)
        self.feed_url = (url or "").strip()

    def first_page_url(self) -> str:
        """The feed URL to fetch first (Teamtailor feeds with an explicit page size)."""
        parts = urlsplit(self.feed_url)
        if parts.path.endswith("/jobs.rss") and "per_page" not in dict(parse_qsl(parts.query)):
            return with_query(self.feed_url, offset=0, per_page=TEAMTAILOR_PAGE_SIZE)
        return self.feed_url

    def argument_problem(self) -> str | None:
        """Why the arguments cannot work, or None."""
        if not self.feed_url:
            return "missing -a url=FEED: the http(s) URL of an RSS or Atom feed"
        parts = urlsplit(self.feed_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return f"-a url={self.feed_url!r} is not an http(s) URL of an RSS or Atom feed"
        return None

    async def start(self):
        problem = self.argument_problem()
        if problem:
            self.source_error(problem)
            return
        yield self.feed_request(self.first_page_url())

    def postings_from_feed(self, root, response):
        if tag_name(root) not in FEED_ROOTS:
            self.source_error(f"not an RSS or Atom feed: {response.url} has root element <{tag_name(root)}>")
            return
        now = datetime.now(timezone.utc)
        company = feed_title(root) if is_teamtailor_feed(root) else None
        for item in feed_items(root):
            fields = posting_fields_from_feed_item(item, now, feed_company=company)
            url = fields.pop("url", None)
            if not url or not fields.get("title_raw"):
                yield self.rejection(url or response.url, "feed item without link or title",
                                     self.item_markup(item))
                continue
            yield self.posting(response.urljoin(url), raw_page=single_item_feed(root, item),
                               raw_content_type=ARCHIVE_CONTENT_TYPE, **fields)

    @staticmethod
    def item_markup(item: etree._Element) -> str:
        return etree.tostring(item, encoding="unicode")[:100_000]

    @classmethod
    def fields_from_archive(cls, body: bytes, url: str, content_type: str | None, crawled_at: datetime):
        """Known fields of an archived one-item feed (for ``jobcrawl reparse``), or ``None``."""
        try:
            root = parse_xml_safely(body)
        except XmlFeedError:
            return None
        items = feed_items(root) if tag_name(root) in FEED_ROOTS else []
        if not items:
            return None
        company = feed_title(root) if is_teamtailor_feed(root) else None
        fields = posting_fields_from_feed_item(items[0], crawled_at, feed_company=company)
        fields.pop("url", None)
        return fields if fields.get("title_raw") else None

    def next_page_url(self, root, response, item_count: int) -> str | None:
        if not is_teamtailor_feed(root):
            return None
        query = dict(parse_qsl(urlsplit(response.url).query))
        if not query.get("per_page", "").isdigit() or item_count < int(query["per_page"]):
            return None
        offset = int(query["offset"]) if query.get("offset", "").isdigit() else 0
        return with_query(response.url, offset=offset + int(query["per_page"]))
