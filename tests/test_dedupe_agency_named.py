"""Issue 14: one job at the employer, on a board and at a recruitment agency whose structured data
names the *agency* as employer, retitled ("Backend Engineer" -> "Backend Engineer Payments") and
with one requirement reworded — stored through PostingStore, it is one posting with three
sightings, whichever copy comes first; siblings, other cities and other employers stay apart; and
the candidate lookup reads by index only (EXPLAIN QUERY PLAN)."""

from datetime import date, datetime, timedelta, timezone
from itertools import permutations

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session

from crawler.dedupe.features import features_of, looks_like_agency, specialisation_of, title_key, title_variant_keys
from crawler.items import LIST_FIELDS, SCHEMA_FIELDS
from crawler.store.candidates import candidate_index
from crawler.store.posting_store import PostingStore
from models.database import get_engine
from models.tables import Posting, Sighting, SightingTitleVariant

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)
TASKS = [
    "Design and build the REST and gRPC services behind our card acquiring and payout flows",
    "Own the reconciliation service that matches 2 million settlement records per day",
    "Work closely with the risk team on fraud rules and chargeback handling",
    "Take part in the on-call rotation for the payment gateway (one week in six)",
]
REQUIREMENTS = [
    "At least 3 years of experience building backend services in Kotlin or Java",
    "Solid knowledge of PostgreSQL, Kafka and event-driven architectures",
    "Experience with PCI-DSS or other regulated environments is a plus",
    "Very good English; German is a plus",
]
# The agency's wording of the second requirement; everything else is the employer's.
AGENCY_REQUIREMENTS = [REQUIREMENTS[0], "Sound expertise in PostgreSQL, Kafka and event-driven system design",
                       *REQUIREMENTS[2:]]
ABOUT = ("Lindqvist Zahlungssysteme processes payments for 4,000 online shops from Hamburg. We are 180 people "
         "from 30 nations.")
BENEFITS = ["30 days of holiday", "Deutschlandticket", "Company pension scheme", "Hybrid work from Hamburg"]


def copy(source: str, number: int, **changes):
    """A parsed copy as the parse pipeline hands it to the store."""
    values = {name: ([] if name in LIST_FIELDS else None) for name in SCHEMA_FIELDS}
    values.update(
        source=source, url=f"https://{source}.example/jobs/{number}", crawled_at=NOW, title="Backend Engineer",
        title_raw="Backend Engineer (m/w/d)", company="Lindqvist Zahlungssysteme GmbH", via_agency=False,
        city="Hamburg", country="DE", employment_type="full_time", date_posted=date(2026, 11, 27),
        experience_years_min=3, responsibilities=list(TASKS), requirements=list(REQUIREMENTS), benefits=list(BENEFITS),
        company_description=ABOUT, description="\n".join([ABOUT, *TASKS, *REQUIREMENTS, *BENEFITS]),
        languages=[{"language": "en", "level": "very good"}])
    values.update(changes)
    return values


def employer_copy():
    return copy("lindqvist-careers", 1, requisition_id="LZS-2026-0142", apply_url="https://lindqvist.example/apply/142")


def board_copy():
    return copy("jobrakete", 2, company="Lindqvist Zahlungssysteme", requisition_id="LZS-2026-0142",
                date_posted=date(2026, 11, 28), benefits=BENEFITS[:3])


def agency_copy(**changes):
    """JSON-LD names the agency as hiringOrganization; the parser keeps it in ``agency``."""
    values = dict(title="Backend Engineer Payments", title_raw="Backend Engineer Payments (m/w/d)", company=None,
                  via_agency=True, agency="Nordwind Personal GmbH", requisition_id="NWP-88812",
                  requirements=list(AGENCY_REQUIREMENTS), benefits=["Kostenfreie Begleitung im Bewerbungsprozess"],
                  company_description="Nordwind Personal ist Ihr regionaler Partner für Personalvermittlung.",
                  date_posted=date(2026, 11, 30))
    values.update(changes)
    return copy("nordwind-personal", 3, **values)


