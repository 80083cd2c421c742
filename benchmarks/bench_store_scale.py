"""Store cost against database size (issue 15): ads/s of ``PostingStore.write`` with 10k … 1M
realistic postings already stored, on SQLite and on PostgreSQL.

    python -m benchmarks.bench_store_scale [--sizes 10000,1000000] [--dialects sqlite,postgresql]
        [--repetitions 3] [--cache FOLDER] [--postgresql-url URL] [--latest] [--tree OTHER_CHECKOUT ...]

The stored postings are :mod:`benchmarks.store_prefill`'s: recurring titles, cities and employers,
each ad with its own job-specific bullets, loaded in bulk as exactly the rows the store writes
(a test compares them), and cached under ``benchmarks/cache`` (``--cache``) so that a repetition
of the benchmark reuses them. PostgreSQL (a server started for the run, or ``--postgresql-url``)
is loaded from the cached SQLite file.

Incoming ads arrive right after the last stored one (the store's candidate window covers every
stored posting at every size: the rate measured is not helped by the window). Nine in ten are new
jobs of the same titles, cities and employers; one in ten is an agency's rewrite of a recently
stored ad (a bullet dropped, the rest shuffled, a word changed in three bullets) that the agency
rule should match: the child reports how many it matched, so a faster store that misses them shows.

One timing method for every size and every checkout measured (``perf_counter`` around the writes
in a child process that only loads the ads and writes them; its CPU time per ad too, which a
shared machine inflates less than the wall time); peak RSS of that child; the load average after
each run. Each run writes into a fresh copy of the prefilled database; the sizes alternate within
each of ``--repetitions`` repetitions (10k, 1M, 10k, 1M, …) and the median run counts. The ads
arrive with their matching features, as the crawl's parse workers hand them to the store;
computing them is timed apart (``features_ms_per_ad``). ``--tree`` runs the same ads with another
checkout's store on that checkout's own prefill (its schema and rows; the same file when neither
differs): before and after on one machine, one run. ``--latest`` puts the figures into ``benchmarks/results/latest.json`` under ``store``, as
``make bench`` does.
"""

from __future__ import annotations

import json
import os
import pickle
import random
import shutil
import statistics
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.bench_export import _TITLES
from benchmarks.bench_store import BATCH, START, synthetic_posting
from benchmarks.measure import REPO_ROOT, run_child
from benchmarks.store_prefill import CACHE, cache_key

LINES = 8
WORDS_PER_LINE = 6
TITLE_WORDS = 3
"""Words per bullet from the title's vocabulary (the rest from the common one)."""
_SYLLABLES = ("ba", "ke", "li", "mo", "nu", "ra", "se", "ti", "vo", "wa", "ze", "fi", "go", "hu", "pe", "da")
# 4,096 made-up words of three syllables: letters only (digits would make them "figures" to the
# text profile), none a stopword.
_VOCABULARY = tuple(a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES)
_TITLE_POOL = 200
_COMMON_FIRST = len(_TITLES) * _TITLE_POOL
_COMMON_POOL = len(_VOCABULARY) - _COMMON_FIRST
SEED = 0x5CA1E
AGENCY_COPY_EVERY = 10


def _zipf_cdf(size: int) -> np.ndarray:
    weights = 1.0 / (np.arange(size) + 10.0)
    return np.cumsum(weights) / weights.sum()


_TITLE_CDF = _zipf_cdf(_TITLE_POOL)
_COMMON_CDF = _zipf_cdf(_COMMON_POOL)


def _uniform(numbers: np.ndarray, salt: int) -> np.ndarray:
    """Deterministic uniform numbers in [0, 1) per (posting number, line, slot): the same posting
    gets the same words in the prefill and when an agency copies it."""
    from crawler.dedupe.bands import _mix

    slots = np.arange(LINES * WORDS_PER_LINE, dtype=np.uint64)
    values = _mix(numbers.astype(np.uint64)[:, None] * np.uint64(1 << 12) + slots[None, :]
                  ^ np.uint64(SEED * 1_000_003 + salt))
    return ((values >> np.uint64(11)).astype(np.float64) / float(1 << 53)).reshape(-1, LINES, WORDS_PER_LINE)


