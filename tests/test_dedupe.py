"""Cross-source matching, reposts, history, lifecycle, the raw archive and re-clustering."""

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from crawler.dedupe.features import features_of
from crawler.dedupe.matcher import Candidate, CandidateIndex
from crawler.dedupe.rebuild import rebuild_clusters
from crawler.items import LIST_FIELDS, SCHEMA_FIELDS
from models.database import get_engine, upgrade
from models.lifecycle import close_expired, close_vanished, mark_gone
from models.store import PostingStore
from models.tables import Document, Posting, PostingVersion, Sighting

NOW = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)
TASKS = {
    "data": ["Build batch and streaming pipelines with Spark and Kafka", "Model the warehouse in dbt",
             "Run data quality checks and alerting", "Work with analysts on the semantic layer"],
    "backend": ["Design REST APIs for the checkout", "Own the payment service in Go",
                "Improve latency of the order database", "Review code and mentor juniors"],
}
REQUIREMENTS = {
    "data": ["3+ years with Python and SQL", "Experience with Airflow", "Cloud experience on AWS"],
    "backend": ["5+ years building backend services", "Go or Java", "PostgreSQL and Redis in production"],
}
BOILERPLATE = ["30 days of holiday", "Hybrid work from our Köln office", "Company bike leasing"]


def ad(number: int, source="board-a", job="data", company="Beispiel Daten GmbH", city="Köln",
       title="Data Engineer", **changes):
    values = {name: ([] if name in LIST_FIELDS else None) for name in SCHEMA_FIELDS}
    values.update(source=source, source_id=f"{source}-{number}", url=f"https://{source}.example/jobs/{number}",
                  crawled_at=NOW, title=title, company=company, city=city, via_agency=company is None,
                  responsibilities=list(TASKS[job]), requirements=list(REQUIREMENTS[job]), benefits=list(BOILERPLATE),
                  company_description="Beispiel Daten builds analytics for retailers.", date_posted=date(2026, 11, 18))
    values.update(changes)
    return values


@pytest.mark.parametrize(
    "first, second, same",
    [
        (ad(1), ad(2, source="board-b"), True),                                      # cross-board copy
        (ad(1), ad(2, source="board-b", responsibilities=TASKS["data"][:3]), True),    # small edit
        (ad(1), ad(2, source="board-b", city="Berlin"), False),                       # same title, other city
        (ad(1), ad(2, job="backend", title="Data Engineer"), False),                  # shared boilerplate only
        (ad(1), ad(2, source="agency", company=None), True),                          # agency copy, same text
        (ad(1), ad(2, source="agency", company=None, responsibilities=["Something else entirely here"],
                   requirements=["Nothing in common with the original"]), False),     # agency, weak text
        (ad(1), ad(2, company="Andere Firma AG"), False),                              # other employer
        (ad(1, requisition_id="R-7"), ad(2, source="board-b", requisition_id="R-7", title="Dateningenieur"), True),
    ],
)
def test_matcher_rules(first, second, same):
    index = CandidateIndex()
    index.add(Candidate(1, features_of(first)))
    match = index.match(features_of(second))
    assert (match is not None and not match.repost) == same


def test_republication_months_later_is_a_repost():
    index = CandidateIndex()
    index.add(Candidate(1, features_of(ad(1, date_posted=date(2026, 5, 1)))))
    match = index.match(features_of(ad(2, date_posted=date(2026, 11, 1))))
    assert match is not None and match.repost and match.posting_id == 1


def count(url, model, *where):
    with get_engine(url).connect() as connection:
        return connection.execute(select(func.count()).select_from(model).where(*where)).scalar()


@pytest.fixture
def store(database_url):
    upgrade(database_url)
    return PostingStore(get_engine(database_url), parser_version="test")


def test_copies_from_several_sources_share_one_posting(store, database_url):
    store.write([ad(1), ad(2, source="board-b")])              # one batch
    store.write([ad(3, source="agency", company=None)])        # a later batch
    store.write([ad(4, city="Berlin")])
    assert count(database_url, Posting) == 2
    with get_engine(database_url).connect() as connection:
        methods = dict(connection.execute(select(Sighting.source, Sighting.match_method)).all())
        scores = connection.execute(select(Sighting.match_score).where(Sighting.source == "agency")).scalar()
    assert methods == {"board-a": "new", "board-b": "near_duplicate", "agency": "agency_copy"}
    assert scores >= 0.6


def test_gaps_are_filled_by_later_copies(store, database_url):
    store.write([ad(1, source="agency", company=None)])
    store.write([ad(2, salary_min=60000.0, salary_max=70000.0, salary_currency="EUR", salary_period="year")])
    with get_engine(database_url).connect() as connection:
        row = connection.execute(select(Posting.company, Posting.salary_min)).one()
    assert row == ("Beispiel Daten GmbH", 60000.0)


