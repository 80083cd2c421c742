"""The personio spider: feed positions mapped field by field, and real crawls of a fixture server."""

import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy.orm import Session

from crawler.bases.xml_feed import XmlFeedError, parse_xml_safely
from crawler.sources.personio import personio_job_url, posting_fields_from_personio
from crawler.spiders.personio import PersonioSpider
from models.archive import load_document
from models.database import get_engine
from tests.support.crawl import crawl, postings, rejections, runs, sightings
from tests.support.fixture_server import FixtureServer, Reply

FILES = Path(__file__).parents[1] / "files" / "personio"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
COMPANY = "nordlicht-robotics"
XML = "text/xml; charset=UTF-8"


def position(fixture: str, position_id: str):
    root = parse_xml_safely((FILES / fixture).read_bytes())
    [found] = [p for p in root.findall("position") if p.findtext("id") == position_id]
    return found


MAPPED = [
    ("nordlicht-robotics.xml", "1873410", {
        "source_id": "1873410", "url": "https://nordlicht-robotics.jobs.personio.de/job/1873410",
        "title_raw": "Senior Backend Engineer Python (m/w/d)", "company": "Nordlicht Robotics GmbH",
        "location_raw": "München", "city": None,  # offices are free text: the parser reads the place
        "employment_type": "full_time", "contract_type": "permanent", "experience_years_min": 5,
        "salary_min": 68000.0, "salary_max": 82000.0, "salary_currency": "EUR", "salary_period": "year",
        "salary_raw": "68000.00–82000.00 EUR yearly",
        "date_posted": date(2026, 11, 2), "date_posted_raw": "2026-11-02T09:14:05+00:00"}),
    ("nordlicht-robotics.xml", "1873522", {
        "title_raw": "Junior Data Analyst (all genders)", "seniority": "junior", "experience_years_min": 0,
        "location_raw": "Hamburg; Remote (Germany)", "workplace_type": "remote"}),
    ("nordlicht-robotics.xml", "1874005", {
        "title_raw": "Werkstudent Qualitätssicherung (m/w/d)", "contract_type": "working_student",
        "employment_type": "part_time", "seniority": "intern", "salary_min": 16.5, "salary_max": 16.5,
        "salary_period": "hour", "salary_raw": "16.50 EUR hourly", "location_raw": "Bremen"}),
    ("nordlicht-robotics.xml", "1874190", {
        "title_raw": "Engineering Manager Autonomy (f/m/d)", "seniority": "lead", "experience_years_min": 7,
        "location_raw": "Berlin", "date_posted": date(2026, 11, 19)}),
    ("odd.xml", "2201337", {
        "title_raw": "Disponent:in Nahverkehr & Lager (m/w/d)", "company": "Weserbogen Logistik GmbH & Co. KG",
        "contract_type": "freelance", "experience_years_min": 2, "date_posted": date(2026, 11, 10)}),
    ("odd.xml", "2201402", {
        "title_raw": "Head of Sales DACH", "seniority": "executive", "experience_years_min": 15,
        "location_raw": "Remote; Berlin; Köln; Leipzig", "workplace_type": "remote",
        "salary_min": 120000.0, "salary_currency": "EUR", "salary_period": "year"}),
    ("odd.xml", "2201588", {
        "title_raw": "Lagerist:in 'Nachtschicht' (m/w/d)", "location_raw": "Köln", "salary_min": 2900.0,
        "salary_max": 3300.0, "salary_currency": "EUR", "salary_period": "month"}),  # currency written "eur"
    ("odd.xml", "2201590", {
        "contract_type": "working_student", "seniority": "intern", "employment_type": "part_time",
        "location_raw": "Hybrid - Hannover", "workplace_type": "hybrid", "company": None}),
]


@pytest.mark.parametrize(("fixture", "position_id", "expected"), MAPPED)
def test_position_fields(fixture, position_id, expected):
    fields = posting_fields_from_personio(position(fixture, position_id), COMPANY, NOW)
    assert {name: fields.get(name) for name in expected} == expected


ABSENT = [
    ("odd.xml", "2201337", ["city", "country", "location_raw", "salary_min", "salary_max", "salary_raw",
                            "employment_type", "seniority"]),  # no office, <salaryInformation/>, full-or-part-time
    ("odd.xml", "2201402", ["salary_max", "description", "company"]),
    ("odd.xml", "2201519", ["title_raw"]),
    ("nordlicht-robotics.xml", "1873410", ["seniority", "workplace_type"]),  # "experienced" says nothing
]


@pytest.mark.parametrize(("fixture", "position_id", "names"), ABSENT)
def test_missing_or_empty_values_stay_unset(fixture, position_id, names):
    fields = posting_fields_from_personio(position(fixture, position_id), COMPANY, NOW)
    assert [name for name in names if name in fields] == []


def test_description_keeps_each_section_under_its_own_heading():
    fields = posting_fields_from_personio(position("nordlicht-robotics.xml", "1873522"), COMPANY, NOW)
    description = fields["description"]
    assert description.startswith("<h3>Your mission</h3>\n<p>You turn sensor")
    assert "<h3>What you'll bring</h3>\n<ul><li>A degree" in description


