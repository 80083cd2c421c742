"""Store postings and rejections in batches, on a writer thread, off the reactor.

Items are queued; the writer thread flushes a batch when it reaches
``JOBCRAWL_STORE_BATCH_SIZE`` items or ``JOBCRAWL_STORE_FLUSH_SECONDS`` have passed, and
once more when the spider closes. A slow database therefore never stalls downloads (until the
bounded queue is full, which is the back-pressure that keeps memory bounded).

A batch the database refuses is retried with exponential back-off
(``JOBCRAWL_STORE_RETRIES``, ``JOBCRAWL_STORE_RETRY_SECONDS``); if the database stays away, the
batch goes to a spill file in ``JOBCRAWL_SPILL_DIR`` and the run ends ``failed`` naming the file,
which ``jobcrawl db replay FILE`` loads later. Nothing is lost and nothing is stored twice.
"""

from __future__ import annotations

import dataclasses
import logging
import queue
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from crawler.items import JobPosting, RejectedPage, SeenAgain
from crawler.parsing.posting import PARSER_VERSION
from models.database import get_engine
from models.spill import spill, write_run_end
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
        self.retries = settings.getint("JOBCRAWL_STORE_RETRIES", 5)
        self.retry_seconds = settings.getfloat("JOBCRAWL_STORE_RETRY_SECONDS", 1.0)
        self.spill_dir = Path(settings.get("JOBCRAWL_SPILL_DIR") or "spill")
        self.spill_path: Path | None = None
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
            message = f"{type(self.failure).__name__}: {str(self.failure).splitlines()[0][:300]}"
            if self.spill_path is not None:
                message += (f"; {self.stats.get_value('jobcrawl/store/spilled_items', 0)} items spilled to "
                            f"{self.spill_path} — load them with: jobcrawl db replay {self.spill_path}")
            self.stats.set_value("jobcrawl/store/failure", message)
            if self.spill_path is not None:
                write_run_end(self.spill_path, self.stats.get_value("jobcrawl/crawl_run_id"), "failed",
                              f"store failed: {message}", datetime.now(timezone.utc))

    def process_item(self, item):
        if isinstance(item, JobPosting):
            payload = dataclasses.asdict(item)
            payload.update(raw_page=item.raw_page, raw_content_type=item.raw_content_type,
                           _features=item.match_features)
            self.queue.put(("posting", payload))
        elif isinstance(item, RejectedPage):
            self.queue.put(("rejection", dataclasses.asdict(item)))
        elif isinstance(item, SeenAgain):
            self.queue.put(("touch", dataclasses.asdict(item)))
        return item

    def _run_writer(self) -> None:
        postings: list[dict] = []
        rejections: list[dict] = []
        touches: list[dict] = []
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
                {"posting": postings, "rejection": rejections, "touch": touches}[kind].append(payload)
            full = len(postings) + len(rejections) + len(touches) >= self.batch_size
            if stopping or full or time.monotonic() >= deadline:
                if postings or rejections or touches:
                    self._flush(postings, rejections, touches)
                postings, rejections, touches = [], [], []
                deadline = time.monotonic() + self.flush_seconds

    def _flush(self, postings: list[dict], rejections: list[dict], touches: list[dict] = ()) -> None:
        run_id = self.stats.get_value("jobcrawl/crawl_run_id")
        scope = getattr(self.crawler.spider, "listing_scope", None)
        for attempt in range(self.retries + 1):
            try:
                # The store pops transport keys from the dicts; hand it copies so a retry or a
                # spill still has the raw pages.
                result = self.store.write([dict(p) for p in postings], [dict(r) for r in rejections],
                                          crawl_run_id=run_id, scope=scope, touches=touches)
                break
            except Exception as error:
                self.stats.inc_value("jobcrawl/store/retries")
                if attempt == self.retries:
                    self._spill(postings, rejections, error)
                    return
                delay = self.retry_seconds * 2 ** attempt
                logger.warning("database write failed (%s: %s); retry %d of %d in %.1f s", type(error).__name__,
                               str(error).splitlines()[0][:200], attempt + 1, self.retries, delay)
                time.sleep(delay)
        self.stats.inc_value("jobcrawl/store/new_postings", result.new_postings)
        self.stats.inc_value("jobcrawl/store/updated_postings", result.updated_postings)
        self.stats.inc_value("jobcrawl/store/unchanged", result.unchanged)
        self.stats.inc_value("jobcrawl/store/matched", result.matched)
        self.stats.inc_value("jobcrawl/store/reposts", result.reposts)
        self.stats.inc_value("jobcrawl/store/rejected", result.rejected)
        self.stats.inc_value("jobcrawl/store/touched", result.touched)

    def _spill(self, postings: list[dict], rejections: list[dict], error: BaseException) -> None:
        self.failure = error
        if self.spill_path is None:
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
            run_id = self.stats.get_value("jobcrawl/crawl_run_id") or "norun"
            self.spill_path = self.spill_dir / f"spill-{self.crawler.spider.name}-{run_id}-{stamp}.jsonl"
        # Features are derived data; the replaying store computes them again.
        written = spill(self.spill_path, [{k: v for k, v in p.items() if k != "_features"} for p in postings],
                        rejections)
        self.stats.inc_value("jobcrawl/store/spilled_items", written)
        logger.error("database unavailable: %d items spilled to %s (jobcrawl db replay %s)", written,
                     self.spill_path, self.spill_path)
