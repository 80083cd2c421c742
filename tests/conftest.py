"""Shared fixtures: a real PostgreSQL server, empty and migrated databases, the sample board server,
the sample board crawled once per dialect and the demo's crawls.

The crawled databases are made once per test process (xdist worker); the files whose tests read
them are scheduled on one worker per crawl (:data:`SHARED_CRAWL_FILES`), so one worker pays for
each crawl instead of every worker."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tests.support.demo_crawls import DemoCrawls
from tests.support.migrated import MigratedTemplates, process_templates
from tests.support.postgres import PostgresServer
from tests.support.sample_board_crawls import SampleBoardCrawls

FILES = Path(__file__).parent / "files"
_database_numbers = itertools.count(1)
# The test files that read one crawl shared through the session, by crawl. ``--dist loadgroup``
# (pyproject.toml) runs each list on one worker, which crawls once; the other worker is never
# asked to crawl. A file missing here still passes, at the price of a crawl on both workers.
SHARED_CRAWL_FILES = {
    "sample_board_crawled": (   # the sample_board_crawls fixture
        "tests/test_crawl_sample_board.py", "tests/analytics/test_exports.py",
        "tests/analytics/test_questions.py", "tests/analytics/test_readme_commands.py",
        "tests/analytics/test_report.py", "tests/analytics/test_report_panels.py"),
    "demo_crawled": (           # the demo_crawls fixture
        "tests/test_demo_sources.py", "tests/reliability/test_reparse_reproduces_crawl.py"),
}


# Files that take a minute or more (a fresh-clone suite run, 2 workers, at load 3-10: 70-230 s
# each) but hold few tests, so that ordering by test count would hand them out last and leave
# one worker idle while the other finishes one; they go out first, longest first.
LONG_FILES = (
    "tests/operations/test_scrapyd.py", "tests/test_demo_folder.py", "tests/spiders/test_rss.py",
    "tests/analytics/test_partitioned_since_export.py", "tests/reliability/test_database_faults.py",
    "tests/spiders/test_arbeitsagentur.py", "tests/reliability/test_database_guards.py",
    "tests/parsing/test_linear_time.py", "tests/test_incremental.py", "tests/test_benchmarks_run.py",
    "tests/test_ftfy_fast_path.py", "tests/reliability/test_security_defaults.py",
    "tests/analytics/test_export_filter_values.py", "tests/reliability/test_concurrent_writers.py",
    "tests/analytics/test_bench_export.py",  # 2 tests, 32 s: the last file of a fresh-clone run
)


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist, absent under -p no:xdist
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadgroup`` by file, with :data:`SHARED_CRAWL_FILES` as groups.

    xdist groups by ``xdist_group`` marks by appending the group to each test's node id, which
    pytest 9.2's structured node ids no longer carry (pytest-dev/pytest-xdist#1386): every test
    was scheduled on its own. The groups are therefore made here, from the node ids' files. Every
    other file is one unit of work, so a module-scoped crawl fixture runs on one worker only
    (``--dist load`` split a file's tests over both workers, and both crawled). The groups go out
    first, then :data:`LONG_FILES`, then the other files, most tests first."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    group_of_file = {path: group for group, paths in SHARED_CRAWL_FILES.items() for path in paths}
    first = [*SHARED_CRAWL_FILES, *LONG_FILES]

    class SharedCrawlScheduling(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return group_of_file.get(path, path)

        def _assign_work_unit(self, node) -> None:
            waiting = [unit for unit in first if unit in self.workqueue]
            if waiting:
                self.workqueue.move_to_end(waiting[0], last=False)
            super()._assign_work_unit(node)

    return SharedCrawlScheduling(config, log)


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


@pytest.fixture(scope="session")
def demo_crawls(sample_board, tmp_path_factory, migrated_templates) -> DemoCrawls:
    """The demo's crawls in one SQLite database, made on first use."""
    return DemoCrawls(sample_board, tmp_path_factory.mktemp("demo-crawled"), migrated_templates)
