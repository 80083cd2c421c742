"""Store cost against database size (issue 15): ads/s of ``PostingStore.write`` with 10k … 1M
realistic postings already stored, on SQLite and on PostgreSQL.

    python -m benchmarks.bench_store_scale [--sizes 10000,1000000] [--dialects sqlite,postgresql]
        [--keep FOLDER] [--postgresql-url URL] [--latest] [--tree OTHER_CHECKOUT ...]

The prefill is what a board crawled for months leaves behind, written as a bulk load (SQL, not the
store; secondary indexes built after the rows, COPY on PostgreSQL, rows made in two processes):

- titles, cities and employers recur as on a real board (``benchmarks.bench_export.synthetic_row``:
  12 titles × 7 cities × 5,000 employers, one ad in seven via an agency), and each sighting's
  matching keys are computed from its posting exactly as the store computes them;
- each ad has its own job-specific text: eight bullets of six words, three from a vocabulary of its
  title (200 words) and three from a common one (1,696 words), both drawn with Zipf-like
  frequencies, so ads of one title share their stock words as real ones do, and copies of one job
  share far more. Its text profile and text bands are stored as the store stores them; its 3-shingle
  MinHash is random (no stored ad is a verbatim copy of an incoming one);
- title variants and employer bands, as the store writes them.

Incoming ads arrive right after the last stored one (the store's candidate window covers every
stored posting at every size: the rate measured is not helped by the window). Nine in ten are new
jobs of the same titles, cities and employers; one in ten is an agency's rewrite of a recently
stored ad (a bullet dropped, the rest shuffled, a word changed in three bullets) that the agency
rule should match: the child reports how many it matched, so a faster store that misses them shows.

One timing method for every size and every checkout measured (``perf_counter`` around the writes
in a child process that only loads the ads and writes them; its CPU time per ad too, which a
shared machine inflates less than the wall time); peak RSS of that child. The ads arrive with
their matching features, as the crawl's parse workers hand them to the store; computing them is
timed apart (``features_ms_per_ad``). ``--tree`` runs the same ads against the same prefilled
database with another checkout's store (before and after on one machine, one run). ``--keep``
keeps the prefilled databases (SQLite files in FOLDER; with ``--postgresql-url``, databases on that
server) and measures later runs on copies of them; ``--latest`` puts the figures into
``benchmarks/results/latest.json`` under ``store``, as ``make bench`` does.
"""

from __future__ import annotations

import json
import pickle
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from benchmarks.bench_export import _INSERT_COLUMNS, _TITLES, synthetic_row
from benchmarks.bench_store import BATCH, START, synthetic_posting
from benchmarks.measure import REPO_ROOT, run_child

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
_CHUNK = 20_000
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


_WORD_HASHES: np.ndarray | None = None


def _word_hashes() -> np.ndarray:
    global _WORD_HASHES
    if _WORD_HASHES is None:
        from crawler.dedupe.features import _word_hash

        _WORD_HASHES = np.array([_word_hash(word) for word in _VOCABULARY], dtype=np.uint32)
    return _WORD_HASHES


def profile_values(words: np.ndarray) -> np.ndarray:
    """The text profile (:class:`crawler.dedupe.features.TextProfile`) of one posting's bullets,
    computed from the word indexes: per line the sorted distinct word hashes, lines with fewer
    than two words left out — what ``TextProfile.of`` makes of :func:`job_lines`."""
    return _profiles(words[None])[0]


def _profiles(words: np.ndarray) -> list[np.ndarray]:
    """:func:`profile_values` of each posting of an ``n × LINES × WORDS_PER_LINE`` array at once."""
    hashes = np.sort(_word_hashes()[words], axis=2)
    distinct = np.ones(hashes.shape, dtype=bool)
    distinct[:, :, 1:] = hashes[:, :, 1:] != hashes[:, :, :-1]
    lengths = distinct.sum(axis=2)
    kept = lengths >= 2
    values = hashes[distinct & kept[:, :, None]]
    counts = np.where(kept, lengths, 0).sum(axis=1)
    profiles = []
    for posting, part in enumerate(np.split(values, np.cumsum(counts)[:-1])):
        header = np.array([kept[posting].sum(), *lengths[posting][kept[posting]]], dtype=np.uint32)
        profiles.append(np.concatenate([header, part]))
    return profiles


_VOCABULARY_MINHASH: np.ndarray | None = None