def job_words(numbers: np.ndarray) -> np.ndarray:
    """Vocabulary indexes of each posting's job-specific text: ``n × LINES × WORDS_PER_LINE``."""
    titles = (numbers % len(_TITLES)).astype(np.int64)
    uniform = _uniform(numbers, 1)
    own = np.searchsorted(_TITLE_CDF, uniform[:, :, :TITLE_WORDS]) + (titles * _TITLE_POOL)[:, None, None]
    common = np.searchsorted(_COMMON_CDF, uniform[:, :, TITLE_WORDS:]) + _COMMON_FIRST
    return np.concatenate([own, common], axis=2)


def job_lines(words: np.ndarray) -> list[str]:
    """One posting's bullets as text."""
    return [" ".join(_VOCABULARY[index] for index in line) for line in words]


def incoming_ads(stored: int, count: int) -> list[dict[str, Any]]:
    """``count`` ads arriving right after the ``stored`` prefilled ones: new jobs of the same
    titles, cities and employers, and every :data:`AGENCY_COPY_EVERY`-th an agency's rewrite of
    a recently stored ad."""
    shuffler = random.Random(SEED)
    arrival = START + timedelta(seconds=stored * 5)
    ads = []
    for number in range(count):
        crawled = arrival + timedelta(seconds=number)
        if number % AGENCY_COPY_EVERY == AGENCY_COPY_EVERY - 1:
            original = stored - 1 - (number * 37) % min(stored, 20_000)
            ad = synthetic_posting(original)
            lines = job_lines(job_words(np.array([original]))[0])
            del lines[shuffler.randrange(len(lines))]
            shuffler.shuffle(lines)
            for line_number in shuffler.sample(range(len(lines)), 3):
                words = lines[line_number].split()
                words[shuffler.randrange(len(words))] = shuffler.choice(_VOCABULARY)
                lines[line_number] = " ".join(words)
            ad.update(source="agency-bench", source_id=f"A-{number}", url=f"https://agency.example/jobs/{number}",
                      company="Nordwind Personal GmbH", agency="Nordwind Personal GmbH", via_agency=True)
        else:
            ad = synthetic_posting(10_000_000 + number)
            lines = job_lines(job_words(np.array([10_000_000 + number]))[0])
        half = len(lines) // 2
        ad.update(responsibilities=lines[:half], requirements=lines[half:], crawled_at=crawled,
                  date_posted=crawled.date())
        ads.append(ad)
    return ads


_CHILD = """
import json, pickle, sys, time
from crawler.store.posting_store import PostingStore
from models.database import get_engine
ads = pickle.load(open(sys.argv[2], "rb"))
store = PostingStore(get_engine(sys.argv[1]), parser_version="bench")
features_ms = None
try:
    from crawler.dedupe.features import features_of
except ImportError:
    features_of = None
if features_of is not None:
    # The crawl's parse workers compute each ad's features (posting_steps.finished_items) and the
    # store pipeline hands them over with the ad (``_features``): done here before the clock starts.
    started = time.perf_counter()
    for ad in ads:
        ad["_features"] = features_of(ad)
    features_ms = (time.perf_counter() - started) * 1000 / len(ads)
matched = new = 0
started = time.perf_counter()
cpu = time.process_time()
for first in range(0, len(ads), {batch}):
    result = store.write(ads[first:first + {batch}])
    matched += result.matched
    new += result.new_postings
try:
    from models.database import wait_for_checkpoints
except ImportError:  # a checkout whose commits run SQLite's checkpoints themselves
    wait_for_checkpoints = None
if wait_for_checkpoints is not None:
    # A checkpoint still running in the background is part of the writes' cost: waited for.
    wait_for_checkpoints(store.engine)
seconds = time.perf_counter() - started
print(json.dumps({{"ads_per_s": len(ads) / seconds, "cpu_ms_per_ad": (time.process_time() - cpu) * 1000 / len(ads),
                  "features_ms_per_ad": features_ms, "matched": matched, "new": new}}))
"""


