"""Work functions for the parse-pool tests: real worker processes that die or hang on cue."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path


def die_once_then_echo(value: int, marker: str) -> int:
    """Kills its own worker the first time it runs (``marker`` records that), then echoes."""
    time.sleep(0.2)  # the other ads are in flight when the worker dies
    flag = Path(marker)
    if not flag.exists():
        flag.write_text("died")
        os.kill(os.getpid(), signal.SIGKILL)
    return value


def always_die(value: int, marker: str) -> int:
    """Kills its worker every time: an ad that no worker survives."""
    os.kill(os.getpid(), signal.SIGKILL)
    return value


def slow_on_one(value: int, marker: str) -> int:
    """Ad 0 never finishes in time; the others are quick."""
    if value == 0:
        time.sleep(60)
    time.sleep(0.1)
    return value
