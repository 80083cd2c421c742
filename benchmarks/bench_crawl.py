"""Crawl benchmark: the full ``jobcrawl crawl`` against bare Scrapy and a naive peer on one board.

Three contenders crawl the same generated board (see ``bench_board``) with the same concurrency:

- **bare**: Scrapy walking the sitemap and doing nothing with the pages (``bare_spider``);
- **peer**: a ``CrawlSpider`` + extruct + SQLAlchemy upsert, no parsing (``peer_spider``);
- **jobcrawl**: ``jobcrawl crawl jsonld`` with every pipeline into a fresh SQLite database.

Every contender is timed the same way, from outside: **wall** pages/s are the ad pages the server
served divided by the process's wall time from start to exit (start-up and shutdown included);
**steady** pages/s are taken from the server's own clock, over the middle 80 % of the ad pages it
served (first ramp-up and last stragglers left out). Repetitions alternate the contenders' order,
so drift in the machine's load hits all alike; the load average is recorded around each run. Peak
RSS is the whole process tree's (jobcrawl's parser workers included), sampled every 0.1 s.

    python -m benchmarks.bench_crawl --pages 2000 --runs 3   # also merges into results/latest.json
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

from benchmarks.bench_board import BoardServer, server_rate
from benchmarks.measure import REPO_ROOT, RESULTS, median, run_child, write_json

SHARED_SETTINGS = {
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "AUTOTHROTTLE_ENABLED": "False",
    "ROBOTSTXT_OBEY": "False",
    "LOG_LEVEL": "WARNING",
    "TELNETCONSOLE_ENABLED": "False",
    "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
}
STEADY_SHARE = 0.8
"""Share of the ad pages, in the middle of a crawl, that the steady-state rate is measured over."""
CONTENDERS = ("bare", "peer", "jobcrawl")


def _settings_arguments() -> list[str]:
    return [part for name, value in SHARED_SETTINGS.items() for part in ("-s", f"{name}={value}")]


def bare_crawl(board_url: str, workdir: Path) -> dict[str, Any]:
    """The baseline: Scrapy fetching every page, nothing else."""
    command = [sys.executable, "-m", "scrapy", "runspider", str(REPO_ROOT / "benchmarks" / "bare_spider.py"),
               "-a", f"sitemap={board_url}/sitemap.xml", "-a", f"stats_out={workdir / 'bare-stats.json'}",
               *_settings_arguments()]
    # Run outside the project so its settings (pipelines, extensions) are not loaded.
    return _checked(run_child(command, cwd=workdir, env={"SCRAPY_SETTINGS_MODULE": "", "PYTHONPATH": str(REPO_ROOT)}),
                    "bare")


def peer_crawl(board_url: str, workdir: Path) -> dict[str, Any]:
    """The naive peer (``peer_spider``) into a fresh SQLite file."""
    database = workdir / "peer.db"
    database.unlink(missing_ok=True)
    command = [sys.executable, "-m", "scrapy", "runspider", str(REPO_ROOT / "benchmarks" / "peer_spider.py"),
               "-a", f"start={board_url}/", "-a", f"database={database}", *_settings_arguments()]
    result = _checked(run_child(command, cwd=workdir, env={"SCRAPY_SETTINGS_MODULE": "", "PYTHONPATH": str(REPO_ROOT)}),
                      "peer")
    with sqlite3.connect(database) as connection:
        result["stored"] = connection.execute("SELECT count(*) FROM postings").fetchone()[0]
    return result


def full_crawl(board_url: str, workdir: Path, name: str = "full", tree: Path = REPO_ROOT) -> dict[str, Any]:
    """``jobcrawl crawl jsonld`` with every pipeline into a fresh SQLite database (the checkout
    at ``tree``: another one measures a version before a change in the same run)."""
    database = workdir / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    command = [sys.executable, "-m", "crawler.cli", "crawl", "jsonld", "-a", f"sitemap={board_url}/sitemap.xml",
               "--database", f"sqlite:///{database}", *_settings_arguments()]
    result = _checked(run_child(command, cwd=tree, env={"PYTHONPATH": str(tree)}), "jobcrawl")
    with sqlite3.connect(database) as connection:
        stats = json.loads(connection.execute("SELECT stats FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()[0])
        result["stored"] = connection.execute("SELECT count(*) FROM sightings").fetchone()[0]
    result["rejected"] = int(stats.get("jobcrawl/store/rejected") or 0)
    result["store_writer_cpu_s"] = stats.get("jobcrawl/store/writer_cpu_seconds")
    result["scrapy_elapsed_s"] = stats.get("elapsed_time_seconds")
    return result


def _checked(result: dict[str, Any], name: str) -> dict[str, Any]:
    if result["returncode"] != 0:
        raise RuntimeError(f"{name} crawl failed: {result['stdout'][-1000:]} {result['stderr'][-2000:]}")
    return result


def steady_pages_per_s(times: list[float], share: float = STEADY_SHARE) -> float | None:
    """Pages per second over the middle ``share`` of the serving times (sorted, one per page)."""
    if len(times) < 10:
        return None
    cut = (1 - share) / 2
    first, last = int(len(times) * cut), int(len(times) * (1 - cut)) - 1
    span = times[last] - times[first]
    return (last - first) / span if span > 0 else None


def timed_run(crawl: Callable[[str, Path], dict[str, Any]], server: BoardServer, workdir: Path) -> dict[str, Any]:
    """One crawl with the same figures for every contender: wall and steady pages/s, peak RSS, load."""
    server.served_times()  # forget the pages served before this run
    load_before = os.getloadavg()[0]
    result = crawl(server.url, workdir)
    times = server.served_times()
    steady = steady_pages_per_s(times)
    figures = {"pages": len(times), "wall_s": round(result["seconds"], 2),
               "pages_per_s": round(len(times) / result["seconds"], 1),
               "steady_pages_per_s": round(steady, 1) if steady else None,
               "peak_rss_mb": round(result["peak_rss_mb"], 1),
               # CPU per page: the crawl process's own (the reactor, the store thread) and its children's
               # (parser workers), as last sampled 0.1 s or less before the end.
               "main_cpu_ms_per_page": round(1000 * result["main_cpu_s"] / max(1, len(times)), 2),
               "children_cpu_ms_per_page": round(1000 * result["children_cpu_s"] / max(1, len(times)), 2),
               # The children's part by role: the parser workers apart from the migration child
               # and multiprocessing's helpers, which children_cpu also counts.
               "children_cpu_ms_per_page_by_role": {
                   role: round(1000 * seconds / max(1, len(times)), 2)
                   for role, seconds in sorted(result.get("children_cpu_s_by_role", {}).items())},
               "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)}
    figures.update({key: result[key] for key in ("stored", "rejected", "scrapy_elapsed_s") if key in result})
    if result.get("store_writer_cpu_s") is not None:  # the part of main_cpu spent by jobcrawl's store thread
        figures["store_writer_cpu_ms_per_page"] = round(1000 * result["store_writer_cpu_s"] / max(1, len(times)), 2)
    return figures


def _parse_workers() -> int:
    from pipelines.parse_pool import worker_count

    from crawler import settings

    return worker_count(settings.JOBCRAWL_PARSE_WORKERS)


def run_order(contenders: tuple[str, ...], repetition: int) -> tuple[str, ...]:
    """The contenders' order in one repetition: rotated by one each time, and with a ``before``
    tree, it and ``jobcrawl`` swapped every other time. Rotation alone always ran ``before`` right
    after ``jobcrawl``, so a load that rose during a run (2.1 to 4.7 in one) favoured the one
    measured first every time."""
    shift = repetition % len(contenders)
    order = list(contenders[shift:] + contenders[:shift])
    if repetition % 2 and "before" in order:
        first, second = order.index("jobcrawl"), order.index("before")
        order[first], order[second] = order[second], order[first]
    return tuple(order)


def bench_crawl(pages: int = 5000, runs: int = 3, scaling: tuple[int, ...] = (1000, 5000, 20000),
                before_tree: Path | None = None) -> dict[str, Any]:
    """Median wall and steady pages/s of each contender over ``runs`` alternated repetitions,
    jobcrawl's ratios to bare Scrapy and to the peer, peak RSS, and jobcrawl's time and memory at
    each size in ``scaling``. With ``before_tree`` (another checkout), its jobcrawl runs as a fourth
    contender, ``before``."""
    crawls = {"bare": bare_crawl, "peer": peer_crawl, "jobcrawl": full_crawl}
    contenders = CONTENDERS
    if before_tree is not None:
        crawls["before"] = lambda url, folder: full_crawl(url, folder, name="before", tree=before_tree)
        contenders = (*CONTENDERS, "before")
    report: dict[str, Any] = {"pages": pages, "runs": runs, "cpu_count": os.cpu_count(),
                              "parse_workers": _parse_workers(), "timing": __doc__.split("\n\n")[2].replace("\n", " ")}
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in contenders}
    with tempfile.TemporaryDirectory(prefix="jobcrawl-bench-") as folder:
        workdir = Path(folder)
        with BoardServer(pages) as server:
            report["server_requests_per_s"] = round(server_rate(server.url, [f"/ads/{i}.html" for i in range(min(pages, 2000))]), 1)
            for repetition in range(runs):
                order = run_order(contenders, repetition)
                for name in order:
                    results[name].append(timed_run(crawls[name], server, workdir))
                    print(f"crawl {name} run {repetition + 1}: {results[name][-1]}", flush=True)
        bare, peer, full = results["bare"], results["peer"], results["jobcrawl"]
        report["baseline_runs"], report["peer_runs"], report["full_runs"] = bare, peer, full
        for prefix, runs_of in (("baseline_", bare), ("peer_", peer), ("", full)):
            report[f"{prefix}pages_per_s"] = median([run["pages_per_s"] for run in runs_of])
            report[f"{prefix}steady_pages_per_s"] = median([run["steady_pages_per_s"] or 0 for run in runs_of])
            report[f"{prefix}peak_rss_mb"] = max(run["peak_rss_mb"] for run in runs_of)
        report["ratio"] = round(report["pages_per_s"] / report["baseline_pages_per_s"], 3)
        report["peer_ratio"] = round(report["pages_per_s"] / report["peer_pages_per_s"], 3)
        report["steady_ratio"] = round(report["steady_pages_per_s"] / report["baseline_steady_pages_per_s"], 3)
        report["steady_peer_ratio"] = round(report["steady_pages_per_s"] / report["peer_steady_pages_per_s"], 3)
        if before_tree is not None:
            before = results["before"]
            report["before_runs"] = before
            report["before_pages_per_s"] = median([run["pages_per_s"] for run in before])
            report["before_steady_pages_per_s"] = median([run["steady_pages_per_s"] or 0 for run in before])
            report["before_peak_rss_mb"] = max(run["peak_rss_mb"] for run in before)
            report["before_ratio"] = round(report["before_pages_per_s"] / report["baseline_pages_per_s"], 3)
            report["before_peer_ratio"] = round(report["before_pages_per_s"] / report["peer_pages_per_s"], 3)
        report["load_average"] = [run["load_before"] for runs_of in results.values() for run in runs_of]
        report["scaling"] = {}
        for size in scaling:
            if size == pages:
                run = full[0]
            else:
                with BoardServer(size) as server:
                    run = timed_run(lambda url, folder, size=size: full_crawl(url, folder, name=f"scale-{size}"),
                                    server, workdir)
            report["scaling"][str(size)] = {"wall_s": run["wall_s"], "pages_per_s": run["pages_per_s"],
                                            "steady_pages_per_s": run["steady_pages_per_s"],
                                            "peak_rss_mb": run["peak_rss_mb"]}
    return report


def merge_into_latest(crawl: dict[str, Any], path: Path = RESULTS / "latest.json") -> None:
    """Put a crawl report into ``latest.json`` under ``crawl``, keeping every other key, and
    refresh the crawl targets' verdicts."""
    from benchmarks.run import TARGETS, _flatten, _met

    report = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    report["crawl"] = crawl
    flat = _flatten(report)
    targets = report.setdefault("targets", {})
    for key, target in TARGETS.items():
        if key.startswith("crawl."):
            targets[key] = {"target": target, "value": flat.get(key), "met": _met(key, flat.get(key), target)}
    write_json(path, report)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output", default="crawl.json", help="file name under benchmarks/results/")
    parser.add_argument("--no-merge", action="store_true", help="do not merge into results/latest.json")
    parser.add_argument("--before-tree", type=Path, help="another checkout whose jobcrawl runs as a fourth contender")
    options = parser.parse_args()
    report = bench_crawl(options.pages, options.runs, scaling=(options.pages,), before_tree=options.before_tree)
    write_json(RESULTS / options.output, report)
    if not options.no_merge:
        merge_into_latest(report)
    for key in ("pages_per_s", "baseline_pages_per_s", "peer_pages_per_s", "ratio", "peer_ratio", "steady_ratio",
                "steady_peer_ratio", "peak_rss_mb", "baseline_peak_rss_mb", "peer_peak_rss_mb", "before_pages_per_s",
                "before_steady_pages_per_s", "before_ratio", "before_peer_ratio", "before_peak_rss_mb"):
        if key in report:
            print(f"{key}: {report[key]}")


if __name__ == "__main__":
    main()
