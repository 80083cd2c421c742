"""Run a real crawl (``jobcrawl crawl``) in a subprocess, as users do, and read the database."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from models.database import get_engine
from models.tables import CrawlRun, Posting, RejectedItem, Sighting

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FAST_LOCAL_SETTINGS = {
    # Fixture servers are local and fast; politeness delays would only slow the suite down.
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "ROBOTSTXT_OBEY": "False",
    "LOG_LEVEL": "WARNING",
    "JOBCRAWL_STORE_FLUSH_SECONDS": "0.5",
    # Parse inline: one process per crawl starts faster; the sample-board crawl tests use the pool.
    "JOBCRAWL_PARSE_WORKERS": "0",
}


@dataclass
class CrawlResult:
    returncode: int
    stdout: str
    stderr: str


def crawl(spider: str, arguments: dict[str, str], database_url: str, settings: dict[str, str] | None = None,
          timeout: float = 180) -> CrawlResult:
    """``jobcrawl crawl SPIDER -a …`` into ``database_url``; returns its exit code and output."""
    command = [sys.executable, "-m", "crawler.cli", "crawl", spider, "--database", database_url]
    for name, value in arguments.items():
        command += ["-a", f"{name}={value}"]
    for name, value in {**FAST_LOCAL_SETTINGS, **(settings or {})}.items():
        command += ["-s", f"{name}={value}"]
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    env.pop("JOBCRAWL_DATABASE_URL", None)
    done = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    return CrawlResult(done.returncode, done.stdout, done.stderr)


def postings(database_url: str) -> list:
    """Every posting row, in id order."""
    with get_engine(database_url).connect() as connection:
        return connection.execute(select(Posting).order_by(Posting.id)).all()


def sightings(database_url: str) -> list:
    with get_engine(database_url).connect() as connection:
        return connection.execute(select(Sighting).order_by(Sighting.id)).all()


def rejections(database_url: str) -> list:
    with get_engine(database_url).connect() as connection:
        return connection.execute(select(RejectedItem).order_by(RejectedItem.id)).all()


def runs(database_url: str) -> list:
    with get_engine(database_url).connect() as connection:
        return connection.execute(select(CrawlRun).order_by(CrawlRun.id)).all()
