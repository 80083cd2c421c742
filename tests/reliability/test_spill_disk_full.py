"""Issue 13, findings 6 and 16: the store when the database refuses every batch.

- With the spill folder on a full disk too (a 64 KiB tmpfs), the crawl stops fetching, says so in
  one line, ends (never hangs on the full queue), the run is ``failed`` and its account is exact:
  stored + spilled + lost = the items that reached the store.
- While the database is away, batches after the first are spilled at once (one try per probe
  interval), not after a full retry budget each.

The database "fails" through a trigger that raises SQLSTATE 08006 (connection failure) on every
write to ``sightings``: the store sees exactly what a lost connection gives it, while the run
recorder can still close the run's row, so the account can be read back.
"""

from __future__ import annotations

import subprocess
import time

import pytest
from sqlalchemy import inspect, text

from crawler.store.spill import SpillDamage, read_spill
from models.database import get_engine
from tests.reliability.crawl_process import CrawlProcess, run_crawl
from tests.reliability.job_pages import job_page, sitemap
from tests.support.crawl import runs, sightings
from tests.support.fault_server import FaultServer, Page

pytestmark = pytest.mark.timeout(400)
SETTINGS = {"JOBCRAWL_STORE_BATCH_SIZE": "20", "JOBCRAWL_STORE_FLUSH_SECONDS": "0.3", "LOG_LEVEL": "INFO"}
REFUSE_WRITES = [
    "CREATE FUNCTION refuse_writes() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'storage offline' USING ERRCODE = '08006'; END $$",
    "CREATE TRIGGER refuse_writes BEFORE INSERT OR UPDATE ON sightings "
    "FOR EACH STATEMENT EXECUTE FUNCTION refuse_writes()",
]


def board(ads: int, delay: float) -> FaultServer:
    server = FaultServer({f"/jobs/{number}": Page(job_page(number), delay=delay) for number in range(ads)})
    server.routes["/sitemap.xml"] = Page(sitemap([f"{{{{BASE_URL}}}}/jobs/{number}" for number in range(ads)]),
                                         content_type="application/xml")
    return server


def refuse_writes(database_url: str) -> None:
    with get_engine(database_url).begin() as connection:
        for statement in REFUSE_WRITES:
            connection.execute(text(statement))


def stored_count(database_url: str) -> int:
    with get_engine(database_url).connect() as connection:
        if not inspect(connection).has_table("sightings"):
            return 0
        return connection.execute(text("SELECT count(*) FROM sightings")).scalar_one()


def spilled_records(spill_dir) -> tuple[int, list[SpillDamage]]:
    damaged: list[SpillDamage] = []
    count = sum(len(p) + len(r) for path in spill_dir.glob("*.jsonl") for p, r in read_spill(path, damaged=damaged))
    return count, damaged


@pytest.fixture
def full_disk(tmp_path):
    folder = tmp_path / "spill"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], check=True)
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def test_database_and_spill_folder_both_failing_stop_the_crawl_with_an_exact_account(migrated_postgres_url, full_disk):
    ads = 400
    with board(ads, delay=0.05) as server:
        crawl = CrawlProcess("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, migrated_postgres_url,
                             {**SETTINGS, "JOBCRAWL_STORE_RETRIES": "1", "JOBCRAWL_STORE_RETRY_SECONDS": "0.1",
                              "JOBCRAWL_SPILL_DIR": str(full_disk)})
        deadline = time.monotonic() + 60
        while stored_count(migrated_postgres_url) < 40:  # two batches kept before the database goes away
            assert crawl.popen.poll() is None and time.monotonic() < deadline, crawl.output_so_far()[-2000:]
            time.sleep(0.05)
        refuse_writes(migrated_postgres_url)
        outcome = crawl.wait(120)  # a hang on the full queue fails here
        fetched = server.count("/jobs/")
    assert outcome.returncode != 0
    assert fetched < ads, "the crawl went on fetching although nothing could be kept"
    assert outcome.stderr.count("stopping the crawl: the database is unavailable and the spill folder") == 1
    assert "Traceback" not in outcome.stderr
    [run] = runs(migrated_postgres_url)
    assert run.status == "failed" and "items lost: neither stored nor spilled" in run.reason
    stored = len(sightings(migrated_postgres_url))
    spilled, damaged = spilled_records(full_disk)
    lost = run.stats["jobcrawl/store/lost_items"]
    assert damaged == []  # the spill file was cut back to its last complete record
    assert spilled == run.stats["jobcrawl/store/spilled_items"] and f"{spilled} items spilled" in run.reason
    assert stored >= 40 and spilled > 0 and lost > 0
    assert stored + spilled + lost == run.stats["jobcrawl/valid_items"]


def test_batches_are_spilled_promptly_while_the_database_is_away(migrated_postgres_url, tmp_path):
    ads = 200
    refuse_writes(migrated_postgres_url)
    spill_dir = tmp_path / "spill"
    with board(ads, delay=0.0) as server:
        # A full retry budget is 0.2 × (1+2+4+8+16) = 6.2 s: ten batches would take a minute.
        outcome = run_crawl("jsonld", {"sitemap": f"{server.url}/sitemap.xml"}, migrated_postgres_url,
                            {**SETTINGS, "JOBCRAWL_STORE_RETRIES": "5", "JOBCRAWL_STORE_RETRY_SECONDS": "0.2",
                             "JOBCRAWL_SPILL_DIR": str(spill_dir)}, timeout=120)
    [run] = runs(migrated_postgres_url)
    spilled, damaged = spilled_records(spill_dir)
    assert run.status == "failed" and damaged == [] and spilled == ads and len(sightings(migrated_postgres_url)) == 0
    assert run.stats["jobcrawl/store/retries"] <= 9, run.stats["jobcrawl/store/retries"]
    # Waiting out every batch's retry budget would sleep 10 × 6.2 s = 62 s; the crawl itself takes
    # 10-35 s depending on the machine's load.
    assert outcome.seconds < 55, outcome.seconds
