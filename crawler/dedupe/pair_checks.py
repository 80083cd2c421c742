"""The band candidates' checks for a whole batch at once.

A batch's band lookup finds stored copies that share a band with an incoming one. Most of them
are collisions — other jobs of the same title and city — and their number grows with the
database (at 1,000,000 stored, some 420 distinct sightings a batch of 200, against 24 at 10,000).
Each found copy is checked on its own row before its posting is read: for a text band,
:func:`crawler.dedupe.bands.may_match`; for an employer band, the same employer and city and a
3-shingle similarity of at least ``NEAR_DUPLICATE_SIMILARITY``, or ``may_match``. Pair by pair in
Python (decode the row, build its word set, intersect, compare the signatures in numpy) that cost
5.6–9.3 ms of CPU a batch at 1,000,000 stored. :func:`passing_sightings` decides every pair of
the batch with a few numpy operations over all rows at once (2.6–4.4 ms there, the same as before
at 10,000 stored: 0.6–0.7 ms): the same arithmetic, the same answers (a test compares both on
every pair of batches of the benchmark's ads, true copies and collisions, and on edge rows).
"""

from __future__ import annotations

from typing import Any, Iterable

import numpy as np

from crawler.dedupe.features import NUM_PERMUTATIONS, MatchFeatures

_SIGNATURE_BYTES = NUM_PERMUTATIONS * 4


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The positions ``starts[i] … starts[i] + lengths[i] - 1`` of every range, one after another."""
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, dtype=np.int64)
    offsets = np.cumsum(lengths) - lengths
    return np.repeat(starts - offsets, lengths) + np.arange(total, dtype=np.int64)


def _distinct_words(values: np.ndarray, starts: np.ndarray, lengths: np.ndarray,
                    owners: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct word hashes of text profiles held in ``values`` (profile ``i`` at
    ``starts[i]`` for ``lengths[i]`` values, belonging to ``owners[i]`` of ``count``): the values
    after the line lengths, as ``TextProfile.words``. Returns ``(words, first position of each
    owner's words, how many)``, owners without a profile having none."""
    values = values.astype(np.int64)
    header = values[starts] if len(starts) else np.zeros(0, dtype=np.int64)  # the number of lines
    first = starts + 1 + header
    word_counts = np.maximum(starts + lengths - first, 0)
    keys = np.sort((np.repeat(owners, word_counts).astype(np.uint64) << np.uint64(32))
                   | values[_ranges(first, word_counts)].astype(np.uint64))
    # Sorted, then each key kept once (numpy's hashing unique took ~2 ms for ~20,000 keys).
    distinct = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys
    counts = np.bincount((distinct >> np.uint64(32)).astype(np.int64), minlength=count)
    return distinct & np.uint64(0xFFFFFFFF), np.cumsum(counts) - counts, counts


def _signatures(signatures: list[np.ndarray | None]) -> tuple[np.ndarray, np.ndarray]:
    """The signatures as one matrix, and which are there with ``NUM_PERMUTATIONS`` values."""
    matrix = np.zeros((len(signatures), NUM_PERMUTATIONS), dtype=np.uint32)
    valid = np.array([signature is not None and len(signature) == NUM_PERMUTATIONS for signature in signatures],
                     dtype=bool)
    if valid.any():
        matrix[valid] = np.stack([signature for signature, ok in zip(signatures, valid) if ok])
    return matrix, valid


