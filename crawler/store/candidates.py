"""Which known copies an incoming batch may duplicate: the candidate search of the store.

For a batch of new copies, :func:`candidate_index` reads the stored sightings that one of the
matcher's rules (:mod:`crawler.dedupe.matcher`) could pair with them — same URL, same employer and
requisition id, a shared employer or text band (:mod:`crawler.dedupe.bands`), a title that adds a
specialisation — each through an index search, so the cost follows the batch, not the database.
:class:`crawler.store.posting_store.PostingStore` matches the batch against the index it returns.
"""

from __future__ import annotations

import json
from datetime import datetime
from itertools import chain
from typing import Any

import numpy as np

from sqlalchemy import and_, or_, select, text
from sqlalchemy.orm import Session

from crawler.dedupe.bands import BatchKeys, batch_keys, least_shared_words, may_match
from crawler.dedupe.features import (MatchFeatures, bare_title_words, posting_employer_key, profile_from_bytes,
                                     signature_from_bytes, similarity, stored_features, title_variant_keys)
from crawler.dedupe.matcher import NEAR_DUPLICATE_SIMILARITY, Candidate, CandidateIndex
from crawler.dedupe.pair_checks import passing_sightings
from crawler.store.band_levels import band_lookup
from models.tables import Posting, Sighting, SightingTitleVariant

CANDIDATES_PER_QUERY = 5000
"""Bound parameters per candidate query, well below SQLite's and PostgreSQL's limits."""


CANDIDATE_WINDOW_DAYS = 365
"""Copies last seen longer ago are no candidates, except by URL or requisition id: the blocks a
batch reads hold the jobs of about a year, however long the database has been growing. A job
published again after a year without a copy seen in between is a new posting, not a repost."""


_TERMS_PER_OR = 200
"""Terms ORed in one condition: SQLite refuses an expression tree deeper than 1,000."""


def _pairs_in(first, second, pairs) -> list:
    """``(first, second) IN pairs`` written so that SQLite searches an index: one ``first = ? AND
    second IN (…)`` per value of ``first`` (a row-value IN over several rows makes it scan the table),
    ORed in conditions of at most ``_TERMS_PER_OR`` terms each, to run as separate queries."""
    grouped: dict[Any, set] = {}
    for first_value, second_value in pairs:
        grouped.setdefault(first_value, set()).add(second_value)
    terms = [and_(first == value, second.in_(sorted(seconds))) for value, seconds in grouped.items()]
    return [or_(*terms[start:start + _TERMS_PER_OR]) for start in range(0, len(terms), _TERMS_PER_OR)]


def _sighting_text(row) -> MatchFeatures:
    """A sighting's text fingerprints alone, from its own row (no posting read)."""
    return MatchFeatures(url=row.url, employer_key=None, title_key=None, city_key=None, requisition_id=None,
                         via_agency=False, signature=signature_from_bytes(row.minhash),
                         profile=profile_from_bytes(row.minhash))


