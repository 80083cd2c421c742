"""Monitors at spider close: is this run's data as good as the target's recent runs?

Checks (thresholds are ``JOBCRAWL_MONITOR_*`` settings, defaults below):

- zero items: the run found no valid posting (copies an incremental crawl saw again count);
- error rate: ``log_count/ERROR`` per request sent, above
  ``JOBCRAWL_MONITOR_MAX_ERROR_RATE`` — for every spider, maintenance spiders (recheck) included;
- rejection rate: rejected pages per ad the run found (valid + seen again + rejected), above
  ``JOBCRAWL_MONITOR_MAX_REJECTION_RATE``; both rates are judged only from
  ``JOBCRAWL_MONITOR_MIN_ITEMS`` requests or ads on;
- fill rates: for every posting field, the share of valid items that had it (from the validate
  pipeline's ``jobcrawl/field/<name>/missing`` and ``jobcrawl/valid_items``), compared with the
  lowest fill rate of the same target's last ``JOBCRAWL_MONITOR_HISTORY_RUNS`` succeeded runs; a
  fall of ``JOBCRAWL_MONITOR_FILL_RATE_DROP`` or more gives ``date_posted fill rate 0% (was ≥ 90%)``
  ("was ≥ 90%": the recent lowest, rounded down to tens and shown at most as 90). Runs with fewer
  than ``JOBCRAWL_MONITOR_MIN_ITEMS`` items are not compared. Fields that legitimately changed
  are silenced per target with ``JOBCRAWL_MONITOR_IGNORE_FIELDS``.

The verdict goes into the stats as ``jobcrawl/monitor/reasons`` ("; "-joined). The monitor's
extension priority must be lower than the ``CrawlRunRecorder``'s: Scrapy connects extensions'
signal handlers in priority order and calls ``spider_closed`` handlers in that order, so the
verdict is in the stats before the recorder turns them into the run's status.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import Any, Iterable

from scrapy import signals

from crawler.items import SCHEMA_FIELDS

logger = logging.getLogger(__name__)
REASONS_STAT = "jobcrawl/monitor/reasons"
# Fields every valid item has by construction: their fill rate says nothing.
ALWAYS_SET_FIELDS = frozenset({"source", "url", "crawled_at", "title", "via_agency"})


@dataclass(frozen=True)
class MonitorThresholds:
    """The limits a run is held to (settings ``JOBCRAWL_MONITOR_*``)."""

    max_error_rate: float = 0.10
    max_rejection_rate: float = 0.20
    fill_rate_drop: float = 0.30
    history_runs: int = 5
    min_items: int = 10
    ignore_fields: frozenset[str] = frozenset()

    @classmethod
    def from_settings(cls, settings) -> "MonitorThresholds":
        """Thresholds from Scrapy settings, defaulting to the class's values."""
        return cls(
            max_error_rate=settings.getfloat("JOBCRAWL_MONITOR_MAX_ERROR_RATE", cls.max_error_rate),
            max_rejection_rate=settings.getfloat("JOBCRAWL_MONITOR_MAX_REJECTION_RATE", cls.max_rejection_rate),
            fill_rate_drop=settings.getfloat("JOBCRAWL_MONITOR_FILL_RATE_DROP", cls.fill_rate_drop),
            history_runs=settings.getint("JOBCRAWL_MONITOR_HISTORY_RUNS", cls.history_runs),
            min_items=settings.getint("JOBCRAWL_MONITOR_MIN_ITEMS", cls.min_items),
            ignore_fields=frozenset(settings.getlist("JOBCRAWL_MONITOR_IGNORE_FIELDS", [])),
        )


def _percent(rate: float) -> int:
    return math.floor(rate * 100 + 1e-9)


def valid_items(stats: dict[str, Any]) -> int:
    """How many items passed validation in a run."""
    return int(stats.get("jobcrawl/valid_items") or 0)


def listed_items(stats: dict[str, Any]) -> int:
    """Postings a run found listed: valid items plus the copies an incremental crawl touched
    without fetching their pages again (``jobcrawl/incremental/seen_again``)."""
    return valid_items(stats) + int(stats.get("jobcrawl/incremental/seen_again") or 0)


def rejected_pages(stats: dict[str, Any]) -> int:
    """How many pages or items a run rejected (stored rejections, else the rejection counters)."""
    stored = stats.get("jobcrawl/store/rejected")
    if stored is not None:
        return int(stored)
    return sum(int(value or 0) for key, value in stats.items() if key.startswith("jobcrawl/rejected/"))


def fill_rates(stats: dict[str, Any], fields: Iterable[str] = SCHEMA_FIELDS) -> dict[str, float]:
    """Share of valid items that had each field, from the validate pipeline's counters."""
    total = valid_items(stats)
    if not total:
        return {}
    return {name: 1 - int(stats.get(f"jobcrawl/field/{name}/missing") or 0) / total
            for name in fields if name not in ALWAYS_SET_FIELDS}


