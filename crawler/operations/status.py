"""``jobcrawl status``: one line per target, from the targets file and ``crawl_runs``."""

from __future__ import annotations

from datetime import datetime, tzinfo

from crawler.operations.run_history import RunSummary, busy_targets
from crawler.operations.schedule_times import next_due
from crawler.operations.targets import TargetsFile


def _when(moment: datetime, zone: tzinfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def status_line(name: str, spider: str, run: RunSummary | None, due: str, zone: tzinfo) -> str:
    """``NAME  SPIDER  last … STATUS  next …  reasons``."""
    if run is None:
        last = "never run"
    else:
        last = f"last {_when(run.started_at, zone)} {run.status}"
    reasons = f"  {run.reason}" if run is not None and run.reason else ""
    return f"{name}  {spider}  {last}  next {due}{reasons}"


def status_lines(targets_file: TargetsFile, runs: dict[str, RunSummary], now: datetime) -> list[str]:
    """The ``jobcrawl status`` lines, in the targets file's order and time zone."""
    zone = targets_file.timezone
    busy = busy_targets(runs, now)
    lines = []
    for target in targets_file.targets.values():
        run = runs.get(target.name)
        if not target.enabled:
            due = "never (disabled)"
        elif target.name in busy:
            due = "after the running crawl"
        else:
            when = next_due(target.schedule, run.started_at if run else None, now, zone)
            due = "now" if when <= now else _when(when, zone)
        lines.append(status_line(target.name, target.spider, run, due, zone))
    return lines
