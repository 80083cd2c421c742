"""Issue 13, findings 14, 15 and 16 (in part): the database commands guard data and secrets.

- 14: ``db downgrade`` that would drop data refuses without ``--yes`` (exit 2, one line naming
  the tables and row counts) and says what it dropped with it.
- 15: a password is never shown — not in ``db upgrade`` output, not in the report, not from
  ``?password=``; an unencoded ``@`` in a password gives one line asking to percent-encode it,
  and nothing is fetched or looked up.
- 16: a read-only or unreachable database stops the crawl before any page is fetched, with one
  line; two crawls starting together on a fresh database both get their run record.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import inspect

from alembic.script import ScriptDirectory

from models.database import alembic_config, get_engine, masked_url, upgrade
from tests.analytics.conftest import Rows, posting_row
from tests.reliability.crawl_process import CrawlProcess
from tests.reliability.job_pages import job_page, sitemap
from tests.support.crawl import FAST_LOCAL_SETTINGS, PROJECT_ROOT, crawl, runs
from tests.support.fixture_server import FixtureServer, Reply

pytestmark = pytest.mark.timeout(300)
SECRET = "hunter2secret"


def jobcrawl(*arguments: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "COLUMNS": "200"}
    env.pop("JOBCRAWL_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "crawler.cli", *arguments], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def board() -> FixtureServer:
    routes = {f"/jobs/{number}": Reply(job_page(number), content_type="text/html; charset=utf-8")
              for number in range(4)}
    routes["/sitemap.xml"] = Reply(sitemap([f"{{{{BASE_URL}}}}/jobs/{number}" for number in range(4)]),
                                   content_type="application/xml")
    return FixtureServer(routes)


def test_a_downgrade_that_drops_data_needs_yes_and_says_what_it_drops(migrated_sqlite_url):
    Rows(migrated_sqlite_url).postings(*(posting_row(number) for number in range(1, 4)))

    refused = jobcrawl("db", "downgrade", "base", "--database", migrated_sqlite_url)

    assert refused.returncode == 2
    assert len(refused.stdout.strip().splitlines()) == 1, refused.stdout
    assert "table postings (3 rows)" in refused.stdout and "--yes" in refused.stdout
    assert inspect(get_engine(migrated_sqlite_url)).has_table("postings")

    done = jobcrawl("db", "downgrade", "base", "--yes", "--database", migrated_sqlite_url)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "dropped " in done.stdout and "table postings (3 rows)" in done.stdout
    get_engine(migrated_sqlite_url).dispose()
    assert not inspect(get_engine(migrated_sqlite_url)).has_table("postings")


def test_a_downgrade_that_drops_only_empty_tables_and_columns_needs_no_yes(sqlite_url):
    # 0007 adds two columns to crawl_runs, empty on a fresh database (later revisions load data:
    # 0010 fills fx_rates with the ECB's reference rates).
    upgrade(sqlite_url, "0007")
    previous = ScriptDirectory.from_config(alembic_config(sqlite_url)).get_revision("0007").down_revision
    done = jobcrawl("db", "downgrade", previous, "--database", sqlite_url)
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    assert f"is at {previous}" in done.stdout


def test_passwords_are_masked_in_every_shape_of_url():
    assert masked_url(f"postgresql+psycopg://user:{SECRET}@db.example/jobs") == \
        "postgresql+psycopg://user:***@db.example/jobs"
    assert SECRET not in masked_url(f"postgresql+psycopg://user@db.example/jobs?password={SECRET}&sslmode=require")
    assert masked_url(f"postgresql://user:p@ss{SECRET}@db.example/jobs") == "postgresql://user:***@db.example/jobs"


def test_db_upgrade_and_the_report_never_show_the_password(postgres_url, tmp_path):
    with_password = f"{postgres_url}?password={SECRET}"
    upgraded = jobcrawl("db", "upgrade", "--database", with_password)
    assert upgraded.returncode == 0, upgraded.stderr[-2000:]
    assert "password=***" in upgraded.stdout and SECRET not in upgraded.stdout + upgraded.stderr
    report = jobcrawl("report", "--out", str(tmp_path / "report.html"), "--database", with_password)
    assert report.returncode == 0, report.stderr[-2000:]
    assert SECRET not in (tmp_path / "report.html").read_text(encoding="utf-8") + report.stdout + report.stderr


def test_an_unencoded_at_sign_in_the_password_is_one_line_and_nothing_is_fetched():
    with board() as server:
        result = jobcrawl("crawl", "jsonld", "-a", f"sitemap={server.url}/sitemap.xml", "--database",
                          f"postgresql://crawler:p@ss{SECRET}@127.0.0.1:1/jobs")
        assert server.requests == []
    assert result.returncode == 2
    output = result.stdout + result.stderr
    assert len(output.strip().splitlines()) == 1 and "percent-encode it as %40" in output
    assert SECRET not in output


@pytest.mark.parametrize("database", ["read-only", "unreachable"])
def test_an_unusable_database_stops_the_crawl_before_fetching(database, migrated_sqlite_url, tmp_path):
    if database == "read-only":
        url = f"sqlite:///file:{migrated_sqlite_url.removeprefix('sqlite:///')}?mode=ro&uri=true"
        expected = "is read-only"
    else:
        url = f"postgresql+psycopg://crawler:{SECRET}@127.0.0.1:1/jobs"
        expected = "cannot be reached"
    with board() as server:
        result = crawl("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, url)
        assert server.requests == []  # not even the sitemap
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if " ERROR: " in line or "CRITICAL" in line]
    assert len(errors) == 1 and "crawl stopped before fetching anything" in errors[0] and expected in errors[0]
    assert "Traceback" not in result.stderr and SECRET not in result.stdout + result.stderr
    assert "crawl jsonld: failed" in result.stdout


def test_two_crawls_starting_together_on_a_fresh_database_both_get_a_run_record(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    with board() as server:
        arguments = {"sitemap": f"{server.url}/sitemap.xml"}
        settings = {**FAST_LOCAL_SETTINGS, "LOG_LEVEL": "WARNING"}
        crawls = [CrawlProcess("jsonld", arguments, url, settings) for _ in range(2)]
        outcomes = [process.wait(180) for process in crawls]
    assert [outcome.returncode for outcome in outcomes] == [0, 0], [o.stderr[-1500:] for o in outcomes]
    assert sorted(run.status for run in runs(url)) == ["succeeded", "succeeded"]


def test_four_migrations_started_together_on_a_fresh_database_all_succeed(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    processes = [subprocess.Popen([sys.executable, "-m", "crawler.cli", "db", "upgrade", "--database", url],
                                  cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(4)]
    outcomes = [(process.wait(120), process.stderr.read()[-500:]) for process in processes]
    assert [code for code, _ in outcomes] == [0, 0, 0, 0], outcomes
