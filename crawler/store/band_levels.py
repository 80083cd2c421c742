"""Where the store files band rows: small levels merged in sorted bulk, so that a new copy's rows
cost the same number of page writes whatever the size of the database.

Each new copy files some 36 band rows under random keys (:mod:`crawler.dedupe.bands`). Inserted
straight into one B-tree of every copy's bands, nearly each row landed on a page of its own once
the table outgrew the page cache: 6,700 pages written a batch of 200 at 300,000 stored against
1,600 at 10,000, the store's rate halved (issue 15). So a batch inserts its rows into the smallest
level, ``sighting_text_bands_level0``, which holds the bands of at most :data:`LEVEL_BLOCKS`\\[0]
sightings and stays a few hundred pages; when the sighting ids a batch reserved cross a multiple
of a level's block, that level and the ones below it are moved into the next level in key order
(one sorted pass over the next level's pages), up to ``sighting_text_bands``, the last. A level
ten times larger than the one before it is merged ten times less often: each row is written once
per level, in pages filled by sorted runs, instead of once on a random page of the largest table.
The larger merges pause one batch: at 1,000,000 stored, 0.4 s every 10,000 ads and 4.8 s every
100,000, 0.09 ms an ad in all (``benchmarks/bench_store_merges.py``).

Which level holds a band never matters to a reader: the candidate search asks every level
(:data:`LOOKUP`). Levels hold ranges of sighting ids (:func:`level_ranges` is the state the
merges leave, which the benchmark's bulk prefill reproduces).
"""

from __future__ import annotations

import json

from sqlalchemy import text
from sqlalchemy.orm import Session

LEVEL_TABLES = ("sighting_text_bands_level0", "sighting_text_bands_level1", "sighting_text_bands_level2")
"""The levels a band passes through, smallest first (``models.tables.SIGHTING_TEXT_BAND_LEVELS``)."""
LAST_LEVEL = "sighting_text_bands"
LEVEL_BLOCKS = (1_000, 10_000, 100_000)
"""Level ``n`` is moved into level ``n + 1`` when the sighting ids cross a multiple of
``LEVEL_BLOCKS[n]``: it then holds the bands of at most that many sightings (~36 rows each)."""
ALL_LEVELS = (*LEVEL_TABLES, LAST_LEVEL)

# Statements written out from the constant table names above (never from data), per dialect.
_INSERT = {
    "sqlite": f"INSERT INTO {LEVEL_TABLES[0]} (band_key, sighting_id) VALUES (?, ?)",
    "postgresql": f"INSERT INTO {LEVEL_TABLES[0]} (band_key, sighting_id)"
                  " SELECT * FROM unnest(CAST(%s AS BIGINT[]), CAST(%s AS INTEGER[]))",
}
LOOKUP = {
    # The keys as one JSON list, read once (a CTE used by every level), each level searched for
    # them in a join: ``band_key IN (SELECT … FROM wanted)`` built a temporary index of the 16,000
    # keys for every level (28 against 18 ms of CPU a batch at 10,000 stored, 46 against 38 at
    # 300,000).
    "sqlite": text("WITH wanted (band_key) AS MATERIALIZED (SELECT value FROM json_each(:keys)) "
                   + " UNION ALL ".join(f"SELECT {table}.band_key, {table}.sighting_id FROM wanted"
                                        f" CROSS JOIN {table} ON {table}.band_key = wanted.band_key"
                                        for table in ALL_LEVELS)),
    # The array as its text, cast by the server (psycopg converts a list element by element), and
    # read through a sub-select: written as a parameter in ``= ANY(…)``, the planner estimated the
    # selectivity of each of the 16,000 keys for each level (40-60 ms a batch, more than the
    # searches) and then scanned the smaller levels whole; a sub-select's array is opaque to it,
    # so each level is one index search per key, planned in a fraction of a millisecond.
    "postgresql": text("WITH wanted (band_keys) AS MATERIALIZED (SELECT CAST(:keys AS BIGINT[])) "
                       + " UNION ALL ".join(f"SELECT band_key, sighting_id FROM {table}"
                                            " WHERE band_key = ANY(CAST((SELECT band_keys FROM wanted) AS BIGINT[]))"
                                            for table in ALL_LEVELS)),
}
"""The ``(band_key, sighting_id)`` rows of a batch's keys in every level, one index search per key
and level."""


