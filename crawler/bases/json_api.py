"""The JSON-API base spider: job listings that a source publishes as JSON, page by page.

A crawl fetches the listing's first page, reads the jobs out of it, turns each job into a posting
(or asks for the job's detail first), and follows the next page until the source says there is
none. How a run ends is always explicit:

- the listing answers 404 or 410: the board/company does not exist -> the run fails with
  "<source> <what> '<name>' not found";
- the answer is not JSON, or JSON of another shape: the source changed its format -> the run fails;
- any other HTTP error or network failure on the listing (after Scrapy's retries) -> the run fails;
- an empty listing: zero items -> the run is degraded;
- otherwise ``listing_complete`` is set once the last page was read, unless a detail request failed.

Platform bases (``crawler/sources/<platform>.py``) fill in the hooks: :meth:`listing_url`,
:meth:`jobs_from_payload`, :meth:`posting_fields` and, where needed, :meth:`next_page_url`,
:meth:`skip_reason` and :meth:`handle_job`. Leaf spiders only declare ``name``, ``default_base_url``
and ``source_argument``.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any
from urllib.parse import quote

from scrapy import Request
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.bases.job_spider import JobSpider

NOT_FOUND_STATUSES = (404, 410)
MAX_LISTING_PAGES = 1000


def _as_json(value: Any) -> str:
    """A job as JSON text for a rejection's payload."""
    return json.dumps(value, ensure_ascii=False)[:100_000]


class SourceFormatError(ValueError):
    """The source answered JSON of a shape the spider does not know (its API changed)."""


