"""How an export turns driver values into Arrow: text cells as the database holds them (UTF-8
bytes from SQLite, str from PostgreSQL, invalid UTF-8 replaced), typed columns from SQLite's text,
and the reading thread that hands rows over, which lets go of its connection however the export
ends (issue 15)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timezone

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import create_engine, insert

from crawler.analytics.export_source import (
    POSTINGS, Relation, _text_array, arrow_schema, iter_record_batches, rows_to_batch,
)
from crawler.export import ExportFilter, export
from models.database import get_engine
from models.tables import Posting
from tests.analytics.conftest import Rows, posting_row, utc

TEXT_CASES = [
    # (driver values, the string column they become)
    ((b"K\xc3\xb6ln", None, b""), ["Köln", None, ""]),                          # SQLite hands over UTF-8 bytes
    (("Köln", None, "Zeile 1\nZeile 2"), ["Köln", None, "Zeile 1\nZeile 2"]),   # PostgreSQL hands over str
    ((b"K\xf6ln", b"ok"), ["K\ufffdln", "ok"]),                                 # Latin-1 stored as TEXT
    ((b"ok", 12345, None), ["ok", "12345", None]),                             # a number in a text column
    ((None, None), [None, None]),
    ((), []),
]


@pytest.mark.parametrize(("values", "expected"), TEXT_CASES)
def test_text_cells_become_the_string_the_database_holds(values, expected):
    array = _text_array(values)
    assert array.type == pa.string()
    assert array.to_pylist() == expected


def test_a_batch_of_sqlite_driver_rows_gets_the_export_types():
    specs = tuple(spec for spec in POSTINGS.columns if spec.name in (
        "id", "title", "skills", "languages", "via_agency", "salary_min", "date_posted", "first_seen_at",
        "field_sources"))
    schema = arrow_schema(Relation(POSTINGS.name, specs, POSTINGS.period, POSTINGS.partition, "id"))
    driver_rows = {  # what sqlite3 returns with text as bytes, per column
        "id": (7, 8), "title": (b"Pflegefachkraft (m/w/d)", b"Data Engineer"),
        "skills": (b'["Python", "SQL"]', b"[]"),
        "languages": (b'[{"language": "de", "level": "very_good"}]', None),
        "via_agency": (1, 0), "salary_min": (45000.5, None), "date_posted": (b"2026-02-27", None),
        "first_seen_at": (b"2026-03-01 08:00:00.000000", b"2026-03-02 23:59:59.123456"),
        "field_sources": (b'{"title": "structured_data"}', b"{}"),
    }
    rows = list(zip(*(driver_rows[spec.name] for spec in specs)))
    batch = rows_to_batch(rows, specs, schema)
    assert batch.schema == schema
    assert batch.to_pylist() == [
        {"id": 7, "title": "Pflegefachkraft (m/w/d)", "skills": ["Python", "SQL"],
         "languages": [{"language": "de", "level": "very_good"}], "via_agency": True, "salary_min": 45000.5,
         "date_posted": date(2026, 2, 27), "first_seen_at": datetime(2026, 3, 1, 8, tzinfo=timezone.utc),
         "field_sources": '{"title": "structured_data"}'},
        {"id": 8, "title": "Data Engineer", "skills": [], "languages": None, "via_agency": False,
         "salary_min": None, "date_posted": None,
         "first_seen_at": datetime(2026, 3, 2, 23, 59, 59, 123456, tzinfo=timezone.utc), "field_sources": "{}"},
    ]


def test_text_sqlite_stored_as_invalid_utf8_is_exported_with_replacement_characters(tmp_path, migrated_templates):
    url = migrated_templates.sqlite(tmp_path / "latin1.db")
    Rows(url).postings(posting_row(1, city="Köln"), posting_row(2, city="Wien"))
    with sqlite3.connect(tmp_path / "latin1.db") as connection:  # what an old Latin-1 import leaves behind
        connection.execute("UPDATE postings SET city = CAST(X'4bf66c6e' AS TEXT) WHERE id = 1")
    out = tmp_path / "postings.parquet"
    export(get_engine(url), "parquet", out)
    assert pq.read_table(out, columns=["id", "city"]).to_pylist() == [
        {"id": 1, "city": "K\ufffdln"}, {"id": 2, "city": "Wien"}]


def test_the_reading_thread_gives_its_connection_back_when_the_export_stops_early(tmp_path, migrated_templates):
    url = migrated_templates.sqlite(tmp_path / "many.db")
    Rows(url).postings(*(posting_row(number, seen=utc(2026, 3, 1 + number % 20)) for number in range(1, 101)))
    engine = get_engine(url)
    batches = iter_record_batches(engine, POSTINGS, ExportFilter(), batch_size=10)
    first = next(batches)
    assert first.num_rows == 10 and first.column("id").to_pylist() == list(range(1, 11))
    batches.close()  # a consumer that stops (a failing writer, Ctrl-C) ends the reader too
    assert engine.pool.checkedout() == 0
    assert sum(batch.num_rows for batch in iter_record_batches(engine, POSTINGS, ExportFilter(), 7)) == 100
    assert engine.pool.checkedout() == 0


def test_a_reading_error_reaches_the_export_and_leaves_no_file(tmp_path, migrated_templates):
    url = migrated_templates.sqlite(tmp_path / "broken.db")
    Rows(url).postings(posting_row(1), posting_row(2))
    with sqlite3.connect(tmp_path / "broken.db") as connection:
        connection.execute("UPDATE postings SET skills = '[\"Python\", ' WHERE id = 2")  # cut-off JSON
    out = tmp_path / "postings.parquet"
    with pytest.raises(pa.ArrowInvalid):
        export(get_engine(url), "parquet", out)
    assert not out.exists() and list(tmp_path.glob(".*.partial")) == []



def test_an_in_memory_database_is_read_in_the_callers_thread():
    # An in-memory SQLite database lives in one connection per thread, so a reading thread of its
    # own would find another, empty database. (create_all: alembic would open its own connection.)
    engine = create_engine("sqlite://")
    Posting.metadata.create_all(engine, tables=[Posting.__table__])
    with engine.begin() as connection:
        connection.execute(insert(Posting), [posting_row(1), posting_row(2)])
    batches = list(iter_record_batches(engine, POSTINGS, ExportFilter(), batch_size=1))
    assert [batch.column("id").to_pylist() for batch in batches] == [[1], [2]]
