"""The Bundesagentur für Arbeit base spider: the "Jobsuche" REST API (search + details per ad).

Search: ``GET {base}/pc/v6/jobs?was=…&wo=…&umkreis=…&veroeffentlichtseit=…&page=1&size=100`` with the
public client id in ``X-API-Key: jobboerse-jobsuche``. Details: ``GET {base}/pc/v4/jobdetails/
{base64(refnr)}`` (the reference number in standard Base64; the old ``hashId`` no longer works).

The 10,000 cap: the API pages at most 10,000 results of one query (page × size ≤ 10,000) while
``maxErgebnisse`` still counts them all. A query over the cap is split into slices by one of the
facets its own answer carries (``facetten``): a facet is used only when its counts add up exactly
to ``maxErgebnisse`` — every ad counted once, none left out, the list not cut short — and the facet
name is also a search parameter (``berufsfeld``, then ``arbeitgeber``). Each slice is the same query
plus ``facet=value``; a slice still over the cap is split again by the next facet. When the slices'
own totals add up to less than the parent's, or no facet can split a query, the crawl says so
(warning, ``jobcrawl/arbeitsagentur/*`` stats) and the listing is not marked complete. Date windows
(``veroeffentlichtseit``) and places (``wo``/``umkreis``) cannot split a result set: the first only
has "published in the last N days", so windows nest; circles around places overlap and leave gaps.
"""

from __future__ import annotations

import base64
import json
import math
from datetime import datetime, timezone
from typing import Any
from urllib.parse import quote, urlencode

from scrapy.http import Request
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.bases.job_spider import JobSpider
from crawler.parsing.arbeitsagentur import posting_fields_from_ba

SEARCH_PARAMETERS = ("was", "wo", "umkreis", "veroeffentlichtseit")
SLICING_FACETS = ("berufsfeld", "arbeitgeber")
RESULT_CAP = 10_000
PAGE_SIZE = 100  # the API's largest page; a larger size answers 400


def details_path(refnr: str) -> str:
    """The details path segment for a reference number: standard Base64, ``/`` and ``+`` escaped."""
    return quote(base64.b64encode(refnr.encode("utf-8")).decode("ascii"), safe="=")


def archived_answers(search_item: dict[str, Any], details: dict[str, Any] | None) -> bytes:
    """The raw page kept for one ad: its search item and its details, as the API sent them."""
    return json.dumps({"search": search_item, "details": details}, ensure_ascii=False).encode("utf-8")


def describe_query(query: dict[str, str]) -> str:
    """A query as readable parameters (``was=Koch, wo=Köln``), for messages and stats."""
    return ", ".join(f"{name}={value}" for name, value in query.items()) or "(all jobs)"


def failure_reason(failure) -> str:
    """What went wrong with a request: the HTTP status and the start of the answer, or the error."""
    if failure.check(HttpError):
        response = failure.value.response
        return f"HTTP {response.status} {response.text[:200] if hasattr(response, 'text') else ''}".strip()
    return failure.getErrorMessage()


def choose_slicing_facet(query: dict[str, str], facets: Any, total: int,
                         facet_names: tuple[str, ...] = SLICING_FACETS) -> tuple[str, list[str]] | None:
    """The facet that splits ``query`` into disjoint slices covering all ``total`` results, and its
    values (largest first), or None when no facet of the answer does."""
    if not isinstance(facets, dict):
        return None
    for name in facet_names:
        counts = (facets.get(name) or {}).get("counts") if isinstance(facets.get(name), dict) else None
        if name in query or not isinstance(counts, dict) or not counts:
            continue
        if not all(isinstance(count, int) and count > 0 for count in counts.values()):
            continue
        if sum(counts.values()) == total:
            return name, sorted(counts, key=lambda value: -counts[value])
    return None


