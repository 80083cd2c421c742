"""Fixtures of the reliability suite: a PostgreSQL server of its own, which tests may stop."""

from __future__ import annotations

import itertools

import pytest

from tests.support.postgres import PostgresServer

PASSWORD_USER = "jobcrawl_secret"
PASSWORD = "S3cret-Pa55word-4711"
_numbers = itertools.count(1)


class PrivatePostgres:
    """A PostgreSQL server only this suite uses: tests stop and restart it at will.

    Besides trust logins for ``postgres`` it has a role ``jobcrawl_secret`` that must log in
    with :data:`PASSWORD` (scram-sha-256), for the password-masking tests.
    """

    def __init__(self, server: PostgresServer):
        self.server = server

    def database(self, prefix: str) -> str:
        """A fresh database; returns its URL (user ``postgres``, no password)."""
        return self.server.create_database(f"{prefix}_{next(_numbers)}")

    def password_url(self, database_url: str, password: str) -> str:
        """The URL of ``database_url`` for the password role, with ``password``."""
        host = database_url.split("@", 1)[1]
        return f"postgresql+psycopg://{PASSWORD_USER}:{password}@{host}"

    def ensure_running(self) -> None:
        import psycopg

        try:
            psycopg.connect(f"host=127.0.0.1 port={self.server.port} user=postgres dbname=postgres",
                            connect_timeout=2).close()
        except psycopg.OperationalError:
            self.server.restart_stopped()


def _require_passwords(server: PostgresServer) -> None:
    """Put a scram-sha-256 rule for the password role above the trust rules, then reload."""
    import psycopg

    hba = server.data / "pg_hba.conf"
    rules = hba.read_text()
    hba.write_text(f"host all {PASSWORD_USER} 127.0.0.1/32 scram-sha-256\n{rules}")
    with psycopg.connect(f"host=127.0.0.1 port={server.port} user=postgres dbname=postgres",
                         autocommit=True) as connection:
        connection.execute("SET password_encryption = 'scram-sha-256'")
        connection.execute(f"CREATE ROLE {PASSWORD_USER} LOGIN SUPERUSER PASSWORD '{PASSWORD}'")
        connection.execute("SELECT pg_reload_conf()")


@pytest.fixture(scope="session")
def private_postgres():
    """The suite's own PostgreSQL server; failing to start fails the tests."""
    server = PostgresServer().start()
    try:
        _require_passwords(server)
        yield PrivatePostgres(server)
    finally:
        server.stop()
