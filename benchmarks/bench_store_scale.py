"""Store cost against database size (issue 15): ads/s of ``PostingStore.write`` with 10k … 1M
realistic postings already stored.

    python -m benchmarks.bench_store_scale --sizes 10000,100000,1000000 [--tree OTHER_CHECKOUT ...]

The prefill is what a board crawled for months leaves behind, written fast (SQL, not the store):

- titles, cities and employers recur as on a real board (``benchmarks.bench_export.synthetic_row``:
  12 titles × 7 cities × 5,000 employers, one ad in seven via an agency), and each sighting's
  matching keys are computed from its posting exactly as the store computes them;
- each ad has its own job-specific text: eight bullets of six words, three from a vocabulary of its
  title (200 words) and three from a common one (1,696 words), both drawn with Zipf-like
  frequencies, so ads of one title share their stock words as real ones do, and copies of one job
  share far more. Its text profile and text bands are stored as the store stores them; its 3-shingle
  MinHash is random (no stored ad is a verbatim copy of an incoming one);
- title variants, as the store writes them.

Incoming ads arrive right after the last stored one (the store's candidate window covers every
stored posting at every size: the rate measured is not helped by the window). Nine in ten are new
jobs of the same titles, cities and employers; one in ten is an agency's rewrite of a recently
stored ad (a bullet dropped, the rest shuffled, a word changed in three bullets) that the agency
rule should match: the child reports how many it matched, so a faster store that misses them shows.

One timing method for every size and every checkout measured (``perf_counter`` around the writes
in a child process that only loads the ads and writes them); peak RSS of that child. ``--tree``
runs the same ads against the same prefilled database with another checkout's store (before and
after on one machine, one run).
"""

from __future__ import annotations

import json
import pickle
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

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
    hashes = _word_hashes()[words]
    lines = [np.unique(line) for line in hashes]
    lines = [line for line in lines if len(line) >= 2]
    return np.concatenate([np.array([len(lines), *map(len, lines)], dtype=np.uint32), *lines])


