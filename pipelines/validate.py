"""Check required fields, types and ranges. Missing essentials reject the item (with the
reason, counted, stored); absurd optional values are set to null and counted. The parse workers
run these checks (:func:`pipelines.posting_steps.validated_posting`)."""

from __future__ import annotations

import re
from datetime import date, datetime

from crawler.items import JobPosting
from crawler.parsing.posting import NO_JOB_AD, job_ad_missing
from crawler.parsing.pay_bounds import MAX_YEARLY_PAY_EUR, pay_is_plausible

MAX_TITLE_CHARS = 500
MAX_DESCRIPTION_CHARS = 1_000_000
MAX_URL_CHARS = 4096
MAX_YEARLY_SALARY = MAX_YEARLY_PAY_EUR  # in euros; other currencies: crawler/parsing/pay_bounds.py
EARLIEST_YEAR = 1990
ENUMS = {
    "seniority": {"intern", "junior", "mid", "senior", "lead", "executive"},
    "education_level": {"vocational", "degree", "bachelor", "master", "phd"},
    "workplace_type": {"onsite", "hybrid", "remote"},
    "employment_type": {"full_time", "part_time"},
    "contract_type": {"permanent", "fixed_term", "freelance", "internship", "apprenticeship",
                      "working_student"},
    "salary_period": {"hour", "day", "week", "month", "year"},
}
_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")


def rejection_reason(item: JobPosting) -> str | None:
    """Why the item cannot be stored at all, or ``None`` when it can."""
    if not item.source:
        return "missing source"
    if not item.url:
        return "missing url"
    if len(item.url) > MAX_URL_CHARS or not _URL_RE.match(item.url):
        return f"invalid url: {item.url[:200]!r}"
    if job_ad_missing({"title": item.title, "description": item.description}):
        return NO_JOB_AD
    if not item.title or not item.title.strip():
        return "missing title"
    if len(item.title) > MAX_TITLE_CHARS:
        return f"title too long ({len(item.title)} characters, limit {MAX_TITLE_CHARS})"
    if not isinstance(item.crawled_at, datetime):
        return "missing crawled_at"
    if item.description and len(item.description) > MAX_DESCRIPTION_CHARS:
        return f"description too long ({len(item.description)} characters, limit {MAX_DESCRIPTION_CHARS})"
    return None


def bounded_fields(item: JobPosting) -> list[str]:
    """Set out-of-range optional fields to null; returns the names of the fields it cleared."""
    cleared = []
    for name, allowed in ENUMS.items():
        if getattr(item, name) is not None and getattr(item, name) not in allowed:
            setattr(item, name, None)
            cleared.append(name)
    latest_year = item.crawled_at.year + 10
    for name in ("date_posted", "valid_through", "start_date"):
        value = getattr(item, name)
        if value is not None and (not isinstance(value, date) or not EARLIEST_YEAR <= value.year <= latest_year):
            setattr(item, name, None)
            cleared.append(name)
    if item.date_posted and item.date_posted > item.crawled_at.date():
        item.date_posted = None
        cleared.append("date_posted")
    if item.country is not None and not _COUNTRY_RE.match(str(item.country)):
        item.country = None
        cleared.append("country")
    if item.salary_currency is not None and not _CURRENCY_RE.match(str(item.salary_currency)):
        item.salary_currency = None
        cleared.append("salary_currency")
    if not _salary_is_plausible(item):
        item.salary_min = item.salary_max = None
        cleared.append("salary")
    if item.experience_years_min is not None and not 0 <= item.experience_years_min <= 50:
        item.experience_years_min = None
        cleared.append("experience_years_min")
    return cleared


def _salary_is_plausible(item: JobPosting) -> bool:
    figures = [figure for figure in (item.salary_min, item.salary_max) if figure is not None]
    if not figures:
        return True
    if any(not isinstance(figure, (int, float)) or figure <= 0 for figure in figures):
        return False
    if item.salary_min is not None and item.salary_max is not None and item.salary_min > item.salary_max:
        return False
    return pay_is_plausible(max(figures), item.salary_currency, item.salary_period)
