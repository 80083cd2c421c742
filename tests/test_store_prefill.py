"""The store benchmark's bulk prefill (benchmarks/store_prefill.py) writes exactly the rows that
PostingStore.write writes for the same ads, on SQLite and on PostgreSQL: the benchmark's batches
then meet the candidates a store that wrote a million ads itself would hold."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from sqlalchemy.engine import make_url

from benchmarks.bench_store import BATCH
from benchmarks.store_prefill import BAND_TABLES, TABLES, cache_key, cached_sqlite, fill_postgresql, fill_sqlite, prefill_ad
from crawler.store.posting_store import PostingStore
from models.database import get_engine
from tests.support.migrated import migrated_sqlite

ADS = 450  # three batches (the last a short one); 65 of them via an agency
_ORDER = {"postings": "id", "posting_skills": "posting_id, skill", "sightings": "id",
          "sighting_title_variants": "sighting_id, title_key",
          **{table: "band_key, sighting_id" for table in BAND_TABLES}}


def _written_by_store(url: str, ads: int = ADS) -> None:
    """``url``: a migrated database (a copy of the session's template, as ``upgrade`` leaves it)."""
    store = PostingStore(get_engine(url))
    for first in range(0, ads, BATCH):
        result = store.write([prefill_ad(number) for number in range(first, min(first + BATCH, ads))])
        assert result.matched == 0 and result.new_postings == min(BATCH, ads - first)
    get_engine(url).dispose()


def _sqlite_rows(path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    tables = [name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
    rows = {table: connection.execute(f"SELECT * FROM {table} ORDER BY {_ORDER.get(table, 'rowid')}").fetchall()
            for table in tables}
    connection.close()
    return rows


def _postgresql_rows(url: str) -> dict[str, list[tuple]]:
    parts = make_url(url)
    with psycopg.connect(host=parts.host, port=parts.port, user=parts.username, dbname=parts.database) as connection:
        tables = [name for (name,) in connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename != 'alembic_version'")]
        rows = {table: connection.execute(f"SELECT * FROM {table} ORDER BY {_ORDER.get(table, '1')}").fetchall()
                for table in tables}
        for table in ("postings", "sightings"):  # the ids the store reserves next
            rows[f"next {table}.id"] = connection.execute(
                f"SELECT nextval(pg_get_serial_sequence('{table}', 'id'))").fetchall()
    return rows


def _assert_same(bulk: dict[str, list[tuple]], stored: dict[str, list[tuple]]) -> None:
    assert bulk.keys() == stored.keys()
    for table in TABLES:
        # The comparison is not vacuous (three batches: every band still in the smallest level).
        assert stored[table] or table in BAND_TABLES and table != "sighting_text_bands_level0", table
    for table in bulk:
        assert len(bulk[table]) == len(stored[table]), table
        for bulk_row, stored_row in zip(bulk[table], stored[table]):
            assert bulk_row == stored_row, table


def test_bulk_sqlite_prefill_equals_what_the_store_writes(tmp_path):
    _written_by_store(migrated_sqlite(tmp_path / "store.db"))
    fill_sqlite(tmp_path / "bulk.db", ADS, processes=1)
    stored, bulk = _sqlite_rows(tmp_path / "store.db"), _sqlite_rows(tmp_path / "bulk.db")
    _assert_same(bulk, stored)
    assert len(stored["sighting_text_bands_level0"]) > 30 * ADS  # employer and text bands of every ad


def test_bulk_prefill_leaves_the_bands_in_the_levels_the_stores_merges_leave(tmp_path, monkeypatch):
    """Blocks of 200, 400 and 800 sightings: the store's batches of 200 merge the smallest level
    into the next after each batch, and further at 400 and 800; after 1,100 ads the bands of
    sightings 1-800 are in the last level, 801-1000 in level 1, 1001-1100 in level 0."""
    monkeypatch.setattr("crawler.store.band_levels.LEVEL_BLOCKS", (200, 400, 800))
    _written_by_store(migrated_sqlite(tmp_path / "store.db"), 1_100)
    fill_sqlite(tmp_path / "bulk.db", 1_100, processes=1)
    stored, bulk = _sqlite_rows(tmp_path / "store.db"), _sqlite_rows(tmp_path / "bulk.db")
    assert bulk == stored
    held = {table: {row[1] for row in stored[table]} for table in BAND_TABLES}
    assert held == {"sighting_text_bands": set(range(1, 801)), "sighting_text_bands_level2": set(),
                    "sighting_text_bands_level1": set(range(801, 1001)),
                    "sighting_text_bands_level0": set(range(1001, 1101))}


def test_incoming_ads_match_alike_on_a_bulk_and_a_store_prefill(tmp_path):
    """The benchmark's incoming ads — new jobs of the same titles, cities and employers, and
    agency rewrites of stored ads — are matched the same way whether the stored ads were written
    by the store or bulk-loaded: same posting, method and score for every copy."""
    from benchmarks.bench_store_scale import incoming_ads

    store_url = migrated_sqlite(tmp_path / "store.db")
    _written_by_store(store_url)
    fill_sqlite(tmp_path / "bulk.db", ADS, processes=1)
    outcomes = []
    for url in (store_url, f"sqlite:///{tmp_path / 'bulk.db'}"):
        store = PostingStore(get_engine(url))
        ads = incoming_ads(ADS, 120)
        matched = sum(store.write(ads[first:first + 60]).matched for first in range(0, len(ads), 60))
        connection = sqlite3.connect(url.removeprefix("sqlite:///"))
        outcomes.append((matched, connection.execute(
            "SELECT source, url, posting_id, match_method, match_score FROM sightings WHERE id > ? ORDER BY id",
            [ADS]).fetchall()))
        connection.close()
        get_engine(url).dispose()
    (store_matched, by_store), (bulk_matched, by_bulk) = outcomes
    assert store_matched == bulk_matched == 12  # every agency rewrite joins its stored original
    assert len(by_store) == 120 and by_bulk == by_store


def test_bulk_postgresql_prefill_equals_what_the_store_writes(tmp_path, postgres_server, migrated_postgres_url):
    stored_url = migrated_postgres_url
    _written_by_store(stored_url)
    fill_sqlite(tmp_path / "bulk.db", ADS, processes=1)
    bulk_url = postgres_server.create_database("prefill_bulk")
    fill_postgresql(bulk_url, tmp_path / "bulk.db")
    _assert_same(_postgresql_rows(bulk_url), _postgresql_rows(stored_url))


def test_prefill_is_made_in_processes_alike_and_reused_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setattr("benchmarks.store_prefill.CHUNK", 100)  # five chunks, made by two processes
    first, seconds = cached_sqlite(ADS, cache=tmp_path, processes=2)
    assert seconds is not None and first.name == f"store-prefill-{ADS}-{cache_key()}.db"
    fill_sqlite(tmp_path / "serial.db", ADS, processes=1)
    assert _sqlite_rows(first) == _sqlite_rows(tmp_path / "serial.db")
    again, seconds = cached_sqlite(ADS, cache=tmp_path)
    assert again == first and seconds is None
    assert not [path.name for path in tmp_path.iterdir() if "partial" in path.name]


@pytest.mark.parametrize("number", [0, 7, 449])
def test_prefill_ads_have_job_specific_bullets(number):
    ad = prefill_ad(number)
    assert len(ad["responsibilities"]) == 4 and len(ad["requirements"]) == 4
    assert ad["via_agency"] == (number % 7 == 0)
