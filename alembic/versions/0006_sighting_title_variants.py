"""title variants of sightings, for agency copies that retitle a job

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 15:00:00.000000

``sighting_title_variants`` holds, per sighting with a title and a city, the title's content
words and the shorter titles it contains with a specialisation of one or two words dropped
("backend engineer" for "backend engineer payments"). An agency's copy that adds or drops the
specialisation finds the other copies of the job through it by index, without scanning the
sightings of a city. Existing sightings get their variants here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_BATCH = 5000


def upgrade() -> None:
    variants = op.create_table(
        'sighting_title_variants',
        sa.Column('sighting_id', sa.Integer(), nullable=False),
        sa.Column('title_key', sa.String(length=255), nullable=False),
        sa.Column('city_key', sa.String(length=255), nullable=False),
        sa.Column('words_dropped', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['sighting_id'], ['sightings.id'], ondelete='CASCADE',
                                name=op.f('fk_sighting_title_variants_sighting_id_sightings')),
        sa.PrimaryKeyConstraint('sighting_id', 'title_key', name=op.f('pk_sighting_title_variants')),
    )
    op.create_index('ix_sighting_title_variants_title_city', 'sighting_title_variants', ['title_key', 'city_key'])
    connection = op.get_bind()
    sightings = sa.table('sightings', sa.column('id', sa.Integer()), sa.column('title_key', sa.String()),
                         sa.column('city_key', sa.String()))
    last_id = 0
    while True:  # in pages of sighting ids: a large table is neither held in memory nor read twice
        rows = connection.execute(
            sa.select(sightings.c.id, sightings.c.title_key, sightings.c.city_key)
            .where(sightings.c.id > last_id, sightings.c.title_key.is_not(None), sightings.c.city_key.is_not(None))
            .order_by(sightings.c.id).limit(_BATCH)).all()
        if not rows:
            break
        # Imported only for rows to fill, not at the top: Alembic imports every revision to build its
        # map, and the matching code brings the parser (~0.5 s, ~20 MB) into every crawl's migration child.
        from crawler.dedupe.features import title_variant_keys

        last_id = rows[-1].id
        batch = [{'sighting_id': sighting_id, 'title_key': variant, 'city_key': city_key, 'words_dropped': dropped}
                 for sighting_id, title_key, city_key in rows for variant, dropped in title_variant_keys(title_key)]
        if batch:
            connection.execute(variants.insert(), batch)


def downgrade() -> None:
    op.drop_index('ix_sighting_title_variants_title_city', table_name='sighting_title_variants')
    op.drop_table('sighting_title_variants')
