"""Work functions for the parse-pool batching tests (module-level: the workers import them)."""

from __future__ import annotations

import os


def pid_of_worker(number: int) -> tuple[int, int]:
    """The ad's number and the process that handled it."""
    return number, os.getpid()


def fail_on_three(number: int) -> int:
    """Echoes every ad but number 3, which is malformed."""
    if number == 3:
        raise ValueError("ad 3 is malformed")
    return number
