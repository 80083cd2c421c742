"""Run targets as crawl subprocesses: ``jobcrawl schedule``, ``run-due`` and ``crawl-all``.

Each crawl is its own ``python -m crawler.cli crawl SPIDER -a … -s JOBCRAWL_TARGET=NAME``
process, because Scrapy's reactor cannot be restarted inside one process. The crawl records its
``crawl_runs`` row itself, with the target's name, which is how the next pass knows when the
target last ran.

Guarantees: at most ``max_parallel`` crawls at a time; never two runs of one target at once
(neither from this scheduler nor, through the database, from another one); missed runs
coalesce (see :mod:`crawler.operations.schedule_times`). On SIGTERM or SIGINT no new crawl starts
and each running crawl gets exactly one SIGTERM, which Scrapy answers with a graceful shutdown:
requests in flight finish, pipelines flush, the run is recorded as ``interrupted``. Crawls run in
their own session, so a Ctrl-C in the terminal reaches only the scheduler (a second signal from
the terminal would make Scrapy stop at once). A second SIGTERM/SIGINT to the scheduler is
forwarded as a second signal: Scrapy then stops without waiting.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Callable, Iterable

from sqlalchemy.exc import SQLAlchemyError

import crawler
from crawler.operations.run_history import (RunSummary, busy_targets, end_dead_runs, last_runs, mark_lost,
                                             newest_run_id, runs_after)
from crawler.operations.schedule_times import due_targets, later
from crawler.operations.targets import Target, TargetsFile, load_targets

logger = logging.getLogger(__name__)
REAP_SECONDS = 0.5
CODE_ROOT = Path(crawler.__file__).resolve().parent.parent


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def crawl_command(target: Target, database_url: str | None = None, python: str = sys.executable) -> list[str]:
    """The ``jobcrawl crawl`` command line that runs ``target`` once."""
    command = [python, "-m", "crawler.cli", "crawl", target.spider]
    for name, value in target.arguments.items():
        command += ["-a", f"{name}={value}"]
    for name, value in {**target.settings, "JOBCRAWL_TARGET": target.name}.items():
        command += ["-s", f"{name}={value}"]
    if database_url:
        command += ["--database", database_url]
    return command


@dataclass
class LaunchedCrawl:
    """A crawl subprocess this scheduler started."""

    target: Target
    process: subprocess.Popen
    launched_at: datetime
    watermark: int
    log_file: IO | None = None
    signals_sent: int = 0


@dataclass(frozen=True)
class CrawlOutcome:
    """How one crawl subprocess ended: its exit code and the run it recorded (if any)."""

    target: str
    returncode: int
    run: RunSummary | None


@contextmanager
def stop_signals(handler: Callable[[int], None]):
    """Call ``handler(signum)`` on SIGTERM and SIGINT inside the block (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, lambda signum, _frame: handler(signum))
                for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


