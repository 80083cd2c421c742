"""Issue 13, finding 8: an export that fails half-way leaves the previous good export in place.

The row source really fails mid-export (a stored list column that is not JSON, read in the fifth
batch), after batches were already written: the old data file, its dictionary and the old
partition folder must be untouched, and no partial file may be left beside them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from crawler.export import export
from tests.analytics.conftest import Rows, posting_row
from tests.support.crawl import PROJECT_ROOT


def listing(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def rows_then_a_bad_one(migrated_sqlite_url):
    rows = Rows(migrated_sqlite_url)
    rows.postings(*(posting_row(number, skills=["Python"]) for number in range(1, 21)))
    return rows


def break_row(rows: Rows, posting_id: int) -> None:
    with rows.engine.begin() as connection:
        connection.execute(text("UPDATE postings SET skills = 'not json [' WHERE id = :id"), {"id": posting_id})


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_a_failing_export_keeps_the_previous_file_and_dictionary(rows_then_a_bad_one, tmp_path, fmt):
    out = tmp_path / "exports" / f"postings.{fmt}"
    export(rows_then_a_bad_one.engine, fmt, out, batch_size=3)
    before = listing(out.parent)
    rows_then_a_bad_one.postings(*(posting_row(number) for number in range(21, 31)))
    break_row(rows_then_a_bad_one, 14)

    with pytest.raises(Exception):
        export(rows_then_a_bad_one.engine, fmt, out, batch_size=3)

    assert listing(out.parent) == before  # same files, same bytes, nothing partial beside them


def test_a_failing_partitioned_export_keeps_the_previous_folder(rows_then_a_bad_one, tmp_path):
    out = tmp_path / "exports" / "postings"
    export(rows_then_a_bad_one.engine, "parquet", out, batch_size=3, partition=True)
    before = listing(out.parent)
    break_row(rows_then_a_bad_one, 14)

    with pytest.raises(Exception):
        export(rows_then_a_bad_one.engine, "parquet", out, batch_size=3, partition=True)

    assert listing(out.parent) == before


def test_ctrl_c_during_an_export_keeps_the_previous_file(migrated_sqlite_url, tmp_path):
    rows = Rows(migrated_sqlite_url)
    rows.postings(*(posting_row(number, description="Beschreibung " * 40) for number in range(1, 20_001)))
    out = tmp_path / "exports" / "postings.csv"
    export(rows.engine, "csv", out, batch_size=2_000)
    rows.postings(*(posting_row(number) for number in range(20_001, 20_101)))
    before = listing(out.parent)
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "crawler.cli", "export", "--format", "csv", "--out", str(out),
                                "--batch-size", "50", "--database", migrated_sqlite_url],
                               cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not any(path.name.endswith(".partial") and path.stat().st_size > 0 for path in out.parent.iterdir()):
        assert process.poll() is None, "the export ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=60)

    assert process.returncode != 0
    assert listing(out.parent) == before  # the previous file and dictionary, byte for byte; no partial file
