"""The structured-data base spider: schema.org JobPosting pages (JSON-LD, microdata), found by
following links from start pages or by reading sitemaps.

Each page is read in this order: JobPosting records in JSON-LD or microdata; if there are none
but the page looks like an ad (a title plus job sections), the page itself is the ad; if its only
JobPosting blocks are broken, it is rejected with the reason. Links are followed only within the
start URLs' sites. Sitemap walks are incremental (:class:`~crawler.bases.incremental.IncrementalSitemap`):
entries whose ``lastmod`` is not newer than the last successful walk are touched, not fetched.
"""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urlsplit

from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import SitemapSpider

from crawler.bases.incremental import IncrementalSitemap
from crawler.bases.job_spider import JobSpider, split_argument
from crawler.items import JobPage
from crawler.parsing.urls import canonical_url
from crawler.sources.jsonld import PageReader, site_origin


def _content_type(response) -> str:
    return response.headers.get("Content-Type", b"text/html").decode("latin-1")


class StructuredDataSpider(IncrementalSitemap, JobSpider, SitemapSpider):
    """Base for sites that publish schema.org JobPosting data.

    Arguments: ``-a start_urls=URL[,URL…]`` (follow links within those sites) and/or
    ``-a sitemap=URL[,URL…]`` (sitemaps or sitemap indexes). The pages are read by ``reader``
    (:class:`~crawler.sources.jsonld.PageReader`) in the parse workers, not here.
    """

    follow_links = True
    reader = PageReader

    def __init__(self, *args, start_urls=None, sitemap=None, **kwargs):
        super().__init__(*args, start_urls=start_urls, sitemap=sitemap, **kwargs)
        self.start_urls = split_argument(start_urls)
        self.sitemap_urls = split_argument(sitemap)
        self.allowed_domains = sorted({urlsplit(url).hostname for url in self.start_urls + self.sitemap_urls
                                       if urlsplit(url).hostname})
        # Scrapy's offsite check ignores ports; another port of the same host is another server.
        self.allowed_origins = {site_origin(url) for url in self.start_urls + self.sitemap_urls}
        # LinkExtractor's allow_domains compares against host:port, so filter hosts ourselves.
        self.link_extractor = LinkExtractor(unique=True)

    async def start(self):
        if self.sitemap_urls:
            self.load_known_copies()
        for url in self.sitemap_urls:
            yield Request(url, callback=self._parse_sitemap)
        for url in self.start_urls:
            yield Request(url, callback=self.parse_page)

    def on_listed_site(self, url: str) -> bool:
        """Whether ``url`` is on one of the start or sitemap URLs' sites: same host and port."""
        return site_origin(url) in self.allowed_origins

    def listing_was_complete(self, stats: dict) -> bool:
        """A sitemap walk is complete when every sitemap and page was fetched without errors."""
        failures = sum(value for key, value in stats.items()
                       if key.startswith(("downloader/exception_type_count/", "spider_exceptions/"))
                       or key in ("log_count/ERROR", "retry/max_reached"))
        server_errors = sum(value for key, value in stats.items()
                            if key.startswith("downloader/response_status_count/5"))
        bounded = stats.get("jobcrawl/sitemap/bound")  # a walk cut short listed only part of the site
        return bool(self.sitemap_urls) and failures == 0 and server_errors == 0 and not bounded

    def parse(self, response):  # SitemapSpider's default callback for sitemap entries
        yield from self.parse_page(response)

    def parse_page(self, response):
        """Hand the page over unread (a :class:`~crawler.items.JobPage`: the parse workers find its
        postings with :attr:`reader`) and yield the links to follow."""
        if not isinstance(response, TextResponse):
            yield self.rejection(response.url, "not a text page",
                                 f"Content-Type: {response.headers.get('Content-Type', b'').decode(errors='replace')}")
            return
        yield JobPage(source=self.name, url=response.url, body=response.body, content_type=_content_type(response),
                      crawled_at=datetime.now(timezone.utc), reader=self.reader,
                      listed_sites=frozenset(self.allowed_origins))
        if self.follow_links and self.start_urls and isinstance(response, HtmlResponse):
            try:
                links = self.link_extractor.extract_links(response)
            except (UnicodeDecodeError, AttributeError):
                return  # the worker rejects the page as undecodable
            for link in links:
                if self.on_listed_site(link.url):
                    yield response.follow(canonical_url(link.url), callback=self.parse_page)

    @classmethod
    def fields_from_archive(cls, body: bytes, url: str, content_type: str | None, crawled_at: datetime):
        """Known fields of the posting stored under ``url`` from its archived page (``jobcrawl
        reparse``), read as a crawl reads it."""
        return cls.reader.fields_from_archive(body, url, content_type, crawled_at)
