"""Worker processes that end when the crawl that started them is gone.

A crawl killed with ``kill -9`` cannot stop its parser workers: they wait on the pool's queue,
whose other end they themselves keep open, so they would live on (reparented to PID 1, ~200 MB
each) and keep the forkserver and the resource tracker alive with them. Each worker therefore
watches the crawl process and exits as soon as it ends.

The watch holds a pidfd of the crawl process (Linux 5.3+): it becomes readable when that exact
process ends, so a recycled process id can never be mistaken for the crawl. Where pidfds are not
available the watch polls the process id once a second.
"""

from __future__ import annotations

import os
import select
import threading
from typing import Callable

POLL_SECONDS = 1.0


def _wait_for_exit(pid: int) -> None:
    try:
        descriptor = os.pidfd_open(pid)
    except (AttributeError, OSError):
        descriptor = None
    if descriptor is not None:
        select.select([descriptor], [], [])
        return
    stop = threading.Event()
    while not stop.wait(POLL_SECONDS):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        except PermissionError:  # alive, owned by someone else
            continue


def exit_with(pid: int, exit_code: int = 1) -> threading.Thread:
    """Start a daemon thread that ends this process as soon as process ``pid`` has ended."""

    def watch() -> None:
        _wait_for_exit(pid)
        os._exit(exit_code)  # the crawl is gone: nothing here can be delivered to it any more

    thread = threading.Thread(target=watch, name=f"exit-with-{pid}", daemon=True)
    thread.start()
    return thread


def start_worker(crawl_pid: int, then: Callable[[], None] | None) -> None:
    """A pool initializer: watch the crawl process ``crawl_pid``, then run ``then``."""
    exit_with(crawl_pid)
    if then is not None:
        then()
