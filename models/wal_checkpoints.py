"""SQLite checkpoints in a thread of their own, so that a batch's commit never waits for one.

In WAL mode a commit appends the pages it changed to the write-ahead log; a *checkpoint* copies
them into the database file and syncs it. SQLite's default runs the checkpoint inside the commit
that takes the log past 1,000 pages, so every second batch of the store or so waited for it: the
copy of some 1,600 pages and two ``fsync`` calls. The pages a batch changes lie further apart the
larger the database (the title-variant index's group ends, the URL indexes' leaves), and so did
the wait: 16 ms a batch at 10,000 postings stored, 54 ms at 1,000,000 (issue 15).

:func:`models.database.get_engine` turns SQLite's own checkpoints off on its connections and gives
the engine a :class:`BackgroundCheckpointer`: each time a connection returns to the pool it reads
how many logged pages are not yet in the database file, and from 1,000 on (SQLite's own
threshold) a thread runs a ``PASSIVE`` checkpoint on a connection of its own. ``PASSIVE`` waits
for no reader and no writer, so the next batch runs meanwhile (the ``sqlite3`` module lets the
other thread run while SQLite works). Should the log reach :data:`MOST_PENDING_FRAMES` — a disk
slower than the writes — the writer waits for the checkpoint before going on, so the log stays
bounded. Durability is unchanged: commits were never synced at ``synchronous=NORMAL``, and a
checkpoint still syncs the file; a process killed mid-checkpoint leaves the log to be copied by
the next one.
"""

from __future__ import annotations

import sqlite3
import struct
import threading
from contextlib import closing
from pathlib import Path

CHECKPOINT_FRAMES = 1_000
"""Pages logged and not yet copied at which a checkpoint starts (SQLite's ``wal_autocheckpoint``
default)."""
MOST_PENDING_FRAMES = 16_000
"""Pages logged and not yet copied (64 MiB at 4 KiB) beyond which a writer waits for the checkpoint."""
IDLE_SECONDS = 5.0
"""The thread ends after this long without a checkpoint to run (a later one starts it again)."""

# The WAL-index (the ``-shm`` file, https://www.sqlite.org/walformat.html) begins with its header,
# in native byte order: ``mxFrame``, the last valid frame of the log, at byte 16; the checkpoint
# information follows the header's two copies: ``nBackfill``, the frames already copied, at byte 96.
_MAX_FRAME = struct.Struct("=I")
_MAX_FRAME_OFFSET = 16
_BACKFILL_OFFSET = 96


def pending_frames(shm_path: str | Path) -> int:
    """Pages in the log of the database whose WAL-index is ``shm_path`` that a checkpoint has not
    copied yet (0 when there is no index, e.g. no write since the last connection closed)."""
    try:
        with open(shm_path, "rb") as index:
            header = index.read(_BACKFILL_OFFSET + _MAX_FRAME.size)
    except OSError:
        return 0
    if len(header) < _BACKFILL_OFFSET + _MAX_FRAME.size:
        return 0
    (max_frame,) = _MAX_FRAME.unpack_from(header, _MAX_FRAME_OFFSET)
    (backfilled,) = _MAX_FRAME.unpack_from(header, _BACKFILL_OFFSET)
    return max(0, max_frame - backfilled)


class BackgroundCheckpointer:
    """Checkpoints of one SQLite database file, run by a thread when :meth:`poke` finds enough
    pages waiting (see the module's docstring)."""

    def __init__(self, database_path: str | Path, timeout_seconds: float = 30.0):
        self.database_path = str(database_path)
        self.shm_path = f"{database_path}-shm"
        self.timeout_seconds = timeout_seconds
        self.checkpoints = 0
        self._lock = threading.Lock()
        self._wanted = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._thread: threading.Thread | None = None

    def poke(self) -> None:
        """Start a checkpoint when at least :data:`CHECKPOINT_FRAMES` pages wait for one; wait for
        it when :data:`MOST_PENDING_FRAMES` do. Cheap enough for every connection check-in (one
        read of the index's first 100 bytes)."""
        pending = pending_frames(self.shm_path)
        if pending < CHECKPOINT_FRAMES:
            return
        with self._lock:
            self._idle.clear()
            self._wanted.set()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="sqlite-checkpoint", daemon=True)
                self._thread.start()
        if pending >= MOST_PENDING_FRAMES:
            self.wait()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until no checkpoint is asked for or running; whether that happened in ``timeout``."""
        return self._idle.wait(timeout)

    def _run(self) -> None:
        while True:
            if not self._wanted.wait(IDLE_SECONDS):
                with self._lock:
                    if not self._wanted.is_set():
                        self._thread = None
                        return
            self._wanted.clear()
            try:
                self._checkpoint()
            finally:
                with self._lock:
                    if not self._wanted.is_set():
                        self._idle.set()

    def _checkpoint(self) -> None:
        try:
            # A connection per checkpoint: none stays open to keep the last one that closes
            # from copying the rest of the log and removing it, as SQLite does.
            # mode=rw: a database removed meanwhile is not created again, empty.
            uri = f"{Path(self.database_path).as_uri()}?mode=rw"
            with closing(sqlite3.connect(uri, uri=True, timeout=self.timeout_seconds)) as connection:
                connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            self.checkpoints += 1
        except sqlite3.Error:
            # Another process's checkpoint or a database being removed: the next poke retries.
            pass