def _word_minhashes(words: np.ndarray) -> np.ndarray:
    """:func:`crawler.dedupe.bands.word_minhash` of each posting's words (``n × LINES × WORDS``
    vocabulary indexes), from the MinHash values of each vocabulary word, computed once."""
    from crawler.dedupe.bands import word_minhash

    global _VOCABULARY_MINHASH
    if _VOCABULARY_MINHASH is None:
        _VOCABULARY_MINHASH = word_minhash(_word_hashes()[:, None])
    flat = words.reshape(len(words), -1)
    return np.concatenate([_VOCABULARY_MINHASH[flat[start:start + 1000]].min(axis=1)
                           for start in range(0, len(flat), 1000)])


_TABLES = ("postings", "sightings", "sighting_title_variants", "sighting_text_bands")
_SIGHTING_COLUMNS = ("id", "source", "source_id", "url", "posting_id", "content_hash", "first_seen_at",
                     "last_seen_at", "match_method", "employer_key", "title_key", "city_key", "via_agency", "minhash")


def prefill_chunks(postings: int, processes: int = 2) -> Iterator[dict[str, list[tuple]]]:
    """The prefill's rows, :data:`_CHUNK` postings at a time, made by ``processes`` processes:
    ``postings`` (id first, then ``_INSERT_COLUMNS``), ``sightings`` (:data:`_SIGHTING_COLUMNS`),
    ``sighting_title_variants`` and ``sighting_text_bands`` (employer and text bands, as the store
    files them)."""
    import multiprocessing

    ranges = [(first, min(first + _CHUNK, postings)) for first in range(0, postings, _CHUNK)]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        yield from pool.imap(_chunk_rows, ranges)


_KEYS: dict[tuple, tuple] = {}
"""(title, city, company) -> the keys the store computes from them, per process."""


def _chunk_rows(bounds: tuple[int, int]) -> dict[str, list[tuple]]:
    from crawler.dedupe.bands import band_keys, band_title, employer_band_keys
    from crawler.dedupe.features import NUM_PERMUTATIONS, city_key, employer_key, title_key, title_variant_keys

    first, last = bounds
    column = {name: index for index, name in enumerate(_INSERT_COLUMNS)}
    numbers = np.arange(first, last)
    rows = [synthetic_row(int(number), START) for number in numbers]
    words = job_words(numbers)
    minhashes = _word_minhashes(words)
    profiles = _profiles(words)
    # Random 3-shingle MinHashes: no stored ad is a verbatim copy of another.
    signatures = np.random.default_rng((11, first)).integers(0, 2**32, (len(numbers), NUM_PERMUTATIONS),
                                                              dtype=np.uint32)
    sightings, variants, text_groups, employer_groups = [], [], {}, {}
    for offset, row in enumerate(rows):
        number = first + offset
        triple = (row[column["title"]], row[column["city"]], row[column["company"]])
        if triple not in _KEYS:
            title = title_key(triple[0], triple[1])
            _KEYS[triple] = (employer_key(triple[2]), title, city_key(triple[1]), title_variant_keys(title))
        employer, title, city, title_variants = _KEYS[triple]
        via_agency = bool(row[column["via_agency"]])
        text_groups.setdefault((band_title(title), city, via_agency or employer is None), []).append(offset)
        if employer and city:
            employer_groups.setdefault((employer, city), []).append(offset)
        sightings.append((number + 1, row[column["source"]], row[column["source_id"]], row[column["url"]],
                          number + 1, "x", row[column["first_seen_at"]], row[column["last_seen_at"]], "new",
                          employer, title, city, via_agency, signatures[offset].tobytes() + profiles[offset].tobytes()))
        variants.extend((number + 1, variant, city, dropped) for variant, dropped in title_variants)
    bands = []
    for (title, city, hidden), offsets in text_groups.items():
        for offset, row_keys in zip(offsets, band_keys(title, city, hidden, minhashes[offsets]).tolist()):
            bands.extend((key, first + offset + 1) for key in set(row_keys))
    for (employer, city), offsets in employer_groups.items():
        for offset, row_keys in zip(offsets, employer_band_keys(employer, city, signatures[offsets]).tolist()):
            bands.extend((key, first + offset + 1) for key in set(row_keys))
    return {"postings": [(int(number) + 1, *row) for number, row in zip(numbers, rows)], "sightings": sightings,
            "sighting_title_variants": variants, "sighting_text_bands": bands}


_COLUMNS = {"postings": ("id", *_INSERT_COLUMNS), "sightings": _SIGHTING_COLUMNS,
            "sighting_title_variants": ("sighting_id", "title_key", "city_key", "words_dropped"),
            "sighting_text_bands": ("band_key", "sighting_id")}


