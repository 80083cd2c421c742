"""Lever job sites: ``GET /v0/postings/{site}?mode=json&skip=N&limit=L`` on the Postings API.

The answer is a bare JSON array; there is no total, so the listing ends with the first page that
has fewer than ``limit`` postings. ``createdAt`` is epoch **milliseconds**. ``lists`` hold the ad's
bullet sections as ``{"text": heading, "content": "<li>…</li>…"}``: each becomes an ``<h3>`` heading
and a ``<ul>`` (content that already has its own list is kept). ``salaryRange`` is structured
(``{"currency", "interval": "per-year-salary", "min", "max"}``). ``categories.commitment`` is free text
the employer picks ("Full-time", "Permanent", "Contract", "Short Term", "Intern"): it is read through
:data:`COMMITMENTS`, Lever's vocabulary; a list item that is only a label ("Baseline:", "Extra
Credit:") heads the items after it and is not a bullet itself. Lever names no employer, so
``company`` comes from ``-a company_name=`` or the text. Unknown sites answer 404
``{"ok":false,"error":"Document not found"}``. EU accounts live on ``https://api.eu.lever.co``.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from crawler.sources.ats_fields import (
    as_list_html,
    epoch_milliseconds_date,
    heading_text,
    joined_places,
    mapping,
    objects,
    salary_fields,
    sections_html,
    terms_from_vocabulary,
    text_place,
    text_value,
    workplace_from_value,
)
from crawler.bases.json_api import JsonApiSpider, SourceFormatError

_WORKPLACE_TYPES = {"on-site": "onsite", "onsite": "onsite", "hybrid": "hybrid", "remote": "remote"}
LEVER_PAGE_SIZE = 100
# Lever's commitment words (keys as ats_fields.vocabulary_key writes them) -> (employment, contract).
# "Contract" on Lever is contractor work, not an employee contract; "Short Term" a fixed-term one.
COMMITMENTS: dict[str, tuple[str | None, str | None]] = {
    "full time": ("full_time", None), "fulltime": ("full_time", None), "part time": ("part_time", None),
    "permanent": (None, "permanent"), "regular": (None, "permanent"),
    "full time permanent": ("full_time", "permanent"), "permanent full time": ("full_time", "permanent"),
    "contract": (None, "freelance"), "contractor": (None, "freelance"), "freelance": (None, "freelance"),
    "full time contract": ("full_time", "freelance"), "part time contract": ("part_time", "freelance"),
    "short term": (None, "fixed_term"), "temporary": (None, "fixed_term"), "fixed term": (None, "fixed_term"),
    "seasonal": (None, "fixed_term"), "intern": (None, "internship"), "internship": (None, "internship"),
    "apprenticeship": (None, "apprenticeship"), "working student": (None, "working_student"),
}


# An HTML value that ends inside a tag ("…</li>\n<li d"): a text cut short (recordings are trimmed,
# and so is HTML that hit a length limit). Left in, the torn tag ("<li d</ul>") is parsed as a list
# item with attributes that swallows the next part's heading ("Where You'll Be" read as a bullet).
_TORN_TAG_AT_END = re.compile(r"<[^<>]*\Z")


def _html(value: Any) -> str | None:
    """An HTML value of the posting, without a tag torn off at its end."""
    text = text_value(value)
    return text_value(_TORN_TAG_AT_END.sub("", text)) if text else None


def _description(job: dict[str, Any]) -> str | None:
    body = _html(job.get("description"))
    if body is None:
        body = "\n".join(filter(None, (_html(job.get("opening")), _html(job.get("descriptionBody")))))
    parts: list[tuple[str | None, str | None]] = [(None, body)]
    for section in objects(job.get("lists")):
        content = _html(section.get("content"))
        parts.append((heading_text(section.get("text")), as_list_html(content) if content else None))
    parts.append((None, _html(job.get("additional"))))
    return sections_html(parts)


def _salary(job: dict[str, Any]) -> dict[str, Any]:
    salary = mapping(job.get("salaryRange"))
    if not salary:
        return {}
    return salary_fields(salary.get("min"), salary.get("max"), salary.get("currency"), salary.get("interval"))


def posting_fields_from_lever(job: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Posting fields (with ``url``) of one posting of Lever's ``/v0/postings/{site}`` list."""
    categories = mapping(job.get("categories"))
    location_text = text_value(categories.get("location"))
    all_locations = categories.get("allLocations") if isinstance(categories.get("allLocations"), list) else []
    place = text_place(joined_places([location_text, *all_locations]), country=job.get("country"))
    created_at = job.get("createdAt")
    workplace = _WORKPLACE_TYPES.get((text_value(job.get("workplaceType")) or "").lower())
    return {
        "url": text_value(job.get("hostedUrl")),
        "apply_url": text_value(job.get("applyUrl")),
        "source_id": text_value(job.get("id")),
        "title_raw": text_value(job.get("text")),
        "description": _description(job),
        **place,
        "workplace_type": workplace or workplace_from_value(location_text),
        **terms_from_vocabulary(COMMITMENTS, categories.get("commitment")),
        **_salary(job),
        "date_posted": epoch_milliseconds_date(created_at),
        "date_posted_raw": text_value(created_at),
    }


class LeverPostingsSpider(JsonApiSpider):
    """Base of the Lever spider: one site's postings, read page by page."""

    page_size = LEVER_PAGE_SIZE

    def listing_url(self, page: int) -> str:
        return (f"{self.base_url}/v0/postings/{self.quoted_source_name()}"
                f"?mode=json&skip={page * self.page_size}&limit={self.page_size}")

    def jobs_from_payload(self, payload: Any) -> list[Any]:
        if not isinstance(payload, list):
            raise SourceFormatError("expected a JSON array of postings")
        return payload

    def next_page_url(self, payload: Any, jobs: list[Any], page: int) -> str | None:
        return self.listing_url(page + 1) if len(jobs) >= self.page_size else None

    def posting_fields(self, job: dict[str, Any], now: datetime) -> dict[str, Any]:
        return posting_fields_from_lever(job, now)