def passing_sightings(rows: list[Any], by_text: dict[int, Iterable[int]], by_employer: dict[int, Iterable[int]],
                      features: list[MatchFeatures], least_words: float) -> set[int]:
    """The ids of ``rows`` (sightings with ``id``, ``minhash``, ``employer_key``, ``city_key``)
    that may pass a rule against an incoming copy that found them: through a text band
    (``by_text``: sighting id -> numbers of the incoming copies in ``features``),
    ``may_match``; through an employer band (``by_employer``), the same employer and city and a
    similarity of at least ``NEAR_DUPLICATE_SIMILARITY``, or ``may_match``."""
    from crawler.dedupe.matcher import NEAR_DUPLICATE_SIMILARITY, STRONG_SIMILARITY

    row_of, incoming_of, near_rule = [], [], []
    for row_number, row in enumerate(rows):
        for number in by_text.get(row.id, ()):
            row_of.append(row_number), incoming_of.append(number), near_rule.append(False)
        for number in by_employer.get(row.id, ()):
            if row.employer_key == features[number].employer_key and row.city_key == features[number].city_key:
                row_of.append(row_number), incoming_of.append(number), near_rule.append(True)
    if not row_of:
        return set()
    row_of_ = np.array(row_of, dtype=np.int64)
    # Only the incoming copies some pair names (a few dozen a batch at 10,000 stored).
    asking, incoming_of_ = np.unique(np.array(incoming_of, dtype=np.int64), return_inverse=True)
    features = [features[number] for number in asking.tolist()]
    # The stored MinHash column: the 3-shingle signature, then the text profile when there is one
    # (features.signature_from_bytes, profile_from_bytes); every row's read from one buffer.
    sizes = np.array([len(row.minhash) // 4 if row.minhash else 0 for row in rows], dtype=np.int64)
    stored_values = np.frombuffer(b"".join(row.minhash for row in rows if row.minhash), dtype=np.uint32)
    stored_starts = np.cumsum(sizes) - sizes
    stored_valid = sizes > 0
    stored_signatures = np.zeros((len(rows), NUM_PERMUTATIONS), dtype=np.uint32)
    stored_signatures[stored_valid] = stored_values[stored_starts[stored_valid][:, None]
                                                    + np.arange(NUM_PERMUTATIONS)]
    incoming_signatures, incoming_valid = _signatures([feature.signature for feature in features])
    equal = np.count_nonzero(stored_signatures[row_of_] == incoming_signatures[incoming_of_], axis=1)
    similarity = np.where(stored_valid[row_of_] & incoming_valid[incoming_of_], equal / NUM_PERMUTATIONS, 0.0)

    with_profile = np.flatnonzero(sizes > NUM_PERMUTATIONS)
    stored_words, stored_first, stored_counts = _distinct_words(
        stored_values, stored_starts[with_profile] + NUM_PERMUTATIONS, sizes[with_profile] - NUM_PERMUTATIONS,
        with_profile, len(rows))
    profiles = [(number, feature.profile.values) for number, feature in enumerate(features) if feature.profile is not None]
    profile_sizes = np.array([len(values) for _number, values in profiles], dtype=np.int64)
    incoming_words, _incoming_first, incoming_counts = _distinct_words(
        np.concatenate([values for _number, values in profiles]) if profiles else np.zeros(0, dtype=np.uint32),
        np.cumsum(profile_sizes) - profile_sizes, profile_sizes,
        np.array([number for number, _values in profiles], dtype=np.int64), len(features))
    shorter = np.minimum(stored_counts[row_of_], incoming_counts[incoming_of_])
    # Each pair's stored words as (incoming copy << 32 | word), looked up among the incoming
    # copies' own, sorted the same way: the words both hold.
    asked = (np.repeat(np.arange(len(features)), incoming_counts).astype(np.uint64) << np.uint64(32)) | incoming_words
    looked_up = np.where(shorter > 0, stored_counts[row_of_], 0)
    owners = np.repeat(np.arange(len(row_of_)), looked_up)
    keys = (incoming_of_[owners].astype(np.uint64) << np.uint64(32)) \
        | stored_words[_ranges(stored_first[row_of_], looked_up)]
    shared = np.zeros(len(row_of_), dtype=np.int64)
    if len(keys) and len(asked):
        positions = np.minimum(np.searchsorted(asked, keys), len(asked) - 1)
        shared = np.bincount(owners[asked[positions] == keys], minlength=len(row_of_))

    may_match = ((shorter > 0) & (shared >= least_words * shorter)) | (similarity >= STRONG_SIMILARITY)
    passing = may_match | (np.array(near_rule) & (similarity >= NEAR_DUPLICATE_SIMILARITY))
    return {rows[row_number].id for row_number in row_of_[passing].tolist()}
