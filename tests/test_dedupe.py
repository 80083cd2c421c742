"""Cross-source matching, reposts, history, lifecycle, the raw archive and re-clustering."""

from datetime import date, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from crawler.dedupe.features import (JobFacts, TextProfile, agreements, conflicts, employer_key, features_of,
                                     looks_like_agency, rewrite_similarity, stored_features, title_key)
from crawler.dedupe.matcher import Candidate, CandidateIndex
from crawler.dedupe.rebuild import rebuild_clusters
from crawler.items import LIST_FIELDS, SCHEMA_FIELDS
from crawler.store.posting_store import PostingStore
from models.database import get_engine
from models.lifecycle import close_expired, close_vanished, mark_gone
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


# An agency's rewording of the "data" job: phrases swapped, a bullet dropped, the order shuffled.
AGENCY_TASKS = ["Run data quality checks and the alerting",
                "Develop batch and streaming pipelines with Spark and Kafka",
                "Collaborate with analysts on the semantic layer"]
AGENCY_REQUIREMENTS = ["Experience in Airflow", "3+ years with Python and SQL"]
# Another employer's data job written from the same stock phrases, with its own figures and tasks.
OTHER_DATA_TASKS = ["Build batch and streaming pipelines with Spark and Kafka", "Run data quality checks and alerting",
                    "Own the reporting of 40 stores in the north", "Coach 6 analysts on dashboards"]


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


def agency(number: int, **changes):
    """An agency's rewrite of ``ad(1)``: employer hidden, bullets reworded, dropped and shuffled."""
    values = dict(source="agency", company=None, responsibilities=AGENCY_TASKS, requirements=AGENCY_REQUIREMENTS)
    values.update(changes)
    return ad(number, **values)


@pytest.mark.parametrize(
    "first, second, same",
    [
        # agency_copy: rewrites of one job
        (ad(1), agency(2), True),                                                     # reworded, dropped, shuffled
        (ad(1), agency(2, title="Data Engineer – Direktvermittlung"), True),           # terms in the title
        (ad(1), agency(2, title="Data Engineer (Remote)"), True),
        (ad(1), agency(2, title="Data Engineer – Payments"), True),                    # retitled, same text
        (ad(1), agency(2, company="Vertraulich", via_agency=False), True),            # placeholder employer
        (ad(1), agency(2, company="Meridian Recruitment Solutions GmbH", via_agency=False), True),  # agency by name
        (agency(1), agency(2, responsibilities=[TASKS["data"][0], TASKS["data"][2], TASKS["data"][3]],
                           requirements=REQUIREMENTS["data"][:2]), True),                # two agencies' rewrites
        (ad(1, experience_years_min=3, salary_min=60000.0, salary_max=70000.0, salary_currency="EUR",
            salary_period="year"),
         agency(2, experience_years_min=3, salary_min=60000.0, salary_max=70000.0, salary_currency="EUR",
                salary_period="year", responsibilities=AGENCY_TASKS[:2]), True),       # weaker text, facts agree
        # agency_copy must not merge
        (ad(1), agency(2, city="Berlin"), False),                                      # same title, other city
        (ad(1), agency(2, title="Senior Data Engineer"), False),                       # sibling: other level
        (ad(1), agency(2, title="Data Engineer – Payments", responsibilities=OTHER_DATA_TASKS),
         False),                                                                       # sibling: other focus
        (ad(1), agency(2, responsibilities=OTHER_DATA_TASKS, requirements=["5+ years with Python and SQL"]),
         False),                                                                       # other job, stock phrases
        (ad(1, experience_years_min=3), agency(2, experience_years_min=5), False),     # contradicting facts
        (ad(1, salary_min=50000.0, salary_max=50000.0, salary_currency="EUR", salary_period="year"),
         agency(2, salary_min=65000.0, salary_max=65000.0, salary_currency="EUR", salary_period="year"), False),
        (ad(1, employment_type="full_time"), agency(2, employment_type="part_time"), False),
        (ad(1, languages=[{"language": "de", "level": "native"}]),
         agency(2, languages=[{"language": "en", "level": "fluent"}]), False),
        (ad(1), ad(2, company="Andere Firma AG", responsibilities=AGENCY_TASKS,
                   requirements=AGENCY_REQUIREMENTS), False),                          # two named employers
        # near_duplicate with normalised keys
        (ad(1, company="Kanzlei Beispiel PartG mbB"), ad(2, source="board-b", company="Kanzlei Beispiel"), True),
        (ad(1, title="Data Engineer"), ad(2, source="board-b", title="Data Engineer | Vollzeit"), True),
    ],
)
def test_agency_and_normalised_rules(first, second, same):
    index = CandidateIndex()
    index.add(Candidate(1, features_of(first)))
    match = index.match(features_of(second))
    assert (match is not None and not match.repost) == same


