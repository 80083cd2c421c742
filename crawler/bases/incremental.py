"""Incremental crawling, spider side: skip the pages whose listing entry says nothing changed.

A re-crawl of an unchanged source should cost the listing, not every ad page again. Spiders with
detail pages therefore look up, once at start, what earlier crawls stored for their source
(:func:`models.touch.known_copies`) and decide per listing entry:

- a board listing (search results): the entry's *listing fingerprint* — a hash of what the
  listing shows (title, employer, place, date, salary) — equals the one the copy was last fetched
  under -> the page is skipped;
- a sitemap: the entry's ``lastmod`` is not newer than the start of the last successful crawl of
  the same scope, and the URL is a stored copy -> the page is skipped.

A skipped page becomes a :class:`~crawler.items.SeenAgain` item: the store moves the copy's
``last_seen_at`` without a fetch, so lifecycle logic still sees every listed copy. Everything else
(new entries, changed entries, entries without ``lastmod``, copies never stored) is fetched.

The setting ``JOBCRAWL_INCREMENTAL`` (default off here; the project settings switch it on) turns
the behaviour on; ``-s JOBCRAWL_INCREMENTAL=False`` forces a full re-fetch.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from crawler.items import SeenAgain
from crawler.parsing.urls import canonical_url
from models.database import get_engine
from models.touch import KnownCopies, known_copies

SITEMAP_DEPTH_KEY = "jobcrawl_sitemap_depth"
_W3C_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
# A bare date (or a time without zone) may be local anywhere on earth: the day ends at the latest
# 12 hours after it ends in UTC, so that is the moment it is compared as.
_LATEST_LOCAL_OFFSET = timedelta(hours=12)


def listing_fingerprint(*parts: Any) -> str:
    """A stable hash of what a listing shows for one entry (its parts in order; blanks ignored)."""
    normalised = [" ".join(str(part).split()) if part not in (None, "") else None for part in parts]
    encoded = json.dumps(normalised, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def lastmod_moment(text: str | None) -> datetime | None:
    """The latest UTC moment a sitemap ``lastmod`` (W3C Datetime) can mean, or None if unreadable.

    ``2026-11-20`` -> 2026-11-21 12:00 UTC (the end of that day in the westernmost zone);
    ``2026-11-20T08:15:00+01:00`` -> 2026-11-20 07:15 UTC.
    """
    if not text or not text.strip():
        return None
    date_only = _W3C_DATE.match(text)
    if date_only:
        year, month, day = (int(group) for group in date_only.groups())
        try:
            day_end = datetime.combine(datetime(year, month, day).date() + timedelta(days=1), time(), timezone.utc)
        except ValueError:
            return None
        return day_end + _LATEST_LOCAL_OFFSET
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc) + _LATEST_LOCAL_OFFSET
    return moment.astimezone(timezone.utc)


class IncrementalCrawl:
    """Mixin for :class:`~crawler.bases.job_spider.JobSpider` subclasses that can skip pages.

    Call :meth:`load_known_copies` once at the start of the crawl; then ask
    :meth:`known_fingerprint_matches` (boards) or :meth:`sitemap_entry_unchanged` (sitemaps) per
    entry, and yield :meth:`seen_again` for the entries skipped.
    """

    known: KnownCopies = KnownCopies()
    known_within_scope = False
    """Whether only copies first found by this same listing count as known (see :func:`known_copies`)."""

    @property
    def incremental(self) -> bool:
        """Whether this crawl skips unchanged pages (setting ``JOBCRAWL_INCREMENTAL``)."""
        settings = getattr(self, "settings", None)
        return bool(settings and settings.getbool("JOBCRAWL_INCREMENTAL", False))

    def load_known_copies(self) -> None:
        """Read the source's stored copies once; a database that cannot answer means a full crawl."""
        if not self.incremental:
            return
        try:
            engine = get_engine(self.settings.get("JOBCRAWL_DATABASE_URL"))
            self.known = known_copies(engine, self.name, self.listing_scope, self.known_within_scope)
        except SQLAlchemyError as error:
            self.logger.warning("incremental crawl off: stored copies could not be read (%s)", error)
            self.known = KnownCopies()
        self.crawler.stats.set_value("jobcrawl/incremental/known_copies", len(self.known.urls))

    def known_fingerprint_matches(self, source_id: str | None, fingerprint: str | None) -> bool:
        """True when the copy is stored and its listing entry shows what it showed at the last fetch."""
        if not (self.incremental and source_id and fingerprint):
            return False
        return self.known.fingerprints.get(source_id) == fingerprint

    def sitemap_entry_unchanged(self, url: str, lastmod: str | None) -> bool:
        """True when a sitemap entry is a stored copy not modified since the last successful walk began."""
        if not (self.incremental and self.known.last_walk_started_at):
            return False
        modified = lastmod_moment(lastmod)
        if modified is None or modified > self.known.last_walk_started_at:
            return False
        return canonical_url(url) in self.known.urls

    def seen_again(self, url: str, source_id: str | None = None, fingerprint: str | None = None) -> SeenAgain:
        """The touch item of one copy whose page is not fetched again (counted in stats)."""
        self.crawler.stats.inc_value("jobcrawl/incremental/seen_again")
        return SeenAgain(source=self.name, url=canonical_url(url), source_id=source_id,
                         listing_fingerprint=fingerprint, seen_at=datetime.now(timezone.utc))


