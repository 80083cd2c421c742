"""Greenhouse job boards: ``GET /v1/boards/{token}/jobs?content=true`` on the Job Board API.

One answer holds the whole board (no paging): ``{"jobs": [...], "meta": {"total": N}}``. Each job's
``content`` is entity-escaped HTML (``&lt;p&gt;``) and is unescaped exactly once, so a double-escaped
``&amp;nbsp;`` becomes the entity ``&nbsp;`` that the HTML parser reads as a space. Work mode and
employment type come from the board's custom ``metadata`` fields when the employer set them
("Workplace Type", "Employment Type"), else from the location text; the employment values are the
employer's own words ("Regular", "Full-time", "Intern", "Contract"), read through
:data:`EMPLOYMENT_TYPES`. Place texts are cleaned of what is not a place: an arrangement label in
parentheses ("Remote-India (PEO)": employed through a PEO/EOR) and a work mode glued to the place
with a hyphen ("Remote-India" is read as "Remote - India"). An office whose ``location`` is null is
read by its ``name``. ``education``, ``data_compliance`` and the AI-disclaimer fields describe the
application form, not the job, and are not read. The list has no pay (only the
single-job endpoint has ``pay_input_ranges``), so salary is left to the text parser.
An unknown board answers 404 ``{"status":404,"error":"Job not found"}``.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

from crawler.sources.ats_fields import (
    date_fields,
    date_value,
    joined_places,
    mapping,
    objects,
    terms_from_vocabulary,
    text_place,
    text_value,
    workplace_from_value,
)
from crawler.bases.json_api import JsonApiSpider, SourceFormatError

_WORKPLACE_FIELD = re.compile(r"workplace|work\s*(?:place|mode|model|location)|remote|location\s*type|arbeitsmodell", re.I)
_EMPLOYMENT_FIELD = re.compile(r"employment|job\s*type|contract|anstellung|beschäftigung|vertrag", re.I)
# The employers' own words in an "Employment Type" custom field (keys as vocabulary_key writes them)
# -> (employment_type, contract_type). "Regular" is Greenhouse's default for a regular, permanent
# employee (as opposed to intern, contract or temporary staff); it says nothing about the hours.
EMPLOYMENT_TYPES: dict[str, tuple[str | None, str | None]] = {
    "regular": (None, "permanent"), "permanent": (None, "permanent"), "full time": ("full_time", None),
    "part time": ("part_time", None), "regular full time": ("full_time", "permanent"),
    "full time regular": ("full_time", "permanent"), "regular part time": ("part_time", "permanent"),
    "part time regular": ("part_time", "permanent"), "full time permanent": ("full_time", "permanent"),
    "intern": (None, "internship"), "internship": (None, "internship"), "co op": (None, "internship"),
    "contract": (None, "freelance"), "contractor": (None, "freelance"), "contingent": (None, "freelance"),
    "freelance": (None, "freelance"), "temporary": (None, "fixed_term"), "temp": (None, "fixed_term"),
    "fixed term": (None, "fixed_term"), "seasonal": (None, "fixed_term"),
    "working student": (None, "working_student"), "werkstudent": (None, "working_student"),
    "apprentice": (None, "apprenticeship"), "apprenticeship": (None, "apprenticeship"),
}
# "(PEO)", "(EOR)": how the hire is employed, not where.
_ARRANGEMENT_LABEL = re.compile(r"\s*\((?:[A-Z]{2,5})\)\s*$")
# "Remote-India", but not the compound modifiers "Remote-Friendly", "Remote-First", "Hybrid-Optional".
_GLUED_WORK_MODE = re.compile(
    r"^(remote|hybrid|on-?site)\s*-\s*(?!(?:friendly|first|only|optional|eligible|ok|possible|based)\b)(?=\S)",
    re.I)


def _metadata_values(job: dict[str, Any], name_pattern: re.Pattern[str]) -> list[str]:
    """The values of the first filled custom field whose name matches (a multi-select has several)."""
    for field in objects(job.get("metadata")):
        name = text_value(field.get("name"))
        if not name or not name_pattern.search(name):
            continue
        value = field.get("value")
        values = [text for text in (text_value(item) for item in (value if isinstance(value, list) else [value]))
                  if text]
        if values:
            return values
    return []


def _metadata_value(job: dict[str, Any], name_pattern: re.Pattern[str]) -> str | None:
    """The first filled custom field whose name matches; multi-selects are joined with commas."""
    return ", ".join(_metadata_values(job, name_pattern)) or None


def place_text(value: Any) -> str | None:
    """A Greenhouse place text without what is not a place: "Remote-India (PEO)" -> "Remote - India"."""
    text = text_value(value)
    if not text:
        return None
    text = _ARRANGEMENT_LABEL.sub("", text)
    return _GLUED_WORK_MODE.sub(lambda match: f"{match.group(1)} - ", text).strip() or None


def _office_place(office: dict[str, Any]) -> str | None:
    return place_text(office.get("location")) or place_text(office.get("name"))


def posting_fields_from_greenhouse(job: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Posting fields (with ``url``) of one job of Greenhouse's ``/jobs?content=true`` list."""
    location_name = place_text(mapping(job.get("location")).get("name"))
    offices = joined_places(_office_place(office) for office in objects(job.get("offices")))
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
        "workplace_type": (workplace_from_value(workplace_text) or workplace_from_value(location_name)
                           or (None if location_name else workplace_from_value(offices))),
        **terms_from_vocabulary(EMPLOYMENT_TYPES, *_metadata_values(job, _EMPLOYMENT_FIELD)),
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