@dataclass
class CrawlScheduler:
    """Starts due targets as subprocesses, bounded and one run per target at a time."""

    targets_file: TargetsFile
    database_url: str | None = None
    max_parallel: int = 2
    poll_seconds: float = 5.0
    log_dir: Path | None = None
    clock: Callable[[], datetime] = utc_now
    running: dict[str, LaunchedCrawl] = field(default_factory=dict, init=False)
    outcomes: list[CrawlOutcome] = field(default_factory=list, init=False)
    stopping: bool = field(default=False, init=False)

    def __post_init__(self):
        if self.max_parallel < 1:
            raise ValueError("max_parallel must be at least 1")
        self.launched_at: dict[str, datetime] = {}
        self.wake = threading.Event()
        self._targets_mtime = self._mtime()

    # ------------------------------------------------------------------ what to start

    def due(self, now: datetime | None = None) -> list[Target]:
        """Enabled targets due now that no one is running."""
        now = now or self.clock()
        end_dead_runs(self.database_url)
        runs = last_runs(self.database_url)
        last_started = {name: later(runs[name].started_at if name in runs else None, self.launched_at.get(name))
                        for name in self.targets_file.targets}
        busy = busy_targets(runs, now) | set(self.running)
        return due_targets(self.targets_file.enabled, {k: v for k, v in last_started.items() if v},
                           busy, now, self.targets_file.timezone)

    def start(self, target: Target) -> LaunchedCrawl:
        """Launch one crawl of ``target`` in its own session."""
        log_file = None
        if self.log_dir is not None:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            log_file = open(self.log_dir / f"{target.name}-{self.clock():%Y%m%dT%H%M%S}.log", "ab")
        environment = {**os.environ,
                       "PYTHONPATH": os.pathsep.join(filter(None, [str(CODE_ROOT), os.environ.get("PYTHONPATH")]))}
        watermark = newest_run_id(self.database_url)
        process = subprocess.Popen(crawl_command(target, self.database_url), env=environment,
                                   stdin=subprocess.DEVNULL, stdout=log_file, stderr=log_file,
                                   start_new_session=True)
        launched = LaunchedCrawl(target, process, self.clock(), watermark, log_file)
        self.running[target.name] = launched
        self.launched_at[target.name] = launched.launched_at
        logger.info("started target %s (%s, pid %d)", target.name, target.spider, process.pid)
        return launched

    def reap(self) -> list[CrawlOutcome]:
        """Collect the crawls that ended since the last call."""
        finished = []
        for name, launched in list(self.running.items()):
            returncode = launched.process.poll()
            if returncode is None:
                continue
            del self.running[name]
            if launched.log_file is not None:
                launched.log_file.close()
            try:
                recorded = runs_after(self.database_url, name, launched.watermark)
                if recorded and recorded[-1].status == "running":  # killed before it could record its end
                    mark_lost(self.database_url, name, launched.watermark,
                              f"the crawl process exited with code {returncode} without recording the end "
                              "of the run: killed or crashed")
                    recorded = runs_after(self.database_url, name, launched.watermark)
            except SQLAlchemyError as error:
                logger.error("target %s: cannot read its run: %s", name, error)
                recorded = []
            outcome = CrawlOutcome(name, returncode, recorded[-1] if recorded else None)
            self.outcomes.append(outcome)
            finished.append(outcome)
            run = outcome.run
            if run is None:
                logger.error("target %s: the crawl exited with %d before recording a run", name, returncode)
            else:
                logger.info("target %s finished: %s, %d postings%s", name, run.status, run.items,
                            f" ({run.reason})" if run.reason else "")
        return finished

    # ------------------------------------------------------------------ stopping

    def request_stop(self, signum: int = signal.SIGTERM) -> None:
        """Stop starting crawls; forward one SIGTERM to each running crawl (another on a repeat)."""
        repeat = self.stopping
        self.stopping = True
        for launched in self.running.values():
            if launched.signals_sent == 0 or repeat:
                try:
                    launched.process.send_signal(signal.SIGTERM)
                    launched.signals_sent += 1
                except ProcessLookupError:
                    pass
        self.wake.set()

    def _sleep(self, seconds: float) -> None:
        self.wake.wait(seconds)
        self.wake.clear()

    # ------------------------------------------------------------------ loops

    def run_forever(self) -> int:
        """``jobcrawl schedule``: start due targets until a stop signal; then let crawls finish."""
        logger.info("scheduler started: %d enabled targets, at most %d at a time",
                    len(self.targets_file.enabled), self.max_parallel)
        last_check = None
        with stop_signals(self.request_stop):
            while not self.stopping:
                self.reap()
                now = self.clock()
                if last_check is None or (now - last_check).total_seconds() >= self.poll_seconds:
                    last_check = now
                    self._reload_targets()
                    try:
                        due = self.due(now)
                    except SQLAlchemyError as error:  # the database may come back; keep running
                        logger.error("cannot read crawl_runs, retrying in %.0f s: %s", self.poll_seconds, error)
                        due = []
                    self._fill_slots(due)
                self._sleep(REAP_SECONDS)
            self._wait_for_running()
        logger.info("scheduler stopped")
        return 0

    def run_targets(self, targets: Iterable[Target]) -> list[CrawlOutcome]:
        """Run each of ``targets`` once (bounded, skipping ones running elsewhere) and wait."""
        queue = list(targets)
        end_dead_runs(self.database_url)
        busy = busy_targets(last_runs(self.database_url), self.clock())
        for target in [target for target in queue if target.name in busy]:
            logger.warning("target %s is already running elsewhere; not starting it again", target.name)
        queue = [target for target in queue if target.name not in busy]
        results_from = len(self.outcomes)
        with stop_signals(self.request_stop):
            while (queue or self.running) and not self.stopping:
                self.reap()
                while queue and len(self.running) < self.max_parallel and not self.stopping:
                    self.start(queue.pop(0))
                self._sleep(REAP_SECONDS)
            self._wait_for_running()
        return self.outcomes[results_from:]

    def run_due(self) -> list[CrawlOutcome]:
        """``jobcrawl run-due``: one pass over the due targets."""
        return self.run_targets(self.due())

    def _fill_slots(self, due: list[Target]) -> None:
        for target in due:
            if len(self.running) >= self.max_parallel or self.stopping:
                break
            self.start(target)

    def _wait_for_running(self) -> None:
        if self.running:
            logger.info("waiting for %d running crawls to finish and flush", len(self.running))
        if self.stopping:  # a crawl launched while the signal was being handled gets its signal too
            for launched in self.running.values():
                if launched.signals_sent == 0:
                    launched.process.send_signal(signal.SIGTERM)
                    launched.signals_sent += 1
        while self.running:
            self.reap()
            self._sleep(REAP_SECONDS)

    def _mtime(self) -> float | None:
        try:
            return self.targets_file.path.stat().st_mtime
        except OSError:
            return None

    def _reload_targets(self) -> None:
        mtime = self._mtime()
        if mtime is None or mtime == self._targets_mtime:
            return
        self._targets_mtime = mtime
        try:
            self.targets_file = load_targets(self.targets_file.path)
        except Exception as error:  # keep the last good file running
            logger.error("not reloading %s: %s", self.targets_file.path, error)
        else:
            logger.info("reloaded %s: %d enabled targets", self.targets_file.path, len(self.targets_file.enabled))


def exit_code(outcomes: list[CrawlOutcome]) -> int:
    """0 when every crawl succeeded, else 1 (``jobcrawl crawl`` exits 1 unless it succeeded)."""
    return 0 if all(outcome.returncode == 0 for outcome in outcomes) else 1
