"""The rss spider: feed items mapped field by field (RSS 2.0, Teamtailor, SuccessFactors, Atom),
and real crawls of a fixture server."""

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from crawler.bases.rss_feed import with_query
from crawler.bases.xml_feed import XmlFeedError, parse_xml_safely
from crawler.sources.rss import (
    feed_items,
    feed_title,
    is_teamtailor_feed,
    posting_fields_from_feed_item,
    single_item_feed,
)
from crawler.spiders.rss import RssSpider
from tests.support.crawl import crawl, postings, rejections, runs
from tests.support.fixture_server import FixtureServer, Reply

FILES = Path(__file__).parents[1] / "files" / "rss"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
RSS = "application/rss+xml; charset=utf-8"


def items_of(fixture: str) -> list[dict]:
    root = parse_xml_safely((FILES / fixture).read_bytes())
    company = feed_title(root) if is_teamtailor_feed(root) else None
    return [posting_fields_from_feed_item(item, NOW, feed_company=company) for item in feed_items(root)]


MAPPED = [
    ("teamtailor-jobs.rss", 0, {
        "source_id": "5d0c7e1a-2f43-4c1b-9a7e-0b6f2d1c3e44",
        "url": "https://fjordlicht.teamtailor.com/jobs/6120034-senior-game-developer-unity",
        "title_raw": "Senior Game Developer (Unity)", "company": "Fjordlicht Studios", "workplace_type": "hybrid",
        "city": "Hamburg", "postal_code": "22767", "country": "Germany", "location_raw": "Hamburg Studio",
        "date_posted": date(2026, 11, 10), "date_posted_raw": "Tue, 10 Nov 2026 09:15:01 +0100"}),
    ("teamtailor-jobs.rss", 1, {
        "title_raw": "Community Manager (m/w/d) – Teilzeit", "workplace_type": "remote", "city": None,
        "country": "Germany", "location_raw": "Remote Germany"}),
    ("teamtailor-jobs.rss", 2, {
        # remoteStatus "none" is an unset status (Teamtailor also sends "onsite"), and the text is silent
        "title_raw": "Art Director & Lead Illustrator", "workplace_type": None, "city": "Hamburg",
        "location_raw": "Hamburg Studio; Oslo"}),
    ("successfactors-googlefeed.xml", 0, {
        "source_id": "1104512301", "title_raw": "Controller (m/w/d)", "company": "Hanseatische Werft Holding SE",
        "location_raw": "Hamburg, DE, 20457", "city": None,  # free text: the parser reads the place
        "valid_through": date(2027, 1, 31), "date_posted": None}),
    ("successfactors-googlefeed.xml", 1, {
        "title_raw": "Naval Architect (f/m/d)", "company": "Hanseatische Werft Kiel GmbH",
        "location_raw": "Kiel, DE, 24143"}),
    ("atom-board.xml", 0, {
        "source_id": "tag:jobs.elbtal-boerse.example,2026:job-88214",
        "url": "https://jobs.elbtal-boerse.example/stellen/88214?utm_source=feed&utm_medium=atom",
        "title_raw": "Pflegefachkraft (m/w/d) Intensivstation", "date_posted": date(2026, 11, 20), "company": None}),
    ("atom-board.xml", 1, {"url": "https://jobs.elbtal-boerse.example/stellen/88230",
                           "date_posted": date(2026, 11, 21)}),
    ("odd.rss", 0, {
        "title_raw": "Kaufmann/-frau für Büromanagement (m/w/d) – 'Ausbildung 2027'",
        "company": "Heidekreis Stadtwerke GmbH", "contract_type": "apprenticeship", "employment_type": "full_time",
        "location_raw": "21244 Buchholz in der Nordheide"}),
    ("odd.rss", 1, {
        "url": "https://stellen.nordheide-markt.example/angebot/5530", "workplace_type": "remote",
        "location_raw": "Remote (Germany)", "employment_type": "part_time", "contract_type": "fixed_term",
        "salary_min": 45000.0, "salary_max": 55000.0, "salary_currency": "EUR", "salary_period": "year", "date_posted": date(2026, 11, 19)}),
    ("odd.rss", 2, {"url": None, "title_raw": "Lagermitarbeiter (m/w/d)", "city": None}),
    ("odd.rss", 3, {"url": "https://stellen.nordheide-markt.example/angebot/5544", "date_posted": None,
                    "date_posted_raw": "kein Datum"}),
]


@pytest.mark.parametrize(("fixture", "index", "expected"), MAPPED)
def test_item_fields(fixture, index, expected):
    fields = items_of(fixture)[index]
    assert {name: fields.get(name) for name in expected} == expected


@pytest.mark.parametrize(("fixture", "index", "starts_with"), [
    ("teamtailor-jobs.rss", 0, "<p>At Fjordlicht Studios we build"),  # entity-escaped HTML
    ("successfactors-googlefeed.xml", 0, "<p><strong>Ihre Aufgaben</strong></p><ul><li>Monatsabschl&uuml;sse"),
    ("atom-board.xml", 1, '<div xmlns="http://www.w3.org/1999/xhtml"><p>Help our Leipzig office'),  # xhtml content
    ("odd.rss", 0, "<p>Ausbildung zum Kaufmann f&uuml;r"),  # escaped twice: unescaped once more
    ("odd.rss", 1, "<p>Für unseren Kunden"),  # content:encoded (CDATA) wins over description
])
def test_description_is_the_item_html(fixture, index, starts_with):
    assert items_of(fixture)[index]["description"].startswith(starts_with)


