"""A real HTTP server on 127.0.0.1 that misbehaves on purpose, for the reliability suite.

Each route is a :class:`Fault` that decides how the server answers: a normal page, a burst of
error statuses, a hang, a connection reset, a truncated or dribbled body, a redirect loop, a
decompression bomb… Every request is logged, so tests can count how often a crawl came back::

    with FaultServer({"/jobs/1": Page(html), "/down": Burst(503, times=99)}) as server:
        crawl(..., server.url + "/sitemap.xml")
        assert server.count("/down") == 3

``{{BASE_URL}}`` in a body is replaced by the server's URL, as in ``FixtureServer``.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HTML = "text/html; charset=utf-8"


def _bytes(body: bytes | str, base_url: str) -> bytes:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return data.replace(b"{{BASE_URL}}", base_url.encode())


class Fault:
    """How one route answers. Subclasses implement :meth:`answer`."""

    def answer(self, handler: "_FaultHandler", server: "FaultServer", attempt: int) -> None:
        """Write the answer to ``handler`` (``attempt`` counts this path's requests from 1)."""
        raise NotImplementedError


@dataclass
class Page(Fault):
    """A plain answer: status, Content-Type, extra headers, body; optionally after a delay."""

    body: bytes | str = b""
    content_type: str | None = HTML
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0

    def answer(self, handler, server, attempt):
        if self.delay and server.stopping.wait(self.delay):
            return
        payload = _bytes(self.body, server.url)
        handler.send_response(self.status)
        if self.content_type is not None:
            handler.send_header("Content-Type", self.content_type)
        if "Content-Length" not in self.headers:
            handler.send_header("Content-Length", str(len(payload)))
        for name, value in self.headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(payload)


@dataclass
class Burst(Fault):
    """``times`` answers with ``status`` (and ``headers``, e.g. Retry-After), then ``then``."""

    status: int
    times: int
    then: Fault = field(default_factory=lambda: Page("recovered"))
    headers: dict[str, str] = field(default_factory=dict)

    def answer(self, handler, server, attempt):
        if attempt > self.times:
            self.then.answer(handler, server, attempt - self.times)
            return
        Page(f"<h1>{self.status}</h1>", status=self.status, headers=self.headers).answer(handler, server, attempt)


@dataclass
class Hang(Fault):
    """Read the request, then say nothing for ``seconds`` (the client's timeout fires first)."""

    seconds: float = 60.0

    def answer(self, handler, server, attempt):
        server.stopping.wait(self.seconds)
        handler.close_connection = True


class Reset(Fault):
    """Abort the connection with a TCP reset before any byte of an answer."""

    def answer(self, handler, server, attempt):
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.connection.close()
        handler.close_connection = True


@dataclass
class Truncated(Fault):
    """Declare ``Content-Length: declared`` but send only ``body``, then close the connection."""

    body: bytes | str
    declared: int

    def answer(self, handler, server, attempt):
        payload = _bytes(self.body, server.url)
        handler.send_response(200)
        handler.send_header("Content-Type", HTML)
        handler.send_header("Content-Length", str(self.declared))
        handler.end_headers()
        handler.wfile.write(payload)
        handler.wfile.flush()
        handler.connection.shutdown(socket.SHUT_RDWR)
        handler.close_connection = True


@dataclass
class Redirect(Fault):
    """A redirect to ``location`` (relative paths are on this server)."""

    location: str
    status: int = 302

    def answer(self, handler, server, attempt):
        target = self.location if "://" in self.location else server.url + self.location
        Page(b"", status=self.status, headers={"Location": target}).answer(handler, server, attempt)


@dataclass
class Dribble(Fault):
    """Send ``body`` ``chunk`` bytes at a time, ``interval`` seconds apart (a slow server)."""

    body: bytes | str
    chunk: int = 64
    interval: float = 0.1
    content_type: str = HTML

    def answer(self, handler, server, attempt):
        payload = _bytes(self.body, server.url)
        handler.send_response(200)
        handler.send_header("Content-Type", self.content_type)
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        for start in range(0, len(payload), self.chunk):
            if server.stopping.wait(self.interval):
                return
            try:
                handler.wfile.write(payload[start:start + self.chunk])
                handler.wfile.flush()
            except OSError:  # the client gave up (its timeout): stop dribbling
                handler.close_connection = True
                return


@dataclass
class Streamed(Fault):
    """``size`` bytes of ``filler`` sent without Content-Length (ends when the connection closes)."""

    size: int
    prefix: bytes = b"<html><body><p>"
    filler: bytes = b"x" * 65536
    content_type: str = HTML

    def answer(self, handler, server, attempt):
        handler.send_response(200)
        handler.send_header("Content-Type", self.content_type)
        handler.send_header("Connection", "close")
        handler.end_headers()
        sent = 0
        try:
            handler.wfile.write(self.prefix)
            while sent < self.size and not server.stopping.is_set():
                handler.wfile.write(self.filler)
                sent += len(self.filler)
        except OSError:  # the client hung up once the size limit was reached
            pass
        handler.close_connection = True


@lru_cache(maxsize=4)
def gzip_bomb(uncompressed_size: int = 1 << 30) -> bytes:
    """A valid gzip stream of ``uncompressed_size`` zero bytes (1 GiB compresses to ~1 MB).

    Built from one compressed, fully flushed mebibyte repeated: each repetition decompresses to
    the same zeros, so a 1 GiB bomb costs a second to make, not a full compression.
    """
    mebibyte = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(mebibyte) + compressor.flush(zlib.Z_FULL_FLUSH)
    blocks = uncompressed_size // len(mebibyte)
    crc = 0
    for _ in range(blocks):
        crc = zlib.crc32(mebibyte, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, (blocks * len(mebibyte)) & 0xFFFFFFFF)
    return header + block * blocks + compressor.flush(zlib.Z_FINISH) + trailer


def gzipped(body: bytes | str) -> bytes:
    """``body`` as a gzip stream."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    data = body.encode("utf-8") if isinstance(body, str) else body
    return compressor.compress(data) + compressor.flush()


class _FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_FaultHTTPServer"

    def do_GET(self):  # noqa: N802 (http.server's naming)
        outer = self.server.owner
        with outer.lock:
            outer.requests.append(self.path)
            outer.request_times.append((time.monotonic(), self.path))
            outer.attempts[self.path] += 1
            attempt = outer.attempts[self.path]
        fault = outer.routes.get(self.path) or outer.routes.get(self.path.split("?", 1)[0])
        if fault is None:
            fault = Page("<h1>Not Found</h1>", status=404)
        try:
            fault.answer(self, outer, attempt)
        except OSError:  # the client closed the connection (a timeout, a size limit): fine
            self.close_connection = True

    def log_message(self, *args):
        pass


class _FaultHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    owner: "FaultServer"

    def handle_error(self, request, client_address):
        pass  # resets and hang-ups are the point of this server


class FaultServer:
    """``with FaultServer(routes) as server: server.url`` — answers each path with its fault."""

    def __init__(self, routes: dict[str, Fault] | None = None):
        self.routes: dict[str, Fault] = dict(routes or {})
        self.requests: list[str] = []
        self.request_times: list[tuple[float, str]] = []
        """``(time.monotonic(), path)`` of every request, in arrival order."""
        self.attempts: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.httpd = _FaultHTTPServer(("127.0.0.1", 0), _FaultHandler)
        self.httpd.owner = self
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def times_of(self, path: str) -> list[float]:
        """When each request for ``path`` arrived (``time.monotonic()``)."""
        with self.lock:
            return [moment for moment, requested in self.request_times if requested == path]

    def count(self, prefix: str) -> int:
        """How many requests had a path starting with ``prefix``."""
        with self.lock:
            return sum(1 for path in self.requests if path.startswith(prefix))

    def __enter__(self) -> "FaultServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