def fill_rate_reasons(stats: dict[str, Any], history: list[dict[str, Any]], thresholds: MonitorThresholds) -> list[str]:
    """``<field> fill rate N% (was ≥ M%)`` for every field that fell against the recent runs."""
    comparable = [run for run in history if valid_items(run) >= thresholds.min_items]
    if valid_items(stats) < thresholds.min_items or not comparable:
        return []
    current = fill_rates(stats)
    past = [fill_rates(run) for run in comparable]
    reasons = []
    for name, rate in current.items():
        if name in thresholds.ignore_fields:
            continue
        lowest = min(rates.get(name, 0.0) for rates in past)
        if lowest - rate >= thresholds.fill_rate_drop - 1e-9:
            was = min(90, _percent(lowest) // 10 * 10)
            reasons.append(f"{name} fill rate {_percent(rate)}% (was ≥ {was}%)")
    return reasons


def error_rate_reason(stats: dict[str, Any], thresholds: MonitorThresholds) -> str | None:
    """``error rate N% (E errors in R requests; limit L%)`` when a run's errors pass the limit.

    Every spider is held to it, maintenance spiders (recheck) included: a recheck whose pages
    fail 42% of the time has not rechecked its postings.
    """
    requests = int(stats.get("downloader/request_count") or 0)
    errors = int(stats.get("log_count/ERROR") or 0)
    # Rates of a handful of pages say little (1 bad page of 3 is 33%): judge from min_items on.
    if requests >= thresholds.min_items and errors / requests > thresholds.max_error_rate:
        return (f"error rate {_percent(errors / requests)}% ({errors} errors in {requests} requests; "
                f"limit {_percent(thresholds.max_error_rate)}%)")
    return None


def monitor_reasons(stats: dict[str, Any], history: list[dict[str, Any]], thresholds: MonitorThresholds,
                    produces_postings: bool = True) -> list[str]:
    """Every reason to call a finished run degraded; empty when it is healthy."""
    if not produces_postings:  # maintenance spiders have no items to judge, but they have errors
        return [reason for reason in (error_rate_reason(stats, thresholds),) if reason]
    reasons = []
    items = listed_items(stats)
    if not items:
        reasons.append("zero items")
    error_reason = error_rate_reason(stats, thresholds)
    if error_reason:
        reasons.append(error_reason)
    rejected = rejected_pages(stats)
    total = rejected + items
    if total >= thresholds.min_items and rejected / total > thresholds.max_rejection_rate:
        reasons.append(f"rejection rate {_percent(rejected / total)}% ({rejected} of {total} pages rejected; "
                       f"limit {_percent(thresholds.max_rejection_rate)}%)")
    if valid_items(stats):
        reasons.extend(fill_rate_reasons(stats, history, thresholds))
    return reasons


def monitored_outcome(status: str, reason: str | None, stats: dict[str, Any]) -> tuple[str, str | None]:
    """A run's (status, reason) with the monitor's verdict applied: a run that would have
    succeeded is ``degraded`` when the monitor found reasons."""
    verdict = stats.get(REASONS_STAT)
    if status == "succeeded" and verdict:
        return "degraded", str(verdict)
    return status, reason


class CrawlMonitor:
    """Scrapy extension: puts the monitor's verdict in the stats when a crawl finishes."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.enabled = crawler.settings.getbool("JOBCRAWL_MONITOR_ENABLED", True)
        self.thresholds = MonitorThresholds.from_settings(crawler.settings)
        self.database_url = crawler.settings.get("JOBCRAWL_DATABASE_URL")
        self.target = crawler.settings.get("JOBCRAWL_TARGET")

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def history(self, spider) -> list[dict[str, Any]]:
        """Stats of the target's recent succeeded runs (empty when the database cannot say)."""
        from crawler.operations.run_history import recent_successful_stats

        try:
            return recent_successful_stats(
                self.database_url, target=self.target, scope=getattr(spider, "listing_scope", None),
                limit=self.thresholds.history_runs,
                before_id=self.crawler.stats.get_value("jobcrawl/crawl_run_id"))
        except Exception:  # a monitor must never break the run it watches
            logger.exception("monitor: could not read the recent runs; fill rates not compared")
            return []

    def spider_closed(self, spider, reason):
        if not self.enabled or reason != "finished":
            return  # interrupted or failed runs get their status from the recorder alone
        produces_postings = getattr(spider, "produces_postings", True)
        stats = self.crawler.stats.get_stats()
        history = self.history(spider) if produces_postings else []
        reasons = monitor_reasons(stats, history, self.thresholds, produces_postings)
        if reasons:
            self.crawler.stats.set_value(REASONS_STAT, "; ".join(reasons))
            logger.warning("monitor: run degraded: %s", "; ".join(reasons))