@pytest.mark.parametrize(
    "first, second, city, same",
    [
        ("Data Engineer (m/w/d)", "Data Engineer", None, True),
        ("Java-Entwickler – Direktvermittlung", "Java-Entwickler", None, True),
        ("Product Manager – permanent position", "Product Manager", None, True),
        ("Data Engineer (Remote)", "Data Engineer", None, True),
        ("Data Engineer | Vollzeit", "Data Engineer", None, True),
        ("Data Engineer - Berlin", "Data Engineer", "Berlin", True),
        ("(Senior) Data Engineer", "Data Engineer", None, True),
        ("Sr. Data Engineer", "Senior Data Engineer", None, True),
        ("Data Engineer, Senior", "Senior Data Engineer", None, True),
        ("Senior Data Engineer", "Data Engineer", None, False),
        ("Data Engineer – Payments", "Data Engineer – Platform", None, False),
        ("Vertriebsmitarbeiter Region Nord", "Vertriebsmitarbeiter Region Süd", None, False),
        ("Data Engineer - Berlin", "Data Engineer", "Köln", False),
        ("Remote Data Engineer", "Data Engineer", None, True),
        ("Data Engineer in Berlin", "Data Engineer", "Berlin", True),
        ("Ausbildung zum Kaufmann im Einzelhandel", "Ausbildung zum Kaufmann", None, False),
    ],
)
def test_title_key(first, second, city, same):
    assert (title_key(first, city) == title_key(second, city)) == same


@pytest.mark.parametrize(
    "company, key, agency_name",
    [
        ("Gutenberg Steuerberatung PartG mbB", "gutenberg steuerberatung", False),
        ("Helix Kliniken eV", "helix kliniken", False),
        ("Vertraulich", None, False),
        ("Confidential", None, False),
        ("Meridian Recruitment Solutions GmbH", "meridian recruitment solutions", True),
        ("ProStaff Personaldienstleistungen GmbH", "prostaff personaldienstleistungen", True),
        ("TalentBrücke Personalberatung GmbH", "talentbruecke personalberatung", True),
        ("Personal Computer Museum e.V.", "personal computer museum", False),
    ],
)
def test_employer_key_and_agency_names(company, key, agency_name):
    assert (employer_key(company), looks_like_agency(company)) == (key, agency_name)


def test_rewrite_similarity_reads_reworded_shuffled_bullets_and_figures():
    original = TextProfile.of("\n".join(TASKS["data"] + REQUIREMENTS["data"]))
    rewrite = TextProfile.of("\n".join(AGENCY_TASKS + AGENCY_REQUIREMENTS))
    other_job = TextProfile.of("\n".join(OTHER_DATA_TASKS + ["5+ years with Python and SQL"]))
    assert rewrite_similarity(original, rewrite) >= 0.9
    assert rewrite_similarity(original, other_job) < 0.6
    figures = TextProfile.of("Support 12 analysts in Hamburg\nLook after 40 stores")
    other_figures = TextProfile.of("Support 15 analysts in Hamburg\nLook after 40 stores")
    assert rewrite_similarity(figures, figures) == 1.0
    assert rewrite_similarity(figures, other_figures) < 1.0
    assert rewrite_similarity(original, None) == 0.0


