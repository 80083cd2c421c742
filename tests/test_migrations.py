"""Migrations: upgrade, downgrade to base and upgrade again, on SQLite and PostgreSQL; models
and migrations agree (``alembic check``)."""

from alembic import command
from sqlalchemy import inspect

from models.database import alembic_config, downgrade, get_engine, upgrade

TABLES = {"postings", "sightings", "posting_skills", "crawl_runs", "rejected_items"}


def tables(url):
    return set(inspect(get_engine(url)).get_table_names()) - {"alembic_version"}


def test_round_trip_and_check(database_url):
    upgrade(database_url)
    assert TABLES <= tables(database_url)
    command.check(alembic_config(database_url))
    downgrade(database_url, "base")
    assert tables(database_url) == set()
    upgrade(database_url)
    assert TABLES <= tables(database_url)


def test_sightings_unique_constraints(database_url):
    upgrade(database_url)
    constraints = inspect(get_engine(database_url)).get_unique_constraints("sightings")
    assert {tuple(c["column_names"]) for c in constraints} >= {("source", "source_id"), ("source", "url")}


def test_sqlite_uses_wal(sqlite_url):
    upgrade(sqlite_url)
    with get_engine(sqlite_url).connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_text_bands_keep_only_their_primary_key(database_url):
    """Band rows go in under random keys: every structure they enter costs a page write per row
    in a large table (migration 0013). One B-tree on SQLite (WITHOUT ROWID), no foreign key and
    no secondary index on either dialect."""
    upgrade(database_url)
    inspector = inspect(get_engine(database_url))
    assert inspector.get_pk_constraint("sighting_text_bands")["constrained_columns"] == ["band_key", "sighting_id"]
    assert inspector.get_foreign_keys("sighting_text_bands") == []
    assert inspector.get_indexes("sighting_text_bands") == []
    if database_url.startswith("sqlite"):
        with get_engine(database_url).connect() as connection:
            sql = connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'sighting_text_bands'").scalar()
        assert "WITHOUT ROWID" in sql


def test_band_levels_keep_only_their_primary_key(database_url):
    """Migration 0014: the band levels are tables like ``sighting_text_bands`` (one B-tree on
    SQLite, no foreign key, no secondary index); the employer index covers copies without a city."""
    upgrade(database_url)
    inspector = inspect(get_engine(database_url))
    for table in ("sighting_text_bands_level0", "sighting_text_bands_level1", "sighting_text_bands_level2"):
        assert inspector.get_pk_constraint(table)["constrained_columns"] == ["band_key", "sighting_id"]
        assert inspector.get_foreign_keys(table) == [] and inspector.get_indexes(table) == []
        if database_url.startswith("sqlite"):
            with get_engine(database_url).connect() as connection:
                sql = connection.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :name", {"name": table}).scalar()
            assert "WITHOUT ROWID" in sql
    indexes = {index["name"]: index for index in inspector.get_indexes("sightings")}
    assert "ix_sightings_employer_city_seen" not in indexes
    assert indexes["ix_sightings_employer_seen_without_city"]["column_names"] == ["employer_key", "last_seen_at"]


def test_downgrade_from_band_levels_keeps_every_band(database_url):
    """Downgrading 0014 moves the levels' bands back into ``sighting_text_bands``."""
    from sqlalchemy import text

    upgrade(database_url)
    engine = get_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO sighting_text_bands (band_key, sighting_id) VALUES (1, 1)"))
        connection.execute(text("INSERT INTO sighting_text_bands_level0 (band_key, sighting_id) VALUES (-5, 9)"))
        connection.execute(text("INSERT INTO sighting_text_bands_level2 (band_key, sighting_id) VALUES (3, 4)"))
    downgrade(database_url, "0013")
    engine.dispose()
    inspector = inspect(get_engine(database_url))
    assert "sighting_text_bands_level0" not in inspector.get_table_names()
    assert "ix_sightings_employer_city_seen" in {index["name"] for index in inspector.get_indexes("sightings")}
    with get_engine(database_url).connect() as connection:
        rows = set(connection.execute(text("SELECT band_key, sighting_id FROM sighting_text_bands")))
    assert rows == {(1, 1), (-5, 9), (3, 4)}
