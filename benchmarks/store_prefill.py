"""The store benchmark's prefill: N realistic postings already stored, loaded in bulk, exactly the
rows :meth:`PostingStore.write` would have written for the same ads, and cached.

The ads (:func:`prefill_ad`) are those of a board crawled for months: titles, cities and employers
recur (``benchmarks.bench_export.synthetic_row``: 12 titles × 7 cities × 5,000 employers, one ad
in seven via an agency), each ad with its own job-specific bullets
(:func:`benchmarks.bench_store_scale.job_lines`: words of its title's vocabulary and of a common
one, Zipf-like, so ads of one title share their stock words as real ones do).

The rows are made with the store's own functions — :func:`crawler.dedupe.features.features_of`,
:func:`crawler.store.posting_store.content_hash`, :func:`crawler.dedupe.bands.batch_keys` (the keys of ``stored_band_keys``),
``title_variant_keys`` — in two processes, and inserted with the same SQLAlchemy table objects
(SQLite), secondary indexes built after the rows; PostgreSQL is loaded from the SQLite file with
``COPY``. ``tests/test_store_prefill.py`` checks that a small prefill equals, table by table and
row by row, what the store writes for the same ads in batches.

The filled SQLite file is kept under ``benchmarks/cache/`` (not in git), named by the size and a
key of the generator's version, the schema revision and the source of the functions that make
the rows: a later run reuses it, a change to any of them makes a new one.
"""

from __future__ import annotations

import hashlib
import inspect
import multiprocessing
import os
import sqlite3
import time
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from benchmarks.measure import REPO_ROOT

PREFILL_VERSION = 2
"""Bump when the ads or the rows made of them change."""
CACHE = REPO_ROOT / "benchmarks" / "cache"
CHUNK = 10_000
TABLES = ("postings", "posting_skills", "sightings", "sighting_title_variants", "sighting_text_bands",
          "sighting_text_bands_level0", "sighting_text_bands_level1", "sighting_text_bands_level2")
"""Every table :meth:`PostingStore.write` fills for a new posting (no raw page, no rejection)."""
BAND_TABLES = TABLES[4:]
"""The band levels (:mod:`crawler.store.band_levels`): chunks hold every band row under
``sighting_text_bands``; each goes into the level the store's merges leave it in."""


def prefill_ad(number: int, words: np.ndarray | None = None) -> dict[str, Any]:
    """Stored ad ``number`` as the store pipeline hands it over (``words``: its
    :func:`~benchmarks.bench_store_scale.job_words` row, when already computed)."""
    from benchmarks.bench_store import synthetic_posting
    from benchmarks.bench_store_scale import job_lines, job_words

    ad = synthetic_posting(number)
    lines = job_lines(job_words(np.array([number]))[0] if words is None else words)
    half = len(lines) // 2
    ad.update(responsibilities=lines[:half], requirements=lines[half:])
    return ad


def _store_functions():
    """The functions that decide what the store writes (imported late: ``crawler/store/posting_store.py`` may move)."""
    try:
        from crawler.store.posting_store import POSTING_COLUMNS, content_hash
    except ImportError:  # pragma: no cover - the store's new home
        from jobcrawl_store.store import POSTING_COLUMNS, content_hash  # type: ignore[no-redef]
    return POSTING_COLUMNS, content_hash


def cache_key() -> str:
    """Generator version, schema revision and the source of everything that shapes the rows."""
    from crawler.dedupe import bands, features

    from benchmarks import bench_export, bench_store, bench_store_scale

    posting_columns, content_hash = _store_functions()
    revision = max(path.name.split("_")[0] for path in (REPO_ROOT / "alembic" / "versions").glob("[0-9]*.py"))
    digest = hashlib.sha256()
    for part in (str(PREFILL_VERSION), revision, ",".join(posting_columns), inspect.getsource(content_hash),
                 inspect.getsource(features), inspect.getsource(bands), inspect.getsource(bench_export.synthetic_row),
                 inspect.getsource(bench_store.synthetic_posting), inspect.getsource(bench_store_scale.job_words),
                 inspect.getsource(prefill_ad), inspect.getsource(chunk_rows)):
        digest.update(part.encode())
    return f"v{PREFILL_VERSION}-{revision}-{digest.hexdigest()[:10]}"


