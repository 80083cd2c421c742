"""The ashby spider: the job mapping (compensation, unlisted jobs) and real crawls into a database."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from crawler.sources.ashby import posting_fields_from_ashby
from tests.spiders.scenarios import FILES, Scenario, json_reply, run_scenarios

ASHBY = FILES / "ashby"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
JOBS = json.loads((ASHBY / "job_board.json").read_text(encoding="utf-8"))["jobs"]
ODD = json.loads((ASHBY / "odd.json").read_text(encoding="utf-8"))["jobs"]
LISTING = "/posting-api/job-board/fjordlabs"
BACKEND, TEAMLEAD, CONTRACTOR, UNLISTED = (job["id"] for job in JOBS)
ADVOCATE, STUDENT = (job["id"] for job in ODD)


@pytest.mark.parametrize(("job", "expected"), [
    pytest.param(JOBS[0], {
        "url": f"https://jobs.ashbyhq.com/fjordlabs/{BACKEND}",
        "apply_url": f"https://jobs.ashbyhq.com/fjordlabs/{BACKEND}/application",
        "source_id": BACKEND, "title_raw": "Senior Backend Engineer (Go)", "location_raw": "Berlin; Remote - Germany",
        # as stated; the parser turns "Germany" into "DE"
        "city": "Berlin", "region": "Berlin", "country": "Germany", "workplace_type": "hybrid",
        "employment_type": "full_time",
        "salary_min": 75000.0, "salary_max": 95000.0, "salary_currency": "EUR", "salary_period": "year",
        "salary_raw": "€75K - €95K", "date_posted": date(2026, 11, 13),
        "date_posted_raw": "2026-11-13T10:24:51.408+00:00",
    }, id="hybrid-yearly-salary"),
    pytest.param(JOBS[1], {"city": "Leipzig", "country": "Deutschland", "workplace_type": "onsite",
                           "employment_type": "part_time",
                           "salary_min": None, "salary_raw": None}, id="compensation-hidden-by-employer"),
    pytest.param(JOBS[2], {"city": None, "country": "Germany", "workplace_type": "remote", "contract_type": "freelance",
                           "salary_min": 85.0, "salary_max": 110.0, "salary_period": "hour",
                           "location_raw": "Remote (EU); Amsterdam"}, id="remote-contract-hourly"),
    pytest.param(ODD[0], {"city": None, "country": None, "location_raw": "Remote - Germany; Hamburg; München",
                          "workplace_type": "remote", "salary_min": 70000.0, "salary_max": 85000.0,
                          "date_posted": None, "date_posted_raw": None}, id="no-address-one-tier-no-date"),
    pytest.param(ODD[1], {"city": "Kiel", "country": "DE", "salary_min": None}, id="no-compensation"),
    pytest.param({"id": "x", "title": "Intern", "employmentType": "Intern", "workplaceType": "Remote"},
                 {"contract_type": "internship", "employment_type": None, "workplace_type": "remote"}, id="intern"),
    pytest.param({"id": "x", "title": "Temp", "employmentType": "Temporary"}, {"contract_type": "fixed_term"},
                 id="temporary"),
])
def test_posting_fields_from_ashby(job, expected):
    fields = posting_fields_from_ashby(job, NOW)
    assert {name: fields.get(name) for name in expected} == expected


def test_plain_description_when_there_is_no_html():
    assert posting_fields_from_ashby(ODD[0], NOW)["description"].startswith("Talk to developers at meetups")


SCENARIOS = {
    # A real recorded answer (tests/files/SOURCES.md): every job is stored.
    "real": Scenario({"/posting-api/job-board/linear": json_reply(ASHBY / "real" / "linear.json")}, {"board": "linear"}),
    "normal": Scenario({LISTING: json_reply(ASHBY / "job_board.json")},
                       {"board": "fjordlabs", "company_name": "Fjord Labs GmbH"}),
    "empty": Scenario({LISTING: json_reply(ASHBY / "empty.json")}, {"board": "fjordlabs"}),
    "not_found": Scenario({LISTING: json_reply(ASHBY / "not_found.json", status=404)}, {"board": "fjordlabs"}),
    "odd": Scenario({LISTING: json_reply(ASHBY / "odd.json")}, {"board": "fjordlabs"}),
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    return run_scenarios("ashby", SCENARIOS, tmp_path_factory.mktemp("ashby"))


def test_listed_jobs_are_stored(crawled):
    normal = crawled["normal"]
    assert normal.result.returncode == 0, normal.result.stderr[-2000:]
    assert normal.requests == [f"{LISTING}?includeCompensation=true"]
    assert set(normal.postings) == {BACKEND, TEAMLEAD, CONTRACTOR}
    assert (normal.run.status, normal.run.listing_complete) == ("succeeded", True)


def test_unlisted_jobs_are_counted_not_stored(crawled):
    assert crawled["normal"].stats["jobcrawl/skipped/unlisted"] == 1
    assert UNLISTED not in crawled["normal"].postings


@pytest.mark.parametrize(("source_id", "column", "expected"), [
    (BACKEND, "title", "Senior Backend Engineer (Go)"),
    (BACKEND, "company", "Fjord Labs GmbH"),
    (BACKEND, "city", "Berlin"),
    (BACKEND, "country", "DE"),
    (BACKEND, "date_posted", date(2026, 11, 13)),
    (BACKEND, "salary_min", 75000.0),
    (BACKEND, "salary_max", 95000.0),
    (BACKEND, "salary_currency", "EUR"),
    (BACKEND, "salary_raw", "€75K - €95K"),
    (BACKEND, "workplace_type", "hybrid"),
    (BACKEND, "experience_years_min", 6),
    (TEAMLEAD, "title", "Teamleitung Kundenservice"),
    (TEAMLEAD, "salary_min", None),
    (TEAMLEAD, "ad_language", "de"),
    (TEAMLEAD, "workplace_type", "onsite"),
    (CONTRACTOR, "contract_type", "freelance"),
    (CONTRACTOR, "salary_period", "hour"),
    (CONTRACTOR, "workplace_type", "remote"),
])
def test_normal_board_columns(crawled, source_id, column, expected):
    assert getattr(crawled["normal"].postings[source_id], column) == expected


def test_empty_board_is_degraded(crawled):
    empty = crawled["empty"]
    assert empty.result.returncode != 0
    assert (empty.run.status, empty.run.reason, empty.postings) == ("degraded", "zero items", {})


def test_unknown_board_fails_with_reason(crawled):
    not_found = crawled["not_found"]
    assert not_found.result.returncode != 0
    assert not_found.run.status == "failed"
    assert not_found.run.reason.startswith("ashby board 'fjordlabs' not found (HTTP 404")


def test_odd_board(crawled):
    odd = crawled["odd"]
    advocate = odd.postings[ADVOCATE]
    assert (advocate.location_raw, advocate.country) == ("Remote - Germany; Hamburg; München", "DE")
    assert (advocate.salary_min, advocate.salary_max) == (70000.0, 85000.0)
    assert advocate.requirements == ["Public speaking in English"]
    assert odd.postings[STUDENT].city == "Kiel"
    assert (odd.run.status, odd.run.items) == ("succeeded", 2)


def test_real_recorded_answer_is_crawled_whole(crawled):
    real = crawled["real"]
    assert real.result.returncode == 0, real.result.stderr[-2000:]
    assert (real.run.status, real.run.items) == ("succeeded", 2)
    assert set(real.postings) == {"cd5ae036-0223-427a-b038-ba16ef9dcb32", "d3bc1ced-3ce4-4086-a050-555055dbb1ff"}
    assert real.postings["cd5ae036-0223-427a-b038-ba16ef9dcb32"].company == "Linear"
