"""Crawl benchmark: the full ``jobcrawl crawl`` against a bare Scrapy spider on the same board.

Both crawl the same generated board (see ``bench_board``) through its sitemap with the same
concurrency; the bare spider has no pipelines and does nothing with the pages. Pages per second
come from each crawl's own Scrapy stats (responses / elapsed_time_seconds), so process start-up
is not counted; peak RSS is the whole process tree's (the parser's worker processes included).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.bench_board import BoardServer, server_rate
from benchmarks.measure import REPO_ROOT, median, run_child

SHARED_SETTINGS = {
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "AUTOTHROTTLE_ENABLED": "False",
    "ROBOTSTXT_OBEY": "False",
    "LOG_LEVEL": "WARNING",
    "TELNETCONSOLE_ENABLED": "False",
    "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
}


def _settings_arguments() -> list[str]:
    return [part for name, value in SHARED_SETTINGS.items() for part in ("-s", f"{name}={value}")]


def bare_crawl(board_url: str, workdir: Path) -> dict[str, Any]:
    """The baseline: Scrapy fetching every page, nothing else."""
    stats_path = workdir / "bare-stats.json"
    command = [sys.executable, "-m", "scrapy", "runspider", str(REPO_ROOT / "benchmarks" / "bare_spider.py"),
               "-a", f"sitemap={board_url}/sitemap.xml", "-a", f"stats_out={stats_path}", *_settings_arguments()]
    # Run outside the project so its settings (pipelines, extensions) are not loaded.
    result = run_child(command, cwd=workdir, env={"SCRAPY_SETTINGS_MODULE": "", "PYTHONPATH": str(REPO_ROOT)})
    if result["returncode"] != 0:
        raise RuntimeError(f"bare crawl failed: {result['stderr'][-2000:]}")
    stats = json.loads(stats_path.read_text())
    return _figures(stats, result)


def full_crawl(board_url: str, workdir: Path, name: str = "full") -> dict[str, Any]:
    """``jobcrawl crawl jsonld`` with every pipeline into a fresh SQLite database."""
    database = workdir / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    command = [sys.executable, "-m", "crawler.cli", "crawl", "jsonld", "-a", f"sitemap={board_url}/sitemap.xml",
               "--database", f"sqlite:///{database}", *_settings_arguments()]
    result = run_child(command, env={"PYTHONPATH": str(REPO_ROOT)})
    if result["returncode"] != 0:
        raise RuntimeError(f"full crawl failed: {result['stdout'][-1000:]} {result['stderr'][-2000:]}")
    with sqlite3.connect(database) as connection:
        stats = json.loads(connection.execute("SELECT stats FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()[0])
        stored = connection.execute("SELECT count(*) FROM sightings").fetchone()[0]
    figures = _figures(stats, result)
    figures["stored"] = stored
    return figures


def _figures(stats: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
    responses = stats.get("response_received_count", 0)
    elapsed = float(stats.get("elapsed_time_seconds") or result["seconds"])
    return {"pages": responses, "elapsed_s": round(elapsed, 2), "pages_per_s": round(responses / elapsed, 1),
            "wall_s": round(result["seconds"], 2), "peak_rss_mb": round(result["peak_rss_mb"], 1)}


def bench_crawl(pages: int = 5000, runs: int = 3, scaling: tuple[int, ...] = (1000, 5000, 20000)) -> dict[str, Any]:
    """Median pages/s of the full crawl and of the bare spider, their ratio, peak RSS, and the
    full crawl's time and memory at each size in ``scaling``."""
    report: dict[str, Any] = {"pages": pages, "runs": runs}
    with tempfile.TemporaryDirectory(prefix="jobcrawl-bench-") as folder:
        workdir = Path(folder)
        with BoardServer(pages) as server:
            report["server_requests_per_s"] = round(server_rate(server.url, [f"/ads/{i}.html" for i in range(min(pages, 2000))]), 1)
            bare, full = [], []
            for _ in range(runs):  # interleaved, so drift in machine load hits both alike
                bare.append(bare_crawl(server.url, workdir))
                full.append(full_crawl(server.url, workdir))
        report["baseline_runs"], report["full_runs"] = bare, full
        report["baseline_pages_per_s"] = median([run["pages_per_s"] for run in bare])
        report["pages_per_s"] = median([run["pages_per_s"] for run in full])
        report["ratio"] = round(report["pages_per_s"] / report["baseline_pages_per_s"], 3)
        report["peak_rss_mb"] = max(run["peak_rss_mb"] for run in full)
        report["baseline_peak_rss_mb"] = max(run["peak_rss_mb"] for run in bare)
        report["scaling"] = {}
        for size in scaling:
            if size == pages:
                run = full[0]
            else:
                with BoardServer(size) as server:
                    run = full_crawl(server.url, workdir, name=f"scale-{size}")
            report["scaling"][str(size)] = {"elapsed_s": run["elapsed_s"], "pages_per_s": run["pages_per_s"],
                                            "peak_rss_mb": run["peak_rss_mb"]}
    return report
