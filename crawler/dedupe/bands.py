"""Bands: keys under which a copy meets the copies of its job — and few others.

The agency rules (:mod:`crawler.dedupe.matcher`) compare an incoming copy with every known copy of
the same title and city where one side hides the employer, the near-duplicate rule with every copy
of the same employer and city. Those blocks grow with the database: a board crawled for a year
holds thousands of "Data Engineer" ads in Berlin, a large employer hundreds of ads in its city. So
each copy is filed under a few *bands* — locality-sensitive keys — and the store reads only the
copies that share a band with an incoming one:

- *text bands*: the title, the city and :data:`ROWS_PER_BAND` values of a MinHash over the word
  hashes of the text profile. Copies of one job share most content words of their job-specific
  text (rewrite similarity ≥ 0.75 needs at least half of the shorter text's words in the longer
  one, and is typically 0.9 or more); different jobs of the same title far fewer. With
  :data:`BANDS` bands of 4 rows, two copies whose content-word sets have Jaccard similarity J
  share a band with probability 1 − (1 − J⁴)^BANDS: 0.79 at J = 0.5, 0.96 at 0.6, 0.9995 at
  0.7 (an agency's rewrite sharing 80 % of the words: J ≈ 0.67, 0.998); 0.0006 at J = 0.07 and
  0.012 at 0.15 (unrelated ads of one title sharing stock words). Four rows rather than two:
  with two (0.057 at J = 0.07) the collisions a batch reads grew with the database — 32 per ad
  with 200,000 ads stored, ten times as many at a million.
- *employer bands*: the employer, the city and :data:`EMPLOYER_ROWS_PER_BAND` values of the
  3-shingle MinHash: what the near-duplicate rule needs (3-shingle Jaccard ≥ 0.5 under the same
  title, ≥ 0.8 under another): 1 − (1 − J²)^EMPLOYER_BANDS is 0.97 at 0.5, 1.0 at 0.8, 0.005 at
  0.02 (another job of the employer, in other words).

Text keys also carry whether the copy hides its employer, so that an employer's copy asks only for
agency copies (the only ones the agency rules let it meet).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from crawler.dedupe.features import MatchFeatures, bare_title_words, title_variant_keys

BANDS = 24
VARIANT_BANDS = 16
ROWS_PER_BAND = 4
EMPLOYER_BANDS = 12
EMPLOYER_ROWS_PER_BAND = 2
BAND_SEED = 15
_SEEDS = np.random.default_rng(BAND_SEED).integers(0, 1 << 63, BANDS * ROWS_PER_BAND, dtype=np.uint64)


def _mix(values: np.ndarray) -> np.ndarray:
    # splitmix64's finaliser: every input bit reaches every output bit (uint64 arithmetic wraps).
    values = values ^ (values >> np.uint64(30))
    values = values * np.uint64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> np.uint64(27))
    values = values * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


def word_minhash(words: frozenset[int] | np.ndarray) -> np.ndarray:
    """``BANDS × ROWS_PER_BAND`` MinHash values of a set of word hashes (uint32 values); given an
    ``n × w`` array (each row one text's words, repeated to fill the row), one row of values each."""
    values = np.fromiter(words, dtype=np.uint64, count=len(words)) if not isinstance(words, np.ndarray) \
        else words.astype(np.uint64)
    # One strong 64-bit mix per row (a linear a·x + b mod p ordered the words nearly alike in
    # every row: bands then collided far less often than the Jaccard similarity promises).
    if values.ndim == 1:
        return _mix(values[None, :] ^ _SEEDS[:, None]).min(axis=1)
    return _mix(values[:, None, :] ^ _SEEDS[None, :, None]).min(axis=2)


def texts_minhash(texts: list[np.ndarray]) -> np.ndarray:
    """:func:`word_minhash` of each of ``texts`` (non-empty arrays of word hashes), one row each.
    A batch's texts share most of their words (a board's stock phrases, a title's vocabulary):
    each distinct word is mixed once (some 2,900 distinct of 8,800 in a batch of 200), then each
    text takes the minimum over its words' rows — the same values at half the cost of mixing
    every text's words, padded to the longest, on its own."""
    words = np.concatenate(texts).astype(np.uint64, copy=False)
    distinct, position = np.unique(words, return_inverse=True)
    mixed = _mix(distinct[:, None] ^ _SEEDS[None, :])
    starts = np.cumsum([0] + [len(text) for text in texts[:-1]])
    return np.minimum.reduceat(mixed[position], starts, axis=0)


@lru_cache(maxsize=4096)
def _profile_minhash(words: frozenset[int]) -> np.ndarray:
    # A copy's bands are computed twice in a batch: to look up (query_band_keys), then to file it.
    return word_minhash(words)


@lru_cache(maxsize=1 << 14)
def _prefix(title: str, city: str, hidden: bool) -> np.uint64:
    digest = hashlib.blake2b(f"{int(hidden)}|{title}|{city}".encode(), digest_size=8).digest()
    return np.uint64(int.from_bytes(digest, "big"))


@lru_cache(maxsize=1 << 14)
def _employer_prefix(employer: str, city: str) -> np.uint64:
    # A prefix of another shape than the text bands' ("0|…" / "1|…"): the two kinds never share a key.
    digest = hashlib.blake2b(f"employer|{employer}|{city}".encode(), digest_size=8).digest()
    return np.uint64(int.from_bytes(digest, "big"))


_BAND_NUMBERS = np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)


