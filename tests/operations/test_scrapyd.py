"""Scale-out on Scrapyd: two real Scrapyd nodes on 127.0.0.1 and one real PostgreSQL; the project
egg is deployed to both, ten targets are dispatched over them, one node dies mid-way, and every
target still ends crawled once, with no posting lost or stored twice."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import typer
from sqlalchemy import func, select
from typer.testing import CliRunner

from crawler.operations.scrapyd import ScrapydDispatcher, target_of_job
from crawler.operations.scrapyd_api import ScrapydNode, ScrapydUnavailable
from crawler.operations.commands import register
from crawler.operations.scrapyd_deploy import build_egg
from crawler.operations.targets import parse_targets, project_spider_classes
from models.database import get_engine
from models.tables import Posting, Sighting
from tests.operations.sites import SiteState, ad_path, site_routes, target_toml
from tests.support.crawl import PROJECT_ROOT, runs
from tests.support.fixture_server import FixtureServer

SITES = [f"site{number}" for number in range(10)]
ADS_PER_SITE = 3
NODE_SLOTS = 2


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ScrapydProcess:
    """One Scrapyd node in its own folder and process group (so it dies like a machine)."""

    def __init__(self, folder: Path, database_url: str):
        self.folder = folder
        self.port = free_port()
        folder.mkdir(parents=True)
        (folder / "scrapyd.conf").write_text(
            "[scrapyd]\n"
            f"bind_address = 127.0.0.1\nhttp_port = {self.port}\nmax_proc = {NODE_SLOTS}\npoll_interval = 0.2\n"
            f"eggs_dir = {folder / 'eggs'}\nlogs_dir = {folder / 'logs'}\ndbs_dir = {folder / 'dbs'}\nitems_dir =\n",
            encoding="utf-8")
        environment = {**os.environ, "JOBCRAWL_DATABASE_URL": database_url}
        environment.pop("PYTHONPATH", None)  # the nodes run the deployed egg
        self.process = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=folder, env=environment,
                                        stdout=open(folder / "scrapyd.out", "wb"), stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self.node = ScrapydNode(self.url, timeout=30)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_until_up(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.node.daemon_status()
                return
            except ScrapydUnavailable:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise AssertionError(f"Scrapyd did not start:\n{(self.folder / 'scrapyd.out').read_text()[-3000:]}")
                time.sleep(0.3)

    def crash(self) -> None:
        """Kill the node and the crawls it runs at once, as when its machine goes away."""
        running = [job["pid"] for job in self.node.list_jobs("jobcrawl")["running"] if job.get("pid")]
        os.killpg(self.process.pid, signal.SIGKILL)
        for pid in running:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)


def operations_app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


@pytest.fixture
def scrapyd_nodes(tmp_path, migrated_postgres_url):
    nodes = [ScrapydProcess(tmp_path / f"node{number}", migrated_postgres_url) for number in range(2)]
    try:
        for node in nodes:
            node.wait_until_up()
        yield nodes
    finally:
        for node in nodes:
            node.stop()


def test_the_egg_carries_the_project_and_its_scrapy_settings(tmp_path):
    import zipfile

    egg = build_egg(PROJECT_ROOT, tmp_path)
    with zipfile.ZipFile(egg) as archive:
        names = set(archive.namelist())
        entry_points = archive.read("EGG-INFO/entry_points.txt").decode()
    assert {"crawler/settings.py", "crawler/spiders/jsonld.py", "pipelines/store.py", "models/tables.py",
            "crawler/parsing/data/skills.json"} <= names
    assert "[scrapy]\nsettings = crawler.settings" in entry_points
    assert not any("__pycache__" in name for name in names)


def test_ten_targets_over_two_nodes_survive_one_node_dying(tmp_path, migrated_postgres_url, scrapyd_nodes):
    deployed = CliRunner().invoke(operations_app(), ["deploy", "--scrapyd", ",".join(node.url for node in scrapyd_nodes),
                                                     "--egg-dir", str(tmp_path / "eggs")])
    assert deployed.exit_code == 0, deployed.output
    assert deployed.output.count(f"with {len(project_spider_classes())} spiders") == 2, deployed.output

    slow = SiteState(delay_seconds=0.4)  # long enough for the node to die with crawls under way
    routes = {}
    for site in SITES:
        routes.update(site_routes(site, ADS_PER_SITE, slow))
    with FixtureServer(routes) as server:
        toml = "".join(target_toml(site, f"{server.url}/{site}/sitemap.xml") for site in SITES)
        targets_file = parse_targets(toml, tmp_path / "crawl.toml", project_spider_classes())
        dispatcher = ScrapydDispatcher(targets_file, [node.url for node in scrapyd_nodes], migrated_postgres_url,
                                       slots_per_node=NODE_SLOTS, poll_seconds=0.5, down_after_failures=2)
        results = {}
        worker = threading.Thread(target=lambda: results.update(outcomes=dispatcher.run_targets(targets_file.enabled)))
        worker.start()
        doomed = scrapyd_nodes[1]
        deadline = time.monotonic() + 120
        while not [run for run in runs(migrated_postgres_url) if run.status == "running"
                   and any(a.node_url == doomed.url and a.target.name == run.target for a in list(dispatcher.assignments.values()))]:
            assert time.monotonic() < deadline, "no crawl started on the second node"
            time.sleep(0.2)
        doomed.crash()
        worker.join(timeout=300)
        assert not worker.is_alive(), "the dispatcher did not finish"

    outcomes = results["outcomes"]
    assert sorted(outcome.target for outcome in outcomes) == SITES
    assert dispatcher.lost_jobs, "the dying node lost no job"
    assert {assignment.node_url for assignment in dispatcher.lost_jobs} == {doomed.url}
    recorded = runs(migrated_postgres_url)
    for site in SITES:
        statuses = sorted(run.status for run in recorded if run.target == site)
        assert statuses.count("succeeded") == 1, (site, statuses)     # crawled once
        assert set(statuses) <= {"succeeded", "interrupted"}, (site, statuses)
    assert all(target_of_job(a.job_id) == a.target.name for a in dispatcher.lost_jobs)

    expected = {f"{server.url}{ad_path(site, number)}" for site in SITES for number in range(ADS_PER_SITE)}
    with get_engine(migrated_postgres_url).connect() as connection:
        urls = connection.execute(select(Posting.url)).scalars().all()
        sightings = connection.execute(select(func.count()).select_from(Sighting)).scalar_one()
    assert sorted(urls) == sorted(expected)   # none lost, none twice
    assert sightings == len(expected)
