"""Store postings and rejections in batches, on a writer thread, off the reactor.

Items are queued; the writer thread flushes a batch when it reaches
``JOBCRAWL_STORE_BATCH_SIZE`` items or ``JOBCRAWL_STORE_FLUSH_SECONDS`` have passed, and
once more when the spider closes. A slow database therefore never stalls downloads (until the
bounded queue is full, which is the back-pressure that keeps memory bounded).

A batch the database refuses is retried with exponential back-off
(``JOBCRAWL_STORE_RETRIES``, ``JOBCRAWL_STORE_RETRY_SECONDS``); if the database stays away, the
batch goes to a spill file in ``JOBCRAWL_SPILL_DIR`` and the run ends ``failed`` naming the file,
which ``jobcrawl db replay FILE`` loads later. Nothing is lost and nothing is stored twice.
Once a batch has been spilled, later batches try the database once per probe interval (doubling,
up to five minutes) and are spilled at once otherwise, so an outage does not slow the crawl.

If the spill file cannot be written either (disk full), the crawl stops fetching with one line
saying so; the writer keeps draining the queue (so the crawl can never hang on it) and counts
what it could neither store nor spill in ``jobcrawl/store/lost_items``, which the run's reason
states beside the number spilled.
"""

from __future__ import annotations

import dataclasses
import logging
import queue
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from crawler.items import SCHEMA_FIELDS, JobPosting, RejectedPage, SeenAgain
from crawler.parsing.posting import PARSER_VERSION
from crawler.store.posting_store import PostingStore
from crawler.store.spill import SpillWriteError, spill, write_run_end
from models.database import get_engine

logger = logging.getLogger(__name__)
_STOP = object()
MAX_PROBE_SECONDS = 300.0