def band_keys(title: str, city: str, hidden: bool, minhashes: np.ndarray, bands: int = BANDS) -> np.ndarray:
    """One signed 64-bit key per band for each row of ``minhashes`` (``n × BANDS·ROWS_PER_BAND``, as
    :func:`word_minhash` returns them): title, city, side, band number and the band's values."""
    return _keys(_prefix(title, city, hidden), minhashes, bands, ROWS_PER_BAND)


def _keys(prefix: np.uint64, values: np.ndarray, bands: int, rows: int) -> np.ndarray:
    keys = np.broadcast_to(_mix(_BAND_NUMBERS[:bands] ^ prefix), (len(values), bands))
    for row in range(rows):
        keys = _mix(keys ^ values[:, row:bands * rows:rows].astype(np.uint64))
    return keys.view(np.int64)


def employer_band_keys(employer: str, city: str, signatures: np.ndarray) -> np.ndarray:
    """One signed 64-bit key per employer band for each row of ``signatures`` (``n ×`` the
    3-shingle MinHash length): employer, city, band number and the band's values."""
    return _keys(_employer_prefix(employer, city), signatures, EMPLOYER_BANDS, EMPLOYER_ROWS_PER_BAND)


def employer_keys(features: MatchFeatures) -> list[int]:
    """The employer bands a copy is filed under and looks up: none without employer, city or
    3-shingle MinHash (such copies meet by URL, requisition id or the text bands only)."""
    if features.signature is None or not features.employer_key or not features.city_key:
        return []
    return employer_band_keys(features.employer_key, features.city_key, features.signature[None, :])[0].tolist()


def _bands(title: str, city: str, hidden: bool, minhash: np.ndarray, bands: int) -> list[int]:
    return band_keys(title, city, hidden, minhash[None, :], bands)[0].tolist()


def band_title(title_key: str) -> str:
    """The title as bands carry it: its content words, as ``title_variant_keys`` writes them."""
    return " ".join(bare_title_words(title_key)) or title_key


def stored_band_keys(features: MatchFeatures) -> list[int]:
    """The bands a copy is filed under: its employer bands (:func:`employer_keys`) and its text
    bands, of its title and city; no text bands without both, or without a text profile (copies
    stored before profiles existed meet agencies' copies by URL, requisition or employer only)."""
    employer = employer_keys(features)
    if features.profile is None or not len(features.profile.words) or not features.title_key \
            or not features.city_key:
        return employer
    hidden = features.via_agency or features.employer_key is None
    return employer + _bands(band_title(features.title_key), features.city_key, hidden,
                             _profile_minhash(features.profile.words), BANDS)