def postings_and_sightings(url):
    with get_engine(url).connect() as connection:
        postings = connection.execute(select(func.count()).select_from(Posting)).scalar()
        methods = dict(connection.execute(select(Sighting.source, Sighting.match_method)).all())
        clusters = connection.execute(select(Sighting.posting_id).distinct()).scalars().all()
    return postings, len(clusters), methods


@pytest.mark.parametrize("order", list(permutations(range(3))), ids=lambda order: "-".join(map(str, order)))
def test_three_copies_one_posting_in_any_order(migrated_sqlite_url, order):
    store = PostingStore(get_engine(migrated_sqlite_url))
    copies = [employer_copy(), board_copy(), agency_copy()]
    for number in order:  # one batch each: the later copies find the earlier ones in the database
        store.write([copies[number]])
    postings, clusters, methods = postings_and_sightings(migrated_sqlite_url)
    assert (postings, clusters, len(methods)) == (1, 1, 3)
    assert methods["nordwind-personal"] in ("agency_retitled", "new")
    with get_engine(migrated_sqlite_url).connect() as connection:
        company, agency = connection.execute(select(Posting.company, Posting.agency)).one()
    assert company.startswith("Lindqvist")  # the employer's name fills in whichever copy came first
    assert agency in (None, "Nordwind Personal GmbH")


def test_three_copies_in_one_batch_on_both_databases(migrated_database_url):
    PostingStore(get_engine(migrated_database_url)).write([agency_copy(), employer_copy(), board_copy()])
    postings, clusters, methods = postings_and_sightings(migrated_database_url)
    assert (postings, clusters) == (1, 1)
    # Within a batch only the copies that start a posting are candidates: both later copies meet the agency's.
    assert methods == {"nordwind-personal": "new", "lindqvist-careers": "agency_retitled", "jobrakete": "agency_retitled"}


def test_agency_copy_dropping_the_specialisation_joins_the_longer_title(migrated_sqlite_url):
    store = PostingStore(get_engine(migrated_sqlite_url))
    store.write([employer_copy() | {"title": "Backend Engineer – Payments"}])
    store.write([agency_copy(title="Backend Engineer")])
    assert postings_and_sightings(migrated_sqlite_url)[:2] == (1, 1)


OTHER_TASKS = [
    "Build the merchant onboarding API and its KYC checks",
    "Migrate the legacy invoicing module to the new ledger",
    "Support the data team with clean event streams from checkout",
]


@pytest.mark.parametrize("other", [
    agency_copy(city="Berlin"),                                                  # same job title, other city
    agency_copy(title="Senior Backend Engineer", experience_years_min=6),        # another level
    agency_copy(responsibilities=OTHER_TASKS,
                requirements=["Experience with Python and Django", REQUIREMENTS[3]]),  # sibling: other text
    agency_copy(responsibilities=OTHER_TASKS, requirements=[], description="\n".join([ABOUT, *BENEFITS])),
    agency_copy(employment_type="part_time"),                                    # contradicting fact
    copy("other-careers", 9, title="Backend Engineer Payments", company="Hafenbank AG",
         responsibilities=OTHER_TASKS),                                          # another employer's job
])
def test_other_jobs_stay_apart(migrated_sqlite_url, other):
    store = PostingStore(get_engine(migrated_sqlite_url))
    store.write([employer_copy()])
    store.write([other])
    assert postings_and_sightings(migrated_sqlite_url)[:2] == (2, 2)


def test_candidate_lookup_searches_indexes_only(migrated_sqlite_url):
    """Every query of a batch's candidate lookup (the title-variant and text-band ones too) reads
    ``sightings``, ``postings``, ``sighting_title_variants`` and ``sighting_text_bands`` by index: no full scan of a table per batch."""
    engine = get_engine(migrated_sqlite_url)
    store = PostingStore(engine)
    store.write([copy("filler", number, title=f"Job {number}", city=f"Stadt {number % 7}", company=f"Firma {number % 5}",
                      requisition_id=f"R-{number}") for number in range(40)])
    batch = [features_of(agency_copy()), features_of(employer_copy()), features_of(board_copy()),
             features_of(agency_copy(title="Kundenservice Mitarbeiter B2B", city="Stadt 3"))]
    captured = []

    def capture(connection, cursor, statement, parameters, context, executemany):
        captured.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        with Session(engine) as session:
            candidate_index(session, batch, since=datetime(2020, 1, 1, tzinfo=timezone.utc))
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    assert any("sighting_title_variants" in statement for statement, _ in captured)
    assert any("sighting_text_bands" in statement for statement, _ in captured)
    with engine.connect() as connection:
        for statement, parameters in captured:
            plan = [row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]
            # json_each is the batch's own key list passed as one parameter, not a stored table;
            # ``wanted`` the same list read once for every band level (crawler.store.band_levels)
            scans = [step for step in plan if step.startswith("SCAN") and "CONSTANT ROW" not in step
                     and "subquery" not in step and not step.startswith(("SCAN json_each", "SCAN wanted"))]
            assert not scans, (statement, plan)


