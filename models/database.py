"""Engines and sessions: SQLite by default, PostgreSQL when ``JOBCRAWL_DATABASE_URL`` says so."""

from __future__ import annotations

import fcntl
import os
import re
import tempfile
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event, func, inspect, select, table, column, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from crawler.errors import DatabaseUrlError
from models.wal_checkpoints import BackgroundCheckpointer

DEFAULT_DATABASE_URL = "sqlite:///jobcrawl.db"
SQLITE_BUSY_TIMEOUT_MS = 30_000
SQLITE_CACHE_KIB = 65_536
"""Page cache per SQLite connection (taken as pages are read, not up front). A batch of 200 new
ads changes some 8,000 pages at 300,000 stored (36 band rows an ad under random keys, each on
its own page of the band table): with SQLite's default 2 MiB, dirty pages were spilled to the
WAL in the middle of the batch and read back, and the band index's inner pages did not stay
cached between batches."""
PROJECT_ROOT = Path(__file__).resolve().parent.parent
_CHECKPOINTERS: "weakref.WeakKeyDictionary[Engine, BackgroundCheckpointer]" = weakref.WeakKeyDictionary()


def database_url(url: str | None = None) -> str:
    """The URL to use: the argument, else ``JOBCRAWL_DATABASE_URL``, else ``jobcrawl.db`` here."""
    return url or os.environ.get("JOBCRAWL_DATABASE_URL") or DEFAULT_DATABASE_URL


_SECRET_QUERY_RE = re.compile(r"(?i)([?&](?:password|passwd|pwd|pass|sslpassword)=)[^&#]*")


def masked_url(url: str) -> str:
    """The URL with every password hidden (the user part and ``?password=``), for output, logs,
    crawl runs and error messages. Works on URLs SQLAlchemy cannot read too (``postgres//…``),
    and hides a password with an unencoded ``@`` whole, up to the last ``@``."""
    url = _SECRET_QUERY_RE.sub(r"\1***", str(url))
    scheme_end = url.find("//")
    start = scheme_end + 2 if scheme_end >= 0 else 0
    query = url.find("?", start)
    at = url.rfind("@", start, query if query >= 0 and "@" not in url[query:] else len(url))
    if at < 0:
        return url
    colon = url.find(":", start, at)
    if colon < 0:
        return url
    return f"{url[:colon + 1]}***{url[at:]}"


