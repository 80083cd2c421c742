"""The lever spider: the posting mapping, paging, and real crawls of saved Lever answers into a database."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from crawler.sources.lever import posting_fields_from_lever
from tests.spiders.scenarios import FILES, Scenario, json_reply, run_scenarios
from tests.support.crawl import crawl, postings, runs
from tests.support.fixture_server import FixtureServer, Reply

LEVER = FILES / "lever"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
PAGE_1 = json.loads((LEVER / "page_1.json").read_text(encoding="utf-8"))
ODD = json.loads((LEVER / "odd.json").read_text(encoding="utf-8"))
LISTING = "/v0/postings/nordlicht"
BACKEND, SRE, STUDENT = (posting["id"] for posting in PAGE_1)
ANALYST = "9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4"


@pytest.mark.parametrize(("posting", "expected"), [
    pytest.param(PAGE_1[0], {
        "url": f"https://jobs.lever.co/nordlicht/{BACKEND}", "apply_url": f"https://jobs.lever.co/nordlicht/{BACKEND}/apply",
        "source_id": BACKEND, "title_raw": "Backend Engineer (m/w/d)", "location_raw": "Berlin; München",
        # the parser reads city and country from the text; the stated "DE" would stop it from reading it
        "city": None, "country": None, "workplace_type": "hybrid", "employment_type": "full_time",
        "salary_min": 65000.0, "salary_max": 80000.0, "salary_currency": "EUR", "salary_period": "year",
        "salary_raw": "65000-80000 EUR per-year-salary",
        "date_posted": date(2026, 11, 10), "date_posted_raw": "1794303000123",
    }, id="german-hybrid-yearly-salary"),
    pytest.param(PAGE_1[1], {"workplace_type": "onsite", "location_raw": "Hamburg", "salary_min": None,
                             "date_posted": date(2026, 11, 4)}, id="english-on-site-no-salary"),
    pytest.param(PAGE_1[2], {"contract_type": "working_student", "workplace_type": None, "salary_min": 15.0,
                             "salary_max": 15.0, "salary_period": "hour"}, id="hourly-working-student"),
    pytest.param(ODD[0], {"location_raw": None, "city": None, "country": None, "workplace_type": None,
                          "employment_type": "part_time", "salary_min": 2800.0, "salary_max": None,
                          "salary_currency": "EUR", "salary_period": "month"}, id="no-place-minimum-only"),
    pytest.param(ODD[1], {"location_raw": "Leipzig; Dresden; Chemnitz", "contract_type": "permanent"},
                 id="several-locations"),
    pytest.param(ODD[2], {"url": None, "apply_url": None}, id="no-hosted-url"),
    pytest.param({"id": "x", "text": "Remote role", "categories": {"location": "Remote - Germany"},
                  "workplaceType": "unspecified"}, {"workplace_type": "remote", "location_raw": "Remote - Germany"},
                 id="unspecified-mode-read-from-location"),
    pytest.param({"id": "x", "text": "Anywhere in Austria", "categories": {"team": "Sales"}, "country": "AT"},
                 {"location_raw": None, "country": "AT"}, id="country-without-location-text"),
])
def test_posting_fields_from_lever(posting, expected):
    fields = posting_fields_from_lever(posting, NOW)
    assert {name: fields.get(name) for name in expected} == expected


@pytest.mark.parametrize(("lists", "expected_html"), [
    ([{"text": "Your tasks", "content": "<li>Build APIs</li>"}], "<h3>Your tasks</h3>\n<ul><li>Build APIs</li></ul>"),
    ([{"text": "<b>Requirements</b>", "content": "<div><ul><li>Go</li></ul></div>"}],
     "<h3>Requirements</h3>\n<div><ul><li>Go</li></ul></div>"),
    ([{"text": "Empty", "content": ""}], None),
])
def test_lists_become_headed_bullet_sections(lists, expected_html):
    description = posting_fields_from_lever({"lists": lists}, NOW)["description"]
    assert description == expected_html


SMALL_PAGES = {"page_size": "3"}
SCENARIOS = {
    # A real recorded answer (tests/files/SOURCES.md): every job is stored.
    "real": Scenario({"/v0/postings/spotify?mode=json&skip=0&limit=100": json_reply(LEVER / "real" / "spotify.json")}, {"company": "spotify"}),
    "normal": Scenario({f"{LISTING}?mode=json&skip=0&limit=3": json_reply(LEVER / "page_1.json"),
                        f"{LISTING}?mode=json&skip=3&limit=3": json_reply(LEVER / "page_2.json")},
                       {"company": "nordlicht", "company_name": "Nordlicht Mobility GmbH", **SMALL_PAGES}),
    "empty": Scenario({f"{LISTING}?mode=json&skip=0&limit=100": json_reply(LEVER / "empty.json")},
                      {"company": "nordlicht"}),
    "not_found": Scenario({LISTING: json_reply(LEVER / "not_found.json", status=404)}, {"company": "nordlicht"}),
    "odd": Scenario({f"{LISTING}?mode=json&skip=0&limit=100": json_reply(LEVER / "odd.json")}, {"company": "nordlicht"}),
    # A server that ignores skip/limit sends the first page again and again.
    "paging_ignored": Scenario({LISTING: json_reply(LEVER / "page_1.json")}, {"company": "nordlicht", **SMALL_PAGES}),
    "second_page_fails": Scenario({f"{LISTING}?mode=json&skip=0&limit=3": json_reply(LEVER / "page_1.json"),
                                   f"{LISTING}?mode=json&skip=3&limit=3": Reply("{}", status=503)},
                                  {"company": "nordlicht", **SMALL_PAGES}, settings={"RETRY_TIMES": "1"}),
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    return run_scenarios("lever", SCENARIOS, tmp_path_factory.mktemp("lever"))


def test_two_pages_are_read(crawled):
    normal = crawled["normal"]
    assert normal.result.returncode == 0, normal.result.stderr[-2000:]
    assert normal.requests == [f"{LISTING}?mode=json&skip=0&limit=3", f"{LISTING}?mode=json&skip=3&limit=3"]
    assert set(normal.postings) == {BACKEND, SRE, STUDENT, ANALYST}


def test_listing_is_complete_after_the_short_page(crawled):
    assert (crawled["normal"].run.status, crawled["normal"].run.listing_complete) == ("succeeded", True)


@pytest.mark.parametrize(("source_id", "column", "expected"), [
    (BACKEND, "title", "Backend Engineer"),
    (BACKEND, "company", "Nordlicht Mobility GmbH"),
    (BACKEND, "city", "Berlin"),
    (BACKEND, "country", "DE"),
    (BACKEND, "date_posted", date(2026, 11, 10)),
    (BACKEND, "date_posted_raw", "1794303000123"),
    (BACKEND, "salary_min", 65000.0),
    (BACKEND, "salary_max", 80000.0),
    (BACKEND, "salary_currency", "EUR"),
    (BACKEND, "salary_period", "year"),
    (BACKEND, "salary_raw", "65000-80000 EUR per-year-salary"),
    (BACKEND, "workplace_type", "hybrid"),
    (BACKEND, "apply_url", f"https://jobs.lever.co/nordlicht/{BACKEND}/apply"),
    (SRE, "workplace_type", "onsite"),
    (SRE, "ad_language", "en"),
    (STUDENT, "contract_type", "working_student"),
    (STUDENT, "salary_period", "hour"),
    (ANALYST, "city", "Wien"),
    (ANALYST, "country", "AT"),
    (ANALYST, "employment_type", "part_time"),
])
def test_normal_site_columns(crawled, source_id, column, expected):
    assert getattr(crawled["normal"].postings[source_id], column) == expected


def test_lists_feed_the_section_parser(crawled):
    backend = crawled["normal"].postings[BACKEND]
    assert backend.responsibilities == ["APIs in Go und Python entwickeln und betreiben",
                                        "Datenbanken (PostgreSQL) modellieren"]
    assert "Mindestens 3 Jahre Erfahrung in der Backend-Entwicklung" in backend.requirements
    sre = crawled["normal"].postings[SRE]
    assert sre.responsibilities == ["Run our Kubernetes clusters on AWS", "Own monitoring and on-call"]


def test_empty_site_is_degraded(crawled):
    empty = crawled["empty"]
    assert empty.result.returncode != 0
    assert (empty.run.status, empty.run.reason, empty.postings) == ("degraded", "zero items", {})


def test_unknown_site_fails_with_reason(crawled):
    not_found = crawled["not_found"]
    assert not_found.result.returncode != 0
    assert not_found.run.status == "failed"
    assert not_found.run.reason.startswith("lever company 'nordlicht' not found (HTTP 404")


def test_odd_postings(crawled):
    odd = crawled["odd"]
    office = odd.postings["1a2b3c4d-0000-4000-8000-000000000001"]
    assert (office.city, office.country, office.salary_min, office.salary_max, office.salary_currency) == (
        None, None, 2800.0, None, "EUR")
    several = odd.postings["1a2b3c4d-0000-4000-8000-000000000002"]
    assert several.location_raw == "Leipzig; Dresden; Chemnitz"
    assert [r.reason for r in odd.rejections] == ["missing url"]
    assert (odd.run.status, odd.run.items) == ("succeeded", 2)


def test_a_server_ignoring_paging_fails_the_run(crawled):
    ignored = crawled["paging_ignored"]
    assert ignored.run.status == "failed"
    assert "repeats jobs already read" in ignored.run.reason
    assert len(ignored.requests) == 2


def test_a_failed_second_page_fails_the_run_but_keeps_the_first(crawled):
    failed = crawled["second_page_fails"]
    assert failed.result.returncode != 0
    assert failed.run.status == "failed"
    assert failed.run.reason.startswith("lever company 'nordlicht': the listing could not be fetched: HTTP 503")
    assert failed.run.listing_complete is False
    assert set(failed.postings) == {BACKEND, SRE, STUDENT}


def test_crawl_into_postgresql(migrated_postgres_url):
    routes = {f"{LISTING}?mode=json&skip=0&limit=3": json_reply(LEVER / "page_1.json"),
              f"{LISTING}?mode=json&skip=3&limit=3": json_reply(LEVER / "page_2.json")}
    with FixtureServer(routes) as server:
        result = crawl("lever", {"company": "nordlicht", "page_size": "3", "base_url": server.url}, migrated_postgres_url,
                       timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    stored = {row.source_id: row for row in postings(migrated_postgres_url)}
    assert len(stored) == 4
    assert (stored[BACKEND].salary_min, stored[BACKEND].salary_currency, stored[BACKEND].date_posted) == (
        65000.0, "EUR", date(2026, 11, 10))
    assert stored[ANALYST].country == "AT"
    [run] = runs(migrated_postgres_url)
    assert (run.status, run.listing_complete) == ("succeeded", True)


def test_real_recorded_answer_is_crawled_whole(crawled):
    real = crawled["real"]
    assert real.result.returncode == 0, real.result.stderr[-2000:]
    assert (real.run.status, real.run.items) == ("succeeded", 2)
    assert set(real.postings) == {"2193db3f-77c5-43b8-b030-8f92c9882bf1", "d87833d0-fb78-4794-b45d-3fe5c8274bc8"}
    assert real.postings["d87833d0-fb78-4794-b45d-3fe5c8274bc8"].contract_type == "fixed_term"
