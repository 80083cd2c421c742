"""The Python API of jobcrawl, for a notebook or a script.

``crawl`` runs ``jobcrawl crawl`` in a subprocess (so it can be called any number of times from one
process; Scrapy's reactor cannot be restarted in-process) and returns the run's summary as stored in
``crawl_runs``. ``read_postings`` and ``read_sightings`` return DataFrames built from the same typed
Arrow batches the exports write.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from crawler.errors import JobcrawlError

__all__ = ["CrawlFailed", "DatabaseNotFound", "crawl", "read_postings", "read_sightings"]

_ENGINES = ("pandas", "polars")


class DatabaseNotFound(JobcrawlError, FileNotFoundError):
    """The database to read does not exist (SQLite file missing) or cannot be reached."""


class CrawlFailed(JobcrawlError, RuntimeError):
    """The crawl subprocess ended without recording a run (bad spider, arguments or database)."""


def _existing_engine(database: str | None) -> Engine:
    """An engine on an existing database; never creates a SQLite file."""
    from models.database import database_url, get_engine, masked_url

    url = database_url(database)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database
        if not path or path == ":memory:" or not Path(path).is_file():
            raise DatabaseNotFound(f"no database at {masked_url(url)}: run `jobcrawl crawl` or `jobcrawl demo` first")
    engine = get_engine(url)
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else "cannot connect"
        raise DatabaseNotFound(f"cannot reach the database {masked_url(url)}: {reason}") from None
    return engine


def _latest_run_id(database: str | None) -> int:
    from models.tables import CrawlRun

    try:
        engine = _existing_engine(database)
    except DatabaseNotFound:
        return 0
    try:
        with engine.connect() as connection:
            return connection.execute(select(func.max(CrawlRun.id))).scalar() or 0
    except Exception:  # no crawl_runs table yet: the crawl will create the schema
        return 0


def crawl(spider: str, database: str | None = None, *, settings: dict[str, str] | None = None,
          timeout: float | None = None, **arguments: Any) -> dict[str, Any]:
    """Run one crawl of ``spider`` with spider ``arguments`` and return its summary.

    The summary is the run's row in ``crawl_runs``: id, spider, status, reason, started_at,
    finished_at, pages, items, new_postings, updated_postings, rejected, errors. A run that ends
    degraded or failed is returned too (look at ``status``); a crawl that could not start at all
    raises :class:`CrawlFailed` with the command's message.
    """
    from models.database import database_url
    from models.tables import CrawlRun

    _SUMMARY_COLUMNS = [getattr(CrawlRun, name) for name in (
        "id", "spider", "status", "reason", "started_at", "finished_at", "pages", "items", "new_postings",
        "updated_postings", "rejected", "errors")]
    url = database_url(database)
    before = _latest_run_id(url)
    command = [sys.executable, "-m", "crawler.cli", "crawl", spider, "--database", url]
    for name, value in arguments.items():
        command += ["-a", f"{name}={value}"]
    for name, value in (settings or {}).items():
        command += ["-s", f"{name}={value}"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    try:
        engine = _existing_engine(url)
        with engine.connect() as connection:
            row = connection.execute(select(*_SUMMARY_COLUMNS).where(CrawlRun.id > before)
                                     .order_by(CrawlRun.id.desc()).limit(1)).mappings().first()
    except Exception:
        row = None
    if row is None:
        lines = [line for line in (done.stderr or done.stdout).strip().splitlines() if line.strip()]
        raise CrawlFailed(f"crawl {spider} did not run: {lines[-1] if lines else f'exit {done.returncode}'}")
    return {**row, "exit_code": done.returncode}


def _day(value: date | datetime | str | None) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    from crawler.cli_checks import relative_day

    return relative_day(value)


def _frame(table: pa.Table, engine: str):
    if engine == "polars":
        import polars

        return polars.from_arrow(table)
    import pandas

    return table.to_pandas(types_mapper=pandas.ArrowDtype)


def _check_engine(engine: str) -> None:
    if engine not in _ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose pandas or polars")


def read_postings(database: str | None = None, since=None, until=None, source: str | None = None,
                  view: str | None = None, engine: str = "pandas", **filters: str):
    """The postings (or a view) as a pandas or polars DataFrame, typed as in the Parquet export.

    ``since``/``until`` are days: a ``date``, ``YYYY-MM-DD``, ``today``, ``yesterday`` or ``7d``; ``filters`` takes the other export
    filters (``status``, ``country``, ``skill``).
    """
    from crawler.analytics.export_filter_checks import check_filter
    from crawler.export import ExportFilter, arrow_schema, iter_record_batches, relation

    _check_engine(engine)
    target = relation(view)
    export_filter = ExportFilter(since=_day(since), until=_day(until), source=source, **filters)
    db = _existing_engine(database)
    check_filter(db, target, export_filter)  # a value no row can have (status "open"): ExportError
    table = pa.Table.from_batches(list(iter_record_batches(db, target, export_filter)), schema=arrow_schema(target))
    return _frame(table, engine)


def read_sightings(database: str | None = None, since=None, until=None, source: str | None = None,
                   engine: str = "pandas", **filters: str):
    """Every sighting (one row per copy of a job at a source: ``posting_id``, ``source``, ``url``,
    first and last seen, ``gone_at``, ``via_agency``, ``match_method``…) as a DataFrame: the rows and
    types of ``jobcrawl export --table sightings``, with its filters (``skill=`` too)."""
    from crawler.analytics.export_filter_checks import check_filter
    from crawler.export import ExportFilter, arrow_schema, iter_record_batches, relation

    _check_engine(engine)
    target = relation(None, "sightings")
    export_filter = ExportFilter(since=_day(since), until=_day(until), source=source, **filters)
    db = _existing_engine(database)
    check_filter(db, target, export_filter)
    table = pa.Table.from_batches(list(iter_record_batches(db, target, export_filter)), schema=arrow_schema(target))
    return _frame(table, engine)
