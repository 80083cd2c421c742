"""The arbeitsagentur spider: Jobsuche answers mapped field by field, slicing over the 10,000 cap,
and real crawls of a fixture server."""

import json
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from sqlalchemy.orm import Session

from crawler.sources.arbeitsagentur import archived_answers, choose_slicing_facet, details_path
from crawler.sources.arbeitsagentur import posting_fields_from_ba
from crawler.spiders.arbeitsagentur import ArbeitsagenturSpider
from models.archive import load_document
from models.database import get_engine
from tests.support.crawl import crawl, postings, rejections, runs, sightings
from tests.support.fixture_server import FixtureServer, Reply

FILES = Path(__file__).parents[1] / "files" / "arbeitsagentur"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
SEARCH = {"was": "Data Engineer", "wo": "Köln", "umkreis": "25"}
FAST = {"DOWNLOAD_DELAY": "0"}


def search_item(fixture: str, refnr: str) -> dict:
    answer = json.loads((FILES / fixture).read_text(encoding="utf-8"))
    items = answer.get("ergebnisliste") or answer.get("stellenangebote")
    return next(item for item in items if refnr in (item.get("referenznummer"), item.get("refnr")))


def details(refnr: str) -> dict | None:
    path = FILES / f"details-{refnr}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


MAPPED = [
    ("search-page-1.json", "10000-1203345120-S", True, {
        "source_id": "10000-1203345120-S", "url": "https://www.arbeitsagentur.de/jobsuche/jobdetail/10000-1203345120-S",
        "apply_url": "https://karriere.rheinufer-analytics.example/jobs/4711", "title_raw": "Data Engineer (m/w/d)",
        "company": "Rheinufer Analytics GmbH", "city": "Köln", "postal_code": "50672", "region": "Nordrhein-Westfalen",
        "country": "DEUTSCHLAND", "location_raw": "50672 Köln",  # place as stated; the parser normalises it
        "employment_type": "full_time", "contract_type": "permanent",
        "workplace_type": "hybrid", "salary_min": 58000.0, "salary_max": 72000.0, "salary_currency": "EUR",
        # Republished on 16 November: first published on 2 November, the job's date; the
        # re-publication is kept as history.
        "salary_period": "year", "date_posted": date(2026, 11, 2), "date_posted_raw": "2026-11-02",
        "field_conflicts": {"date_posted": [{"value": "2026-11-02", "source": "source_api"},
                                            {"value": "2026-11-16", "source": "source_api", "note": "republished"}]},
        "start_date": date(2027, 1, 1)}),
    ("search-page-1.json", "14225-d678889039fc0001-S", True, {
        "title_raw": "Senior Data Engineer – Cloud Platform (f/m/d)", "contract_type": "fixed_term", "city": "Bonn",
        "apply_url": None, "salary_min": None, "workplace_type": None}),
    ("search-page-2.json", "12265-443677_JB4946295-S", False, {
        "title_raw": "Ausbildung Fachinformatiker/in Daten- und Prozessanalyse 2027", "contract_type": "apprenticeship",
        "city": "Leverkusen", "postal_code": "51373", "description": None, "date_posted": date(2026, 10, 5)}),
    ("search-odd.json", "10001-1004511887-S", True, {
        "title_raw": "Lagerhelfer (m/w/d) – Schichtarbeit", "via_agency": True, "city": None, "location_raw": None,
        "salary_min": None, "salary_period": None}),
    ("search-odd.json", "10000-1199887766-S", True, {
        "employment_type": "part_time", "location_raw": "50667 Köln; 53604 Bad Honnef; 10115 Berlin", "city": "Köln",
        "salary_min": 3200.0, "salary_currency": "EUR", "salary_period": "month", "date_posted": date(2026, 8, 1)}),
    ("search-odd.json", "10001-1004512001-S", False, {
        "title_raw": "Softwareentwickler/in", "company": None, "country": "DEUTSCHLAND", "region": None,
        "city": None}),
    ("search-v4-legacy.json", "18032-42355927-324-S", False, {
        "source_id": "18032-42355927-324-S", "title_raw": "Servicetechniker Robotik (m/w/d)",
        "company": "Isartal Automation GmbH", "apply_url": "https://jobs.isartal-automation.example/stellen/321",
        "city": "Garching bei München", "postal_code": "85748", "region": "Bayern", "country": "Deutschland",
        "date_posted": date(2026, 11, 18),
        "start_date": date(2026, 12, 1), "location_raw": "85748 Garching bei München"}),
]


