"""A large local job board for the crawl benchmark, built from the bundled sample board.

Each generated ad page is one of the sample board's ad pages (JSON-LD, @graph, microdata or plain
HTML) made distinct (employer, title specialisation, city) and padded to 30–80 KB with the kind of
weight real boards carry: an inline state script, style sheet and navigation. Listing pages link
50 ads each; a sitemap index points at child sitemaps. Pages are served from memory by a threaded
HTTP server on 127.0.0.1, whose own request rate is measured so it is shown not to be the limit.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import time
from pathlib import Path

from crawler.sample_board import SITE_DIR

ADS_PER_LISTING = 50
URLS_PER_SITEMAP = 5000
SPECIALISATIONS = ("Platform", "Payments", "Logistics", "Analytics", "Operations", "Growth", "Mobile", "Cloud",
                   "Security", "Data", "Customer", "Finance", "Retail", "Energy", "Health", "Mobility")
CITIES = ("Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig",
          "Dresden", "Hannover", "Nürnberg", "Bremen", "Essen", "Dortmund", "Wien", "Zürich")
SERVED_PATH = "/__bench/served"
"""Answers the times (``time.monotonic()``) at which ad pages were served since the last call: the
benchmark measures every contender's steady-state rate from the server's side, the same way."""
_TITLE_RE = re.compile(r'("title"\s*:\s*"|itemprop="title"[^>]*>|<h1[^>]*>)([^"<]+)')
_COMPANY_RE = re.compile(r"(GmbH|AG|SE)\b")
_CANONICAL_RE = re.compile(r'<link[^>]+rel="canonical"[^>]*>')


def _templates() -> list[str]:
    manifest = json.loads((SITE_DIR / "MANIFEST.json").read_text(encoding="utf-8"))
    return [(SITE_DIR / ad["path"]).read_text(encoding="utf-8") for ad in manifest["ads"]
            if ad["outcome"] == "stored" and ad["area"] == "jobs"]


def _padding(rng: random.Random, size: int) -> str:
    state = {"jobs": [{"id": rng.randrange(10**9), "title": f"Job {i}", "teaser": "x" * rng.randrange(60, 200),
                       "tags": [rng.choice(SPECIALISATIONS) for _ in range(4)]} for i in range(size // 300)]}
    nav = "".join(f'<li><a href="/category/{name.lower()}">{name} jobs in {city}</a></li>'
                  for name in SPECIALISATIONS for city in CITIES[: max(1, size // 20000)])
    return (f"<script>window.__BOARD_STATE__ = {json.dumps(state)};</script>"
            f"<style>{'.c{margin:0;padding:0}' * (size // 400)}</style><nav><ul>{nav}</ul></nav>")


def build_board(pages: int, seed: int = 7) -> dict[str, bytes]:
    """Path -> body of every page: ``pages`` ads, listing pages, sitemaps (``{{BASE_URL}}`` left in)."""
    rng = random.Random(seed)
    templates = _templates()
    files: dict[str, bytes] = {}
    ad_paths = []
    for number in range(pages):
        template = templates[number % len(templates)]
        specialisation = SPECIALISATIONS[number % len(SPECIALISATIONS)]
        page = _TITLE_RE.sub(lambda m: f"{m.group(1)}{m.group(2)} – {specialisation} {number}", template, count=2)
        page = _CANONICAL_RE.sub("", page)
        page = _COMPANY_RE.sub(lambda m: f"{number // len(templates)} {m.group(1)}", page, count=3)
        target = rng.randrange(30_000, 80_000)
        if len(page) < target:
            page = page.replace("</body>", _padding(rng, target - len(page)) + "</body>", 1)
        path = f"/ads/{number}.html"
        files[path] = page.encode("utf-8")
        ad_paths.append(path)
    listings = [ad_paths[i:i + ADS_PER_LISTING] for i in range(0, len(ad_paths), ADS_PER_LISTING)]
    for number, chunk in enumerate(listings, start=1):
        links = "".join(f'<li><a href="{path}">Ad {path}</a></li>' for path in chunk)
        following = f'<a rel="next" href="/list/{number + 1}.html">next</a>' if number < len(listings) else ""
        files[f"/list/{number}.html"] = f"<html><body><h1>Jobs</h1><ul>{links}</ul>{following}</body></html>".encode()
    files["/"] = b'<html><body><a href="/list/1.html">All jobs</a></body></html>'
    children = [ad_paths[i:i + URLS_PER_SITEMAP] for i in range(0, len(ad_paths), URLS_PER_SITEMAP)]
    index = "".join(f"<sitemap><loc>{{{{BASE_URL}}}}/sitemap-{n}.xml</loc></sitemap>" for n in range(1, len(children) + 1))
    files["/sitemap.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                             f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>').encode()
    for n, chunk in enumerate(children, start=1):
        urls = "".join(f"<url><loc>{{{{BASE_URL}}}}{path}</loc><lastmod>2026-11-20</lastmod></url>" for path in chunk)
        files[f"/sitemap-{n}.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><urlset '
                                      f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>').encode()
    return files


def serve(pages: int, port: int) -> None:
    """Build the board and serve it with aiohttp on 127.0.0.1:``port`` until killed."""
    from aiohttp import web

    base_url = f"http://127.0.0.1:{port}".encode()
    files = {path: body.replace(b"{{BASE_URL}}", base_url) for path, body in build_board(pages).items()}

    served: list[float] = []  # monotonic times at which ad pages were served, read by the benchmark

    async def handle(request: web.Request) -> web.Response:
        if request.path == SERVED_PATH:  # the ad-page times since the last read, then forgotten
            times, served[:] = list(served), []
            return web.json_response(times)
        if request.path.startswith("/ads/"):
            served.append(time.monotonic())
        body = files.get(request.path)
        if body is None:
            return web.Response(status=404)
        kind = "application/xml" if request.path.endswith(".xml") else "text/html"
        return web.Response(body=body, content_type=kind, charset="utf-8")

    app = web.Application()
    app.router.add_get("/{tail:.*}", handle)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


class BoardServer:
    """The board served by a separate process (its own interpreter, so it is not slowed by the
    benchmark's Python); ``with BoardServer(pages) as server: server.url``."""

    def __init__(self, pages: int):
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.pages = pages
        self.process = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "BoardServer":
        import subprocess
        import sys
        import time
        import urllib.request

        self.process = subprocess.Popen([sys.executable, "-m", "benchmarks.bench_board", str(self.pages), str(self.port)],
                                        cwd=Path(__file__).resolve().parent.parent)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/", timeout=1).read()
                return self
            except OSError:
                time.sleep(0.2)
        self.process.kill()
        raise RuntimeError("the benchmark board server did not start")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(10)

    def served_times(self) -> list[float]:
        """Times ad pages were served since the last call (server clock), sorted."""
        import urllib.request

        with urllib.request.urlopen(self.url + SERVED_PATH, timeout=10) as response:
            return sorted(json.loads(response.read()))


def server_rate(url: str, paths: list[str], concurrency: int = 16) -> float:
    """Requests per second the server answers to a client with ``concurrency`` connections."""
    import time

    import aiohttp

    async def fetch_all() -> float:
        queue = list(paths)
        async with aiohttp.ClientSession() as session:
            async def worker():
                while queue:
                    async with session.get(url + queue.pop()) as response:
                        await response.read()
            started = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(concurrency)))
            return len(paths) / (time.perf_counter() - started)

    return asyncio.run(fetch_all())


def write_board(files: dict[str, bytes], folder: Path) -> None:
    """Write a built board to disk (for inspection)."""
    for path, body in files.items():
        target = folder / (path.lstrip("/") or "index.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)


if __name__ == "__main__":
    import sys

    serve(int(sys.argv[1]), int(sys.argv[2]))
