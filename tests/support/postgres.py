"""A real PostgreSQL server for the tests, started from the Debian packages.

initdb and pg_ctl refuse to run as root, so as root the server runs as the ``postgres`` user
that the package creates. The data directory and socket live in a temporary folder.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _pg_bin() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in Path(p).parent.name.split(".") if x.isdigit()])
    if not candidates:
        raise RuntimeError("PostgreSQL is not installed: apt-get install -y postgresql (see .ci/run)")
    return Path(candidates[-1])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """Start with :meth:`start`, stop with :meth:`stop`; :attr:`url` is a psycopg URL."""

    def __init__(self, *, durable: bool = False) -> None:
        # Tests run without fsync for speed; a benchmark asks for a durable server, so that the
        # PostgreSQL store pays for its commits as the SQLite store does.
        self.settings = "" if durable else " -c fsync=off"
        self.bin = _pg_bin()
        self.root = Path(tempfile.mkdtemp(prefix="jobcrawl-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_root else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, text=True)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> "PostgresServer":
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
        self.root.chmod(0o700)
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--locale=C.UTF-8")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
                  "-o", f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root}{self.settings}",
                  "-w", "start")
        return self

    def restart_stopped(self) -> None:
        """Start again after :meth:`stop_server` (data kept)."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
                  "-o", f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root}{self.settings}",
                  "-w", "start")

    def stop_server(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def create_database(self, name: str) -> str:
        """A fresh database on this server; returns its URL."""
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            self.stop_server()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
