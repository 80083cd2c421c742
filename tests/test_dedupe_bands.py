"""Text bands (issue 15): copies of one job share a band, other jobs of the same title rarely do,
and the store finds an agency's copy through them — while copies last seen more than a year ago are
no candidates for the employer-and-city block any more."""

from datetime import timedelta

import numpy as np
import pytest
from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from crawler.dedupe.bands import (BANDS, ROWS_PER_BAND, VARIANT_BANDS, batch_keys, employer_keys, query_band_keys,
                                  stored_band_keys, texts_minhash, word_minhash)
from crawler.dedupe.features import features_of
from crawler.store import candidates
from crawler.store.candidates import CANDIDATE_WINDOW_DAYS
from crawler.store.posting_store import PostingStore
from models.database import get_engine
from models.tables import SIGHTING_TEXT_BAND_LEVELS, Posting, Sighting, SightingTextBand
from tests.test_dedupe_agency_named import AGENCY_REQUIREMENTS, BENEFITS, NOW, agency_copy, copy, employer_copy


def _all_bands():
    """Every band row, whichever level holds it (crawler.store.band_levels)."""
    return union_all(*(select(table.c.band_key, table.c.sighting_id)
                       for table in (SightingTextBand.__table__, *SIGHTING_TEXT_BAND_LEVELS))).subquery()


def _shares_band(stored, incoming) -> bool:
    return bool(set(stored_band_keys(features_of(stored))) & set(query_band_keys(features_of(incoming))))


def test_a_batchs_keys_are_each_copys_own():
    """The store computes a batch's band keys in one pass (batch_keys): the same keys, in the same
    order, as each copy's own — for employer and agency copies, a title with variants, and copies
    without city, employer or text (which have no text or employer bands)."""
    copies = [employer_copy(), agency_copy(), copy("board", 5), copy("board", 8, city=None),
              copy("board", 6, company=None), copy("board", 7, responsibilities=[], requirements=[], description="")]
    features = [features_of(posting) for posting in copies]
    found = batch_keys(features)
    assert [(keys.query, keys.employer, keys.stored) for keys in found] \
        == [(query_band_keys(f), employer_keys(f), stored_band_keys(f)) for f in features]
    assert found[1].query and found[0].employer and not found[3].query and not found[3].employer


def test_a_batchs_minhashes_mixing_each_distinct_word_once_are_each_texts_own():
    """texts_minhash mixes each distinct word of a batch once: the same values as word_minhash of
    each text alone, for texts of different lengths, sharing words, and of one word."""
    texts = [np.array([5, 9, 13, 2**31 + 7], dtype=np.uint64), np.array([9, 13], dtype=np.uint64),
             np.array([42], dtype=np.uint64), np.array(range(100, 160), dtype=np.uint64)]
    found = texts_minhash(texts)
    assert found.shape == (len(texts), BANDS * ROWS_PER_BAND)
    for row, text in zip(found, texts):
        assert (row == word_minhash(frozenset(text.tolist()))).all()


def test_copies_of_one_job_share_a_band_in_either_order():
    employer = employer_copy()
    agency = copy("agency", 3, company="Nordwind Personal GmbH", agency="Nordwind Personal GmbH",
                  requirements=list(AGENCY_REQUIREMENTS))
    assert _shares_band(employer, agency)
    assert _shares_band(agency, employer)


def test_an_agency_that_added_a_specialisation_finds_the_employers_copy_under_the_shorter_title():
    assert _shares_band(employer_copy(), agency_copy())  # "Backend Engineer" stored, "... Payments" incoming


