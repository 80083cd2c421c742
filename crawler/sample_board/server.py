"""Serve the sample job board over HTTP on 127.0.0.1 (``jobcrawl serve-sample``, crawl tests).

Sitemaps and robots.txt hold absolute URLs, so the generated files carry a ``{{BASE_URL}}``
placeholder that is replaced on the fly with the address the client used.
"""

from __future__ import annotations

import argparse
import json
import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from crawler.sample_board import BASE_URL_PLACEHOLDER, SITE_DIR

CONTENT_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
}
_SUBSTITUTED_SUFFIXES = (".xml", ".txt")
_HOST_HEADER = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")


class PathOutsideSite(ValueError):
    """A request path that would leave the site directory."""


def resolve_site_path(site_dir: Path, url_path: str) -> Path | None:
    """The file a URL path names inside ``site_dir``, or None when there is none.

    Raises :class:`PathOutsideSite` for paths that try to leave ``site_dir`` (``..``
    segments, encoded or not, backslashes, NUL bytes, symlinks pointing outside).
    """
    decoded = unquote(url_path)
    if "\x00" in decoded or "\\" in decoded or ".." in decoded.split("/"):
        raise PathOutsideSite(f"refused path {url_path!r}: it leaves the site directory")
    root = site_dir.resolve()
    candidate = (root / decoded.lstrip("/")).resolve()
    if not candidate.is_relative_to(root):
        raise PathOutsideSite(f"refused path {url_path!r}: it resolves outside the site directory")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


SOURCES_DIR = Path(__file__).resolve().parent / "sources"


def load_source_routes() -> dict[str, dict]:
    """The sample board's source APIs (Greenhouse, Personio, Arbeitsagentur, StepStone-style):
    request path -> fixture file, content type and status, from ``sources/routes.json``."""
    routes_file = SOURCES_DIR / "routes.json"
    if not routes_file.is_file():
        return {}
    return {route["path"]: route for route in json.loads(routes_file.read_text(encoding="utf-8"))["routes"]}


class _BoardHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], site_dir: Path, log_requests: bool) -> None:
        self.site_dir = site_dir
        self.log_requests = log_requests
        self.source_routes = load_source_routes()
        super().__init__(address, _BoardRequestHandler)

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001 - stdlib signature
        # Clients that hang up mid-response are normal in crawls; stay quiet unless asked.
        if self.log_requests:
            super().handle_error(request, client_address)


class _BoardRequestHandler(BaseHTTPRequestHandler):
    server: _BoardHTTPServer
    server_version = "JobHafenSample/1.0"

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802 - stdlib naming
        self._respond(send_body=False)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        if self.server.log_requests:
            super().log_message(format, *args)

    def _base_url(self) -> str:
        host = self.headers.get("Host", "")
        if _HOST_HEADER.match(host):
            return f"http://{host}"
        bound_host, port = self.server.server_address[:2]
        return f"http://{bound_host}:{port}"

    def _respond(self, send_body: bool) -> None:
        parts = urlsplit(self.path)
        routes = self.server.source_routes
        route = routes.get(f"{parts.path}?{parts.query}") if parts.query else None
        route = route or routes.get(parts.path)
        if route is not None:
            content = (SOURCES_DIR / route["file"]).read_bytes()
            content = content.replace(BASE_URL_PLACEHOLDER.encode(), self._base_url().encode())
            self._send(HTTPStatus(route.get("status", 200)), content, route["content_type"], send_body)
            return
        try:
            target = resolve_site_path(self.server.site_dir, urlsplit(self.path).path)
        except PathOutsideSite:
            self._send(HTTPStatus.FORBIDDEN, b"<h1>403 Forbidden</h1>", CONTENT_TYPES[".html"], send_body)
            return
        if target is None:
            self._send(HTTPStatus.NOT_FOUND, b"<h1>404 Not Found</h1>", CONTENT_TYPES[".html"], send_body)
            return
        content = target.read_bytes()
        if target.suffix in _SUBSTITUTED_SUFFIXES:
            content = content.replace(BASE_URL_PLACEHOLDER.encode(), self._base_url().encode())
        content_type = CONTENT_TYPES.get(target.suffix, "application/octet-stream")
        self._send(HTTPStatus.OK, content, content_type, send_body)

    def _send(self, status: HTTPStatus, content: bytes, content_type: str, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if send_body:
            self.wfile.write(content)


class SampleBoardServer:
    """A running sample-board server; stop it with :meth:`stop` or use it as a context manager."""

    def __init__(self, httpd: _BoardHTTPServer) -> None:
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, name="sample-board-server", daemon=True
        )
        self._thread.start()

    @property
    def host(self) -> str:
        """The address to reach the server at (127.0.0.1 when bound to all interfaces)."""
        bound_host = self._httpd.server_address[0]
        return "127.0.0.1" if bound_host in ("0.0.0.0", "") else bound_host

    @property
    def port(self) -> int:
        """The bound port (the real one when started with port 0)."""
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        """Base URL without trailing slash, e.g. ``http://127.0.0.1:54321``."""
        return f"http://{self.host}:{self.port}"

    @property
    def site_dir(self) -> Path:
        """The directory being served."""
        return self._httpd.site_dir

    def stop(self) -> None:
        """Stop serving and release the port; safe to call twice."""
        if self._thread.is_alive():
            self._httpd.shutdown()
            self._thread.join()
        self._httpd.server_close()

    def wait(self) -> None:
        """Block until the server stops (Ctrl-C raises KeyboardInterrupt here)."""
        while self._thread.is_alive():
            self._thread.join(timeout=0.5)

    def __enter__(self) -> SampleBoardServer:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def serve(host: str = "127.0.0.1", port: int = 0, *, site_dir: Path = SITE_DIR,
          log_requests: bool = False) -> SampleBoardServer:
    """Start serving the sample board in a background thread; port 0 picks a free port."""
    if not (site_dir / "index.html").is_file():
        raise FileNotFoundError(
            f"no sample board in {site_dir}: generate it with `python -m crawler.sample_board.generate`"
        )
    return SampleBoardServer(_BoardHTTPServer((host, port), site_dir, log_requests))


def main(argv: list[str] | None = None) -> None:
    """Command line: serve the sample board until Ctrl-C."""
    parser = argparse.ArgumentParser(description="Serve the bundled sample job board.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    parser.add_argument("--port", type=int, default=8088, help="port to bind, 0 for any free one (default: %(default)s)")
    parser.add_argument("--log-requests", action="store_true", help="log each request to stderr")
    args = parser.parse_args(argv)
    with serve(args.host, args.port, log_requests=args.log_requests) as server:
        print(f"Serving the sample job board at {server.url}/ (sitemap: {server.url}/sitemap.xml); Ctrl-C to stop",
              flush=True)
        try:
            server.wait()
        except KeyboardInterrupt:
            print("stopped")


if __name__ == "__main__":
    main()
