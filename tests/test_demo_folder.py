"""``make demo`` / ``jobcrawl demo`` write under demo/ and never touch ./jobcrawl.db (issue 17)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.demo import fresh_demo_database

from tests.support.crawl import PROJECT_ROOT
from tests.test_cli_guidance import one_line


def run(*command: str, cwd) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "COLUMNS": "200"}
    env["JOBCRAWL_DATABASE_URL"] = f"sqlite:///{cwd / 'jobcrawl.db'}"  # the user's own: the demo must not use it
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_make_demo_deletes_nothing_and_runs_the_demo_command():
    # Under `make test` the parent make's MAKEFLAGS/MAKELEVEL would add "Entering directory" lines.
    env = {key: value for key, value in os.environ.items() if key not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    dry_run = subprocess.run(["make", "--no-print-directory", "-n", "-o", "install", "demo"], cwd=PROJECT_ROOT,
                             env=env, capture_output=True, text=True, timeout=60)
    assert dry_run.returncode == 0, dry_run.stderr
    assert [line.strip() for line in dry_run.stdout.splitlines()] == [".venv/bin/jobcrawl demo"]


# A whole demo (five crawls): over pytest's 300 s on two cores shared with the suite.
@pytest.mark.timeout(900)
def test_demo_writes_under_demo_and_leaves_the_users_database_alone(tmp_path):
    users = tmp_path / "jobcrawl.db"
    with sqlite3.connect(users) as connection:
        connection.execute("CREATE TABLE mine (crawl TEXT)")
        connection.execute("INSERT INTO mine VALUES ('a real crawl')")
    before = users.read_bytes()
    # A previous demo's database, marked as the demo marks it: this demo replaces it.
    previous = Path(fresh_demo_database(tmp_path / "demo").removeprefix("sqlite:///"))
    with sqlite3.connect(previous) as connection:
        connection.execute("CREATE TABLE previous_demo (crawl TEXT)")
    result = run(sys.executable, "-m", "crawler.cli", "demo", cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert users.read_bytes() == before
    with sqlite3.connect(previous) as connection:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "previous_demo" not in tables and "postings" in tables
    assert (tmp_path / "demo" / "exports" / "postings.csv").is_file()
    assert (tmp_path / "demo" / "exports" / "postings.parquet").is_file()
    with sqlite3.connect(tmp_path / "demo" / "jobcrawl.db") as connection:
        sources = dict(connection.execute("SELECT source, count(*) FROM postings GROUP BY source").fetchall())
        [seen_at_two_sources] = connection.execute(
            "SELECT count(*) FROM (SELECT posting_id FROM sightings GROUP BY posting_id"
            " HAVING count(DISTINCT source) > 1)").fetchone()
    assert {"jsonld", "greenhouse", "personio", "stepstone", "arbeitsagentur"} <= set(sources)
    assert seen_at_two_sources == 3  # the sample sources' cross-posts, merged (tests/test_demo_sources.py)
    assert "database: sqlite:///demo/jobcrawl.db" in result.stdout
    assert sorted(path.name for path in tmp_path.iterdir()) == ["demo", "jobcrawl.db"]


def test_demo_refuses_a_database_it_did_not_create(tmp_path):
    (tmp_path / "demo").mkdir()
    foreign = tmp_path / "demo" / "jobcrawl.db"
    foreign.write_bytes(b"someone's database")
    result = run(sys.executable, "-m", "crawler.cli", "demo", cwd=tmp_path)
    assert result.returncode == 2
    assert "demo/jobcrawl.db was not created by the demo" in one_line(result)
    assert foreign.read_bytes() == b"someone's database"


def test_readme_cron_line_prints_only_when_a_pass_fails(tmp_path):
    """The README says cron mails nothing for a normal pass and the log's end for a failed one."""
    import re

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    [line] = re.findall(r"^\*/10 \* \* \* \*\s+(.+)$", readme, flags=re.MULTILINE)
    command = line.replace("cd /srv/jobcrawl && ", "")
    assert ".venv/bin/jobcrawl run-due" in command
    (tmp_path / "logs").mkdir()
    for exit_code, mails in ((0, False), (1, True)):
        fake = command.replace(".venv/bin/jobcrawl run-due --log-dir logs", f"sh -c 'echo pass {exit_code}; exit {exit_code}'")
        done = subprocess.run(["sh", "-c", fake], cwd=tmp_path, capture_output=True, text=True, timeout=30)
        printed = done.stdout + done.stderr
        assert bool(printed.strip()) is mails, printed
        assert f"pass {exit_code}" in (tmp_path / "logs" / "run-due.log").read_text()
