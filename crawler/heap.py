"""The crawl process's long-lived objects kept out of Python's garbage collector's full passes.

By the time a spider opens, the crawl process holds some 160,000 objects that live as long as the
crawl: the modules of Scrapy, Twisted, SQLAlchemy, numpy and jobcrawl, the settings, the
middlewares, the store. Python's cyclic collector walks every one of them on each full
(generation 2) pass, and with its default thresholds (a pass of the youngest generation every 700
allocations) the reactor's many short-lived objects (deferreds, requests, responses) trigger such
passes again and again: on the 1,500-page bench board 1,585 young, 144 middle and 12 full passes
(~150 ms each) took 2.4 s of the crawl process's CPU, about a quarter of it, each pass stalling
downloads and holding the store thread off the GIL (issue 15).

:class:`FreezeStartupObjects` collects once when the spider opens, moves what survives into the
collector's permanent generation (:func:`gc.freeze`), so later passes walk only what the crawl
itself creates, and lets the youngest generation grow to :data:`YOUNG_THRESHOLD` objects before a
pass: most of the reactor's objects are then freed by reference counting before any pass sees
them. Same crawl: 92 young, 4 middle and 1 full pass, 0.9 s. Objects frozen are still freed by
reference counting; only garbage cycles among them would outlive the crawl, and the collection
just before freezing leaves none.
"""

from __future__ import annotations

import gc

from scrapy import signals

YOUNG_THRESHOLD = 10_000
"""Allocations (less deallocations) between passes of the youngest generation (Python's default: 700)."""
OLDER_THRESHOLD = 20
"""Passes of a generation between passes of the next older one (Python's default: 10)."""


class FreezeStartupObjects:
    """Collects and freezes the crawl process's objects once the spider has opened, and makes
    the collector's passes rarer from then on."""

    def __init__(self, crawler):
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_opened(self, spider=None):
        gc.collect()
        gc.freeze()
        gc.set_threshold(YOUNG_THRESHOLD, OLDER_THRESHOLD, OLDER_THRESHOLD)
