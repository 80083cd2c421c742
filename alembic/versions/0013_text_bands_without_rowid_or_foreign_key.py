"""sighting_text_bands: one B-tree, no foreign key; sightings lose two unused indexes

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 11:20:00.000000

Each new copy files some 36 band rows under random keys (:mod:`crawler.dedupe.bands`), so every
structure those rows enter costs a page write per row once the table is large (issue 15). The
table keeps its primary key ``(band_key, sighting_id)`` — the index the store searches — and
loses the rest: on SQLite it is stored WITHOUT ROWID (the primary key is the table, instead of
a rowid table, the key's index and an index on ``sighting_id``); on both dialects the foreign key
to ``sightings`` and its index go. The store writes bands only for the sightings it has just
inserted, and nothing deletes sightings but a deleted posting's cascade: a band left behind then
names a missing (or, on SQLite, a later reused) sighting id, which the candidate search reads and
checks like any other collision. On PostgreSQL the foreign key's trigger was 100 of 176 ms of a
batch's band insert (7,200 rows, EXPLAIN ANALYZE at 10,000 stored).

``ix_sightings_block`` (employer, title, city) and ``ix_sightings_title_city`` served the title
and city blocks that bands replaced (migration 0008); nothing searches them now, and each cost
some 130 page writes a batch of 200 at 300,000 stored.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def _copy_sqlite_table(with_rowid: bool) -> None:
    """SQLite: the band table made again (WITHOUT ROWID or not), its rows copied in key order."""
    op.execute("ALTER TABLE sighting_text_bands RENAME TO sighting_text_bands_old")
    columns = [sa.Column('band_key', sa.BigInteger(), autoincrement=False, nullable=False),
               sa.Column('sighting_id', sa.Integer(), nullable=False)]
    if not with_rowid:
        op.create_table('sighting_text_bands', *columns,
                        sa.PrimaryKeyConstraint('band_key', 'sighting_id', name=op.f('pk_sighting_text_bands')),
                        sqlite_with_rowid=False)
    else:
        op.create_table('sighting_text_bands', *columns,
                        sa.ForeignKeyConstraint(['sighting_id'], ['sightings.id'], ondelete='CASCADE',
                                                name=op.f('fk_sighting_text_bands_sighting_id_sightings')),
                        sa.PrimaryKeyConstraint('band_key', 'sighting_id', name=op.f('pk_sighting_text_bands')))
    op.execute("INSERT INTO sighting_text_bands (band_key, sighting_id) SELECT band_key, sighting_id"
               " FROM sighting_text_bands_old ORDER BY band_key, sighting_id")
    op.execute("DROP TABLE sighting_text_bands_old")
    if with_rowid:
        op.create_index(op.f('ix_sighting_text_bands_sighting_id'), 'sighting_text_bands', ['sighting_id'])


def upgrade() -> None:
    op.drop_index('ix_sightings_block', table_name='sightings')
    op.drop_index('ix_sightings_title_city', table_name='sightings')
    if op.get_bind().dialect.name == 'sqlite':
        # The old table's index names would collide with the new table's: dropped before the copy.
        op.drop_index(op.f('ix_sighting_text_bands_sighting_id'), table_name='sighting_text_bands')
        _copy_sqlite_table(with_rowid=False)
        return
    op.drop_constraint(op.f('fk_sighting_text_bands_sighting_id_sightings'), 'sighting_text_bands',
                       type_='foreignkey')
    op.drop_index(op.f('ix_sighting_text_bands_sighting_id'), table_name='sighting_text_bands')


def downgrade() -> None:
    op.create_index('ix_sightings_block', 'sightings', ['employer_key', 'title_key', 'city_key'])
    op.create_index('ix_sightings_title_city', 'sightings', ['title_key', 'city_key'])
    # Bands whose sighting is gone would fail the foreign key: removed first.
    op.execute("DELETE FROM sighting_text_bands WHERE NOT EXISTS"
               " (SELECT 1 FROM sightings WHERE sightings.id = sighting_text_bands.sighting_id)")
    if op.get_bind().dialect.name == 'sqlite':
        _copy_sqlite_table(with_rowid=True)
        return
    op.create_index(op.f('ix_sighting_text_bands_sighting_id'), 'sighting_text_bands', ['sighting_id'])
    op.create_foreign_key(op.f('fk_sighting_text_bands_sighting_id_sightings'), 'sighting_text_bands', 'sightings',
                          ['sighting_id'], ['id'], ondelete='CASCADE')
