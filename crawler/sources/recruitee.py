"""Recruitee careers sites: ``GET /api/offers/`` on ``{company}.recruitee.com`` (or the company's own
careers domain, via ``-a base_url=``).

One answer holds every offer (no paging): ``{"offers": [...]}``. The ad is ``description`` plus
``requirements`` (HTML; also under ``translations.{lang}``); the careers page shows the requirements
under a heading of its own, which is added here in the offer's language so the section parser finds
it, unless the block opens with a heading of its own (employers put the role, the package or the
hiring process there, each under its heading). ``translations`` repeat the texts per language: they
are read only when the offer's own texts are empty, never added to them. ``published_at`` reads ``"2026-10-05 16:05:18 UTC"``; ``salary`` is
``{"min", "max", "period", "currency"}``, often all null, figures sometimes strings;
``remote``/``hybrid``/``on_site`` are booleans; ``employment_type_code`` is e.g.
``fulltime_permanent``. Offers whose ``status`` is not ``published`` are skipped. Offers also carry
a ``mailbox_email``, never read. An unknown company answers 404 ``{"error":"Not Found"}``.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from crawler.sources.ats_fields import (
    date_fields,
    date_value,
    has_place,
    joined_places,
    mapping,
    objects,
    place_fields,
    salary_fields,
    sections_html,
    terms_fields,
    text_place,
    text_value,
    workplace_from_flags,
)
from crawler.bases.json_api import JsonApiSpider, SourceFormatError
from crawler.parsing.stated_terms import contract_type_of_title

# The careers page's own label of the requirements block (not part of the API answer).
_REQUIREMENTS_HEADINGS = {"de": "Anforderungen", "en": "Job requirements"}
# A block that opens (after empty paragraphs and line breaks) with a heading of its own: "<h4>Your
# role</h4>", "<p><strong>Hiring process</strong></p>". Employers use the requirements field for
# whatever follows the description (the role, the profile, the package, the hiring process), each
# part under its own heading; the section parser then files each part by that heading.
_STARTS_WITH_HEADING = re.compile(
    r"^(?:\s|<br\s*/?>|<p\b[^>]*>(?:\s|&nbsp;|<br\s*/?>)*</p>)*<(?:h[1-6]\b|p\b[^>]*>\s*<(?:strong|b)\b)", re.I)


def _language(offer: dict[str, Any]) -> str | None:
    """The offer's language: the one translation it has, or the stated primary language."""
    for key in ("primary_lang_code", "lang_code"):
        code = text_value(offer.get(key))
        if code:
            return code.lower()[:2]
    translations = mapping(offer.get("translations"))
    return next(iter(translations)).lower()[:2] if len(translations) == 1 else None


def _texts(offer: dict[str, Any]) -> tuple[str | None, str | None]:
    description, requirements = text_value(offer.get("description")), text_value(offer.get("requirements"))
    if description or requirements:
        return description, requirements
    for translation in mapping(offer.get("translations")).values():
        translation = mapping(translation)
        if text_value(translation.get("description")) or text_value(translation.get("requirements")):
            return text_value(translation.get("description")), text_value(translation.get("requirements"))
    return None, None


def _description(offer: dict[str, Any]) -> str | None:
    description, requirements = _texts(offer)
    heading = None
    if requirements and not _STARTS_WITH_HEADING.match(requirements):
        heading = _REQUIREMENTS_HEADINGS.get(_language(offer) or "en", _REQUIREMENTS_HEADINGS["en"])
    return sections_html([(None, description), (heading, requirements)])


def _place(offer: dict[str, Any]) -> dict[str, Any]:
    locations = objects(offer.get("locations"))
    first = locations[0] if locations else offer
    place = place_fields(
        first.get("city"), first.get("state") or first.get("state_name") or first.get("region"),
        first.get("postal_code") or first.get("zip"), first.get("country_code") or first.get("country"))
    if not has_place(place):
        place = text_place(offer.get("location"))
    if len(locations) > 1:
        place["location_raw"] = joined_places(
            ", ".join(filter(None, (text_value(loc.get("city")), text_value(loc.get("country"))))) for loc in locations)
    else:
        place["location_raw"] = text_value(offer.get("location")) or place["location_raw"]
    return place


# Contracts a title names more precisely than the code menu's "permanent".
_TRAINING_CONTRACTS = {"internship", "apprenticeship", "working_student"}


def _terms(offer: dict[str, Any]) -> dict[str, Any]:
    """``employment_type`` and ``contract_type`` from ``employment_type_code``, a menu that pairs hours
    with a contract ("fulltime_permanent" is the one most employers leave): a title that names a
    training contract ("Copywriting Intern" coded "fulltime_permanent") states the contract."""
    terms = terms_fields(offer.get("employment_type_code"))
    named = contract_type_of_title(text_value(offer.get("title")))
    if named in _TRAINING_CONTRACTS and terms["contract_type"] in (None, "permanent"):
        terms["contract_type"] = named
    return terms


def posting_fields_from_recruitee(offer: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Posting fields (with ``url``) of one offer of Recruitee's ``/api/offers/``."""
    salary = mapping(offer.get("salary"))
    return {
        "url": text_value(offer.get("careers_url")),
        "apply_url": text_value(offer.get("careers_apply_url")),
        "source_id": text_value(offer.get("id")),
        "title_raw": text_value(offer.get("title")),
        "description": _description(offer),
        "company": text_value(offer.get("company_name")),
        **_place(offer),
        "workplace_type": workplace_from_flags(remote=offer.get("remote"), hybrid=offer.get("hybrid"),
                                               onsite=offer.get("on_site")),
        **_terms(offer),
        **salary_fields(salary.get("min"), salary.get("max"), salary.get("currency"), salary.get("period")),
        **date_fields(offer.get("published_at"), now),
        "valid_through": date_value(offer.get("close_at"), now),
    }


class RecruiteeOffersSpider(JsonApiSpider):
    """Base of the Recruitee spider: all published offers of one careers site."""


    def listing_url(self, page: int) -> str:
        return f"{self.base_url}/api/offers/"

    def jobs_from_payload(self, payload: Any) -> list[Any]:
        if not isinstance(payload, dict) or not isinstance(payload.get("offers"), list):
            raise SourceFormatError('expected an object with an "offers" list')
        return payload["offers"]

    def skip_reason(self, job: dict[str, Any]) -> str | None:
        status = text_value(job.get("status"))
        return "unpublished" if status and status != "published" else None

    def posting_fields(self, job: dict[str, Any], now: datetime) -> dict[str, Any]:
        return posting_fields_from_recruitee(job, now)
