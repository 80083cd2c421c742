"""When targets are due: cron schedules against each target's last run (pure functions).

A target is due when its schedule fired at least once since its last run started. However many
times it fired during a downtime, that is one due run, not one per missed time (missed runs
coalesce). A target that never ran is due at once.
"""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo
from typing import Iterable

from croniter import croniter

from crawler.operations.targets import Target


def next_due(schedule: str, last_started: datetime | None, now: datetime, zone: tzinfo = timezone.utc) -> datetime:
    """The first time ``schedule`` fires after ``last_started`` (in ``zone``), in UTC; ``now``
    when the target never ran."""
    if last_started is None:
        return now
    fire = croniter(schedule, last_started.astimezone(zone)).get_next(datetime)
    return fire.astimezone(timezone.utc)


def due_targets(targets: Iterable[Target], last_started: dict[str, datetime], busy: set[str],
                now: datetime, zone: tzinfo = timezone.utc) -> list[Target]:
    """The targets due at ``now`` and not busy, the longest overdue first."""
    due = []
    for target in targets:
        if target.name in busy:
            continue
        when = next_due(target.schedule, last_started.get(target.name), now, zone)
        if when <= now:
            due.append((when, target.name, target))
    return [target for _, _, target in sorted(due, key=lambda entry: (entry[0], entry[1]))]


def later(*moments: datetime | None) -> datetime | None:
    """The latest of the given times, ignoring None."""
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None
