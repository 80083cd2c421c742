"""The band candidates' checks for a whole batch (crawler.dedupe.pair_checks, issue 15) decide every
(stored copy, incoming copy) pair as the per-pair checks do: ``may_match`` through a text band,
same employer and city and near-duplicate similarity or ``may_match`` through an employer band."""

import dataclasses
import random
from types import SimpleNamespace

import pytest

from benchmarks.bench_store_scale import incoming_ads
from benchmarks.store_prefill import prefill_ad
from crawler.dedupe.bands import least_shared_words, may_match
from crawler.dedupe.features import features_of
from crawler.dedupe.pair_checks import passing_sightings
from crawler.store.candidates import _near_or_may_match, _sighting_text

STORED = 300


def _per_pair(rows, by_text, by_employer, features, least_words):
    """What _band_candidates decided pair by pair before the batch checks."""
    found = set()
    for row in rows:
        stored = _sighting_text(row)
        if any(may_match(stored, features[number], least_words) for number in by_text.get(row.id, ())) \
                or any(_near_or_may_match(row, stored, features[number], least_words)
                       for number in by_employer.get(row.id, ())):
            found.add(row.id)
    return found


def _row(sighting_id, feature, minhash="whole"):
    data = {"whole": feature.signature_bytes, "signature only": feature.signature.tobytes(), "none": None}[minhash]
    return SimpleNamespace(id=sighting_id, url=feature.url, employer_key=feature.employer_key,
                           city_key=feature.city_key, minhash=data)


def _lightly_edited(ad, number):
    """The employer's own ad again at another board, one bullet dropped: a near-duplicate."""
    edited = dict(ad, source="other-board", source_id=f"B-{number}", url=f"https://other.example/jobs/{number}")
    edited["responsibilities"] = list(ad["responsibilities"])[1:]
    return edited


@pytest.fixture(scope="module")
def batch():
    stored_ads = [prefill_ad(number) for number in range(STORED)]
    stored = [features_of(ad) for ad in stored_ads]
    arriving = incoming_ads(STORED, 200)
    arriving += [_lightly_edited(stored_ads[number], number) for number in range(0, STORED, 15)]
    incoming = [features_of(ad) for ad in arriving]
    # Copies without a text profile or without a 3-shingle MinHash meet the checks too.
    incoming += [dataclasses.replace(incoming[0], profile=None), dataclasses.replace(incoming[9], signature=None),
                 dataclasses.replace(incoming[19], profile=None, signature=None)]
    rows = [_row(number + 1, feature) for number, feature in enumerate(stored)]
    rows += [_row(STORED + 1, stored[5], "signature only"), _row(STORED + 2, stored[6], "none")]
    shuffler = random.Random(15)
    by_text, by_employer = {}, {}
    for row in rows:
        by_text[row.id] = set(shuffler.sample(range(len(incoming)), 12))
        by_employer[row.id] = set(shuffler.sample(range(len(incoming)), 6))
    # The true pairs: each agency rewrite with its original (text band), each edited copy with
    # its original (employer band), as the band lookup finds them.
    for number, ad in enumerate(arriving):
        if ad["source"] == "agency-bench":
            original = STORED - 1 - (number * 37) % STORED
            by_text[original + 1].add(number)
        elif ad["source"] == "other-board":
            original = int(ad["source_id"][2:])
            by_employer[original + 1].add(number)
    by_employer[STORED + 1] |= {0, 9, 19}
    by_text[STORED + 2] |= {len(incoming) - 3, len(incoming) - 1}
    return rows, by_text, by_employer, incoming


def test_batch_checks_decide_every_pair_as_the_per_pair_checks(batch):
    rows, by_text, by_employer, incoming = batch
    least_words = least_shared_words()
    expected = _per_pair(rows, by_text, by_employer, incoming, least_words)
    assert passing_sightings(rows, by_text, by_employer, incoming, least_words) == expected
    # Not a trivial answer: the true pairs pass and most collisions do not.
    assert 30 <= len(expected) < len(rows) // 2


def test_each_pair_alone_as_the_per_pair_checks(batch):
    rows, by_text, by_employer, incoming = batch
    least_words = least_shared_words()
    checked = passed = 0
    for row in rows[::7] + rows[-2:]:
        for kind in ("text", "employer"):
            for number in sorted((by_text if kind == "text" else by_employer)[row.id])[:4]:
                alone = ({row.id: {number}}, {}) if kind == "text" else ({}, {row.id: {number}})
                expected = _per_pair([row], *alone, incoming, least_words)
                assert passing_sightings([row], *alone, incoming, least_words) == expected, (row.id, kind, number)
                checked += 1
                passed += bool(expected)
    assert checked > 100 and passed > 0


def test_no_pairs_pass_nothing(batch):
    rows, _by_text, _by_employer, incoming = batch
    assert passing_sightings(rows, {}, {}, incoming, least_shared_words()) == set()
