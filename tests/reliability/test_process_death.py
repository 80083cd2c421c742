"""Process death: a crawl killed with ``kill -9`` at a random (seeded) moment, then run again.

Right after the kill the database is consistent (each batch is one transaction: no posting
without its sighting or skills, no sighting without its posting); after the re-run it holds the
same postings as an uninterrupted crawl, none twice. With ``JOBDIR`` the re-run resumes: after a
clean stop (SIGTERM) from Scrapy's saved queue, after ``kill -9`` from the start, because
:class:`crawler.jobdir.UncleanJobdirGuard` sets the dead crawl's state aside.
"""

from __future__ import annotations

import random
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from crawler.runner import project_settings
from tests.reliability.crawl_process import CrawlOutcome, CrawlProcess, record
from tests.reliability.database_checks import consistency_problems
from tests.reliability.job_pages import job_page, sitemap
from tests.support.crawl import postings, runs, sightings
from tests.support.fault_server import FaultServer, Page
from tests.support.migrated import migrated_sqlite

pytestmark = pytest.mark.timeout(900)  # crawl fixtures share two cores with the rest of the suite

ADS = 200
SEED = 20261122
GUARD = "crawler.jobdir.UncleanJobdirGuard"
SETTINGS = {"JOBCRAWL_PARSE_WORKERS": "0", "JOBCRAWL_STORE_BATCH_SIZE": "25", "LOG_LEVEL": "INFO"}


def board() -> FaultServer:
    server = FaultServer({f"/jobs/{number}": Page(job_page(number), delay=0.02) for number in range(ADS)})
    server.routes["/sitemap.xml"] = Page(sitemap([f"{{{{BASE_URL}}}}/jobs/{number}" for number in range(ADS)]),
                                         content_type="application/xml")
    return server


@dataclass
class Interrupted:
    """A crawl stopped at a seeded moment, what it left, and the run after it."""

    stopped_after_pages: int
    stored_when_stopped: int
    problems_when_stopped: dict[str, int]
    rerun: CrawlOutcome
    rerun_requests: int
    database_url: str


