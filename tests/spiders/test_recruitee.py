"""The recruitee spider: the offer mapping, the careers-site host, and real crawls into a database."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from crawler.sources.recruitee import posting_fields_from_recruitee
from crawler.spiders.recruitee import RecruiteeSpider
from tests.spiders.scenarios import FILES, Scenario, json_reply, run_scenarios

RECRUITEE = FILES / "recruitee"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
OFFERS = json.loads((RECRUITEE / "offers.json").read_text(encoding="utf-8"))["offers"]
ODD = json.loads((RECRUITEE / "odd.json").read_text(encoding="utf-8"))["offers"]
LISTING = "/api/offers/"


@pytest.mark.parametrize(("offer", "expected"), [
    pytest.param(OFFERS[0], {
        "url": "https://elbwerft.recruitee.com/o/projektleiter-hafenlogistik-mwd",
        "apply_url": "https://elbwerft.recruitee.com/o/projektleiter-hafenlogistik-mwd/c/new",
        "source_id": "2310451", "title_raw": "Projektleiter Hafenlogistik (m/w/d)", "company": "Elbwerft Logistik",
        "location_raw": "Hamburg, Hamburg, Germany", "city": "Hamburg", "postal_code": "20457", "region": "Hamburg",
        "country": "DE",
        "workplace_type": "hybrid", "employment_type": "full_time", "contract_type": "permanent",
        "salary_min": 58000.0, "salary_max": 72000.0, "salary_currency": "EUR", "salary_period": "year",
        "salary_raw": "58000-72000 EUR year",
        "date_posted": date(2026, 11, 5), "date_posted_raw": "2026-11-05 16:05:18 UTC",
        "valid_through": date(2026, 12, 31),
    }, id="german-hybrid-with-salary"),
    pytest.param(OFFERS[1], {"workplace_type": "remote", "employment_type": "part_time", "contract_type": "fixed_term",
                             "salary_min": None, "salary_raw": None, "city": "Berlin"}, id="english-remote-null-salary"),
    pytest.param(OFFERS[2], {"workplace_type": "onsite", "contract_type": "apprenticeship", "salary_min": 1050.0,
                             "salary_max": 1250.0, "salary_period": "month"}, id="apprenticeship-salary-as-strings"),
    pytest.param(ODD[0], {"city": None, "country": None, "location_raw": None, "workplace_type": None}, id="no-place"),
    pytest.param(ODD[1], {"location_raw": "Hamburg, Germany; Kiel, Germany; Lübeck, Germany", "city": "Hamburg",
                          "salary_min": None, "salary_period": None}, id="several-locations-period-without-figures"),
])
def test_posting_fields_from_recruitee(offer, expected):
    fields = posting_fields_from_recruitee(offer, NOW)
    assert {name: fields.get(name) for name in expected} == expected


@pytest.mark.parametrize(("offer", "description"), [
    ({"description": "<p>Intro</p>", "requirements": "<ul><li>Go</li></ul>", "translations": {"en": {}}},
     "<p>Intro</p>\n<h3>Job requirements</h3>\n<ul><li>Go</li></ul>"),
    ({"description": "<p>Intro</p>", "requirements": "<ul><li>Go</li></ul>", "translations": {"de": {}}},
     "<p>Intro</p>\n<h3>Anforderungen</h3>\n<ul><li>Go</li></ul>"),
    ({"description": "<p>Intro</p>", "requirements": "<h3>Dein Profil</h3><ul><li>Go</li></ul>"},
     "<p>Intro</p>\n<h3>Dein Profil</h3><ul><li>Go</li></ul>"),
    ({"translations": {"de": {"description": "<p>Nur übersetzt</p>", "requirements": ""}}}, "<p>Nur übersetzt</p>"),
])
def test_requirements_get_a_heading_unless_they_have_one(offer, description):
    assert posting_fields_from_recruitee(offer, NOW)["description"] == description


def test_default_host_is_the_companys_careers_site():
    assert RecruiteeSpider(company="elbwerft").listing_url(0) == "https://elbwerft.recruitee.com/api/offers/"
    own_domain = RecruiteeSpider(company="elbwerft", base_url="https://karriere.elbwerft.de/")
    assert own_domain.listing_url(0) == "https://karriere.elbwerft.de/api/offers/"


SCENARIOS = {
    # A real recorded answer (tests/files/SOURCES.md): every job is stored.
    "real": Scenario({LISTING: json_reply(RECRUITEE / "real" / "channable.json")}, {"company": "channable"}),
    "normal": Scenario({LISTING: json_reply(RECRUITEE / "offers.json")}, {"company": "elbwerft"}),
    "empty": Scenario({LISTING: json_reply(RECRUITEE / "empty.json")}, {"company": "elbwerft"}),
    "not_found": Scenario({LISTING: json_reply(RECRUITEE / "not_found.json", status=404)}, {"company": "elbwerft"}),
    "odd": Scenario({LISTING: json_reply(RECRUITEE / "odd.json")}, {"company": "elbwerft"}),
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    return run_scenarios("recruitee", SCENARIOS, tmp_path_factory.mktemp("recruitee"))


def test_normal_site_is_stored(crawled):
    normal = crawled["normal"]
    assert normal.result.returncode == 0, normal.result.stderr[-2000:]
    assert normal.requests == [LISTING]
    assert set(normal.postings) == {"2310451", "2310452", "2310453"}
    assert (normal.run.status, normal.run.listing_complete) == ("succeeded", True)


@pytest.mark.parametrize(("source_id", "column", "expected"), [
    ("2310451", "title", "Projektleiter Hafenlogistik"),
    ("2310451", "company", "Elbwerft Logistik"),
    ("2310451", "city", "Hamburg"),
    ("2310451", "postal_code", "20457"),
    ("2310451", "country", "DE"),
    ("2310451", "date_posted", date(2026, 11, 5)),
    ("2310451", "salary_min", 58000.0),
    ("2310451", "salary_max", 72000.0),
    ("2310451", "salary_period", "year"),
    ("2310451", "workplace_type", "hybrid"),
    ("2310451", "contract_type", "permanent"),
    ("2310451", "experience_years_min", 5),
    ("2310452", "workplace_type", "remote"),
    ("2310452", "contract_type", "fixed_term"),
    ("2310452", "salary_min", None),
    ("2310452", "ad_language", "en"),
    ("2310453", "contract_type", "apprenticeship"),
    ("2310453", "salary_period", "month"),
])
def test_normal_site_columns(crawled, source_id, column, expected):
    assert getattr(crawled["normal"].postings[source_id], column) == expected


def test_requirements_section_is_found(crawled):
    assert crawled["normal"].postings["2310452"].requirements == [
        "2+ years in customer success or account management", "Fluent English"]


def test_empty_site_is_degraded(crawled):
    empty = crawled["empty"]
    assert empty.result.returncode != 0
    assert (empty.run.status, empty.run.reason, empty.postings) == ("degraded", "zero items", {})


def test_unknown_site_fails_with_reason(crawled):
    not_found = crawled["not_found"]
    assert not_found.result.returncode != 0
    assert not_found.run.status == "failed"
    assert not_found.run.reason.startswith("recruitee company 'elbwerft' not found (HTTP 404")


def test_odd_offers(crawled):
    odd = crawled["odd"]
    assert set(odd.postings) == {"2310461", "2310462"}
    nowhere = odd.postings["2310461"]
    assert (nowhere.city, nowhere.salary_min, nowhere.salary_currency) == (None, None, None)
    assert odd.postings["2310462"].location_raw == "Hamburg, Germany; Kiel, Germany; Lübeck, Germany"
    assert odd.stats["jobcrawl/skipped/unpublished"] == 1
    assert (odd.run.status, odd.run.listing_complete) == ("succeeded", True)


def test_real_recorded_answer_is_crawled_whole(crawled):
    real = crawled["real"]
    assert real.result.returncode == 0, real.result.stderr[-2000:]
    assert (real.run.status, real.run.items) == ("succeeded", 2)
    assert set(real.postings) == {"2743511", "2751915"}
    assert real.postings["2751915"].salary_max == 5250.0
