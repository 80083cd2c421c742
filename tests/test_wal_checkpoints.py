"""SQLite checkpoints run in the engine's background thread, not inside a batch's commit
(models/wal_checkpoints.py, issue 15)."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import text

from models import wal_checkpoints
from models.database import get_engine, wait_for_checkpoints
from models.wal_checkpoints import CHECKPOINT_FRAMES, BackgroundCheckpointer, pending_frames

ROW = "x" * 3000
"""About one 4 KiB page a row: rows written ≈ pages logged."""


def _write_pages(engine, rows: int) -> None:
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, body TEXT)"))
        connection.execute(text("INSERT INTO filler (body) VALUES (:body)"), [{"body": ROW}] * rows)


def _log_state(path) -> tuple[int, int]:
    """(pages in the log, pages of it copied), as SQLite reports them: a PASSIVE checkpoint of 0 pages."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_autocheckpoint=0")
        _busy, logged, copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return logged, copied


@pytest.mark.parametrize("rows", [0, 10, 400])
def test_pending_frames_reads_what_sqlite_logged(tmp_path, rows):
    path = tmp_path / "log.db"
    keeper = sqlite3.connect(path)  # kept open: the log stays (the last connection to close copies it)
    keeper.execute("PRAGMA journal_mode=WAL")
    keeper.execute("PRAGMA wal_autocheckpoint=0")
    keeper.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)")
    keeper.commit()
    before = pending_frames(f"{path}-shm")
    keeper.executemany("INSERT INTO filler (body) VALUES (?)", [(ROW,)] * rows)
    keeper.commit()
    assert before > 0  # the table's creation, logged
    assert pending_frames(f"{path}-shm") >= before + rows
    logged, copied = _log_state(path)
    assert copied == logged >= before + rows
    assert pending_frames(f"{path}-shm") == 0
    keeper.close()


def test_pending_frames_of_a_missing_or_short_index_is_zero(tmp_path):
    (tmp_path / "short-shm").write_bytes(b"\0" * 40)
    assert pending_frames(tmp_path / "missing-shm") == 0
    assert pending_frames(tmp_path / "short-shm") == 0


def test_commits_leave_the_checkpoint_to_the_thread(tmp_path):
    engine = get_engine(f"sqlite:///{tmp_path / 'store.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
    keeper = engine.connect()  # an open connection, as the store's pool keeps: the log is not removed
    try:
        _write_pages(engine, CHECKPOINT_FRAMES // 2)
        assert pending_frames(f"{tmp_path / 'store.db'}-shm") >= CHECKPOINT_FRAMES // 2  # below the threshold: left
        _write_pages(engine, CHECKPOINT_FRAMES)
        assert wait_for_checkpoints(engine, timeout=30)
        assert pending_frames(f"{tmp_path / 'store.db'}-shm") == 0
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM filler").scalar() == CHECKPOINT_FRAMES * 3 // 2
    finally:
        keeper.close()
    # The rows are in the database file itself, read without the log.
    with sqlite3.connect(f"file:{tmp_path / 'store.db'}?mode=ro", uri=True) as reader:
        assert reader.execute("SELECT count(*) FROM filler").fetchone()[0] == CHECKPOINT_FRAMES * 3 // 2


def test_a_disposed_engine_leaves_everything_in_the_file(tmp_path):
    # Test templates and users copy the file alone once the engine is disposed.
    path = tmp_path / "disposed.db"
    engine = get_engine(f"sqlite:///{path}")
    _write_pages(engine, CHECKPOINT_FRAMES * 2)
    engine.dispose()
    assert not (tmp_path / "disposed.db-wal").exists()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as reader:
        assert reader.execute("SELECT count(*) FROM filler").fetchone()[0] == CHECKPOINT_FRAMES * 2


def test_a_writer_waits_when_the_log_grows_past_the_bound(tmp_path, monkeypatch):
    path = tmp_path / "slow.db"
    keeper = sqlite3.connect(path)
    keeper.execute("PRAGMA journal_mode=WAL")
    keeper.execute("PRAGMA wal_autocheckpoint=0")
    keeper.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)")
    keeper.executemany("INSERT INTO filler (body) VALUES (?)", [(ROW,)] * 300)
    keeper.commit()
    release = threading.Event()
    checkpointer = BackgroundCheckpointer(path)
    original = checkpointer._checkpoint

    def slow_checkpoint():
        release.wait(10)
        original()

    checkpointer._checkpoint = slow_checkpoint
    monkeypatch.setattr(wal_checkpoints, "CHECKPOINT_FRAMES", 100)
    monkeypatch.setattr(wal_checkpoints, "MOST_PENDING_FRAMES", 10_000)
    checkpointer.poke()  # 300 pending: started, not waited for
    assert not checkpointer.wait(0.05) and checkpointer.checkpoints == 0
    release.set()
    assert checkpointer.wait(10) and checkpointer.checkpoints == 1
    keeper.executemany("INSERT INTO filler (body) VALUES (?)", [(ROW,)] * 300)
    keeper.commit()
    release.clear()
    monkeypatch.setattr(wal_checkpoints, "MOST_PENDING_FRAMES", 200)
    threading.Timer(0.2, release.set).start()
    checkpointer.poke()  # past the bound: returns once the checkpoint is done
    assert checkpointer.checkpoints == 2 and pending_frames(f"{path}-shm") == 0
    keeper.close()


def test_a_removed_database_is_not_created_again(tmp_path):
    path = tmp_path / "gone.db"
    checkpointer = BackgroundCheckpointer(path)
    checkpointer._checkpoint()
    assert not path.exists() and checkpointer.checkpoints == 0
