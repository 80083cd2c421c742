"""The targets file (``crawl.toml``): what to crawl, with which spider and arguments, and when.

::

    timezone = "Europe/Berlin"        # the cron schedules' time zone (default UTC)

    [settings]                        # Scrapy settings for every target (optional)
    LOG_LEVEL = "INFO"

    [targets.acme-greenhouse]
    spider = "greenhouse"
    arguments = { board = "acme" }
    schedule = "0 6 * * *"            # cron: minute hour day month weekday
    enabled = true                    # optional, default true
    settings = { DOWNLOAD_DELAY = 1 } # optional, wins over the file-wide [settings]

The file is checked as a whole when it is loaded and every problem is reported at once: unknown
keys, unknown spiders (against Scrapy's spider loader), schedules croniter cannot read, and
arguments a spider does not take or lacks (see :mod:`crawler.operations.spider_arguments`).
Argument values may be strings, numbers, booleans or lists (a list becomes ``a,b``, the comma
form every spider splits).
"""

from __future__ import annotations

import difflib
import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import Any, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from croniter import croniter

from crawler.errors import JobcrawlError
from crawler.operations.spider_arguments import spider_argument_problems

DEFAULT_TARGETS_FILE = "crawl.toml"
TARGETS_FILE_VARIABLE = "JOBCRAWL_TARGETS"
TARGET_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")  # fits crawl_runs.target
SETTING_NAME_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
FILE_KEYS = {"timezone", "settings", "targets"}
TARGET_KEYS = {"spider", "arguments", "schedule", "enabled", "settings", "description"}


class TargetsFileError(JobcrawlError):
    """The targets file cannot be used; ``problems`` lists every reason."""

    def __init__(self, path: Path | str, problems: list[str]):
        self.path = Path(path)
        self.problems = problems
        listing = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"{path} has {len(problems)} problem{'s' if len(problems) != 1 else ''}:\n{listing}")


@dataclass(frozen=True)
class Target:
    """One named crawl: a spider with its arguments, a cron schedule and Scrapy settings."""

    name: str
    spider: str
    schedule: str
    arguments: dict[str, str] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    enabled: bool = True


@dataclass(frozen=True)
class TargetsFile:
    """A loaded, checked targets file; ``targets`` keeps the file's order."""

    path: Path
    timezone: tzinfo
    targets: dict[str, Target]

    @property
    def enabled(self) -> list[Target]:
        """The targets that the scheduler runs."""
        return [target for target in self.targets.values() if target.enabled]


def targets_path(path: str | Path | None = None) -> Path:
    """The targets file to use: the argument, else ``JOBCRAWL_TARGETS``, else ``crawl.toml``."""
    return Path(path or os.environ.get(TARGETS_FILE_VARIABLE) or DEFAULT_TARGETS_FILE)


def project_spider_classes() -> dict[str, type]:
    """Every spider of this project by name, from Scrapy's spider loader."""
    from scrapy.spiderloader import get_spider_loader

    from crawler.runner import project_settings

    loader = get_spider_loader(project_settings())
    return {name: loader.load(name) for name in loader.list()}


def load_targets(path: str | Path | None = None, spider_classes: Mapping[str, type] | None = None) -> TargetsFile:
    """Read and check the targets file; raises :class:`TargetsFileError` listing every problem."""
    path = targets_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TargetsFileError(path, [f"no such file (give --targets PATH or set {TARGETS_FILE_VARIABLE}; "
                                      "crawl.toml in the repository is an example)"]) from None
    return parse_targets(text, path, project_spider_classes() if spider_classes is None else spider_classes)


def setting_value(value: Any) -> str:
    """A TOML value as the string ``-s NAME=VALUE`` and Scrapyd's ``setting=`` expect."""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, (dict, list)):
        return json.dumps(value)  # Scrapy reads JSON for dict and list settings
    return str(value)


