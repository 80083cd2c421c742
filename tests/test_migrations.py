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
