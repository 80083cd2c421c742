"""Store postings and rejections in batches, on a writer thread, off the reactor.

Items are queued; the writer thread flushes a batch when it reaches
``JOBCRAWL_STORE_BATCH_SIZE`` items or ``JOBCRAWL_STORE_FLUSH_SECONDS`` have passed, and
once more when the spider closes. A slow database therefore never stalls downloads (until the
bounded queue is full, which is the back-pressure that keeps memory bounded).
"""

from __future__ import annotations

import dataclasses
import logging
import queue
import threading
import time

from crawler.items import JobPosting, RejectedPage
from crawler.parsing.posting import PARSER_VERSION
from models.database import get_engine
from models.store import PostingStore

logger = logging.getLogger(__name__)
_STOP = object()


class StorePipeline:
    """Queues items for the writer thread; counts new, updated and rejected in stats."""

    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.database_url = settings.get("JOBCRAWL_DATABASE_URL")
        self.batch_size = settings.getint("JOBCRAWL_STORE_BATCH_SIZE", 200)
        self.flush_seconds = settings.getfloat("JOBCRAWL_STORE_FLUSH_SECONDS", 2.0)
        self.queue: queue.Queue = queue.Queue(maxsize=settings.getint("JOBCRAWL_STORE_QUEUE_SIZE", 5000))
        self.thread: threading.Thread | None = None
        self.failure: BaseException | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        self.store = PostingStore(get_engine(self.database_url), parser_version=PARSER_VERSION)
        self.thread = threading.Thread(target=self._run_writer, name="jobcrawl-store", daemon=True)
        self.thread.start()

    def close_spider(self, spider=None):
        self.queue.put(_STOP)
        if self.thread is not None:
            self.thread.join()
        if self.failure is not None:
            self.stats.set_value("jobcrawl/store/failure", f"{type(self.failure).__name__}: {self.failure}")

    def process_item(self, item):
        if isinstance(item, JobPosting):
            payload = dataclasses.asdict(item)
            payload.update(raw_page=item.raw_page, raw_content_type=item.raw_content_type)
            self.queue.put(("posting", payload))
        elif isinstance(item, RejectedPage):
            self.queue.put(("rejection", dataclasses.asdict(item)))
        return item

    def _run_writer(self) -> None:
        postings: list[dict] = []
        rejections: list[dict] = []
        deadline = time.monotonic() + self.flush_seconds
        stopping = False
        while not stopping:
            timeout = max(0.0, deadline - time.monotonic())
            try:
                entry = self.queue.get(timeout=timeout)
            except queue.Empty:
                entry = None
            if entry is _STOP:
                stopping = True
            elif entry is not None:
                kind, payload = entry
                (postings if kind == "posting" else rejections).append(payload)
            full = len(postings) + len(rejections) >= self.batch_size
            if stopping or full or time.monotonic() >= deadline:
                if postings or rejections:
                    self._flush(postings, rejections)
                postings, rejections = [], []
                deadline = time.monotonic() + self.flush_seconds

    def _flush(self, postings: list[dict], rejections: list[dict]) -> None:
        run_id = self.stats.get_value("jobcrawl/crawl_run_id")
        scope = getattr(self.crawler.spider, "listing_scope", None)
        try:
            result = self.store.write(postings, rejections, crawl_run_id=run_id, scope=scope)
        except Exception as error:
            self.failure = error
            self.stats.inc_value("jobcrawl/store/failed_items", len(postings) + len(rejections))
            logger.exception("could not store a batch of %d items", len(postings) + len(rejections))
            return
        self.stats.inc_value("jobcrawl/store/new_postings", result.new_postings)
        self.stats.inc_value("jobcrawl/store/updated_postings", result.updated_postings)
        self.stats.inc_value("jobcrawl/store/unchanged", result.unchanged)
        self.stats.inc_value("jobcrawl/store/matched", result.matched)
        self.stats.inc_value("jobcrawl/store/reposts", result.reposts)
        self.stats.inc_value("jobcrawl/store/rejected", result.rejected)