@pytest.mark.parametrize(
    "first, second, contradicting, agreeing",
    [
        ({"experience_years_min": 3}, {"experience_years_min": 3}, [], ["experience"]),
        ({"experience_years_min": 3}, {"experience_years_min": 5}, ["experience"], []),
        ({"experience_years_min": 3}, {}, [], []),
        ({"salary_min": 50000.0, "salary_max": 60000.0, "salary_currency": "EUR", "salary_period": "year"},
         {"salary_min": 52000.0, "salary_max": 62000.0, "salary_currency": "EUR", "salary_period": "year"}, [], []),
        ({"salary_min": 50000.0, "salary_currency": "EUR", "salary_period": "year"},
         {"salary_min": 50000.0, "salary_currency": "EUR", "salary_period": "year"}, [], ["salary"]),
        ({"salary_min": 50000.0, "salary_currency": "EUR", "salary_period": "year"},
         {"salary_min": 70000.0, "salary_currency": "EUR", "salary_period": "year"}, ["salary"], []),
        ({"salary_min": 4000.0, "salary_currency": "EUR", "salary_period": "month"},
         {"salary_min": 50000.0, "salary_currency": "EUR", "salary_period": "year"}, [], []),
        ({"languages": [{"language": "de", "level": "good"}]}, {"languages": [{"language": "de", "level": "good"}]},
         [], ["languages"]),
        ({"languages": [{"language": "de", "level": "good"}]}, {"languages": [{"language": "en", "level": "good"}]},
         ["languages"], []),
        ({"employment_type": "full_time"}, {"employment_type": "part_time"}, ["employment_type"], []),
    ],
)
def test_facts_conflicts_and_agreements(first, second, contradicting, agreeing):
    first, second = JobFacts.of(first), JobFacts.of(second)
    assert (conflicts(first, second), agreements(first, second)) == (contradicting, agreeing)


def test_stored_features_read_back_what_was_written():
    written = features_of(ad(1, experience_years_min=3, languages=[{"language": "de", "level": "good"}]))
    row = SimpleNamespace(url=written.url, employer_key=written.employer_key, title_key=written.title_key,
                          city_key=written.city_key, requisition_id=None, via_agency=False,
                          minhash=written.signature_bytes, date_posted=date(2026, 11, 18), experience_years_min=3,
                          salary_min=None, salary_max=None, salary_currency=None, salary_period=None,
                          languages=[{"language": "de", "level": "good"}], employment_type=None)
    stored = stored_features(row)
    assert (stored.signature == written.signature).all() and stored.facts == written.facts
    assert rewrite_similarity(stored.profile, written.profile) == 1.0
    row.minhash = written.signature.tobytes()  # a row written before text profiles existed
    assert stored_features(row).profile is None and (stored_features(row).signature == written.signature).all()


def test_a_repost_found_first_yields_to_a_current_copy_found_by_a_later_rule():
    index = CandidateIndex()
    index.add(Candidate(1, features_of(ad(1, date_posted=date(2026, 5, 1)))))      # last spring's publication
    index.add(Candidate(2, features_of(agency(2, date_posted=date(2026, 11, 15)))))  # this autumn's agency copy
    match = index.match(features_of(ad(3, source="board-b", date_posted=date(2026, 11, 16))))
    assert (match.posting_id, match.method, match.repost) == (2, "agency_copy", False)


def test_split_copies_of_one_job_are_named():
    index = CandidateIndex()
    first_agency = agency(1, responsibilities=TASKS["data"][:3], requirements=REQUIREMENTS["data"])
    index.add(Candidate(1, features_of(first_agency)))
    index.add(Candidate(2, features_of(agency(2, source="agency-b"))))
    assert index.match(features_of(ad(3)), find_splits=True).same_job_as in ([1], [2])
    assert index.match(features_of(ad(3))).same_job_as == []


def test_republication_months_later_is_a_repost():
    index = CandidateIndex()
    index.add(Candidate(1, features_of(ad(1, date_posted=date(2026, 5, 1)))))
    match = index.match(features_of(ad(2, date_posted=date(2026, 11, 1))))
    assert match is not None and match.repost and match.posting_id == 1


def count(url, model, *where):
    with get_engine(url).connect() as connection:
        return connection.execute(select(func.count()).select_from(model).where(*where)).scalar()


