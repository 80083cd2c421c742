"""The workable spider: the job mapping and real crawls of saved widget answers into a database."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from crawler.sources.workable import posting_fields_from_workable
from tests.spiders.scenarios import FILES, Scenario, json_reply, run_scenarios
from tests.support.fixture_server import Reply

WORKABLE = FILES / "workable"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
JOBS = json.loads((WORKABLE / "account.json").read_text(encoding="utf-8"))["jobs"]
ODD = json.loads((WORKABLE / "odd.json").read_text(encoding="utf-8"))["jobs"]
LISTING = "/api/v1/widget/accounts/moewe-energie"


@pytest.mark.parametrize(("job", "expected"), [
    pytest.param(JOBS[0], {
        "url": "https://apply.workable.com/j/6C1A2B3D4E", "apply_url": "https://apply.workable.com/j/6C1A2B3D4E/apply",
        "source_id": "6C1A2B3D4E", "requisition_id": "ELT-2026-07",
        "title_raw": "Elektroniker für Energie- und Gebäudetechnik (m/w/d)", "company": "Möwe Energie GmbH",
        "city": "Oldenburg", "region": "Niedersachsen", "country": "DE",
        # telecommuting false does not tell on-site from hybrid
        "workplace_type": None, "employment_type": "full_time",
        "date_posted": date(2026, 11, 9), "date_posted_raw": "2026-11-09",
    }, id="german-full-time"),
    pytest.param(JOBS[1], {"workplace_type": "remote", "requisition_id": None, "city": "Bremen"}, id="telecommuting"),
    pytest.param(JOBS[2], {"contract_type": "internship", "city": "Hannover"}, id="internship"),
    pytest.param(ODD[0], {"city": None, "country": None, "location_raw": None, "employment_type": "part_time"},
                 id="no-place"),
    pytest.param(ODD[1], {"location_raw": "Husum, Germany; Emden, Germany", "city": "Husum"},
                 id="hidden-location-left-out"),
    pytest.param({"shortcode": "AB12", "title": "No links"}, {"url": "https://apply.workable.com/j/AB12"},
                 id="url-from-shortcode"),
])
def test_posting_fields_from_workable(job, expected):
    fields = posting_fields_from_workable(job, NOW, company="Möwe Energie GmbH")
    assert {name: fields.get(name) for name in expected} == expected


SCENARIOS = {
    # A real recorded answer (tests/files/SOURCES.md): every job is stored.
    "real": Scenario({"/api/v1/widget/accounts/climateworks": json_reply(WORKABLE / "real" / "climateworks.json")}, {"company": "climateworks"}),
    "normal": Scenario({LISTING: json_reply(WORKABLE / "account.json")}, {"company": "moewe-energie"}),
    "empty": Scenario({LISTING: json_reply(WORKABLE / "empty.json")}, {"company": "moewe-energie"}),
    "not_found": Scenario({LISTING: Reply(WORKABLE / "not_found.txt", status=404, content_type="text/plain")},
                          {"company": "moewe-energie"}),
    "odd": Scenario({LISTING: json_reply(WORKABLE / "odd.json")}, {"company": "moewe-energie"}),
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    return run_scenarios("workable", SCENARIOS, tmp_path_factory.mktemp("workable"))


def test_normal_account_is_stored(crawled):
    normal = crawled["normal"]
    assert normal.result.returncode == 0, normal.result.stderr[-2000:]
    assert normal.requests == [f"{LISTING}?details=true"]
    assert set(normal.postings) == {"6C1A2B3D4E", "7D2B3C4E5F", "8E3C4D5F6A"}
    assert (normal.run.status, normal.run.listing_complete) == ("succeeded", True)


@pytest.mark.parametrize(("source_id", "column", "expected"), [
    ("6C1A2B3D4E", "title", "Elektroniker für Energie- und Gebäudetechnik"),
    ("6C1A2B3D4E", "company", "Möwe Energie GmbH"),
    ("6C1A2B3D4E", "city", "Oldenburg"),
    ("6C1A2B3D4E", "country", "DE"),
    ("6C1A2B3D4E", "date_posted", date(2026, 11, 9)),
    ("6C1A2B3D4E", "requisition_id", "ELT-2026-07"),
    ("6C1A2B3D4E", "contract_type", "permanent"),  # "Unbefristeter Arbeitsvertrag", read by the parser
    ("6C1A2B3D4E", "url", "https://apply.workable.com/j/6C1A2B3D4E"),
    ("7D2B3C4E5F", "workplace_type", "remote"),
    ("7D2B3C4E5F", "experience_years_min", 3),
    ("7D2B3C4E5F", "ad_language", "en"),
    ("8E3C4D5F6A", "contract_type", "internship"),
])
def test_normal_account_columns(crawled, source_id, column, expected):
    assert getattr(crawled["normal"].postings[source_id], column) == expected


def test_empty_account_is_degraded(crawled):
    empty = crawled["empty"]
    assert empty.result.returncode != 0
    assert (empty.run.status, empty.run.reason, empty.postings) == ("degraded", "zero items", {})


def test_unknown_account_fails_with_reason(crawled):
    not_found = crawled["not_found"]
    assert not_found.result.returncode != 0
    assert not_found.run.status == "failed"
    assert not_found.run.reason.startswith("workable company 'moewe-energie' not found (HTTP 404")


def test_odd_jobs(crawled):
    odd = crawled["odd"]
    assert (odd.postings["9F4D5E6A7B"].city, odd.postings["9F4D5E6A7B"].country) == (None, None)
    assert odd.postings["0A5E6F7B8C"].location_raw == "Husum, Germany; Emden, Germany"
    assert (odd.run.status, odd.run.items) == ("succeeded", 2)


def test_real_recorded_answer_is_crawled_whole(crawled):
    real = crawled["real"]
    assert real.result.returncode == 0, real.result.stderr[-2000:]
    assert (real.run.status, real.run.items) == ("succeeded", 1)
    assert set(real.postings) == {"869818CC50"}
    assert real.postings["869818CC50"].company == "ClimateWorks Foundation"
