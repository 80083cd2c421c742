"""The postings_by_occupation view, created by ``alembic upgrade head``, on SQLite and PostgreSQL."""

from datetime import datetime, timezone

from sqlalchemy import text

from crawler.items import LIST_FIELDS, SCHEMA_FIELDS
from crawler.store.posting_store import PostingStore
from models.database import get_engine, upgrade

DAY = datetime(2026, 11, 20, 9, tzinfo=timezone.utc)


def posting(url, isco, region, source="greenhouse"):
    values = {name: ([] if name in LIST_FIELDS else None) for name in SCHEMA_FIELDS}
    values.update(source=source, url=url, crawled_at=DAY, title=f"job {url}", via_agency=False,
                  region=region, country="DE", occupation_isco=isco)
    return values


def test_counts_by_day_source_region_at_each_isco_level(database_url):
    upgrade(database_url)
    engine = get_engine(database_url)
    PostingStore(engine).write([
        posting("https://a.example/1", "2512", "Bremen"),
        posting("https://a.example/2", "2512", "Bremen"),
        posting("https://a.example/3", "2513", "Bremen"),
        posting("https://a.example/4", "2221", "Bayern"),
        posting("https://a.example/5", None, "Bremen"),  # no occupation: not counted
    ])
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT region, isco_1, isco_2, isco_3, isco_4, postings FROM postings_by_occupation "
            "ORDER BY isco_4")).all()
        by_sub_major = dict(connection.execute(text(
            "SELECT isco_2, SUM(postings) FROM postings_by_occupation WHERE region = 'Bremen' GROUP BY isco_2")).all())
        days = connection.execute(text("SELECT DISTINCT day, source FROM postings_by_occupation")).all()
    assert [tuple(row) for row in rows] == [
        ("Bayern", "2", "22", "222", "2221", 1),
        ("Bremen", "2", "25", "251", "2512", 2),
        ("Bremen", "2", "25", "251", "2513", 1),
    ]
    assert {key: int(value) for key, value in by_sub_major.items()} == {"25": 3}
    assert len(days) == 1 and str(days[0][0]) == "2026-11-20" and days[0][1] == "greenhouse"