def test_reposted_closed_job_links_to_the_old_posting(store, database_url):
    store.write([ad(1, date_posted=date(2026, 3, 1))])
    with Session(get_engine(database_url)) as session, session.begin():
        session.execute(update(Posting).values(status="closed", closed_at=NOW - timedelta(days=100)))
    store.write([ad(2, date_posted=date(2026, 11, 20))])
    with get_engine(database_url).connect() as connection:
        rows = connection.execute(select(Posting.id, Posting.repost_of, Posting.status).order_by(Posting.id)).all()
    assert [(r.repost_of, r.status) for r in rows] == [(None, "closed"), (rows[0].id, "active")]


def test_content_changes_are_recorded_as_versions(store, database_url):
    store.write([ad(1, salary_min=50000.0, salary_max=50000.0)])
    store.write([ad(1, salary_min=55000.0, salary_max=55000.0, title="Senior Data Engineer",
                    crawled_at=NOW + timedelta(days=1))])
    with get_engine(database_url).connect() as connection:
        [version] = connection.execute(select(PostingVersion)).all()
    assert set(version.changed_fields) == {"salary_min", "salary_max", "title"}
    assert version.old_values["salary_min"] == 50000.0 and version.new_values["salary_min"] == 55000.0


def test_lifecycle_closes_and_reopens(store, database_url):
    store.write([ad(1), ad(2, job="backend", title="Backend Engineer")], scope="board-a:")
    walk_started = NOW + timedelta(days=1)
    store.write([ad(1, crawled_at=walk_started + timedelta(minutes=1))], scope="board-a:")
    engine = get_engine(database_url)
    with Session(engine) as session, session.begin():
        assert close_vanished(session, "board-a:", walk_started, walk_started + timedelta(hours=1)) == 1
    assert count(database_url, Posting, Posting.status == "closed") == 1
    store.write([ad(2, job="backend", title="Backend Engineer", crawled_at=NOW + timedelta(days=2))], scope="board-a:")
    assert count(database_url, Posting, Posting.status == "closed") == 0
    with Session(engine) as session, session.begin():
        assert mark_gone(session, ["https://board-a.example/jobs/2"], NOW + timedelta(days=3)) == 1
    with Session(engine) as session, session.begin():
        session.execute(update(Posting).where(Posting.status == "active").values(valid_through=date(2026, 11, 1)))
        assert close_expired(session, date(2026, 11, 22), NOW) == 1
    assert count(database_url, Posting, Posting.status == "closed") == 2


def test_same_body_is_archived_once(store, database_url):
    body = b"<html><body>same page</body></html>"
    store.write([ad(1, raw_page=body, raw_content_type="text/html"),
                 ad(2, source="board-b", raw_page=body, raw_content_type="text/html")])
    assert count(database_url, Document) == 1
    assert count(database_url, Sighting, Sighting.document_sha256.is_not(None)) == 2


def test_rebuild_restores_clusters(store, database_url):
    store.write([ad(1), ad(2, source="board-b"), ad(3, city="Berlin")])
    engine = get_engine(database_url)
    with Session(engine) as session, session.begin():
        # A wrong rule had put the Berlin job with the Köln job.
        first = session.execute(select(Sighting.posting_id).where(Sighting.source_id == "board-a-1")).scalar()
        session.execute(update(Sighting).where(Sighting.source_id == "board-a-3").values(posting_id=first))
    result = rebuild_clusters(engine)
    assert result.clusters == 2
    with engine.connect() as connection:
        by_id = dict(connection.execute(select(Sighting.source_id, Sighting.posting_id)).all())
    assert by_id["board-a-1"] == by_id["board-b-2"] != by_id["board-a-3"]
    assert count(database_url, Posting) == 2


def test_an_original_crawled_after_its_repost_is_linked_the_right_way(store, database_url):
    store.write([ad(2, date_posted=date(2026, 11, 10))])                 # the repost arrives first
    store.write([ad(1, source="board-b", date_posted=date(2026, 5, 4))])  # then the original
    store.write([ad(3, source="careers", date_posted=date(2026, 5, 5))])  # another copy of the original
    with get_engine(database_url).connect() as connection:
        rows = {row.date_posted: row for row in connection.execute(select(Posting.id, Posting.date_posted, Posting.repost_of))}
        methods = dict(connection.execute(select(Sighting.source, Sighting.match_method)).all())
    original, repost = rows[date(2026, 5, 4)], rows[date(2026, 11, 10)]
    assert (original.repost_of, repost.repost_of) == (None, original.id)
    assert methods["careers"] == "near_duplicate"