@pytest.mark.parametrize(("fixture", "refnr", "with_details", "expected"), MAPPED)
def test_search_item_fields(fixture, refnr, with_details, expected):
    fields = posting_fields_from_ba(search_item(fixture, refnr), details(refnr) if with_details else None, NOW)
    assert {name: fields.get(name) for name in expected} == expected


def test_description_comes_from_the_details():
    refnr = "10000-1203345120-S"
    without = posting_fields_from_ba(search_item("search-page-1.json", refnr), None, NOW)
    with_details = posting_fields_from_ba(search_item("search-page-1.json", refnr), details(refnr), NOW)
    assert "description" not in without
    assert with_details["description"].startswith("Die Rheinufer Analytics GmbH entwickelt Datenplattformen")


@pytest.mark.parametrize(("fixture", "refnr", "with_details"), [
    ("search-page-1.json", "10000-1203345120-S", True), ("search-page-2.json", "12265-443677_JB4946295-S", False),
    ("search-v4-legacy.json", "18032-42355927-324-S", False)])
def test_archived_answers_read_back_the_same_fields(fixture, refnr, with_details):
    item, detail = search_item(fixture, refnr), details(refnr) if with_details else None
    fields = posting_fields_from_ba(item, detail, NOW)
    url = fields.pop("url")
    assert ArbeitsagenturSpider.fields_from_archive(archived_answers(item, detail), url, "application/json",
                                                    NOW) == fields


@pytest.mark.parametrize("body", [b"<html></html>", b"[]", b'{"details": {}}'])
def test_archive_of_another_shape_is_not_read(body):
    assert ArbeitsagenturSpider.fields_from_archive(body, "https://www.arbeitsagentur.de/x", None, NOW) is None


@pytest.mark.parametrize(("refnr", "path"), [
    ("10001-1002716922-S", "MTAwMDEtMTAwMjcxNjkyMi1T"),  # the example of bundesAPI/jobsuche-api
    ("18032-42355927-324-S", "MTgwMzItNDIzNTU5MjctMzI0LVM="),
    ("a?~", "YT9%2B"),  # "+" and "/" of Base64 would change the path
])
def test_details_path_is_base64_of_the_reference_number(refnr, path):
    assert details_path(refnr) == path


FIELDS = {"counts": {"Informatik": 6, "Vertrieb": 4}, "maxCount": 10}
EMPLOYERS = {"counts": {"Rheinufer Analytics GmbH": 7, "Domblick Software AG": 3}, "maxCount": 10}


@pytest.mark.parametrize(("query", "facets", "total", "expected"), [
    ({}, {"berufsfeld": FIELDS, "arbeitgeber": EMPLOYERS}, 10, ("berufsfeld", ["Informatik", "Vertrieb"])),
    ({"berufsfeld": "Informatik"}, {"berufsfeld": FIELDS, "arbeitgeber": EMPLOYERS}, 10,
     ("arbeitgeber", ["Rheinufer Analytics GmbH", "Domblick Software AG"])),
    ({}, {"berufsfeld": FIELDS, "arbeitgeber": EMPLOYERS}, 12, None),  # neither adds up: a list cut short
    ({}, {"berufsfeld": {"counts": {"Informatik": 6, "Vertrieb": 0, "Bau": 4}}}, 10, None),
    ({}, {"veroeffentlichtseit": {"counts": {"1": 4, "7": 10}}}, 10, None),  # windows nest, never a split
    ({}, None, 10, None),
    ({}, {}, 10, None),
])
def test_choose_slicing_facet(query, facets, total, expected):
    assert choose_slicing_facet(query, facets, total) == expected


# ----------------------------------------------------------------------------------- crawls

def jobsuche_server(searches: list[tuple[dict, str]], details_of: list[str] = (),
                    vanished: list[str] = ()) -> FixtureServer:
    """A Jobsuche API on 127.0.0.1: search answers by exact query, details by Base64 reference number."""
    def search(handler):
        query = dict(parse_qsl(urlsplit(handler.path).query))
        for parameters, fixture in searches:
            if query == {name: str(value) for name, value in parameters.items()}:
                return Reply(FILES / fixture)
        return Reply(json.dumps({"error": f"no fixture for {query}"}), status=400)

    routes = {"/pc/v6/jobs": search}
    routes.update({f"/pc/v4/jobdetails/{details_path(refnr)}": Reply(FILES / f"details-{refnr}.json")
                   for refnr in details_of})
    routes.update({f"/pc/v4/jobdetails/{details_path(refnr)}": Reply(FILES / "details-404.json", status=404)
                   for refnr in vanished})
    return FixtureServer(routes)


