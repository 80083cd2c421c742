"""Alembic environment: migrations run against ``JOBCRAWL_DATABASE_URL`` (default SQLite)."""

from __future__ import annotations

from alembic import context

from models.database import database_url, get_engine
from models.tables import Base

target_metadata = Base.metadata


def _target_url() -> str:
    # jobcrawl's own commands pass the URL in; the plain `alembic` command reads the environment.
    return context.config.attributes.get("database_url") or database_url()


def run_migrations_offline() -> None:
    context.configure(
        url=_target_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = get_engine(_target_url()).connect()
    with connectable as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
