"""Store and dedupe benchmarks.

* **Store**: postings per second through :class:`crawler.store.posting_store.PostingStore` (what the store
  pipeline's writer thread calls, batches of 200: matching features, postings, sightings,
  skills, raw archive) into SQLite and PostgreSQL, against a plain ``executemany`` INSERT of the
  same posting rows into ``postings`` on the same database.
* **Dedupe**: incoming ads per second through the same store with 200,000 postings (and their
  sightings and matching features) already in the database, and the peak RSS of that process.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from benchmarks.bench_export import _INSERT_COLUMNS, synthetic_row
from benchmarks.measure import REPO_ROOT, median, run_child

BATCH = 200
START = datetime(2026, 1, 1, tzinfo=timezone.utc)
_JSON_COLUMNS = {"responsibilities", "requirements", "benefits", "skills", "languages"}


def synthetic_posting(number: int) -> dict[str, Any]:
    """One synthetic posting as the store pipeline receives it (schema fields, typed values)."""
    from crawler.items import LIST_FIELDS, SCHEMA_FIELDS

    posting: dict[str, Any] = {name: ([] if name in LIST_FIELDS else None) for name in SCHEMA_FIELDS}
    for name, value in zip(_INSERT_COLUMNS, synthetic_row(number, START)):
        if name not in posting:
            continue
        if name in _JSON_COLUMNS:
            value = json.loads(value)
        elif name == "crawled_at":
            value = datetime.fromisoformat(value).replace(tzinfo=timezone.utc)
        elif name == "date_posted":
            value = date.fromisoformat(value)
        posting[name] = value
    posting["via_agency"] = bool(posting["via_agency"])
    return posting


def _plain_rows(postings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for posting in postings:
        row = dict(posting)
        row.update(first_seen_at=posting["crawled_at"], last_seen_at=posting["crawled_at"], status="active")
        rows.append(row)
    return rows


def store_rate(database_url: str, count: int) -> dict[str, float]:
    """Postings/s through the store and through a plain executemany, on fresh databases."""
    from sqlalchemy import delete, insert

    from crawler.store.posting_store import PostingStore
    from models.database import get_engine, upgrade
    from models.tables import Posting

    postings = [synthetic_posting(number) for number in range(count)]
    upgrade(database_url)
    engine = get_engine(database_url)
    rows = _plain_rows(postings)
    started = time.perf_counter()
    with engine.begin() as connection:
        for first in range(0, count, BATCH):
            connection.execute(insert(Posting), rows[first:first + BATCH])
    plain = count / (time.perf_counter() - started)
    with engine.begin() as connection:
        connection.execute(delete(Posting))
    store = PostingStore(engine, parser_version="bench")
    started = time.perf_counter()
    for first in range(0, count, BATCH):
        store.write([dict(p) for p in postings[first:first + BATCH]])
    stored = count / (time.perf_counter() - started)
    return {"postings_per_s": round(stored, 1), "baseline_executemany_per_s": round(plain, 1),
            "ratio": round(stored / plain, 3)}


def bench_store(count: int = 10_000, runs: int = 3) -> dict[str, Any]:
    """Store figures on SQLite and on a PostgreSQL server started for the run."""
    from tests.support.postgres import PostgresServer

    report: dict[str, Any] = {"postings": count, "runs": runs}
    with tempfile.TemporaryDirectory(prefix="jobcrawl-store-") as folder:
        sqlite_runs = [store_rate(f"sqlite:///{Path(folder) / f'store-{run}.db'}", count) for run in range(runs)]
    server = PostgresServer(durable=True).start()
    try:
        postgres_runs = [store_rate(server.create_database(f"bench_store_{run}"), count) for run in range(runs)]
    finally:
        server.stop()
    for name, results in (("sqlite", sqlite_runs), ("postgresql", postgres_runs)):
        report[name] = {key: median([result[key] for result in results]) for key in results[0]}
        report[name]["runs"] = results
    return report


def _prefill(path: Path, postings: int) -> None:
    """``postings`` postings with one sighting each and realistic matching features, fast."""
    import numpy as np

    from crawler.dedupe.features import NUM_PERMUTATIONS
    from models.database import upgrade

    upgrade(f"sqlite:///{path}")
    placeholders = ", ".join("?" for _ in _INSERT_COLUMNS)
    rng = np.random.default_rng(11)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    with connection:
        connection.executemany(f"INSERT INTO postings ({', '.join(_INSERT_COLUMNS)}) VALUES ({placeholders})",
                               (synthetic_row(number, START) for number in range(postings)))
        connection.executemany(
            "INSERT INTO sightings (source, source_id, url, posting_id, content_hash, first_seen_at, last_seen_at,"
            " match_method, employer_key, title_key, city_key, via_agency, minhash) "
            "VALUES (?, ?, ?, ?, 'x', ?, ?, 'new', ?, ?, ?, 0, ?)",
            ((f"prefill-{number % 7}", str(number), f"https://prefill.example/{number}", number + 1,
              "2026-01-01 00:00:00", "2026-01-01 00:00:00", f"firma {number % 20000}",
              f"title {number % 500}", f"city {number % 50}",
              rng.integers(0, 2**32, NUM_PERMUTATIONS, dtype=np.uint32).tobytes())
             for number in range(postings)))
    connection.close()


def _dedupe_child(database: str, incoming: int) -> None:
    """In a child process: write ``incoming`` ads through the store; print ads/s."""
    from crawler.store.posting_store import PostingStore
    from models.database import get_engine

    store = PostingStore(get_engine(database), parser_version="bench")
    postings = [synthetic_posting(10_000_000 + number) for number in range(incoming)]
    started = time.perf_counter()
    for first in range(0, incoming, BATCH):
        store.write(postings[first:first + BATCH])
    print(json.dumps({"ads_per_s": incoming / (time.perf_counter() - started)}))


def bench_dedupe(existing: int = 200_000, incoming: int = 4_000, runs: int = 3) -> dict[str, Any]:
    """Ads/s through matching and storing with ``existing`` postings in the database."""
    report: dict[str, Any] = {"existing_postings": existing, "incoming": incoming, "runs": runs}
    with tempfile.TemporaryDirectory(prefix="jobcrawl-dedupe-") as folder:
        template = Path(folder) / "prefilled.db"
        started = time.perf_counter()
        _prefill(template, existing)
        report["prefill_s"] = round(time.perf_counter() - started, 1)
        results = []
        for run in range(runs):
            database = Path(folder) / f"run-{run}.db"
            database.write_bytes(template.read_bytes())
            child = run_child([sys.executable, "-c", "import sys; from benchmarks.bench_store import _dedupe_child; "
                               f"_dedupe_child({f'sqlite:///{database}'!r}, {incoming})"], env={"PYTHONPATH": str(REPO_ROOT)})
            if child["returncode"] != 0:
                raise RuntimeError(child["stderr"][-2000:])
            results.append({"ads_per_s": round(json.loads(child["stdout"].strip().splitlines()[-1])["ads_per_s"], 1),
                            "peak_rss_mb": round(child["peak_rss_mb"], 1)})
    report["runs_detail"] = results
    report["ads_per_s"] = median([result["ads_per_s"] for result in results])
    report["peak_rss_mb"] = max(result["peak_rss_mb"] for result in results)
    return report


# -- store cost against database size (issue 15): benchmarks/bench_store_scale.py ------------------


def bench_store_scale(sizes: tuple[int, ...] = (10_000, 1_000_000), incoming: int = 1_000,
                      trees: tuple[str, ...] = (), cache: str | None = None, repetitions: int = 3) -> dict[str, Any]:
    """Ads/s of ``PostingStore.write`` against database size on SQLite and PostgreSQL: see
    :mod:`benchmarks.bench_store_scale` (``cache``: where the prefilled databases are kept)."""
    from benchmarks.bench_store_scale import bench_store_scale as measure_scale

    return measure_scale(sizes, incoming, trees, cache=Path(cache) if cache else None, repetitions=repetitions)
