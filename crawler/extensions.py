"""Scrapy extensions: the ``crawl_runs`` record of every crawl."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from scrapy import signals
from sqlalchemy import insert, update

from sqlalchemy.orm import Session

from models.database import get_engine, upgrade
from models.lifecycle import close_expired, close_vanished
from models.tables import CrawlRun

logger = logging.getLogger(__name__)


def _jsonable_stats(stats: dict[str, Any]) -> dict[str, Any]:
    return {key: value if isinstance(value, (int, float, str, bool, type(None))) else str(value)
            for key, value in stats.items()}


def run_outcome(stats: dict[str, Any], finish_reason: str, produces_postings: bool = True) -> tuple[str, str | None]:
    """(status, reason) of a finished crawl from its stats."""
    if stats.get("jobcrawl/store/failure"):
        return "failed", f"store failed: {stats['jobcrawl/store/failure']}"
    if stats.get("jobcrawl/source_error"):
        return "failed", str(stats["jobcrawl/source_error"])
    if finish_reason == "shutdown":
        return "interrupted", "stopped by signal before the crawl finished"
    if finish_reason != "finished":
        return "failed", f"crawl ended early: {finish_reason}"
    if stats.get("jobcrawl/monitor/reasons"):  # the monitor's verdict (crawler/operations/monitors.py)
        return "degraded", str(stats["jobcrawl/monitor/reasons"])
    # Copies touched without a fetch (incremental crawls) count as items: the source listed them.
    if produces_postings and not (stats.get("jobcrawl/valid_items") or stats.get("jobcrawl/incremental/seen_again")):
        return "degraded", "zero items"
    return "succeeded", None


class CrawlRunRecorder:
    """Creates the ``crawl_runs`` row when a spider opens and completes it when it closes."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.database_url = crawler.settings.get("JOBCRAWL_DATABASE_URL")
        self.migrate = crawler.settings.getbool("JOBCRAWL_MIGRATE_ON_START", True)
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider):
        if self.migrate:
            upgrade(self.database_url)
        engine = get_engine(self.database_url)
        self.started_at = datetime.now(timezone.utc)
        with engine.begin() as connection:
            self.run_id = connection.execute(
                insert(CrawlRun).returning(CrawlRun.id),
                {"spider": spider.name, "arguments": dict(getattr(spider, "arguments", {}) or {}),
                 "target": self.crawler.settings.get("JOBCRAWL_TARGET"),
                 "scope": getattr(spider, "listing_scope", None),
                 "started_at": self.started_at, "status": "running", "stats": {}},
            ).scalar_one()
        self.crawler.stats.set_value("jobcrawl/crawl_run_id", self.run_id)

    def spider_closed(self, spider, reason):
        if self.run_id is None:
            return
        stats = self.crawler.stats.get_stats()
        status, why = run_outcome(stats, reason, getattr(spider, "produces_postings", True))
        walked = getattr(spider, "listing_was_complete", None)
        complete = status == "succeeded" and bool(walked(stats) if callable(walked) else False)
        values = {
            "finished_at": datetime.now(timezone.utc),
            "status": status,
            "reason": why,
            "pages": stats.get("response_received_count", 0),
            "items": stats.get("jobcrawl/valid_items", 0) + stats.get("jobcrawl/incremental/seen_again", 0),
            "new_postings": stats.get("jobcrawl/store/new_postings", 0),
            "updated_postings": stats.get("jobcrawl/store/updated_postings", 0),
            "rejected": stats.get("jobcrawl/store/rejected", 0),
            "errors": stats.get("log_count/ERROR", 0),
            "listing_complete": complete,
            "stats": _jsonable_stats(stats),
        }
        self.crawler.stats.set_value("jobcrawl/run_status", status)
        try:
            with Session(get_engine(self.database_url)) as session, session.begin():
                session.connection(execution_options={"sqlite_write": True})
                session.execute(update(CrawlRun).where(CrawlRun.id == self.run_id).values(**values))
                now = values["finished_at"]
                closed = close_expired(session, now.date(), now)
                if complete:
                    closed += close_vanished(session, spider.listing_scope, self.started_at, now)
            self.crawler.stats.set_value("jobcrawl/lifecycle/closed", closed)
        except Exception as error:  # the database may be the very thing that failed
            logger.error("could not record the end of crawl run %s (%s): %s", self.run_id, status, error)
        logger.info("crawl run %s %s%s", self.run_id, status, f": {why}" if why else "")