def _prefill(path: Path, postings: int) -> None:
    """``postings`` postings with one sighting each (keys, text profile, text bands, title variants)."""
    from crawler.dedupe.bands import band_keys, band_title, word_minhash
    from crawler.dedupe.features import NUM_PERMUTATIONS, city_key, employer_key, title_key, title_variant_keys
    from models.database import upgrade

    upgrade(f"sqlite:///{path}")
    column = {name: index for index, name in enumerate(_INSERT_COLUMNS)}
    placeholders = ", ".join("?" for _ in _INSERT_COLUMNS)
    rng = np.random.default_rng(11)
    keys: dict[tuple, tuple] = {}
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    for first in range(0, postings, _CHUNK):
        numbers = np.arange(first, min(first + _CHUNK, postings))
        rows = [synthetic_row(int(number), START) for number in numbers]
        words = job_words(numbers)
        hashes = _word_hashes()[words.reshape(len(numbers), -1)]
        minhashes = word_minhash(hashes)
        sightings, variants, groups = [], [], {}
        for offset, row in enumerate(rows):
            number = first + offset
            triple = (row[column["title"]], row[column["city"]], row[column["company"]])
            if triple not in keys:
                keys[triple] = (employer_key(triple[2]), title_key(triple[0], triple[1]), city_key(triple[1]))
            employer, title, city = keys[triple]
            hidden = bool(row[column["via_agency"]]) or employer is None
            groups.setdefault((band_title(title), city, hidden), []).append(offset)
            blob = rng.integers(0, 2**32, NUM_PERMUTATIONS, dtype=np.uint32).tobytes() \
                + profile_values(words[offset]).tobytes()
            sightings.append((number + 1, row[column["source"]], row[column["source_id"]], row[column["url"]],
                              number + 1, row[column["first_seen_at"]], row[column["last_seen_at"]], employer,
                              title, city, int(bool(row[column["via_agency"]])), blob))
            variants.extend((number + 1, variant, city, dropped) for variant, dropped in title_variant_keys(title))
        bands = []
        for (title, city, hidden), offsets in groups.items():
            group_keys = band_keys(title, city, hidden, minhashes[offsets])
            for offset, row_keys in zip(offsets, group_keys.tolist()):
                bands.extend((key, first + offset + 1) for key in set(row_keys))
        with connection:
            connection.executemany(f"INSERT INTO postings ({', '.join(_INSERT_COLUMNS)}) VALUES ({placeholders})",
                                   rows)
            connection.executemany(
                "INSERT INTO sightings (id, source, source_id, url, posting_id, content_hash, first_seen_at,"
                " last_seen_at, match_method, employer_key, title_key, city_key, via_agency, minhash) "
                "VALUES (?, ?, ?, ?, ?, 'x', ?, ?, 'new', ?, ?, ?, ?, ?)", sightings)
            connection.executemany("INSERT INTO sighting_title_variants (sighting_id, title_key, city_key,"
                                   " words_dropped) VALUES (?, ?, ?, ?)", variants)
            if _has_bands(connection):
                connection.executemany("INSERT INTO sighting_text_bands (band_key, sighting_id) VALUES (?, ?)", bands)
    connection.execute("ANALYZE")
    # Everything into the main file: the template is copied as one file, and the migration's
    # engine still holds a connection, so closing this one would not checkpoint the log.
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def _has_bands(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'sighting_text_bands'").fetchone() is not None


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
matched = new = 0
started = time.perf_counter()
for first in range(0, len(ads), {batch}):
    result = store.write(ads[first:first + {batch}])
    matched += result.matched
    new += result.new_postings
print(json.dumps({{"ads_per_s": len(ads) / (time.perf_counter() - started), "matched": matched, "new": new}}))
"""


def measure(database: Path, ads_file: Path, tree: str | None = None) -> dict[str, Any]:
    """Write the pickled ads into ``database`` in a child process running ``tree``'s store."""
    child = run_child([sys.executable, "-c", _CHILD.format(batch=BATCH), f"sqlite:///{database}", str(ads_file)],
                      cwd=Path(tree) if tree else REPO_ROOT, env={"PYTHONPATH": tree or str(REPO_ROOT)})
    if child["returncode"] != 0:
        raise RuntimeError(child["stderr"][-2000:])
    result = json.loads(child["stdout"].strip().splitlines()[-1])
    return {"ads_per_s": round(result["ads_per_s"], 1), "peak_rss_mb": round(child["peak_rss_mb"], 1),
            "matched": result["matched"], "new_postings": result["new"]}


def bench_store_scale(sizes: tuple[int, ...] = (10_000, 200_000), incoming: int = 1_000,
                      trees: tuple[str, ...] = ()) -> dict[str, Any]:
    """Ads/s with each of ``sizes`` postings stored, for this checkout (and each of ``trees``, on
    a copy of the same prefilled database, with the same ads); flatness = rate at the largest
    size ÷ rate at the smallest."""
    report: dict[str, Any] = {"incoming": incoming, "batch": BATCH, "sizes": list(sizes),
                              "agency_copies": incoming // AGENCY_COPY_EVERY}
    checkouts = {"this": None, **{tree: tree for tree in trees}}
    with tempfile.TemporaryDirectory(prefix="jobcrawl-store-scale-") as folder:
        for size in sizes:
            template = Path(folder) / f"prefilled-{size}.db"
            started = time.perf_counter()
            _prefill(template, size)
            prefill = round(time.perf_counter() - started, 1)
            ads_file = Path(folder) / "ads.pickle"
            ads_file.write_bytes(pickle.dumps(incoming_ads(size, incoming)))
            entry: dict[str, Any] = {"prefill_s": prefill, "database_mb": round(template.stat().st_size / 2**20)}
            for name, tree in checkouts.items():
                database = Path(folder) / "run.db"
                database.write_bytes(template.read_bytes())
                entry[name] = measure(database, ads_file, tree)
                database.unlink()
            report[str(size)] = {**entry["this"], **{key: value for key, value in entry.items() if key != "this"}}
            template.unlink()
    for name in checkouts:
        rates = [report[str(size)]["ads_per_s"] if name == "this" else report[str(size)][name]["ads_per_s"]
                 for size in sizes]
        key = "flatness" if name == "this" else f"flatness[{name}]"
        report[key] = round(rates[-1] / rates[0], 3)
    report["peak_rss_mb"] = max(report[str(size)]["peak_rss_mb"] for size in sizes)
    return report


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="store ads/s against database size")
    parser.add_argument("--sizes", default="10000,200000")
    parser.add_argument("--incoming", type=int, default=1000)
    parser.add_argument("--tree", action="append", default=[], help="another checkout to measure (before/after)")
    arguments = parser.parse_args()
    print(json.dumps(bench_store_scale(tuple(int(s) for s in arguments.sizes.split(",")), arguments.incoming,
                                       tuple(arguments.tree)), indent=1))
