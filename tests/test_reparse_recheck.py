"""Re-parsing the raw archive without the network; rechecking pages of active postings."""

from datetime import datetime, timezone

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from crawler.items import LIST_FIELDS, SCHEMA_FIELDS
from crawler.reparse import reparse
from crawler.store.posting_store import PostingStore
from models.database import get_engine
from models.tables import Posting, PostingVersion, Sighting
from tests.support.crawl import crawl, runs
from tests.support.fixture_server import FixtureServer, Reply

NOW = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)
PAGE = b"""<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"JobPosting","title":"Data Engineer (m/w/d)",
 "description":"<p>Wir suchen dich.</p><h2>Deine Aufgaben</h2><ul><li>Pipelines mit Python bauen</li></ul>",
 "datePosted":"2026-11-20","hiringOrganization":{"name":"Beispiel GmbH"},
 "jobLocation":{"@type":"Place","address":{"addressLocality":"K\xc3\xb6ln","addressCountry":"DE"}}}
</script></head><body></body></html>"""


def stored_posting(url, **changes):
    values = {name: ([] if name in LIST_FIELDS else None) for name in SCHEMA_FIELDS}
    values.update(source="jsonld", url=url, crawled_at=NOW, title="Old title", via_agency=False)
    values.update(changes)
    return values


def test_reparse_repairs_postings_from_the_archive(migrated_database_url):
    engine = get_engine(migrated_database_url)
    # As an older, worse parser stored it: wrong title, no city, no skills.
    PostingStore(engine, parser_version="0").write([stored_posting(
        "https://example.de/jobs/1", raw_page=PAGE, raw_content_type="text/html; charset=utf-8")])
    result = reparse(engine)
    assert (result.read, result.updated) == (1, 1)
    with engine.connect() as connection:
        posting = connection.execute(select(Posting)).one()
        version = connection.execute(select(PostingVersion)).one()
        parser_version = connection.execute(select(Sighting.parser_version)).scalar()
    assert (posting.title, posting.company, posting.city, posting.skills) == ("Data Engineer", "Beispiel GmbH", "Köln", ["Python"])
    assert posting.responsibilities == ["Pipelines mit Python bauen"]
    assert "title" in version.changed_fields and version.old_values["title"] == "Old title"
    assert parser_version != "0"
    assert reparse(engine).updated == 0  # idempotent


def test_recheck_closes_postings_whose_pages_are_gone(migrated_sqlite_url):
    routes = {"/alive": Reply("<html>ok</html>", content_type="text/html"),
              "/gone": Reply("gone", status=410, content_type="text/plain")}
    with FixtureServer(routes) as server:
        engine = get_engine(migrated_sqlite_url)
        PostingStore(engine).write([stored_posting(f"{server.url}/{path}", title=path) for path in ("alive", "gone", "missing")])
        result = crawl("recheck", {}, migrated_sqlite_url)
        assert result.returncode == 0, result.stderr[-2000:]
    with engine.connect() as connection:
        statuses = dict(connection.execute(select(Posting.title, Posting.status)).all())
    assert statuses == {"alive": "active", "gone": "closed", "missing": "closed"}
    assert runs(migrated_sqlite_url)[-1].status == "succeeded"
