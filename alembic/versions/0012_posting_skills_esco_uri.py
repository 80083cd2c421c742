"""posting_skills_v gains esco_skill_uri

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 04:30:00.000000

Each skill's ESCO skill concept URI beside its name (null where ESCO has no concept), so skills
join ESCO's occupation-skill relations in SQL; the URIs come from the skill taxonomy
(crawler/parsing/data/skills.json, linked by crawler/occupations/build_skill_links.py). SQL in
crawler/analytics/views.py.
"""

from __future__ import annotations

from alembic import op

from crawler.analytics.views import create_views, drop_views


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    drop_views(connection)
    create_views(connection)


def downgrade() -> None:
    connection = op.get_bind()
    drop_views(connection)
    create_views(connection, as_of="0011")
