"""Fill every schema field the source did not give, from the ad's text.

Parsing is CPU work. With ``JOBCRAWL_PARSE_WORKERS`` > 0 it runs in that many worker processes
(a forkserver pool), so the reactor thread keeps downloading while ads are parsed on the other
cores; ``-1`` (the default) means one worker per core but one, ``0`` parses inline.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime, timezone
from typing import Any

from crawler.dedupe.features import MatchFeatures, features_of
from crawler.items import JobPosting, RejectedPage
from crawler.parsing.posting import complete_posting

logger = logging.getLogger(__name__)
WARM_UP_DOCUMENT = "Data Engineer (m/w/d)\nLocation: Köln\n\nIhre Aufgaben\n- Python und SQL\n"


def _warm_up() -> None:
    """Build the parser's lazy indexes (gazetteer, skills) once per worker, not on the first ad."""
    complete_posting({"description": WARM_UP_DOCUMENT}, crawled_at=datetime.now(timezone.utc))


def _complete(known: dict[str, Any], crawled_at: datetime) -> tuple[dict[str, Any], MatchFeatures]:
    """The completed posting and its matching features (MinHash is CPU work too)."""
    posting = complete_posting(known, crawled_at=crawled_at)
    return posting, features_of(posting)


def worker_count(setting: int) -> int:
    """Workers for the setting: -1 = cores minus one (0 on a single core), else as given."""
    if setting >= 0:
        return setting
    return max(0, (os.cpu_count() or 1) - 1)


class ParsePipeline:
    """Runs the parser over each item; a parser failure becomes a recorded rejection."""

    def __init__(self, crawler):
        self.stats = crawler.stats
        self.workers = worker_count(crawler.settings.getint("JOBCRAWL_PARSE_WORKERS", -1))
        self.pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        if self.workers:
            context = multiprocessing.get_context("forkserver")
            self.pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_warm_up)

    def close_spider(self, spider=None):
        if self.pool is not None:
            self.pool.shutdown(wait=True)

    async def process_item(self, item):
        if not isinstance(item, JobPosting):
            return item
        known = dataclasses.asdict(item)
        crawled_at = item.crawled_at or datetime.now(timezone.utc)
        try:
            if self.pool is not None:
                try:
                    parsed, features = await asyncio.wrap_future(self.pool.submit(_complete, known, crawled_at))
                except BrokenProcessPool:
                    # A worker died (killed, out of memory): go on parsing here rather than lose ads.
                    logger.warning("parser worker pool broke; parsing in the crawl process from now on")
                    self.stats.inc_value("jobcrawl/parse/pool_broken")
                    self.pool.shutdown(wait=False, cancel_futures=True)
                    self.pool = None
                    parsed, features = _complete(known, crawled_at)
            else:
                parsed, features = _complete(known, crawled_at)
        except Exception as error:  # one bad ad must not stop the crawl
            logger.error("parser failed on %s: %s: %s", item.url, type(error).__name__, error)
            self.stats.inc_value("jobcrawl/rejected/parse_error")
            return RejectedPage(source=item.source or "unknown", url=item.url or "",
                                reason=f"parse error: {type(error).__name__}: {error}"[:500],
                                payload=(item.description or "")[:100_000])
        completed = JobPosting(**parsed)
        completed.raw_page, completed.raw_content_type = item.raw_page, item.raw_content_type
        completed.match_features = features
        return completed
