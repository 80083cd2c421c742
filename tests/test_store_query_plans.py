"""Every query a batch runs against ``postings`` and ``sightings`` is an index search on SQLite
(``EXPLAIN QUERY PLAN``) and on PostgreSQL (``EXPLAIN`` with sequential scans priced out): the
store's cost per ad must not grow with the database (issue 15)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event

from benchmarks.bench_store import synthetic_posting
from crawler.store.posting_store import PostingStore
from models.database import get_engine

WATCHED = ("postings", "sightings", "sighting_text_bands", "sighting_text_bands_level0", "sighting_text_bands_level1",
           "sighting_text_bands_level2", "sighting_title_variants")


def _batch(first: int, count: int, source_every: int = 3) -> list[dict]:
    postings = []
    for number in range(first, first + count):
        posting = synthetic_posting(number)
        posting["source"] = f"board-{number % source_every}"  # several sources in one batch
        postings.append(posting)
    return postings


def _captured_statements(engine, write) -> list[tuple[str, object]]:
    captured = []

    def capture(connection, cursor, statement, parameters, context, executemany):
        if not executemany and re.match(r"\s*(SELECT|UPDATE|DELETE|WITH)", statement, re.I) \
                and any(re.search(rf"\b{table}\b", statement) for table in WATCHED):
            captured.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        write()
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    return captured


def _full_scans(engine, dialect: str, statement: str, parameters) -> list[str]:
    with engine.connect() as connection:
        if dialect == "sqlite":
            plan = [row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]
            return [step for step in plan if re.match(rf"SCAN ({'|'.join(WATCHED)})\b", step)
                    and "USING" not in step]
        connection.exec_driver_sql("SET enable_seqscan = off")
        plan = [row[0] for row in connection.exec_driver_sql(f"EXPLAIN {statement}", parameters)]
        return [step for step in plan if re.search(rf"Seq Scan on ({'|'.join(WATCHED)})\b", step)]


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_batch_queries_search_indexes_only(dialect, request):
    url = request.getfixturevalue("migrated_sqlite_url" if dialect == "sqlite" else "migrated_postgres_url")
    engine = get_engine(url)
    store = PostingStore(engine, parser_version="test")
    store.write(_batch(0, 60))
    # Known copies (same source and url), changed copies and new ads in one batch.
    again = _batch(0, 20)
    for posting in again[:5]:
        posting["description"] = (posting.get("description") or "") + " Neu: Homeoffice möglich."
    batch = again + _batch(1000, 20)
    batch[-1]["city"] = None  # an ad without a city: the employer's city-less copies are read
    captured = _captured_statements(engine, lambda: store.write(batch))
    assert any("FROM sightings" in statement for statement, _ in captured)
    # The lookups by band (employer bands for the near-duplicate rule, text bands of the same or a
    # shorter title for the agency rules), the colliding sightings' rows, longer titles' variants
    # and the employer's copies without a city.
    assert any(re.search(r"\bsighting_text_bands\b", statement) for statement, _ in captured)
    assert any(re.search(r"FROM sightings\s+WHERE sightings.id IN", statement) for statement, _ in captured)
    assert any("FROM sighting_title_variants" in statement for statement, _ in captured)
    assert any("city_key IS NULL" in statement for statement, _ in captured)
    for statement, parameters in captured:
        scans = _full_scans(engine, dialect, statement, parameters)
        assert not scans, (statement, scans)
    engine.dispose()


def test_a_large_batch_of_distinct_jobs_is_stored_on_sqlite(migrated_sqlite_url):
    # Thousands of distinct (title, city) and (employer, city) keys in one batch once made one ORed
    # condition deeper than SQLite's expression limit ("Expression tree is too large"), so the whole
    # batch failed and was spilled.
    engine = get_engine(migrated_sqlite_url)
    store = PostingStore(engine, parser_version="test")
    batch = _batch(0, 1200)
    for number, posting in enumerate(batch):
        posting["title"] = f"{posting['title']} Team {number}"
        posting["city"] = f"Stadt {number}"
        posting["company"] = f"Arbeitgeber {number} GmbH"
    store.write(batch)
    with engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT count(*) FROM sightings").scalar()
    assert stored == len({(p["source"], p["url"]) for p in batch})
    engine.dispose()