def _argument_value(value: Any) -> str:
    if isinstance(value, list):
        return ",".join(str(part) for part in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _unknown_keys(keys, allowed: set[str], where: str) -> list[str]:
    problems = []
    for key in sorted(set(keys) - allowed):
        close = difflib.get_close_matches(key, sorted(allowed), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else f" (allowed: {', '.join(sorted(allowed))})"
        problems.append(f"{where}: unknown key {key!r}{hint}")
    return problems


def _settings_table(raw: Any, where: str, problems: list[str]) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(f"{where}: settings must be a table of NAME = value, got {type(raw).__name__}")
        return {}
    for name in raw:
        if not SETTING_NAME_RE.match(name):
            problems.append(f"{where}: setting {name!r} is not a Scrapy setting name (upper case, e.g. DOWNLOAD_DELAY)")
    return {name: setting_value(value) for name, value in raw.items()}


def _timezone(raw: Any, problems: list[str]) -> tzinfo:
    try:
        return ZoneInfo(str(raw or "UTC"))
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(f"timezone {raw!r} is not an IANA time zone name such as Europe/Berlin or UTC")
        return ZoneInfo("UTC")


def schedule_problem(schedule: Any) -> str | None:
    """Why ``schedule`` is not a usable cron expression, or None."""
    if not isinstance(schedule, str) or not schedule.strip():
        return "schedule is missing: give a cron expression such as \"0 6 * * *\" (daily at 06:00)"
    if not croniter.is_valid(schedule):
        return (f"schedule {schedule!r} is not a cron expression: use 5 fields (minute hour day month "
                "weekday, e.g. \"30 5 * * 1-5\") or @hourly/@daily/@weekly")
    return None


def _target(name: str, raw: Any, spider_classes: Mapping[str, type], shared_settings: dict[str, str],
            problems: list[str]) -> Target | None:
    where = f"target {name!r}"
    if not TARGET_NAME_RE.match(name):
        problems.append(f"{where}: a name has letters, digits, '.', '_' or '-' (at most 128, starting with a letter or digit)")
    if not isinstance(raw, dict):
        problems.append(f"{where}: must be a table ([targets.{name}])")
        return None
    problems.extend(_unknown_keys(raw, TARGET_KEYS, where))
    spider = raw.get("spider")
    if not isinstance(spider, str) or not spider:
        problems.append(f"{where}: spider is missing (one of: {', '.join(sorted(spider_classes))})")
    elif spider not in spider_classes:
        close = difflib.get_close_matches(spider, sorted(spider_classes), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        problems.append(f"{where}: unknown spider {spider!r} ({hint}known: {', '.join(sorted(spider_classes))})")
    schedule = raw.get("schedule")
    if (problem := schedule_problem(schedule)) is not None:
        problems.append(f"{where}: {problem}")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        problems.append(f"{where}: enabled must be true or false, got {enabled!r}")
    arguments_raw = raw.get("arguments", {})
    if not isinstance(arguments_raw, dict):
        problems.append(f"{where}: arguments must be a table such as {{ board = \"acme\" }}")
        arguments_raw = {}
    arguments = {key: _argument_value(value) for key, value in arguments_raw.items()}
    if isinstance(spider, str) and spider in spider_classes:
        for problem in spider_argument_problems(spider_classes[spider], arguments):
            problems.append(f"{where}: {spider} {problem}")
    settings = {**shared_settings, **_settings_table(raw.get("settings"), where, problems)}
    return Target(name=name, spider=str(spider), schedule=str(schedule), arguments=arguments,
                  settings=settings, enabled=enabled is not False)


def parse_targets(text: str, path: str | Path, spider_classes: Mapping[str, type]) -> TargetsFile:
    """Check a targets file's text against the given spiders; raises :class:`TargetsFileError`."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TargetsFileError(path, [f"not valid TOML: {error}"]) from None
    problems = _unknown_keys(document, FILE_KEYS, "file")
    timezone = _timezone(document.get("timezone"), problems)
    shared_settings = _settings_table(document.get("settings"), "[settings]", problems)
    raw_targets = document.get("targets")
    if not isinstance(raw_targets, dict) or not raw_targets:
        problems.append("no targets: add at least one [targets.NAME] table with spider, arguments and schedule")
        raw_targets = {}
    targets = {}
    for name, raw in raw_targets.items():
        target = _target(name, raw, spider_classes, shared_settings, problems)
        if target is not None:
            targets[name] = target
    if problems:
        raise TargetsFileError(path, problems)
    return TargetsFile(path=Path(path), timezone=timezone, targets=targets)