def test_title_variants_are_stored_and_removed_with_the_sighting(migrated_sqlite_url):
    engine = get_engine(migrated_sqlite_url)
    PostingStore(engine).write([agency_copy()])
    with engine.begin() as connection:
        stored = set(connection.execute(select(SightingTitleVariant.title_key, SightingTitleVariant.words_dropped)))
        assert ("backend engineer payments", 0) in stored and ("backend engineer", 1) in stored
        connection.execute(text("DELETE FROM postings"))
        assert connection.execute(select(func.count()).select_from(SightingTitleVariant)).scalar() == 0


@pytest.mark.parametrize("first, second, specialisation", [
    ("Backend Engineer", "Backend Engineer Payments", {"payments"}),
    ("Backend Engineer – Payments (m/w/d)", "Backend Engineer (m/f/d)", {"payments"}),
    ("Mitarbeiter Kundenservice", "Mitarbeiter Kundenservice (E-Mail und Chat)", {"mail", "chat"}),
    ("Elektroniker für Energie- und Gebäudetechnik", "Elektroniker für Energie- und Gebäudetechnik im Kundendienst",
     {"kundendienst"}),
    ("Backend Engineer", "Senior Backend Engineer", None),          # a level is another job, not a specialisation
    ("Backend Engineer", "Backend Engineer Payments Risk Platform", None),  # more than two words
    ("Backend Engineer Payments", "Backend Engineer Platform", None),      # two different specialisations
    ("Backend Engineer", "Backend Engineer", None),                        # the same title: the agency_copy rule
])
def test_specialisation_of_titles(first, second, specialisation):
    found = specialisation_of(title_key(first), title_key(second))
    assert (set(found) if found is not None else None) == specialisation


def test_a_longer_title_lists_the_shorter_among_its_variants():
    variants = dict(title_variant_keys(title_key("Senior Backend Engineer Payments")))
    assert variants["backend engineer payments senior"] == 0
    assert variants["backend engineer senior"] == 1
    assert not any(key == "senior" for key in variants)  # never down to the level alone


@pytest.mark.parametrize("name, agency", [
    ("Nordwind Personal GmbH", True), ("Rheinland Personaldienstleistung GmbH", True),
    ("Kessler Staffing GmbH", True), ("Atlas Tech Recruitment Ltd", True), ("Personal-Service Nord GmbH", True),
    ("Personal Computer Service GmbH", False), ("Lindqvist Zahlungssysteme GmbH", False), ("Personal", False),
])
def test_agency_names_by_shape(name, agency):
    assert looks_like_agency(name) == agency


def test_another_employers_copy_does_not_join_through_the_agency_copy(migrated_sqlite_url):
    """The agency copy joined Lindqvist's posting; a board copy naming another employer with the same
    title and wording (a stock ad) meets that agency copy by the agency rule, but the posting is
    vouched for by Lindqvist's own copy: it starts its own posting."""
    store = PostingStore(get_engine(migrated_sqlite_url))
    store.write([employer_copy()])
    store.write([agency_copy(title="Backend Engineer")])
    store.write([copy("stellenblick", 7, company="Hafenbank AG", requirements=list(AGENCY_REQUIREMENTS))])
    postings, clusters, methods = postings_and_sightings(migrated_sqlite_url)
    assert (postings, clusters, methods["stellenblick"]) == (2, 2, "new")
