"""The README's analyst questions, run against the crawled sample board on SQLite and PostgreSQL;
each answer is checked against the same figures computed in Python from the stored rows."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime
from statistics import median

import pytest
from sqlalchemy import select, text

from crawler.analytics.fx_rates import rate_on, reference_rates
from crawler.analytics.questions import load_questions, questions_markdown
from crawler.analytics.views import PERIODS_PER_YEAR
from models.database import get_engine
from models.tables import Posting, PostingSkill, Sighting

QUESTIONS = {question.slug: question for question in load_questions()}


def run(url: str, slug: str) -> list[tuple]:
    engine = get_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text(QUESTIONS[slug].sql_for(engine.dialect.name))).all()
    return [tuple(float(value) if hasattr(value, "as_tuple") else value for value in row) for row in rows]


class Sample:
    """The stored sample rows, and the derived figures the questions ask about."""

    def __init__(self, url: str):
        with get_engine(url).connect() as connection:
            self.postings = connection.execute(select(Posting).order_by(Posting.id)).all()
            self.skills = defaultdict(list)
            for posting_id, skill in connection.execute(select(PostingSkill.posting_id, PostingSkill.skill)):
                self.skills[posting_id].append(skill)
            self.sources = defaultdict(set)
            for posting_id, source in connection.execute(select(Sighting.posting_id, Sighting.source)):
                self.sources[posting_id].add(source)
        self.active = [posting for posting in self.postings if posting.status == "active"]
        self.rates = reference_rates()

    @staticmethod
    def day(posting) -> date:
        first_seen = posting.first_seen_at
        return posting.date_posted or (first_seen.date() if isinstance(first_seen, datetime) else first_seen)

    def yearly_mid_eur(self, posting) -> float | None:
        """The full-time-equivalent yearly midpoint in EUR: employees working full time only."""
        figures = [value for value in (posting.salary_min, posting.salary_max) if value is not None]
        factor = PERIODS_PER_YEAR.get(posting.salary_period)
        rate = rate_on(self.rates, posting.salary_currency, self.day(posting))
        full_time_employee = posting.contract_type in ("permanent", "fixed_term") and posting.employment_type == "full_time"
        if not figures or factor is None or rate is None or not full_time_employee:
            return None
        if len(figures) == 1:
            figures *= 2
        return sum(figures) / 2 * factor * rate.eur_per_unit


@pytest.fixture(scope="module")
def sample(crawled_sample) -> Sample:
    return Sample(crawled_sample)


def _ranked(counts: dict, limit: int | None = None) -> list[tuple]:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ordered[:limit] if limit else ordered


def test_ten_questions_each_with_sql_for_both_databases():
    assert len(QUESTIONS) == 10
    markdown = questions_markdown()
    for question in QUESTIONS.values():
        assert question.question.endswith("?") and question.question in markdown
        assert question.sql_for("sqlite") in markdown and question.sql_for("postgresql") in markdown


def test_skills_growing_in_koeln(crawled_sample, sample):
    quarters = {posting.id: (self_day := Sample.day(posting)).year * 4 + (self_day.month - 1) // 3
                for posting in sample.postings if posting.city == "Köln"}
    latest = max(quarters[posting_id] for posting_id in quarters if sample.skills[posting_id])
    this, previous = Counter(), Counter()
    for posting_id, quarter in quarters.items():
        for skill in sample.skills[posting_id]:
            this[skill] += quarter == latest
            previous[skill] += quarter == latest - 1
    expected = sorted(((skill, this[skill], previous[skill], this[skill] - previous[skill]) for skill in this
                       if this[skill]), key=lambda row: (-row[3], -row[1], row[0]))[:10]
    assert run(crawled_sample, "01_skills_growing_in_koeln") == expected
    assert expected  # the sample has Köln ads with skills


def test_median_full_time_salary_by_seniority(crawled_sample, sample):
    salaries = defaultdict(list)
    for posting in sample.postings:
        salary = sample.yearly_mid_eur(posting)
        if salary is not None:
            salaries[posting.seniority or "unknown"].append(salary)
    expected = sorted(((level, median(values), len(values)) for level, values in salaries.items()),
                      key=lambda row: (-row[1], row[0]))
    found = run(crawled_sample, "02_median_salary_by_seniority")
    assert [(city, count) for city, _median, count in found] == [(city, count) for city, _median, count in expected]
    assert [value for _city, value, _count in found] == pytest.approx([value for _city, value, _count in expected])
    assert expected


def test_top_employers(crawled_sample, sample):
    counts = Counter(posting.company for posting in sample.active if posting.company)
    expected = []
    for company, count in _ranked(counts, 10):
        mine = [posting for posting in sample.active if posting.company == company]
        expected.append((company, count, len({posting.city for posting in mine if posting.city}),
                         sum(len(sample.sources[posting.id]) > 1 for posting in mine)))
    assert run(crawled_sample, "03_top_employers") == expected


def test_workplace_share_by_country(crawled_sample, sample):
    counts = Counter((posting.country, posting.workplace_type or "unknown") for posting in sample.active)
    totals = Counter(posting.country for posting in sample.active)
    expected = sorted(((country, kind, count, round(100 * count / totals[country], 1))
                       for (country, kind), count in counts.items()), key=lambda row: (row[0], -row[2], row[1]))
    assert run(crawled_sample, "04_workplace_share_by_country") == expected


def test_salary_by_city(crawled_sample, sample):
    salaries = defaultdict(list)
    for posting in sample.postings:
        salary = sample.yearly_mid_eur(posting)
        if salary is not None and posting.city:
            salaries[(posting.country, posting.city)].append(salary)
    expected = sorted(((country, city, len(values), round(sum(values) / len(values)))
                       for (country, city), values in salaries.items() if len(values) >= 2),
                      key=lambda row: (-row[3], row[1]))
    found = run(crawled_sample, "05_salary_by_city")
    assert [row[:4] for row in found] == expected
    assert all(row[4] <= row[3] <= row[5] for row in found)  # lowest <= average <= highest


def test_skills_asked_with_python(crawled_sample, sample):
    counts = Counter(skill for posting in sample.active if "Python" in sample.skills[posting.id]
                     for skill in sample.skills[posting.id] if skill != "Python")
    assert run(crawled_sample, "06_skills_asked_with_python") == _ranked(counts, 10)
    assert counts


def test_required_languages(crawled_sample, sample):
    counts = Counter((language["language"], language["level"] or "unstated")
                     for posting in sample.active for language in posting.languages)
    expected = sorted(((language, level, count) for (language, level), count in counts.items()),
                      key=lambda row: (-row[2], row[0], row[1]))
    assert run(crawled_sample, "07_required_languages") == expected
    assert expected


def test_daily_activity(crawled_sample, sample):
    new = Counter(posting.first_seen_at.date() for posting in sample.postings)
    found = run(crawled_sample, "08_daily_activity")
    assert {(date.fromisoformat(day) if isinstance(day, str) else day): (new_count, closed)
            for day, new_count, closed, _active in found if new_count} == {day: (count, 0) for day, count in new.items()}
    assert found[0][3] == len(sample.active)


def test_agency_share_by_city(crawled_sample, sample):
    groups = defaultdict(list)
    for posting in sample.active:
        if posting.city:
            groups[posting.city].append(posting.via_agency)
    expected = sorted(((city, len(flags), sum(flags), round(100 * sum(flags) / len(flags), 1))
                       for city, flags in groups.items()), key=lambda row: (-row[3], -row[1], row[0]))
    assert run(crawled_sample, "09_agency_share_by_city") == expected


def test_salary_transparency_by_country(crawled_sample, sample):
    groups = defaultdict(list)
    for posting in sample.active:
        groups[posting.country].append(posting.salary_min is not None or posting.salary_max is not None)
    expected = sorted(((country, len(flags), sum(flags), round(100 * sum(flags) / len(flags), 1))
                       for country, flags in groups.items()), key=lambda row: (-row[1], row[0]))
    assert run(crawled_sample, "10_salary_transparency_by_country") == expected
