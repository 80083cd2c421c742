"""Map a schema.org ``JobPosting`` node (JSON-LD or uniform microdata) onto posting fields.

Only what the structured data states is returned; the text parser fills the gaps later.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime
from typing import Any

from crawler.occupations.fields import stated_occupation_fields
from crawler.parsing.dates import parse_date
from crawler.parsing.terms import contract_type_from_structured, employment_type_from_structured

_UNIT_TO_PERIOD = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}
_EDUCATION_CATEGORIES = (
    (re.compile(r"doctor|phd|postgraduate research", re.I), "phd"),
    (re.compile(r"master|postgraduate", re.I), "master"),
    (re.compile(r"bachelor", re.I), "bachelor"),
    (re.compile(r"associate|vocational|professional certificate|apprentice", re.I), "vocational"),
    (re.compile(r"degree", re.I), "degree"),
)
_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")


def _text(value: Any) -> str | None:
    """A plain string from a JSON-LD value that may be a string, a list or a named node."""
    if isinstance(value, list):
        value = next((item for item in value if item), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("value")
    if value is None or isinstance(value, (dict, list)):
        return None
    # (a name written with markup, escaped once or not: "Bio 7.0 Apotheke&lt;br/&gt;am Ku'damm")
    text = " ".join(_MARKUP_TAG.sub(" ", html.unescape(str(value))).split())
    return text or None


_MARKUP_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        cleaned = value.strip().replace(" ", "")
        if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", cleaned):
            cleaned = cleaned.replace(",", "")
        try:
            return float(cleaned)
        except ValueError:
            return None
    return None


def _date(value: Any, now: datetime) -> date | None:
    text = _text(value)
    return parse_date(text, now) if text else None


def _places(node: dict[str, Any]) -> list[tuple[dict[str, Any] | str, str | None]]:
    """(address, place name) for each ``jobLocation``."""
    places = []
    for place in _as_list(node.get("jobLocation")):
        if isinstance(place, str):
            places.append((place, None))
        elif isinstance(place, dict):
            address = place.get("address", place)
            places.append((address, _text(place.get("name"))))
    return places


def _location_fields(node: dict[str, Any]) -> dict[str, Any]:
    places = _places(node)
    fields: dict[str, Any] = {}
    raw_parts = []
    for address, _name in places:
        if isinstance(address, str):
            raw_parts.append(html.unescape(address).strip())
        elif isinstance(address, dict):
            parts = [_text(address.get(key)) for key in
                     ("streetAddress", "postalCode", "addressLocality", "addressRegion", "addressCountry")]
            raw_parts.append(", ".join(part for part in parts if part))
    raw_parts = [part for part in raw_parts if part]
    if raw_parts:
        fields["location_raw"] = "; ".join(dict.fromkeys(raw_parts))
    if places:
        address = places[0][0]
        if isinstance(address, dict):
            # As stated; complete_posting normalises them (local city name, ISO country, state).
            fields.update(city=_text(address.get("addressLocality")), postal_code=_text(address.get("postalCode")),
                          region=_text(address.get("addressRegion")), country=_text(address.get("addressCountry")))
    if not fields.get("country"):
        fields["country"] = _text(node.get("applicantLocationRequirements"))
    return fields


def _salary_fields(node: dict[str, Any]) -> dict[str, Any]:
    salary = node.get("baseSalary") or node.get("estimatedSalary")
    if isinstance(salary, list):
        salary = salary[0] if salary else None
    if not isinstance(salary, dict):
        return {}
    value = salary.get("value")
    unit = salary.get("unitText")
    if isinstance(value, dict):
        unit = value.get("unitText") or unit
        low = _number(value.get("minValue"))
        high = _number(value.get("maxValue"))
        single = _number(value.get("value"))
    else:
        low = high = None
        single = _number(value)
    if single is not None and low is None and high is None:
        low = high = single
    if low is None and high is None:
        return {}
    currency = _text(salary.get("currency"))
    currency = currency.upper() if currency and _CURRENCY_RE.match(currency.upper()) else None
    period = _UNIT_TO_PERIOD.get(str(unit).upper()) if unit else None
    # No salary_raw: structured data states figures, not words; the raw text is what an ad
    # writes, and complete_posting takes it from the ad when the ad states the same pay.
    return {"salary_min": low, "salary_max": high, "salary_currency": currency, "salary_period": period}


def _education(node: dict[str, Any]) -> str | None:
    for requirement in _as_list(node.get("educationRequirements")):
        category = requirement.get("credentialCategory") if isinstance(requirement, dict) else requirement
        text = _text(category)
        if not text:
            continue
        for pattern, level in _EDUCATION_CATEGORIES:
            if pattern.search(text):
                return level
    return None


def _experience_years(node: dict[str, Any]) -> int | None:
    for requirement in _as_list(node.get("experienceRequirements")):
        if isinstance(requirement, dict):
            months = _number(requirement.get("monthsOfExperience"))
            if months is not None and 0 < months < 600:
                return int(months // 12)
    return None


# JobPosting properties that hold parts of the ad besides ``description``, by the section they
# are: each becomes a headed block of the description, so the section parser reads them.
_SECTION_PROPERTIES = (
    ("responsibilities", ("responsibilities",)),
    ("requirements", ("qualifications", "educationRequirements", "experienceRequirements")),
    ("benefits", ("jobBenefits", "incentiveCompensation")),
)
_SECTION_HEADINGS = {
    "en": {"responsibilities": "Responsibilities", "requirements": "Qualifications", "benefits": "Benefits"},
    "de": {"responsibilities": "Ihre Aufgaben", "requirements": "Ihr Profil", "benefits": "Wir bieten"},
}


def _section_markup(value: Any) -> str | None:
    """A property's value as markup: a list as a ``<ul>``, text (HTML or not) as it is."""
    if isinstance(value, list):
        items = [_text(item) for item in value]
        items = [item for item in items if item]
        return "<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>" if items else None
    if isinstance(value, dict):
        if "monthsOfExperience" in value or "credentialCategory" in value:
            return None  # a typed requirement: read by _education / _experience_years
        value = value.get("description") or value.get("name")
    if not isinstance(value, str) or not value.strip():
        return None
    return value if "<" in value else "<p>" + html.escape(value).replace("\n", "<br>") + "</p>"


