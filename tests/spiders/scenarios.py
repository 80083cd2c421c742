"""Crawl scenarios for the spider tests: each scenario is one real ``jobcrawl crawl`` run against
its own fixture server and its own SQLite database. A few scenarios of a spider run side by side
(a crawl is a subprocess that spends much of its time starting up), so a test module pays for a
few crawls, not one per scenario."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from tests.support.crawl import CrawlResult, crawl, postings, rejections, runs
from tests.support.fixture_server import FixtureServer, Reply
from tests.support.migrated import migrated_sqlite

FILES = Path(__file__).resolve().parents[1] / "files"
PARALLEL_CRAWLS = 4
CRAWL_TIMEOUT = 300  # seconds; generous because a loaded CI machine runs several test workers
SCENARIO_SETTINGS = {
    # A fixture crawl has a handful of ads: parsing them inline spares each crawl a worker pool to
    # start (the PostgreSQL crawl tests keep the default pool).
    "JOBCRAWL_PARSE_WORKERS": "0",
    # The monitors grade a run by its rates: a fixture board of four ads with one deliberately bad
    # ad is a 25% rejection rate. The run status under test here is the spider's own verdict.
    "JOBCRAWL_MONITOR_ENABLED": "False",
}


@dataclass
class Scenario:
    """Routes of the fixture server and spider arguments (``base_url`` is added)."""

    routes: dict[str, Reply]
    arguments: dict[str, str]
    settings: dict[str, str] = field(default_factory=dict)


@dataclass
class ScenarioRun:
    """What one crawl left behind: its exit, the requests it made and the database."""

    result: CrawlResult
    database_url: str
    requests: list[str]
    request_headers: list[dict[str, str]]

    @cached_property
    def postings(self) -> dict[str, Any]:
        """Stored postings by ``source_id``."""
        return {row.source_id: row for row in postings(self.database_url)}

    @cached_property
    def run(self) -> Any:
        """The one ``crawl_runs`` row of the crawl."""
        [only] = runs(self.database_url)
        return only

    @cached_property
    def rejections(self) -> list[Any]:
        return rejections(self.database_url)

    @property
    def stats(self) -> dict[str, Any]:
        return self.run.stats


def run_scenarios(spider: str, scenarios: dict[str, Scenario], folder: Path,
                  database_urls: dict[str, str] | None = None) -> dict[str, ScenarioRun]:
    """Crawl every scenario with ``spider`` at the same time; one migrated SQLite file each in
    ``folder`` unless ``database_urls`` names another database for a scenario."""
    servers = {name: FixtureServer(scenario.routes).__enter__() for name, scenario in scenarios.items()}
    try:
        def one(name: str) -> ScenarioRun:
            scenario, server = scenarios[name], servers[name]
            # A copy of a migrated database, as the crawl's own migration would leave it: the
            # seconds that migration takes are spent once per test process, not once per crawl.
            database_url = (database_urls or {}).get(name) or migrated_sqlite(folder / f"{name}.db")
            result = crawl(spider, {**scenario.arguments, "base_url": server.url}, database_url,
                           settings={**SCENARIO_SETTINGS, **scenario.settings}, timeout=CRAWL_TIMEOUT)
            return ScenarioRun(result, database_url, list(server.requests), list(server.request_headers))

        with ThreadPoolExecutor(max_workers=min(PARALLEL_CRAWLS, len(scenarios))) as pool:
            return dict(zip(scenarios, pool.map(one, scenarios)))
    finally:
        for server in servers.values():
            server.__exit__(None, None, None)


def json_reply(path: Path, status: int = 200) -> Reply:
    """A saved JSON answer, served as the APIs serve it."""
    return Reply(path, status=status, content_type="application/json; charset=utf-8")
