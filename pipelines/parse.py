"""Fill every schema field the source did not give, from the ad's text.

Parsing is CPU work. With ``JOBCRAWL_PARSE_WORKERS`` > 0 it runs in that many worker processes
(:class:`pipelines.parse_pool.ParsePool`), so the reactor thread keeps downloading while ads are
parsed on the other cores; ``-1`` (the default) means one worker per core but one, ``0`` parses
inline. A worker that dies costs no ad (the ads in flight are parsed again), and an ad that takes
longer than ``JOBCRAWL_PARSE_BUDGET_SECONDS`` becomes a recorded rejection instead of holding up
the crawl. The parse itself is :func:`pipelines.posting_steps.completed_fields`, the step
``jobcrawl reparse`` runs too.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime, timezone

from crawler.items import JobPosting, RejectedPage
from pipelines.parse_pool import ParsePool, ParseTimeout, WorkerDied, worker_count

logger = logging.getLogger(__name__)

__all__ = ["ParsePipeline", "worker_count"]


class ParsePipeline:
    """Runs the parser over each item; a parser failure becomes a recorded rejection."""

    def __init__(self, crawler):
        self.stats = crawler.stats
        self.pool = ParsePool(worker_count(crawler.settings.getint("JOBCRAWL_PARSE_WORKERS", -1)),
                              budget_seconds=crawler.settings.getfloat("JOBCRAWL_PARSE_BUDGET_SECONDS", 0.0),
                              stats=crawler.stats)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        self.pool.start()

    def close_spider(self, spider=None):
        self.pool.close()

    async def process_item(self, item):
        if not isinstance(item, JobPosting):
            return item
        known = dataclasses.asdict(item)
        crawled_at = item.crawled_at or datetime.now(timezone.utc)
        try:
            parsed, features = await self.pool.run(known, crawled_at)
        except (ParseTimeout, WorkerDied) as error:
            logger.error("parser gave up on %s: %s", item.url, error)
            stat = "parse_timeout" if isinstance(error, ParseTimeout) else "parse_worker_died"
            return self._rejection(item, stat, str(error))
        except Exception as error:  # one bad ad must not stop the crawl
            logger.error("parser failed on %s: %s: %s", item.url, type(error).__name__, error)
            return self._rejection(item, "parse_error", f"parse error: {type(error).__name__}: {error}")
        completed = JobPosting(**parsed)
        completed.raw_page, completed.raw_content_type = item.raw_page, item.raw_content_type
        completed.match_features = features
        return completed

    def _rejection(self, item: JobPosting, stat: str, reason: str) -> RejectedPage:
        self.stats.inc_value(f"jobcrawl/rejected/{stat}")
        return RejectedPage(source=item.source or "unknown", url=item.url or "", reason=reason[:500],
                            payload=(item.description or "")[:100_000])
