"""The sample board crawled once per dialect per test process, shared by the tests that only read it."""

from __future__ import annotations

from pathlib import Path

from tests.support.crawl import crawl
from tests.support.postgres import PostgresServer


class SampleBoardCrawls:
    """The sample board crawled once per dialect per test process (per xdist worker), for tests
    that only read what the crawl stored.

    A crawl of the board takes tens of seconds; test_crawl_sample_board and the analytics package
    read the same stored board, so they share one crawl per dialect instead of one each (and
    instead of one per reordering of a package-scoped fixture). The crawl runs the parse pool
    with one worker process, as a real crawl does.
    """

    def __init__(self, board, folder: Path):
        self.board = board
        self.folder = folder
        self._urls: dict[str, str] = {}

    def database(self, dialect: str, postgres_server: PostgresServer | None = None) -> str:
        """The URL of the crawled database of ``dialect`` ("sqlite" or "postgresql")."""
        if dialect not in self._urls:
            if dialect == "sqlite":
                url = f"sqlite:///{self.folder / 'jobcrawl.db'}"
            else:
                url = postgres_server.create_database("sample_board_crawled")
            result = crawl("jsonld", {"sitemap": f"{self.board.url}/sitemap.xml"}, url,
                           {"JOBCRAWL_PARSE_WORKERS": "1"})
            assert result.returncode == 0, result.stderr[-2000:]
            self._urls[dialect] = url
        return self._urls[dialect]


def crawled_sample_board(request, sample_board_crawls: SampleBoardCrawls) -> str:
    """The crawled database of the dialect ``request.param`` names, for a fixture parametrised by dialect."""
    server = request.getfixturevalue("postgres_server") if request.param == "postgresql" else None
    return sample_board_crawls.database(request.param, server)
