"""``jobcrawl schedule`` as a real process: due targets run (coalesced, one run per target at a
time) and record their runs; SIGTERM mid-crawl loses no item. Plus the commands on a Typer app."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import typer
from sqlalchemy import func, insert, select
from typer.testing import CliRunner

from crawler.operations.commands import register
from models.database import get_engine
from models.tables import CrawlRun, Posting, Sighting
from tests.operations.sites import SiteState, site_routes, target_toml
from tests.support.crawl import PROJECT_ROOT, runs
from tests.support.fixture_server import FixtureServer


def record_old_run(database_url: str, target: str, started_at: datetime) -> None:
    with get_engine(database_url).begin() as connection:
        connection.execute(insert(CrawlRun), {
            "spider": "jsonld", "target": target, "arguments": {}, "started_at": started_at,
            "finished_at": started_at + timedelta(minutes=1), "status": "succeeded", "stats": {}})


def start_scheduler(targets: Path, database_url: str, log_dir: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "crawler.operations.commands", "schedule", "--targets", str(targets),
               "--database", database_url, "--poll", "0.5", "--max-parallel", "2", "--log-dir", str(log_dir)]
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.3)


def finished_runs(database_url: str, target: str, after: datetime) -> list:
    return [run for run in runs(database_url) if run.target == target and run.finished_at is not None
            and run.started_at.replace(tzinfo=timezone.utc) > after]


def test_the_scheduler_runs_due_targets_once_each_and_records_them(migrated_sqlite_url, tmp_path):
    now = datetime.now(timezone.utc)
    record_old_run(migrated_sqlite_url, "hourly", now - timedelta(days=3))     # 72 missed hours: one run
    record_old_run(migrated_sqlite_url, "daily", now - timedelta(minutes=1))   # ran a minute ago: not due
    with FixtureServer({**site_routes("hourly", 3), **site_routes("often", 3), **site_routes("daily", 3)}) as server:
        targets = tmp_path / "crawl.toml"
        targets.write_text(
            target_toml("hourly", f"{server.url}/hourly/sitemap.xml", schedule="0 * * * *")
            + target_toml("often", f"{server.url}/often/sitemap.xml", schedule="* * * * * *")  # every second
            + target_toml("daily", f"{server.url}/daily/sitemap.xml", schedule="0 0 * * *")
            + target_toml("off", f"{server.url}/off/sitemap.xml", enabled=False), encoding="utf-8")
        scheduler = start_scheduler(targets, migrated_sqlite_url, tmp_path / "logs")
        try:
            wait_for(lambda: finished_runs(migrated_sqlite_url, "hourly", now) and finished_runs(migrated_sqlite_url, "often", now),
                     timeout=150, what="the due targets to finish")
        finally:
            scheduler.send_signal(signal.SIGTERM)
            output, _ = scheduler.communicate(timeout=120)
    assert scheduler.returncode == 0, output[-3000:]
    recorded = [run for run in runs(migrated_sqlite_url) if run.started_at.replace(tzinfo=timezone.utc) > now]
    by_target = {name: [run for run in recorded if run.target == name] for name in ("hourly", "often", "daily", "off")}
    assert len(by_target["hourly"]) == 1 and by_target["hourly"][0].status == "succeeded"
    assert by_target["daily"] == [] and by_target["off"] == []
    often = sorted(by_target["often"], key=lambda run: run.started_at)
    assert often[0].status == "succeeded" and often[0].items == 3
    for earlier, later in zip(often, often[1:]):  # never two runs of one target at once
        assert earlier.finished_at <= later.started_at
    assert {run.status for run in often[1:]} <= {"succeeded", "interrupted"}
    logged = {path.name.split("-")[0] for path in (tmp_path / "logs").iterdir()}  # one log file per crawl
    assert logged == {"hourly", "often"}


def test_sigterm_during_a_crawl_loses_no_item(migrated_sqlite_url, tmp_path):
    slow = SiteState(delay_seconds=0.25)
    with FixtureServer(site_routes("slow", 40, slow)) as server:
        targets = tmp_path / "crawl.toml"
        targets.write_text(target_toml("slow", f"{server.url}/slow/sitemap.xml", settings={
            "CONCURRENT_REQUESTS_PER_DOMAIN": "2", "JOBCRAWL_PROGRESS": "log", "JOBCRAWL_PROGRESS_INTERVAL": "0.5",
            "JOBCRAWL_STORE_BATCH_SIZE": "1000", "JOBCRAWL_STORE_FLUSH_SECONDS": "60"}), encoding="utf-8")
        scheduler = start_scheduler(targets, migrated_sqlite_url, tmp_path / "logs")
        try:
            wait_for(lambda: server.count("/slow/jobs/") >= 8, timeout=120, what="the crawl to be under way")
        finally:
            scheduler.send_signal(signal.SIGTERM)
            output, _ = scheduler.communicate(timeout=120)
        served = server.count("/slow/jobs/")
    assert scheduler.returncode == 0, output[-3000:]
    [run] = runs(migrated_sqlite_url)
    assert run.status == "interrupted"
    scraped = run.stats["jobcrawl/valid_items"]
    assert 8 <= scraped < 40 and served < 40
    with get_engine(migrated_sqlite_url).connect() as connection:
        stored_sightings = connection.execute(
            select(func.count()).select_from(Sighting).where(Sighting.crawl_run_id == run.id)).scalar_one()
        stored_postings = connection.execute(select(func.count()).select_from(Posting)).scalar_one()
    # Batches were set to flush only at the end: the graceful stop flushed every scraped item.
    assert stored_sightings == stored_postings == scraped == run.items
    [log] = (tmp_path / "logs").iterdir()
    assert "progress jsonld: " in log.read_text(encoding="utf-8")


def operations_app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_status_and_run_due_commands(migrated_sqlite_url, tmp_path):
    record_old_run(migrated_sqlite_url, "fresh", datetime.now(timezone.utc) - timedelta(minutes=2))
    targets = tmp_path / "crawl.toml"
    targets.write_text(target_toml("fresh", "https://jobs.example/sitemap.xml", schedule="0 0 1 1 *")
                       + target_toml("off", "https://jobs.example/sitemap.xml", enabled=False), encoding="utf-8")
    runner = CliRunner()
    status = runner.invoke(operations_app(), ["status", "--targets", str(targets), "--database", migrated_sqlite_url])
    assert status.exit_code == 0, status.output
    fresh, off = status.output.splitlines()
    assert fresh.startswith("fresh  jsonld  last ") and " succeeded  next 2027-01-01 00:00 UTC" in fresh
    assert off == "off  jsonld  never run  next never (disabled)"
    nothing_due = runner.invoke(operations_app(), ["run-due", "--targets", str(targets), "--database", migrated_sqlite_url])
    assert nothing_due.exit_code == 0, nothing_due.output
    assert len(runs(migrated_sqlite_url)) == 1
    broken = tmp_path / "broken.toml"
    broken.write_text('[targets.x]\nspider = "nosuch"\nschedule = "0 0 * * *"\n', encoding="utf-8")
    failed = runner.invoke(operations_app(), ["run-due", "--targets", str(broken), "--database", migrated_sqlite_url])
    assert failed.exit_code != 0
    assert "unknown spider 'nosuch'" in str(failed.exception)
