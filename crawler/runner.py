"""Run one crawl in this process and report how it ended."""

from __future__ import annotations

import os

from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings

from crawler.operations.log_format import install_json_root_handler, json_logs_wanted


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
    settings = project_settings(overrides)
    if json_logs_wanted(settings.get("JOBCRAWL_LOG_JSON")):
        # JSON from the first line on: our handler instead of Scrapy's plain one.
        install_json_root_handler(settings.get("LOG_LEVEL"))
        settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    if settings.getbool("JOBCRAWL_MIGRATE_ON_START", True):
        # The database's migration starts now, while Scrapy loads the crawl's components (~2 s on
        # two cores), rather than once it has loaded the extensions: the spider opens only when
        # the migration has ended, and on a busy machine the child was still running then.
        from crawler.extensions import start_migration_early

        start_migration_early(settings.get("JOBCRAWL_DATABASE_URL"))
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider)
    process.crawl(crawler, **arguments)
    process.start()
    return crawler.stats.get_stats()
