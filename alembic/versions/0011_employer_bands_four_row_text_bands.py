"""employer bands and four-row text bands in sighting_text_bands

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 04:00:00.000000

Every sighting's bands are computed again (:mod:`crawler.dedupe.bands`): text bands of four MinHash
rows instead of two, so that other jobs of the same title and city rarely share one (with two,
the collisions a batch read grew with the database), and employer bands of the 3-shingle MinHash,
through which the store finds the employer's copies in the same city for the near-duplicate rule
instead of reading every copy of that employer and city (issue 15). The downgrade files the
sightings under the text bands of revision 0008 again (two rows, twelve bands, eight for shorter
titles), computed here with that revision's numbers.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import sqlalchemy as sa
from alembic import op

# The matching code (and numpy) is imported only where a sighting's bands are computed, not at the
# top: Alembic imports every revision to build its map, and crawler.dedupe brings the parser
# (~0.5 s, ~20 MB) into every crawl's migration child, which migrates an empty database.


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_BATCH = 5000


def _refill(keys_of) -> None:
    """Replace every sighting's bands by ``keys_of(features)``, in pages of sighting ids (a large
    table is neither held in memory nor read twice)."""
    connection = op.get_bind()
    bands = sa.table('sighting_text_bands', sa.column('band_key', sa.BigInteger()),
                     sa.column('sighting_id', sa.Integer()))
    sightings = sa.table('sightings', sa.column('id', sa.Integer()), sa.column('url', sa.Text()),
                         sa.column('employer_key', sa.String()), sa.column('title_key', sa.String()),
                         sa.column('city_key', sa.String()), sa.column('via_agency', sa.Boolean()),
                         sa.column('minhash', sa.LargeBinary()))
    connection.execute(bands.delete())
    last_id = 0
    while True:
        rows = connection.execute(
            sa.select(sightings.c.id, sightings.c.url, sightings.c.employer_key, sightings.c.title_key,
                      sightings.c.city_key, sightings.c.via_agency, sightings.c.minhash)
            .where(sightings.c.id > last_id).order_by(sightings.c.id).limit(_BATCH)).all()
        if not rows:
            break
        from crawler.dedupe.features import MatchFeatures, profile_from_bytes, signature_from_bytes

        last_id = rows[-1].id
        batch = []
        for row in rows:
            features = MatchFeatures(url=row.url, employer_key=row.employer_key, title_key=row.title_key,
                                     city_key=row.city_key, requisition_id=None, via_agency=bool(row.via_agency),
                                     signature=signature_from_bytes(row.minhash),
                                     profile=profile_from_bytes(row.minhash))
            batch.extend({'band_key': key, 'sighting_id': row.id} for key in set(keys_of(features)))
        if batch:
            connection.execute(bands.insert(), batch)


def _stored_band_keys(features: MatchFeatures) -> list[int]:
    from crawler.dedupe.bands import stored_band_keys

    return stored_band_keys(features)


def upgrade() -> None:
    _refill(_stored_band_keys)


# Revision 0008's text bands, frozen here: 12 bands of 2 rows of a MinHash over the word hashes.
_OLD_BANDS, _OLD_ROWS = 12, 2


@lru_cache(maxsize=1)
def _old_numbers():
    """Revision 0008's MinHash seeds and band numbers."""
    import numpy as np

    seeds = np.random.default_rng(15).integers(0, 1 << 63, _OLD_BANDS * _OLD_ROWS, dtype=np.uint64)
    return seeds, np.arange(_OLD_BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)


def _old_text_bands(features: MatchFeatures) -> list[int]:
    import numpy as np

    from crawler.dedupe.bands import _mix, band_title

    old_seeds, band_numbers = _old_numbers()
    if features.profile is None or not len(features.profile.words) or not features.title_key \
            or not features.city_key:
        return []
    hidden = features.via_agency or features.employer_key is None
    words = np.fromiter(features.profile.words, dtype=np.uint64, count=len(features.profile.words))
    minhash = _mix(words[None, :] ^ old_seeds[:, None]).min(axis=1)
    digest = hashlib.blake2b(f"{int(hidden)}|{band_title(features.title_key)}|{features.city_key}".encode(),
                             digest_size=8).digest()
    keys = _mix(band_numbers ^ np.uint64(int.from_bytes(digest, "big")))
    for row in range(_OLD_ROWS):
        keys = _mix(keys ^ minhash[row::_OLD_ROWS])
    return keys.view(np.int64).tolist()


def downgrade() -> None:
    _refill(_old_text_bands)
