"""Occupation fields through the parser, `jobcrawl parse` and `jobcrawl reparse`."""

import json
from datetime import datetime, timezone

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from crawler.cli import app
from crawler.items import LIST_FIELDS, SCHEMA_FIELDS
from crawler.parsing.posting import complete_posting, parse_document
from crawler.reparse import reparse
from crawler.store.posting_store import PostingStore
from models.database import get_engine, upgrade
from models.tables import Posting

NOW = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("document", "isco", "method"),
    [
        ("Elektroniker für Energie- und Gebäudetechnik (m/w/d)\n", "7411", "title"),
        ("Registered Nurse - London\n", "2221", "title"),
        # real one-line titles (tests/occupations/eval_set.csv en_wd_052, de_pb_203)
        ("Van Drivers\n", "8322", "title"),
        ("Sachbearbeiter*in Buchhaltung\n", "4311", "title"),
    ],
)
def test_a_file_holding_only_a_title_gets_its_code(document, isco, method):
    posting = parse_document(document, crawled_at=NOW)
    assert posting["occupation_isco"] == isco
    assert posting["occupation_method"] == method
    assert 0 < posting["occupation_confidence"] <= 1


def test_no_title_no_occupation():
    posting = parse_document("Wir freuen uns auf Ihre Bewerbung. " * 10, crawled_at=NOW)
    assert posting["occupation_isco"] is None
    assert posting["occupation_method"] is None


def test_a_stated_isco_code_wins_and_is_named_as_the_source():
    known = {"title_raw": "Teamplayer gesucht", "description": "Wir suchen Verstärkung.",
             "occupational_category": "ISCO-08 5120"}
    posting = complete_posting(known, crawled_at=NOW)
    assert (posting["occupation_isco"], posting["occupation_method"]) == ("5120", "source")


def test_a_spiders_own_occupation_is_kept():
    known = {"title_raw": "Koch (m/w/d)", "description": "Wir suchen einen Koch.",
             "occupation_isco": "3434", "occupation_method": "source"}
    assert complete_posting(known, crawled_at=NOW)["occupation_isco"] == "3434"


def test_jobcrawl_parse_prints_the_occupation(tmp_path):
    path = tmp_path / "ad.txt"
    path.write_text("Pflegefachkraft (m/w/d)\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    posting = json.loads(result.stdout)
    assert posting["occupation_isco"] == "2221"
    assert posting["occupation_label"] == "nurse responsible for general care"
    assert posting["occupation_esco_uri"].startswith("http://data.europa.eu/esco/occupation/")


PAGE = b"""<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"JobPosting","title":"Data Engineer (m/w/d)",
 "description":"<p>Wir suchen dich.</p><h2>Deine Aufgaben</h2><ul><li>Pipelines mit Python bauen</li></ul>",
 "datePosted":"2026-11-20","hiringOrganization":{"name":"Beispiel GmbH"}}
</script></head><body></body></html>"""


def test_reparse_fills_the_occupation_of_stored_postings(sqlite_url):
    upgrade(sqlite_url)
    engine = get_engine(sqlite_url)
    values = {name: ([] if name in LIST_FIELDS else None) for name in SCHEMA_FIELDS}
    values.update(source="jsonld", url="https://example.de/jobs/1", crawled_at=NOW, title="Data Engineer",
                  via_agency=False, raw_page=PAGE, raw_content_type="text/html; charset=utf-8")
    # As a parser without occupations stored it.
    PostingStore(engine, parser_version="3").write([values])
    assert reparse(engine).updated == 1
    with engine.connect() as connection:
        posting = connection.execute(select(Posting)).one()
    assert (posting.occupation_isco, posting.occupation_method) == ("2521", "title")
