"""Crawl progress: a live line for people at a terminal, plain log lines for cron and services.

``JOBCRAWL_PROGRESS`` picks the mode: ``auto`` (default: live when standard output is a terminal,
else log lines), ``live``, ``log`` or ``off``. Log lines come every ``JOBCRAWL_PROGRESS_INTERVAL``
seconds (default 30). ``JOBCRAWL_LOG_JSON=1`` (environment or setting) turns every log record of
the crawl into one JSON object (see :mod:`crawler.operations.log_format`).
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

from scrapy import signals
from twisted.internet import task

from crawler.operations.log_format import json_logs_wanted, use_json_logs
from crawler.operations.monitors import rejected_pages

logger = logging.getLogger(__name__)
LIVE_REFRESH_SECONDS = 0.25
MODES = ("auto", "live", "log", "off")


def progress_counts(stats: dict[str, Any]) -> dict[str, int]:
    """The numbers a progress line shows, from Scrapy and jobcrawl stats."""
    return {
        "pages": int(stats.get("response_received_count") or 0),
        "items": int(stats.get("jobcrawl/valid_items") or 0),
        "new": int(stats.get("jobcrawl/store/new_postings") or 0),
        "updated": int(stats.get("jobcrawl/store/updated_postings") or 0),
        "rejected": rejected_pages(stats),
        "errors": int(stats.get("log_count/ERROR") or 0),
    }


def progress_line(stats: dict[str, Any], elapsed_seconds: float, pages_in_work: int = 0) -> str:
    """``120 pages, 100 items (20 new, 3 updated), 2 rejected, 0 errors, 45 items/min, 2m13s``.

    Items are ads parsed and validated; ``pages_in_work`` fetched pages not yet through the parser
    and the store are shown (``… 0 errors, 60 pages in the parser, …``) while there are any, so a
    line with few items early in a crawl says where the pages are.
    """
    counts = progress_counts(stats)
    minutes = max(elapsed_seconds, 1e-9) / 60
    rate = counts["items"] / minutes if elapsed_seconds >= 1 else 0.0
    whole = int(elapsed_seconds)
    clock = f"{whole // 60}m{whole % 60:02d}s" if whole >= 60 else f"{whole}s"
    in_work = f"{pages_in_work} page{'s' if pages_in_work != 1 else ''} in the parser, " if pages_in_work else ""
    return (f"{counts['pages']} pages, {counts['items']} items ({counts['new']} new, {counts['updated']} updated), "
            f"{counts['rejected']} rejected, {counts['errors']} errors, {in_work}{rate:.0f} items/min, {clock}")


def pages_in_work(crawler) -> int:
    """Fetched pages whose output (ads through the parser, then the store) is not finished yet:
    those queued for and inside Scrapy's scraper."""
    engine = getattr(crawler, "engine", None)
    slot = getattr(getattr(engine, "scraper", None), "slot", None)
    if slot is None:
        return 0
    return len(slot.queue) + len(slot.active)


def choose_mode(setting: str, stdout_is_terminal: bool) -> str:
    """The progress mode to use for a ``JOBCRAWL_PROGRESS`` value and the kind of stdout."""
    mode = (setting or "auto").strip().lower()
    if mode not in MODES:
        raise ValueError(f"JOBCRAWL_PROGRESS must be one of {', '.join(MODES)}, got {setting!r}")
    if mode == "auto":
        return "live" if stdout_is_terminal else "log"
    return mode


class CrawlProgress:
    """Scrapy extension: shows or logs progress while the spider runs."""

    def __init__(self, crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.json_logs = json_logs_wanted(settings.get("JOBCRAWL_LOG_JSON"))
        self.mode = choose_mode(settings.get("JOBCRAWL_PROGRESS", "auto"), sys.stdout.isatty())
        self.interval = settings.getfloat("JOBCRAWL_PROGRESS_INTERVAL", 30.0)
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None
        self.live = None

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def line(self, final: bool = False) -> str:
        return progress_line(self.crawler.stats.get_stats(), time.monotonic() - self.started,
                             0 if final else pages_in_work(self.crawler))

    def spider_opened(self, spider):
        if self.json_logs:
            # Scrapy reinstalls its root handler after building extensions; restyle it from here
            # on (the runner installs a JSON handler from the start when it is asked to).
            use_json_logs()
        self.started = time.monotonic()
        if self.mode == "off":
            return
        if self.mode == "live":
            from rich.console import Console
            from rich.live import Live
            from rich.text import Text

            self.live = Live(Text(f"{spider.name}: starting"), console=Console(file=sys.stdout),
                             auto_refresh=False, transient=False)
            self.live.start()
            self.loop = task.LoopingCall(self._refresh_live, spider.name)
            self.loop.start(LIVE_REFRESH_SECONDS, now=False)
        else:
            self.loop = task.LoopingCall(self._log_line, spider.name)
            self.loop.start(self.interval, now=False)

    def _refresh_live(self, name: str) -> None:
        from rich.text import Text

        self.live.update(Text(f"{name}: {self.line()}"), refresh=True)

    def _log_line(self, name: str) -> None:
        logger.info("progress %s: %s", name, self.line())

    def spider_closed(self, spider, reason):
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.live is not None:
            from rich.text import Text

            self.live.update(Text(f"{spider.name}: {self.line(final=True)}"), refresh=True)
            self.live.stop()
        elif self.mode == "log":
            logger.info("progress %s (%s): %s", spider.name, reason, self.line(final=True))
