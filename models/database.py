"""Engines and sessions: SQLite by default, PostgreSQL when ``JOBCRAWL_DATABASE_URL`` says so."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from crawler.errors import DatabaseUrlError

DEFAULT_DATABASE_URL = "sqlite:///jobcrawl.db"
SQLITE_BUSY_TIMEOUT_MS = 30_000
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def database_url(url: str | None = None) -> str:
    """The URL to use: the argument, else ``JOBCRAWL_DATABASE_URL``, else ``jobcrawl.db`` here."""
    return url or os.environ.get("JOBCRAWL_DATABASE_URL") or DEFAULT_DATABASE_URL


def masked_url(url: str) -> str:
    """The URL with its password hidden, for logs, crawl runs and error messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable database URL>"


def _validated_url(url: str):
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseUrlError(
            f"JOBCRAWL_DATABASE_URL is not a database URL: {masked_url(url)!r} — expected e.g. "
            "sqlite:///jobcrawl.db or postgresql+psycopg://user@host/db"
        ) from None
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise DatabaseUrlError(
            f"unsupported database {parsed.get_backend_name()!r} in {masked_url(url)!r}: "
            "jobcrawl supports SQLite (sqlite:///path.db) and PostgreSQL (postgresql+psycopg://…)"
        )
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() != "psycopg":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _configure_sqlite(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin_sqlite(connection) -> None:
    # A writer that starts with a read would fail at once with "database is locked" when
    # another writer commits first; write transactions therefore take the lock up front.
    immediate = connection.get_execution_options().get("sqlite_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@lru_cache(maxsize=8)
def get_engine(url: str | None = None) -> Engine:
    """A shared engine for the URL (one per URL per process)."""
    parsed = _validated_url(database_url(url))
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _configure_sqlite)
        # pysqlite's own transaction handling defers BEGIN; emit it ourselves so that
        # a write transaction takes its lock up front and busy_timeout applies.
        event.listen(engine, "begin", _begin_sqlite)

        @event.listens_for(engine, "connect")
        def _autocommit_off(dbapi_connection, _record):
            dbapi_connection.isolation_level = None

        return engine
    return create_engine(parsed, pool_pre_ping=True)


def alembic_config(url: str | None = None):
    """An Alembic config pointing at this project's migrations and the given database."""
    from alembic.config import Config

    config = Config(toml_file=str(PROJECT_ROOT / "pyproject.toml"))
    config.attributes["database_url"] = _validated_url(database_url(url)).render_as_string(
        hide_password=False
    )
    return config


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Migrate the database to ``revision`` (default: the newest)."""
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def downgrade(url: str | None = None, revision: str = "base") -> None:
    """Migrate the database down to ``revision``."""
    from alembic import command

    command.downgrade(alembic_config(url), revision)