def test_entity_escaped_values_and_headings_are_html_once():
    description = posting_fields_from_personio(position("odd.xml", "2201337"), COMPANY, NOW)["description"]
    assert "<h3>Ihre Aufgaben &amp; Verantwortung</h3>\n<ul><li>Tourenplanung f&uuml;r 40 Fahrzeuge</li>" in description
    assert "<h3>What we're looking for</h3>\n<p>Erfahrung in der Disposition" in description


@pytest.mark.parametrize(("position_id", "language"), [("1873410", None), ("1873522", "en"), ("1874005", "de")])
def test_archived_position_reads_back_the_same_fields(position_id, language):
    element = position("nordlicht-robotics.xml", position_id)
    fields = posting_fields_from_personio(element, COMPANY, NOW, language=language)
    url = fields.pop("url")
    archived = etree.tostring(element, encoding="utf-8")
    assert PersonioSpider.fields_from_archive(archived, url, "application/xml", NOW) == fields


def test_archive_that_is_not_a_position_is_not_read():
    assert PersonioSpider.fields_from_archive(b"<html><body>x</body></html>", "https://a.jobs.personio.de/job/1",
                                              "text/html", NOW) is None


@pytest.mark.parametrize(("language", "url"), [
    (None, "https://nordlicht-robotics.jobs.personio.de/job/42"),
    ("de", "https://nordlicht-robotics.jobs.personio.de/job/42"),
    ("en", "https://nordlicht-robotics.jobs.personio.de/job/42?language=en"),
])
def test_job_url(language, url):
    assert personio_job_url(COMPANY, "42", language) == url


@pytest.mark.parametrize(("fixture", "message"), [
    ("bomb.xml", "declares XML entities"),
    ("not-found.html", "HTML page, not an XML feed"),
])
def test_unsafe_or_wrong_documents_are_refused(fixture, message):
    started = time.monotonic()
    with pytest.raises(XmlFeedError, match=message):
        parse_xml_safely((FILES / fixture).read_bytes())
    assert time.monotonic() - started < 1


@pytest.mark.parametrize(("document", "message"), [
    (b'<?xml version="1.0"?><!-- <a> --><!DOCTYPE r [<!ENTITY e "x">]><workzag-jobs>&e;</workzag-jobs>',
     "declares XML entities"),
    (b'<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><workzag-jobs>&e;</workzag-jobs>',
     "declares XML entities"),
    (b"", "the response body is empty"),
    (b'{"jobs": []}', "the response is not XML"),
    (b"<workzag-jobs><position><id>1</id></workzag-jobs>", "malformed XML: Opening and ending tag mismatch"),
])
def test_documents_with_entities_or_broken_xml_are_refused(document, message):
    with pytest.raises(XmlFeedError, match=message):
        parse_xml_safely(document)


def test_byte_order_mark_and_empty_board_parse():
    root = parse_xml_safely(b"\xef\xbb\xbf" + (FILES / "empty.xml").read_bytes())
    assert root.tag == "workzag-jobs" and len(root) == 0


# ----------------------------------------------------------------------------------- crawls

def feed_server(reply: Reply, language: str = "de") -> FixtureServer:
    return FixtureServer({f"/xml?language={language}": reply})


def crawl_personio(server: FixtureServer, database_url: str, **arguments: str):
    return crawl("personio", {"company": COMPANY, "base_url": server.url, **arguments}, database_url)


