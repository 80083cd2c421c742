"""Where ``PostingStore.write`` spends its time (issue 15): the store benchmark's ads written into a
copy of a prefilled database under cProfile, with every SQL statement timed per kind.

    python -m benchmarks.bench_store_profile --size 10000 [--dialect sqlite] [--postgresql-url URL]
        [--incoming 1000] [--top 25] [--plans] [--no-profile]

The ads and the prefilled database are :mod:`benchmarks.bench_store_scale`'s (same seed, same
cache). Prints the wall and CPU time of the writes, each statement kind's count, total time and
time per batch (SQLAlchemy ``before/after_cursor_execute`` events and the fetches of the
statement's rows: driver time, including the database's), cProfile's top functions by cumulative
and by own time, and with ``--plans`` the query plan of each distinct read statement (``EXPLAIN
QUERY PLAN`` / ``EXPLAIN``).
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.bench_store import BATCH
from benchmarks.bench_store_scale import incoming_ads
from benchmarks.store_prefill import CACHE, cached_sqlite


def _statement_kind(statement: str) -> str:
    """A statement with its bound-parameter lists folded, so that each kind is one line."""
    folded = re.sub(r"\(\s*(\?|%\(\w+\)s|%s|__\[POSTCOMPILE_\w+\])(\s*,\s*(\?|%\(\w+\)s|%s))*\s*\)", "(…)", statement)
    folded = re.sub(r"\s+", " ", folded).strip()
    return folded[:160]


def profile(url: str, size: int, incoming: int, top: int, plans: bool, with_profile: bool,
            pragmas: tuple[str, ...] = ()) -> None:
    from sqlalchemy import event

    from crawler.dedupe.features import features_of
    from crawler.store.posting_store import PostingStore
    from models.database import get_engine

    ads = incoming_ads(size, incoming)
    for ad in ads:
        ad["_features"] = features_of(ad)
    engine = get_engine(url)
    if pragmas:
        engine.dispose()

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):
            for pragma in pragmas:
                dbapi_connection.execute(f"PRAGMA {pragma}")
    store = PostingStore(engine, parser_version="bench")
    timings: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    examples: dict[str, tuple[str, object]] = {}
    started_at: list[float] = []

    def before(_connection, _cursor, statement, parameters, _context, executemany):
        started_at.append(time.perf_counter())

    kinds_by_cursor: dict[int, str] = {}

    def after(_connection, cursor, statement, parameters, _context, executemany):
        kind = ("MANY " if executemany else "") + _statement_kind(statement)
        entry = timings[kind]
        entry[0] += 1
        entry[1] += time.perf_counter() - started_at.pop()
        kinds_by_cursor[id(cursor)] = kind
        if not executemany and kind not in examples:
            examples[kind] = (statement, parameters)

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    # SQLite runs a SELECT while its rows are fetched, not in execute(): the fetches are timed
    # too and counted to the statement the cursor ran (without them a band lookup of ~30 ms a
    # batch showed as 3).
    from sqlalchemy.engine.cursor import CursorFetchStrategy

    originals = {name: getattr(CursorFetchStrategy, name) for name in ("fetchone", "fetchmany", "fetchall")}

    def timed_fetch(original):
        def fetch(self, result, dbapi_cursor, *arguments):
            started = time.perf_counter()
            try:
                return original(self, result, dbapi_cursor, *arguments)
            finally:
                kind = kinds_by_cursor.get(id(dbapi_cursor))
                if kind is not None:
                    timings[kind][1] += time.perf_counter() - started
        return fetch

    for name, original in originals.items():
        setattr(CursorFetchStrategy, name, timed_fetch(original))
    profiler = cProfile.Profile() if with_profile else None
    matched = new = 0
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    for first in range(0, len(ads), BATCH):
        result = store.write(ads[first:first + BATCH])
        matched += result.matched
        new += result.new_postings
    if profiler:
        profiler.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    event.remove(engine, "before_cursor_execute", before)
    event.remove(engine, "after_cursor_execute", after)
    for name, original in originals.items():
        setattr(CursorFetchStrategy, name, original)
    batches = -(-len(ads) // BATCH)
    print(f"size {size} {engine.dialect.name}: {len(ads) / wall:.1f} ads/s, {cpu * 1000 / len(ads):.2f} ms CPU/ad,"
          f" matched {matched}, new {new}{' (under cProfile)' if profiler else ''}")
    sql_total = sum(seconds for _count, seconds in timings.values())
    print(f"SQL (driver) {sql_total:.2f} s of {wall:.2f} s wall; per batch:")
    for kind, (count, seconds) in sorted(timings.items(), key=lambda item: -item[1][1]):
        print(f"  {seconds * 1000 / batches:8.1f} ms {count / batches:7.1f}x  {kind}")
    if profiler:
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(top)
            print(out.getvalue())
    if plans:
        with engine.connect() as connection:
            for kind, (statement, parameters) in examples.items():
                if not re.match(r"\s*SELECT", statement, re.I):
                    continue
                if engine.dialect.name == "sqlite":
                    plan = [row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}",
                                                                          parameters)]
                else:
                    plan = [row[0] for row in connection.exec_driver_sql(f"EXPLAIN {statement}", parameters)]
                print(f"PLAN {kind[:120]}\n    " + "\n    ".join(plan))
    engine.dispose()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="profile PostingStore.write against a prefilled database")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--dialect", default="sqlite", choices=("sqlite", "postgresql"))
    parser.add_argument("--incoming", type=int, default=1000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--plans", action="store_true")
    parser.add_argument("--no-profile", action="store_true", help="time the statements only")
    parser.add_argument("--pragma", action="append", default=[], help="SQLite PRAGMA for each connection (experiments)")
    parser.add_argument("--postgresql-url", help="a running server (default: one started for the run)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jobcrawl-store-profile-") as folder:
        if arguments.dialect == "sqlite":
            template, _seconds = cached_sqlite(arguments.size, CACHE)
            copy = Path(folder) / "run.db"
            shutil.copyfile(template, copy)
            with open(copy, "rb+") as written:  # as bench_store_scale: the copy's pages on disk before the clock
                os.fsync(written.fileno())
            profile(f"sqlite:///{copy}", arguments.size, arguments.incoming, arguments.top, arguments.plans,
                    not arguments.no_profile, tuple(arguments.pragma))
        else:
            from benchmarks.bench_store_scale import _PostgresqlDatabases

            databases = _PostgresqlDatabases(CACHE, arguments.postgresql_url)
            try:
                databases.prepare(arguments.size)
                url = databases.copy(arguments.size)
                try:
                    profile(url, arguments.size, arguments.incoming, arguments.top, arguments.plans,
                            not arguments.no_profile)
                finally:
                    databases.drop(url)
            finally:
                databases.close()
    sys.exit(0)
