"""Shared fixtures: a real PostgreSQL server, empty and migrated databases, the sample board server
and the sample board crawled once per dialect."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tests.support.migrated import MigratedTemplates, process_templates
from tests.support.postgres import PostgresServer
from tests.support.sample_board_crawls import SampleBoardCrawls

FILES = Path(__file__).parent / "files"
_database_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server():
    """One PostgreSQL server for the whole session; failing to start fails the tests."""
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A fresh, empty PostgreSQL database."""
    return postgres_server.create_database(f"jobcrawl_test_{next(_database_numbers)}")


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """A fresh, empty SQLite database file."""
    return f"sqlite:///{tmp_path / 'jobcrawl.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """A fresh database of each dialect."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'jobcrawl.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="session")
def migrated_templates() -> MigratedTemplates:
    """Templates migrated once per session (per xdist worker); see tests/support/migrated.py."""
    return process_templates()


@pytest.fixture
def migrated_sqlite_url(tmp_path, migrated_templates) -> str:
    """A fresh SQLite database file at the newest schema (a copy of a migrated template)."""
    return migrated_templates.sqlite(tmp_path / "jobcrawl.db")


@pytest.fixture
def migrated_postgres_url(postgres_server, migrated_templates) -> str:
    """A fresh PostgreSQL database at the newest schema (a copy of a migrated template)."""
    return migrated_templates.postgresql(postgres_server, f"jobcrawl_test_{next(_database_numbers)}")


@pytest.fixture(params=["sqlite", "postgresql"])
def migrated_database_url(request, tmp_path, migrated_templates) -> str:
    """A fresh database of each dialect at the newest schema, as ``upgrade(database_url)`` leaves it."""
    if request.param == "sqlite":
        return migrated_templates.sqlite(tmp_path / "jobcrawl.db")
    return request.getfixturevalue("migrated_postgres_url")


@pytest.fixture(scope="session")
def sample_board():
    """The bundled sample board served on 127.0.0.1."""
    from crawler.sample_board.server import serve

    with serve() as server:
        yield server


@pytest.fixture(scope="session")
def sample_board_crawls(sample_board, tmp_path_factory) -> SampleBoardCrawls:
    """The sample board's crawled databases, each made on first use; read only."""
    return SampleBoardCrawls(sample_board, tmp_path_factory.mktemp("sample-board-crawled"))