def measure(url: str, ads_file: Path, tree: str | None = None) -> dict[str, Any]:
    """Write the pickled ads into the database at ``url`` in a child process running ``tree``'s store."""
    child = run_child([sys.executable, "-c", _CHILD.format(batch=BATCH), url, str(ads_file)],
                      cwd=Path(tree) if tree else REPO_ROOT, env={"PYTHONPATH": tree or str(REPO_ROOT)})
    if child["returncode"] != 0:
        raise RuntimeError(child["stderr"][-2000:])
    result = json.loads(child["stdout"].strip().splitlines()[-1])
    return {"ads_per_s": round(result["ads_per_s"], 1), "cpu_ms_per_ad": round(result["cpu_ms_per_ad"], 2),
            "features_ms_per_ad": result["features_ms_per_ad"] and round(result["features_ms_per_ad"], 2),
            "peak_rss_mb": round(child["peak_rss_mb"], 1), "matched": result["matched"], "new_postings": result["new"]}




_PREFILL_CHILD = """
import json, sys
from pathlib import Path
from benchmarks.store_prefill import cache_key, cached_sqlite
path, seconds = cached_sqlite(int(sys.argv[1]), Path(sys.argv[2]))
print(json.dumps({"path": str(path), "seconds": seconds, "key": cache_key()}))
"""

_FILL_POSTGRESQL_CHILD = """
import sys
from pathlib import Path
from benchmarks.store_prefill import fill_postgresql
fill_postgresql(sys.argv[1], Path(sys.argv[2]))
"""


def _in_checkout(tree: str | None, script: str, *arguments: str) -> str:
    """Run ``script`` with ``tree``'s code (this checkout's when ``None``); its last line of output."""
    child = run_child([sys.executable, "-c", script, *arguments], cwd=Path(tree) if tree else REPO_ROOT,
                      env={"PYTHONPATH": tree or str(REPO_ROOT)}, timeout=6 * 3600)
    if child["returncode"] != 0:
        raise RuntimeError(child["stderr"][-2000:])
    return child["stdout"].strip().splitlines()[-1] if child["stdout"].strip() else ""


def prefilled_sqlite(tree: str | None, size: int, cache: Path) -> dict[str, Any]:
    """The checkout's prefilled SQLite file for ``size`` (made if its cache has none): path,
    seconds making it took (``None`` when reused) and the checkout's prefill key."""
    return json.loads(_in_checkout(tree, _PREFILL_CHILD, str(size), str(cache)))


def _load_average() -> float:
    return round(os.getloadavg()[0], 2)


def _summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median run's rate and CPU per ad, every run, the largest RSS, the load averages."""
    return {"ads_per_s": round(statistics.median(run["ads_per_s"] for run in runs), 1),
            "cpu_ms_per_ad": round(statistics.median(run["cpu_ms_per_ad"] for run in runs), 2),
            "peak_rss_mb": max(run["peak_rss_mb"] for run in runs),
            "matched": [run["matched"] for run in runs], "new_postings": [run["new_postings"] for run in runs],
            "load_average": [run["load_average"] for run in runs], "runs": runs}


class _SqliteDatabases:
    """Prefilled SQLite files (the cache's, one per checkout's schema and rows) and fresh copies
    of them to write into."""

    def __init__(self, cache: Path, folder: Path):
        self.cache, self.folder, self.templates = cache, folder, {}

    def prepare(self, size: int, tree: str | None = None) -> dict[str, Any]:
        prefill = prefilled_sqlite(tree, size, self.cache)
        self.templates[(size, tree)] = Path(prefill["path"])
        return {"prefill_s": prefill["seconds"], "prefill_key": prefill["key"],
                "database_mb": round(self.templates[(size, tree)].stat().st_size / 2**20)}

    def copy(self, size: int, tree: str | None = None) -> str:
        copy = self.folder / "run.db"
        shutil.copyfile(self.templates[(size, tree)], copy)
        # On disk before the run: else the first WAL checkpoint's fsync of the file writes the
        # copy's dirty pages (2.4 GB at 300k) inside the timed writes.
        with open(copy, "rb+") as written:
            os.fsync(written.fileno())
        return f"sqlite:///{copy}"

    def drop(self, _url: str) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.folder / 'run.db'}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        pass


