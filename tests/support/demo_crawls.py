"""Every crawl of ``jobcrawl demo`` into one SQLite database, made once per test process and
shared by the tests that read it or work on copies of it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.support.crawl import crawl


class DemoCrawls:
    """The demo's crawls (:func:`crawler.demo.demo_crawls`, in their order) into one migrated
    SQLite database, made on first use.

    The five crawls take a minute or more; test_demo_sources reads their database and
    test_reparse_reproduces_crawl re-parses a copy of it, so they run once per worker instead of
    once per test module.
    """

    def __init__(self, board, folder: Path, migrated_templates):
        self.board = board
        self.folder = folder
        self.migrated_templates = migrated_templates
        self._path: Path | None = None

    def sqlite_url(self) -> str:
        """The URL of the crawled database; read only (use :meth:`sqlite_copy` to change it)."""
        from crawler.demo import demo_crawls

        if self._path is None:
            path = self.folder / "demo.db"
            url = self.migrated_templates.sqlite(path)
            for spider, arguments in demo_crawls(self.board.url):
                result = crawl(spider, dict(argument.split("=", 1) for argument in arguments), url)
                assert result.returncode == 0, (spider, result.stdout, result.stderr[-2000:])
            self._path = path
        return f"sqlite:///{self._path}"

    def sqlite_copy(self, path: Path) -> str:
        """A copy of the crawled database at ``path`` (SQLite's backup, so a reader's open WAL
        cannot leave the copy behind the original); returns its URL."""
        self.sqlite_url()
        with sqlite3.connect(self._path) as source, sqlite3.connect(path) as target:
            source.backup(target)
        source.close()
        target.close()
        return f"sqlite:///{path}"
