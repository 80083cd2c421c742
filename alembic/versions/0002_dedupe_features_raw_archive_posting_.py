"""dedupe features, raw archive, posting versions, run targets

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 12:56:46.123723
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('documents',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('body', sa.LargeBinary(), nullable=False),
    sa.Column('compression', sa.String(length=8), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('content_type', sa.String(length=128), nullable=True),
    sa.Column('first_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_documents'))
    )
    op.create_table('posting_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('posting_id', sa.Integer(), nullable=False),
    sa.Column('sighting_id', sa.Integer(), nullable=True),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_fields', sa.JSON(), nullable=False),
    sa.Column('old_values', sa.JSON(), nullable=False),
    sa.Column('new_values', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['posting_id'], ['postings.id'], name=op.f('fk_posting_versions_posting_id_postings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sighting_id'], ['sightings.id'], name=op.f('fk_posting_versions_sighting_id_sightings'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posting_versions'))
    )
    with op.batch_alter_table('posting_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_posting_versions_changed_at'), ['changed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_posting_versions_posting_id'), ['posting_id'], unique=False)

    with op.batch_alter_table('crawl_runs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('target', sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column('scope', sa.String(length=255), nullable=True))
        batch_op.create_index(batch_op.f('ix_crawl_runs_target'), ['target'], unique=False)

    with op.batch_alter_table('postings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('repost_of', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_postings_repost_of_postings'), 'postings', ['repost_of'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('sightings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scope', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('gone_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('employer_key', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('title_key', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('city_key', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('requisition_id', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('via_agency', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('minhash', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('document_sha256', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('parser_version', sa.String(length=16), nullable=True))
        batch_op.create_index('ix_sightings_block', ['employer_key', 'title_key', 'city_key'], unique=False)
        batch_op.create_index('ix_sightings_requisition_id', ['requisition_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sightings_scope'), ['scope'], unique=False)
        batch_op.create_index('ix_sightings_title_city', ['title_key', 'city_key'], unique=False)
        batch_op.create_index('ix_sightings_url', ['url'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_sightings_document_sha256_documents'), 'documents', ['document_sha256'], ['sha256'], ondelete='SET NULL')



def downgrade() -> None:
    with op.batch_alter_table('sightings', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_sightings_document_sha256_documents'), type_='foreignkey')
        batch_op.drop_index('ix_sightings_url')
        batch_op.drop_index('ix_sightings_title_city')
        batch_op.drop_index(batch_op.f('ix_sightings_scope'))
        batch_op.drop_index('ix_sightings_requisition_id')
        batch_op.drop_index('ix_sightings_block')
        batch_op.drop_column('parser_version')
        batch_op.drop_column('document_sha256')
        batch_op.drop_column('minhash')
        batch_op.drop_column('via_agency')
        batch_op.drop_column('requisition_id')
        batch_op.drop_column('city_key')
        batch_op.drop_column('title_key')
        batch_op.drop_column('employer_key')
        batch_op.drop_column('gone_at')
        batch_op.drop_column('scope')

    with op.batch_alter_table('postings', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_postings_repost_of_postings'), type_='foreignkey')
        batch_op.drop_column('repost_of')

    with op.batch_alter_table('crawl_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_crawl_runs_target'))
        batch_op.drop_column('scope')
        batch_op.drop_column('target')

    with op.batch_alter_table('posting_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_posting_versions_posting_id'))
        batch_op.drop_index(batch_op.f('ix_posting_versions_changed_at'))

    op.drop_table('posting_versions')
    op.drop_table('documents')