def query_band_keys(features: MatchFeatures) -> list[int]:
    """The bands an incoming copy looks up, of copies that hide the employer — and, when this copy
    hides it, of the employer's copies too: its own title's, and :data:`VARIANT_BANDS` of each
    shorter title it contains (an agency that added a specialisation meets the employer's copy
    under the shorter title; that rule asks for text agreeing more strongly, so fewer bands
    suffice: 0.99 at J = 0.7, 0.9999 at 0.8). Employer bands are looked up apart
    (:func:`employer_keys`)."""
    if features.profile is None or not len(features.profile.words) or not features.title_key \
            or not features.city_key:
        return []
    hidden_sides = (True, False) if features.via_agency or features.employer_key is None else (True,)
    own = band_title(features.title_key)
    titles = [own] + [variant for variant, dropped in title_variant_keys(features.title_key) if dropped and variant != own]
    # Every title and side at once (one numpy pass, not one per title): a variant's bands are the
    # first VARIANT_BANDS of its full set.
    prefixes = np.array([_prefix(title, features.city_key, hidden) for title in titles for hidden in hidden_sides],
                        dtype=np.uint64)
    keys = _prefixed_keys(prefixes, _profile_minhash(features.profile.words))
    return keys[:len(hidden_sides)].ravel().tolist() + keys[len(hidden_sides):, :VARIANT_BANDS].ravel().tolist()


def _prefixed_keys(prefixes: np.ndarray, minhash: np.ndarray) -> np.ndarray:
    """:func:`band_keys` of one MinHash under several prefixes: ``len(prefixes) × BANDS``."""
    keys = _mix(_BAND_NUMBERS[None, :] ^ prefixes[:, None])
    for row in range(ROWS_PER_BAND):
        keys = _mix(keys ^ minhash[None, row:BANDS * ROWS_PER_BAND:ROWS_PER_BAND])
    return keys.view(np.int64)


@dataclass
class BatchKeys:
    """One copy's band keys, as :func:`batch_keys` computes them for a batch."""

    query: list[int]
    """The text bands it looks up (:func:`query_band_keys`)."""
    employer: list[int]
    """Its employer bands, looked up and filed (:func:`employer_keys`)."""
    stored: list[int]
    """The bands it is filed under (:func:`stored_band_keys`)."""
    query_titles: list[tuple[str, int]] = field(default_factory=list)
    """The titles ``query`` asks under, in its order: ``(title, number of keys)`` — its own
    title's bands first, then each shorter title's. A copy files its text bands under its own
    title's content words only, so no stored band has a title under which no copy of the city is
    stored (``crawler.store.candidates`` leaves those keys out of the lookup)."""


