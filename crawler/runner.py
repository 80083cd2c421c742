"""Run one crawl in this process and report how it ended."""

from __future__ import annotations

import os

from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings


def project_settings(overrides: dict[str, str] | None = None):
    """Scrapy settings of this project with command-line overrides applied."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    settings = get_project_settings()
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def run_crawl(spider: str, arguments: dict[str, str], overrides: dict[str, str] | None = None) -> dict:
    """Crawl with ``spider`` and its arguments; returns the final Scrapy stats.

    Scrapy's reactor cannot be restarted, so call this once per process.
    """
    process = CrawlerProcess(project_settings(overrides))
    crawler = process.create_crawler(spider)
    process.crawl(crawler, **arguments)
    process.start()
    return crawler.stats.get_stats()