def _askers(lists: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """The keys of ``lists`` sorted, and beside each the number of the list that holds it."""
    keys = np.fromiter(chain.from_iterable(lists), dtype=np.int64)
    askers = np.repeat(np.arange(len(lists)), [len(keys_) for keys_ in lists])
    order = np.argsort(keys, kind="stable")
    return keys[order], askers[order]


def _near_or_may_match(row, stored: MatchFeatures, incoming: MatchFeatures, least_words: float) -> bool:
    """Whether a copy of the incoming copy's employer and city may pass the near-duplicate rule
    (3-shingle similarity ≥ ``NEAR_DUPLICATE_SIMILARITY``) or an agency rule."""
    return row.employer_key == incoming.employer_key and row.city_key == incoming.city_key \
        and (similarity(stored.signature, incoming.signature) >= NEAR_DUPLICATE_SIMILARITY
             or may_match(stored, incoming, least_words))


def candidate_index(session: Session, features: list[MatchFeatures], since: datetime,
                    keys: list[BatchKeys] | None = None) -> CandidateIndex:
    """Known copies that the matcher's rules could pair with this batch — and only those:
    same URL; same employer and requisition id; same employer and city sharing an employer
    band (3-shingles alike); for the agency rules, copies sharing a text band
    (:mod:`crawler.dedupe.bands`: same title or a shorter one, same city, job-specific words alike) and copies whose title adds a specialisation to one of this
    batch's (``sighting_title_variants``). Apart from URL and requisition id (which stay
    decisive for a repost years later), only copies seen since ``since`` are read. Every
    condition is an index search, and what it finds is what can be a duplicate: the cost
    grows with the batch, not with the database."""
    urls = list({f.url for f in features})
    employers_without_city = list({f.employer_key for f in features if f.employer_key and not f.city_key})
    requisitions = list({(f.employer_key, f.requisition_id) for f in features if f.employer_key and f.requisition_id})
    recent = Sighting.last_seen_at >= since
    conditions = [Sighting.url.in_(urls)]
    # The employer's copies in the copy's city are found through employer bands; without a
    # city (rare: no bands) the employer's city-less copies are read.
    employer_conditions = []
    if employers_without_city:
        employer_conditions.append(and_(Sighting.employer_key.in_(employers_without_city),
                                        Sighting.city_key.is_(None), recent))
    if requisitions:
        conditions.extend(_pairs_in(Sighting.employer_key, Sighting.requisition_id, requisitions))
    # One query per condition, each answered from an index; ORed in one statement, SQLite
    # scanned every sighting instead.
    sighting_ids: set[int] = set()
    for condition in conditions:
        sighting_ids.update(session.execute(select(Sighting.id).where(condition)).scalars())
    sighting_ids.update(_employer_candidates(session, features, employer_conditions))
    sighting_ids.update(_lengthened_title_candidates(session, features, recent))
    sighting_ids.update(_band_candidates(session, features, keys or batch_keys(features), recent))
    index = CandidateIndex()
    ordered = sorted(sighting_ids)
    for start in range(0, len(ordered), CANDIDATES_PER_QUERY):
        _add_candidates(session, index, ordered[start:start + CANDIDATES_PER_QUERY])
    return index


def _employer_candidates(session: Session, features: list[MatchFeatures], conditions: list) -> set[int]:
    """Copies of an incoming copy's employer under ``conditions`` (its city-less copies, for a
    copy without city: those have no employer bands) that may match it
    (:func:`_near_or_may_match`, the check the employer bands' copies pass too). Checked on the
    sighting's own row, so the other jobs of a large employer are not read further."""
    asking: dict[tuple, list[MatchFeatures]] = {}
    for feature in features:
        if feature.employer_key:
            asking.setdefault((feature.employer_key, feature.city_key), []).append(feature)
    found: set[int] = set()
    least_words = least_shared_words()
    for condition in conditions:
        for row in session.execute(select(Sighting.id, Sighting.url, Sighting.employer_key, Sighting.city_key,
                                          Sighting.minhash).where(condition)):
            stored = _sighting_text(row)
            if any(_near_or_may_match(row, stored, feature, least_words)
                   for feature in asking.get((row.employer_key, row.city_key), ())):
                found.add(row.id)
    return found


def _band_candidates(session: Session, features: list[MatchFeatures], keys: list[BatchKeys], recent) -> set[int]:
    """Copies seen recently that share a band with an incoming copy (:mod:`crawler.dedupe.bands`)
    and may pass a rule against one that shares it, checked on the sighting's own row (most
    collisions are other jobs of the same title or employer, and are not read further): for a
    text band, what an agency rule needs (:func:`crawler.dedupe.bands.may_match`); for an
    employer band, the same employer and city and a 3-shingle similarity of at least
    ``NEAR_DUPLICATE_SIMILARITY`` (the near-duplicate rule) or what an agency rule needs."""
    # Some 15,000 keys a batch and a few hundred found: who asked for a key is looked up in
    # sorted arrays for the keys found only.
    text_keys, text_askers = _askers(_stored_title_keys(session, features, keys))
    employer_keys, employer_askers = _askers([batch.employer for batch in keys])
    by_text: dict[int, set[int]] = {}
    by_employer: dict[int, set[int]] = {}
    lookup = np.union1d(text_keys, employer_keys).tolist()
    dialect = session.get_bind().dialect.name
    rows = session.execute(*band_lookup(dialect, lookup)).all() if lookup else []
    # Each key found located in both sorted arrays at once (searched row by row, the four
    # numpy calls of each of some 170 rows a batch cost more than the search itself).
    found_keys = np.fromiter((key for key, _sighting_id in rows), dtype=np.int64, count=len(rows))
    for asked_keys, askers, by in ((text_keys, text_askers, by_text), (employer_keys, employer_askers, by_employer)):
        firsts = np.searchsorted(asked_keys, found_keys, "left").tolist()
        lasts = np.searchsorted(asked_keys, found_keys, "right").tolist()
        for (_key, sighting_id), first, last in zip(rows, firsts, lasts):
            if last > first:
                by.setdefault(sighting_id, set()).update(askers[first:last].tolist())
    ordered = sorted(by_text.keys() | by_employer.keys())
    fetched = []
    for start in range(0, len(ordered), CANDIDATES_PER_QUERY):
        fetched.extend(session.execute(select(Sighting.id, Sighting.employer_key, Sighting.city_key, Sighting.minhash)
                                       .where(Sighting.id.in_(ordered[start:start + CANDIDATES_PER_QUERY]), recent)))
    # Every (found copy, asker) pair checked at once: most found copies are collisions, more of
    # them the larger the database (24 distinct a batch at 10,000 stored, 420 at 1,000,000).
    return passing_sightings(fetched, by_text, by_employer, features, least_shared_words())


_STORED_TITLES = {
    # One search of the variants' (title_key, city_key, words_dropped) index per pair.
    "sqlite": text("SELECT json_extract(value, '$[0]') AS title_key, json_extract(value, '$[1]') AS city_key"
                   " FROM json_each(:pairs) WHERE EXISTS (SELECT 1 FROM sighting_title_variants AS v"
                   " WHERE v.title_key = json_extract(json_each.value, '$[0]')"
                   " AND v.city_key = json_extract(json_each.value, '$[1]') AND v.words_dropped = 0)"),
    "postgresql": text("SELECT k.title_key, k.city_key FROM unnest(CAST(:titles AS TEXT[]), CAST(:cities AS TEXT[]))"
                       " AS k (title_key, city_key) WHERE EXISTS (SELECT 1 FROM sighting_title_variants AS v"
                       " WHERE v.title_key = k.title_key AND v.city_key = k.city_key AND v.words_dropped = 0)"),
}


def _stored_title_keys(session: Session, features: list[MatchFeatures], keys: list[BatchKeys]) -> list[list[int]]:
    """Each copy's text band keys (:attr:`BatchKeys.query`) without those of a title under which
    no copy of its city is stored. A copy files its text bands under its own title's content
    words and city, and its title variants hold the same words with none dropped
    (``title_variant_keys``): where no such variant is stored, no band of that title and city
    is. Most shorter titles a batch asks under ("engineer", "senior python") are nobody's own:
    leaving their keys out halved the keys a batch looks up in the band index (13,400 text
    keys to 5,900 at 1,000,000 stored), each a search of a B-tree that grows with the
    database. A title without content words (bands under the title key itself, no variants) is
    always asked."""
    pairs = {(title, feature.city_key) for feature, batch in zip(features, keys)
             for title, _count in batch.query_titles if bare_title_words(title)}
    stored: set[tuple[str, str]] = set()
    if pairs:
        dialect = session.get_bind().dialect.name
        ordered = sorted(pairs)
        parameters = {"titles": [title for title, _city in ordered], "cities": [city for _title, city in ordered]} \
            if dialect == "postgresql" else {"pairs": json.dumps(ordered, ensure_ascii=False)}
        stored = {(row.title_key, row.city_key) for row in session.execute(_STORED_TITLES[dialect], parameters)}
    asked = []
    for feature, batch in zip(features, keys):
        wanted, start = [], 0
        for title, count in batch.query_titles:
            if (title, feature.city_key) in stored or not bare_title_words(title):
                wanted.extend(batch.query[start:start + count])
            start += count
        asked.append(wanted)
    return asked


def _add_candidates(session: Session, index: CandidateIndex, sighting_ids: list[int]) -> None:
    # The posting's facts (experience, salary, languages, hours) are the agency rule's evidence.
    statement = (
        select(Sighting.posting_id, Sighting.url, Sighting.employer_key, Sighting.title_key, Sighting.city_key,
               Sighting.requisition_id, Sighting.via_agency, Sighting.minhash, Posting.status,
               Posting.date_posted, Posting.experience_years_min, Posting.salary_min, Posting.salary_max,
               Posting.salary_currency, Posting.salary_period, Posting.languages, Posting.employment_type,
               Posting.company, Posting.agency)
        .join(Posting, Posting.id == Sighting.posting_id)
        .where(Sighting.id.in_(sighting_ids))
        .order_by(Sighting.id)
    )
    for row in session.execute(statement):
        index.add(Candidate(row.posting_id, stored_features(row), posting_closed=row.status == "closed",
                            posting_date=row.date_posted,
                            posting_employer_key=posting_employer_key(row.company, row.agency)))


def _lengthened_title_candidates(session: Session, features: list[MatchFeatures], recent) -> set[int]:
    """Copies whose title adds a specialisation to one of this batch's titles (their variants
    hold the title with words dropped), for the agency rules: agency copies meet every such
    copy, the employer's copies only the agencies'. (Copies under a shorter title are found
    through their text bands.)

    Two steps, each an index search: the variants first, then those sightings by id. As one
    statement (``sightings.id IN (SELECT … variants …)``) PostgreSQL's planner, which cannot
    tell how few variants match, chose to scan every sighting and hash-join (seen at 300,000
    stored): a cost that grows with the database."""
    hides_employer = or_(Sighting.via_agency.is_(True), Sighting.employer_key.is_(None))
    variant = SightingTitleVariant
    found: set[int] = set()
    for hidden in (True, False):
        own = {(key, f.city_key) for f in features
               if f.title_key and f.city_key and (f.via_agency or not f.employer_key) == hidden
               for key, dropped in title_variant_keys(f.title_key) if not dropped}
        variant_ids: set[int] = set()
        for condition in (_pairs_in(variant.title_key, variant.city_key, own) if own else []):
            variant_ids.update(session.execute(select(variant.sighting_id)
                                               .where(condition, variant.words_dropped > 0)).scalars())
        ordered = sorted(variant_ids)
        for start in range(0, len(ordered), CANDIDATES_PER_QUERY):
            matching = and_(Sighting.id.in_(ordered[start:start + CANDIDATES_PER_QUERY]), recent)
            found.update(session.execute(select(Sighting.id).where(
                matching if hidden else and_(matching, hides_employer))).scalars())
    return found
