"""What ``crawl_runs`` says about targets: their last runs, runs still going, recent statistics.

The database is the scheduler's memory: every crawl records its run (with the target name), so
``run-due`` under cron, ``schedule`` after a restart and ``schedule --scrapyd`` all know when a
target last ran without a state file of their own.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, select, update

from models.database import get_engine
from models.tables import CrawlRun

RUNNING_RUN_STALE_AFTER = timedelta(hours=24)
"""A run of another host still ``running`` after this long is taken for dead (its process was
killed). Runs of this host are checked by their process instead: see :func:`end_dead_runs`."""
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


def _process_start(pid: int) -> float | None:
    """When process ``pid`` of this host started (epoch seconds), or ``None`` if it does not exist."""
    try:
        fields_after_name = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        boot = next(int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                    if line.startswith("btime "))
    except (OSError, StopIteration, ValueError, IndexError):
        return None
    return boot + int(fields_after_name[19]) / os.sysconf("SC_CLK_TCK")  # field 22, starttime


def crawl_process_alive(pid: int, run_started_at: datetime) -> bool:
    """Whether the process that started a run on this host still runs: process ``pid`` exists and
    began before the run did (a later one only reuses the number)."""
    started = _process_start(pid)
    return started is not None and started <= run_started_at.timestamp() + 2


def end_dead_runs(database_url: str | None, host: str | None = None) -> list[int]:
    """Mark as ``interrupted`` the runs left ``running`` by crawl processes of this host that no
    longer exist (killed with ``kill -9``, out of memory). Returns their ids."""
    host = host or socket.gethostname()
    query = select(CrawlRun.id, CrawlRun.pid, CrawlRun.started_at).where(
        CrawlRun.status == "running", CrawlRun.host == host, CrawlRun.pid.is_not(None))
    engine = get_engine(database_url)
    with engine.connect() as connection:
        candidates = connection.execute(query).all()
    dead = [row for row in candidates if not crawl_process_alive(row.pid, as_utc(row.started_at))]
    if not dead:
        return []
    now = datetime.now(timezone.utc)
    with engine.execution_options(sqlite_write=True).begin() as connection:
        for row in dead:
            connection.execute(
                update(CrawlRun).where(CrawlRun.id == row.id, CrawlRun.status == "running")
                .values(status="interrupted", finished_at=now,
                        reason=f"its crawl process (pid {row.pid} on {host}) ended without recording "
                               "the end of the run: killed or crashed"))
    return [row.id for row in dead]


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