def structured_sections(node: dict[str, Any], language: str | None) -> list[tuple[str, str, str]]:
    """``(section, heading, markup)`` for each section-like property the node fills
    (``responsibilities``, ``qualifications``, ``jobBenefits``…), headed in the ad's language."""
    headings = _SECTION_HEADINGS.get(language or "en", _SECTION_HEADINGS["en"])
    sections = []
    for section, properties in _SECTION_PROPERTIES:
        for name in properties:
            markup = _section_markup(node.get(name))
            if markup:
                sections.append((section, headings[section], markup))
    return sections


def structured_skills(node: dict[str, Any]) -> str | None:
    """The node's ``skills`` as one text (names of DefinedTerms, comma-joined lists)."""
    value = node.get("skills")
    if isinstance(value, list):
        value = ", ".join(item for item in (_text(entry) for entry in value) if item)
    elif isinstance(value, dict):
        value = _text(value)
    return value if isinstance(value, str) and value.strip() else None


def fields_from_job_posting(node: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Posting fields that a JobPosting node states; ``now`` resolves partial dates."""
    fields: dict[str, Any] = {
        "title_raw": _text(node.get("title")) or _text(node.get("name")),
        "description": node.get("description") if isinstance(node.get("description"), str) else None,
        "company": _text(node.get("hiringOrganization")),
        "url": _text(node.get("url")),
        "date_posted_raw": _text(node.get("datePosted")),
        "date_posted": _date(node.get("datePosted"), now),
        "valid_through": _date(node.get("validThrough"), now),
        "start_date": _date(node.get("jobStartDate"), now),
        "education_level": _education(node),
        "experience_years_min": _experience_years(node),
    }
    identifier = node.get("identifier")
    if isinstance(identifier, dict):
        fields["requisition_id"] = _text(identifier.get("value"))
    elif isinstance(identifier, (str, int)):
        fields["requisition_id"] = str(identifier)
    employment = [str(value) for value in _as_list(node.get("employmentType")) if value]
    if employment:
        fields["employment_type"] = employment_type_from_structured(employment)
        fields["contract_type"] = contract_type_from_structured(employment)
    if any(_text(kind) == "TELECOMMUTE" for kind in _as_list(node.get("jobLocationType"))):
        fields["workplace_type"] = "remote"
    fields.update(_location_fields(node))
    fields.update(_salary_fields(node))
    # An ISCO-08 code, ESCO URI or known occupation name the page states (schema.org occupationalCategory).
    fields.update(stated_occupation_fields(node.get("occupationalCategory")))
    return {key: value for key, value in fields.items() if value not in (None, "", [])}
