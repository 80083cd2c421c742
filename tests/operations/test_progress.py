"""Progress lines, the progress mode, JSON-lines logs, and a live line on a real terminal."""

from __future__ import annotations

import json
import logging
import os
import pty
import subprocess
import sys
import threading

import pytest

from crawler.operations.log_format import JsonLogFormatter, json_logs_wanted
from crawler.operations.progress import choose_mode, progress_line
from tests.operations.sites import SETTINGS, site_routes
from tests.support.crawl import PROJECT_ROOT, runs
from tests.support.fixture_server import FixtureServer


@pytest.mark.parametrize("stats, elapsed, expected", [
    ({}, 0.2, "0 pages, 0 items (0 new, 0 updated), 0 rejected, 0 errors, 0 items/min, 0s"),
    ({"response_received_count": 130, "jobcrawl/valid_items": 120, "jobcrawl/store/new_postings": 100,
      "jobcrawl/store/updated_postings": 3, "jobcrawl/store/rejected": 2, "log_count/ERROR": 1}, 133,
     "130 pages, 120 items (100 new, 3 updated), 2 rejected, 1 errors, 54 items/min, 2m13s"),
    ({"jobcrawl/valid_items": 5, "jobcrawl/rejected/missing_title": 2, "jobcrawl/rejected/binary": 1}, 30,
     "0 pages, 5 items (0 new, 0 updated), 3 rejected, 0 errors, 10 items/min, 30s"),
])
def test_progress_line(stats, elapsed, expected):
    assert progress_line(stats, elapsed) == expected


@pytest.mark.parametrize("setting, terminal, expected", [
    ("auto", True, "live"), ("auto", False, "log"), ("", False, "log"), ("LIVE", False, "live"),
    ("log", True, "log"), ("off", True, "off"),
])
def test_progress_mode(setting, terminal, expected):
    assert choose_mode(setting, terminal) == expected


def test_an_unknown_progress_mode_is_refused():
    with pytest.raises(ValueError, match="JOBCRAWL_PROGRESS must be one of auto, live, log, off, got 'loud'"):
        choose_mode("loud", True)


@pytest.mark.parametrize("setting, environment, expected", [
    (None, "1", True), (None, "", False), ("true", "", True), ("0", "1", False), ("", "yes", True),
])
def test_json_logs_are_asked_for_by_setting_or_environment(monkeypatch, setting, environment, expected):
    monkeypatch.setenv("JOBCRAWL_LOG_JSON", environment)
    assert json_logs_wanted(setting) is expected


def test_a_json_log_line_is_one_object_with_extras_and_exception():
    class Spider:
        name = "greenhouse"

    try:
        raise ValueError("bad page")
    except ValueError:
        record = logging.getLogger("crawler.x").makeRecord(
            "crawler.x", logging.ERROR, __file__, 1, "failed on %s", ("https://a.example/1",), sys.exc_info(),
            extra={"spider": Spider(), "target": "acme", "count": 3})
    entry = json.loads(JsonLogFormatter().format(record))
    assert {key: entry[key] for key in ("level", "logger", "message", "spider", "target", "count")} == {
        "level": "ERROR", "logger": "crawler.x", "message": "failed on https://a.example/1",
        "spider": "greenhouse", "target": "acme", "count": 3}
    assert entry["time"].endswith("+00:00") and "ValueError: bad page" in entry["exception"]


def test_a_crawl_at_a_terminal_shows_a_live_line_and_logs_json(sqlite_url):
    with FixtureServer(site_routes("live", 5)) as server:
        command = [sys.executable, "-m", "crawler.cli", "crawl", "jsonld", "-a", f"sitemap={server.url}/live/sitemap.xml",
                   "--database", sqlite_url]
        for name, value in {**SETTINGS, "JOBCRAWL_PROGRESS": "auto"}.items():
            command += ["-s", f"{name}={value}"]
        primary, secondary = pty.openpty()
        env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "JOBCRAWL_LOG_JSON": "1", "COLUMNS": "200"}
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=secondary,
                                   stderr=subprocess.PIPE, text=True)
        os.close(secondary)
        screen = bytearray()

        def read_terminal():
            while True:
                try:
                    chunk = os.read(primary, 4096)
                except OSError:  # the terminal closes with the process
                    return
                if not chunk:
                    return
                screen.extend(chunk)

        reader = threading.Thread(target=read_terminal)
        reader.start()
        _, stderr = process.communicate(timeout=180)
        reader.join(timeout=10)
        os.close(primary)
    text = screen.decode("utf-8", errors="replace")
    assert process.returncode == 0, stderr[-2000:]
    assert "jsonld: 6 pages, 5 items (5 new, 0 updated), 0 rejected, 0 errors" in text
    log_lines = [line for line in stderr.splitlines() if line.strip()]
    entries = [json.loads(line) for line in log_lines]  # every log line is one JSON object
    assert entries[0]["message"].startswith("Scrapy ") and len(entries) >= 5
    assert any(entry["message"].startswith("Spider closed") for entry in entries)
    assert [run.status for run in runs(sqlite_url)] == ["succeeded"]
