"""CPU per page of the crawl's parse worker, on the crawl benchmark's own pages.

During a crawl of the bench board the parse worker is the bottleneck (issue 15): each ad page goes
through :func:`pipelines.posting_steps.finished_items` (the page read by its reader, then each
posting's encoding repair, parse, features and validation). This times exactly that on the
board's ad pages (~30-80 KB, JSON-LD, microdata and plain HTML), after a warm-up that builds the
lazy indexes, in CPU seconds of this process. ``--profile`` prints where the time goes instead,
``--stages`` each step's share of it (:func:`stage_breakdown`).

    .venv/bin/python -m benchmarks.bench_parse_worker [--pages 400] [--profile]
    .venv/bin/python -m benchmarks.bench_parse_worker --against /tmp/old-worktree [--repetitions 3]

``--against`` compares this checkout with another one (a ``git worktree`` of the commit before a
change): each repetition runs this benchmark and ``bench_parse(runs=3)`` in a fresh process from
the other tree, then from this one, with the load average at each run, and writes
``benchmarks/results/parse_worker.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from benchmarks.bench_board import build_board
from benchmarks.measure import REPO_ROOT, RESULTS, median, write_json

WARM_UP_PAGES = 20
CRAWLED_AT = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)


def board_pages(pages: int) -> list:
    """The bench board's ad pages as the spider hands them to the parse worker."""
    from crawler.items import JobPage
    from crawler.sources.jsonld import PageReader

    board = build_board(pages)
    return [JobPage(source="jsonld", url="http://127.0.0.1:8000" + path, body=board[path],
                    content_type="text/html; charset=utf-8", crawled_at=CRAWLED_AT, reader=PageReader,
                    listed_sites=frozenset())
            for path in sorted(board) if path.startswith("/ads/")]


def bench_parse_worker(pages: int = 400, runs: int = 3) -> dict[str, Any]:
    """Milliseconds of CPU per page through ``finished_items`` (median of ``runs`` passes over the
    pages after the warm-up ones)."""
    from pipelines.posting_steps import finished_items

    job_pages = board_pages(pages)
    for page in job_pages[:WARM_UP_PAGES]:
        finished_items(page)
    timed = job_pages[WARM_UP_PAGES:]
    per_page = []
    for _ in range(runs):
        started = time.process_time()
        for page in timed:
            finished_items(page)
        per_page.append((time.process_time() - started) / len(timed) * 1000)
    return {"pages": len(timed), "runs": runs, "ms_cpu_per_page": round(median(per_page), 2),
            "each_run_ms": [round(value, 2) for value in per_page], "load_average": round(os.getloadavg()[0], 2)}


def profile_parse_worker(pages: int = 400, rows: int = 40) -> None:
    """Print the cProfile of one pass over the pages (after the warm-up), by own time."""
    import cProfile
    import pstats

    from pipelines.posting_steps import finished_items

    job_pages = board_pages(pages)
    for page in job_pages[:WARM_UP_PAGES]:
        finished_items(page)
    profiler = cProfile.Profile()
    profiler.enable()
    for page in job_pages[WARM_UP_PAGES:]:
        finished_items(page)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(rows)


STAGES = (
    ("page reading (decode, structured data, page text)", "crawler/sources/jsonld.py", "read_page"),
    ("encoding repair (ftfy, repair_text)", "pipelines/posting_steps.py", "repaired_fields"),
    ("parse (complete_posting)", "crawler/parsing/posting.py", "complete_posting"),
    ("  of which location", "crawler/parsing/location.py", "find_location"),
    ("  of which occupation", "crawler/parsing/posting.py", "_fill_occupation"),
    ("  of which sections", "crawler/parsing/sections.py", "split_sections"),
    ("text cleaning (clean_text), in page reading and parse alike", "crawler/parsing/text.py", "clean_text"),
    ("matching features (features_of)", "crawler/dedupe/features.py", "features_of"),
    ("validation", "pipelines/posting_steps.py", "validated_posting"),
)
"""(label, file, function) of the worker's steps whose cumulative time :func:`stage_breakdown` reports."""