class JobsucheSpider(JobSpider):
    """Base for searches in the Bundesagentur für Arbeit's Jobsuche.

    Arguments: ``-a was=QUERY`` and/or ``-a wo=PLACE``, ``-a umkreis=KM``, ``-a veroeffentlichtseit=DAYS``
    (0–100), ``-a base_url=URL`` (another host, for tests). Settings ``JOBCRAWL_ARBEITSAGENTUR_RESULT_CAP``
    and ``JOBCRAWL_ARBEITSAGENTUR_PAGE_SIZE`` change the cap and page size (tests, API changes).
    """

    default_base_url = "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service"
    search_path = "/pc/v6/jobs"
    details_prefix = "/pc/v4/jobdetails/"
    api_key = "jobboerse-jobsuche"
    custom_settings = {"DOWNLOAD_DELAY": 0.5}  # the community's norm; the API answers bursts with 403

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = {name: str(kwargs[name]).strip() for name in SEARCH_PARAMETERS
                      if str(kwargs.get(name) or "").strip()}
        self.seen_refnrs: set[str] = set()
        self.open_search_pages = 0
        self.listing_gaps: list[str] = []
        self.splits: dict[str, dict[str, int]] = {}  # sliced query (as sorted JSON) -> totals

    @property
    def result_cap(self) -> int:
        return self.settings.getint("JOBCRAWL_ARBEITSAGENTUR_RESULT_CAP", RESULT_CAP)

    @property
    def page_size(self) -> int:
        return self.settings.getint("JOBCRAWL_ARBEITSAGENTUR_PAGE_SIZE", PAGE_SIZE)

    def argument_problem(self) -> str | None:
        """Why the arguments cannot work, or None."""
        if not ({"was", "wo"} & set(self.query)):
            return "give -a was=QUERY (job title or keywords) and/or -a wo=PLACE"
        if "umkreis" in self.query and not self.query["umkreis"].isdigit():
            return f"-a umkreis={self.query['umkreis']!r} is not a whole number of kilometres"
        days = self.query.get("veroeffentlichtseit")
        if days is not None and not (days.isdigit() and int(days) <= 100):
            return f"-a veroeffentlichtseit={days!r} must be a number of days from 0 to 100"
        return None

    async def start(self):
        problem = self.argument_problem()
        if problem:
            self.source_error(problem)
            return
        yield self.search_request(self.query, 1)

    # --------------------------------------------------------------------------- requests

    def api_headers(self) -> dict[str, str]:
        return {"X-API-Key": self.api_key, "Accept": "application/json"}

    def search_request(self, query: dict[str, str], page: int, parent: str | None = None) -> Request:
        """One page of one (sliced) query."""
        self.open_search_pages += 1
        parameters = {**query, "page": page, "size": self.page_size}
        return Request(f"{self.base_url}{self.search_path}?{urlencode(parameters)}", headers=self.api_headers(),
                       callback=self.parse_search, errback=self.search_failed, dont_filter=True,
                       meta={"query": query, "page": page, "parent": parent})

    def details_request(self, search_item: dict[str, Any], refnr: str) -> Request:
        return Request(f"{self.base_url}{self.details_prefix}{details_path(refnr)}", headers=self.api_headers(),
                       callback=self.parse_details, errback=self.details_failed,
                       meta={"search_item": search_item})

    # --------------------------------------------------------------------------- search

    def parse_search(self, response):
        """Page through a query, split it when it is over the cap, ask for each new ad's details."""
        query, page, parent = response.meta["query"], response.meta["page"], response.meta["parent"]
        try:
            answer = json.loads(response.text)
        except (ValueError, RecursionError) as error:
            self.search_page_lost(response.meta, f"the answer is not JSON ({error})")
            return
        total = answer.get("maxErgebnisse") if isinstance(answer, dict) else None
        if not isinstance(total, int):
            self.search_page_lost(response.meta, "the answer has no maxErgebnisse")
            return
        if page == 1:
            if parent is not None:
                self.count_slice(parent, total)
            if total > self.result_cap:
                split = choose_slicing_facet(query, answer.get("facetten"), total)
                if split:
                    yield from self.slice_query(query, total, *split)
                    self.search_page_done()
                    return
                self.note_gap(f"{describe_query(query)}: {total} results but only the first {self.result_cap} "
                              "can be paged and no facet splits the query", unreachable=total - self.result_cap)
            last_page = math.ceil(min(total, self.result_cap) / self.page_size)
            for next_page in range(2, last_page + 1):
                yield self.search_request(query, next_page)
        for item in answer.get("ergebnisliste") or answer.get("stellenangebote") or []:
            refnr = item.get("referenznummer") or item.get("refnr") if isinstance(item, dict) else None
            if not refnr:
                yield self.rejection(response.url, "search item without reference number", json.dumps(item))
                continue
            if refnr in self.seen_refnrs:
                self.crawler.stats.inc_value("jobcrawl/arbeitsagentur/duplicate_results")
                continue
            self.seen_refnrs.add(refnr)
            yield self.details_request(item, refnr)
        self.search_page_done()

    def slice_query(self, query: dict[str, str], total: int, facet: str, values: list[str]):
        """Ask for page 1 of each slice ``query + {facet: value}``."""
        key = json.dumps(query, sort_keys=True, ensure_ascii=False)
        self.logger.info("%s: %d results are over the %d cap; slicing by %s into %d queries",
                         describe_query(query), total, self.result_cap, facet, len(values))
        self.crawler.stats.inc_value("jobcrawl/arbeitsagentur/sliced_queries")
        self.splits[key] = {"total": total, "waiting": len(values), "sum": 0}
        for value in values:
            yield self.search_request({**query, facet: value}, 1, parent=key)

    def count_slice(self, parent: str, total: int) -> None:
        """Add a slice's total to its parent's; once all slices answered, check they cover it."""
        split = self.splits[parent]
        split["sum"] += total
        split["waiting"] -= 1
        if split["waiting"] == 0 and split["sum"] < split["total"]:
            self.note_gap(f"the slices of {describe_query(json.loads(parent))} cover {split['sum']} of its "
                          f"{split['total']} results",
                          unreachable=split["total"] - split["sum"])

    def search_failed(self, failure):
        self.search_page_lost(failure.request.meta, failure_reason(failure))

    def search_page_lost(self, meta: dict[str, Any], why: str) -> None:
        """A search page that gave nothing: the first one fails the run, any other leaves a gap."""
        query, page, parent = meta["query"], meta["page"], meta["parent"]
        if query == self.query and page == 1:
            self.listing_gaps.append("the first search page failed")
            self.source_error(f"the Jobsuche search failed for {describe_query(query)}: {why}")
        else:
            self.note_gap(f"page {page} of {describe_query(query)} failed: {why}")
            if page == 1 and parent is not None:
                self.count_slice(parent, 0)
        self.search_page_done()

    def note_gap(self, reason: str, unreachable: int = 0) -> None:
        """Record why the listing is incomplete (logged, counted, kept in stats)."""
        self.logger.warning("listing incomplete: %s", reason)
        self.listing_gaps.append(reason)
        self.crawler.stats.set_value("jobcrawl/arbeitsagentur/listing_gaps", " | ".join(self.listing_gaps)[:2000])
        if unreachable:
            self.crawler.stats.inc_value("jobcrawl/arbeitsagentur/unreachable_results", unreachable)

    def search_page_done(self) -> None:
        """One search page handled; after the last one the listing is complete unless it has gaps."""
        self.open_search_pages -= 1
        if self.open_search_pages == 0:
            self.listing_complete = not self.listing_gaps

    # --------------------------------------------------------------------------- details

    def parse_details(self, response):
        try:
            details = json.loads(response.text)
        except (ValueError, RecursionError):
            details = None
        yield self.ba_posting(response.meta["search_item"], details if isinstance(details, dict) else None)

    def details_failed(self, failure):
        # Ads vanish quickly (404); the search item alone still makes a posting.
        self.crawler.stats.inc_value("jobcrawl/arbeitsagentur/details_missing")
        yield self.ba_posting(failure.request.meta["search_item"], None)

    def ba_posting(self, search_item: dict[str, Any], details: dict[str, Any] | None):
        fields = posting_fields_from_ba(search_item, details, datetime.now(timezone.utc))
        url = fields.pop("url")
        return self.posting(url, raw_page=archived_answers(search_item, details), raw_content_type="application/json",
                            **fields)

    @classmethod
    def fields_from_archive(cls, body: bytes, url: str, content_type: str | None, crawled_at: datetime):
        """Known fields of an archived search item + details (for ``jobcrawl reparse``), or ``None``."""
        try:
            answers = json.loads(body)
        except ValueError:
            return None
        if not isinstance(answers, dict) or not isinstance(answers.get("search"), dict):
            return None
        fields = posting_fields_from_ba(answers["search"], answers.get("details"), crawled_at)
        fields.pop("url", None)
        return fields if fields.get("title_raw") else None