class _PostgresqlDatabases:
    """Template databases loaded from the cached SQLite files (kept on ``--postgresql-url``'s
    server and reused when their name — size and cache key — matches), copied per run."""

    def __init__(self, cache: Path, server_url: str | None):
        from sqlalchemy.engine import make_url

        self.cache, self.server = cache, None
        if server_url is None:
            from tests.support.postgres import PostgresServer

            self.server = PostgresServer(durable=True).start()
            server_url = self.server.url
        self.parts = make_url(server_url)
        self.admin = f"host={self.parts.host} port={self.parts.port} user={self.parts.username} dbname=postgres"
        self.templates: dict[tuple[int, str | None], str] = {}
        self.files: dict[tuple[int, str | None], Path] = {}

    def _execute(self, sql: str, parameters: list | None = None):
        import psycopg

        with psycopg.connect(self.admin, autocommit=True) as connection:
            return connection.execute(sql, parameters).fetchall() if sql.startswith("SELECT") \
                else connection.execute(sql, parameters)

    def prepare(self, size: int, tree: str | None = None) -> dict[str, Any]:
        import time

        prefill = prefilled_sqlite(tree, size, self.cache)
        name = f"store_prefill_{size}_{prefill['key'].replace('-', '_')}"
        entry: dict[str, Any] = {"prefill_s": None, "prefill_key": prefill["key"]}
        # Checkouts whose keys differ but whose prefill is one file (linked after their rows were
        # compared equal) share one template: two 6.7 GB copies of the same rows would compete
        # for the page cache with the run's copy, and the runs would read more from disk.
        for (other_size, other_tree), other_file in self.files.items():
            if other_size == size and os.path.samefile(other_file, prefill["path"]):
                name = self.templates[(other_size, other_tree)]
                entry["template_shared_with"] = other_tree or "this"
                break
        self.templates[(size, tree)] = name
        self.files[(size, tree)] = Path(prefill["path"])
        if not self._execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]):
            entry["sqlite_prefill_s"] = prefill["seconds"]
            started = time.perf_counter()
            self._execute(f'CREATE DATABASE "{name}_loading"')
            # With the checkout's own migrations: its schema.
            _in_checkout(tree, _FILL_POSTGRESQL_CHILD,
                         self.parts.set(database=f"{name}_loading").render_as_string(hide_password=False),
                         prefill["path"])
            self._execute(f'ALTER DATABASE "{name}_loading" RENAME TO "{name}"')
            entry["prefill_s"] = round(time.perf_counter() - started, 1)
        entry["database_mb"] = round(self._execute("SELECT pg_database_size(%s)", [name])[0][0] / 2**20)
        return entry

    def copy(self, size: int, tree: str | None = None) -> str:
        self._execute('DROP DATABASE IF EXISTS "store_scale_run"')
        # FILE_COPY: the default WAL_LOG strategy writes the whole template through the WAL.
        self._execute(f'CREATE DATABASE "store_scale_run" TEMPLATE "{self.templates[(size, tree)]}"'
                      ' STRATEGY FILE_COPY')
        return self.parts.set(database="store_scale_run").render_as_string(hide_password=False)

    def drop(self, _url: str) -> None:
        self._execute('DROP DATABASE "store_scale_run"')

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()


