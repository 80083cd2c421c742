"""Scrapy settings for jobcrawl: every setting lives here; spiders change them only in
``custom_settings``. Secrets and the database URL come from the environment."""

import os

from scrapy.settings import default_settings as _scrapy_defaults

BOT_NAME = "jobcrawl"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

JOBCRAWL_CONTACT = os.environ.get("JOBCRAWL_CONTACT", "https://github.com/jobcrawl/jobcrawl")
USER_AGENT = f"jobcrawl/0.1 (+{JOBCRAWL_CONTACT})"

# Polite by default.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
# Output of one response processed in parallel: a detail page yields one ad (rarely a few), so
# Scrapy's default of 100 only created idle tasks per response; more output is handled in turn.
CONCURRENT_ITEMS = 4
# Responses waiting for the parser workers (counted by body size) before Scrapy starts no more
# downloads: 2 MB is ~40 bench-board pages, more than the two batches per worker the parse pool
# keeps queued; Scrapy's 5 MB held ~100 pages (with their decoded text) for nothing (issue 15).
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 2_000_000
DOWNLOAD_DELAY = 0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# 429 and 503 are retried after the server's Retry-After (or with back-off), capped in seconds.
# A redirect to javascript:/mailto:… is logged in one line before RedirectMiddleware (600) sees it.
DOWNLOADER_MIDDLEWARES = {"crawler.middlewares.RetryAfterMiddleware": 560,
                          "crawler.middlewares.NonHttpRedirectMiddleware": 650}
JOBCRAWL_RETRY_AFTER_MAX = 120
JOBCRAWL_RETRY_BACKOFF_SECONDS = 1.0
# Re-crawls skip ad pages whose listing entry (fingerprint, sitemap lastmod) shows no change.
JOBCRAWL_INCREMENTAL = True
# Sitemap indexes may nest or chain without end: bound the depth and the number of nested sitemaps.
JOBCRAWL_SITEMAP_MAX_DEPTH = 5
JOBCRAWL_SITEMAP_MAX_REQUESTS = 1000
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False

# Security: no local files, no data: URLs, no S3, no telnet console.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # Scrapy 2.19 would open an HTTP console that runs code
DOWNLOAD_HANDLERS = {"file": None, "data": None, "s3": None, "ftp": None}

# Pages and postings are read, repaired, parsed and validated in the parser workers, in batches
# (pipelines/parse.py, a spider middleware: one page can give several ads); the item pipelines
# get finished postings and rejections, so the crawl process only downloads and stores.
SPIDER_MIDDLEWARES = {"pipelines.parse.ParseMiddleware": 50}
ITEM_PIPELINES = {
    "pipelines.dedupe.ExactDedupePipeline": 200,
    "pipelines.store.StorePipeline": 500,
}
EXTENSIONS = {
    # A JOBDIR left by a killed crawl is set aside (its queue was lost, its seen-requests were not).
    "crawler.jobdir.UncleanJobdirGuard": 80,
    # The monitor's spider_closed runs before the recorder's: its verdict decides the run's status.
    "crawler.operations.monitors.CrawlMonitor": 90,
    "crawler.extensions.CrawlRunRecorder": 100,
    "crawler.operations.progress.CrawlProgress": 110,
    # A dead, slow or disconnecting server: one log line per URL, no traceback.
    "crawler.operations.network_log.NetworkFailureLog": 120,
    # Last to open: what the crawl process built until then is frozen out of the collector's passes.
    "crawler.heap.FreezeStartupObjects": 900,
}
# Scrapy's own extensions but its remote console (off, REMOTE_CONTROL_ENABLED above): Scrapy imports
# every extension it is given to find out whether it is on, and that one brings aiohttp and an SSL
# context: ~0.1 s CPU and 8 MB in the crawl process for nothing (issue 15). Naming it with None in
# EXTENSIONS does not help: Scrapy imports every name there too.
EXTENSIONS_BASE = {name: order for name, order in _scrapy_defaults.EXTENSIONS_BASE.items()
                   if name != "scrapy.extensions.remote_control.RemoteControl"}

# Monitors at spider close (crawler/operations/monitors.py).
JOBCRAWL_MONITOR_ENABLED = True
JOBCRAWL_MONITOR_MAX_ERROR_RATE = 0.10      # ERROR log lines per request sent
JOBCRAWL_MONITOR_MAX_REJECTION_RATE = 0.20  # rejected pages per page read (valid + rejected)
JOBCRAWL_MONITOR_FILL_RATE_DROP = 0.30      # fall of a field's fill rate below the recent lowest
JOBCRAWL_MONITOR_HISTORY_RUNS = 5           # recent succeeded runs of the same target compared with
JOBCRAWL_MONITOR_MIN_ITEMS = 10             # runs with fewer valid items are not compared
JOBCRAWL_MONITOR_IGNORE_FIELDS = []         # per target: fields whose change was accepted

# Progress and logs (crawler/operations/progress.py, log_format.py).
JOBCRAWL_PROGRESS = os.environ.get("JOBCRAWL_PROGRESS", "auto")  # auto, live, log or off
JOBCRAWL_PROGRESS_INTERVAL = 30.0           # seconds between plain progress lines
JOBCRAWL_LOG_JSON = os.environ.get("JOBCRAWL_LOG_JSON", "")      # 1: one JSON object per log record

# Database and store.
JOBCRAWL_DATABASE_URL = os.environ.get("JOBCRAWL_DATABASE_URL")  # None: sqlite:///jobcrawl.db
# Each queued ad holds its raw page (30-80 KB on the bench board) until its batch is written: 100
# rather than 200 kept the crawl process 14-16 MB smaller at the same speed (issue 15).
JOBCRAWL_STORE_BATCH_SIZE = 100
JOBCRAWL_STORE_FLUSH_SECONDS = 2.0
JOBCRAWL_STORE_QUEUE_SIZE = 1000  # items (with their raw pages) waiting for the writer
JOBCRAWL_MIGRATE_ON_START = True
JOBCRAWL_PARSE_WORKERS = -1  # parser processes: -1 = one per core but one, 0 = parse inline
JOBCRAWL_PARSE_BUDGET_SECONDS = 30.0  # one ad parsing longer is rejected ("parse took longer than N s"); 0 = no limit
JOBCRAWL_PARSE_BATCH_SIZE = 32  # ads per message to a parser worker
JOBCRAWL_PARSE_BATCH_SECONDS = 0.05  # longest wait for a batch to fill
JOBCRAWL_STORE_RETRIES = 5
JOBCRAWL_STORE_RETRY_SECONDS = 1.0
JOBCRAWL_SPILL_DIR = os.environ.get("JOBCRAWL_SPILL_DIR", "spill")
JOBCRAWL_TARGET = None  # the crawl.toml target name, set by the scheduler

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = os.environ.get("JOBCRAWL_LOG_LEVEL", "INFO")
