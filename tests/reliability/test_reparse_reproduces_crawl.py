"""Issue 13, finding 1: re-parsing with the parser version that crawled changes nothing.

A crawl and ``jobcrawl reparse`` run the same steps (:mod:`pipelines.posting_steps`), so after a
crawl, a re-parse of the raw archive must leave every stored field as the crawl wrote it — on
pages with umlauts, with mojibake the crawl repairs ("fÃ¼r" → "für"), with HTML entities, served
as Latin-1, as JSON-LD or as plain HTML — and on the bundled sample board.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from crawler.reparse import reparse
from models.database import get_engine
from models.tables import Posting, PostingSkill, PostingVersion, Sighting
from tests.reliability.job_pages import job_page, job_posting, sitemap
from tests.support.crawl import crawl
from tests.support.fixture_server import FixtureServer, Reply

pytestmark = pytest.mark.timeout(600)

MOJIBAKE_TITLE = "Elektroniker für Energie- und Gebäudetechnik (m/w/d)".encode("utf-8").decode("latin-1")
PLAIN_HTML_AD = """<!doctype html><html lang="de"><head><title>Sachbearbeiter Buchhaltung</title></head><body>
<h1>Sachbearbeiter Buchhaltung (m/w/d) in Düsseldorf</h1>
<p>Die Rheinwerk Süd GmbH sucht Verstärkung für die Finanzbuchhaltung.</p>
<h2>Ihre Aufgaben</h2><ul><li>Prüfung der Eingangsrechnungen</li><li>Abstimmung der Konten</li></ul>
<h2>Ihr Profil</h2><ul><li>Kaufmännische Ausbildung</li><li>Sehr gute Deutschkenntnisse</li></ul>
<p>Gehalt: 45.000 – 52.000 € brutto im Jahr</p></body></html>"""


def pages() -> dict[str, Reply]:
    """Ad pages whose text the crawl's steps change: mojibake, entities, Latin-1, plain HTML."""
    html = "text/html; charset=utf-8"
    mojibake = job_posting(1, title=MOJIBAKE_TITLE, description=(
        "<p>Wir suchen einen Elektroniker fÃ¼r die GebÃ¤udetechnik in MÃ¼nchen.</p>"
        "<h3>Ihre Aufgaben</h3><ul><li>Installation und PrÃ¼fung von Anlagen</li></ul>"))
    entities = job_posting(2, title="Ingenieur f&uuml;r Stra&szlig;enbau (m/w/d)",
                           hiringOrganization={"@type": "Organization", "name": "M&uuml;ller &amp; S&ouml;hne KG"})
    routes = {
        "/jobs/mojibake": Reply(job_page(1, node=mojibake), content_type=html),
        "/jobs/entities": Reply(job_page(2, node=entities), content_type=html),
        "/jobs/umlauts": Reply(job_page(3), content_type=html),
        "/jobs/latin1": Reply(job_page(4).replace('<meta charset="utf-8">', "").encode("latin-1"),
                              content_type="text/html; charset=iso-8859-1"),
        "/jobs/plain": Reply(PLAIN_HTML_AD, content_type=html),
    }
    routes["/sitemap.xml"] = Reply(sitemap([f"{{{{BASE_URL}}}}{path}" for path in routes]),
                                   content_type="application/xml")
    return routes


def stored_state(database_url: str) -> dict:
    """Every stored field of every posting, sighting and skill row, and the version history."""
    with get_engine(database_url).connect() as connection:
        return {
            "postings": [row._asdict() for row in connection.execute(select(Posting).order_by(Posting.id))],
            "sightings": [row._asdict() for row in connection.execute(select(Sighting).order_by(Sighting.id))],
            "skills": sorted(map(tuple, connection.execute(select(PostingSkill.posting_id, PostingSkill.skill)))),
            "versions": connection.execute(select(PostingVersion.id)).all(),
        }