def batch_keys(features: list[MatchFeatures]) -> list[BatchKeys]:
    """:func:`query_band_keys`, :func:`employer_keys` and :func:`stored_band_keys` of each copy of
    a batch — the same keys, in the same order — in one numpy pass for the text bands and one for
    the employer bands: one pass per copy and kind cost ~0.3 ms an ad, mostly numpy's per-call
    overhead on arrays of 24 values."""
    text_prefixes: list[np.uint64] = []
    text_values: list[int] = []  # per text row: its copy's number in minhash_words
    employer_prefixes: list[np.uint64] = []
    employer_values: list[np.ndarray] = []
    minhash_words: list[np.ndarray] = []
    plans = []  # per copy: (first text row, own-title rows, variant rows, stored text row, employer row, titles)
    for feature in features:
        employer_row = None
        if feature.signature is not None and feature.employer_key and feature.city_key:
            employer_row = len(employer_prefixes)
            employer_prefixes.append(_employer_prefix(feature.employer_key, feature.city_key))
            employer_values.append(feature.signature)
        if feature.profile is None or not len(feature.profile.words) or not feature.title_key \
                or not feature.city_key:
            plans.append((None, 0, 0, None, employer_row, []))
            continue
        minhash = len(minhash_words)
        minhash_words.append(np.fromiter(feature.profile.words, dtype=np.uint64, count=len(feature.profile.words)))
        hidden = feature.via_agency or feature.employer_key is None
        sides = (True, False) if hidden else (True,)
        own = band_title(feature.title_key)
        titles = [own] + [variant for variant, dropped in title_variant_keys(feature.title_key)
                          if dropped and variant != own]
        first = len(text_prefixes)
        text_prefixes.extend(_prefix(title, feature.city_key, side) for title in titles for side in sides)
        stored_row = first  # a copy that hides the employer files its bands under (own title, hidden)
        if not hidden:
            stored_row = first + len(titles) * len(sides)
            text_prefixes.append(_prefix(own, feature.city_key, False))
        text_values.extend([minhash] * (len(text_prefixes) - first))
        plans.append((first, len(sides), (len(titles) - 1) * len(sides), stored_row, employer_row,
                      [(own, len(sides) * BANDS)] + [(title, len(sides) * VARIANT_BANDS) for title in titles[1:]]))
    if minhash_words:
        minhashes = texts_minhash(minhash_words)
        text_values = [minhashes[number] for number in text_values]
    text = _keys_each(text_prefixes, text_values, BANDS, ROWS_PER_BAND)
    employer = _keys_each(employer_prefixes, employer_values, EMPLOYER_BANDS, EMPLOYER_ROWS_PER_BAND)
    found = []
    for first, own_rows, variant_rows, stored_row, employer_row, query_titles in plans:
        employer_keys_ = employer[employer_row].tolist() if employer_row is not None else []
        if first is None:
            found.append(BatchKeys([], employer_keys_, employer_keys_))
            continue
        query = text[first:first + own_rows].ravel().tolist() \
            + text[first + own_rows:first + own_rows + variant_rows, :VARIANT_BANDS].ravel().tolist()
        found.append(BatchKeys(query, employer_keys_, employer_keys_ + text[stored_row].tolist(), query_titles))
    return found


def _keys_each(prefixes: list[np.uint64], values: list[np.ndarray], bands: int, rows: int) -> np.ndarray:
    """:func:`_keys` with a prefix per row: ``len(prefixes) × bands``."""
    if not prefixes:
        return np.empty((0, bands), dtype=np.int64)
    keys = _mix(_BAND_NUMBERS[None, :bands] ^ np.array(prefixes, dtype=np.uint64)[:, None])
    stacked = np.stack(values).astype(np.uint64, copy=False)
    for row in range(rows):
        keys = _mix(keys ^ stacked[:, row:bands * rows:rows])
    return keys.view(np.int64)


def least_shared_words() -> float:
    """The share of the shorter text's content words that the agency rules need at the least:
    rewrite similarity is the mean of that share and the share of lines with a counterpart, and
    it must reach ``REWRITE_SIMILARITY`` less the largest discount for agreeing facts."""
    from crawler.dedupe.matcher import AGREEMENT_DISCOUNT, REWRITE_SIMILARITY

    return 2 * (REWRITE_SIMILARITY - 3 * AGREEMENT_DISCOUNT) - 1


def may_match(stored: MatchFeatures, incoming: MatchFeatures, least_words: float) -> bool:
    """Whether a copy found through a shared band can pass an agency rule at all: enough shared
    content words (:func:`least_shared_words`), or a 3-shingle similarity strong enough for the
    retitled rule. Checked on the sighting's own stored features before its posting is read: most
    band collisions are other jobs of the same title, and reading a posting costs far more."""
    from crawler.dedupe.features import similarity
    from crawler.dedupe.matcher import STRONG_SIMILARITY

    if stored.profile is not None and incoming.profile is not None:
        first, second = stored.profile.words, incoming.profile.words
        shorter = min(len(first), len(second))
        if shorter and len(first & second) >= least_words * shorter:
            return True
    return similarity(stored.signature, incoming.signature) >= STRONG_SIMILARITY
