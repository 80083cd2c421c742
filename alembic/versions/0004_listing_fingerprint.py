"""listing fingerprint on sightings

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 13:10:00.000000

``sightings.listing_fingerprint`` holds a hash of what a board's listing showed for the copy
(title, employer, place, date) when its detail page was last fetched; an incremental re-crawl
fetches the detail page again only when the listing shows something else.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sightings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('listing_fingerprint', sa.String(length=64), nullable=True))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+), not batch mode: a batch rebuild renames a copy of the table,
    # which SQLite refuses while the analyst views (0003) refer to ``sightings``.
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('ALTER TABLE sightings DROP COLUMN listing_fingerprint')
    else:
        op.drop_column('sightings', 'listing_fingerprint')
