"""JSON-LD ``JobPosting`` blocks in the shapes real pages use (SOURCES.md §1.3)."""

from __future__ import annotations

import json
from datetime import timedelta
from html import escape
from typing import Any

from crawler.sample_board.ad_body import description_html, description_text
from crawler.sample_board.model import Ad, Place
from crawler.sample_board.page_layout import BOARD_NAME
from crawler.sample_board.places import COUNTRY_NAMES

_PERIOD_UNITS = {"hour": "HOUR", "day": "DAY", "week": "WEEK", "month": "MONTH", "year": "YEAR"}
_EMPLOYMENT_TYPES = {"full_time": ["FULL_TIME"], "part_time": ["PART_TIME"], "full_or_part": ["FULL_TIME", "PART_TIME"]}
_BOARD_URL = "https://www.jobhafen.example"


def _context(ad: Ad) -> str:
    if "context_http" in ad.spec.variants:
        return "http://schema.org"
    if "context_slash" in ad.spec.variants:
        return "https://schema.org/"
    return "https://schema.org"


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else value


def _date_time(ad: Ad) -> str:
    if "date_z" in ad.spec.variants:
        return f"{ad.date_posted.isoformat()}T08:30:00.000Z"
    if "date_offset" in ad.spec.variants:
        return f"{ad.date_posted.isoformat()}T09:15:00+01:00"
    return ad.date_posted.isoformat()


def _address(ad: Ad, place: Place) -> dict[str, Any] | str:
    locality = place.english_name if ad.spec.english_place or "locality_english" in ad.spec.variants else place.name
    if "address_string" in ad.spec.variants:
        return f"{locality}, {COUNTRY_NAMES[ad.lang][place.country]}"
    country: Any = place.country
    if "country_object" in ad.spec.variants:
        country = {"@type": "Country", "name": place.country}
    elif "country_name" in ad.spec.variants:
        country = COUNTRY_NAMES["de"][place.country]
    return {
        "@type": "PostalAddress",
        "streetAddress": place.street,
        "addressLocality": locality,
        "postalCode": place.postal_code,
        "addressRegion": place.region,
        "addressCountry": country,
    }


def _organization(ad: Ad) -> dict[str, Any]:
    same_as: Any = ad.website
    if "same_as_array" in ad.spec.variants:
        handle = ad.website.split("//")[1].removeprefix("www.").split(".")[0]
        same_as = [
            ad.website,
            f"https://www.linkedin.com/company/{handle}",
            f"https://www.xing.com/pages/{handle}",
            f"https://www.instagram.com/{handle}",
        ]
    return {"@type": "Organization", "name": ad.company_shown, "sameAs": same_as, "logo": f"{ad.website}/logo.png"}


def _base_salary(ad: Ad) -> dict[str, Any] | None:
    salary = ad.spec.salary
    if salary is None or not salary.style.startswith("jsonld_"):
        return None
    unit = _PERIOD_UNITS[salary.period]
    amount: dict[str, Any] = {"@type": "MonetaryAmount", "currency": salary.currency}
    if salary.style == "jsonld_range":
        amount["value"] = {"@type": "QuantitativeValue", "minValue": _number(salary.minimum),
                           "maxValue": _number(salary.maximum), "unitText": unit}
    elif salary.style == "jsonld_value_object":
        amount["value"] = {"@type": "QuantitativeValue", "value": _number(salary.minimum), "unitText": unit}
    else:  # jsonld_scalar_outer: unitText next to a bare number, as some plugins write it
        amount["value"] = _number(salary.minimum)
        amount["unitText"] = unit
    return amount


def _employment_type(ad: Ad) -> Any:
    variants = ad.spec.variants
    if "employment_vollzeit" in variants:
        return "Vollzeit"
    if ad.spec.contract == "internship":
        return "INTERN"
    types = _EMPLOYMENT_TYPES.get(ad.spec.employment or "", [])
    if not types:
        return None
    return types if "employment_list" in variants or len(types) > 1 else types[0]


