"""Databases already migrated to the newest schema, copied from one template per test session.

``alembic upgrade head`` on an empty database takes seconds (migration 0010 loads ~50,000 ECB
reference rates into ``fx_rates``), and the suite needs hundreds of migrated databases. A
template is migrated once, by the same :func:`models.database.upgrade` every user runs, and each
test gets its own copy: a file copy on SQLite, ``CREATE DATABASE … TEMPLATE`` on PostgreSQL. A
copy holds exactly what the migration wrote, so tests that read or write a migrated database
check the same thing; tests of the migrations themselves keep using empty databases.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import threading
from pathlib import Path

from models.database import get_engine, upgrade
from tests.support.postgres import PostgresServer

TEMPLATE_DATABASE = "jobcrawl_template_head"
# Alembic is not thread-safe (a migration installs module-level proxies in ``alembic.context``),
# and scenario crawls ask for their databases from threads: one lock for every template and for
# making the process's templates.
_LOCK = threading.RLock()


class MigratedTemplates:
    """Copies of one migrated SQLite file and one migrated PostgreSQL database, each made once."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._sqlite_template: Path | None = None
        self._postgres_servers: set[int] = set()

    def sqlite(self, path: Path) -> str:
        """A migrated SQLite database at ``path``; returns its URL."""
        with _LOCK:
            if self._sqlite_template is None:
                template = self.folder / "template.db"
                url = f"sqlite:///{template}"
                upgrade(url)
                get_engine(url).dispose()  # the last connection closed: WAL checkpointed into the file
                self._sqlite_template = template
        shutil.copyfile(self._sqlite_template, path)
        return f"sqlite:///{path}"

    def postgresql(self, server: PostgresServer, name: str) -> str:
        """A migrated database ``name`` on ``server``; returns its URL."""
        import psycopg

        with _LOCK:
            if server.port not in self._postgres_servers:
                url = server.create_database(TEMPLATE_DATABASE)
                upgrade(url)
                get_engine(url).dispose()  # a template must have no open connections to be copied
                self._postgres_servers.add(server.port)
        with psycopg.connect(f"host=127.0.0.1 port={server.port} user=postgres dbname=postgres",
                             autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            # FILE_COPY: the default WAL_LOG strategy writes the whole template through the WAL.
            connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE_DATABASE}" STRATEGY FILE_COPY')
        return f"postgresql+psycopg://postgres@127.0.0.1:{server.port}/{name}"


_process_templates: MigratedTemplates | None = None


def process_templates() -> MigratedTemplates:
    """The templates of this test process (one per pytest-xdist worker), made on first use; for
    fixtures and helpers alike (``tests/spiders/scenarios.py`` is not a fixture)."""
    global _process_templates
    with _LOCK:
        if _process_templates is None:
            folder = Path(tempfile.mkdtemp(prefix="jobcrawl-migrated-"))
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
            _process_templates = MigratedTemplates(folder)
        return _process_templates


def migrated_sqlite(path: Path) -> str:
    """A migrated SQLite database at ``path`` (a copy of this process's template); returns its URL."""
    return process_templates().sqlite(path)