def test_crawl_stores_every_position(migrated_database_url):
    with feed_server(Reply(FILES / "nordlicht-robotics.xml", content_type=XML)) as server:
        result = crawl_personio(server, migrated_database_url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert server.requests == ["/xml?language=de"]
    stored = {row.source_id: row for row in postings(migrated_database_url)}
    assert set(stored) == {"1873410", "1873522", "1874005", "1874190"}
    backend = stored["1873410"]
    assert (backend.source, backend.url, backend.title, backend.company) == (
        "personio", "https://nordlicht-robotics.jobs.personio.de/job/1873410", "Senior Backend Engineer Python",
        "Nordlicht Robotics GmbH")
    assert (backend.city, backend.region, backend.country, backend.date_posted) == (
        "München", "Bayern", "DE", date(2026, 11, 2))
    assert (backend.salary_min, backend.salary_max, backend.salary_currency, backend.salary_period) == (
        68000.0, 82000.0, "EUR", "year")
    assert (backend.contract_type, backend.employment_type, backend.experience_years_min) == (
        "permanent", "full_time", 5)
    assert "Python" in backend.skills and "Dein Profil" in backend.description
    assert stored["1873522"].ad_language == "en" and stored["1873410"].ad_language == "de"
    [run] = runs(migrated_database_url)
    assert (run.status, run.listing_complete, run.items) == ("succeeded", True, 4)
    for sighting in sightings(migrated_database_url):  # each position's XML is archived and reads back
        with Session(get_engine(migrated_database_url)) as session:
            body = load_document(session, sighting.document_sha256)
        assert PersonioSpider.fields_from_archive(body, sighting.url, "application/xml", NOW)["source_id"] == (
            sighting.source_id)


def test_english_feed_is_asked_for_and_linked(migrated_sqlite_url):
    with feed_server(Reply(FILES / "nordlicht-robotics.xml", content_type=XML), language="en") as server:
        result = crawl_personio(server, migrated_sqlite_url, language="en")
    assert result.returncode == 0, result.stderr[-3000:]
    assert server.requests == ["/xml?language=en"]
    assert all(row.url.endswith("?language=en") for row in postings(migrated_sqlite_url))
    assert runs(migrated_sqlite_url)[0].arguments == {"company": COMPANY, "base_url": server.url, "language": "en"}


def test_empty_feed_is_a_degraded_run(migrated_sqlite_url):
    with feed_server(Reply(FILES / "empty.xml", content_type=XML)) as server:
        result = crawl_personio(server, migrated_sqlite_url)
    assert result.returncode != 0
    assert postings(migrated_sqlite_url) == []
    [run] = runs(migrated_sqlite_url)
    assert (run.status, run.reason, run.items, run.listing_complete) == ("degraded", "zero items", 0, False)


@pytest.mark.parametrize(("reply", "answer"), [
    (Reply(FILES / "not-found.html", status=404, content_type="text/html; charset=utf-8"), "answered HTTP 404"),
    (Reply(b"", status=307, content_type="text/html", headers={"Location": "https://www.personio.com/"}),
     "redirected to https://www.personio.com/"),
])
def test_unknown_company_fails_the_run(migrated_sqlite_url, reply, answer):
    with feed_server(reply) as server:
        result = crawl_personio(server, migrated_sqlite_url)
    assert result.returncode != 0
    assert server.requests == ["/xml?language=de"]  # the redirect was not followed
    [run] = runs(migrated_sqlite_url)
    assert run.status == "failed"
    assert run.reason.startswith(f"company not found: '{COMPANY}' has no Personio job board")
    assert answer in run.reason
    assert postings(migrated_sqlite_url) == []


def test_odd_feed(migrated_sqlite_url):
    database_url = migrated_sqlite_url
    with feed_server(Reply(FILES / "odd.xml", content_type=XML)) as server:
        result = crawl_personio(server, database_url)
    assert result.returncode == 0, result.stderr[-3000:]
    stored = {row.source_id: row for row in postings(database_url)}
    assert set(stored) == {"2201337", "2201402", "2201588", "2201590"}
    dispatcher, head = stored["2201337"], stored["2201402"]
    assert (dispatcher.company, dispatcher.salary_min, dispatcher.salary_raw) == (
        "Weserbogen Logistik GmbH & Co. KG", None, None)
    assert "Tourenplanung für 40 Fahrzeuge" in dispatcher.description
    assert "&amp;" not in dispatcher.description and "<" not in dispatcher.description
    assert (head.title, head.location_raw, head.workplace_type, head.salary_min, head.salary_max) == (
        "Head of Sales DACH", "Remote; Berlin; Köln; Leipzig", "remote", 120000.0, None)
    storekeeper, student = stored["2201588"], stored["2201590"]
    assert (storekeeper.title, storekeeper.city, storekeeper.salary_period) == (
        "Lagerist 'Nachtschicht'", "Köln", "month")
    assert (student.city, student.workplace_type, student.contract_type) == (
        "Hannover", "hybrid", "working_student")
    assert student.description.startswith("What you'll do & learn\n\n- Plan newsletters & campaigns")
    [rejected] = rejections(database_url)
    assert rejected.reason == "missing id or title" and "<id>2201519</id>" in rejected.payload
    [run] = runs(database_url)
    assert (run.status, run.items, run.rejected) == ("succeeded", 4, 1)


def test_xml_bomb_is_refused_without_expanding(migrated_sqlite_url):
    with feed_server(Reply(FILES / "bomb.xml", content_type=XML)) as server:
        result = crawl_personio(server, migrated_sqlite_url)
    assert result.returncode != 0
    [run] = runs(migrated_sqlite_url)
    assert run.status == "failed" and "declares XML entities" in run.reason
    assert run.stats["elapsed_time_seconds"] < 10  # the crawl itself, without the process start
    assert postings(migrated_sqlite_url) == [] and rejections(migrated_sqlite_url) == []


def test_missing_company_is_refused_before_scrapy_starts(tmp_path):
    database_url = f"sqlite:///{tmp_path / 'never.db'}"
    with FixtureServer({}) as server:
        result = crawl("personio", {"base_url": server.url}, database_url)
    assert result.returncode == 2 and server.requests == []
    assert "personio: missing -a company=NAME" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "never.db").exists()


@pytest.mark.parametrize(("arguments", "reason"), [
    ({"company": "nordlicht-robotics"}, None),
    ({"company": "Nordlicht-Robotics", "language": "en"}, None),
    ({"company": "evil.example/"}, "is not a Personio subdomain"),
    ({"company": "nordlicht-robotics", "language": "english"}, "is not a two-letter language code"),
])
def test_company_and_language_arguments_are_checked(arguments, reason):
    problem = PersonioSpider(**arguments).argument_problem()
    assert problem == reason if reason is None else reason in problem
