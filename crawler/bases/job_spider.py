"""The base of every jobcrawl spider: arguments, ``base_url``, item helpers, rejections."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import scrapy

from crawler.items import JobPosting, RejectedPage, known_fields
from crawler.parsing.urls import canonical_url


def split_argument(value: str | list[str] | None) -> list[str]:
    """A ``-a name=a,b`` argument as a list (commas separate, blanks dropped)."""
    if value is None:
        return []
    if isinstance(value, list):
        return [part.strip() for part in value if part.strip()]
    return [part.strip() for part in str(value).split(",") if part.strip()]


class JobSpider(scrapy.Spider):
    """Common ground of all spiders.

    Every ``-a NAME=VALUE`` argument is kept in ``self.arguments`` (recorded in ``crawl_runs``).
    ``-a base_url=URL`` points a source spider at another host than the real one — the tests and
    the demo use it to reach local fixtures. Spiders set ``self.listing_complete = True`` when
    they walked the source's whole listing without errors (lifecycle logic relies on it).
    """

    default_base_url: str | None = None
    produces_postings = True
    """False for maintenance spiders (recheck): a run without postings is then not degraded."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.arguments = {key: value for key, value in kwargs.items() if key != "_job" and value is not None}
        self.base_url = (kwargs.get("base_url") or self.default_base_url or "").rstrip("/")
        self.listing_complete = False

    @classmethod
    def fields_from_archive(cls, body: bytes, url: str, content_type: str | None, crawled_at: datetime):
        """Known fields from an archived body of this source (for ``jobcrawl reparse``).

        ``None`` means the source cannot be re-read offline; spiders whose raw pages are
        self-contained override this.
        """
        return None

    def listing_was_complete(self, stats: dict) -> bool:
        """Whether this run walked the source's whole listing without errors (hook)."""
        return self.listing_complete

    @property
    def listing_scope(self) -> str:
        """The listing this run walks: spider name plus its arguments, in a stable order."""
        arguments = "&".join(f"{key}={value}" for key, value in sorted(self.arguments.items()))
        return f"{self.name}:{arguments}"[:255]

    def posting(self, url: str, raw_page: bytes | None = None, raw_content_type: str | None = None,
                **fields: Any) -> JobPosting | RejectedPage:
        """A posting item from this spider with ``crawled_at`` now and a canonical URL.

        An ad whose title or description is absurdly large (:func:`oversized_reason`) comes back
        as a rejection instead; absurdly long short fields are dropped.

        ``raw_page`` is the body the fields were read from (a page, or one job's JSON/XML); the
        store keeps it in the raw archive so ``jobcrawl reparse`` can read it again later.
        """
        known, too_large, dropped = known_fields(fields)
        if too_large:
            return self.rejection(canonical_url(url), too_large, str(known.get("title_raw", ""))[:1_000])
        for name in dropped:
            if self.crawler is not None:
                self.crawler.stats.inc_value(f"jobcrawl/bounded/{name}")
        item = JobPosting(source=self.name, url=canonical_url(url), crawled_at=datetime.now(timezone.utc), **known)
        item.raw_page = raw_page
        item.raw_content_type = raw_content_type
        return item

    def rejection(self, url: str, reason: str, payload: str | bytes | None = None) -> RejectedPage:
        """A rejected page from this spider, counted in stats."""
        if self.crawler is not None:
            self.crawler.stats.inc_value(f"jobcrawl/rejected/{reason.split(':')[0].replace(' ', '_')}")
        if isinstance(payload, bytes):
            payload = payload.decode("utf-8", errors="replace")
        return RejectedPage(source=self.name, url=url, reason=reason,
                            payload=payload[:100_000] if payload else None)

    def source_error(self, reason: str) -> None:
        """Mark the run as failed for a source-level reason (unknown board, changed format)."""
        self.logger.error("source error: %s", reason)
        if self.crawler is not None:
            self.crawler.stats.set_value("jobcrawl/source_error", reason)