@pytest.fixture
def store(migrated_database_url):
    return PostingStore(get_engine(migrated_database_url), parser_version="test")


def test_copies_from_several_sources_share_one_posting(store, migrated_database_url):
    store.write([ad(1), ad(2, source="board-b")])              # one batch
    store.write([ad(3, source="agency", company=None)])        # a later batch
    store.write([ad(4, city="Berlin")])
    assert count(migrated_database_url, Posting) == 2
    with get_engine(migrated_database_url).connect() as connection:
        methods = dict(connection.execute(select(Sighting.source, Sighting.match_method)).all())
        scores = connection.execute(select(Sighting.match_score).where(Sighting.source == "agency")).scalar()
    assert methods == {"board-a": "new", "board-b": "near_duplicate", "agency": "agency_copy"}
    assert scores >= 0.6


def test_gaps_are_filled_by_later_copies(store, migrated_database_url):
    store.write([ad(1, source="agency", company=None)])
    store.write([ad(2, salary_min=60000.0, salary_max=70000.0, salary_currency="EUR", salary_period="year")])
    with get_engine(migrated_database_url).connect() as connection:
        row = connection.execute(select(Posting.company, Posting.salary_min)).one()
    assert row == ("Beispiel Daten GmbH", 60000.0)


def test_reposted_closed_job_links_to_the_old_posting(store, migrated_database_url):
    store.write([ad(1, date_posted=date(2026, 3, 1))])
    with Session(get_engine(migrated_database_url)) as session, session.begin():
        session.execute(update(Posting).values(status="closed", closed_at=NOW - timedelta(days=100)))
    store.write([ad(2, date_posted=date(2026, 11, 20))])
    with get_engine(migrated_database_url).connect() as connection:
        rows = connection.execute(select(Posting.id, Posting.repost_of, Posting.status).order_by(Posting.id)).all()
    assert [(r.repost_of, r.status) for r in rows] == [(None, "closed"), (rows[0].id, "active")]


def test_content_changes_are_recorded_as_versions(store, migrated_database_url):
    store.write([ad(1, salary_min=50000.0, salary_max=50000.0)])
    store.write([ad(1, salary_min=55000.0, salary_max=55000.0, title="Senior Data Engineer",
                    crawled_at=NOW + timedelta(days=1))])
    with get_engine(migrated_database_url).connect() as connection:
        [version] = connection.execute(select(PostingVersion)).all()
    assert set(version.changed_fields) == {"salary_min", "salary_max", "title"}
    assert version.old_values["salary_min"] == 50000.0 and version.new_values["salary_min"] == 55000.0


def test_lifecycle_closes_and_reopens(store, migrated_database_url):
    store.write([ad(1), ad(2, job="backend", title="Backend Engineer")], scope="board-a:")
    walk_started = NOW + timedelta(days=1)
    store.write([ad(1, crawled_at=walk_started + timedelta(minutes=1))], scope="board-a:")
    engine = get_engine(migrated_database_url)
    with Session(engine) as session, session.begin():
        assert close_vanished(session, "board-a:", walk_started, walk_started + timedelta(hours=1)) == 1
    assert count(migrated_database_url, Posting, Posting.status == "closed") == 1
    store.write([ad(2, job="backend", title="Backend Engineer", crawled_at=NOW + timedelta(days=2))], scope="board-a:")
    assert count(migrated_database_url, Posting, Posting.status == "closed") == 0
    with Session(engine) as session, session.begin():
        assert mark_gone(session, ["https://board-a.example/jobs/2"], NOW + timedelta(days=3)) == 1
    with Session(engine) as session, session.begin():
        session.execute(update(Posting).where(Posting.status == "active").values(valid_through=date(2026, 11, 1)))
        assert close_expired(session, date(2026, 11, 22), NOW) == 1
    assert count(migrated_database_url, Posting, Posting.status == "closed") == 2