class StorePipeline:
    """Queues items for the writer thread; counts new, updated and rejected in stats."""

    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.database_url = settings.get("JOBCRAWL_DATABASE_URL")
        self.batch_size = settings.getint("JOBCRAWL_STORE_BATCH_SIZE", 100)
        self.flush_seconds = settings.getfloat("JOBCRAWL_STORE_FLUSH_SECONDS", 2.0)
        self.queue: queue.Queue = queue.Queue(maxsize=settings.getint("JOBCRAWL_STORE_QUEUE_SIZE", 5000))
        self.retries = settings.getint("JOBCRAWL_STORE_RETRIES", 5)
        self.retry_seconds = settings.getfloat("JOBCRAWL_STORE_RETRY_SECONDS", 1.0)
        self.spill_dir = Path(settings.get("JOBCRAWL_SPILL_DIR") or "spill")
        self.spill_path: Path | None = None
        self.thread: threading.Thread | None = None
        self.failure: BaseException | None = None
        self.outage_since: float | None = None  # monotonic time the database went away, while it is
        self.next_probe = 0.0
        self.probe_interval = 0.0
        self.spill_broken: OSError | None = None

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
            spilled = self.stats.get_value("jobcrawl/store/spilled_items", 0)
            if self.spill_path is not None and spilled:
                message += (f"; {spilled} items spilled to "
                            f"{self.spill_path} — load them with: jobcrawl db replay {self.spill_path}")
            lost = self.stats.get_value("jobcrawl/store/lost_items", 0)
            if lost:
                why = self.spill_broken.strerror if self.spill_broken else "see the log"
                message += f"; {lost} items lost: neither stored nor spilled ({why})"
            self.stats.set_value("jobcrawl/store/failure", message)
            if self.spill_path is not None:
                try:
                    write_run_end(self.spill_path, self.stats.get_value("jobcrawl/crawl_run_id"), "failed",
                                  f"store failed: {message}", datetime.now(timezone.utc))
                except OSError as error:
                    logger.error("could not note the end of the run in %s: %s", self.spill_path, error)

    def process_item(self, item):
        if isinstance(item, JobPosting):
            # A shallow copy: dataclasses.asdict deep-copies every value (2 ms of the reactor's time
            # per ad, issue 15), and nothing else holds the item's values once it is queued.
            payload = {name: getattr(item, name) for name in SCHEMA_FIELDS}
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
                    try:
                        self._flush(postings, rejections, touches)
                    except Exception as error:  # the writer must outlive any batch, or the queue fills and the crawl hangs
                        logger.exception("store writer: a batch of %d items could not be handled", len(postings) + len(rejections))
                        self._lose(len(postings) + len(rejections), error)
                postings, rejections, touches = [], [], []
                deadline = time.monotonic() + self.flush_seconds
        # The crawl process's CPU is the reactor's plus this thread's: the split shows which of
        # the two a crawl's cost per page is in (bench_crawl reports it per page).
        self.stats.set_value("jobcrawl/store/writer_cpu_seconds", round(time.thread_time(), 3))

    def _flush(self, postings: list[dict], rejections: list[dict], touches: list[dict] = ()) -> None:
        run_id = self.stats.get_value("jobcrawl/crawl_run_id")
        scope = getattr(self.crawler.spider, "listing_scope", None)
        if self.spill_broken:
            self._lose(len(postings) + len(rejections), self.failure)  # the crawl is already stopping
            return
        # While the database is known to be away, a batch gets one try per probe interval and
        # then goes to the spill file at once: the crawl does not wait out a full retry budget
        # for every batch (back-off across batches, not within each).
        outage = self.outage_since is not None
        if outage and time.monotonic() < self.next_probe:
            self._spill(postings, rejections, self.failure)
            return
        attempts = 1 if outage else self.retries + 1
        for attempt in range(attempts):
            try:
                # The store pops transport keys from the dicts; hand it copies so a retry or a
                # spill still has the raw pages.
                result = self.store.write([dict(p) for p in postings], [dict(r) for r in rejections],
                                          crawl_run_id=run_id, scope=scope, touches=touches)
                break
            except Exception as error:
                self.stats.inc_value("jobcrawl/store/retries")
                if attempt == attempts - 1:
                    self._database_away(error)
                    self._spill(postings, rejections, error)
                    return
                delay = self.retry_seconds * 2 ** attempt
                logger.warning("database write failed (%s: %s); retry %d of %d in %.1f s", type(error).__name__,
                               str(error).splitlines()[0][:200], attempt + 1, self.retries, delay)
                time.sleep(delay)
        if outage:
            logger.warning("database writable again after %.0f s; storing, no longer spilling",
                           time.monotonic() - self.outage_since)
            self.outage_since = None
        self.stats.inc_value("jobcrawl/store/new_postings", result.new_postings)
        self.stats.inc_value("jobcrawl/store/updated_postings", result.updated_postings)
        self.stats.inc_value("jobcrawl/store/unchanged", result.unchanged)
        self.stats.inc_value("jobcrawl/store/matched", result.matched)
        self.stats.inc_value("jobcrawl/store/reposts", result.reposts)
        self.stats.inc_value("jobcrawl/store/rejected", result.rejected)
        self.stats.inc_value("jobcrawl/store/touched", result.touched)
        self.stats.inc_value("jobcrawl/store/isolated", result.isolated)

    def _database_away(self, error: BaseException) -> None:
        """Start (or extend) an outage: the next batch tries the database after a growing interval."""
        if self.outage_since is None:
            self.outage_since = time.monotonic()
            self.probe_interval = self.retry_seconds * 2 ** self.retries
        else:
            self.probe_interval = min(self.probe_interval * 2, MAX_PROBE_SECONDS)
        self.next_probe = time.monotonic() + self.probe_interval

    def _spill(self, postings: list[dict], rejections: list[dict], error: BaseException) -> None:
        self.failure = error
        if self.spill_path is None:
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
            run_id = self.stats.get_value("jobcrawl/crawl_run_id") or "norun"
            self.spill_path = self.spill_dir / f"spill-{self.crawler.spider.name}-{run_id}-{stamp}.jsonl"
        # Features are derived data; the replaying store computes them again.
        try:
            written = spill(self.spill_path, [{k: v for k, v in p.items() if k != "_features"} for p in postings],
                            rejections)
        except SpillWriteError as spill_error:
            self.stats.inc_value("jobcrawl/store/spilled_items", spill_error.written)
            self._lose(len(postings) + len(rejections) - spill_error.written, spill_error)
            self._stop_crawl(spill_error)
            return
        self.stats.inc_value("jobcrawl/store/spilled_items", written)
        logger.error("database unavailable: %d items spilled to %s (jobcrawl db replay %s)", written,
                     self.spill_path, self.spill_path)

    def _lose(self, count: int, error: BaseException | None) -> None:
        if count:
            self.stats.inc_value("jobcrawl/store/lost_items", count)
        if error is not None and self.failure is None:
            self.failure = error

    def _stop_crawl(self, spill_error: OSError) -> None:
        """Neither the database nor the spill folder takes items: stop fetching (once)."""
        if self.spill_broken:
            return
        self.spill_broken = spill_error
        logger.error("stopping the crawl: the database is unavailable and the spill folder %s cannot be "
                     "written (%s); no more pages are fetched", self.spill_dir, spill_error.strerror)
        from scrapy.utils.defer import deferred_from_coro
        from twisted.internet import reactor  # the running one; imported late so no default one is installed

        engine = self.crawler.engine
        reactor.callFromThread(lambda: deferred_from_coro(engine.close_spider_async(reason="store_failed")))
