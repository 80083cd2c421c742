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
