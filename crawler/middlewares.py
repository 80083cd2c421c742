"""Downloader middlewares: politeness towards servers that ask us to slow down.

Scrapy's RetryMiddleware retries a 429 or 503 at once and ignores the ``Retry-After`` header the
server sent with it. :class:`RetryAfterMiddleware` answers these two statuses itself: it waits as
long as the server asks (seconds or an HTTP date, capped by ``JOBCRAWL_RETRY_AFTER_MAX``), or with
exponential back-off when the server names no time, and then retries — at most ``RETRY_TIMES``
times, counted like Scrapy's own retries (``retry/count``, ``retry/max_reached``). The wait holds
only the request concerned: the reactor and the other requests go on.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

logger = logging.getLogger(__name__)

SLOW_DOWN_STATUSES = (429, 503)
DEFAULT_RETRY_AFTER_MAX = 120.0
DEFAULT_BACKOFF_SECONDS = 1.0


def retry_after_seconds(value: str | bytes | None, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` header value, or None when it names no time.

    ``"120"`` -> 120.0; ``"Wed, 21 Oct 2026 07:28:00 GMT"`` -> seconds from ``now`` until then
    (0.0 when it has passed); empty, negative or unreadable values -> None.
    """
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    text = (value or "").strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    if moment.tzinfo is None:  # RFC 9110 dates are GMT; a date without a zone is read as GMT too
        moment = moment.replace(tzinfo=timezone.utc)
    return max(0.0, (moment - now).total_seconds())


def wait_before_retry(retry_after: float | None, retries_so_far: int, backoff_seconds: float,
                      maximum: float) -> float:
    """How long to wait before the next attempt: the server's time, else back-off, never above ``maximum``."""
    wait = retry_after if retry_after is not None else backoff_seconds * 2 ** retries_so_far
    return max(0.0, min(wait, maximum))


class RetryAfterMiddleware:
    """Retries 429 and 503 answers after the time the server asks for (see the module docstring)."""

    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.enabled = settings.getbool("RETRY_ENABLED", True)
        self.maximum = settings.getfloat("JOBCRAWL_RETRY_AFTER_MAX", DEFAULT_RETRY_AFTER_MAX)
        self.backoff_seconds = settings.getfloat("JOBCRAWL_RETRY_BACKOFF_SECONDS", DEFAULT_BACKOFF_SECONDS)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_response(self, request, response):
        if (not self.enabled or response.status not in SLOW_DOWN_STATUSES
                or request.meta.get("dont_retry", False)
                or response.status in request.meta.get("handle_httpstatus_list", ())):
            return response
        retry = get_retry_request(request, spider=self.crawler.spider, reason=response_status_message(response.status))
        if retry is None:
            # Out of retries: hand the answer on, and keep Scrapy's RetryMiddleware from starting over.
            request.meta["dont_retry"] = True
            return response
        asked = retry_after_seconds(response.headers.get("Retry-After"), datetime.now(timezone.utc))
        wait = wait_before_retry(asked, request.meta.get("retry_times", 0), self.backoff_seconds, self.maximum)
        stats = self.crawler.stats
        stats.inc_value(f"jobcrawl/politeness/waited_{response.status}")
        stats.max_value("jobcrawl/politeness/longest_wait_seconds", round(wait, 1))
        if asked is not None and asked > self.maximum:
            logger.warning("%s asked to wait %.0f s (Retry-After); waiting %.0f s (JOBCRAWL_RETRY_AFTER_MAX)",
                           request.url, asked, wait)
        else:
            logger.info("HTTP %s from %s: retrying in %.1f s", response.status, request.url, wait)
        await sleep(wait)
        return retry


REDIRECT_STATUSES = (301, 302, 303, 307, 308)
FOLLOWED_SCHEMES = ("http", "https")


def redirect_target_scheme(request_url: str, location: bytes | str | None) -> str | None:
    """The scheme a ``Location`` header leads to from ``request_url`` (``None`` without a header)."""
    if location is None:
        return None
    if isinstance(location, bytes):
        location = location.decode("latin-1")
    location = location.strip()
    if location.startswith("//"):
        return urlsplit(request_url).scheme
    return urlsplit(urljoin(request_url, location)).scheme.lower()


class NonHttpRedirectMiddleware:
    """A redirect to ``javascript:``, ``mailto:``, ``data:``… is one warning line, not a traceback.

    Scrapy's RedirectMiddleware builds a Request for any ``Location`` before it checks the scheme,
    and a Request refuses ``javascript:alert(1)`` with a ValueError that surfaces as a traceback.
    This middleware sees the response first (a higher priority number than RedirectMiddleware's
    600), marks such a redirect ``dont_redirect`` and counts it; the answer then goes the way of
    any non-2xx answer.
    """

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response):
        if response.status not in REDIRECT_STATUSES or request.meta.get("dont_redirect"):
            return response
        scheme = redirect_target_scheme(request.url, response.headers.get("Location"))
        if scheme is None or scheme in FOLLOWED_SCHEMES:
            return response
        request.meta["dont_redirect"] = True
        self.crawler.stats.inc_value(f"jobcrawl/redirect/not_followed/{scheme or 'no_scheme'}")
        location = response.headers.get("Location", b"").decode("latin-1")
        logger.warning("HTTP %s from %s redirects to a non-HTTP address (%s); not followed",
                       response.status, request.url, location[:80])
        return response