def check_database_url(url: str | None = None) -> None:
    """Raise :class:`DatabaseUrlError` (one clear line) when the URL cannot be used, before any
    component tries to connect with it."""
    _validated_url(database_url(url))


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
    if parsed.host and "@" in parsed.host:
        # Unencoded, the part after the "@" would be taken for the host and looked up.
        raise DatabaseUrlError(
            f"the password in the database URL {masked_url(url)!r} contains an unencoded '@': "
            "percent-encode it as %40 (e.g. postgresql+psycopg://user:p%40ss@host/db)"
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
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
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

        _checkpoint_in_background(engine, parsed.database)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def _checkpoint_in_background(engine: Engine, path: str | None) -> None:
    """Give a file database's engine a :class:`~models.wal_checkpoints.BackgroundCheckpointer`,
    asked after each use of a connection whether the log needs a checkpoint."""
    if not path or path == ":memory:" or path.startswith("file:"):
        # An in-memory database has no log; a URI's path is the driver's to read.
        return
    checkpointer = BackgroundCheckpointer(Path(path).resolve())
    _CHECKPOINTERS[engine] = checkpointer
    # The checkpointer takes over from the commits' own checkpoints on this engine's connections.
    event.listen(engine, "connect", lambda dbapi_connection, _record: dbapi_connection.execute(
        "PRAGMA wal_autocheckpoint=0"))
    event.listen(engine, "checkin", lambda _dbapi_connection, _record: checkpointer.poke())
    # Before a connection closes (engine.dispose()): the checkpoint ends first, so that the last
    # connection to close copies the rest of the log into the file and removes it, as before.
    event.listen(engine, "close", lambda _dbapi_connection, _record: checkpointer.wait())


def wait_for_checkpoints(engine: Engine, timeout: float | None = None) -> bool:
    """Wait until the checkpoint the engine's writes asked for is done (immediately for
    PostgreSQL or when none runs); whether it was in ``timeout`` seconds."""
    checkpointer = _CHECKPOINTERS.get(engine)
    return checkpointer.wait(timeout) if checkpointer else True


def alembic_config(url: str | None = None):
    """An Alembic config pointing at this project's migrations and the given database."""
    from alembic.config import Config

    config = Config(toml_file=str(PROJECT_ROOT / "pyproject.toml"))
    config.attributes["database_url"] = _validated_url(database_url(url)).render_as_string(
        hide_password=False
    )
    return config


MIGRATION_LOCK_KEY = 0x6A6F6263  # "jobc": the PostgreSQL advisory lock all jobcrawl migrations share


@contextmanager
def migration_lock(url: str | None = None) -> Iterator[None]:
    """Hold the database's migration lock: two crawls starting together on a fresh database
    migrate one after the other (the second finds the schema current) instead of both creating
    the same tables. PostgreSQL: an advisory lock; SQLite: a lock file beside the database."""
    parsed = _validated_url(database_url(url))
    if parsed.get_backend_name() == "postgresql":
        with get_engine(url).connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            connection.commit()
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
                connection.commit()
        return
    path = parsed.database
    if not path or path == ":memory:":
        yield
        return
    try:
        handle = open(f"{path}.migrate-lock", "a+b")
    except OSError:  # a read-only folder: no second writer can migrate there either
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Migrate the database to ``revision`` (default: the newest), under the migration lock."""
    from alembic import command

    with migration_lock(url):
        command.upgrade(alembic_config(url), revision)


def downgrade(url: str | None = None, revision: str = "base") -> None:
    """Migrate the database down to ``revision`` (see :func:`downgrade_losses` first)."""
    from alembic import command

    with migration_lock(url):
        command.downgrade(alembic_config(url), revision)


@dataclass
class Loss:
    """A table or column a downgrade drops, and how many rows (or filled values) it holds."""

    name: str
    rows: int

    def __str__(self) -> str:
        return f"{self.name} ({self.rows} row{'s' if self.rows != 1 else ''})"


def current_revision(url: str | None = None) -> str | None:
    """The database's Alembic revision, or ``None`` when it was never migrated."""
    engine = get_engine(url)
    if not inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as connection:
        return connection.execute(select(column("version_num")).select_from(table("alembic_version"))).scalar()


def _schema_at(revision: str | None, folder: Path) -> dict[str, set[str]]:
    """Tables and their columns of an empty database migrated to ``revision``."""
    if revision is None:
        return {}
    scratch = f"sqlite:///{folder / f'schema-{revision}.db'}"
    from alembic import command

    command.upgrade(alembic_config(scratch), revision)
    inspector = inspect(get_engine(scratch))
    schema = {name: {c["name"] for c in inspector.get_columns(name)} for name in inspector.get_table_names()}
    get_engine(scratch).dispose()
    return schema


def downgrade_losses(url: str | None = None, revision: str = "base") -> list[Loss]:
    """What migrating down to ``revision`` would drop: tables (with their row counts) and columns
    of kept tables (with their filled values), found by migrating two scratch SQLite databases to
    the current and the target revision and comparing them."""
    current = current_revision(url)
    if current is None:
        return []
    with tempfile.TemporaryDirectory(prefix="jobcrawl-downgrade-") as folder:
        now_schema = _schema_at(current, Path(folder))
        target_schema = _schema_at(None if revision == "base" else revision, Path(folder))
    engine = get_engine(url)
    existing = set(inspect(engine).get_table_names())
    losses = []
    with engine.connect() as connection:
        for name in sorted(now_schema):
            if name == "alembic_version" or name not in existing:
                continue
            if name not in target_schema:
                rows = connection.execute(select(func.count()).select_from(table(name))).scalar_one()
                losses.append(Loss(f"table {name}", rows))
                continue
            for dropped in sorted(now_schema[name] - target_schema[name]):
                filled = connection.execute(select(func.count(column(dropped))).select_from(table(name))).scalar_one()
                losses.append(Loss(f"column {name}.{dropped}", filled))
    return losses