def test_content_encoded_is_preferred_to_the_summary():
    assert "Vorbereitung des Jahresabschlusses" in items_of("odd.rss")[1]["description"]


@pytest.mark.parametrize("fixture", ["teamtailor-jobs.rss", "successfactors-googlefeed.xml", "atom-board.xml",
                                     "odd.rss"])
def test_one_item_feed_archive_reads_back_the_same_fields(fixture):
    root = parse_xml_safely((FILES / fixture).read_bytes())
    for item, fields in zip(feed_items(root), items_of(fixture)):
        url = fields.pop("url", None)
        archived = single_item_feed(root, item)
        if fields.get("title_raw"):
            assert RssSpider.fields_from_archive(archived, url, "application/xml", NOW) == fields


@pytest.mark.parametrize(("url", "parameters", "expected"), [
    ("https://x.teamtailor.com/jobs.rss", {"offset": 0, "per_page": 100},
     "https://x.teamtailor.com/jobs.rss?offset=0&per_page=100"),
    ("https://x.teamtailor.com/jobs.rss?per_page=2&lang=de", {"offset": 2},
     "https://x.teamtailor.com/jobs.rss?per_page=2&lang=de&offset=2"),
])
def test_with_query(url, parameters, expected):
    assert with_query(url, **parameters) == expected


@pytest.mark.parametrize(("fixture", "message"), [
    ("malformed.rss", "malformed XML: xmlParseEntityRef: no name, line 7"),
    ("retired-feed.html", "the server sent an HTML page, not an XML feed"),
])
def test_unusable_documents_are_refused(fixture, message):
    with pytest.raises(XmlFeedError, match=message):
        parse_xml_safely((FILES / fixture).read_bytes())


@pytest.mark.parametrize(("url", "reason"), [
    ("https://careers.example.com/jobs.rss", None),
    ("", "missing -a url=FEED"),
    ("ftp://careers.example.com/jobs.rss", "is not an http(s) URL"),
    ("careers.example.com/jobs.rss", "is not an http(s) URL"),
])
def test_url_argument_is_checked(url, reason):
    problem = RssSpider(url=url).argument_problem()
    assert problem == reason if reason is None else reason in problem


# ----------------------------------------------------------------------------------- crawls

def crawl_feed(server: FixtureServer, path: str, database_url: str):
    return crawl("rss", {"url": f"{server.url}{path}"}, database_url)


