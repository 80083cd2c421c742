"""Read, repair, parse and validate every ad in the parser worker processes, not the crawl's.

Spiders hand over what they fetched — a :class:`~crawler.items.JobPage` (an ad page, unread) or
a :class:`~crawler.items.JobPosting` (fields a source's API gave) — and this spider middleware
sends each, batched, to the parse pool (:class:`pipelines.parse_pool.ParsePool`), which runs
:func:`pipelines.posting_steps.finished_items`: the page's structured data or text is read, then
each ad goes through encoding repair, the parser and validation, the steps ``jobcrawl reparse``
runs too. What comes back — postings with their matching features, rejections with their reason —
is what the item pipelines (exact dedupe, store) see. The crawl process only downloads.

It is a spider middleware rather than an item pipeline because one page can give several ads (or
several rejections), and a pipeline turns one item into one item.

With ``JOBCRAWL_PARSE_WORKERS`` > 0 the work runs in that many processes; ``-1`` (the default)
means one per core but one, ``0`` runs it inline. A worker that dies costs no ad (the ads in
flight are read again), and an ad that takes longer than ``JOBCRAWL_PARSE_BUDGET_SECONDS``
becomes a recorded rejection instead of holding up the crawl.
"""

from __future__ import annotations

import asyncio
import logging

from scrapy import signals

from crawler.items import JobPage, JobPosting, RejectedPage
from pipelines.parse_pool import BATCH_SECONDS, BATCH_SIZE, ParsePool, ParseTimeout, WorkerDied, worker_count
from pipelines.posting_steps import Finished

logger = logging.getLogger(__name__)

__all__ = ["ParseMiddleware", "worker_count"]


class ParseMiddleware:
    """Sends pages and postings to the parse pool; yields the postings and rejections they give."""

    def __init__(self, crawler):
        settings = crawler.settings
        self.stats = crawler.stats
        self.pool = ParsePool(worker_count(settings.getint("JOBCRAWL_PARSE_WORKERS", -1)),
                              budget_seconds=settings.getfloat("JOBCRAWL_PARSE_BUDGET_SECONDS", 0.0),
                              stats=crawler.stats,
                              batch_size=settings.getint("JOBCRAWL_PARSE_BATCH_SIZE", BATCH_SIZE),
                              batch_seconds=settings.getfloat("JOBCRAWL_PARSE_BATCH_SECONDS", BATCH_SECONDS))
        # Started now, so the workers' start-up (imports, parser indexes: seconds) overlaps the
        # crawl's own (migrations, first requests) instead of stalling its first pages.
        self.pool.start()
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_opened(self, spider=None):
        self.pool.start()

    def spider_closed(self, spider=None):
        self.pool.close()

    async def process_spider_output(self, response, result):
        """Requests and other items pass at once; pages and postings come back finished, in the
        order the spider yielded them, once the pool has answered for all of this response's."""
        waiting: list[tuple[JobPage | JobPosting, asyncio.Future]] = []
        failure = None
        try:
            async for output in result:
                if isinstance(output, (JobPage, JobPosting)):
                    waiting.append((output, asyncio.ensure_future(self.pool.run(output))))
                else:
                    yield output
        except Exception as error:  # the spider failed part-way: what it handed over is still read
            failure = error
        for output, answer in waiting:
            for item in await self.finished(output, answer):
                yield item
        if failure is not None:
            raise failure

    async def finished(self, output: JobPage | JobPosting, answer: asyncio.Future) -> list:
        """The items one page or posting gave, stats counted; a pool failure is a rejection."""
        try:
            results: list[Finished] = await answer
        except (ParseTimeout, WorkerDied) as error:
            logger.error("parser gave up on %s: %s", output.url, error)
            stat = "parse_timeout" if isinstance(error, ParseTimeout) else "parse_worker_died"
            return [self._rejection(output, stat, str(error))]
        except Exception as error:  # one bad page must not stop the crawl
            logger.error("parser failed on %s: %s: %s", output.url, type(error).__name__, error)
            return [self._rejection(output, "parse_error", f"parse error: {type(error).__name__}: {error}")]
        items = []
        for result in results:
            for name in result.stats:
                self.stats.inc_value(name)
            item = result.item
            if isinstance(item, JobPosting):
                # The archive keeps the body the ad was read from; it never went back and forth.
                item.raw_page = output.body if isinstance(output, JobPage) else output.raw_page
                item.raw_content_type = output.content_type if isinstance(output, JobPage) else output.raw_content_type
            elif item.reason.startswith("parse error"):
                logger.error("parser failed on %s: %s", item.url, item.reason)
            items.append(item)
        return items

    def _rejection(self, output: JobPage | JobPosting, stat: str, reason: str) -> RejectedPage:
        self.stats.inc_value(f"jobcrawl/rejected/{stat}")
        payload = output.body.decode("utf-8", errors="replace") if isinstance(output, JobPage) else output.description
        return RejectedPage(source=output.source or "unknown", url=output.url or "", reason=reason[:500],
                            payload=(payload or "")[:100_000])


