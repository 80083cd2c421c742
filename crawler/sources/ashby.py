"""Ashby job boards: ``GET /posting-api/job-board/{board}?includeCompensation=true``.

One answer holds the whole board (no paging): ``{"apiVersion": "1", "jobs": [...]}``. Jobs with
``isListed: false`` are hidden from the board and are skipped (``jobcrawl/skipped/unlisted``). Each job
has ``descriptionHtml``, ``workplaceType`` (``OnSite``, ``Hybrid``, ``Remote``; ``isRemote`` is looser
and is not used), ``employmentType`` (``FullTime``, ``PartTime``, ``Intern``, ``Contract``,
``Temporary``), ``address.postalAddress`` of the primary location, ``secondaryLocations`` and
``publishedAt`` (ISO with offset). Pay comes from ``compensation.summaryComponents`` (the salary
component: ``interval`` "1 YEAR", ``currencyCode``, ``minValue``, ``maxValue``), and only when the
employer shows it (``shouldDisplayCompensationOnJobPostings`` is not false); components of other kinds
(equity with ``interval: "NONE"`` and ``currencyCode: null``, bonus) are no salary. Empty-string address
parts are absent parts. An unknown board answers 404.

The jobs name no employer, but a board is one employer's. ``company`` is, in this order: the
organisation the answer names (``organizationName`` or ``organization.name`` at the top level, when
present), ``-a company_name=``, else the board's name (``-a board=``) as the ad spells it ("linear" ->
"Linear" when the ad says "At Linear, …"), or the board name as given when the ad never writes it.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from crawler.sources.ats_fields import (
    date_fields,
    joined_places,
    mapping,
    objects,
    place_fields,
    salary_fields,
    text_place,
    text_value,
    workplace_from_value,
)
from crawler.bases.json_api import JsonApiSpider, SourceFormatError

_WORKPLACE_TYPES = {"onsite": "onsite", "hybrid": "hybrid", "remote": "remote"}
# "Contract" is a contractor engagement: Ashby has "Temporary" for fixed-term employees.
_EMPLOYMENT_TYPES = {
    "fulltime": ("full_time", None), "parttime": ("part_time", None), "intern": (None, "internship"),
    "contract": (None, "freelance"), "temporary": (None, "fixed_term"),
}


def _salary(job: dict[str, Any]) -> dict[str, Any]:
    if job.get("shouldDisplayCompensationOnJobPostings") is False:
        return {}
    compensation = mapping(job.get("compensation"))
    components = objects(compensation.get("summaryComponents"))
    tiers = objects(compensation.get("compensationTiers"))
    if not components and len(tiers) == 1:
        components = objects(tiers[0].get("components"))
    # Only a salary component with a currency is pay: equity components come with interval "NONE"
    # and no currency, and a figure without a currency is no salary anyone can compare.
    salary = next((c for c in components if text_value(c.get("compensationType")) == "Salary"
                   and text_value(c.get("currencyCode"))), None)
    if salary is None:
        return {}
    raw = text_value(compensation.get("scrapeableCompensationSalarySummary")) \
        or text_value(compensation.get("compensationTierSummary"))
    return salary_fields(salary.get("minValue"), salary.get("maxValue"), salary.get("currencyCode"),
                         salary.get("interval"), raw=raw)


def _secondary_name(location: Any) -> str | None:
    return text_value(location.get("location")) if isinstance(location, dict) else text_value(location)


def board_company(board: str | None, job: dict[str, Any]) -> str | None:
    """The employer named by the board: the board name as the ad writes it, else as given."""
    board = (board or "").strip()
    if not board:
        return None
    words = [word for word in re.split(r"[-_\s]+", board) if word]
    pattern = re.compile(r"(?<![\w-])" + r"[\s-]?".join(map(re.escape, words)) + r"(?![\w-])", re.I)
    for text in (job.get("title"), job.get("descriptionPlain"), job.get("descriptionHtml")):
        found = pattern.search(text) if isinstance(text, str) else None
        if found:
            return found.group(0)
    return board


def organisation_name(payload: Any) -> str | None:
    """The organisation a job-board answer names, if it names one."""
    if not isinstance(payload, dict):
        return None
    return text_value(payload.get("organizationName")) or text_value(mapping(payload.get("organization")).get("name"))


def posting_fields_from_ashby(job: dict[str, Any], now: datetime, *, company: str | None = None,
                              board: str | None = None) -> dict[str, Any]:
    """Posting fields (with ``url``) of one listed job of Ashby's job-board API.

    ``company`` is the employer when known (the organisation the answer names, or ``-a
    company_name=``); else ``board`` (the board's name) gives it, see :func:`board_company`.
    """
    location_text = text_value(job.get("location"))
    address = mapping(mapping(job.get("address")).get("postalAddress"))
    secondary = job.get("secondaryLocations") if isinstance(job.get("secondaryLocations"), list) else []
    texts = joined_places([location_text, *map(_secondary_name, secondary)])
    place = place_fields(address.get("addressLocality"), address.get("addressRegion"), None,
                         address.get("addressCountry"), raw=texts)
    if not (place["city"] or place["country"]):  # no address: the parser reads the location texts
        place = text_place(texts)
    employment, contract = _EMPLOYMENT_TYPES.get((text_value(job.get("employmentType")) or "").lower(), (None, None))
    workplace = _WORKPLACE_TYPES.get((text_value(job.get("workplaceType")) or "").lower().replace("-", ""))
    return {
        "url": text_value(job.get("jobUrl")),
        "apply_url": text_value(job.get("applyUrl")),
        "source_id": text_value(job.get("id")),
        "title_raw": text_value(job.get("title")),
        "description": text_value(job.get("descriptionHtml")) or text_value(job.get("descriptionPlain")),
        "company": text_value(company) or board_company(board, job),
        **place,
        "workplace_type": workplace or workplace_from_value(location_text),
        "employment_type": employment,
        "contract_type": contract,
        **_salary(job),
        **date_fields(job.get("publishedAt"), now),
    }


class AshbyJobBoardSpider(JsonApiSpider):
    """Base of the Ashby spider: one job board with compensation, unlisted jobs left out."""

    organisation: str | None = None

    def listing_url(self, page: int) -> str:
        return f"{self.base_url}/posting-api/job-board/{self.quoted_source_name()}?includeCompensation=true"

    def jobs_from_payload(self, payload: Any) -> list[Any]:
        if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
            raise SourceFormatError('expected an object with a "jobs" list')
        self.organisation = organisation_name(payload)
        return payload["jobs"]

    def skip_reason(self, job: dict[str, Any]) -> str | None:
        return "unlisted" if job.get("isListed") is False else None

    def posting_fields(self, job: dict[str, Any], now: datetime) -> dict[str, Any]:
        return posting_fields_from_ashby(job, now, company=self.organisation or self.company_name,
                                         board=self.source_name)
