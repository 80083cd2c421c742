"""Parser worker processes that cannot lose an ad, and a time budget per ad.

Parsing is CPU work, so a crawl parses in a pool of worker processes while the reactor keeps
downloading. Two things go wrong in a pool, and each costs at most the one ad that caused it:

- **A worker dies** (killed, out of memory): Python's pool breaks and fails every ad in flight.
  The first ad to notice replaces the pool — once, whatever the number of ads noticing (each
  remembers which pool it ran in) — and every failed ad is parsed again in the fresh pool. An ad
  whose worker died on every try comes back as :class:`WorkerDied` (a recorded rejection), never
  silently. Counted in ``jobcrawl/parse/worker_died`` and ``jobcrawl/parse/retried``.
- **An ad takes longer than the budget** (``JOBCRAWL_PARSE_BUDGET_SECONDS``): its worker cannot
  be interrupted, so the pool's processes are killed and a fresh pool takes over; the slow ad
  becomes :class:`ParseTimeout` (a recorded rejection "parse took longer than N s") and the other
  ads in flight are parsed again. Counted in ``jobcrawl/parse/timed_out``.

With no workers (``JOBCRAWL_PARSE_WORKERS=0``) ads are parsed in the crawl process; the budget is
then kept with a ``SIGALRM`` timer where the crawl runs in the main thread (Python checks it
between bytecodes, so a single long C call finishes first).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, Callable, Iterator

from pipelines.posting_steps import completed_fields

logger = logging.getLogger(__name__)
WARM_UP_DOCUMENT = "Data Engineer (m/w/d)\nLocation: Köln\n\nIhre Aufgaben\n- Python und SQL\n"
TRIES = 3
"""Pools an ad is tried in before its worker's deaths make it a rejection."""


class ParseTimeout(Exception):
    """One ad took longer than the parse budget."""

    def __init__(self, seconds: float):
        super().__init__(f"parse took longer than {seconds:g} s")
        self.seconds = seconds


class WorkerDied(Exception):
    """The worker parsing one ad died on every try."""

    def __init__(self, tries: int):
        super().__init__(f"parser worker died on this ad {tries} times")


def _warm_up() -> None:
    """Build the parser's lazy indexes (gazetteer, skills) once per worker, not on the first ad."""
    completed_fields({"description": WARM_UP_DOCUMENT}, datetime.now(timezone.utc))


def worker_count(setting: int) -> int:
    """Workers for the setting: -1 = cores minus one (0 on a single core), else as given."""
    if setting >= 0:
        return setting
    return max(0, (os.cpu_count() or 1) - 1)


class _Counter:
    """Stats when there is a crawler, a plain dict otherwise (scripts, tests)."""

    def __init__(self, stats=None):
        self.stats = stats
        self.values: dict[str, int] = {}

    def inc(self, name: str) -> None:
        self.values[name] = self.values.get(name, 0) + 1
        if self.stats is not None:
            self.stats.inc_value(name)


@contextmanager
def parse_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`ParseTimeout` in the main thread after ``seconds`` (no-op elsewhere)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(_signum, _frame):
        raise ParseTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class ParsePool:
    """Runs ``work(known, crawled_at)`` for each ad, in ``workers`` processes or inline.

    ``work`` is :func:`pipelines.posting_steps.completed_fields` in a crawl; it must be a
    module-level function (it is pickled to the workers).
    """

    def __init__(self, workers: int, budget_seconds: float = 0.0, stats=None,
                 work: Callable[..., Any] = completed_fields, initializer: Callable[[], None] | None = _warm_up):
        self.workers = workers
        self.budget_seconds = budget_seconds
        self.counter = _Counter(stats)
        self.work = work
        self.initializer = initializer
        self.executor: ProcessPoolExecutor | None = None
        self.generation = 0
        self.closed = False

    def start(self) -> None:
        """Start the worker processes (none when parsing inline)."""
        if self.workers and self.executor is None:
            self.executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=self.initializer)

    def close(self) -> None:
        """Stop the workers, waiting for the ads in flight."""
        self.closed = True
        if self.executor is not None:
            self.executor.shutdown(wait=True)

    async def run(self, *arguments: Any) -> Any:
        """The work's result for one ad; raises :class:`ParseTimeout`, :class:`WorkerDied` or
        the work's own exception."""
        if not self.workers:
            with parse_budget(self.budget_seconds):
                return self.work(*arguments)
        for attempt in range(TRIES):
            if attempt:
                self.counter.inc("jobcrawl/parse/retried")
            executor, generation = self.executor, self.generation
            if executor is None:  # closed while this ad waited: parse it here rather than lose it
                with parse_budget(self.budget_seconds):
                    return self.work(*arguments)
            try:
                future = asyncio.wrap_future(executor.submit(self.work, *arguments))
                return await asyncio.wait_for(future, self.budget_seconds or None)
            except BrokenProcessPool:
                self._replace(generation, died=True)
            except asyncio.TimeoutError:
                self.counter.inc("jobcrawl/parse/timed_out")
                self._replace(generation, died=False)
                raise ParseTimeout(self.budget_seconds) from None
        raise WorkerDied(TRIES)

    def _replace(self, generation: int, died: bool) -> None:
        """Put a fresh pool in place of pool ``generation`` (once, however many ads ask)."""
        if generation != self.generation:
            return  # another ad of the same pool already replaced it
        old = self.executor
        self.generation += 1
        if died:
            self.counter.inc("jobcrawl/parse/worker_died")
            logger.warning("a parser worker died; the ads it had in flight are parsed again in a fresh pool")
        else:
            logger.warning("an ad took longer than %g s to parse; its worker is stopped and a fresh pool "
                           "takes over", self.budget_seconds)
        if old is not None:
            _kill_workers(old)
            # No cancel_futures: ads queued in the old pool must fail as broken (and be retried),
            # not be cancelled.
            old.shutdown(wait=False)
        self.executor = None if self.closed else self._new_executor()


def _kill_workers(executor: ProcessPoolExecutor) -> None:
    # The pool has no public way to stop a busy worker; its processes are the only handle.
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        try:
            process.kill()
        except (OSError, ValueError, AttributeError):
            pass