def _merge_statements(dialect: str, level: int) -> list[str]:
    """Move levels 0 … ``level`` into the next one, in key order."""
    sources, target = LEVEL_TABLES[:level + 1], ALL_LEVELS[level + 1]
    if dialect == "postgresql":
        # One statement: rows a concurrent writer commits meanwhile are either moved or left for
        # the next merge, never deleted unmoved (READ COMMITTED gives each statement its snapshot).
        moved = ", ".join(f"moved{number} AS (DELETE FROM {table} RETURNING band_key, sighting_id)"
                          for number, table in enumerate(sources))
        union = " UNION ALL ".join(f"SELECT band_key, sighting_id FROM moved{number}" for number in range(len(sources)))
        return [f"WITH {moved} INSERT INTO {target} (band_key, sighting_id) SELECT band_key, sighting_id"
                f" FROM ({union}) AS moved ORDER BY band_key, sighting_id ON CONFLICT DO NOTHING"]
    union = " UNION ALL ".join(f"SELECT band_key, sighting_id FROM {table}" for table in sources)
    # SQLite: one writer at a time (the batch holds the write lock); DELETE without WHERE frees the
    # level's pages at once.
    return [f"INSERT OR IGNORE INTO {target} (band_key, sighting_id) SELECT band_key, sighting_id"
            f" FROM ({union}) ORDER BY band_key, sighting_id",
            *(f"DELETE FROM {table}" for table in sources)]


_MERGES = {(dialect, level): _merge_statements(dialect, level)
           for dialect in ("sqlite", "postgresql") for level in range(len(LEVEL_TABLES))}


def band_lookup(dialect: str, keys: list[int]) -> tuple:
    """The statement and parameters that read the band rows of ``keys`` (a batch asks for some
    15,000: one array or JSON list, not bound parameters of an ``IN`` list, which SQLAlchemy took
    longer to prepare than the database to search)."""
    if dialect == "postgresql":
        return LOOKUP[dialect], {"keys": "{" + ",".join(map(str, keys)) + "}"}
    return LOOKUP[dialect], {"keys": json.dumps(keys)}


def crossed_level(first_id: int, last_id: int) -> int | None:
    """The highest level whose block a batch's sighting ids ``first_id`` … ``last_id`` cross (the
    levels up to it are then merged into the next one), or ``None``."""
    crossed = None
    for level, block in enumerate(LEVEL_BLOCKS):
        if (first_id - 1) // block != last_id // block:
            crossed = level
    return crossed


def file_bands(session: Session, dialect: str, rows: list[tuple[int, int]], first_id: int, last_id: int) -> None:
    """Insert a batch's ``(band_key, sighting_id)`` rows into the smallest level, then merge the
    levels whose block the batch's reserved sighting ids ``first_id`` … ``last_id`` crossed."""
    connection = session.connection()
    if rows:
        rows = sorted(rows)  # sorted, the B-tree is descended from one leaf to its neighbour
        if dialect == "postgresql":
            keys, sighting_ids = zip(*rows)
            connection.exec_driver_sql(_INSERT[dialect], ("{" + ",".join(map(str, keys)) + "}",
                                                          "{" + ",".join(map(str, sighting_ids)) + "}"))
        else:
            connection.exec_driver_sql(_INSERT[dialect], rows)
    level = crossed_level(first_id, last_id)
    if level is not None:
        for statement in _MERGES[(dialect, level)]:
            connection.exec_driver_sql(statement)


def level_ranges(highest_id: int) -> dict[str, tuple[int, int]]:
    """The sighting ids whose bands each level holds (``(1, 0)``: none) once the store has filed
    sightings ``1`` … ``highest_id`` in batches that end on the multiples of the first block: a
    level holds the ids above the last multiple of its block, up to where the level below begins."""
    ranges, top = {}, highest_id
    for table, block in zip(LEVEL_TABLES, LEVEL_BLOCKS):
        bottom = highest_id // block * block
        ranges[table] = (bottom + 1, top) if top > bottom else (1, 0)
        top = min(top, bottom)
    ranges[LAST_LEVEL] = (1, top) if top >= 1 else (1, 0)
    return ranges
