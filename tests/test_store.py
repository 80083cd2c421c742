"""The batched store on SQLite and PostgreSQL: new, unchanged, changed copies; rejections."""

from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from crawler.items import SCHEMA_FIELDS, LIST_FIELDS
from crawler.store.posting_store import PostingStore, content_hash
from models.database import get_engine
from models.tables import Posting, PostingSkill, RejectedItem, Sighting

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)


def posting(number: int, **changes):
    values = {name: ([] if name in LIST_FIELDS else None) for name in SCHEMA_FIELDS}
    values.update(source="jsonld", source_id=None, url=f"https://example.de/jobs/{number}",
                  crawled_at=NOW, title=f"Job {number}", title_raw=f"Job {number} (m/w/d)",
                  skills=["Python", "SQL"], via_agency=False)
    values.update(changes)
    return values


def count(url, model):
    with get_engine(url).connect() as connection:
        return connection.execute(select(func.count()).select_from(model)).scalar()


def test_same_batch_twice_adds_nothing(migrated_database_url):
    store = PostingStore(get_engine(migrated_database_url))
    first = store.write([posting(n) for n in range(5)])
    second = store.write([posting(n, crawled_at=NOW + timedelta(hours=1)) for n in range(5)])
    assert (first.new_postings, second.new_postings, second.unchanged) == (5, 0, 5)
    assert count(migrated_database_url, Posting) == 5
    assert count(migrated_database_url, Sighting) == 5
    assert count(migrated_database_url, PostingSkill) == 10
    with get_engine(migrated_database_url).connect() as connection:
        last_seen = connection.execute(select(func.min(Posting.last_seen_at))).scalar()
    assert last_seen.replace(tzinfo=timezone.utc) == NOW + timedelta(hours=1)


def test_changed_content_updates_the_posting(migrated_database_url):
    store = PostingStore(get_engine(migrated_database_url))
    store.write([posting(1)])
    result = store.write([posting(1, title="Job 1 renamed", skills=["Go"])])
    assert result.updated_postings == 1
    with get_engine(migrated_database_url).connect() as connection:
        assert connection.execute(select(Posting.title)).scalar() == "Job 1 renamed"
        assert connection.execute(select(PostingSkill.skill)).scalars().all() == ["Go"]


def test_source_id_identifies_a_copy_whose_url_changed(migrated_database_url):
    store = PostingStore(get_engine(migrated_database_url))
    store.write([posting(1, source="greenhouse", source_id="42")])
    result = store.write([posting(1, source="greenhouse", source_id="42", url="https://example.de/new")])
    assert result.new_postings == 0
    assert count(migrated_database_url, Sighting) == 1


def test_rejections_are_stored(migrated_database_url):
    store = PostingStore(get_engine(migrated_database_url))
    store.write([], [{"source": "jsonld", "url": "https://example.de/x", "reason": "missing title", "payload": "{}"}])
    with get_engine(migrated_database_url).connect() as connection:
        assert connection.execute(select(RejectedItem.reason)).scalar() == "missing title"


def test_content_hash_ignores_fetch_time_and_relative_dates():
    assert content_hash(posting(1)) == content_hash(posting(1, crawled_at=NOW + timedelta(days=1),
                                                            date_posted_raw="vor 3 Tagen"))
    assert content_hash(posting(1)) != content_hash(posting(1, title="Other"))
