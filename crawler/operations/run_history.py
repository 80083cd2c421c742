"""What ``crawl_runs`` says about targets: their last runs, runs still going, recent statistics.

The database is the scheduler's memory: every crawl records its run (with the target name), so
``run-due`` under cron, ``schedule`` after a restart and ``schedule --scrapyd`` all know when a
target last ran without a state file of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import and_, func, select, update

from models.database import get_engine
from models.tables import CrawlRun

RUNNING_RUN_STALE_AFTER = timedelta(hours=24)
"""A run still ``running`` after this long is taken for dead (its process was killed)."""
FINAL_STATUSES = ("succeeded", "degraded", "failed", "interrupted")


@dataclass(frozen=True)
class RunSummary:
    """The facts about one crawl run that scheduling and ``jobcrawl status`` need."""

    id: int
    target: str | None
    spider: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    reason: str | None
    items: int


def as_utc(moment: datetime | None) -> datetime | None:
    """A database timestamp as an aware UTC datetime (SQLite hands back naive ones)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def _summary(row) -> RunSummary:
    return RunSummary(id=row.id, target=row.target, spider=row.spider, started_at=as_utc(row.started_at),
                      finished_at=as_utc(row.finished_at), status=row.status, reason=row.reason,
                      items=row.items or 0)


def last_runs(database_url: str | None) -> dict[str, RunSummary]:
    """The latest run of every target that has one, by target name."""
    latest = (select(func.max(CrawlRun.id)).where(CrawlRun.target.is_not(None))
              .group_by(CrawlRun.target).scalar_subquery())
    with get_engine(database_url).connect() as connection:
        rows = connection.execute(select(CrawlRun).where(CrawlRun.id.in_(latest))).all()
    return {row.target: _summary(row) for row in rows}


def busy_targets(runs: dict[str, RunSummary], now: datetime,
                 stale_after: timedelta = RUNNING_RUN_STALE_AFTER) -> set[str]:
    """Targets whose latest run is still going (and young enough to be alive)."""
    return {name for name, run in runs.items() if run.status == "running" and now - run.started_at < stale_after}


def runs_after(database_url: str | None, target: str, after_id: int) -> list[RunSummary]:
    """The runs of ``target`` recorded after run ``after_id``, oldest first."""
    query = (select(CrawlRun).where(and_(CrawlRun.target == target, CrawlRun.id > after_id))
             .order_by(CrawlRun.id))
    with get_engine(database_url).connect() as connection:
        return [_summary(row) for row in connection.execute(query).all()]


def newest_run_id(database_url: str | None) -> int:
    """The highest run id so far (0 for none): later runs have higher ids on every node."""
    with get_engine(database_url).connect() as connection:
        return connection.execute(select(func.coalesce(func.max(CrawlRun.id), 0))).scalar_one()


def mark_lost(database_url: str | None, target: str, after_id: int, reason: str) -> int:
    """Mark the target's runs after ``after_id`` that are still ``running`` as interrupted."""
    query = (update(CrawlRun)
             .where(and_(CrawlRun.target == target, CrawlRun.id > after_id, CrawlRun.status == "running"))
             .values(status="interrupted", reason=reason, finished_at=datetime.now(timezone.utc)))
    with get_engine(database_url).execution_options(sqlite_write=True).begin() as connection:
        return connection.execute(query).rowcount


def recent_successful_stats(database_url: str | None, *, target: str | None, scope: str | None,
                            limit: int, before_id: int | None) -> list[dict[str, Any]]:
    """Stats of the last ``limit`` succeeded runs of the same target (or, without one, the same
    spider and arguments), newest first, older than run ``before_id``."""
    if target:
        same = CrawlRun.target == target
    elif scope:
        same = and_(CrawlRun.target.is_(None), CrawlRun.scope == scope)
    else:
        return []
    query = select(CrawlRun.stats).where(same, CrawlRun.status == "succeeded")
    if before_id is not None:
        query = query.where(CrawlRun.id < before_id)
    with get_engine(database_url).connect() as connection:
        rows = connection.execute(query.order_by(CrawlRun.id.desc()).limit(limit)).scalars().all()
    return [row or {} for row in rows]