def search_queries(server: FixtureServer) -> list[dict]:
    return [dict(parse_qsl(urlsplit(path).query)) for path in server.requests if path.startswith("/pc/v6/jobs")]


def crawl_ba(server, database_url, arguments=SEARCH, **settings):
    return crawl("arbeitsagentur", {**arguments, "base_url": server.url}, database_url,
                 settings={**FAST, **{name: str(value) for name, value in settings.items()}})


NORMAL = [({**SEARCH, "page": 1, "size": 2}, "search-page-1.json"),
          ({**SEARCH, "page": 2, "size": 2}, "search-page-2.json")]


def test_crawl_pages_the_search_and_reads_details(migrated_database_url):
    with jobsuche_server(NORMAL, details_of=["10000-1203345120-S", "14225-d678889039fc0001-S"],
                         vanished=["12265-443677_JB4946295-S"]) as server:
        result = crawl_ba(server, migrated_database_url, JOBCRAWL_ARBEITSAGENTUR_PAGE_SIZE=2)
    assert result.returncode == 0, result.stderr[-3000:]
    assert search_queries(server) == [{**SEARCH, "page": "1", "size": "2"}, {**SEARCH, "page": "2", "size": "2"}]
    assert server.count("/pc/v4/jobdetails/") == 3
    api_keys = [{name.lower(): value for name, value in headers.items()}.get("x-api-key")
                for headers in server.request_headers]
    assert api_keys == ["jobboerse-jobsuche"] * len(server.requests)
    stored = {row.source_id: row for row in postings(migrated_database_url)}
    assert set(stored) == {"10000-1203345120-S", "14225-d678889039fc0001-S", "12265-443677_JB4946295-S"}
    engineer = stored["10000-1203345120-S"]
    assert (engineer.source, engineer.url, engineer.apply_url) == (
        "arbeitsagentur", "https://www.arbeitsagentur.de/jobsuche/jobdetail/10000-1203345120-S",
        "https://karriere.rheinufer-analytics.example/jobs/4711")
    assert (engineer.title, engineer.company, engineer.city, engineer.postal_code, engineer.country) == (
        "Data Engineer", "Rheinufer Analytics GmbH", "Köln", "50672", "DE")
    assert (engineer.date_posted, engineer.salary_min, engineer.salary_max, engineer.salary_period) == (
        date(2026, 11, 2), 58000.0, 72000.0, "year")
    assert (engineer.contract_type, engineer.employment_type, engineer.workplace_type) == (
        "permanent", "full_time", "hybrid")
    assert {"Python", "Airflow", "dbt"} <= set(engineer.skills) and engineer.ad_language == "de"
    cloud = stored["14225-d678889039fc0001-S"]
    assert (cloud.title, cloud.contract_type, cloud.ad_language) == (
        "Senior Data Engineer – Cloud Platform", "fixed_term", "en")
    apprenticeship = stored["12265-443677_JB4946295-S"]  # details answered 404: the search item suffices
    assert (apprenticeship.contract_type, apprenticeship.city, apprenticeship.description) == (
        "apprenticeship", "Leverkusen", None)
    [run] = runs(migrated_database_url)
    assert (run.status, run.listing_complete, run.items) == ("succeeded", True, 3)
    assert run.stats["jobcrawl/arbeitsagentur/details_missing"] == 1
    for sighting in sightings(migrated_database_url):  # search item + details are archived and read back
        with Session(get_engine(migrated_database_url)) as session:
            body = load_document(session, sighting.document_sha256)
        fields = ArbeitsagenturSpider.fields_from_archive(body, sighting.url, "application/json", NOW)
        assert fields["source_id"] == sighting.source_id


def test_empty_answer_is_a_degraded_run(migrated_sqlite_url):
    with jobsuche_server([({**SEARCH, "page": 1, "size": 100}, "search-empty.json")]) as server:
        result = crawl_ba(server, migrated_sqlite_url)
    assert result.returncode != 0
    assert server.count("/pc/v6/jobs") == 1 and server.count("/pc/v4/jobdetails/") == 0
    [run] = runs(migrated_sqlite_url)
    assert (run.status, run.reason, run.items) == ("degraded", "zero items", 0)
    assert postings(migrated_sqlite_url) == []