def _prefill(path: Path, postings: int) -> None:
    """A migrated SQLite database at ``path`` with ``postings`` postings, one sighting each.

    Written as a bulk load is: the secondary indexes of the four tables are dropped first and
    built again at the end (one sort each instead of millions of random inserts), no journal."""
    from models.database import get_engine, upgrade

    url = f"sqlite:///{path}"
    upgrade(url)
    get_engine(url).dispose()
    connection = sqlite3.connect(path, isolation_level=None)
    indexes = [sql for (sql,) in connection.execute(
        f"SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({', '.join('?' for _ in _TABLES)})", _TABLES)]
    for (name,) in connection.execute(f"SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                                      f" AND tbl_name IN ({', '.join('?' for _ in _TABLES)})", _TABLES).fetchall():
        connection.execute(f'DROP INDEX "{name}"')
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("PRAGMA cache_size=-262144")
    for chunk in prefill_chunks(postings):
        connection.execute("BEGIN")
        for table, rows in chunk.items():
            connection.executemany(f"INSERT INTO {table} ({', '.join(_COLUMNS[table])}) "
                                   f"VALUES ({', '.join('?' for _ in _COLUMNS[table])})", rows)
        connection.execute("COMMIT")
    for sql in indexes:
        connection.execute(sql)
    connection.execute("ANALYZE")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.close()


def _prefill_postgresql(url: str, postings: int) -> None:
    """The same rows into a PostgreSQL database: ``COPY``, with the secondary indexes built after
    the load and foreign keys not checked row by row (``session_replication_role = replica``)."""
    import psycopg
    from sqlalchemy.engine import make_url

    from models.database import get_engine, upgrade

    upgrade(url)
    get_engine(url).dispose()
    parts = make_url(url)
    with psycopg.connect(host=parts.host, port=parts.port, user=parts.username, dbname=parts.database,
                         autocommit=True) as connection:
        connection.execute("SET session_replication_role = replica")
        connection.execute("SET timezone = 'UTC'")
        connection.execute("SET maintenance_work_mem = '256MB'")
        indexes = connection.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) AND indexname NOT IN "
            "(SELECT conname FROM pg_constraint)", [list(_TABLES)]).fetchall()
        for name, _definition in indexes:
            connection.execute(f'DROP INDEX "{name}"')
        for chunk in prefill_chunks(postings):
            with connection.transaction():
                for table, rows in chunk.items():
                    with connection.cursor().copy(f"COPY {table} ({', '.join(_COLUMNS[table])}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
        for _name, definition in indexes:
            connection.execute(definition)
        for table in ("postings", "sightings"):
            connection.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {postings})")
        connection.execute("ANALYZE")


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
from models.database import get_engine
from models.store import PostingStore
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


def _load_average() -> float:
    return round(os.getloadavg()[0], 2)


def _schema_revision() -> str:
    return max(path.name.split("_")[0] for path in (REPO_ROOT / "alembic" / "versions").glob("[0-9]*.py"))


def _sqlite_runs(size: int, folder: Path, ads_file: Path, checkouts: dict[str, str | None],
                 keep: Path | None) -> dict[str, Any]:
    template = (keep or folder) / f"store-scale-{size}-{_schema_revision()}.db"
    entry: dict[str, Any] = {"prefill_s": None}
    if not template.exists():
        started = time.perf_counter()
        _prefill(template, size)
        entry["prefill_s"] = round(time.perf_counter() - started, 1)
    entry["database_mb"] = round(template.stat().st_size / 2**20)
    for position, (name, tree) in enumerate(checkouts.items()):
        # Without ``keep`` the last checkout writes into the prefilled file itself (a million
        # postings take gigabytes).
        database = template if keep is None and position == len(checkouts) - 1 else folder / "run.db"
        if database != template:
            shutil.copyfile(template, database)
        entry[name] = {**measure(f"sqlite:///{database}", ads_file, tree), "load_average": _load_average()}
        database.unlink()
    return entry


def _postgresql_runs(size: int, server_url: str, ads_file: Path, checkouts: dict[str, str | None],
                     keep: bool) -> dict[str, Any]:
    import psycopg
    from sqlalchemy.engine import make_url

    parts = make_url(server_url)
    admin = f"host={parts.host} port={parts.port} user={parts.username} dbname=postgres"
    template = f"store_scale_{size}_{_schema_revision()}"
    url = parts.set(database=template).render_as_string(hide_password=False)
    entry: dict[str, Any] = {"prefill_s": None}
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template]).fetchone()
        if exists and not keep:
            connection.execute(f'DROP DATABASE "{template}"')
        if not (exists and keep):
            connection.execute(f'CREATE DATABASE "{template}"')
    if not (exists and keep):
        started = time.perf_counter()
        _prefill_postgresql(url, size)
        entry["prefill_s"] = round(time.perf_counter() - started, 1)
    with psycopg.connect(admin, autocommit=True) as connection:
        entry["database_mb"] = round(connection.execute("SELECT pg_database_size(%s)", [template]).fetchone()[0] / 2**20)
    for position, (name, tree) in enumerate(checkouts.items()):
        database = template
        if keep or position < len(checkouts) - 1:
            database = f"store_scale_run_{position}"
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
                connection.execute(f'CREATE DATABASE "{database}" TEMPLATE "{template}"')
        entry[name] = {**measure(parts.set(database=database).render_as_string(hide_password=False), ads_file, tree),
                       "load_average": _load_average()}
        if database != template or not keep:
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE "{database}"')
    return entry


