"""What runs inside a parser worker process: a batch of ads, each within its time budget.

Kept apart from :mod:`pipelines.parse_pool` (the crawl process's side) because a worker imports
the module of every function it is sent: the pool's module brings asyncio and through it ssl
(~8 MB in each worker) that a worker never uses.
"""

from __future__ import annotations

import pickle
import signal
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, Callable, Iterator

from pipelines.posting_steps import ParseTimeout, completed_fields

WARM_UP_DOCUMENT = "Data Engineer (m/w/d)\nLocation: Köln\n\nIhre Aufgaben\n- Python und SQL\n"

__all__ = ["parse_budget", "warm_up", "work_batch"]


def warm_up() -> None:
    """Build the parser's lazy indexes (gazetteer, skills) once per worker, not on the first ad."""
    completed_fields({"description": WARM_UP_DOCUMENT}, datetime.now(timezone.utc))


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


def work_batch(work: Callable[..., Any], budget_seconds: float, batch: list[tuple]) -> list[tuple[bool, Any]]:
    """``work`` on each ad of a batch within the budget; (True, result) or (False, exception)
    per ad, so one ad's failure is only its own."""
    answers: list[tuple[bool, Any]] = []
    for arguments in batch:
        try:
            with parse_budget(budget_seconds):
                answers.append((True, work(*arguments)))
        except Exception as error:
            try:
                pickle.dumps(error)
            except Exception:  # the answer must reach the crawl process whatever the exception holds
                error = RuntimeError(f"{type(error).__name__}: {error}")
            answers.append((False, error))
    return answers
