"""The settings that turn the operations extensions on in a test crawl.

Once ``crawler/settings.py`` lists the monitor and ``extensions.run_outcome`` applies its verdict
(see ``.helpers/ops_wiring.md``), :func:`extension_settings` returns nothing and the crawls run
with the project's own settings. Until then it swaps in :class:`MonitoredCrawlRunRecorder`, the
recorder with the verdict applied.
"""

from __future__ import annotations

import json

from crawler.extensions import CrawlRunRecorder, run_outcome
from crawler.operations.monitors import REASONS_STAT, monitored_outcome

MONITOR = "crawler.operations.monitors.CrawlMonitor"
PROGRESS = "crawler.operations.progress.CrawlProgress"


def project_is_wired() -> bool:
    """True when the project settings and ``run_outcome`` already include the monitor."""
    from crawler import settings

    applies_verdict = run_outcome({"jobcrawl/valid_items": 1, REASONS_STAT: "x"}, "finished")[0] == "degraded"
    return applies_verdict and MONITOR in settings.EXTENSIONS and PROGRESS in settings.EXTENSIONS


def extension_settings() -> dict[str, str]:
    """``-s`` settings that enable the monitor and progress extensions (empty once wired)."""
    if project_is_wired():
        return {}
    return {"EXTENSIONS": json.dumps({
        "crawler.extensions.CrawlRunRecorder": None,
        "tests.operations.wiring.MonitoredCrawlRunRecorder": 100,
        MONITOR: 90,
        PROGRESS: 110,
    })}


class MonitoredCrawlRunRecorder(CrawlRunRecorder):
    """The run recorder with the monitor's verdict applied to the run's status."""

    def spider_closed(self, spider, reason):
        import crawler.extensions as extensions

        original = extensions.run_outcome
        extensions.run_outcome = lambda stats, *rest: monitored_outcome(*original(stats, *rest), stats)
        try:
            return super().spider_closed(spider, reason)
        finally:
            extensions.run_outcome = original
