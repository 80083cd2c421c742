"""A real HTTP server on 127.0.0.1 that answers from saved responses (fixtures).

Routes map a request path (with its query string, exactly as sent, or without it) to a
:class:`Reply`: a status, headers and a body read from a fixture file or given inline. Every
request is logged in :attr:`FixtureServer.requests`, so tests can count what a crawl fetched.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable


@dataclass
class Reply:
    """One canned response."""

    body: bytes | str | Path = b""
    status: int = 200
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)

    def payload(self, base_url: str) -> bytes:
        body = self.body.read_bytes() if isinstance(self.body, Path) else self.body
        if isinstance(body, str):
            body = body.encode("utf-8")
        return body.replace(b"{{BASE_URL}}", base_url.encode())


Route = Reply | Callable[[BaseHTTPRequestHandler], Reply]


class FixtureServer:
    """``with FixtureServer(routes) as server: server.url`` — serves until the block ends."""

    def __init__(self, routes: dict[str, Route] | None = None):
        self.routes: dict[str, Route] = dict(routes or {})
        self.requests: list[str] = []
        self.request_headers: list[dict[str, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                outer.requests.append(self.path)
                outer.request_headers.append(dict(self.headers))
                route = outer.routes.get(self.path) or outer.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    reply = Reply(b'{"error":"Not Found"}', status=404)
                else:
                    reply = route(self) if callable(route) else route
                payload = reply.payload(outer.url)
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(payload)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def count(self, prefix: str) -> int:
        """How many requests had a path starting with ``prefix``."""
        return sum(1 for path in self.requests if path.startswith(prefix))

    def __enter__(self) -> "FixtureServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
