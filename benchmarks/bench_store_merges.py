"""What the band levels' merges cost (issue 15): the store files a batch's bands in the smallest
level and merges the levels into the next when the sighting ids cross a multiple of a level's
block (:mod:`crawler.store.band_levels`). A run of 1,000 incoming ads after a prefill of 10k, 300k
or 1M (``bench_store_scale``) pays for the level-0 merge only; this measures the larger ones on a
copy of the same prefilled SQLite file and spreads them over the ads that cause them.

    python -m benchmarks.bench_store_merges [--size 1000000] [--cache FOLDER]

For each level ``n`` ≥ 1: the levels below it are filled with the bands of as many sightings as
they hold just before the crossing (``LEVEL_BLOCKS[n] - LEVEL_BLOCKS[0]`` new sightings, 36 random
band keys each, as band keys are uniform hashes) and the level they go into (unless the last) half
full, its average before a merge; then the store's own merge statements move them
into level ``n + 1`` in one transaction, timed with its commit (and the WAL checkpoint the commit
runs). ``ms_per_ad`` is that time over the ``LEVEL_BLOCKS[n]`` ads between two such merges.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.store_prefill import CACHE, cached_sqlite

BANDS_PER_SIGHTING = 36


def _fill(connection, table: str, first_id: int, sightings: int, generator: np.random.Generator) -> None:
    keys = generator.integers(-(1 << 63), (1 << 63) - 1, sightings * BANDS_PER_SIGHTING, dtype=np.int64)
    ids = np.repeat(np.arange(first_id, first_id + sightings, dtype=np.int64), BANDS_PER_SIGHTING)
    order = np.lexsort((ids, keys))
    rows = list(zip(keys[order].tolist(), ids[order].tolist()))
    connection.exec_driver_sql(f"INSERT OR IGNORE INTO {table} (band_key, sighting_id) VALUES (?, ?)", rows)


def measure(size: int, cache: Path) -> dict:
    from crawler.store import band_levels
    from models.database import get_engine

    source, _seconds = cached_sqlite(size, cache)
    generator = np.random.default_rng(size)
    report = {"size": size, "levels": {}}
    with tempfile.TemporaryDirectory(prefix="jobcrawl-merges-", dir=cache) as folder:
        for level in range(1, len(band_levels.LEVEL_TABLES)):
            copy = Path(folder) / "run.db"
            shutil.copyfile(source, copy)
            with open(copy, "rb+") as written:
                os.fsync(written.fileno())
            engine = get_engine(f"sqlite:///{copy}")
            # The levels below ``level`` as full as just before the crossing: the blocks of each.
            next_id = size + 1
            with engine.begin() as connection:
                if level + 1 < len(band_levels.LEVEL_TABLES):  # the target level half full, on average
                    held = (band_levels.LEVEL_BLOCKS[level + 1] - band_levels.LEVEL_BLOCKS[level]) // 2
                    _fill(connection, band_levels.LEVEL_TABLES[level + 1], size - held + 1, held, generator)
                for lower in range(level, -1, -1):
                    above = band_levels.LEVEL_BLOCKS[lower - 1] if lower else 0
                    sightings = band_levels.LEVEL_BLOCKS[lower] - above if lower < level \
                        else band_levels.LEVEL_BLOCKS[level] - band_levels.LEVEL_BLOCKS[level - 1]
                    _fill(connection, band_levels.LEVEL_TABLES[lower], next_id, sightings, generator)
                    next_id += sightings
            engine.dispose()
            engine = get_engine(f"sqlite:///{copy}")
            wall, cpu = time.perf_counter(), time.process_time()
            with engine.begin() as connection:
                for statement in band_levels._MERGES[("sqlite", level)]:
                    connection.exec_driver_sql(statement)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            engine.dispose()
            ads = band_levels.LEVEL_BLOCKS[level]
            report["levels"][level] = {"moved_sightings": next_id - size - 1, "into": band_levels.ALL_LEVELS[level + 1],
                                       "seconds": round(wall, 2), "cpu_seconds": round(cpu, 2),
                                       "every_ads": ads, "ms_per_ad": round(wall * 1000 / ads, 3),
                                       "load_average": round(os.getloadavg()[0], 2)}
            print(json.dumps(report["levels"][level]), file=sys.stderr, flush=True)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{copy}{suffix}").unlink(missing_ok=True)
    report["ms_per_ad"] = round(sum(level["ms_per_ad"] for level in report["levels"].values()), 3)
    return report


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="cost of the band levels' merges, per ad")
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--cache", type=Path, default=CACHE)
    arguments = parser.parse_args()
    print(json.dumps(measure(arguments.size, arguments.cache), indent=1))
