"""Band levels: new band rows go to small tables merged in sorted bulk; the employer index only
for copies without a city

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 14:20:00.000000

A batch of 200 new copies files some 7,200 band rows under random keys. Inserted into one B-tree
of every copy's bands, nearly each landed on its own page once the table outgrew the page cache:
6,700 band pages written a batch at 300,000 stored against 1,600 at 10,000, and the store's rate
halved (issue 15). ``sighting_text_bands_level0`` … ``level2`` take the latest sightings' bands
and are merged into the next level in key order (:mod:`crawler.store.band_levels`);
``sighting_text_bands`` stays the last level. Existing bands stay where they are.

``ix_sightings_employer_city_seen`` (employer, city, last seen) becomes
``ix_sightings_employer_seen_without_city``, over copies without a city only: the store reads it
for an incoming copy without a city (copies with one meet through employer bands), and over every
copy it cost ~500 random page writes a batch at 300,000 stored.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

LEVELS = ('sighting_text_bands_level0', 'sighting_text_bands_level1', 'sighting_text_bands_level2')


def upgrade() -> None:
    for table in LEVELS:
        op.create_table(table,
                        sa.Column('band_key', sa.BigInteger(), autoincrement=False, nullable=False),
                        sa.Column('sighting_id', sa.Integer(), autoincrement=False, nullable=False),
                        sa.PrimaryKeyConstraint('band_key', 'sighting_id', name=op.f(f'pk_{table}')),
                        sqlite_with_rowid=False)
    op.drop_index('ix_sightings_employer_city_seen', table_name='sightings')
    op.create_index('ix_sightings_employer_seen_without_city', 'sightings', ['employer_key', 'last_seen_at'],
                    sqlite_where=sa.text('city_key IS NULL'), postgresql_where=sa.text('city_key IS NULL'))


def downgrade() -> None:
    op.drop_index('ix_sightings_employer_seen_without_city', table_name='sightings')
    op.create_index('ix_sightings_employer_city_seen', 'sightings', ['employer_key', 'city_key', 'last_seen_at'])
    for table in LEVELS:
        # Constant table names: the levels' bands go back into the one band table.
        op.execute(f'INSERT INTO sighting_text_bands (band_key, sighting_id) SELECT band_key, sighting_id'
                   f' FROM {table} ORDER BY band_key, sighting_id')
        op.drop_table(table)