@pytest.mark.parametrize("stored_changes, incoming_changes, shared", [
    # An employer's copy looks up agency copies only: another employer's copy of the same text is
    # not its candidate under the agency rules (the near-duplicate rule has its own block).
    ({"company": "Other Employer GmbH"}, {}, False),
    # Another city, same text: never the same job.
    ({}, {"city": "Bremen", "company": "Nordwind Personal GmbH", "agency": "Nordwind Personal GmbH"}, False),
    # No job-specific text: no bands to share.
    ({"responsibilities": [], "requirements": [], "description": ""},
     {"company": "Nordwind Personal GmbH", "agency": "Nordwind Personal GmbH"}, False),
    # Same title and city, the agency's copy of the same text.
    ({}, {"company": "Nordwind Personal GmbH", "agency": "Nordwind Personal GmbH"}, True),
])
def test_who_meets_whom(stored_changes, incoming_changes, shared):
    stored = copy("careers", 1, **stored_changes)
    incoming = copy("board", 2, **incoming_changes)
    assert _shares_band(stored, incoming) is shared


def test_band_collisions_follow_the_jaccard_similarity_of_the_words():
    # 1 − (1 − J⁴)^BANDS: about 0.79 at J = 0.5, 0.999 at J = 0.7 (an agency's rewrite), 0.002 at
    # J = 0.1 (other jobs of the title), measured over 400 pairs each.
    generator = np.random.default_rng(3)
    for shared_words in (30, 42, 6):
        expected = 1 - (1 - (shared_words / 60) ** ROWS_PER_BAND) ** BANDS
        hits = 0
        for _ in range(400):
            words = generator.integers(0, 2**32, 60, dtype=np.uint64)
            # 60 words in all, ``shared_words`` of them in both: J = shared_words / 60.
            first = word_minhash(words[:(60 + shared_words) // 2])
            second = word_minhash(words[(60 - shared_words) // 2:])
            hits += bool((first == second).reshape(BANDS, -1).all(axis=1).any())
        assert abs(hits / 400 - expected) < 0.06, (shared_words, hits / 400, expected)


def test_store_files_bands_and_finds_the_agency_copy(migrated_sqlite_url):
    engine = get_engine(migrated_sqlite_url)
    store = PostingStore(engine)
    store.write([employer_copy()])
    result = store.write([copy("agency", 3, company="Nordwind Personal GmbH", agency="Nordwind Personal GmbH",
                               requirements=list(AGENCY_REQUIREMENTS))])
    assert result.matched == 1
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(Posting)).scalar() == 1
        bands = _all_bands()
        assert connection.execute(select(func.count(func.distinct(bands.c.sighting_id)))).scalar() == 2
    engine.dispose()


@pytest.mark.parametrize("days_before, joins", [(CANDIDATE_WINDOW_DAYS - 30, True), (CANDIDATE_WINDOW_DAYS + 30, False)])
def test_near_duplicate_block_is_read_within_the_window(migrated_sqlite_url, days_before, joins):
    engine = get_engine(migrated_sqlite_url)
    store = PostingStore(engine)
    seen = NOW - timedelta(days=days_before)
    store.write([copy("careers", 1, crawled_at=seen, date_posted=seen.date())])
    # The same ad on a board, on the day: the employer's copy from within the window is its
    # posting (a repost, being far apart), the one from before it is not read at all.
    result = store.write([copy("board", 2, company="Lindqvist Zahlungssysteme")])
    with engine.connect() as connection:
        postings = connection.execute(select(Posting.id, Posting.repost_of)).all()
        methods = {row.match_method for row in connection.execute(select(Sighting.match_method))}
    assert len(postings) == 2 and result.new_postings == 1
    assert (any(row.repost_of for row in postings)) is joins
    assert ("repost" in methods) is joins
    engine.dispose()


def _other_job(number: int):
    """Another job of the same employer in the same city: other title, other text."""
    return copy("careers", 100 + number, title=f"Sachbearbeiter Team {number}",
                title_raw=f"Sachbearbeiter Team {number} (m/w/d)",
                responsibilities=[f"Bearbeitung der Vorgänge im Bereich {number} und Abstimmung mit Team {number}",
                                  f"Pflege der Stammdaten für Region {number}, Berichte an die Leitung"],
                requirements=[f"Ausbildung als Kaufmann, {number % 5 + 1} Jahre Erfahrung in der Sachbearbeitung"],
                description=f"Sachbearbeitung {number}", requisition_id=None)


def test_the_employers_other_jobs_in_the_city_are_not_read(migrated_sqlite_url, monkeypatch):
    # The near-duplicate rule needs the employer's copies in the city whose 3-shingles are alike:
    # they are found through employer bands, not by reading every copy of the employer and city.
    import crawler.store.candidates

    engine = get_engine(migrated_sqlite_url)
    store = PostingStore(engine)
    store.write([_other_job(number) for number in range(40)] + [employer_copy()])
    read: list[int] = []  # the sightings whose rows the band check reads
    original = crawler.store.candidates.passing_sightings

    def reading(rows, *arguments):
        read.extend(row.id for row in rows)
        return original(rows, *arguments)

    monkeypatch.setattr(crawler.store.candidates, "passing_sightings", reading)
    result = store.write([copy("board", 2, company="Lindqvist Zahlungssysteme", benefits=BENEFITS[:3])])
    assert result.matched == 1
    with engine.connect() as connection:
        method = connection.execute(select(Sighting.match_method).where(Sighting.source == "board")).scalar()
        employers_copy = connection.execute(select(Sighting.id).where(Sighting.url == employer_copy()["url"])).scalar()
    assert method == "near_duplicate"
    # The employer's copy of the job, not its 40 other jobs in Hamburg.
    assert read == [employers_copy], read
    engine.dispose()


def test_employer_bands_are_shared_by_copies_of_the_same_wording_only():
    employer = features_of(employer_copy())
    board = features_of(copy("board", 2, company="Lindqvist Zahlungssysteme", benefits=BENEFITS[:3]))
    assert set(employer_keys(employer)) & set(employer_keys(board))
    assert not set(employer_keys(employer)) & set(employer_keys(features_of(_other_job(1))))
    # Another city: never the same job.
    assert not set(employer_keys(employer)) & set(employer_keys(features_of(copy("board", 2, city="Bremen"))))


def _bands_without_sighting(connection) -> int:
    bands = _all_bands()
    return connection.execute(select(func.count()).select_from(bands).where(
        ~select(Sighting.id).where(Sighting.id == bands.c.sighting_id).exists())).scalar()


def test_bands_name_only_stored_sightings(migrated_database_url, monkeypatch):
    """sighting_text_bands has no foreign key (migration 0013): the store itself files bands only
    for the sightings it inserted — also when another writer stored one of the batch's copies
    first (that sighting keeps its own bands and gets none of this batch's)."""
    import crawler.store.posting_store as posting_store

    engine = get_engine(migrated_database_url)
    store = PostingStore(engine)
    store.write([employer_copy()])
    theirs = copy("board", 8, city="Bremen")
    store.write([theirs])
    # Our batch read the known copies before the other writer stored board/8 (a lookup that finds
    # nothing), and meanwhile the ad moved to Köln: we plan a new posting for it, our insert
    # leaves theirs alone.
    monkeypatch.setattr(posting_store.PostingStore, "_existing_sightings", staticmethod(lambda session, postings: {}))
    result = store.write([copy("board", 8, city="Köln"), copy("board", 9, city="Leipzig")])
    assert result.new_postings == 1 and result.unchanged == 1
    with engine.connect() as connection:
        bands = {}
        every_band = _all_bands()
        for sighting_id, band_key in connection.execute(select(every_band.c.sighting_id, every_band.c.band_key)):
            bands.setdefault(sighting_id, set()).add(band_key)
        board_8 = connection.execute(select(Sighting.id).where(Sighting.url == theirs["url"])).scalar_one()
        assert connection.execute(select(func.count()).select_from(Sighting)).scalar() == len(bands) == 3
        assert _bands_without_sighting(connection) == 0
    assert bands[board_8] == set(stored_band_keys(features_of(theirs)))
    engine.dispose()


def test_a_band_left_by_a_deleted_posting_misleads_no_match(migrated_sqlite_url):
    """A deleted posting takes its sightings along (cascade) but not their bands; the candidate
    search reads such a band like any collision: no sighting, no candidate — and on SQLite,
    where a later sighting may take the deleted one's id, its own row decides."""
    engine = get_engine(migrated_sqlite_url)
    store = PostingStore(engine)
    store.write([employer_copy()])
    with engine.begin() as connection:
        connection.execute(Posting.__table__.delete())
        assert _bands_without_sighting(connection) > 0
    # The agency's copy shares bands with the deleted copy only: a new posting.
    agency = copy("agency", 3, company="Nordwind Personal GmbH", agency="Nordwind Personal GmbH",
                  requirements=list(AGENCY_REQUIREMENTS))
    assert store.write([agency]).new_postings == 1
    # An unrelated job now holds the deleted sighting's id (the highest id was freed), under the
    # deleted copy's bands: it is read as a candidate and refused on its own text.
    unrelated = copy("board", 9, title="Pflegefachkraft", city="Bremen", company="Klinikum Bremen",
                     responsibilities=["Grundpflege und Behandlungspflege"], requirements=["Examen in der Pflege"])
    with engine.begin() as connection:
        connection.execute(Posting.__table__.delete())
    store.write([unrelated])
    again = copy("agency", 4, company="Nordwind Personal GmbH", agency="Nordwind Personal GmbH",
                 requirements=list(AGENCY_REQUIREMENTS))
    assert store.write([again]).matched == 0
    engine.dispose()


def test_a_batchs_query_titles_cover_its_query_keys_in_order():
    """BatchKeys.query_titles names the title of each run of query keys: the own title's bands
    (both sides for a copy that hides its employer), then each shorter title's."""
    copies = [employer_copy(), agency_copy(), copy("board", 8, city=None)]
    keys = batch_keys([features_of(posting) for posting in copies])
    for found in keys:
        assert sum(count for _title, count in found.query_titles) == len(found.query)
    assert keys[1].query_titles[0] == ("backend engineer payments", 2 * BANDS)
    assert ("backend engineer", 2 * VARIANT_BANDS) in keys[1].query_titles
    assert keys[2].query_titles == []


def test_keys_of_titles_under_which_nothing_is_stored_are_not_looked_up(migrated_sqlite_url, monkeypatch):
    """Only titles some stored copy of the city has as its own are asked for in the band index;
    the agency that added a specialisation still finds the employer's copy under the shorter
    title."""
    engine = get_engine(migrated_sqlite_url)
    store = PostingStore(engine)
    store.write([employer_copy()])  # "Backend Engineer" in the city
    incoming = features_of(agency_copy())  # "Backend Engineer Payments": shorter titles asked too
    [keys] = batch_keys([incoming])
    with Session(engine) as session:
        [asked] = candidates._stored_title_keys(session, [incoming], [keys])
    start, expected = 0, []
    for title, count in keys.query_titles:
        if title == "backend engineer":
            expected.extend(keys.query[start:start + count])
        start += count
    assert asked == expected and 0 < len(asked) < len(keys.query)

    assert store.write([agency_copy()]).matched == 1
    engine.dispose()


def test_band_keys_handed_over_with_a_copy_are_not_computed_again(migrated_sqlite_url, monkeypatch):
    """A parse worker may hand each copy's band keys over with its features (``_band_keys``, from
    ``batch_keys([features])[0]``): the store files and looks up those."""
    from crawler.store import posting_store

    engine = get_engine(migrated_sqlite_url)
    store = PostingStore(engine)
    store.write([employer_copy()])
    incoming = agency_copy()
    features = features_of(incoming)
    [keys] = batch_keys([features])

    def computing(features):
        assert not features, "band keys computed again"
        return []

    monkeypatch.setattr(posting_store, "batch_keys", computing)
    assert store.write([{**incoming, "_features": features, "_band_keys": keys}]).matched == 1
    with engine.connect() as connection:
        newest = connection.execute(select(func.max(Sighting.id))).scalar()
        bands = _all_bands()
        filed = set(connection.execute(select(bands.c.band_key).where(bands.c.sighting_id == newest)).scalars())
    assert filed == set(keys.stored)
    engine.dispose()