def chunk_rows(bounds: tuple[int, int]) -> dict[str, list]:
    """The rows of stored ads ``first`` … ``last`` - 1 in each of :data:`TABLES`: what the store's
    ``_insert_fresh`` writes for new postings (ids in arrival order, match method ``new``)."""
    from crawler.dedupe.bands import batch_keys
    from crawler.dedupe.features import features_of, title_variant_keys

    from benchmarks.bench_store_scale import job_words

    posting_columns, content_hash = _store_functions()
    first, last = bounds
    words = job_words(np.arange(first, last))
    tables: dict[str, list] = {table: [] for table in TABLES}
    ads = [prefill_ad(number, words[offset]) for offset, number in enumerate(range(first, last))]
    features = [features_of(ad) for ad in ads]
    # The store's own batch computation of the bands a copy is filed under (stored_band_keys' keys),
    # in batches of the store's size (a chunk's MinHash input at once would take ~0.5 GB).
    band_keys = [keys for start in range(0, len(features), 200) for keys in batch_keys(features[start:start + 200])]
    for offset, number in enumerate(range(first, last)):
        ad, feature = ads[offset], features[offset]
        row_id = number + 1
        seen_at = ad["crawled_at"]
        posting = {key: ad.get(key) for key in posting_columns}
        posting.update(first_seen_at=seen_at, last_seen_at=seen_at, status="active", repost_of=None, id=row_id)
        tables["postings"].append(posting)
        tables["posting_skills"].extend({"posting_id": row_id, "skill": skill}
                                        for skill in dict.fromkeys(ad.get("skills") or []))
        tables["sightings"].append({
            "id": row_id, "source": ad["source"], "source_id": ad.get("source_id"), "url": ad["url"],
            "posting_id": row_id, "content_hash": content_hash(ad), "first_seen_at": seen_at,
            "last_seen_at": seen_at, "match_method": "new", "match_score": None, "crawl_run_id": None,
            "scope": None, "employer_key": feature.employer_key, "title_key": feature.title_key,
            "city_key": feature.city_key, "requisition_id": feature.requisition_id,
            "via_agency": feature.via_agency, "minhash": feature.signature_bytes, "document_sha256": None,
            "parser_version": None})
        if feature.city_key:
            tables["sighting_title_variants"].extend(
                {"sighting_id": row_id, "title_key": variant, "city_key": feature.city_key, "words_dropped": dropped}
                for variant, dropped in title_variant_keys(feature.title_key))
        tables["sighting_text_bands"].extend((key, row_id) for key in set(band_keys[offset].stored))
    return tables


def _chunks(postings: int, processes: int) -> Iterator[dict[str, list]]:
    ranges = [(first, min(first + CHUNK, postings)) for first in range(0, postings, CHUNK)]
    if processes <= 1:
        yield from map(chunk_rows, ranges)
        return
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        yield from pool.imap(chunk_rows, ranges)


def _secondary_indexes(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    marks = ", ".join("?" for _ in TABLES)
    return connection.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                              f" AND tbl_name IN ({marks})", TABLES).fetchall()


_FILL_LEVEL = {table: f"INSERT INTO {table} (band_key, sighting_id) SELECT band_key, sighting_id FROM bands_loading"
                      " WHERE sighting_id BETWEEN ? AND ? ORDER BY band_key, sighting_id" for table in BAND_TABLES}


