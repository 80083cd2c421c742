"""``jobcrawl crawl`` as a child process the reliability suite can time, limit, measure and kill.

Unlike ``tests.support.crawl.crawl`` this runs the crawl under an address-space limit, reports
its wall time and peak resident memory (from ``wait4``), and can be started now and killed
later. Output goes to files, so a chatty crawl can never block on a full pipe.
"""

from __future__ import annotations

import fcntl
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

from sqlalchemy import select

from models.database import get_engine
from models.tables import CrawlRun
from tests.support.crawl import FAST_LOCAL_SETTINGS, PROJECT_ROOT

MEMORY_LIMIT_BYTES = 3 * 1024 ** 3
"""Address-space limit of a crawl: a bomb that really expanded would die of MemoryError."""
RESULTS_PATH = PROJECT_ROOT / "benchmarks" / "results" / "reliability.json"


@dataclass
class CrawlOutcome:
    """How a crawl process ended."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))


class CrawlProcess:
    """A running ``jobcrawl crawl``; :meth:`wait` or :meth:`kill` it."""

    def __init__(self, spider: str, arguments: dict[str, str], database_url: str,
                 settings: dict[str, str] | None = None, extra_args: list[str] | None = None,
                 environment: dict[str, str] | None = None):
        command = [sys.executable, "-m", "crawler.cli", "crawl", spider, "--database", database_url]
        for name, value in arguments.items():
            command += ["-a", f"{name}={value}"]
        for name, value in {**FAST_LOCAL_SETTINGS, **(settings or {})}.items():
            command += ["-s", f"{name}={value}"]
        command += extra_args or []
        env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **(environment or {})}
        env.pop("JOBCRAWL_DATABASE_URL", None)
        self.stdout = tempfile.TemporaryFile()
        self.stderr = tempfile.TemporaryFile()
        self.started = time.monotonic()
        self.popen = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=self.stdout, stderr=self.stderr,
                                      preexec_fn=_limit_memory)

    def wait(self, timeout: float = 120) -> CrawlOutcome:
        """Wait for the end (killing the crawl after ``timeout`` seconds, which fails the test)."""
        deadline = self.started + timeout
        while True:
            pid, status, usage = os.wait4(self.popen.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                self.popen.kill()
                os.wait4(self.popen.pid, 0)
                raise AssertionError(f"crawl still running after {timeout} s (a hang): {self._read()[1][-3000:]}")
            time.sleep(0.05)
        self.popen.returncode = os.waitstatus_to_exitcode(status)
        stdout, stderr = self._read()
        return CrawlOutcome(self.popen.returncode, stdout, stderr, time.monotonic() - self.started,
                            usage.ru_maxrss / 1024)

    def kill(self) -> None:
        """``kill -9``: no clean-up, no flush, no goodbye."""
        os.kill(self.popen.pid, signal.SIGKILL)
        os.wait4(self.popen.pid, 0)
        self.popen.returncode = -9

    def terminate(self) -> None:
        """SIGTERM: Scrapy's graceful shutdown (finishes what is in flight, closes the spider)."""
        os.kill(self.popen.pid, signal.SIGTERM)

    def output_so_far(self) -> str:
        """What the crawl has written to stdout and stderr until now."""
        stdout, stderr = self._read()
        return stdout + stderr

    def _read(self) -> tuple[str, str]:
        texts = []
        for handle in (self.stdout, self.stderr):
            handle.seek(0)
            texts.append(handle.read().decode("utf-8", errors="replace"))
        return texts[0], texts[1]


def run_crawl(spider: str, arguments: dict[str, str], database_url: str, settings: dict[str, str] | None = None,
              timeout: float = 120, **options) -> CrawlOutcome:
    """Run one crawl to its end."""
    return CrawlProcess(spider, arguments, database_url, settings, **options).wait(timeout)


def last_run_stats(database_url: str) -> dict:
    """The Scrapy stats the newest crawl run recorded."""
    with get_engine(database_url).connect() as connection:
        row = connection.execute(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(1)).one()
    return row.stats


def record(fault: str, **measured) -> None:
    """Print a measured outcome and keep it in ``benchmarks/results/reliability.json``."""
    print(f"\n[reliability] {fault}: " + ", ".join(f"{key}={value}" for key, value in measured.items()))
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    # The suite runs in several pytest-xdist workers: one read-modify-write at a time.
    with open(RESULTS_PATH.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            results = json.loads(RESULTS_PATH.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            results = {}
        results[fault] = measured
        RESULTS_PATH.write_text(json.dumps(results, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                                encoding="utf-8")
