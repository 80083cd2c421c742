"""The command line explains itself: spider list, unknown spiders and arguments, databases that
are missing, relative dates — each one line and an exit code, run as users run it."""

import os
import socket
import subprocess
import sys
from datetime import date

import pytest

from crawler.cli_checks import (CommandLineProblem, invalid_setting_values, relative_day, spider_arguments,
                                spider_classes)
from tests.support.crawl import PROJECT_ROOT


def jobcrawl(*args: str, cwd=PROJECT_ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "COLUMNS": "80"}
    env.pop("JOBCRAWL_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def one_line(result: subprocess.CompletedProcess) -> str:
    output = (result.stdout + result.stderr).strip()
    assert "Traceback" not in output
    assert len(output.splitlines()) == 1, output
    return output


def test_spiders_lists_every_spider_with_arguments_and_an_example():
    result = jobcrawl("spiders")
    assert result.returncode == 0, result.stderr
    for name in spider_classes():
        assert f"\n{name} — " in "\n" + result.stdout
        assert f"jobcrawl crawl {name}" in result.stdout
    assert "arguments: base_url, board, company_name, page_size" in result.stdout  # greenhouse


def test_arguments_are_read_from_the_spiders_own_code():
    classes = spider_classes()
    assert {"sitemap", "start_urls"} <= set(spider_arguments(classes["jsonld"]))
    assert {"was", "wo", "umkreis"} <= set(spider_arguments(classes["arbeitsagentur"]))
    assert {"company", "language"} <= set(spider_arguments(classes["personio"]))
    assert "board" not in spider_arguments(classes["lever"])


def test_an_unknown_spider_gets_a_suggestion_and_exit_2():
    result = jobcrawl("crawl", "jsonl")
    assert result.returncode == 2
    assert "did you mean jsonld?" in one_line(result)


def test_an_unknown_argument_is_named_before_scrapy_starts(tmp_path):
    database = tmp_path / "jobcrawl.db"
    result = jobcrawl("crawl", "greenhouse", "-a", "bord=acme", "--database", f"sqlite:///{database}")
    assert result.returncode == 2
    line = one_line(result)
    assert "'bord'" in line and "did you mean board?" in line
    assert not database.exists()  # nothing ran


@pytest.mark.parametrize("command", [["runs"], ["report", "--out", "r.html"],
                                     ["export", "--format", "csv", "--out", "x.csv"],
                                     ["reparse"], ["dedupe", "--rebuild"]])
def test_reading_commands_never_create_a_database(tmp_path, command):
    database = tmp_path / "missing.db"
    result = jobcrawl(*command, "--database", f"sqlite:///{database}", cwd=tmp_path)
    assert result.returncode != 0
    assert "no database at" in one_line(result)
    assert sorted(path.name for path in tmp_path.iterdir()) == []  # no database, no header-only CSV


def test_an_unreachable_postgresql_is_one_line(tmp_path):
    result = jobcrawl("runs", "--database", "postgresql://nobody@127.0.0.1:1/none", cwd=tmp_path)
    assert result.returncode != 0
    assert "cannot reach the database" in one_line(result)


@pytest.mark.parametrize("command", [["db", "upgrade"], ["db", "downgrade", "base"]])
def test_a_database_that_cannot_be_opened_is_one_line(tmp_path, command):
    url = f"sqlite:///{tmp_path / 'no-such-folder' / 'jobcrawl.db'}"
    result = jobcrawl(*command, "--database", url, cwd=tmp_path)
    assert result.returncode == 2
    assert "cannot use the database" in one_line(result) and "unable to open database file" in result.stdout


def test_db_upgrade_names_an_unreachable_server_without_its_password(tmp_path):
    result = jobcrawl("db", "upgrade", "--database", "postgresql://nobody:hunter2@127.0.0.1:1/none", cwd=tmp_path)
    assert result.returncode == 2
    line = one_line(result)
    assert "cannot use the database postgresql://nobody:***@127.0.0.1:1/none" in line and "hunter2" not in line


@pytest.mark.parametrize(("out", "expected"), [
    ("{tmp}", "it is a folder"),
    ("/proc/jobcrawl-export.csv", "cannot write /proc/jobcrawl-export.csv"),  # a folder nobody can create files in
])
def test_an_export_that_cannot_be_written_is_one_line(tmp_path, migrated_sqlite_url, out, expected):
    out = out.format(tmp=tmp_path)
    result = jobcrawl("export", "--format", "csv", "--out", out, "--database", migrated_sqlite_url, cwd=tmp_path)
    assert result.returncode == 2
    assert expected in one_line(result)


@pytest.mark.parametrize(("setting", "expected"), [
    ("CONCURRENT_REQUESTS=abc", "CONCURRENT_REQUESTS is a number (default 16)"),
    ("ROBOTSTXT_OBEY=maybe", "ROBOTSTXT_OBEY is true or false"),
])
def test_a_setting_value_of_the_wrong_type_is_named_before_scrapy_starts(tmp_path, setting, expected):
    result = jobcrawl("crawl", "greenhouse", "-a", "board=acme", "-s", setting,
                      "--database", f"sqlite:///{tmp_path / 'jobcrawl.db'}", cwd=tmp_path)
    assert result.returncode == 2
    assert expected in one_line(result)
    assert sorted(path.name for path in tmp_path.iterdir()) == []  # nothing crawled, no database


def test_invalid_setting_values_accepts_what_scrapy_reads():
    assert invalid_setting_values({"DOWNLOAD_TIMEOUT": "1.5", "ROBOTSTXT_OBEY": "False", "LOG_LEVEL": "DEBUG",
                                   "CONCURRENT_REQUESTS": "8"}) is None


def test_serve_sample_on_a_port_in_use_is_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = jobcrawl("serve-sample", "--port", str(taken.getsockname()[1]), cwd=tmp_path)
    assert result.returncode == 2
    assert "Address already in use" in one_line(result)


def test_relative_days():
    today = date(2026, 3, 10)
    assert relative_day("today", today) == today
    assert relative_day("yesterday", today) == date(2026, 3, 9)
    assert relative_day("7d", today) == date(2026, 3, 3)
    assert relative_day("2w", today) == date(2026, 2, 24)
    assert relative_day("2026-01-31", today) == date(2026, 1, 31)
    with pytest.raises(CommandLineProblem, match="not a day"):
        relative_day("last tuesday", today)


def test_export_accepts_yesterday(tmp_path):
    database = tmp_path / "jobcrawl.db"
    assert jobcrawl("db", "upgrade", "--database", f"sqlite:///{database}").returncode == 0
    out = tmp_path / "postings.csv"
    result = jobcrawl("export", "--format", "csv", "--out", str(out), "--since", "yesterday",
                      "--database", f"sqlite:///{database}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "wrote 0 rows" in result.stdout
    bad = jobcrawl("export", "--format", "csv", "--out", str(out), "--since", "someday",
                   "--database", f"sqlite:///{database}")
    assert bad.returncode == 2 and "not a day" in one_line(bad)


@pytest.mark.parametrize(("arguments", "expected"), [
    (["jsonld"], "jsonld: missing argument: needs -a start_urls=… or -a sitemap=…"),
    (["jsonld", "-a", "sitemap=not-a-url"], "jsonld: -a sitemap='not-a-url' is not an http(s) URL — "
                                            "e.g. jobcrawl crawl jsonld -a sitemap="),
    (["jsonld", "-a", "start_urls=https://careers.example.de/,careers.example.de"],
     "-a start_urls='careers.example.de' is not an http(s) URL"),
    (["greenhouse"], "missing argument: greenhouse needs -a board=NAME"),
    (["greenhouse", "-a", "board=acme", "-a", "page_size=ten"], "-a page_size must be a positive whole number"),
    (["rss", "-a", "url=ftp://example.com/jobs.rss"], "is not an http(s) URL of an RSS or Atom feed"),
    (["recheck", "-a", "limit=all"], "recheck: -a limit must be a positive whole number, got 'all'"),
    (["arbeitsagentur", "-a", "was=Pflege", "-a", "umkreis=weit"], "is not a whole number of kilometres"),
])
def test_argument_values_are_checked_before_scrapy_starts(tmp_path, arguments, expected):
    database = tmp_path / "jobcrawl.db"
    result = jobcrawl("crawl", *arguments, "--database", f"sqlite:///{database}")
    assert result.returncode == 2
    assert expected in one_line(result)
    assert not database.exists()  # nothing ran


def test_a_dead_server_is_reported_without_a_traceback(tmp_path):
    with socket.socket() as probe:  # a port nothing listens on once the probe is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = jobcrawl("crawl", "jsonld", "-a", f"start_urls=http://127.0.0.1:{port}/", "-s", "RETRY_TIMES=0",
                      "--database", f"sqlite:///{tmp_path / 'jobcrawl.db'}")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    assert "Traceback" not in output
    assert f"Error downloading <GET http://127.0.0.1:{port}/>: Connection was refused" in output
    assert "crawl jsonld: degraded — 0 postings" in output
