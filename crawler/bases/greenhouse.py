"""Greenhouse job boards: ``GET /v1/boards/{token}/jobs?content=true`` on the Job Board API.

One answer holds the whole board (no paging): ``{"jobs": [...], "meta": {"total": N}}``. Each job's
``content`` is entity-escaped HTML (``&lt;p&gt;``) and is unescaped exactly once, so a double-escaped
``&amp;nbsp;`` becomes the entity ``&nbsp;`` that the HTML parser reads as a space. Work mode and
employment type come from the board's custom ``metadata`` fields when the employer set them
("Workplace Type", "Employment Type"), else from the location text. The list has no pay (only the
single-job endpoint has ``pay_input_ranges``), so salary is left to the text parser.
An unknown board answers 404 ``{"status":404,"error":"Job not found"}``.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

from crawler.bases.ats_fields import (
    date_fields,
    date_value,
    joined_places,
    mapping,
    objects,
    terms_fields,
    text_place,
    text_value,
    workplace_from_value,
)
from crawler.bases.json_api import JsonApiSpider, SourceFormatError

_WORKPLACE_FIELD = re.compile(r"workplace|work\s*(?:place|mode|model|location)|remote|location\s*type|arbeitsmodell", re.I)
_EMPLOYMENT_FIELD = re.compile(r"employment|job\s*type|contract|anstellung|beschäftigung|vertrag", re.I)


def _metadata_value(job: dict[str, Any], name_pattern: re.Pattern[str]) -> str | None:
    """The first filled custom field whose name matches; multi-selects are joined with commas."""
    for field in objects(job.get("metadata")):
        name = text_value(field.get("name"))
        if not name or not name_pattern.search(name):
            continue
        value = field.get("value")
        values = value if isinstance(value, list) else [value]
        text = ", ".join(filter(None, (text_value(item) for item in values)))
        if text:
            return text
    return None


def posting_fields_from_greenhouse(job: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Posting fields (with ``url``) of one job of Greenhouse's ``/jobs?content=true`` list."""
    location_name = text_value(mapping(job.get("location")).get("name"))
    offices = joined_places(office.get("location") or office.get("name") for office in objects(job.get("offices")))
    place = text_place(location_name or offices)
    content = text_value(job.get("content"))
    workplace_text = _metadata_value(job, _WORKPLACE_FIELD)
    return {
        "url": text_value(job.get("absolute_url")),
        "source_id": text_value(job.get("id")),
        "requisition_id": text_value(job.get("requisition_id")),
        "title_raw": text_value(job.get("title")),
        "description": html.unescape(content) if content else None,
        "company": text_value(job.get("company_name")),
        **place,
        "workplace_type": workplace_from_value(workplace_text) or workplace_from_value(location_name),
        **terms_fields(_metadata_value(job, _EMPLOYMENT_FIELD)),
        **date_fields(job.get("first_published"), now),
        "valid_through": date_value(job.get("application_deadline"), now),
    }


class GreenhouseBoardSpider(JsonApiSpider):
    """Base of the Greenhouse spider: one board, read from the public Job Board API."""

    def listing_url(self, page: int) -> str:
        return f"{self.base_url}/v1/boards/{self.quoted_source_name()}/jobs?content=true"

    def jobs_from_payload(self, payload: Any) -> list[Any]:
        if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
            raise SourceFormatError('expected an object with a "jobs" list')
        return payload["jobs"]

    def posting_fields(self, job: dict[str, Any], now: datetime) -> dict[str, Any]:
        return posting_fields_from_greenhouse(job, now)