def bench_store_scale(sizes: tuple[int, ...] = (10_000, 1_000_000), incoming: int = 1_000,
                      trees: tuple[str, ...] = (), dialects: tuple[str, ...] = ("sqlite", "postgresql"),
                      cache: Path | None = None, postgresql_url: str | None = None,
                      repetitions: int = 3) -> dict[str, Any]:
    """Ads/s with each of ``sizes`` postings stored, on each of ``dialects``, for this checkout
    (and each of ``trees``, on a copy of the same prefilled database, with the same ads), the
    sizes alternated in each of ``repetitions``; flatness = median rate at the largest size ÷
    median rate at the smallest. Dialects run one after the other."""
    cache = cache or CACHE
    report: dict[str, Any] = {"incoming": incoming, "batch": BATCH, "sizes": list(sizes), "repetitions": repetitions,
                              "agency_copies": incoming // AGENCY_COPY_EVERY, "cpu_count": os.cpu_count(),
                              "load_average_at_start": _load_average(), "prefill_cache_key": cache_key()}
    checkouts = {"this": None, **{tree: tree for tree in trees}}
    with tempfile.TemporaryDirectory(prefix="jobcrawl-store-scale-") as name:
        folder = Path(name)
        ads_files = {}
        for size in sizes:
            ads_files[size] = folder / f"ads-{size}.pickle"
            ads_files[size].write_bytes(pickle.dumps(incoming_ads(size, incoming)))
        for dialect in dialects:
            databases = _SqliteDatabases(cache, folder) if dialect == "sqlite" \
                else _PostgresqlDatabases(cache, postgresql_url)
            try:
                prepared = {(size, tree): databases.prepare(size, tree)
                            for size in sizes for tree in checkouts.values()}
                runs: dict[tuple[int, str], list[dict[str, Any]]] = {}
                for repetition in range(repetitions):
                    for size in sizes:
                        # Checkouts in turn first (ABBA…): the run right after a 6.6 GB copy was
                        # dropped and the next one made is not always the same checkout's.
                        order = list(checkouts.items())
                        for checkout, tree in (order if repetition % 2 == 0 else order[::-1]):
                            url = databases.copy(size, tree)
                            try:
                                run = {**measure(url, ads_files[size], tree), "load_average": _load_average()}
                            finally:
                                databases.drop(url)
                            runs.setdefault((size, checkout), []).append(run)
                            print(f"store_scale {dialect} {size} {checkout} #{repetition + 1}: {run}",
                                  file=sys.stderr, flush=True)
            finally:
                databases.close()
            figures: dict[str, Any] = {}
            for size in sizes:
                figures[str(size)] = {**_summary(runs[(size, "this")]), **prepared[(size, None)],
                                      **{tree: {**_summary(runs[(size, tree)]), **prepared[(size, tree)]}
                                         for tree in trees}}
            for checkout in checkouts:
                first, last = runs[(sizes[0], checkout)], runs[(sizes[-1], checkout)]
                suffix = "" if checkout == "this" else f"[{checkout}]"
                figures[f"flatness{suffix}"] = round(_summary(last)["ads_per_s"] / _summary(first)["ads_per_s"], 3)
                figures[f"cpu_flatness{suffix}"] = round(_summary(first)["cpu_ms_per_ad"]
                                                         / _summary(last)["cpu_ms_per_ad"], 3)
            figures["peak_rss_mb"] = max(figures[str(size)]["peak_rss_mb"] for size in sizes)
            report[dialect] = figures
    report["peak_rss_mb"] = max(report[dialect]["peak_rss_mb"] for dialect in dialects)
    return report


def write_report(path: Path, report: dict[str, Any]) -> None:
    """Write a complete run's ``report`` to ``path``; the report the file held before (and the
    runs it kept) go under ``earlier_runs``, newest first."""
    from benchmarks.measure import write_json

    earlier: list[dict[str, Any]] = []
    if path.exists():
        before = json.loads(path.read_text(encoding="utf-8"))
        earlier = [{key: value for key, value in before.items() if key != "earlier_runs"},
                   *before.get("earlier_runs", [])]
    write_json(path, {**report, "earlier_runs": earlier})


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="store ads/s against database size")
    parser.add_argument("--sizes", default="10000,1000000")
    parser.add_argument("--dialects", default="sqlite,postgresql")
    parser.add_argument("--incoming", type=int, default=1000)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--tree", action="append", default=[], help="another checkout to measure (before/after)")
    parser.add_argument("--cache", type=Path, help=f"where the prefilled SQLite files are kept (default {CACHE})")
    parser.add_argument("--postgresql-url", help="a running server to use instead of one started for the run "
                        "(its prefilled template databases are kept and reused)")
    parser.add_argument("--latest", action="store_true",
                        help="also put the figures into benchmarks/results/latest.json under store (as make bench does)")
    parser.add_argument("--out", type=Path, help="also write the report to this JSON file (e.g. "
                        "benchmarks/results/store_scale.json); the report it held before is kept under earlier_runs")
    parser.add_argument("--code", help="what each checkout measured is (commits), recorded in the report")
    arguments = parser.parse_args()
    report = bench_store_scale(tuple(int(s) for s in arguments.sizes.split(",")), arguments.incoming,
                               tuple(arguments.tree), tuple(arguments.dialects.split(",")), arguments.cache,
                               arguments.postgresql_url, arguments.repetitions)
    # Without the server's URL (it may hold a password).
    report["command"] = "python -m benchmarks.bench_store_scale " + " ".join(
        argument for number, argument in enumerate(sys.argv[1:], start=1)
        if not argument.startswith("--postgresql-url=") and sys.argv[number - 1] != "--postgresql-url")
    if arguments.code:
        report["code"] = arguments.code
    print(json.dumps(report, indent=1))
    if arguments.out:
        write_report(arguments.out, report)
    if arguments.latest:
        from benchmarks.run import record_store_scale

        record_store_scale(report)
