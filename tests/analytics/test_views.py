"""The analyst views on SQLite and PostgreSQL return what hand-made rows imply."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from crawler.analytics.columns import VIEWS
from crawler.analytics.fx_rates import rate_on, reference_rates
from crawler.analytics.views import PERIODS_PER_YEAR, VIEW_NAMES
from crawler.parsing.skills import esco_skill_uri
from models.database import downgrade, get_engine, upgrade
from tests.analytics.conftest import as_date, posting_row, utc


def select_all(url: str, sql: str) -> list[dict]:
    with get_engine(url).connect() as connection:
        return [dict(row._mapping) for row in connection.execute(text(sql))]


def test_every_view_has_its_documented_columns(rows):
    with rows.engine.connect() as connection:
        for name in VIEW_NAMES:
            result = connection.execute(text(f"SELECT * FROM {name} WHERE 1 = 0"))
            assert list(result.keys()) == [column.name for column in VIEWS[name].columns], name


def test_downgrade_drops_views_and_rates_and_upgrade_restores_them(rows):
    downgrade(rows.url, "0002")
    with rows.engine.connect() as connection:
        names = set(connection.dialect.get_view_names(connection)) | set(
            connection.dialect.get_table_names(connection))
    assert not names & {*VIEW_NAMES, "fx_rates"}
    upgrade(rows.url)
    assert select_all(rows.url, "SELECT COUNT(*) AS n FROM fx_rates")[0]["n"] == len(reference_rates())


def test_current_postings_picks_the_best_copy_and_counts_sources(rows):
    rows.postings(posting_row(1), posting_row(2), posting_row(3), posting_row(4), posting_row(5, status="closed",
                  closed_at=utc(2026, 3, 2)), posting_row(6, url="https://example.de/only-here"))
    # 1: the employer's applicant-tracking system beats a board seen later and a source of unknown kind.
    rows.sighting(1, "stepstone", "https://stepstone.example/1", seen=utc(2026, 3, 5))
    rows.sighting(1, "greenhouse", "https://boards.greenhouse.example/1", seen=utc(2026, 3, 2))
    rows.sighting(1, "jsonld", "https://careers.example/1", seen=utc(2026, 3, 4))
    # 2: a live board copy beats a gone employer copy.
    rows.sighting(2, "greenhouse", "https://boards.greenhouse.example/2", gone_at=utc(2026, 3, 3))
    rows.sighting(2, "stepstone", "https://stepstone.example/2")
    # 3: among boards, the employer's own posting beats the agency's, even one seen later.
    rows.sighting(3, "arbeitsagentur", "https://arbeitsagentur.example/3", seen=utc(2026, 3, 6), via_agency=True)
    rows.sighting(3, "indeed", "https://indeed.example/3")
    # 4: two copies at one source: one source, two sightings, the most recently seen wins.
    rows.sighting(4, "jsonld", "https://careers.example/4a", seen=utc(2026, 3, 1))
    rows.sighting(4, "jsonld", "https://careers.example/4b", seen=utc(2026, 3, 2))
    rows.sighting(5, "lever", "https://jobs.lever.example/5")
    found = {row["posting_id"]: row for row in select_all(rows.url, "SELECT * FROM current_postings")}
    assert set(found) == {1, 2, 3, 4, 6}
    expected = {
        1: ("https://boards.greenhouse.example/1", "greenhouse", "employer", 3, 3),
        2: ("https://stepstone.example/2", "stepstone", "board", 2, 2),
        3: ("https://indeed.example/3", "indeed", "board", 2, 2),
        4: ("https://careers.example/4b", "jsonld", "other", 1, 2),
        6: ("https://example.de/only-here", "jsonld", "other", 0, 0),
    }
    for posting_id, values in expected.items():
        row = found[posting_id]
        assert (row["best_url"], row["best_source"], row["best_source_kind"], row["source_count"],
                row["sighting_count"]) == values, posting_id
    assert as_date(found[1]["first_seen_date"]) == date(2026, 3, 1)


def test_posting_skills_view_has_one_row_per_posting_and_skill(rows):
    rows.postings(posting_row(1, city="Köln", country="DE", seniority="senior", date_posted=date(2026, 2, 27)),
                  posting_row(2, city="Wien", country="AT", status="closed", closed_at=utc(2026, 3, 9)),
                  posting_row(3))
    rows.skills(1, "Python", "SQL")
    rows.skills(2, "Python")
    found = select_all(rows.url, "SELECT * FROM posting_skills_v ORDER BY posting_id, skill")
    assert [(row["posting_id"], row["skill"], row["city"], row["country"], row["status"]) for row in found] == [
        (1, "Python", "Köln", "DE", "active"), (1, "SQL", "Köln", "DE", "active"), (2, "Python", "Wien", "AT", "closed")]
    assert found[0]["seniority"] == "senior"
    assert as_date(found[0]["date_posted"]) == date(2026, 2, 27)
    assert as_date(found[0]["first_seen_date"]) == date(2026, 3, 1)


def test_posting_skills_view_gives_the_esco_skill_uri_where_esco_has_the_concept(rows):
    rows.postings(posting_row(1))
    rows.skills(1, "Python", "Docker")
    found = {row["skill"]: row["esco_skill_uri"] for row in select_all(rows.url, "SELECT * FROM posting_skills_v")}
    assert found == {"Python": esco_skill_uri("Python"), "Docker": None}
    assert found["Python"].startswith("http://data.europa.eu/esco/skill/")


def test_downgrade_to_0011_gives_the_skills_view_without_esco_uris(rows):
    downgrade(rows.url, "0011")
    with rows.engine.connect() as connection:
        columns = list(connection.execute(text("SELECT * FROM posting_skills_v WHERE 1 = 0")).keys())
    assert "esco_skill_uri" not in columns and "skill" in columns
    upgrade(rows.url)


def test_daily_postings_counts_new_closed_and_active_per_day_and_source(rows):
    rows.postings(
        posting_row(1, source="alpha", seen=utc(2026, 3, 1, 0, 5)),
        posting_row(2, source="alpha", seen=utc(2026, 3, 1, 23, 55)),
        posting_row(3, source="alpha", seen=utc(2026, 3, 3), status="closed", closed_at=utc(2026, 3, 4, 12)),
        posting_row(4, source="beta", seen=utc(2026, 3, 2), last_seen_at=utc(2026, 3, 5, 18)),
    )
    found = select_all(rows.url, "SELECT * FROM daily_postings ORDER BY source, day")
    table = [(row["source"], as_date(row["day"]).day, row["new_postings"], row["closed_postings"],
              row["active_postings"]) for row in found]
    assert table == [
        ("alpha", 1, 2, 0, 2), ("alpha", 2, 0, 0, 2), ("alpha", 3, 1, 0, 3), ("alpha", 4, 0, 1, 2),
        ("alpha", 5, 0, 0, 2),
        ("beta", 2, 1, 0, 1), ("beta", 3, 0, 0, 1), ("beta", 4, 0, 0, 1), ("beta", 5, 0, 0, 1),
    ]


def test_daily_postings_is_empty_without_postings(rows):
    assert select_all(rows.url, "SELECT * FROM daily_postings") == []


def _eur_per_unit(currency: str, day: date) -> float | None:
    rate = rate_on(reference_rates(), currency, day)
    return rate.eur_per_unit if rate else None


SALARIES = [
    # id, salary fields, the date that picks the rate, expected yearly min/max in the salary's currency
    (1, dict(salary_min=50_000, salary_max=60_000, salary_currency="EUR", salary_period="year"), (50_000, 60_000)),
    (2, dict(salary_min=4_000, salary_max=4_000, salary_currency="EUR", salary_period="month"), (48_000, 48_000)),
    (3, dict(salary_min=20, salary_max=25, salary_currency="EUR", salary_period="hour"), (41_600, 52_000)),
    (4, dict(salary_min=500, salary_max=600, salary_currency="EUR", salary_period="day"), (130_000, 156_000)),
    (5, dict(salary_min=1_000, salary_max=None, salary_currency="EUR", salary_period="week"), (52_000, None)),
    (6, dict(salary_min=100_000, salary_max=120_000, salary_currency="USD", salary_period="year",
             date_posted=date(2025, 3, 15)), (100_000, 120_000)),
    (7, dict(salary_min=80_000, salary_max=80_000, salary_currency="GBP", salary_period="year",
             seen=utc(2025, 6, 10)), (80_000, 80_000)),
    (8, dict(salary_min=90_000, salary_max=90_000, salary_currency="USD", salary_period="year",
             date_posted=date(2019, 6, 3)), (90_000, 90_000)),
    (9, dict(salary_min=9_000, salary_max=9_500, salary_currency="CHF", salary_period="month",
             date_posted=date(2027, 5, 2)), (108_000, 114_000)),
    (10, dict(salary_min=70_000, salary_max=70_000, salary_currency="XYZ", salary_period="year"), (70_000, 70_000)),
    (11, dict(salary_min=3_000, salary_max=3_500, salary_currency="EUR", salary_period="quarter"), (None, None)),
    (12, dict(salary_min=None, salary_max=65_000, salary_currency="EUR", salary_period="year"), (None, 65_000)),
    (13, dict(salary_min=45_000, salary_max=50_000, salary_currency=None, salary_period="year"), (45_000, 50_000)),
]


def test_salaries_yearly_annualises_and_converts_with_the_dated_rate(rows):
    rows.postings(*[posting_row(posting_id, **fields) for posting_id, fields, _yearly in SALARIES], posting_row(99))
    found = {row["posting_id"]: row for row in select_all(rows.url, "SELECT * FROM salaries_yearly")}
    assert set(found) == {posting_id for posting_id, _fields, _yearly in SALARIES}  # 99 states no salary
    for posting_id, fields, (yearly_min, yearly_max) in SALARIES:
        row = found[posting_id]
        assert row["periods_per_year"] == PERIODS_PER_YEAR.get(fields["salary_period"]), posting_id
        assert (row["yearly_min"], row["yearly_max"]) == pytest.approx((yearly_min, yearly_max)), posting_id
        rate_day = fields.get("date_posted") or fields.get("seen", utc(2026, 3, 1)).date()
        assert as_date(row["rate_date"]) == rate_day, posting_id
        rate = _eur_per_unit(fields["salary_currency"], rate_day) if fields["salary_currency"] else None
        known = rate is not None and row["periods_per_year"] is not None
        expected_min = yearly_min * rate if known and yearly_min is not None else None
        expected_max = yearly_max * rate if known and yearly_max is not None else None
        assert row["yearly_min_eur"] == pytest.approx(expected_min), posting_id
        assert row["yearly_max_eur"] == pytest.approx(expected_max), posting_id
        figures = [value for value in (yearly_min, yearly_max) if value is not None]
        expected_mid = sum(figures) / len(figures) * rate if known else None
        assert row["yearly_mid_eur"] == pytest.approx(expected_mid), posting_id


@pytest.mark.parametrize("posting_id, fx_valid_from", [
    (1, date(1999, 1, 1)),      # EUR: its own row, 1 EUR per EUR
    (6, date(2025, 3, 14)),     # dated by date_posted (a Saturday): Friday's published ECB rate
    (7, date(2025, 6, 10)),     # no date_posted: the day it was first seen
    (8, None),                  # before the loaded rates start: no rate, no guess
    (9, None),                  # after the ECB history ends: no stale rate either
    (10, None),                 # unknown currency
    (13, None),                 # no currency
])
def test_salaries_yearly_reports_which_rate_it_used(rows, posting_id, fx_valid_from):
    rows.postings(*[posting_row(number, **fields) for number, fields, _yearly in SALARIES])
    row = select_all(rows.url, f"SELECT fx_valid_from, eur_per_unit FROM salaries_yearly WHERE posting_id = {posting_id}")[0]
    assert as_date(row["fx_valid_from"]) == fx_valid_from
    assert (row["eur_per_unit"] is None) == (fx_valid_from is None)


PAY = [
    # id, contract_type, employment_type, salary, expected pay_category, FTE yearly mid in EUR or None
    (21, "permanent", "full_time", dict(salary_min=4_000, salary_max=5_000, salary_period="month"),
     "employee_full_time", 54_000),
    (22, "fixed_term", "full_time", dict(salary_min=30, salary_max=30, salary_period="hour"),
     "employee_full_time", 62_400),
    (23, "permanent", "part_time", dict(salary_min=20, salary_max=20, salary_period="hour"), "employee_part_time", None),
    (24, "working_student", "part_time", dict(salary_min=15, salary_max=17, salary_period="hour"), "working_student", None),
    (25, "internship", "full_time", dict(salary_min=1_500, salary_max=1_500, salary_period="month"), "internship", None),
    (26, "freelance", None, dict(salary_min=800, salary_max=800, salary_period="day"), "freelance", None),
    (27, "apprenticeship", "full_time", dict(salary_min=1_100, salary_max=1_100, salary_period="month"),
     "apprenticeship", None),
    (28, None, "full_time", dict(salary_min=60_000, salary_max=60_000, salary_period="year"), "terms_unknown", None),
    (29, "permanent", None, dict(salary_min=60_000, salary_max=60_000, salary_period="year"), "terms_unknown", None),
]


def test_salaries_yearly_keeps_advertised_pay_and_gives_fte_only_for_full_time_employees(rows):
    rows.postings(*[posting_row(posting_id, contract_type=contract, employment_type=employment, salary_currency="EUR",
                                **salary) for posting_id, contract, employment, salary, _category, _fte in PAY])
    found = {row["posting_id"]: row for row in select_all(rows.url, "SELECT * FROM salaries_yearly")}
    for posting_id, _contract, _employment, salary, category, fte_mid in PAY:
        row = found[posting_id]
        assert row["pay_category"] == category, posting_id
        assert (row["salary_min_eur"], row["salary_max_eur"]) == pytest.approx(
            (salary["salary_min"], salary["salary_max"])), posting_id  # as advertised, per its period
        assert row["fte_yearly_mid_eur"] == pytest.approx(fte_mid), posting_id
        assert (row["fte_yearly_min_eur"] is None) == (fte_mid is None), posting_id


def test_salaries_yearly_converts_advertised_pay_with_the_published_rate(rows):
    rows.postings(posting_row(31, salary_min=100_000, salary_max=120_000, salary_currency="USD", salary_period="year",
                              date_posted=date(2025, 3, 14), contract_type="permanent", employment_type="full_time"))
    [row] = select_all(rows.url, "SELECT * FROM salaries_yearly")
    assert row["fx_basis"] == "ecb_reference"
    assert row["salary_min_eur"] == pytest.approx(100_000 / 1.0889)  # the ECB's USD rate of 2025-03-14
    assert row["fte_yearly_mid_eur"] == pytest.approx(110_000 / 1.0889)