def test_search_not_found_fails_the_run(migrated_sqlite_url):
    with FixtureServer({"/pc/v6/jobs": Reply(FILES / "search-404.json", status=404)}) as server:
        result = crawl_ba(server, migrated_sqlite_url)
    assert result.returncode != 0
    [run] = runs(migrated_sqlite_url)
    assert run.status == "failed"
    assert run.reason.startswith("the Jobsuche search failed for was=Data Engineer, wo=Köln, umkreis=25: HTTP 404 ")
    assert '"error":"Not Found"' in run.reason


def test_odd_answers(migrated_sqlite_url):
    with jobsuche_server([({**SEARCH, "page": 1, "size": 100}, "search-odd.json")],
                         details_of=["10001-1004511887-S", "10000-1199887766-S"],
                         vanished=["10001-1004512001-S"]) as server:
        result = crawl_ba(server, migrated_sqlite_url)
    assert result.returncode == 0, result.stderr[-3000:]
    stored = {row.source_id: row for row in postings(migrated_sqlite_url)}
    helper, manager, untitled = (stored["10001-1004511887-S"], stored["10000-1199887766-S"],
                                 stored["10001-1004512001-S"])
    # the answer's stellenlokationen is empty; the description places the client's site ("ein Logistikzentrum im
    # Kölner Norden")
    assert (helper.city, helper.country, helper.salary_min, helper.via_agency) == ("Köln", "DE", None, True)
    assert helper.description.startswith("Für unseren Kunden, ein Logistikzentrum")
    assert "Kommissionierung & Verpackung" in helper.description
    assert manager.title == "Filialleiter 'Brot & Zeit' Bäckerei"
    assert (manager.location_raw, manager.city, manager.employment_type) == (
        "50667 Köln; 53604 Bad Honnef; 10115 Berlin", "Köln", "part_time")
    assert (untitled.title_raw, untitled.country, untitled.company) == ("Softwareentwickler/in", "DE", None)
    assert runs(migrated_sqlite_url)[0].listing_complete is True


def test_legacy_v4_answer_is_read(migrated_sqlite_url):
    with jobsuche_server([({"was": "Mechatroniker", "page": 1, "size": 100}, "search-v4-legacy.json")]) as server:
        result = crawl_ba(server, migrated_sqlite_url, {"was": "Mechatroniker"})
    assert result.returncode == 0, result.stderr[-3000:]
    [row] = postings(migrated_sqlite_url)
    assert (row.source_id, row.title, row.company, row.postal_code, row.region, row.date_posted, row.apply_url) == (
        "18032-42355927-324-S", "Servicetechniker Robotik", "Isartal Automation GmbH", "85748", "Bayern",
        date(2026, 11, 18), "https://jobs.isartal-automation.example/stellen/321")


SOFTWARE = "Softwareentwicklung und Programmierung"
NETWORK = "IT-Netzwerktechnik, -Administration, -Organisation"
SLICED = [
    ({**SEARCH, "page": 1, "size": 2}, "slicing-all.json"),
    ({**SEARCH, "berufsfeld": SOFTWARE, "page": 1, "size": 2}, "slicing-software.json"),
    ({**SEARCH, "berufsfeld": SOFTWARE, "arbeitgeber": "Rheinufer Analytics GmbH", "page": 1, "size": 2},
     "slicing-software-rheinufer-1.json"),
    ({**SEARCH, "berufsfeld": SOFTWARE, "arbeitgeber": "Rheinufer Analytics GmbH", "page": 2, "size": 2},
     "slicing-software-rheinufer-2.json"),
    ({**SEARCH, "berufsfeld": SOFTWARE, "arbeitgeber": "Domblick Software AG", "page": 1, "size": 2},
     "slicing-software-domblick-1.json"),
    ({**SEARCH, "berufsfeld": NETWORK, "page": 1, "size": 2}, "slicing-network-1.json"),
    ({**SEARCH, "berufsfeld": NETWORK, "page": 2, "size": 2}, "slicing-network-2.json"),
]
SLICE_JOBS = {f"10000-12000000{n:02d}-S" for n in range(9)}