def bench_store_scale(sizes: tuple[int, ...] = (10_000, 1_000_000), incoming: int = 1_000,
                      trees: tuple[str, ...] = (), dialects: tuple[str, ...] = ("sqlite", "postgresql"),
                      keep: Path | None = None, postgresql_url: str | None = None) -> dict[str, Any]:
    """Ads/s with each of ``sizes`` postings stored, on each of ``dialects``, for this checkout
    (and each of ``trees``, on a copy of the same prefilled database, with the same ads);
    flatness = rate at the largest size ÷ rate at the smallest.

    PostgreSQL runs on a server started for the run, or on ``postgresql_url``'s server. With
    ``keep``, the prefilled databases (SQLite files in ``keep``; on ``postgresql_url``'s server,
    databases ``store_scale_<size>_<schema revision>``) are kept and reused by later runs, which
    measure on copies of them."""
    report: dict[str, Any] = {"incoming": incoming, "batch": BATCH, "sizes": list(sizes),
                              "agency_copies": incoming // AGENCY_COPY_EVERY, "cpu_count": os.cpu_count(),
                              "load_average_at_start": _load_average()}
    checkouts = {"this": None, **{tree: tree for tree in trees}}
    server = None
    with tempfile.TemporaryDirectory(prefix="jobcrawl-store-scale-") as name:
        folder = Path(name)
        try:
            for dialect in dialects:
                if dialect == "postgresql" and postgresql_url is None:
                    from tests.support.postgres import PostgresServer

                    server = PostgresServer().start()
                figures: dict[str, Any] = {}
                for size in sizes:
                    ads_file = folder / "ads.pickle"
                    ads_file.write_bytes(pickle.dumps(incoming_ads(size, incoming)))
                    if dialect == "sqlite":
                        entry = _sqlite_runs(size, folder, ads_file, checkouts, keep)
                    else:
                        entry = _postgresql_runs(size, postgresql_url or server.url, ads_file, checkouts,
                                                 keep is not None and postgresql_url is not None)
                    figures[str(size)] = {**entry["this"], **{key: value for key, value in entry.items() if key != "this"}}
                    print(f"store_scale {dialect} {size}: {figures[str(size)]}", file=sys.stderr, flush=True)
                for name_, tree in checkouts.items():
                    rates = [figures[str(size)]["ads_per_s"] if tree is None else figures[str(size)][name_]["ads_per_s"]
                             for size in sizes]
                    figures["flatness" if tree is None else f"flatness[{name_}]"] = round(rates[-1] / rates[0], 3)
                figures["peak_rss_mb"] = max(figures[str(size)]["peak_rss_mb"] for size in sizes)
                report[dialect] = figures
        finally:
            if server is not None:
                server.stop()
    report["peak_rss_mb"] = max(report[dialect]["peak_rss_mb"] for dialect in dialects)
    return report


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="store ads/s against database size")
    parser.add_argument("--sizes", default="10000,1000000")
    parser.add_argument("--dialects", default="sqlite,postgresql")
    parser.add_argument("--incoming", type=int, default=1000)
    parser.add_argument("--tree", action="append", default=[], help="another checkout to measure (before/after)")
    parser.add_argument("--keep", type=Path, help="keep the prefilled databases in this folder (and on "
                        "--postgresql-url's server) and reuse them")
    parser.add_argument("--postgresql-url", help="a running server to use instead of one started for the run")
    parser.add_argument("--latest", action="store_true",
                        help="also put the figures into benchmarks/results/latest.json under store (as make bench does)")
    arguments = parser.parse_args()
    report = bench_store_scale(tuple(int(s) for s in arguments.sizes.split(",")), arguments.incoming,
                               tuple(arguments.tree), tuple(arguments.dialects.split(",")), arguments.keep,
                               arguments.postgresql_url)
    report["command"] = "python -m benchmarks.bench_store_scale " + " ".join(
        argument for argument in sys.argv[1:] if not argument.startswith("postgresql"))
    print(json.dumps(report, indent=1))
    if arguments.latest:
        from benchmarks.run import record_store_scale

        record_store_scale(report)