def test_teamtailor_feed(migrated_sqlite_url):
    routes = {"/jobs.rss?offset=0&per_page=100": Reply(FILES / "teamtailor-jobs.rss", content_type=RSS)}
    with FixtureServer(routes) as server:
        result = crawl_feed(server, "/jobs.rss", migrated_sqlite_url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert server.requests == ["/jobs.rss?offset=0&per_page=100"]
    stored = {row.source_id: row for row in postings(migrated_sqlite_url)}
    assert len(stored) == 3
    developer = stored["5d0c7e1a-2f43-4c1b-9a7e-0b6f2d1c3e44"]
    assert (developer.source, developer.url, developer.title, developer.company) == (
        "rss", "https://fjordlicht.teamtailor.com/jobs/6120034-senior-game-developer-unity",
        "Senior Game Developer (Unity)", "Fjordlicht Studios")
    assert (developer.city, developer.postal_code, developer.country, developer.workplace_type) == (
        "Hamburg", "22767", "DE", "hybrid")
    assert (developer.date_posted, developer.experience_years_min, developer.ad_language) == (
        date(2026, 11, 10), 5, "en")
    assert "Build gameplay systems in C# and Unity" in developer.description and "<" not in developer.description
    community = stored["9b2f0c55-7d1e-4a0e-8c61-3f5e2a9d7b10"]
    assert (community.title, community.workplace_type, community.ad_language) == (
        "Community Manager – Teilzeit", "remote", "de")
    [run] = runs(migrated_sqlite_url)
    assert (run.status, run.listing_complete, run.items) == ("succeeded", True, 3)


def test_teamtailor_feed_is_paged_while_pages_come_back_full(migrated_sqlite_url):
    routes = {"/jobs.rss?per_page=2": Reply(FILES / "teamtailor-page-1.rss", content_type=RSS),
              "/jobs.rss?per_page=2&offset=2": Reply(FILES / "teamtailor-page-2.rss", content_type=RSS)}
    with FixtureServer(routes) as server:
        result = crawl_feed(server, "/jobs.rss?per_page=2", migrated_sqlite_url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert server.requests == ["/jobs.rss?per_page=2", "/jobs.rss?per_page=2&offset=2"]
    assert len(postings(migrated_sqlite_url)) == 3
    assert runs(migrated_sqlite_url)[0].listing_complete is True


def test_successfactors_google_feed(migrated_sqlite_url):
    routes = {"/googlefeed.xml": Reply(FILES / "successfactors-googlefeed.xml", content_type="text/xml")}
    with FixtureServer(routes) as server:
        result = crawl_feed(server, "/googlefeed.xml", migrated_sqlite_url)
    assert result.returncode == 0, result.stderr[-3000:]
    stored = {row.source_id: row for row in postings(migrated_sqlite_url)}
    controller = stored["1104512301"]
    assert (controller.title, controller.company, controller.city, controller.postal_code) == (
        "Controller", "Hanseatische Werft Holding SE", "Hamburg", "20457")
    assert (controller.valid_through, controller.experience_years_min) == (date(2027, 1, 31), 3)
    assert "Monatsabschlüsse nach HGB und IFRS" in controller.description
    assert stored["1104519877"].title == "Naval Architect"


def test_atom_feed(migrated_sqlite_url):
    with FixtureServer({"/feed.atom": Reply(FILES / "atom-board.xml", content_type="application/atom+xml")}) as server:
        result = crawl_feed(server, "/feed.atom", migrated_sqlite_url)
    assert result.returncode == 0, result.stderr[-3000:]
    stored = {row.url: row for row in postings(migrated_sqlite_url)}
    assert set(stored) == {"https://jobs.elbtal-boerse.example/stellen/88214",  # tracking parameters removed
                           "https://jobs.elbtal-boerse.example/stellen/88230"}
    nurse = stored["https://jobs.elbtal-boerse.example/stellen/88214"]
    assert (nurse.title, nurse.date_posted, nurse.contract_type, nurse.employment_type) == (
        "Pflegefachkraft Intensivstation", date(2026, 11, 20), "permanent", "full_time")
    assert stored["https://jobs.elbtal-boerse.example/stellen/88230"].description.startswith("Help our Leipzig office")


def test_empty_feed_is_a_degraded_run(migrated_sqlite_url):
    with FixtureServer({"/jobs.rss?offset=0&per_page=100": Reply(FILES / "empty.rss", content_type=RSS)}) as server:
        result = crawl_feed(server, "/jobs.rss", migrated_sqlite_url)
    assert result.returncode != 0
    [run] = runs(migrated_sqlite_url)
    assert (run.status, run.reason, run.items) == ("degraded", "zero items", 0)


@pytest.mark.parametrize(("reply", "reason"), [
    (Reply(FILES / "not-found.html", status=404, content_type="text/html"), "feed not found: {url} answered HTTP 404"),
    (Reply(FILES / "malformed.rss", content_type=RSS),
     "not a usable feed: {url} (Content-Type application/rss+xml; charset=utf-8): malformed XML: "
     "xmlParseEntityRef: no name, line 7, column 31"),
    (Reply(FILES / "retired-feed.html", content_type="text/html; charset=utf-8"),
     "not a usable feed: {url} (Content-Type text/html; charset=utf-8): the server sent an HTML page"),
])
def test_unusable_feed_fails_the_run_with_the_reason(migrated_sqlite_url, reply, reason):
    with FixtureServer({"/careers/feed.xml": reply}) as server:
        result = crawl_feed(server, "/careers/feed.xml", migrated_sqlite_url)
        url = f"{server.url}/careers/feed.xml"
    assert result.returncode != 0
    [run] = runs(migrated_sqlite_url)
    assert run.status == "failed" and run.reason.startswith(reason.format(url=url))
    assert postings(migrated_sqlite_url) == []


def test_odd_feed(migrated_sqlite_url):
    with FixtureServer({"/rss": Reply(FILES / "odd.rss", content_type=RSS)}) as server:
        result = crawl_feed(server, "/rss", migrated_sqlite_url)
    assert result.returncode == 0, result.stderr[-3000:]
    stored = {row.url: row for row in postings(migrated_sqlite_url)}
    assert set(stored) == {f"https://stellen.nordheide-markt.example/angebot/{number}"
                           for number in (5521, 5530, 5544, 5551)}
    trainee = stored["https://stellen.nordheide-markt.example/angebot/5521"]
    assert trainee.title == "Kaufmann für Büromanagement – 'Ausbildung 2027'"
    assert trainee.description == "Ausbildung zum Kaufmann für Büromanagement bei der Heidekreis Stadtwerke GmbH."
    bookkeeper = stored["https://stellen.nordheide-markt.example/angebot/5530"]
    assert (bookkeeper.via_agency, bookkeeper.salary_min, bookkeeper.salary_max, bookkeeper.workplace_type) == (
        True, 45000.0, 55000.0, "remote")
    driver = stored["https://stellen.nordheide-markt.example/angebot/5544"]
    assert (driver.date_posted, driver.city) == (None, None)
    educator = stored["https://stellen.nordheide-markt.example/angebot/5551"]
    assert (educator.city, educator.region, educator.company, educator.source_id) == (
        "Lüneburg", "Niedersachsen", "Kita Sonnenhof gGmbH", "5551")
    [rejected] = rejections(migrated_sqlite_url)
    assert rejected.reason == "feed item without link or title" and "Lagermitarbeiter" in rejected.payload