class IncrementalSitemap(IncrementalCrawl):
    """Sitemap walks (Scrapy ``SitemapSpider``) that skip entries whose ``lastmod`` is not newer
    than the last successful walk of the same scope; the skipped URLs are touched instead."""

    # One spider reads many sites' sitemaps: only the copies this sitemap walk stored are looked up.
    known_within_scope = True

    def sitemap_filter(self, entries):
        # Child sitemaps of an index are always read: their entries are the URLs to touch.
        if getattr(entries, "type", None) != "urlset":
            yield from entries
            return
        for entry in entries:
            if self.sitemap_entry_unchanged(entry.get("loc") or "", entry.get("lastmod")):
                self._unchanged_entries.append(entry["loc"])
                continue
            yield entry

    def _parse_sitemap(self, response):
        # Scrapy's SitemapSpider reads the entries through sitemap_filter() but can only yield
        # requests from them; the entries skipped there are touched here.
        # SitemapSpider._parse_sitemap is a plain function that filters eagerly, so the list is
        # complete when it returns (and no other callback can swap it in between).
        unchanged = self._unchanged_entries = []
        requests = super()._parse_sitemap(response)
        depth = response.meta.get(SITEMAP_DEPTH_KEY, 0)
        for request in requests or ():
            if not self.on_listed_site(request.url):
                self.crawler.stats.inc_value("jobcrawl/sitemap/offsite")
                self.logger.debug("sitemap entry on another site (host or port) not followed: %s", request.url)
                continue
            if getattr(request.callback, "__func__", None) is IncrementalSitemap._parse_sitemap:
                request = self._bounded_sitemap_request(request, depth + 1)
                if request is None:
                    continue
            yield request
        for url in unchanged:
            yield self.seen_again(url)

    def on_listed_site(self, url: str) -> bool:
        """Whether ``url`` is on a site the crawl was started with (hook; sitemaps may list anything)."""
        return True

    def _bounded_sitemap_request(self, request, depth: int):
        """``request`` for a nested sitemap, or None once the depth or count bound is reached."""
        settings = self.crawler.settings
        max_depth = settings.getint("JOBCRAWL_SITEMAP_MAX_DEPTH", 5)
        max_requests = settings.getint("JOBCRAWL_SITEMAP_MAX_REQUESTS", 1000)
        stats = self.crawler.stats
        if depth > max_depth:
            why = f"nested deeper than {max_depth} levels (JOBCRAWL_SITEMAP_MAX_DEPTH)"
        elif stats.get_value("jobcrawl/sitemap/nested_requests", 0) >= max_requests:
            why = f"more than {max_requests} nested sitemaps (JOBCRAWL_SITEMAP_MAX_REQUESTS)"
        else:
            stats.inc_value("jobcrawl/sitemap/nested_requests")
            return request.replace(meta={**request.meta, SITEMAP_DEPTH_KEY: depth})
        stats.inc_value("jobcrawl/sitemap/not_followed")
        if not stats.get_value("jobcrawl/sitemap/bound"):
            stats.set_value("jobcrawl/sitemap/bound", why)
            self.logger.warning("sitemap walk bounded: %s; further nested sitemaps are not read "
                                "(first skipped: %s)", why, request.url)
        return None
