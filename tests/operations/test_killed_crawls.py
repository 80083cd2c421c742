"""Issue 13, finding 13: a crawl killed with ``kill -9`` blocks nothing.

Its run is left ``running`` (nothing could record the end). On the same host the process check
ends it at once — the scheduler that launched the crawl, the next ``run-due`` or ``schedule`` pass
and the next crawl all mark it ``interrupted`` — so the target runs again on its next due time,
not after the 24-hour staleness window that remains for runs recorded by other hosts.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
from datetime import datetime, timedelta, timezone

from sqlalchemy import insert, select

from crawler.operations.run_history import busy_targets, end_dead_runs, last_runs
from models.database import get_engine
from models.tables import CrawlRun
from tests.operations.sites import SiteState, site_routes, target_toml
from tests.operations.test_scheduler import start_scheduler, wait_for
from tests.support.crawl import runs
from tests.support.fixture_server import FixtureServer

HOST = socket.gethostname()


def a_finished_process_id() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def record_running(database_url: str, target: str, *, host: str, pid: int, started_at: datetime) -> int:
    with get_engine(database_url).begin() as connection:
        return connection.execute(insert(CrawlRun).returning(CrawlRun.id), {
            "spider": "jsonld", "target": target, "arguments": {}, "started_at": started_at,
            "status": "running", "stats": {}, "host": host, "pid": pid}).scalar_one()


def statuses(database_url: str) -> dict[str, str]:
    with get_engine(database_url).connect() as connection:
        return dict(connection.execute(select(CrawlRun.target, CrawlRun.status)).all())


def test_only_runs_whose_process_is_gone_on_this_host_are_ended(migrated_sqlite_url):
    now = datetime.now(timezone.utc)
    record_running(migrated_sqlite_url, "killed", host=HOST, pid=a_finished_process_id(), started_at=now)
    record_running(migrated_sqlite_url, "alive", host=HOST, pid=os.getpid(), started_at=now)
    # The number is in use, but by a process that started after the run: the run's process is gone.
    record_running(migrated_sqlite_url, "recycled", host=HOST, pid=os.getpid(), started_at=now - timedelta(days=400))
    record_running(migrated_sqlite_url, "elsewhere", host=f"not-{HOST}", pid=a_finished_process_id(), started_at=now)
    ended = end_dead_runs(migrated_sqlite_url)
    assert len(ended) == 2
    assert statuses(migrated_sqlite_url) == {"killed": "interrupted", "alive": "running", "recycled": "interrupted",
                                    "elsewhere": "running"}
    reasons = {run.target: run.reason for run in runs(migrated_sqlite_url)}
    assert "ended without recording the end of the run: killed or crashed" in reasons["killed"]
    # A run of another host still counts as busy until the staleness window has passed.
    assert busy_targets(last_runs(migrated_sqlite_url), now) == {"alive", "elsewhere"}
    assert end_dead_runs(migrated_sqlite_url) == []


def test_a_scheduled_crawl_killed_with_sigkill_is_run_again_at_its_next_due_time(migrated_sqlite_url, tmp_path):
    slow = SiteState(delay_seconds=0.3)
    with FixtureServer(site_routes("slow", 30, slow)) as server:
        targets = tmp_path / "crawl.toml"
        targets.write_text(target_toml("slow", f"{server.url}/slow/sitemap.xml", schedule="* * * * * *",
                                       settings={"CONCURRENT_REQUESTS_PER_DOMAIN": "1"}), encoding="utf-8")
        scheduler = start_scheduler(targets, migrated_sqlite_url, tmp_path / "logs")
        try:
            wait_for(lambda: server.count("/slow/jobs/") >= 3, timeout=120, what="the first crawl to be under way")
            [first] = runs(migrated_sqlite_url)
            assert first.status == "running" and first.host == HOST
            os.kill(first.pid, signal.SIGKILL)
            wait_for(lambda: len(runs(migrated_sqlite_url)) >= 2, timeout=60, what="the target to be started again")
        finally:
            scheduler.send_signal(signal.SIGTERM)
            output, _ = scheduler.communicate(timeout=120)
    assert scheduler.returncode == 0, output[-3000:]
    killed, *later = runs(migrated_sqlite_url)
    assert killed.status == "interrupted", output[-3000:]
    assert "exited with code -9 without recording the end of the run" in killed.reason
    assert later and later[0].started_at > killed.started_at
