"""Spill files: what the database would not take is kept and replayed exactly once."""

from datetime import date, datetime, timezone

from typer.testing import CliRunner

from crawler.cli import app
from crawler.store.spill import read_spill, spill
from tests.support.crawl import postings, rejections, sightings

NOW = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)


def posting(number):
    from crawler.items import LIST_FIELDS, SCHEMA_FIELDS

    values = {name: ([] if name in LIST_FIELDS else None) for name in SCHEMA_FIELDS}
    values.update(source="jsonld", url=f"https://example.de/jobs/{number}", crawled_at=NOW, title=f"Job {number}",
                  date_posted=date(2026, 11, 20), via_agency=False, skills=["SQL"],
                  raw_page=f"<html>{number}</html>".encode(), raw_content_type="text/html")
    return values


def test_spill_round_trip(tmp_path):
    path = tmp_path / "spill.jsonl"
    spill(path, [posting(1), posting(2)], [{"source": "jsonld", "url": "https://x/y", "reason": "missing title"}])
    [(read_postings, read_rejections)] = list(read_spill(path))
    assert [p["url"] for p in read_postings] == ["https://example.de/jobs/1", "https://example.de/jobs/2"]
    assert read_postings[0]["crawled_at"] == NOW and read_postings[0]["date_posted"] == date(2026, 11, 20)
    assert read_postings[0]["raw_page"] == b"<html>1</html>"
    assert read_rejections[0]["reason"] == "missing title"


def test_replay_twice_stores_once(tmp_path, database_url):
    path = tmp_path / "spill.jsonl"
    spill(path, [posting(n) for n in range(5)], [{"source": "jsonld", "url": "https://x/y", "reason": "bad"}])
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(app, ["db", "replay", str(path), "--database", database_url])
        assert result.exit_code == 0, result.output
    assert len(postings(database_url)) == 5
    assert len(sightings(database_url)) == 5
    assert len(rejections(database_url)) == 1
