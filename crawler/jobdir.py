"""Resume from a ``JOBDIR`` only what a clean stop left behind.

Scrapy's pause and resume (``-s JOBDIR=DIR``) trusts ``DIR/requests.seen``: every request whose
fingerprint is there is skipped on resume. Fingerprints are written when a request is *queued*,
long before its page is fetched and its postings stored. After a clean stop (Ctrl-C, SIGTERM)
the queue is saved with them and the resume picks up where the crawl left off. After ``kill -9``,
an out-of-memory kill or a power cut the queue is lost but the fingerprints are not, so a resume
would skip the sitemap and every page queued before the crash: their ads would never be stored.

:class:`UncleanJobdirGuard` marks the job directory while a crawl runs. If a crawl starts and
finds the mark, the previous one died: its scheduler state is moved aside (never deleted) and the
crawl starts from the beginning. That is safe because the store recognises ads it already holds.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime, timezone
from pathlib import Path

from scrapy import signals
from scrapy.utils.job import job_dir

logger = logging.getLogger(__name__)

RUNNING_MARK = "jobcrawl.running"
SCHEDULER_STATE = ("requests.seen", "requests.queue", "spider.state")


def set_aside_unclean_state(directory: Path, now: datetime) -> Path | None:
    """Move the scheduler state of a crawl that died out of ``directory``; returns where it went.

    Returns ``None`` (and moves nothing) when the last crawl in ``directory`` stopped cleanly.
    """
    mark = directory / RUNNING_MARK
    if not mark.exists():
        return None
    aside = directory / f"interrupted-{now.strftime('%Y%m%dT%H%M%S%f')}"
    aside.mkdir()
    for name in (*SCHEDULER_STATE, RUNNING_MARK):
        if (directory / name).exists():
            (directory / name).rename(aside / name)
    return aside


class UncleanJobdirGuard:
    """Extension: discards (moves aside) the JOBDIR state of a crawl that did not stop cleanly."""

    def __init__(self, crawler):
        directory = job_dir(crawler.settings)
        # Without a JOBDIR there is nothing to guard. The guard then stays and does nothing:
        # raising NotConfigured("no JOBDIR") made Scrapy print a WARNING on every normal crawl.
        self.directory = Path(directory) if directory else None
        self.stats = crawler.stats
        self.set_aside = None
        if self.directory is None:
            return
        # Now, before the scheduler's duplicate filter reads requests.seen.
        self.set_aside = set_aside_unclean_state(self.directory, datetime.now(timezone.utc))
        if self.set_aside is not None:
            logger.warning("the previous crawl in JOBDIR %s did not stop cleanly (killed or crashed): its "
                           "request queue is lost, so resuming would skip pages whose ads were never stored. "
                           "Starting from the beginning; the old state is kept in %s", self.directory, self.set_aside)

    @classmethod
    def from_crawler(cls, crawler):
        guard = cls(crawler)
        crawler.signals.connect(guard.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(guard.spider_closed, signal=signals.spider_closed)
        return guard

    def spider_opened(self, spider):
        if self.directory is None:
            return
        if self.set_aside is not None:
            self.stats.set_value("jobcrawl/jobdir/unclean_state_set_aside", str(self.set_aside))
        (self.directory / RUNNING_MARK).write_text(f"{os.getpid()}\n", encoding="utf-8")

    def spider_closed(self, spider, reason):
        # Any close that reaches this signal saved Scrapy's queue: the state is good to resume.
        if self.directory is not None:
            (self.directory / RUNNING_MARK).unlink(missing_ok=True)