def test_same_body_is_archived_once(store, migrated_database_url):
    body = b"<html><body>same page</body></html>"
    store.write([ad(1, raw_page=body, raw_content_type="text/html"),
                 ad(2, source="board-b", raw_page=body, raw_content_type="text/html")])
    assert count(migrated_database_url, Document) == 1
    assert count(migrated_database_url, Sighting, Sighting.document_sha256.is_not(None)) == 2


def test_rebuild_restores_clusters(store, migrated_database_url):
    store.write([ad(1), ad(2, source="board-b"), ad(3, city="Berlin")])
    engine = get_engine(migrated_database_url)
    with Session(engine) as session, session.begin():
        # A wrong rule had put the Berlin job with the Köln job.
        first = session.execute(select(Sighting.posting_id).where(Sighting.source_id == "board-a-1")).scalar()
        session.execute(update(Sighting).where(Sighting.source_id == "board-a-3").values(posting_id=first))
    result = rebuild_clusters(engine)
    assert result.clusters == 2
    with engine.connect() as connection:
        by_id = dict(connection.execute(select(Sighting.source_id, Sighting.posting_id)).all())
    assert by_id["board-a-1"] == by_id["board-b-2"] != by_id["board-a-3"]
    assert count(migrated_database_url, Posting) == 2


def test_an_original_crawled_after_its_repost_is_linked_the_right_way(store, migrated_database_url):
    store.write([ad(2, date_posted=date(2026, 11, 10))])                 # the repost arrives first
    store.write([ad(1, source="board-b", date_posted=date(2026, 5, 4))])  # then the original
    store.write([ad(3, source="careers", date_posted=date(2026, 5, 5))])  # another copy of the original
    with get_engine(migrated_database_url).connect() as connection:
        rows = {row.date_posted: row for row in connection.execute(select(Posting.id, Posting.date_posted, Posting.repost_of))}
        methods = dict(connection.execute(select(Sighting.source, Sighting.match_method)).all())
    original, repost = rows[date(2026, 5, 4)], rows[date(2026, 11, 10)]
    assert (original.repost_of, repost.repost_of) == (None, original.id)
    assert methods["careers"] == "near_duplicate"


def test_agency_rewrites_meet_stored_copies_and_their_facts(store, migrated_database_url):
    store.write([ad(1, experience_years_min=3)])
    store.write([agency(2, experience_years_min=3)])                     # a rewrite of the stored ad
    store.write([agency(3, source="agency-b", experience_years_min=5)])  # contradicts the stored posting
    with get_engine(migrated_database_url).connect() as connection:
        methods = dict(connection.execute(select(Sighting.source, Sighting.match_method)).all())
    assert methods == {"board-a": "new", "agency": "agency_copy", "agency-b": "new"}


def test_rebuild_joins_copies_that_were_filed_apart(store, migrated_database_url):
    store.write([agency(1, responsibilities=TASKS["data"][:3], requirements=REQUIREMENTS["data"])])
    store.write([agency(2, source="agency-b")])     # two agencies' rewrites that do not match each other
    store.write([ad(3)])                             # the employer's ad matches both
    assert count(migrated_database_url, Posting) == 2
    result = rebuild_clusters(get_engine(migrated_database_url))
    assert (result.clusters, count(migrated_database_url, Posting)) == (1, 1)


def test_copies_stored_before_text_profiles_match_agency_copies_on_wording_alone():
    legacy = features_of(ad(1))
    legacy.profile = None
    index = CandidateIndex()
    index.add(Candidate(1, legacy))
    assert index.match(features_of(agency(2, responsibilities=TASKS["data"], requirements=REQUIREMENTS["data"])))
    assert index.match(features_of(agency(3))) is None   # a rewrite needs the profile


def test_an_undated_copy_of_a_reposted_text_joins_the_latest_publication():
    index = CandidateIndex()
    index.add(Candidate(1, features_of(ad(1, date_posted=date(2026, 4, 1))), posting_date=date(2026, 4, 1)))
    index.add(Candidate(2, features_of(ad(2, date_posted=date(2026, 10, 1))), posting_date=date(2026, 10, 1)))
    match = index.match(features_of(ad(3, source="board-b", date_posted=None)))
    assert (match.posting_id, match.repost) == (2, False)
