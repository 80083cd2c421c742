"""The job-board base spider: listing pages (search results), each leading to one page per ad.

A crawl starts at one or more listing pages — the board's search URL built from the spider's
arguments, or ``-a start_urls=URL[,URL…]`` — and walks each listing page by page. Every entry of
a listing becomes a request for its detail page, whose fields (with the listing's as fallback)
make the posting. How a run ends is always explicit:

- a listing page answers 404/410, an error status after Scrapy's retries, or a page that is not a
  results list (the board changed its markup, or a block page) -> the run fails with the reason;
- a listing without entries: zero items -> the run is degraded;
- a detail page that answers 404/410: the ad closed since the listing was built (counted);
- a detail that fails otherwise, or a listing page robots.txt forbids -> the listing is incomplete;
- otherwise ``listing_complete`` is set when every walk reached its last page.

Incremental (:mod:`crawler.bases.incremental`): an entry whose listing fingerprint matches the one
its stored copy was fetched under is not fetched again but touched.

Re-parsing: a listing entry may carry the listing's own ``record`` of the ad; the raw archive then
keeps it beside the detail page (:func:`archived_page`), and ``jobcrawl reparse`` rebuilds the
entry from it and reads both through :meth:`BoardSpider.ad_fields`, the crawl's own function.

Board bases (``crawler/sources/<board>.py``) fill in :meth:`search_urls`, :meth:`read_listing`,
:meth:`page_fields` and :meth:`entry_from_record`; leaf spiders declare ``name`` and
``default_base_url``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from scrapy import Request, signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from sqlalchemy.exc import SQLAlchemyError
from w3lib.encoding import html_to_unicode

from crawler.bases.incremental import IncrementalCrawl, listing_fingerprint
from crawler.bases.job_spider import JobSpider, split_argument
from crawler.parsing.urls import canonical_url
from models.database import get_engine
from models.touch import TouchKey, record_listing_fingerprints

NOT_FOUND_STATUSES = (404, 410)
MAX_LISTING_PAGES = 400


@dataclass
class ListingEntry:
    """One ad as a listing page shows it."""

    source_id: str | None
    url: str
    """The detail page's absolute URL (tracking parameters are removed before fetching)."""
    fields: dict[str, Any] = field(default_factory=dict)
    """Posting fields the listing states (title_raw, company, location…); the detail page's win."""
    fingerprint_parts: tuple[Any, ...] = ()
    """What the listing shows that changes when the ad changes (never relative dates)."""
    record: dict[str, Any] | None = None
    """The listing's own record of the ad (JSON values, with what the board needs to read it
    again): archived with the detail page, so that ``jobcrawl reparse`` reads the listing's
    fields as the crawl did."""

    @property
    def fingerprint(self) -> str | None:
        return listing_fingerprint(*self.fingerprint_parts) if self.fingerprint_parts else None


@dataclass
class ListingPage:
    """What one listing page holds: its entries and the next page, if any."""

    entries: list[ListingEntry]
    next_url: str | None = None
    skipped: int = 0
    """Entries shown that are not results of the search (filler suggestions)."""


ARCHIVE_MARK = "jobcrawl_board_ad"
"""Key that marks an archived board ad holding the listing's record beside the detail page."""


@dataclass
class ArchivedBoardAd:
    """An archived board ad: the listing's record of it and the detail page as the crawl read it."""

    listing: dict[str, Any] | None
    page_url: str
    page: str


def with_listing_fields(fields: dict[str, Any], entry: ListingEntry) -> dict[str, Any]:
    """The detail page's ``fields`` with the listing's filling their gaps — what the crawl stores
    and what ``jobcrawl reparse`` reads back (one function, so the two cannot drift)."""
    for name, value in entry.fields.items():
        if fields.get(name) in (None, "", []):
            fields[name] = value
    fields.setdefault("source_id", entry.source_id)
    return fields


def archived_page(response: TextResponse, entry: ListingEntry) -> tuple[bytes, str]:
    """What the raw archive keeps of a board ad (body, content type): the page as fetched, or,
    when the listing said something of the ad, one JSON document with the listing's record and
    the page as the text the crawl read (the listing is not fetched again by a re-parse)."""
    if entry.record is None:
        return response.body, "text/html"
    document = {ARCHIVE_MARK: 1, "listing": entry.record, "page_url": response.url, "page": response.text}
    return json.dumps(document, ensure_ascii=False).encode("utf-8"), "application/json"


def read_archived_board_ad(body: bytes) -> ArchivedBoardAd | None:
    """The listing record and page of a body :func:`archived_page` wrote; None for a plain page."""
    if body.lstrip()[:1] != b"{":
        return None
    try:
        document = json.loads(body)
    except ValueError:
        return None
    if not isinstance(document, dict) or not document.get(ARCHIVE_MARK) or not isinstance(document.get("page"), str):
        return None
    listing = document.get("listing")
    return ArchivedBoardAd(listing if isinstance(listing, dict) else None, str(document.get("page_url") or ""),
                           document["page"])


