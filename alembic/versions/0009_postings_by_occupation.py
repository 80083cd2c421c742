"""the postings_by_occupation view

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 00:40:00.000000

New postings per day, source, country and region at ISCO-08 levels 1-4 (SQL in
crawler/occupations/views.py); the occupation_* columns it reads came with migration 0005.
"""

from __future__ import annotations

from alembic import op

from crawler.occupations.views import create_view, drop_view


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_view(op.get_bind())


def downgrade() -> None:
    drop_view(op.get_bind())
