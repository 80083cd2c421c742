"""the process that runs a crawl: host name and process id

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 00:40:00.000000

A run left ``running`` by a crawl that was killed (``kill -9``, out of memory, a power cut) can
only be told from a live one by its process: with the host and the process id recorded, the
scheduler and the next crawl on the same host mark such a run ``interrupted`` at once instead of
waiting out the 24-hour staleness window that still applies to runs on other hosts.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('crawl_runs') as batch:
        batch.add_column(sa.Column('host', sa.String(length=255), nullable=True))
        batch.add_column(sa.Column('pid', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('crawl_runs') as batch:
        batch.drop_column('pid')
        batch.drop_column('host')
