"""Workable accounts: the careers widget's ``GET /api/v1/widget/accounts/{account}?details=true``.

The widget endpoint is undocumented but is what Workable's own embeddable job list reads (the legacy
``www.workable.com/api/accounts/{account}`` redirects to it). One answer holds every published job:
``{"name": <account name>, "description": <company blurb>, "jobs": [...]}``; ``details=true`` adds
each job's HTML ``description``. ``published_on`` is a plain ``YYYY-MM-DD``; ``telecommuting`` is true
for remote jobs (false says nothing about on-site or hybrid); ``shortcode`` is the job's id. There is
no pay. An unknown account answers 404 with the plain text ``Not Found``.

A job offered in several places is listed once per place, each time with the same ``shortcode`` (one
job, one ad page). jobcrawl keeps one posting per shortcode, since it is one ad with one URL: its
``city``/``region``/``country`` are the first place's, and ``location_raw`` names every place in the
order listed ("Auckland, New Zealand; Christchurch, New Zealand"), so no place is lost.
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from crawler.sources.ats_fields import (
    date_fields,
    has_place,
    joined_places,
    objects,
    place_fields,
    sections_html,
    terms_fields,
    text_value,
    workplace_from_flags,
)
from crawler.bases.json_api import JsonApiSpider, SourceFormatError


def _own_locations(job: dict[str, Any]) -> list[dict[str, Any]]:
    """A listed job's places: its ``locations``, else its top-level city/state/country as one."""
    locations = objects(job.get("locations"))
    if locations:
        return locations
    place = {key: job.get(source) for key, source in (("city", "city"), ("region", "state"), ("country", "country"))}
    return [place] if any(text_value(value) for value in place.values()) else []


def merged_listings(jobs: list[Any]) -> list[Any]:
    """The jobs with each shortcode once: a job listed again for another place keeps all its places
    in ``locations`` (first listing first); jobs without a shortcode and non-objects pass as they are."""
    merged: list[Any] = []
    by_shortcode: dict[str, dict[str, Any]] = {}
    for job in jobs:
        shortcode = text_value(job.get("shortcode")) if isinstance(job, dict) else None
        if not shortcode:
            merged.append(job)
            continue
        kept = by_shortcode.get(shortcode)
        if kept is None:
            kept = by_shortcode[shortcode] = copy.copy(job)
            kept["locations"] = list(_own_locations(job))
            merged.append(kept)
            continue
        for location in _own_locations(job):
            if location not in kept["locations"]:
                kept["locations"].append(location)
    return merged


def _place_label(location: dict[str, Any]) -> str | None:
    return ", ".join(filter(None, (text_value(location.get("city")), text_value(location.get("region"))
                                   if not text_value(location.get("city")) else None,
                                   text_value(location.get("country"))))) or None


def _place(job: dict[str, Any]) -> dict[str, Any]:
    visible = [location for location in objects(job.get("locations")) if location.get("hidden") is not True]
    for location in visible:
        place = place_fields(location.get("city"), location.get("region"), None,
                             location.get("countryCode") or location.get("country"))
        if has_place(place):
            break
    else:
        place = place_fields(job.get("city"), job.get("state"), None, job.get("country"))
    if len(visible) > 1:
        place["location_raw"] = joined_places(_place_label(location) for location in visible)
    return place


def posting_fields_from_workable(job: dict[str, Any], now: datetime, *, company: str | None = None
                                 ) -> dict[str, Any]:
    """Posting fields (with ``url``) of one job of Workable's widget API; ``company`` is the
    account's ``name``, which the jobs themselves do not repeat."""
    shortcode = text_value(job.get("shortcode"))
    url = text_value(job.get("url")) or text_value(job.get("shortlink"))
    if not url and shortcode:
        url = f"https://apply.workable.com/j/{shortcode}"
    return {
        "url": url,
        "apply_url": text_value(job.get("application_url")),
        "source_id": shortcode,
        "requisition_id": text_value(job.get("code")),
        "title_raw": text_value(job.get("title")),
        "description": sections_html([(None, job.get("description")), ("Requirements", job.get("requirements")),
                                      ("Benefits", job.get("benefits"))]),
        "company": text_value(company),
        **_place(job),
        "workplace_type": workplace_from_flags(remote=job.get("telecommuting")),
        **terms_fields(job.get("employment_type")),
        **date_fields(job.get("published_on") or job.get("created_at"), now),
    }


class WorkableWidgetSpider(JsonApiSpider):
    """Base of the Workable spider: every published job of one account, with its description."""


    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.account_name: str | None = None

    def listing_url(self, page: int) -> str:
        return f"{self.base_url}/api/v1/widget/accounts/{self.quoted_source_name()}?details=true"

    def jobs_from_payload(self, payload: Any) -> list[Any]:
        if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
            raise SourceFormatError('expected an object with a "jobs" list')
        self.account_name = text_value(payload.get("name"))
        return merged_listings(payload["jobs"])

    def posting_fields(self, job: dict[str, Any], now: datetime) -> dict[str, Any]:
        return posting_fields_from_workable(job, now, company=self.account_name)
