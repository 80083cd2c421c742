"""Crawl memory by process: the peak RSS of each process of a ``jobcrawl crawl`` tree on the bench board.

``bench_crawl`` reports the tree's peak (the sum over its processes); this says which process
holds it. Each run crawls the bench board (``bench_board``) with ``bench_crawl``'s settings into
a fresh SQLite database, sampling every process of the tree every 0.1 s from /proc: each
process's own peak (VmRSS, with its anonymous and file-backed parts), and the split of the tree's
peak between them. With ``--before-tree`` the crawls alternate between this checkout and that one.

    python -m benchmarks.crawl_memory --pages 1500 --runs 3 --before-tree /tmp/start
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_board import BoardServer
from benchmarks.bench_crawl import _settings_arguments
from benchmarks.measure import REPO_ROOT, RESULTS, median, write_json

SAMPLE_SECONDS = 0.1


def _role(command: str) -> str:
    """What a process of the crawl tree is, from its command line."""
    if "resource_tracker" in command:
        return "resource_tracker"
    if "multiprocessing.forkserver" in command:
        return "forkserver_or_worker"
    if "import upgrade" in command:
        return "migration"
    if "crawler.cli" in command:
        return "reactor"
    return "other"


def _memory(pid: int) -> dict[str, Any] | None:
    figures: dict[str, Any] = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(("VmRSS:", "RssAnon:", "RssFile:")):
                    figures[line.split(":")[0]] = int(line.split()[1])
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            figures["command"] = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    return figures if "VmRSS" in figures else None


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                found.extend(int(child) for child in children.read().split())
    except OSError:
        pass
    return found


def crawl_tree_memory(tree: Path, board_url: str, workdir: Path) -> dict[str, Any]:
    """One crawl from the checkout at ``tree``: per-process and tree peaks (MB), wall seconds."""
    database = workdir / f"memory-{os.getpid()}-{time.monotonic_ns()}.db"
    command = [sys.executable, "-m", "crawler.cli", "crawl", "jsonld", "-a", f"sitemap={board_url}/sitemap.xml",
               "--database", f"sqlite:///{database}", *_settings_arguments()]
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, dict[str, Any]] = {}
    tree_peak: dict[str, Any] = {"kb": 0, "split": {}}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            pending, total, split = [(process.pid, None)], 0, {}
            while pending:
                pid, parent = pending.pop()
                figures = _memory(pid)
                if figures is None:
                    continue
                figures["parent"] = parent
                total += figures["VmRSS"]
                split[pid] = figures["VmRSS"]
                # A child caught between fork and exec still shows the crawl's command line and
                # pages: counted in the tree's sum as bench_crawl counts it, not as a process of its own.
                forked = pid != process.pid and figures["command"] == command_line
                if not forked and (pid not in peaks or figures["VmRSS"] > peaks[pid]["VmRSS"]):
                    peaks[pid] = figures
                pending.extend((child, pid) for child in _children(pid))
            if total > tree_peak["kb"]:
                tree_peak.update(kb=total, split=split)
            done.wait(SAMPLE_SECONDS)

    command_line = " ".join(command) + " "
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate(timeout=1800)
    done.set()
    sampler.join()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"crawl from {tree} failed: {stdout[-1000:]} {stderr[-2000:]}")
    processes = []
    for pid, figures in sorted(peaks.items()):
        role = _role(figures["command"])
        if role == "forkserver_or_worker":  # the forkserver starts from the crawl process, workers from it
            role = "forkserver" if figures["parent"] == process.pid else "parse_worker"
        processes.append({"role": role, "peak_rss_mb": round(figures["VmRSS"] / 1024, 1),
                          "anon_mb": round(figures.get("RssAnon", 0) / 1024, 1),
                          "file_mb": round(figures.get("RssFile", 0) / 1024, 1),
                          "at_tree_peak_mb": round(tree_peak["split"].get(pid, 0) / 1024, 1)})
    return {"tree_peak_rss_mb": round(tree_peak["kb"] / 1024, 1), "wall_s": round(seconds, 2),
            "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2),
            "processes": processes}


def by_role(runs: list[dict[str, Any]]) -> dict[str, float]:
    """The median over runs of each role's peak (MB); several workers add up."""
    roles: dict[str, list[float]] = {}
    for run in runs:
        totals: dict[str, float] = {}
        for entry in run["processes"]:
            totals[entry["role"]] = totals.get(entry["role"], 0) + entry["peak_rss_mb"]
        for role, value in totals.items():
            roles.setdefault(role, []).append(value)
    return {role: round(median(values), 1) for role, values in sorted(roles.items())}


def crawl_memory(pages: int, runs: int, before_tree: Path | None) -> dict[str, Any]:
    """Alternated crawls of this checkout (and ``before_tree``): each process's peak, the tree's."""
    trees = {"after": REPO_ROOT}
    if before_tree is not None:
        trees["before"] = before_tree
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
    with tempfile.TemporaryDirectory(prefix="jobcrawl-memory-") as folder, BoardServer(pages) as server:
        for repetition in range(runs):
            names = list(trees)
            order = names[repetition % len(names):] + names[:repetition % len(names)]
            for name in order:
                run = crawl_tree_memory(trees[name], server.url, Path(folder))
                results[name].append(run)
                print(f"{name} run {repetition + 1}: tree {run['tree_peak_rss_mb']} MB, "
                      f"{[(p['role'], p['peak_rss_mb']) for p in run['processes']]}, load {run['load_before']}", flush=True)
    report: dict[str, Any] = {"pages": pages, "runs": runs, "cpu_count": os.cpu_count(),
                              "method": __doc__.split("\n\n")[1].replace("\n", " ")}
    for name, runs_of in results.items():
        report[name] = {"runs": runs_of, "tree_peak_rss_mb_median": median([run["tree_peak_rss_mb"] for run in runs_of]),
                        "tree_peak_rss_mb_max": max(run["tree_peak_rss_mb"] for run in runs_of),
                        "process_peak_rss_mb_median": by_role(runs_of)}
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before-tree", type=Path, help="another checkout, crawled alternately with this one")
    parser.add_argument("--output", type=Path, help="write the report here (JSON)")
    options = parser.parse_args()
    report = crawl_memory(options.pages, options.runs, options.before_tree)
    if options.output:
        write_json(options.output, report)
    print(json.dumps({name: report[name]["process_peak_rss_mb_median"] for name in ("after", "before") if name in report}))


if __name__ == "__main__":
    main()