def stage_breakdown(pages: int = 400, batch_size: int = 32) -> dict[str, Any]:
    """Where a parse worker's CPU goes per bench page: each of :data:`STAGES` as a share of one
    cProfile'd pass (cProfile inflates many small calls, so read shares, not milliseconds), the
    unprofiled CPU per page, and the CPU of pickling the batches and their answers both ways
    (what the pool's messages cost)."""
    import cProfile
    import pickle
    import pstats

    from pipelines.parse_worker import work_batch
    from pipelines.posting_steps import finished_items

    job_pages = board_pages(pages)
    for page in job_pages[:WARM_UP_PAGES]:
        finished_items(page)
    timed = job_pages[WARM_UP_PAGES:]
    batches = [[(page,) for page in timed[i:i + batch_size]] for i in range(0, len(timed), batch_size)]
    started = time.process_time()
    answers = [work_batch(finished_items, 30.0, batch) for batch in batches]
    work_seconds = time.process_time() - started
    started = time.process_time()
    for message in [*batches, *answers]:
        pickle.loads(pickle.dumps(message))
    pickling_seconds = time.process_time() - started
    profiler = cProfile.Profile()
    profiler.enable()
    for page in timed:
        finished_items(page)
    profiler.disable()
    stats = pstats.Stats(profiler)
    cumulative = {}
    for (file, _line, function), (_calls, _primitive, _own, total, _callers) in stats.stats.items():
        key = (file, function)
        cumulative[key] = cumulative.get(key, 0.0) + total
    shares = {label: round(sum(total for (file, function), total in cumulative.items()
                               if function == name and file.endswith(path)) / stats.total_tt, 3)
              for label, path, name in STAGES}
    return {"pages": len(timed), "ms_cpu_per_page": round(1000 * work_seconds / len(timed), 2),
            "pickling_ms_per_page": round(1000 * pickling_seconds / len(timed), 3),
            "answer_kb_per_page": round(sum(len(pickle.dumps(answer)) for answer in answers) / len(timed) / 1024, 1),
            "share_of_profiled_cpu": shares, "load_average": round(os.getloadavg()[0], 2)}


_ONE_RUN = ("import json, os; from benchmarks.bench_parse_worker import bench_parse_worker; "
            "from benchmarks.bench_parse import bench_parse; "
            "print(json.dumps({'worker': bench_parse_worker(runs=1), 'parse': bench_parse(runs=3), "
            "'load_average': round(os.getloadavg()[0], 2)}))")


def compare_trees(other: Path, repetitions: int = 3) -> dict[str, Any]:
    """Alternated runs (the other tree first) of both benchmarks in fresh processes, each tree's
    code imported from its own directory."""
    runs: dict[str, list[dict[str, Any]]] = {"other": [], "this": []}
    for _ in range(repetitions):
        for name, tree in (("other", other), ("this", REPO_ROOT)):
            output = subprocess.run([sys.executable, "-c", _ONE_RUN], cwd=tree, check=True, capture_output=True,
                                    text=True, env={**os.environ, "PYTHONPATH": str(tree)}).stdout
            runs[name].append(json.loads(output.strip().splitlines()[-1]))
    summary = {name: {"ms_cpu_per_page": [run["worker"]["ms_cpu_per_page"] for run in results],
                      "parse_ads_per_s": [run["parse"]["ads_per_s"] for run in results],
                      "load_average": [run["load_average"] for run in results]}
               for name, results in runs.items()}
    for figures in summary.values():
        figures["median_ms_cpu_per_page"] = round(median(figures["ms_cpu_per_page"]), 2)
        figures["median_parse_ads_per_s"] = round(median(figures["parse_ads_per_s"]), 1)
    summary["other_tree"] = str(other)
    summary["cpu_per_page_change"] = round(
        summary["this"]["median_ms_cpu_per_page"] / summary["other"]["median_ms_cpu_per_page"] - 1, 3)
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--stages", action="store_true", help="the share of each step of the worker (STAGES)")
    parser.add_argument("--against", type=Path, help="another checkout to alternate with")
    parser.add_argument("--repetitions", type=int, default=3)
    arguments = parser.parse_args()
    if arguments.against:
        summary = compare_trees(arguments.against, arguments.repetitions)
        write_json(RESULTS / "parse_worker.json", summary)
        print(json.dumps(summary, indent=1))
    elif arguments.stages:
        print(json.dumps(stage_breakdown(arguments.pages), indent=1))
    elif arguments.profile:
        profile_parse_worker(arguments.pages)
    else:
        print(bench_parse_worker(arguments.pages, arguments.runs))


if __name__ == "__main__":
    main()