def interrupt_and_rerun(folder: Path, name: str, stop_at: int, jitter: float, *, signal: str = "kill",
                        settings: dict[str, str] | None = None) -> Interrupted:
    database_url = migrated_sqlite(folder / f"{name}.db")
    settings = {**SETTINGS, **(settings or {})}
    with board() as server:
        arguments = {"sitemap": f"{server.url}/sitemap.xml"}
        crawl = CrawlProcess("jsonld", arguments, database_url, settings)
        deadline = time.monotonic() + 120
        while server.count("/jobs/") < stop_at:
            assert crawl.popen.poll() is None and time.monotonic() < deadline, crawl.output_so_far()[-3000:]
            time.sleep(0.005)
        time.sleep(jitter)
        if signal == "kill":
            crawl.kill()
        else:
            crawl.terminate()
            first = crawl.wait(120)
            assert first.returncode == 1 and "interrupted" in first.stderr, first.output[-2000:]
        stored, problems = len(postings(database_url)), consistency_problems(database_url)
        before = len(server.requests)
        rerun = CrawlProcess("jsonld", arguments, database_url, settings).wait(180)
        return Interrupted(stop_at, stored, problems, rerun, len(server.requests) - before, database_url)


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("death")
    moments = random.Random(SEED)
    plans = {name: (moments.randint(ADS // 5, 3 * ADS // 4), moments.uniform(0, 0.3))
             for name in ("kill", "kill_jobdir", "sigterm_jobdir")}

    def reference() -> tuple[CrawlOutcome, str]:
        database_url = migrated_sqlite(folder / "reference.db")
        with board() as server:
            return CrawlProcess("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, database_url, SETTINGS).wait(180), \
                database_url

    with ThreadPoolExecutor(4) as pool:
        futures = {
            "reference": pool.submit(reference),
            "kill": pool.submit(interrupt_and_rerun, folder, "kill", *plans["kill"]),
            "kill_jobdir": pool.submit(interrupt_and_rerun, folder, "kill_jobdir", *plans["kill_jobdir"],
                                       settings={"JOBDIR": str(folder / "jobdir-kill")}),
            "sigterm_jobdir": pool.submit(interrupt_and_rerun, folder, "sigterm_jobdir", *plans["sigterm_jobdir"],
                                          signal="term", settings={"JOBDIR": str(folder / "jobdir-term")}),
        }
        results = {name: future.result() for name, future in futures.items()}
    for name in ("kill", "kill_jobdir", "sigterm_jobdir"):
        run = results[name]
        record(f"process death: {name.replace('_', ' + ')}", ads=ADS, stopped_after_pages=run.stopped_after_pages,
               stored_when_stopped=run.stored_when_stopped,
               inconsistent_rows=sum(run.problems_when_stopped.values()),
               rerun_requests=run.rerun_requests, stored_after_rerun=len(postings(run.database_url)),
               lost=ADS - len(postings(run.database_url)),
               doubled=len(sightings(run.database_url)) - len(postings(run.database_url)))
    return results


def posting_urls(database_url: str) -> list[str]:
    return sorted(row.url.rsplit("/jobs/", 1)[1] for row in postings(database_url))


def test_the_reference_crawl_stores_every_ad(scenarios):
    outcome, database_url = scenarios["reference"]
    assert outcome.returncode == 0, outcome.output[-2000:]
    assert posting_urls(database_url) == sorted(str(number) for number in range(ADS))


@pytest.mark.parametrize("name", ["kill", "kill_jobdir", "sigterm_jobdir"])
def test_the_database_is_consistent_right_after_the_stop(scenarios, name):
    run = scenarios[name]
    assert 0 < run.stored_when_stopped < ADS or name == "sigterm_jobdir"
    assert run.problems_when_stopped == dict.fromkeys(run.problems_when_stopped, 0)


@pytest.mark.parametrize("name", ["kill", "kill_jobdir", "sigterm_jobdir"])
def test_the_rerun_ends_with_the_postings_of_an_uninterrupted_crawl(scenarios, name):
    run = scenarios[name]
    assert run.rerun.returncode == 0, run.rerun.output[-3000:]
    _outcome, reference_url = scenarios["reference"]
    assert posting_urls(run.database_url) == posting_urls(reference_url)
    assert len(sightings(run.database_url)) == ADS
    assert consistency_problems(run.database_url) == dict.fromkeys(consistency_problems(run.database_url), 0)


def test_the_rerun_marks_the_killed_run_interrupted_and_succeeds(scenarios):
    killed, rerun = runs(scenarios["kill"].database_url)
    # The killed crawl could not record its end; the next crawl on this host sees its process gone.
    assert killed.status == "interrupted" and "ended without recording the end of the run" in killed.reason
    assert f"crawl run {killed.id} was left running by a process that no longer exists" in scenarios["kill"].rerun.stderr
    assert rerun.status == "succeeded" and rerun.items == ADS


def test_a_resume_after_sigterm_fetches_only_what_was_left(scenarios):
    run = scenarios["sigterm_jobdir"]
    first, resumed = runs(run.database_url)
    assert first.status == "interrupted"
    assert run.stored_when_stopped > 0
    # Scrapy's saved queue: the resume asks only for the pages the first run had not fetched.
    assert run.rerun_requests <= ADS - run.stopped_after_pages + 10
    assert "did not stop cleanly" not in run.rerun.stderr


def test_a_resume_after_kill_starts_over_instead_of_skipping_pages(scenarios):
    run = scenarios["kill_jobdir"]
    assert "did not stop cleanly (killed or crashed)" in run.rerun.stderr
    assert run.rerun_requests >= ADS  # the sitemap and every page again, none skipped as "seen"
    [aside] = list((Path(run.database_url.removeprefix("sqlite:///")).parent / "jobdir-kill").glob("interrupted-*"))
    assert (aside / "requests.seen").exists()


def test_the_jobdir_guard_is_on_by_default():
    assert GUARD in project_settings().getdict("EXTENSIONS")
