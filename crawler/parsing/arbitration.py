"""Filling posting fields with their source, and arbitrating between sources that disagree.

Every value set here records its source in ``posting["field_sources"]``; where a source's value
and the ad's own words differ (pay, employer), the ad's statement is kept and both go to
``posting["field_conflicts"]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from crawler.parsing.employer import agency_in_text, normalise_employer
from crawler.parsing.employer_clues import same_organisation_by_initials
from crawler.parsing.provenance import BOARD_HEADER, SOURCE_API, STRUCTURED_DATA, TEXT, record_conflict

__all__ = ["arbitrate_company", "arbitrate_salary", "assign_agency", "fill", "fill_location", "fill_salary"]


def fill(posting: dict[str, Any], name: str, value: Any, source: str = TEXT) -> None:
    """Set a field only when the source left it empty, noting where the value came from."""
    if posting.get(name) in (None, "", []) and value not in (None, "", []):
        posting[name] = value
        posting["field_sources"][name] = source


def fill_location(posting: dict[str, Any], location, source: str = TEXT) -> None:
    if location is None:
        return
    for name in ("city", "postal_code", "region", "country"):
        fill(posting, name, getattr(location, name), source)
    fill(posting, "location_raw", location.raw, source)


def salary_value(salary) -> dict[str, Any]:
    return {"min": salary.min, "max": salary.max, "currency": salary.currency, "period": salary.period}


def set_salary(posting: dict[str, Any], salary, source: str) -> None:
    posting.update(salary_min=salary.min, salary_max=salary.max, salary_raw=salary.raw,
                   salary_currency=salary.currency, salary_period=salary.period)
    for name in ("salary_min", "salary_max", "salary_raw", "salary_currency", "salary_period"):
        posting["field_sources"][name] = source


def fill_salary(posting: dict[str, Any], salary, source: str = TEXT) -> None:
    if salary is None or posting.get("salary_min") is not None or posting.get("salary_max") is not None:
        return
    posting.update(salary_min=salary.min, salary_max=salary.max, salary_raw=salary.raw)
    for name in ("salary_min", "salary_max", "salary_raw"):
        posting["field_sources"][name] = source
    fill(posting, "salary_currency", salary.currency, source)
    fill(posting, "salary_period", salary.period, source)


def same_figures(one: float | None, other: float | None) -> bool:
    return one is None or other is None or abs(one - other) <= 0.01 * max(abs(one), abs(other), 1)


def _rounded_from(stated: float | None, written: float | None) -> bool:
    """True when a source states as a whole number the figure the ad writes with its fraction
    (36 for "$36.33", 89861 for "$89,861.43")."""
    return (stated is not None and written is not None and float(stated).is_integer() and not float(written).is_integer()
            and abs(stated - written) < 1)


def arbitrate_salary(posting: dict[str, Any], text_salary) -> None:
    """A source's pay against the ad's own words: the same pay gets the ad's wording as
    ``salary_raw``; different pay ("33,620 GBP per year" stated, "£20 per hour" written) is
    replaced by the ad's statement and the disagreement recorded."""
    stated_source = posting["field_sources"].get("salary_min") or posting["field_sources"].get("salary_max")
    if text_salary is None or stated_source is None or (posting["salary_min"] is None and posting["salary_max"] is None):
        return
    agrees = (same_figures(posting["salary_min"], text_salary.min) and same_figures(posting["salary_max"], text_salary.max)
              and text_salary.currency in (None, posting["salary_currency"])
              and text_salary.period in (None, posting["salary_period"]))
    if agrees:
        for field, written in (("salary_min", text_salary.min), ("salary_max", text_salary.max)):
            if _rounded_from(posting[field], written):
                posting[field] = written  # "$36 - $36 an hour" stated, "$36.33 per hour" written: the ad's figure
    if stated_source in (TEXT, BOARD_HEADER):
        return
    if agrees:
        posting["salary_raw"] = posting["salary_raw"] or text_salary.raw
        fill(posting, "salary_period", text_salary.period)
        return
    if not (text_salary.currency and text_salary.period):
        return  # the ad's figure is less certain than the source's: keep the source's
    stated = {"min": posting["salary_min"], "max": posting["salary_max"],
              "currency": posting["salary_currency"], "period": posting["salary_period"]}
    set_salary(posting, text_salary, TEXT)
    record_conflict(posting, "salary", salary_value(text_salary), TEXT, stated, stated_source)


def name_in_text(name: str, text: str) -> bool:
    """True when the distinctive first word of an employer name occurs in the ad's text."""
    words = [word for word in re.findall(r"[\wÄÖÜäöüß&'-]+", name) if len(word) > 2 and not word.isdigit()]
    return bool(words) and re.search(rf"\b{re.escape(words[0])}\b", text, re.IGNORECASE) is not None


def arbitrate_company(posting: dict[str, Any], text: str, named_in_ad: Callable[[], str | None]) -> None:
    """Structured data's employer that the ad never mentions ("Central Advertising - Other", an
    account label) gives way to the employer the ad names (``named_in_ad()``, asked only then: finding
    it costs a search of the ad); the disagreement is recorded."""
    stated, source = posting["company"], posting["field_sources"].get("company")
    if not stated or source != STRUCTURED_DATA or name_in_text(stated, text):
        return
    named = named_in_ad()
    if not named:
        return
    if same_organisation_by_initials(stated, named, text):
        return  # "University of Iowa" stated, "UI Health Care Information Systems" named: one employer
    if normalise_employer(stated) == normalise_employer(named):
        return
    posting["company"] = named
    posting["field_sources"]["company"] = TEXT
    record_conflict(posting, "company", named, TEXT, stated, source)


def assign_agency(posting: dict[str, Any], text: str) -> None:
    """In an agency ad the employer a source or the page names is the agency (the client is
    hidden): it moves to ``agency`` and ``company`` stays empty; else the agency's name is read
    from the ad's signature or about-us paragraph."""
    if posting["company"] and posting["field_sources"].get("company") in (STRUCTURED_DATA, SOURCE_API, BOARD_HEADER):
        source = posting["field_sources"].pop("company")
        posting["agency"] = posting["agency"] or posting["company"]
        posting["field_sources"].setdefault("agency", source)
        posting["company"] = None
    fill(posting, "agency", agency_in_text(text))
