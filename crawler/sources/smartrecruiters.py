"""SmartRecruiters companies: the Posting API's list and one detail request per posting.

List: ``GET /v1/companies/{id}/postings?limit=100&offset=N`` -> ``{"offset", "limit", "totalFound",
"content": [...]}``, paged until ``offset + len(content) >= totalFound`` (``limit`` is capped at 100).
The list has no text, so each posting's detail ``GET /v1/companies/{id}/postings/{postingId}`` is
fetched for ``jobAd.sections.{companyDescription, jobDescription, qualifications,
additionalInformation}.{title, text}``, ``postingUrl`` and ``applyUrl``.

Quirks: an unknown company answers **200** with ``totalFound: 0`` (indistinguishable from a company
without public postings; the identifier is case-sensitive), so that run ends degraded with zero items,
not failed. ``location.country`` is lower-case; ``location.remote``/``location.hybrid`` are booleans.
The detail names the recruiter in ``creator.name``: it is dropped before anything is stored.
A detail that answers 404 means the posting closed meanwhile (counted, not an error).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from urllib.parse import quote

from crawler.sources.ats_fields import (
    date_fields,
    heading_text,
    list_items,
    place_fields,
    mapping,
    sections_html,
    terms_fields,
    text_value,
    workplace_from_flags,
)
from crawler.bases.json_api import NOT_FOUND_STATUSES, JsonApiSpider, SourceFormatError
from crawler.parsing.content_cues import cue_scores
from crawler.parsing.headings import heading_kind

SMARTRECRUITERS_PAGE_SIZE = 100  # the API's maximum
_SECTION_ORDER = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")
# Personal data of the company's staff: never stored, not even in a rejection's payload.
_PERSONAL_KEYS = ("creator",)


def _workplace(location: dict[str, Any]) -> str | None:
    remote, hybrid = location.get("remote"), location.get("hybrid")
    # The posting form offers exactly on-site, hybrid or remote, so two explicit "false" flags
    # mean on-site; an older posting without the hybrid flag says nothing when it is not remote.
    onsite = remote is False and hybrid is False
    return workplace_from_flags(remote=remote, hybrid=hybrid, onsite=onsite)


def _description(job: dict[str, Any]) -> str | None:
    sections = mapping(mapping(job.get("jobAd")).get("sections"))
    ordered = [key for key in _SECTION_ORDER if key in sections] + [key for key in sections if key not in _SECTION_ORDER]
    return sections_html((heading_text(mapping(sections[key]).get("title")), text_value(mapping(sections[key]).get("text")))
                         for key in ordered)


_MIN_BENEFIT_ITEMS = 2


def _offered_benefits(job: dict[str, Any]) -> list[str]:
    """The items of the "Additional Information" part when they read as benefits, else none.

    The posting form has four fixed parts; the last is a catch-all that employers fill with what
    they offer, an equal-opportunity statement or notes on applying, under the form's own title,
    which says nothing about which. Tasks and profile have parts of their own, so here the list is
    benefits when benefit cues (the parser's content cues) are the most frequent kind among its
    items and at least two items carry them. A part the employer retitled to a heading that
    already says what it holds ("What we offer", "Your profile") is left to the parser.
    """
    part = mapping(mapping(mapping(job.get("jobAd")).get("sections")).get("additionalInformation"))
    title = heading_text(part.get("title"))
    if title and heading_kind(title) not in (None, "other"):
        return []
    items = list_items(part.get("text"))
    scores = cue_scores(items)
    others = max(score for kind, score in scores.items() if kind != "benefits")
    return items if scores["benefits"] >= _MIN_BENEFIT_ITEMS and scores["benefits"] > others else []


def posting_fields_from_smartrecruiters(job: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Posting fields (with ``url``) of one SmartRecruiters posting (list item merged with its detail)."""
    location = mapping(job.get("location"))
    company = mapping(job.get("company"))
    employment = mapping(job.get("typeOfEmployment"))
    posting_id = text_value(job.get("id"))
    url = text_value(job.get("postingUrl"))
    if not url and posting_id and text_value(company.get("identifier")):
        url = f"https://jobs.smartrecruiters.com/{company['identifier'].strip()}/{posting_id}"
    fields = {
        "url": url,
        "apply_url": text_value(job.get("applyUrl")),
        "source_id": posting_id,
        "requisition_id": text_value(job.get("refNumber")),
        "title_raw": text_value(job.get("name")),
        "description": _description(job),
        "company": text_value(company.get("name")),
        **place_fields(location.get("city"), location.get("region"), location.get("postalCode"),
                       location.get("country"), raw=location.get("fullLocation")),
        "workplace_type": _workplace(location),
        **terms_fields(employment.get("label"), employment.get("id")),
        **date_fields(job.get("releasedDate"), now),
    }
    if benefits := _offered_benefits(job):
        fields["benefits"] = benefits
    return fields


class SmartrecruitersPostingsSpider(JsonApiSpider):
    """Base of the SmartRecruiters spider: a company's postings, each with its detail."""

    page_size = SMARTRECRUITERS_PAGE_SIZE

    def listing_url(self, page: int) -> str:
        return (f"{self.base_url}/v1/companies/{self.quoted_source_name()}/postings"
                f"?limit={self.page_size}&offset={page * self.page_size}")

    def detail_url(self, posting_id: str) -> str:
        return f"{self.base_url}/v1/companies/{self.quoted_source_name()}/postings/{quote(posting_id, safe='')}"

    def jobs_from_payload(self, payload: Any) -> list[Any]:
        if (not isinstance(payload, dict) or not isinstance(payload.get("content"), list)
                or not isinstance(payload.get("totalFound"), int)):
            raise SourceFormatError('expected an object with "totalFound" and a "content" list')
        if payload["totalFound"] == 0:
            self.logger.warning("%s: no postings; SmartRecruiters gives the same answer for an unknown "
                                "(or wrongly capitalised) company identifier", self.source_label)
        return payload["content"]

    def next_page_url(self, payload: Any, jobs: list[Any], page: int) -> str | None:
        offset = payload.get("offset") if isinstance(payload.get("offset"), int) else page * self.page_size
        if jobs and offset + len(jobs) < payload["totalFound"]:
            return self.listing_url(page + 1)
        return None

    def handle_job(self, job: Any, response):
        posting_id = text_value(job.get("id")) if isinstance(job, dict) else None
        if not posting_id:
            yield from super().handle_job(job, response)  # rejected there: not an object, or no id and URL
            return
        yield self.json_request(self.detail_url(posting_id), self.parse_detail,
                                cb_kwargs={"listed": job, "listing_url": response.url})

    def parse_detail(self, response, listed: dict[str, Any], listing_url: str):
        """Merge a posting's detail into its list entry and yield the posting."""
        if response.status in NOT_FOUND_STATUSES:
            self.crawler.stats.inc_value("jobcrawl/skipped/closed_before_detail")
            return
        detail = self.decode_detail(response)
        if detail is None:
            return
        job = {key: value for key, value in {**listed, **detail}.items() if key not in _PERSONAL_KEYS}
        if job.get("active") is False:
            self.crawler.stats.inc_value("jobcrawl/skipped/inactive")
            return
        yield self.item_from_job(job, listing_url)

    def decode_detail(self, response) -> dict[str, Any] | None:
        """A detail's JSON object; anything else makes the listing incomplete (not the run failed)."""
        try:
            detail = json.loads(response.body)
        except (ValueError, UnicodeDecodeError, RecursionError):
            detail = None
        if not isinstance(detail, dict):
            self.mark_incomplete(f"a posting detail is not a JSON object ({response.url})")
            return None
        return detail

    def posting_fields(self, job: dict[str, Any], now: datetime) -> dict[str, Any]:
        return posting_fields_from_smartrecruiters(job, now)
