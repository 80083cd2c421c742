"""The validate pipeline's rules: what rejects an item, what is bounded to null."""

from datetime import date, datetime, timezone

import pytest

from crawler.items import JobPosting
from pipelines.validate import bounded_fields, rejection_reason

NOW = datetime(2026, 11, 22, tzinfo=timezone.utc)


def item(**changes) -> JobPosting:
    values = dict(source="jsonld", url="https://example.de/jobs/1", title="Data Engineer", crawled_at=NOW)
    values.update(changes)
    return JobPosting(**values)


@pytest.mark.parametrize(
    "changes, reason",
    [
        ({}, None),
        ({"title": None, "description": "Wir suchen " + "eine erfahrene Fachkraft " * 10}, "missing title"),
        ({"title": "   ", "description": "We are hiring " + "an experienced person " * 10}, "missing title"),
        ({"title": None}, "no job ad found on the page"),
        ({"title": None, "description": "Home | Jobs | Login"}, "no job ad found on the page"),
        ({"title": "x" * 5_000_000}, "title too long"),
        ({"url": None}, "missing url"),
        ({"url": "javascript:alert(1)"}, "invalid url"),
        ({"url": "/relative/path"}, "invalid url"),
        ({"source": None}, "missing source"),
        ({"crawled_at": None}, "missing crawled_at"),
        ({"description": "y" * 2_000_000}, "description too long"),
    ],
)
def test_rejection_reason(changes, reason):
    found = rejection_reason(item(**changes))
    assert (found is None) if reason is None else found.startswith(reason)


@pytest.mark.parametrize(
    "changes, cleared",
    [
        ({}, []),
        ({"salary_min": 1e15, "salary_max": 1e15, "salary_period": "year"}, ["salary"]),
        ({"salary_min": 80000.0, "salary_max": 60000.0}, ["salary"]),
        ({"salary_min": -5.0, "salary_max": None}, ["salary"]),
        ({"salary_min": 25.0, "salary_max": 30.0, "salary_period": "hour"}, []),
        ({"salary_min": 9000.0, "salary_max": 9000.0, "salary_period": "hour"}, ["salary"]),
        ({"date_posted": date(1900, 1, 1)}, ["date_posted"]),
        ({"valid_through": date(2999, 1, 1)}, ["valid_through"]),
        ({"date_posted": date(2026, 12, 24)}, ["date_posted"]),
        ({"seniority": "guru"}, ["seniority"]),
        ({"country": "Germany"}, ["country"]),
        ({"salary_currency": "euro"}, ["salary_currency"]),
        ({"experience_years_min": 99}, ["experience_years_min"]),
    ],
)
def test_bounded_fields(changes, cleared):
    posting = item(**changes)
    assert bounded_fields(posting) == cleared
    for name in cleared:
        if name != "salary":
            assert getattr(posting, name) is None
