"""text bands of sightings, and indexes for candidate blocks bounded in time

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 01:00:00.000000

``sighting_text_bands`` files each sighting under locality-sensitive keys of its title, city and
job-specific words (:mod:`crawler.dedupe.bands`): an agency's copy finds the copies of its job
by index instead of reading every copy of the same title and city, a block that grows with the
database (issue 15). ``ix_sightings_employer_city_seen`` serves the near-duplicate block within
the store's candidate window; ``ix_sighting_title_variants_title_city`` gains ``words_dropped`` so
that only longer titles are read. Existing sightings get their bands here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_BATCH = 5000


def upgrade() -> None:
    bands = op.create_table(
        'sighting_text_bands',
        sa.Column('band_key', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column('sighting_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['sighting_id'], ['sightings.id'], ondelete='CASCADE',
                                name=op.f('fk_sighting_text_bands_sighting_id_sightings')),
        sa.PrimaryKeyConstraint('band_key', 'sighting_id', name=op.f('pk_sighting_text_bands')),
    )
    op.create_index(op.f('ix_sighting_text_bands_sighting_id'), 'sighting_text_bands', ['sighting_id'])
    op.create_index('ix_sightings_employer_city_seen', 'sightings', ['employer_key', 'city_key', 'last_seen_at'])
    op.drop_index('ix_sighting_title_variants_title_city', table_name='sighting_title_variants')
    op.create_index('ix_sighting_title_variants_title_city', 'sighting_title_variants',
                    ['title_key', 'city_key', 'words_dropped'])
    connection = op.get_bind()
    sightings = sa.table('sightings', sa.column('id', sa.Integer()), sa.column('url', sa.Text()),
                         sa.column('employer_key', sa.String()), sa.column('title_key', sa.String()),
                         sa.column('city_key', sa.String()), sa.column('via_agency', sa.Boolean()),
                         sa.column('minhash', sa.LargeBinary()))
    last_id = 0
    while True:  # in pages of sighting ids: a large table is neither held in memory nor read twice
        rows = connection.execute(
            sa.select(sightings.c.id, sightings.c.url, sightings.c.employer_key, sightings.c.title_key,
                      sightings.c.city_key, sightings.c.via_agency, sightings.c.minhash)
            .where(sightings.c.id > last_id).order_by(sightings.c.id).limit(_BATCH)).all()
        if not rows:
            break
        # Imported only for rows to fill, not at the top: Alembic imports every revision to build its
        # map, and the matching code brings the parser (~0.5 s, ~20 MB) into every crawl's migration child.
        from crawler.dedupe.bands import stored_band_keys
        from crawler.dedupe.features import MatchFeatures, profile_from_bytes

        last_id = rows[-1].id
        batch = []
        for row in rows:
            features = MatchFeatures(url=row.url, employer_key=row.employer_key, title_key=row.title_key,
                                     city_key=row.city_key, requisition_id=None, via_agency=bool(row.via_agency),
                                     signature=None, profile=profile_from_bytes(row.minhash))
            batch.extend({'band_key': key, 'sighting_id': row.id} for key in set(stored_band_keys(features)))
        if batch:
            connection.execute(bands.insert(), batch)


def downgrade() -> None:
    op.drop_index('ix_sighting_title_variants_title_city', table_name='sighting_title_variants')
    op.create_index('ix_sighting_title_variants_title_city', 'sighting_title_variants', ['title_key', 'city_key'])
    op.drop_index('ix_sightings_employer_city_seen', table_name='sightings')
    op.drop_index(op.f('ix_sighting_text_bands_sighting_id'), table_name='sighting_text_bands')
    op.drop_table('sighting_text_bands')