def differences(before: dict, after: dict) -> list[str]:
    """``table id field: old -> new`` for every stored value the re-parse changed."""
    changed = [f"{name}: {len(before[name])} rows -> {len(after[name])}" for name in before
               if len(before[name]) != len(after[name])]
    for name in ("postings", "sightings"):
        for old, new in zip(before[name], after[name]):
            changed += [f"{name} {old['id']} {field}: {old[field]!r} -> {new[field]!r}"
                        for field in old if old[field] != new[field]]
    if before["skills"] != after["skills"]:
        changed.append("posting_skills differ")
    return changed


def test_reparse_after_a_crawl_changes_no_stored_field(migrated_database_url, tmp_path):
    with FixtureServer(pages()) as server:
        result = crawl("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, migrated_database_url)
    assert result.returncode == 0, result.stderr[-2000:]
    before = stored_state(migrated_database_url)
    titles = {row["title"] for row in before["postings"]}
    # The crawl repaired the text: the comparison below is over repaired, non-ASCII content.
    assert "Elektroniker für Energie- und Gebäudetechnik" in titles, titles
    assert not any("Ã" in json.dumps(row, default=str, ensure_ascii=False) for row in before["postings"])
    assert len(before["postings"]) == 5

    outcome = reparse(get_engine(migrated_database_url))

    assert (outcome.read, outcome.updated, outcome.rejected) == (5, 0, 0)
    assert differences(before, stored_state(migrated_database_url)) == []


def test_reparse_of_the_crawled_sample_board_changes_no_stored_field(sample_board, migrated_database_url):
    result = crawl("jsonld", {"sitemap": f"{sample_board.url}/sitemap.xml"}, migrated_database_url)
    assert result.returncode == 0, result.stderr[-2000:]
    before = stored_state(migrated_database_url)
    assert len(before["postings"]) >= 50

    outcome = reparse(get_engine(migrated_database_url))

    assert outcome.updated == 0 and outcome.read == len(before["sightings"])
    assert differences(before, stored_state(migrated_database_url)) == []


@pytest.fixture(params=["sqlite", "postgresql"])
def demo_crawled_url(request, sample_board, demo_crawls, tmp_path):
    """A database holding every crawl of ``jobcrawl demo``, for this test to re-parse: on SQLite a
    copy of the session's (tests/conftest.py ``demo_crawls``, read by test_demo_sources), on
    PostgreSQL crawled here."""
    if request.param == "sqlite":
        return demo_crawls.sqlite_copy(tmp_path / "demo.db")
    from crawler.demo import demo_crawls as crawls_of_the_demo

    url = request.getfixturevalue("migrated_postgres_url")
    for spider, arguments in crawls_of_the_demo(sample_board.url):
        result = crawl(spider, dict(argument.split("=", 1) for argument in arguments), url)
        assert result.returncode == 0, (spider, result.stderr[-2000:])
    return url


def test_reparse_after_every_demo_crawl_changes_no_stored_field(demo_crawled_url):
    """The board and its sample sources (Greenhouse, Personio, StepStone, Bundesagentur), as
    ``jobcrawl demo`` crawls them: a StepStone ad's listing entry (region, the listing's salary
    text) is part of what the crawl read, so the re-parse must read it too."""
    before = stored_state(demo_crawled_url)
    assert {row["source"] for row in before["sightings"]} >= {"jsonld", "greenhouse", "personio", "stepstone",
                                                              "arbeitsagentur"}

    archived = [row for row in before["sightings"] if row["document_sha256"]]
    # The JSON-API spiders (Greenhouse) keep no archived copy, so a re-parse leaves their postings alone.
    assert {row["source"] for row in archived} >= {"jsonld", "personio", "stepstone", "arbeitsagentur"}

    outcome = reparse(get_engine(demo_crawled_url))

    assert (outcome.read, outcome.updated, outcome.rejected) == (len(archived), 0, 0)
    assert differences(before, stored_state(demo_crawled_url)) == []