class JsonApiSpider(JobSpider):
    """Base of spiders that read a job source's JSON API.

    Arguments: ``-a <source_argument>=NAME`` (the board or company at the source, required),
    ``-a base_url=URL`` (another API host, e.g. a local fixture server or Lever's EU host),
    ``-a page_size=N`` (listing page size of paged APIs) and ``-a company_name=NAME`` (the employer
    to record when the source does not name it, as Lever and Ashby do not).
    """

    source_argument = "board"
    """The spider argument that names the board or company at the source."""
    source_argument_help = "the board's name at the source"
    """How to find the value, shown when the argument is missing or the board is not found."""
    page_size: int | None = None
    """Listing page size of paged APIs (``-a page_size=`` overrides it)."""
    # The spider reads these statuses itself to end the run with a clear reason; every other
    # error status reaches the errback through Scrapy's HttpError.
    handle_httpstatus_list = list(NOT_FOUND_STATUSES)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.source_name = (kwargs.get(self.source_argument) or "").strip()
        if not kwargs.get("base_url") and self.base_url:
            # Hosts named after the company ("https://{company}.recruitee.com").
            self.base_url = self.base_url.format(**{self.source_argument: quote(self.source_name, safe="")})
        self.company_name = (kwargs.get("company_name") or "").strip() or None
        self.argument_problem = self._check_arguments(kwargs)
        self.listing_failed = False
        self.seen_job_ids: set[str] = set()

    def _check_arguments(self, kwargs: dict[str, Any]) -> str | None:
        if not self.source_name:
            return (f"missing argument: {self.name} needs -a {self.source_argument}=NAME "
                    f"({self.source_argument_help})")
        page_size = kwargs.get("page_size")
        if page_size is not None:
            if not str(page_size).isdigit() or int(page_size) < 1:
                return f"-a page_size must be a positive whole number, got {page_size!r}"
            self.page_size = int(page_size)
        return None

    # ------------------------------------------------------------------ hooks for platform bases

    def listing_url(self, page: int) -> str:
        """The URL of listing page ``page`` (0 is the first page)."""
        raise NotImplementedError

    def jobs_from_payload(self, payload: Any) -> list[Any]:
        """The jobs of one listing page; raise :class:`SourceFormatError` for a foreign shape."""
        raise NotImplementedError

    def next_page_url(self, payload: Any, jobs: list[Any], page: int) -> str | None:
        """The next listing page after page ``page``, or None when it was the last (default: one page)."""
        return None

    def skip_reason(self, job: dict[str, Any]) -> str | None:
        """Why a job is not a public posting (counted as ``jobcrawl/skipped/<reason>``), or None."""
        return None

    def posting_fields(self, job: dict[str, Any], now: datetime) -> dict[str, Any]:
        """Posting fields (with ``url``) of one job, from the platform's pure mapping function."""
        raise NotImplementedError

    def job_id(self, job: dict[str, Any]) -> str | None:
        """The job's id at the source, used to notice a listing that repeats itself."""
        value = job.get("id")
        return str(value) if value not in (None, "") else None

    # ---------------------------------------------------------------------------------- flow

    @property
    def source_label(self) -> str:
        return f"{self.name} {self.source_argument} {self.source_name!r}"

    async def start(self):
        if self.argument_problem:
            self.source_error(self.argument_problem)
            return
        yield self.listing_request(0)

    def json_request(self, url: str, callback, **kwargs: Any) -> Request:
        """A GET for JSON with this spider's errback."""
        return Request(url, callback=callback, errback=self.request_failed,
                       headers={"Accept": "application/json"}, **kwargs)

    def listing_request(self, page: int) -> Request:
        return self.json_request(self.listing_url(page), self.parse_listing,
                                 cb_kwargs={"page": page}, meta={"jobcrawl_listing": True})

    def parse_listing(self, response, page: int = 0):
        """Read one listing page: its jobs, then the next page or the end of the listing."""
        if response.status in NOT_FOUND_STATUSES:
            self.source_error(f"{self.source_label} not found (HTTP {response.status} from {response.url}): "
                              f"check the name ({self.source_argument_help})")
            return
        payload = self.decode_json(response)
        if payload is None:
            return
        try:
            jobs = self.jobs_from_payload(payload)
        except SourceFormatError as error:
            self.source_error(f"{self.source_label}: the API changed format: {error} ({response.url})")
            return
        self.crawler.stats.inc_value("jobcrawl/listing/pages")
        self.crawler.stats.inc_value("jobcrawl/listing/jobs", len(jobs))
        new_ids = {job_id for job in jobs if isinstance(job, dict) and (job_id := self.job_id(job))}
        if page > 0 and jobs and new_ids and new_ids <= self.seen_job_ids:
            self.source_error(f"{self.source_label}: listing page {page} repeats jobs already read; "
                              f"the API seems to ignore paging ({response.url})")
            return
        self.seen_job_ids |= new_ids
        for job in jobs:
            yield from self.handle_job(job, response)
        next_url = self.next_page_url(payload, jobs, page)
        if next_url and page + 1 >= MAX_LISTING_PAGES:
            self.source_error(f"{self.source_label}: stopped after {MAX_LISTING_PAGES} listing pages")
        elif next_url:
            yield self.json_request(next_url, self.parse_listing, cb_kwargs={"page": page + 1},
                                    meta={"jobcrawl_listing": True})
        else:
            self.finish_listing()

    def decode_json(self, response) -> Any | None:
        """The response's JSON, or None after marking the run failed (the answer is not JSON)."""
        try:
            return json.loads(response.body)
        except RecursionError:  # hostile nesting: not a ValueError, and it would end the callback
            self.source_error(f"{self.source_label}: the answer is JSON nested too deeply to read "
                              f"({response.url})")
            return None
        except (ValueError, UnicodeDecodeError):
            content_type = response.headers.get("Content-Type", b"").decode("latin-1") or "none"
            start = response.body[:60].decode("utf-8", errors="replace")
            self.source_error(f"{self.source_label}: the API changed format: the answer is not JSON "
                              f"(Content-Type {content_type}, starts {start!r}) ({response.url})")
            return None

    def handle_job(self, job: Any, response):
        """Yield the posting (or rejection) of one listed job; platforms may fetch a detail first."""
        if not isinstance(job, dict):
            yield self.rejection(response.url, "job is not a JSON object", _as_json(job))
            return
        reason = self.skip_reason(job)
        if reason:
            self.crawler.stats.inc_value(f"jobcrawl/skipped/{reason}")
            return
        yield self.item_from_job(job, response.url)

    def item_from_job(self, job: dict[str, Any], listing_url: str):
        """The posting of one job, or a rejection when it has no URL, no title or cannot be read."""
        try:
            fields = self.posting_fields(job, datetime.now(timezone.utc))
        except (TypeError, ValueError, AttributeError, KeyError) as error:  # one odd job must not end the run
            self.logger.exception("cannot map a job of %s", self.source_label)
            return self.rejection(listing_url, f"unreadable job: {type(error).__name__}: {error}", _as_json(job))
        url = fields.pop("url", None)
        if not url:
            return self.rejection(listing_url, "missing url", _as_json(job))
        if not fields.get("title_raw"):
            return self.rejection(url, "missing title", _as_json(job))
        if not fields.get("company") and self.company_name:
            fields["company"] = self.company_name
        return self.posting(url, **fields)

    def finish_listing(self) -> None:
        """The last listing page was read: the listing is complete unless a request failed."""
        self.listing_complete = not self.listing_failed

    def mark_incomplete(self, reason: str) -> None:
        """A part of the listing could not be read: the run must not claim a complete listing."""
        self.listing_failed = True
        self.listing_complete = False
        self.crawler.stats.inc_value("jobcrawl/listing/incomplete")
        self.logger.error("%s: %s", self.source_label, reason)

    def request_failed(self, failure):
        """Errback: a failed listing request fails the run; a failed detail makes it incomplete."""
        request = failure.request
        if failure.check(HttpError):
            response = failure.value.response
            why = f"HTTP {response.status}"
        else:
            why = f"{failure.type.__name__}: {failure.getErrorMessage()}"
        if request.meta.get("jobcrawl_listing"):
            self.source_error(f"{self.source_label}: the listing could not be fetched: {why} ({request.url})")
        else:
            self.mark_incomplete(f"a job detail could not be fetched: {why} ({request.url})")

    def quoted_source_name(self) -> str:
        """The board/company name, safe inside a URL path."""
        return quote(self.source_name, safe="")
