"""analyst views and the EUR rate table

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 13:30:00.000000

Creates ``fx_rates`` (loaded from crawler/analytics/data/fx_rates.csv) and the views
``current_postings``, ``posting_skills_v``, ``daily_postings`` and ``salaries_yearly``
(SQL in crawler/analytics/views.py; columns documented in crawler/analytics/columns.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crawler.analytics.fx_rates import load_fx_rates
from crawler.analytics.views import create_views, drop_views


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('fx_rates',
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('eur_per_unit', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('currency', 'valid_from', name=op.f('pk_fx_rates'))
    )
    connection = op.get_bind()
    load_fx_rates(connection)
    create_views(connection, as_of="0003")  # the views as this revision made them (0010 changed salaries_yearly)


def downgrade() -> None:
    drop_views(op.get_bind())
    op.drop_table('fx_rates')
