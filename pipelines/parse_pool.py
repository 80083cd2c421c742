"""Parser worker processes that cannot lose an ad, a time budget per ad, ads sent in batches.

Reading and parsing ads is CPU work, so a crawl does it in a pool of worker processes while the
reactor keeps downloading. Ads go to the workers in batches — one message carries up to
``batch_size`` ads, sent when it is full or ``batch_seconds`` after its first ad — so the
crawl process pays one round-trip per batch, not per ad. Two things go wrong in a pool, and each
costs at most the one ad that caused it:

- **A worker dies** (killed, out of memory): Python's pool breaks and fails every batch in
  flight. The first batch to notice replaces the pool — once, whatever the number of batches
  noticing (each remembers which pool it ran in) — and every ad of a failed batch is sent again
  on its own, so an ad that kills its worker takes only itself down next time. An ad whose worker
  died on every try comes back as :class:`WorkerDied` (a recorded rejection), never silently.
  Counted in ``jobcrawl/parse/worker_died`` and ``jobcrawl/parse/retried``.
- **An ad takes longer than the budget** (``JOBCRAWL_PARSE_BUDGET_SECONDS``): the worker stops it
  with a ``SIGALRM`` timer and answers :class:`ParseTimeout` for it (a recorded rejection "parse
  took longer than N s"); the batch's other ads are unaffected. A long C call cannot be
  interrupted that way, so a batch that overruns its whole budget (the budget per ad, plus one)
  has its pool's processes killed, a fresh pool takes over and the batch's ads are sent again on
  their own, where the slow one overruns alone. Counted in ``jobcrawl/parse/timed_out``.

With no workers (``JOBCRAWL_PARSE_WORKERS=0``) ads are parsed in the crawl process; the budget is
then kept with a ``SIGALRM`` timer where the crawl runs in the main thread (Python checks it
between bytecodes, so a single long C call finishes first).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable

from pipelines.parent_watch import start_worker
from pipelines.parse_worker import parse_budget, warm_up, work_batch
from pipelines.posting_steps import ParseTimeout, finished_items

logger = logging.getLogger(__name__)
TRIES = 3
"""Pools an ad is tried in before its worker's deaths make it a rejection."""
BATCH_SIZE = 32
"""Ads per message to a worker (``JOBCRAWL_PARSE_BATCH_SIZE``)."""
BATCH_SECONDS = 0.05
"""Longest wait of a batch's first ad for the batch to fill (``JOBCRAWL_PARSE_BATCH_SECONDS``)."""

__all__ = ["ParsePool", "ParseTimeout", "WorkerDied", "parse_budget", "worker_count"]


class WorkerDied(Exception):
    """The worker parsing one ad died on every try."""

    def __init__(self, tries: int):
        super().__init__(f"parser worker died on this ad {tries} times")


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