def test_query_over_the_cap_is_sliced_until_every_slice_fits(migrated_sqlite_url):
    with jobsuche_server(SLICED, vanished=sorted(SLICE_JOBS)) as server:
        result = crawl_ba(server, migrated_sqlite_url, JOBCRAWL_ARBEITSAGENTUR_RESULT_CAP=4, JOBCRAWL_ARBEITSAGENTUR_PAGE_SIZE=2)
    assert result.returncode == 0, result.stderr[-3000:]
    asked = sorted(search_queries(server), key=lambda query: sorted(query.items()))
    expected = sorted(({name: str(value) for name, value in parameters.items()} for parameters, _ in SLICED),
                      key=lambda query: sorted(query.items()))
    assert asked == expected  # every slice and page once, nothing else
    assert server.count("/pc/v4/jobdetails/") == 9  # the unsliced page 1 repeats jobs of the slices: asked once
    stored = [row.source_id for row in postings(migrated_sqlite_url)]
    assert sorted(stored) == sorted(SLICE_JOBS)
    [run] = runs(migrated_sqlite_url)
    assert (run.status, run.listing_complete, run.items) == ("succeeded", True, 9)
    assert run.stats["jobcrawl/arbeitsagentur/sliced_queries"] == 2


def test_query_no_facet_can_split_is_paged_to_the_cap_and_reported(migrated_sqlite_url):
    searches = [({**SEARCH, "page": 1, "size": 2}, "unsliceable-1.json"),
                ({**SEARCH, "page": 2, "size": 2}, "unsliceable-2.json")]
    with jobsuche_server(searches, vanished=sorted(SLICE_JOBS)) as server:
        result = crawl_ba(server, migrated_sqlite_url, JOBCRAWL_ARBEITSAGENTUR_RESULT_CAP=4, JOBCRAWL_ARBEITSAGENTUR_PAGE_SIZE=2)
    assert result.returncode == 0, result.stderr[-3000:]
    assert [query["page"] for query in search_queries(server)] == ["1", "2"]  # page 3 is over the cap
    assert len(postings(migrated_sqlite_url)) == 4
    [run] = runs(migrated_sqlite_url)
    assert (run.status, run.listing_complete) == ("succeeded", False)
    assert run.stats["jobcrawl/arbeitsagentur/unreachable_results"] == 2
    assert "6 results but only the first 4 can be paged" in run.stats["jobcrawl/arbeitsagentur/listing_gaps"]


def test_12000_results_are_sliced_and_a_shortfall_is_reported(migrated_sqlite_url):
    searches = [({**SEARCH, "page": 1, "size": 100}, "over-cap-12000.json"),
                ({**SEARCH, "berufsfeld": SOFTWARE, "page": 1, "size": 100}, "over-cap-software.json"),
                ({**SEARCH, "berufsfeld": "Informatik", "page": 1, "size": 100}, "over-cap-informatik.json")]
    with jobsuche_server(searches, vanished=sorted(SLICE_JOBS)) as server:
        result = crawl_ba(server, migrated_sqlite_url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(query.get("berufsfeld", "") for query in search_queries(server)) == ["", "Informatik", SOFTWARE]
    assert sorted(row.source_id for row in postings(migrated_sqlite_url)) == [
        "10000-1200000000-S", "10000-1200000004-S", "10000-1200000006-S"]
    [run] = runs(migrated_sqlite_url)
    assert run.listing_complete is False  # the slices answered 3 of the 12,000 results
    assert run.stats["jobcrawl/arbeitsagentur/unreachable_results"] == 11997
    assert "cover 3 of its 12000 results" in run.stats["jobcrawl/arbeitsagentur/listing_gaps"]
    assert rejections(migrated_sqlite_url) == []


@pytest.mark.parametrize(("arguments", "reason"), [
    ({"umkreis": "25"}, "give -a was=QUERY"),
    ({"was": "Koch", "umkreis": "25", "veroeffentlichtseit": "7"}, None),
    ({"was": "Koch", "umkreis": "weit"}, "is not a whole number of kilometres"),
    ({"was": "Koch", "veroeffentlichtseit": "365"}, "must be a number of days from 0 to 100"),
])
def test_bad_arguments_are_explained(arguments, reason):
    problem = ArbeitsagenturSpider(**arguments).argument_problem()
    assert problem == reason if reason is None else reason in problem