def job_posting(ad: Ad) -> dict[str, Any]:
    """The ad's ``JobPosting`` node (without ``@context``)."""
    variants = ad.spec.variants
    if "escaped_description" in variants:
        description = escape(description_html(ad), quote=False)
    elif "text_description" in variants:
        description = description_text(ad)
    elif "raw_newlines" in variants:
        description = description_html(ad).replace("</p><", "</p>\n<").replace("</ul><", "</ul>\n<")
    else:
        description = description_html(ad)
    node: dict[str, Any] = {
        "@type": ["JobPosting"] if "type_list" in variants else "JobPosting",
        "title": ad.title_raw,
        "description": description,
        "datePosted": _date_time(ad),
    }
    if "identifier" in variants:
        node["identifier"] = {"@type": "PropertyValue", "name": ad.company_shown, "value": ad.reference}
    if "valid_through" in variants:
        node["validThrough"] = f"{(ad.date_posted + timedelta(days=60)).isoformat()}T23:59:59+01:00"
    elif "valid_through_placeholder" in variants:
        node["validThrough"] = f"{ad.date_posted.year + 10}-{ad.date_posted:%m-%d}T00:00:00+01:00"
    employment_type = _employment_type(ad)
    if employment_type:
        node["employmentType"] = employment_type
    node["hiringOrganization"] = ad.company_shown if "org_string" in variants else _organization(ad)
    if "telecommute" in variants:
        node["jobLocationType"] = "TELECOMMUTE"
        node["applicantLocationRequirements"] = {"@type": "Country", "name": "DE"}
    else:
        places = [{"@type": "Place", "address": _address(ad, place)} for place in ad.places]
        node["jobLocation"] = places if len(places) > 1 or "locations_array" in variants else places[0]
    base_salary = _base_salary(ad)
    if base_salary:
        node["baseSalary"] = base_salary
    node["directApply"] = ad.spec.markup == "graph" or "identifier" in variants
    return node


def _graph(ad: Ad, posting: dict[str, Any]) -> dict[str, Any]:
    org_id = f"{ad.website}/#organization"
    page_id = f"{_BOARD_URL}/jobs/{ad.slug}.html#webpage"
    organization = {"@id": org_id, **_organization(ad)}
    posting = {**posting, "hiringOrganization": {"@id": org_id}, "mainEntityOfPage": {"@id": page_id}}
    nodes: list[dict[str, Any]] = [
        {"@type": "WebPage", "@id": page_id, "url": f"{_BOARD_URL}/jobs/{ad.slug}.html", "name": ad.title_raw},
        organization,
    ]
    if "graph_breadcrumb" in ad.spec.variants:
        nodes.append(_breadcrumb(ad))
    nodes.append(posting)
    return {"@context": _context(ad), "@graph": nodes}


def _breadcrumb(ad: Ad) -> dict[str, Any]:
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{_BOARD_URL}/"},
            {"@type": "ListItem", "position": 2, "name": "Jobs", "item": f"{_BOARD_URL}/jobs/page-1.html"},
            {"@type": "ListItem", "position": 3, "name": ad.title_raw},
        ],
    }


def _script(payload: Any, *, indent: int | None = 2, cdata: bool = False, raw_newlines: bool = False,
            escape_slashes: bool = False) -> str:
    text = json.dumps(payload, ensure_ascii=False, indent=indent)
    if raw_newlines:
        # Raw control characters inside strings: invalid JSON that lenient parsers accept.
        text = text.replace("\\n", "\n")
    if escape_slashes:
        text = text.replace("/", "\\/")  # PHP's json_encode does this by default
    if cdata:
        text = f"//<![CDATA[\n{text}\n//]]>"
    return f'<script type="application/ld+json">\n{text}\n</script>'


def jsonld_scripts(ad: Ad) -> str:
    """The ``<script type="application/ld+json">`` blocks for an ad page's ``<head>``."""
    variants = ad.spec.variants
    posting = job_posting(ad)
    options = {
        "cdata": "cdata" in variants,
        "raw_newlines": "raw_newlines" in variants,
        "escape_slashes": "context_http" in variants,
    }
    if ad.spec.markup == "graph":
        return _script(_graph(ad, posting), indent=None, **options)
    posting = {"@context": _context(ad), **posting}
    blocks = []
    if "multi_script" in variants:
        blocks.append(_script({"@context": _context(ad), **_breadcrumb(ad)}))
        blocks.append(_script({"@context": _context(ad), "@type": "Organization", "name": f"{BOARD_NAME} GmbH",
                               "url": _BOARD_URL, "logo": f"{_BOARD_URL}/static/logo.svg"}))
    blocks.append(_script([posting] if "array" in variants else posting, **options))
    return "\n".join(blocks)