def fill_sqlite(path: Path, postings: int, processes: int = 2) -> None:
    """A migrated SQLite database at ``path`` holding stored ads 0 … ``postings`` - 1.

    Inserted through the store's table objects (the same type processing: dates, JSON, booleans)
    in one transaction per chunk; secondary indexes are dropped first and built at the end (one
    sort each instead of millions of random inserts); no journal, foreign keys not checked."""
    from sqlalchemy import insert

    from crawler.store.band_levels import level_ranges
    from models.database import get_engine, upgrade, wait_for_checkpoints
    from models.tables import Base

    url = f"sqlite:///{path}"
    upgrade(url)
    engine = get_engine(url)
    # Leaving WAL mode below needs the file to itself: not while the migrations' checkpoint runs.
    wait_for_checkpoints(engine)
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        indexes = _secondary_indexes(raw)
        for name, _sql in indexes:
            raw.execute(f'DROP INDEX "{name}"')
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "foreign_keys=OFF", "cache_size=-1048576"):
            raw.execute(f"PRAGMA {pragma}")
        # Band keys are random: inserted as they come, each row lands on another page of the
        # primary key's B-tree (36 rows an ad). They wait in a table without index and go in
        # sorted at the end, appended page after page, each into the level the store's merges
        # would have left it in (level_ranges: ranges of sighting ids).
        raw.execute("CREATE TEMP TABLE bands_loading (band_key INTEGER, sighting_id INTEGER)")
        for chunk in _chunks(postings, processes):
            with connection.begin():
                for table in TABLES:
                    if not chunk[table]:
                        continue
                    if table == "sighting_text_bands":  # plain tuples, as the store inserts them
                        connection.exec_driver_sql("INSERT INTO bands_loading (band_key, sighting_id)"
                                                   " VALUES (?, ?)", chunk[table])
                    else:
                        connection.execute(insert(Base.metadata.tables[table]), chunk[table])
        with connection.begin():
            for table, (lowest, highest) in level_ranges(postings).items():
                connection.exec_driver_sql(_FILL_LEVEL[table], (lowest, highest))
            connection.exec_driver_sql("DROP TABLE bands_loading")
        for _name, sql in indexes:
            raw.execute(sql)
        raw.execute("ANALYZE")
        raw.execute("PRAGMA journal_mode=WAL")
    engine.dispose()


def fill_postgresql(url: str, sqlite_path: Path) -> None:
    """The same rows in the (empty) PostgreSQL database at ``url``: migrated, then each table
    copied from the prefilled SQLite file with ``COPY``, secondary indexes built after the load,
    foreign keys not checked row by row (``session_replication_role = replica``), the id sequences
    moved past the rows. SQLite holds timestamps as UTC text, booleans as 0/1 and JSON as text:
    PostgreSQL reads each as the store's own values (``timezone = 'UTC'``; the test compares)."""
    import psycopg
    from sqlalchemy.engine import make_url

    from models.database import get_engine, upgrade

    upgrade(url)
    get_engine(url).dispose()
    parts = make_url(url)
    source = sqlite3.connect(sqlite_path)
    with psycopg.connect(host=parts.host, port=parts.port, user=parts.username, dbname=parts.database,
                         autocommit=True) as connection:
        connection.execute("SET session_replication_role = replica")
        connection.execute("SET timezone = 'UTC'")
        connection.execute("SET maintenance_work_mem = '512MB'")
        indexes = connection.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) AND indexname NOT IN "
            "(SELECT conname FROM pg_constraint)", [list(TABLES)]).fetchall()
        for name, _definition in indexes:
            connection.execute(f'DROP INDEX "{name}"')
        for table in TABLES:
            columns = [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
            # In primary-key order: the constraint's index (kept) is then appended to, not
            # inserted into at random places (the text bands' keys are random).
            order = "band_key, sighting_id" if table in BAND_TABLES else "rowid"
            cursor = source.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}")
            with connection.transaction(), connection.cursor().copy(
                    f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                while rows := cursor.fetchmany(10_000):
                    for row in rows:
                        copy.write_row(row)
        for _name, definition in indexes:
            connection.execute(definition)
        for table in ("postings", "sightings"):
            connection.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                               f" (SELECT coalesce(max(id), 0) + 1 FROM {table}), false)")
        connection.execute("ANALYZE")
    source.close()


def cached_sqlite(postings: int, cache: Path = CACHE, processes: int = 2) -> tuple[Path, float | None]:
    """The prefilled SQLite file for ``postings`` (made now if the cache has none for this
    :func:`cache_key`) and the seconds making it took (``None`` when reused)."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"store-prefill-{postings}-{cache_key()}.db"
    if path.exists():
        return path, None
    partial = path.with_suffix(f".partial-{os.getpid()}")
    started = time.perf_counter()
    try:
        fill_sqlite(partial, postings, processes)
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        partial.rename(path)
    finally:
        for leftover in (partial, *(Path(f"{partial}{suffix}") for suffix in ("-wal", "-shm", ".migrate-lock"))):
            leftover.unlink(missing_ok=True)
    return path, round(time.perf_counter() - started, 1)

