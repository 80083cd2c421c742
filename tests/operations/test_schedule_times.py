"""When targets are due: cron against the last run, coalescing after downtime, busy targets,
and the ``jobcrawl status`` lines."""

from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from crawler.operations.run_history import RunSummary
from crawler.operations.schedule_times import due_targets, next_due
from crawler.operations.status import status_lines
from crawler.operations.targets import Target, TargetsFile

UTC = timezone.utc
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 22, 10, 30, tzinfo=UTC)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize("schedule, last_started, zone, expected", [
    ("0 6 * * *", None, UTC, NOW),                                          # never ran: due at once
    ("0 6 * * *", at("2026-11-22T06:00:02"), UTC, at("2026-11-23T06:00")),  # ran today: tomorrow
    ("0 6 * * *", at("2026-11-21T06:00:02"), UTC, at("2026-11-22T06:00")),  # ran yesterday: due since 06:00
    ("0 * * * *", at("2026-11-19T10:00:05"), UTC, at("2026-11-19T11:00")),  # 3 days down: one due time
    ("0 6 * * *", at("2026-11-21T06:00:02"), BERLIN, at("2026-11-22T05:00")),  # 06:00 Berlin is 05:00 UTC
    ("30 5 * * 1-5", at("2026-11-20T05:30:10"), UTC, at("2026-11-23T05:30")),  # Friday -> Monday
    ("@hourly", at("2026-11-22T09:59:00"), UTC, at("2026-11-22T10:00")),
])
def test_next_due_is_the_first_fire_after_the_last_run(schedule, last_started, zone, expected):
    assert next_due(schedule, last_started, NOW, zone) == expected


def target(name: str, schedule: str = "0 * * * *", enabled: bool = True) -> Target:
    return Target(name=name, spider="jsonld", schedule=schedule, arguments={"sitemap": "https://x.example/s.xml"},
                  enabled=enabled)


def test_missed_runs_coalesce_into_one_due_run():
    hourly = target("hourly")
    three_days_ago = NOW - timedelta(days=3)
    assert due_targets([hourly], {"hourly": three_days_ago}, set(), NOW) == [hourly]
    # Once it has run, it is not due again until the next hour: the 72 missed hours are gone.
    assert due_targets([hourly], {"hourly": NOW + timedelta(seconds=5)}, set(), NOW + timedelta(seconds=10)) == []


def test_busy_targets_are_never_due_and_the_longest_overdue_come_first():
    a, b, c, d = target("a"), target("b"), target("c"), target("d")
    last = {"a": NOW - timedelta(hours=2), "b": NOW - timedelta(hours=5), "c": NOW - timedelta(hours=9),
            "d": NOW - timedelta(minutes=10)}
    assert due_targets([a, b, c, d], last, busy={"c"}, now=NOW) == [b, a]


def run(name: str, started: datetime, status: str, reason: str | None = None) -> RunSummary:
    return RunSummary(id=1, target=name, spider="jsonld", started_at=started, finished_at=None, status=status,
                      reason=reason, items=12)


def test_status_shows_last_run_status_reasons_and_next_due_per_target():
    targets = {name: target(name, "0 6 * * *", enabled=name != "off") for name in ("fresh", "bad", "busy", "new", "off")}
    targets_file = TargetsFile(Path("crawl.toml"), UTC, targets)
    runs = {
        "fresh": run("fresh", at("2026-11-22T06:00:03"), "succeeded"),
        "bad": run("bad", at("2026-11-21T06:00:03"), "degraded", "date_posted fill rate 0% (was ≥ 90%)"),
        "busy": run("busy", NOW - timedelta(minutes=5), "running"),
    }
    assert status_lines(targets_file, runs, NOW) == [
        "fresh  jsonld  last 2026-11-22 06:00 UTC succeeded  next 2026-11-23 06:00 UTC",
        "bad  jsonld  last 2026-11-21 06:00 UTC degraded  next now  date_posted fill rate 0% (was ≥ 90%)",
        "busy  jsonld  last 2026-11-22 10:25 UTC running  next after the running crawl",
        "new  jsonld  never run  next now",
        "off  jsonld  never run  next never (disabled)",
    ]
