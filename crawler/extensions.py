"""Scrapy extensions: the ``crawl_runs`` record of every crawl."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from datetime import datetime, timezone
from typing import Any

from scrapy import signals
from scrapy.exceptions import CloseSpider
from sqlalchemy import insert, update

from sqlalchemy.orm import Session

from crawler.errors import JobcrawlError
from crawler.operations.run_history import end_dead_runs
from models.database import get_engine, masked_url, database_url, upgrade
from models.lifecycle import close_expired, close_vanished
from models.tables import CrawlRun

logger = logging.getLogger(__name__)

MIGRATION_FAILED_EXIT = 3
"""Exit status of the migration child when the database cannot be migrated (its one line on stdout)."""
_MIGRATION_CHILD = """
import sys
from models.database import upgrade
url = sys.argv[1] or None
try:
    upgrade(url)
except Exception as error:
    from crawler.extensions import database_problem
    print(database_problem(error, url))
    sys.exit(%d)
""" % MIGRATION_FAILED_EXIT


def _jsonable_stats(stats: dict[str, Any]) -> dict[str, Any]:
    return {key: value if isinstance(value, (int, float, str, bool, type(None))) else str(value)
            for key, value in stats.items()}


def database_problem(error: BaseException, url: str | None) -> str:
    """One line saying what is wrong with the database, never a traceback or a password."""
    if isinstance(error, JobcrawlError):
        return str(error)
    detail = " ".join(str(getattr(error, "orig", None) or error).split())
    where = masked_url(database_url(url))
    lowered = detail.lower()
    if "readonly" in lowered or "read-only" in lowered or "read only" in lowered or "permission denied" in lowered:
        kind = "is read-only"
    elif "unable to open" in lowered or "could not connect" in lowered or "connection" in lowered:
        kind = "cannot be reached"
    else:
        kind = "cannot be used"
    return f"database {where} {kind}: {masked_url(detail)[:300]}"


def run_counts(stats: dict[str, Any]) -> dict[str, int]:
    """The counts of a run as ``crawl_runs`` records them and every summary shows them.

    One definition for the crawl's own summary line, ``jobcrawl runs`` and the scheduler: copies
    an incremental crawl touched without fetching them again count as postings (the source
    listed them), so a re-crawl that changed nothing reports the same postings as the first.
    """
    return {
        "pages": int(stats.get("response_received_count") or 0),
        "items": int(stats.get("jobcrawl/valid_items") or 0) + int(stats.get("jobcrawl/incremental/seen_again") or 0),
        "new_postings": int(stats.get("jobcrawl/store/new_postings") or 0),
        "updated_postings": int(stats.get("jobcrawl/store/updated_postings") or 0),
        "rejected": int(stats.get("jobcrawl/store/rejected") or 0),
        "errors": int(stats.get("log_count/ERROR") or 0),
    }


def _worker_note(stats: dict[str, Any]) -> str | None:
    died = int(stats.get("jobcrawl/parse/worker_died") or 0)
    if not died:
        return None
    retried = int(stats.get("jobcrawl/parse/retried") or 0)
    lost = int(stats.get("jobcrawl/rejected/parse_worker_died") or 0)
    return (f"{died} parser worker death{'s' if died != 1 else ''}; {retried} ads parsed again, "
            + (f"{lost} rejected after their workers died on every try" if lost else "none lost"))


def run_outcome(stats: dict[str, Any], finish_reason: str, produces_postings: bool = True) -> tuple[str, str | None]:
    """(status, reason) of a finished crawl from its stats; a succeeded run whose parser workers
    died says so in its reason."""
    status, reason = _run_outcome(stats, finish_reason, produces_postings)
    note = _worker_note(stats)
    if note:
        reason = f"{reason}; {note}" if reason else note
    return status, reason


def _run_outcome(stats: dict[str, Any], finish_reason: str, produces_postings: bool) -> tuple[str, str | None]:
    """(status, reason) of a finished crawl from its stats."""
    if stats.get("jobcrawl/store/failure"):
        return "failed", f"store failed: {stats['jobcrawl/store/failure']}"
    if stats.get("jobcrawl/source_error"):
        return "failed", str(stats["jobcrawl/source_error"])
    if finish_reason == "shutdown":
        return "interrupted", "stopped by signal before the crawl finished"
    if finish_reason != "finished":
        return "failed", f"crawl ended early: {finish_reason}"
    if stats.get("jobcrawl/monitor/reasons"):  # the monitor's verdict (crawler/operations/monitors.py)
        return "degraded", str(stats["jobcrawl/monitor/reasons"])
    # Copies touched without a fetch (incremental crawls) count as items: the source listed them.
    if produces_postings and not (stats.get("jobcrawl/valid_items") or stats.get("jobcrawl/incremental/seen_again")):
        return "degraded", "zero items"
    return "succeeded", None


def _in_memory(url: str | None) -> bool:
    return (url or "").startswith("sqlite") and (url.endswith(":memory:") or url.rstrip("/") in ("sqlite:", "sqlite+pysqlite:"))


class _Migration:
    """The database migrated to the newest schema in a short-lived child process, started as soon
    as the crawl is set up and awaited before its first write.

    Alembic, Mako and the migration scripts (~19 MB) would otherwise stay in the crawl process for
    its whole life after a few seconds' use. An in-memory database is migrated here (a child
    cannot reach it), and so is any database whose child could not run at all (it says why).
    """

    def __init__(self, url: str | None):
        self.url = url
        self.child: subprocess.Popen | None = None
        if _in_memory(url):
            return
        # The child finds jobcrawl where this process found it (an egg under Scrapyd included).
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in sys.path if path)}
        try:
            self.child = subprocess.Popen([sys.executable, "-c", _MIGRATION_CHILD, url or ""], env=environment,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        except OSError as error:
            logger.warning("could not start the migration in a child process (%s); migrating in the crawl process", error)

    def wait(self) -> None:
        """Return once the database is migrated; raise :class:`JobcrawlError` (one line) if it cannot be."""
        if self.child is None:
            upgrade(self.url)
            return
        output, errors = self.child.communicate()
        if self.child.returncode == 0:
            return
        lines = output.strip().splitlines()
        if self.child.returncode == MIGRATION_FAILED_EXIT and lines:
            raise JobcrawlError(lines[-1])
        logger.warning("the migration child ended with status %s (%s); migrating in the crawl process",
                       self.child.returncode, (errors.strip().splitlines() or ["no output"])[-1][:300])
        upgrade(self.url)


_EARLY_MIGRATIONS: dict[str | None, _Migration] = {}
"""Migration children started by :func:`start_migration_early`, by database URL, until a
:class:`CrawlRunRecorder` takes one over."""


def start_migration_early(url: str | None) -> None:
    """Start the migration child of the crawl about to be set up (:func:`crawler.runner.run_crawl`),
    for its :class:`CrawlRunRecorder` to await: it then runs while Scrapy loads the crawl's
    components (issue 15)."""
    if url not in _EARLY_MIGRATIONS:
        _EARLY_MIGRATIONS[url] = _Migration(url)


class CrawlRunRecorder:
    """Creates the ``crawl_runs`` row when a spider opens and completes it when it closes."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.database_url = crawler.settings.get("JOBCRAWL_DATABASE_URL")
        self.migrate = crawler.settings.getbool("JOBCRAWL_MIGRATE_ON_START", True)
        # Started now: it runs while Scrapy sets up the rest of the crawl, the parse workers start.
        self.migration = None
        if self.migrate:
            self.migration = _EARLY_MIGRATIONS.pop(self.database_url, None) or _Migration(self.database_url)
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider):
        """Migrate and create the run's record before anything is fetched; a database that is
        unreachable, read-only or otherwise unusable stops the crawl here, with one line."""
        try:
            self._open_run(spider)
        except Exception as error:
            message = database_problem(error, self.database_url)
            logger.error("crawl stopped before fetching anything: %s", message)
            self.crawler.stats.set_value("jobcrawl/run_status", "failed")
            self.crawler.stats.set_value("jobcrawl/run_reason", message)
            raise CloseSpider("database_unusable") from None

    def _open_run(self, spider):
        if self.migration is not None:
            self.migration.wait()
        engine = get_engine(self.database_url)
        for lost in end_dead_runs(self.database_url):
            logger.warning("crawl run %s was left running by a process that no longer exists; "
                           "marked interrupted", lost)
        self.started_at = datetime.now(timezone.utc)
        # The run's record is a write: a read-only database fails here, before any fetch.
        with Session(engine) as session, session.begin():
            connection = session.connection(execution_options={"sqlite_write": True})
            self.run_id = connection.execute(
                insert(CrawlRun).returning(CrawlRun.id),
                {"spider": spider.name, "arguments": dict(getattr(spider, "arguments", {}) or {}),
                 "target": self.crawler.settings.get("JOBCRAWL_TARGET"),
                 "scope": getattr(spider, "listing_scope", None),
                 "started_at": self.started_at, "status": "running", "stats": {},
                 "host": socket.gethostname(), "pid": os.getpid()},
            ).scalar_one()
        self.crawler.stats.set_value("jobcrawl/crawl_run_id", self.run_id)

    def spider_closed(self, spider, reason):
        if self.run_id is None:
            return
        stats = self.crawler.stats.get_stats()
        status, why = run_outcome(stats, reason, getattr(spider, "produces_postings", True))
        walked = getattr(spider, "listing_was_complete", None)
        complete = status == "succeeded" and bool(walked(stats) if callable(walked) else False)
        values = {
            "finished_at": datetime.now(timezone.utc),
            "status": status,
            "reason": why,
            **run_counts(stats),
            "listing_complete": complete,
            "stats": _jsonable_stats(stats),
        }
        self.crawler.stats.set_value("jobcrawl/run_status", status)
        self.crawler.stats.set_value("jobcrawl/run_reason", why)
        try:
            with Session(get_engine(self.database_url)) as session, session.begin():
                session.connection(execution_options={"sqlite_write": True})
                session.execute(update(CrawlRun).where(CrawlRun.id == self.run_id).values(**values))
                now = values["finished_at"]
                closed = close_expired(session, now.date(), now)
                if complete:
                    closed += close_vanished(session, spider.listing_scope, self.started_at, now)
            self.crawler.stats.set_value("jobcrawl/lifecycle/closed", closed)
        except Exception as error:  # the database may be the very thing that failed
            logger.error("could not record the end of crawl run %s (%s): %s", self.run_id, status, error)
        logger.info("crawl run %s %s%s", self.run_id, status, f": {why}" if why else "")
