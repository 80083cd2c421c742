"""Issue 13, finding 5: one hostile row never fails a PostgreSQL batch.

A NUL byte (which PostgreSQL text and JSON columns refuse) in a posting or in a rejection's
payload is removed; a row the database refuses for another reason is written alone and recorded
as a ``not storable`` rejection; every other row of the batch is stored. A spill file that holds
such a row replays.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone

from sqlalchemy import func, select

from crawler.items import LIST_FIELDS, SCHEMA_FIELDS
from crawler.store.posting_store import PostingStore
from crawler.store.spill import spill
from crawler.store.storable import storable
from models.database import get_engine
from models.tables import Posting, RejectedItem, Sighting
from tests.support.crawl import PROJECT_ROOT

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)


def posting(number: int, **changes):
    values = {name: ([] if name in LIST_FIELDS else None) for name in SCHEMA_FIELDS}
    values.update(source="jsonld", source_id=None, url=f"https://example.de/jobs/{number}", crawled_at=NOW,
                  title=f"Stelle {number} bei Firma {number}", title_raw=f"Stelle {number} (m/w/d)",
                  company=f"Firma {number} GmbH", city="Berlin", skills=["Python"], via_agency=False)
    values.update(changes)
    return values


def rows(database_url, model):
    with get_engine(database_url).connect() as connection:
        return connection.execute(select(model)).all()


def test_nul_bytes_in_a_posting_and_a_rejection_do_not_fail_the_batch(migrated_postgres_url):
    good = [posting(number) for number in range(20)]
    hostile = posting(99, description="Aufgaben\x00 und Profil", title_raw="Stelle\x00 99",
                      skills=["Py\x00thon"], raw_page=b"<html>\x00</html>", raw_content_type="text/html")
    rejection = {"source": "jsonld", "url": "https://example.de/bad", "reason": "missing title\x00",
                 "payload": '{"title": "\x00\x00"}'}
    result = PostingStore(get_engine(migrated_postgres_url)).write(good + [hostile], [rejection])
    assert result.new_postings == 21 and result.rejected == 1 and result.isolated == 0
    stored = {row.url: row for row in rows(migrated_postgres_url, Posting)}
    assert len(stored) == 21
    assert stored["https://example.de/jobs/99"].description == "Aufgaben und Profil"
    [kept] = rows(migrated_postgres_url, RejectedItem)
    assert (kept.reason, kept.payload) == ("missing title", '{"title": ""}')


def test_a_row_refused_for_another_reason_is_isolated_as_a_rejection(migrated_postgres_url):
    too_long = posting(50, source_id="x" * 300)  # sightings.source_id is VARCHAR(255)
    result = PostingStore(get_engine(migrated_postgres_url)).write([posting(n) for n in range(10)] + [too_long])
    assert result.new_postings == 10 and result.isolated == 1
    assert len(rows(migrated_postgres_url, Sighting)) == 10
    [refused] = rows(migrated_postgres_url, RejectedItem)
    assert refused.url == "https://example.de/jobs/50" and refused.reason.startswith("not storable: ")


def test_a_spill_file_holding_a_nul_byte_replays(postgres_url, tmp_path):
    spill_file = tmp_path / "spill.jsonl"
    spill(spill_file, [posting(n) for n in range(5)] + [posting(7, description="a\x00b")],
          [{"source": "jsonld", "url": "https://example.de/x", "reason": "broken", "payload": "\x00"}])
    done = subprocess.run([sys.executable, "-m", "crawler.cli", "db", "replay", str(spill_file),
                           "--database", postgres_url], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert len(rows(postgres_url, Posting)) == 6 and len(rows(postgres_url, RejectedItem)) == 1


def test_storable_removes_only_what_the_database_refuses():
    assert storable({"a\x00": ["x\x00y", ("\ud800", 3)], "raw": b"\x00"}) == {"a": ["xy", ("\ufffd", 3)], "raw": b"\x00"}
    assert storable("Gebäude – 50 000 €") == "Gebäude – 50 000 €"