class ParsePool:
    """Runs ``work(*arguments)`` for each ad, batched to ``workers`` processes, or inline.

    ``work`` is :func:`pipelines.posting_steps.finished_items` in a crawl; it must be a
    module-level function (it is pickled to the workers).
    """

    def __init__(self, workers: int, budget_seconds: float = 0.0, stats=None,
                 work: Callable[..., Any] = finished_items, initializer: Callable[[], None] | None = warm_up,
                 batch_size: int = BATCH_SIZE, batch_seconds: float = BATCH_SECONDS):
        self.workers = workers
        self.budget_seconds = budget_seconds
        self.counter = _Counter(stats)
        self.work = work
        self.initializer = initializer
        self.batch_size = max(1, batch_size)
        self.batch_seconds = batch_seconds
        self.executor: ProcessPoolExecutor | None = None
        self.generation = 0
        self.closed = False
        self.pending: list[tuple[tuple, asyncio.Future]] = []
        self.flush_timer: asyncio.TimerHandle | None = None
        self.batches: set[asyncio.Task] = set()
        self.slots: asyncio.Semaphore | None = None  # batches running, one per worker
        self.queued_slots: asyncio.Semaphore | None = None  # batches in the pool, running or next

    def start(self) -> None:
        """Start the worker processes (none when parsing inline): they import the parser and
        build its indexes (seconds) while the crawl process starts, not after its first pages."""
        if self.workers and self.executor is None:
            self.executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        # Each worker ends with the crawl process, even one killed with -9 (pipelines.parent_watch).
        executor = ProcessPoolExecutor(self.workers, mp_context=context, initializer=start_worker,
                                       initargs=(os.getpid(), self.initializer))
        # The pool starts a process at each submission only; an empty task per worker starts them all now.
        for _ in range(self.workers):
            executor.submit(os.getpid)
        return executor

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
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self.pending.append((arguments, future))
        if len(self.pending) >= self.batch_size:
            self._flush()
        elif self.flush_timer is None:
            self.flush_timer = loop.call_later(self.batch_seconds, self._flush)
        return await future

    def _flush(self) -> None:
        """Send the waiting ads as one batch."""
        if self.flush_timer is not None:
            self.flush_timer.cancel()
            self.flush_timer = None
        entries, self.pending = self.pending, []
        if entries:
            self._send(entries, attempt=0)

    def _send(self, entries: list[tuple[tuple, asyncio.Future]], attempt: int) -> None:
        task = asyncio.ensure_future(self._run_batch(entries, attempt))
        self.batches.add(task)  # held, so the task is not garbage-collected while it runs
        task.add_done_callback(self.batches.discard)

    async def _run_batch(self, entries: list[tuple[tuple, asyncio.Future]], attempt: int) -> None:
        # Two batches per worker in the pool: one running and one queued behind it, so a worker
        # that finishes a batch starts the next at once rather than idling while its answer
        # crosses to the reactor and the reactor sends another (3 thread hand-offs, each waiting
        # for the GIL). Only the first counts as running: a batch's backstop starts once the
        # batches submitted before it have answered, so it still times its own run, not the
        # batches queued before it. (Timed from submission with a queue in front, a loaded
        # machine let single-ad retries expire unrun, and each expiry replaced the pool under
        # the batches it was running.)
        if self.slots is None:
            self.queued_slots = asyncio.Semaphore(2 * max(1, self.workers))
            self.slots = asyncio.Semaphore(max(1, self.workers))
        async with self.queued_slots:
            await self._run_batch_now(entries, attempt)

    async def _run_batch_now(self, entries: list[tuple[tuple, asyncio.Future]], attempt: int) -> None:
        executor, generation = self.executor, self.generation
        if executor is None:  # closed while these ads waited: parse them here rather than lose them
            answers = work_batch(self.work, self.budget_seconds, [arguments for arguments, _ in entries])
            return self._answer(entries, answers)
        backstop = self.budget_seconds * (len(entries) + 1) or None
        try:
            future = executor.submit(work_batch, self.work, self.budget_seconds, [arguments for arguments, _ in entries])
            async with self.slots:  # the batches submitted before this one have answered: it runs
                answers = await asyncio.wait_for(asyncio.wrap_future(future), backstop)
        except BrokenProcessPool:
            self._replace(generation, died=True)
            self._again(entries, attempt + 1)
            return
        except asyncio.TimeoutError:
            self._replace(generation, died=False)
            if len(entries) == 1:
                self._timed_out(entries[0][1])
            else:  # which ad overran is known only once each runs alone
                self._again(entries, attempt)
            return
        self._answer(entries, answers)

    def _again(self, entries: list[tuple[tuple, asyncio.Future]], attempt: int) -> None:
        """Each ad of a failed batch sent again on its own (or given up after :data:`TRIES`)."""
        for entry in entries:
            if attempt >= TRIES:
                if not entry[1].done():
                    entry[1].set_exception(WorkerDied(TRIES))
                continue
            self.counter.inc("jobcrawl/parse/retried")
            self._send([entry], attempt)

    def _timed_out(self, future: asyncio.Future) -> None:
        self.counter.inc("jobcrawl/parse/timed_out")
        if not future.done():
            future.set_exception(ParseTimeout(self.budget_seconds))

    def _answer(self, entries: list[tuple[tuple, asyncio.Future]], answers: list[tuple[bool, Any]]) -> None:
        for (_arguments, future), (succeeded, value) in zip(entries, answers):
            if future.done():
                continue
            if succeeded:
                future.set_result(value)
            elif isinstance(value, ParseTimeout):
                self._timed_out(future)
            else:
                future.set_exception(value)

    def _replace(self, generation: int, died: bool) -> None:
        """Put a fresh pool in place of pool ``generation`` (once, however many batches ask)."""
        if generation != self.generation:
            return  # another batch of the same pool already replaced it
        old = self.executor
        self.generation += 1
        if died:
            self.counter.inc("jobcrawl/parse/worker_died")
            logger.warning("a parser worker died; the ads it had in flight are parsed again in a fresh pool")
        else:
            logger.warning("a batch of ads took longer than its budget (%g s per ad) to parse; its worker is "
                           "stopped and a fresh pool takes over", self.budget_seconds)
        if old is not None:
            _kill_workers(old)
            # No cancel_futures: batches queued in the old pool must fail as broken (and be sent
            # again), not be cancelled.
            old.shutdown(wait=False)
        self.executor = None if self.closed else self._new_executor()


def _kill_workers(executor: ProcessPoolExecutor) -> None:
    # The pool has no public way to stop a busy worker; its processes are the only handle.
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        try:
            process.kill()
        except (OSError, ValueError, AttributeError):
            pass