class BoardSpider(IncrementalCrawl, JobSpider):
    """Base of job-board spiders: listing pages -> detail pages.

    Arguments: the board's search arguments (see the board base) or ``-a start_urls=URL[,URL…]``
    (listing pages to walk), and ``-a base_url=URL``.
    """

    handle_httpstatus_list = list(NOT_FOUND_STATUSES)
    board_label = "board"
    """How messages name the board ("stepstone search 'data engineer' in 'berlin'")."""

    def __init__(self, *args: Any, start_urls: str | list[str] | None = None, **kwargs: Any):
        super().__init__(*args, start_urls=start_urls, **kwargs)
        self.listing_start_urls = split_argument(start_urls)
        self.walks_open = 0
        self.walks_done = 0
        self.listing_failed = False
        self.seen_source_ids: set[str] = set()
        self.fetched_fingerprints: list[TouchKey] = []

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.record_fingerprints, signal=signals.spider_closed)
        return spider

    def record_fingerprints(self, spider=None, reason: str | None = None) -> None:
        """Remember what the listing showed for each page fetched, for the next crawl to compare.

        Done when the crawl closes: the store pipeline has written its last batch by then, so every
        stored copy has its sighting (items pass the pipelines in no guaranteed order).
        """
        if not self.fetched_fingerprints:
            return
        try:
            recorded = record_listing_fingerprints(get_engine(self.settings.get("JOBCRAWL_DATABASE_URL")),
                                                   self.name, self.fetched_fingerprints)
        except SQLAlchemyError as error:
            self.logger.warning("listing fingerprints not recorded (%s): the next crawl fetches these pages again",
                                error)
            return
        self.crawler.stats.set_value("jobcrawl/incremental/fingerprints_recorded", recorded)

    # ------------------------------------------------------------------ hooks for board bases

    def search_urls(self) -> list[str]:
        """Listing URLs built from the spider's search arguments (default: none)."""
        return []

    def argument_problem(self) -> str | None:
        """Why the arguments cannot start a crawl, or None."""
        return None

    def read_listing(self, response: TextResponse) -> ListingPage | None:
        """The entries and next page of a listing page; None when it is no results list."""
        raise NotImplementedError

    @classmethod
    def page_fields(cls, page: str, page_url: str, entry: ListingEntry | None, now: datetime) -> dict[str, Any]:
        """Posting fields read from an ad's detail page (``title_raw`` at least, when it has one);
        ``entry`` is the listing's entry of the ad (None when a re-parse has no listing record),
        for boards whose page readers weigh the listing's fields against the page's own."""
        raise NotImplementedError

    @classmethod
    def entry_from_record(cls, record: dict[str, Any] | None) -> ListingEntry | None:
        """The listing entry an archived listing record (:attr:`ListingEntry.record`) gives, read
        as the crawl read it; None when the board keeps no records or cannot read this one."""
        return None

    @classmethod
    def ad_fields(cls, page: str, page_url: str, entry: ListingEntry | None, now: datetime) -> dict[str, Any]:
        """The fields of one ad: its page read with its listing entry, the listing filling the
        page's gaps. The crawl (:meth:`parse_detail`) and ``jobcrawl reparse``
        (:meth:`fields_from_archive`) both call this, so the two cannot drift."""
        fields = cls.page_fields(page, page_url, entry, now)
        return with_listing_fields(fields, entry) if entry is not None else fields

    @classmethod
    def fields_from_archive(cls, body: bytes, url: str, content_type: str | None, crawled_at: datetime):
        """Known fields of an archived ad (for ``jobcrawl reparse``): the page with its listing
        entry, as the crawl read them. A bare page (archived before listing records were kept,
        or by a board that keeps none) is read without the listing's fields."""
        archived = read_archived_board_ad(body)
        if archived is None:
            _encoding, page = html_to_unicode(content_type or "text/html", body)
            page_url, entry = url, None
        else:
            page, page_url, entry = archived.page, archived.page_url or url, cls.entry_from_record(archived.listing)
        fields = cls.ad_fields(page, page_url, entry, crawled_at)
        fields.pop("url", None)
        return fields if fields.get("title_raw") else None

    def detail_request_url(self, entry: ListingEntry) -> str:
        """The URL fetched for an entry's detail page (default: its canonical URL)."""
        return canonical_url(entry.url)

    # ---------------------------------------------------------------------------------- flow

    async def start(self):
        problem = self.argument_problem()
        urls = self.listing_start_urls or self.search_urls()
        if problem or not urls:
            self.source_error(problem or f"missing argument: {self.name} needs search arguments or "
                                         "-a start_urls=LISTING_URL")
            return
        self.load_known_copies()
        self.walks_open = len(urls)
        for url in urls:
            yield self.listing_request(url, page=1, seen=frozenset())

    def listing_request(self, url: str, page: int, seen: frozenset[str]) -> Request:
        return Request(url, callback=self.parse_listing, errback=self.request_failed,
                       cb_kwargs={"page": page, "seen": seen | {url}}, meta={"jobcrawl_listing": True})

    def parse_listing(self, response, page: int = 1, seen: frozenset[str] = frozenset()):
        """Read one listing page: its entries, then its next page or the end of this walk."""
        if response.status in NOT_FOUND_STATUSES:
            self.source_error(f"{self.board_label}: the listing page answered HTTP {response.status} "
                              f"({response.url}); check the search arguments or start URL")
            return
        listing = self.read_listing(response) if isinstance(response, TextResponse) else None
        if listing is None:
            start = response.body[:80].decode("utf-8", errors="replace")
            self.source_error(f"{self.board_label}: page {page} is not a results list — the board changed its "
                              f"markup or blocked the request ({response.url}, starts {start!r})")
            return
        stats = self.crawler.stats
        stats.inc_value("jobcrawl/listing/pages")
        stats.inc_value("jobcrawl/listing/entries", len(listing.entries))
        stats.inc_value("jobcrawl/listing/skipped_fillers", listing.skipped)
        for entry in listing.entries:
            yield from self.handle_entry(entry)
        next_url = listing.next_url
        if next_url and next_url not in seen and listing.entries and page < MAX_LISTING_PAGES:
            yield self.listing_request(next_url, page + 1, seen)
            return
        if next_url and listing.entries:
            self.mark_incomplete(f"stopped before listing page {page + 1} ({next_url}): "
                                 f"{'a page repeats' if next_url in seen else 'page limit reached'}")
        self.walk_finished()

    def handle_entry(self, entry: ListingEntry):
        """Fetch an entry's detail page, or touch its stored copy when the listing shows no change."""
        if entry.source_id:
            if entry.source_id in self.seen_source_ids:
                self.crawler.stats.inc_value("jobcrawl/listing/repeated_entries")
                return
            self.seen_source_ids.add(entry.source_id)
        fingerprint = entry.fingerprint
        if self.known_fingerprint_matches(entry.source_id, fingerprint):
            yield self.seen_again(entry.url, entry.source_id, fingerprint)
            return
        self.crawler.stats.inc_value("jobcrawl/detail/requests")
        yield Request(self.detail_request_url(entry), callback=self.parse_detail, errback=self.request_failed,
                      cb_kwargs={"entry": entry})

    def parse_detail(self, response, entry: ListingEntry):
        """The posting of one detail page (the listing's fields fill its gaps)."""
        if response.status in NOT_FOUND_STATUSES:
            self.crawler.stats.inc_value("jobcrawl/skipped/closed_before_detail")
            return
        if not isinstance(response, TextResponse):
            yield self.rejection(response.url, "not a text page")
            return
        fields = self.ad_fields(response.text, response.url, entry, datetime.now(timezone.utc))
        url = canonical_url(fields.pop("url", None) or entry.url)
        if not fields.get("title_raw"):
            yield self.rejection(url, "missing title", response.text[:100_000])
            return
        raw_page, raw_content_type = archived_page(response, entry)
        yield self.posting(url, raw_page=raw_page, raw_content_type=raw_content_type, **fields)
        if self.incremental and entry.fingerprint:
            self.fetched_fingerprints.append((fields.get("source_id"), url, entry.fingerprint))

    # ------------------------------------------------------------------------- completeness

    def walk_finished(self) -> None:
        self.walks_done += 1
        self.listing_complete = self.walks_done == self.walks_open and not self.listing_failed

    def mark_incomplete(self, reason: str) -> None:
        """A part of the listing could not be read: the run must not claim a complete listing."""
        self.listing_failed = True
        self.listing_complete = False
        self.crawler.stats.inc_value("jobcrawl/listing/incomplete")
        self.logger.warning("%s: listing incomplete: %s", self.board_label, reason)

    def request_failed(self, failure):
        """Errback: a listing page that fails ends the run; a detail that fails makes it incomplete."""
        request = failure.request
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            # robots.txt (or another middleware) refused the request: nothing the board said.
            self.mark_incomplete(f"request refused before download: {failure.getErrorMessage()} ({request.url})")
            if request.meta.get("jobcrawl_listing"):
                self.walk_finished()
            return
        if failure.check(HttpError):
            why = f"HTTP {failure.value.response.status}"
        else:
            why = f"{failure.type.__name__}: {failure.getErrorMessage()}"
        if request.meta.get("jobcrawl_listing"):
            self.source_error(f"{self.board_label}: the listing page could not be fetched: {why} ({request.url})")
        else:
            self.mark_incomplete(f"a detail page could not be fetched: {why} ({request.url})")
