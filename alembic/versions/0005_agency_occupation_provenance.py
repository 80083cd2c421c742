"""agency, occupation and per-field provenance on postings

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 14:30:00.000000

Schema fields added to the shared posting schema: ``agency`` (the recruitment agency when
``via_agency``), the ISCO-08 / ESCO occupation (``occupation_*``) and per-field provenance
(``field_sources``, ``field_conflicts``). Existing rows get null, and ``{}`` for the provenance objects until they are re-parsed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_COLUMNS = (
    ('agency', sa.Text()),
    ('occupation_isco', sa.String(length=4)),
    ('occupation_esco_uri', sa.Text()),
    ('occupation_label', sa.Text()),
    ('occupation_confidence', sa.Float()),
    ('occupation_method', sa.String(length=16)),
)
_MAPPING_COLUMNS = ('field_sources', 'field_conflicts')


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: a batch rebuild of ``postings`` on SQLite is refused while
    # the analyst views (0003) refer to it, and adding nullable columns needs no rebuild anyway.
    for name, column_type in _COLUMNS:
        op.add_column('postings', sa.Column(name, column_type, nullable=True))
    for name in _MAPPING_COLUMNS:
        op.add_column('postings', sa.Column(name, sa.JSON(), nullable=False, server_default=sa.text("'{}'")))
    op.create_index('ix_postings_occupation_isco', 'postings', ['occupation_isco'])


def downgrade() -> None:
    op.drop_index('ix_postings_occupation_isco', table_name='postings')
    for name in (*_MAPPING_COLUMNS, *(name for name, _ in reversed(_COLUMNS))):
        if op.get_bind().dialect.name == 'sqlite':
            op.execute(f'ALTER TABLE postings DROP COLUMN {name}')
        else:
            op.drop_column('postings', name)
