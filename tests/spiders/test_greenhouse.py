"""The greenhouse spider: the job mapping, and real crawls of saved Greenhouse answers into a database."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from crawler.sources.greenhouse import posting_fields_from_greenhouse
from tests.spiders.scenarios import FILES, Scenario, json_reply, run_scenarios
from tests.support.crawl import crawl, postings, runs
from tests.support.fixture_server import FixtureServer, Reply

GREENHOUSE = FILES / "greenhouse"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
JOBS = json.loads((GREENHOUSE / "jobs.json").read_text(encoding="utf-8"))["jobs"]
LISTING = "/v1/boards/kranichsoftware/jobs"


@pytest.mark.parametrize(("job", "expected"), [
    pytest.param(JOBS[0], {
        "url": "https://www.kranich-software.de/karriere/?gh_jid=7012345002", "source_id": "7012345002",
        "requisition_id": "DE-DATA-118", "title_raw": "Senior Data Engineer (m/f/d)", "company": "Kranich Software",
        # The place as found: the parser reads city and country from it in its own process.
        "location_raw": "Berlin, Germany", "city": None, "country": None, "workplace_type": "hybrid",
        "employment_type": "full_time", "contract_type": None,
        # 23:30 at -05:00 is already 3 November in UTC: the employer's own calendar day counts.
        "date_posted": date(2026, 11, 2), "date_posted_raw": "2026-11-02T23:30:00-05:00", "valid_through": None,
    }, id="english-hybrid-full-time"),
    pytest.param(JOBS[1], {
        "title_raw": "Werkstudent*in Softwareentwicklung (m/w/d)", "location_raw": "München",
        "workplace_type": "onsite", "contract_type": "working_student", "requisition_id": None,
        "date_posted": date(2026, 10, 28),
    }, id="german-working-student"),
    pytest.param(JOBS[2], {
        "location_raw": "Remote - Germany", "workplace_type": "remote", "employment_type": None,
        "valid_through": date(2026, 12, 15),
    }, id="remote-by-location-with-deadline"),
    pytest.param({"id": 1, "title": "Buchhalter", "location": None,
                  "offices": [{"id": 2, "name": "Köln", "location": "Köln, Germany"}]},
                 {"location_raw": "Köln, Germany"}, id="office-when-no-location"),
    pytest.param({"id": 1, "title": "Support", "location": {"name": "Hamburg"},
                  "metadata": [{"id": 9, "name": "Employment Type", "value": ["Part-time"], "value_type": "multi_select"},
                               {"id": 8, "name": "Workplace Type", "value": None, "value_type": "single_select"}]},
                 {"employment_type": "part_time", "workplace_type": None, "location_raw": "Hamburg"},
                 id="multi-select-and-null"),
    pytest.param({"id": 1, "title": "Security Engineer", "location": {"name": "Berlin"},
                  "metadata": [{"id": 8, "name": "Workplace Type", "value": "Remote", "value_type": "single_select"}]},
                 {"workplace_type": "remote", "location_raw": "Berlin"}, id="metadata-beats-location"),
    pytest.param({"id": 1, "title": "No link"}, {"url": None, "source_id": "1", "date_posted": None}, id="missing-url"),
])
def test_posting_fields_from_greenhouse(job, expected):
    fields = posting_fields_from_greenhouse(job, NOW)
    assert {name: fields.get(name) for name in expected} == expected


@pytest.mark.parametrize(("content", "description"), [
    ("&lt;p&gt;About us&lt;/p&gt;", "<p>About us</p>"),
    ("&lt;p&gt;R&amp;amp;D&amp;nbsp;team&lt;/p&gt;", "<p>R&amp;D&nbsp;team</p>"),  # unescaped once, not twice
    ("&lt;h3&gt;What you&#39;ll do&lt;/h3&gt;", "<h3>What you'll do</h3>"),
    ("", None),
])
def test_content_is_unescaped_exactly_once(content, description):
    assert posting_fields_from_greenhouse({"content": content}, NOW)["description"] == description


SCENARIOS = {
    # A real recorded answer (tests/files/SOURCES.md): every job is stored.
    "real": Scenario({"/v1/boards/vercel/jobs": json_reply(GREENHOUSE / "real" / "vercel.json")}, {"board": "vercel"}),
    "normal": Scenario({LISTING: json_reply(GREENHOUSE / "jobs.json")}, {"board": "kranichsoftware"}),
    "empty": Scenario({LISTING: json_reply(GREENHOUSE / "empty.json")}, {"board": "kranichsoftware"}),
    "not_found": Scenario({LISTING: json_reply(GREENHOUSE / "not_found.json", status=404)}, {"board": "kranichsoftware"}),
    "odd": Scenario({LISTING: json_reply(GREENHOUSE / "odd.json")}, {"board": "kranichsoftware"}),
    "not_json": Scenario({LISTING: Reply("<!DOCTYPE html><html><body>Maintenance</body></html>",
                                         content_type="text/html")}, {"board": "kranichsoftware"}),
    "other_shape": Scenario({LISTING: Reply('{"data":[]}')}, {"board": "kranichsoftware"}),
    "server_error": Scenario({LISTING: Reply('{"status":500}', status=500)}, {"board": "kranichsoftware"}),
    "no_board": Scenario({}, {}),
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    return run_scenarios("greenhouse", SCENARIOS, tmp_path_factory.mktemp("greenhouse"))


def test_normal_board_is_stored(crawled):
    normal = crawled["normal"]
    assert normal.result.returncode == 0, normal.result.stderr[-2000:]
    assert (normal.run.status, normal.run.items) == ("succeeded", 3)
    assert set(normal.postings) == {"7012345002", "7012345003", "7012345004"}


def test_normal_board_listing_is_complete(crawled):
    assert crawled["normal"].run.listing_complete is True


def test_normal_board_asks_once_for_json(crawled):
    assert crawled["normal"].requests == [f"{LISTING}?content=true"]
    assert crawled["normal"].request_headers[0]["Accept"] == "application/json"


@pytest.mark.parametrize(("source_id", "column", "expected"), [
    ("7012345002", "title", "Senior Data Engineer"),
    ("7012345002", "company", "Kranich Software"),
    ("7012345002", "city", "Berlin"),
    ("7012345002", "country", "DE"),
    ("7012345002", "date_posted", date(2026, 11, 2)),
    ("7012345002", "workplace_type", "hybrid"),
    ("7012345002", "employment_type", "full_time"),
    ("7012345002", "requisition_id", "DE-DATA-118"),
    ("7012345002", "url", "https://www.kranich-software.de/karriere/?gh_jid=7012345002"),
    ("7012345003", "title", "Werkstudent Softwareentwicklung"),
    ("7012345003", "contract_type", "working_student"),
    ("7012345003", "city", "München"),
    ("7012345003", "ad_language", "de"),
    ("7012345004", "workplace_type", "remote"),
    ("7012345004", "valid_through", date(2026, 12, 15)),
])
def test_normal_board_columns(crawled, source_id, column, expected):
    assert getattr(crawled["normal"].postings[source_id], column) == expected


def test_escaped_content_becomes_sections(crawled):
    posting = crawled["normal"].postings["7012345002"]
    assert "&lt;" not in posting.description and "&nbsp;" not in posting.description
    assert posting.responsibilities[0].startswith("Design, build and run batch and streaming pipelines")
    assert "5+ years of experience in data engineering" in posting.requirements
    assert posting.experience_years_min == 5


def test_empty_board_is_degraded(crawled):
    empty = crawled["empty"]
    assert empty.result.returncode != 0
    assert (empty.run.status, empty.run.reason) == ("degraded", "zero items")
    assert empty.postings == {} and "Traceback" not in empty.result.stderr


def test_unknown_board_fails_with_reason(crawled):
    not_found = crawled["not_found"]
    assert not_found.result.returncode != 0
    assert not_found.run.status == "failed"
    assert not_found.run.reason.startswith("greenhouse board 'kranichsoftware' not found (HTTP 404")
    assert not_found.run.listing_complete is False


def test_odd_board_double_escaped_entities_read_as_text(crawled):
    description = crawled["odd"].postings["7012345101"].description
    assert "Finanzen & Controlling (F&C)" in description


def test_odd_board_job_without_location(crawled):
    posting = crawled["odd"].postings["7012345101"]
    assert (posting.location_raw, posting.city, posting.country) == (None, None, None)


def test_odd_board_several_offices(crawled):
    posting = crawled["odd"].postings["7012345102"]
    assert (posting.location_raw, posting.city, posting.employment_type) == ("Hamburg, Köln or Remote", "Hamburg",
                                                                             "part_time")


def test_odd_board_job_without_title_is_rejected(crawled):
    odd = crawled["odd"]
    assert [(r.reason, r.url) for r in odd.rejections] == [
        ("missing title", "https://job-boards.greenhouse.io/kranichsoftware/jobs/7012345103")]
    assert (odd.run.status, odd.run.items, odd.run.listing_complete) == ("succeeded", 3, True)


@pytest.mark.parametrize(("scenario", "reason"), [
    ("not_json", "greenhouse board 'kranichsoftware': the API changed format: the answer is not JSON"),
    ("other_shape", "greenhouse board 'kranichsoftware': the API changed format: expected an object with a \"jobs\" list"),
    ("server_error", "greenhouse board 'kranichsoftware': the listing could not be fetched: HTTP 500"),
])
def test_broken_answers_fail_the_run(crawled, scenario, reason):
    broken = crawled[scenario]
    assert broken.result.returncode != 0
    assert broken.run.status == "failed"
    assert broken.run.reason.startswith(reason), broken.run.reason


def test_a_missing_board_is_refused_before_scrapy_starts(crawled):
    refused = crawled["no_board"]
    assert refused.result.returncode == 2, refused.result.stdout + refused.result.stderr[-2000:]
    assert "missing argument: greenhouse needs -a board=NAME" in refused.result.stdout
    assert not refused.requests and "Traceback" not in refused.result.stderr


def test_crawl_into_postgresql(migrated_postgres_url):
    with FixtureServer({LISTING: json_reply(GREENHOUSE / "jobs.json")}) as server:
        result = crawl("greenhouse", {"board": "kranichsoftware", "base_url": server.url}, migrated_postgres_url, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    stored = {row.source_id: row for row in postings(migrated_postgres_url)}
    assert (stored["7012345002"].title, stored["7012345002"].city, stored["7012345002"].date_posted) == (
        "Senior Data Engineer", "Berlin", date(2026, 11, 2))
    assert stored["7012345004"].country == "DE"
    [run] = runs(migrated_postgres_url)
    assert (run.status, run.listing_complete) == ("succeeded", True)


def test_real_recorded_answer_is_crawled_whole(crawled):
    real = crawled["real"]
    assert real.result.returncode == 0, real.result.stderr[-2000:]
    assert (real.run.status, real.run.items) == ("succeeded", 2)
    assert set(real.postings) == {"5999792004", "6136160004"}
    assert real.postings["6136160004"].company == "Vercel"
