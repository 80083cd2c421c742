"""``make bench``: every benchmark, each figure next to its baseline from the same run.

Writes ``benchmarks/results/latest.json`` and regenerates the table between the
``<!-- bench:start -->`` and ``<!-- bench:end -->`` markers in README.md.

    python benchmarks/run.py [--quick]

``--store-scale-size N`` measures the store with N postings stored instead of a million (the
store's keys then name that size: ``ads_per_s_100k``, ``flatness_100k_vs_10k``; ``ads_per_s_1m``
and ``flatness`` come only from a run with a million stored); ``--keep FOLDER`` keeps the
prefilled SQLite databases there instead of ``benchmarks/cache``. ``--size medium`` runs every benchmark at smaller sizes (for a loaded machine; the report says
which size it ran). ``--quick`` runs every benchmark at a small size (the test suite uses it to check that the
benchmarks run); it writes ``benchmarks/results/quick.json`` and leaves the README alone.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import REPO_ROOT, RESULTS, write_json  # noqa: E402

FULL = {"crawl": {"pages": 5000, "runs": 3, "scaling": (1000, 5000, 20000)}, "parse": {"runs": 5},
        "store": {"count": 10_000, "runs": 3},
        "store_scale": {"sizes": (10_000, 1_000_000), "incoming": 1_000},
        "dedupe": {"existing": 200_000, "incoming": 4_000, "runs": 3},
        "export": {"rows": 1_000_000}}
# Quick checks that every benchmark runs and reports every figure, not the figures themselves: each
# step once, at sizes where its fixed costs (servers, migrations, process starts) dominate. The
# crawl's scaling entry is its one full run; the store's scale runs once per size and dialect.
QUICK = {"crawl": {"pages": 120, "runs": 1, "scaling": (120,)}, "parse": {"runs": 1},
         "store": {"count": 400, "runs": 1},
         "store_scale": {"sizes": (500, 2_000), "incoming": 100, "repetitions": 1},
         "dedupe": {"existing": 2_000, "incoming": 200, "runs": 1},
         "export": {"rows": 2_000}}
# A middle size for a loaded or slow machine: every figure, smaller inputs (``--size medium``).
MEDIUM = {"crawl": {"pages": 1000, "runs": 1, "scaling": (500, 1000, 2000)}, "parse": {"runs": 3},
          "store": {"count": 2000, "runs": 1},
          "store_scale": {"sizes": (10_000, 100_000), "incoming": 400},
          "dedupe": {"existing": 200_000, "incoming": 1_000, "runs": 1},
          "export": {"rows": 100_000}}
TARGETS = {"store.sqlite.ads_per_s_1m": 1000, "store.sqlite.flatness": 0.8, "store.postgresql.ads_per_s_1m": 1000,
           "store.postgresql.flatness": 0.8, "store.peak_rss_mb": 300, "crawl.ratio": 0.45, "crawl.peer_ratio": 0.8, "crawl.peak_rss_mb": 350, "parse.ads_per_s": 200, "store.sqlite.ratio": 0.5,
           "store.postgresql.ratio": 0.5, "dedupe.ads_per_s": 1000, "export.parquet.peak_rss_mb": 600,
           "export.parquet.ratio": 3.0}


def _flatten(data: dict, prefix: str = "") -> dict[str, object]:
    flat = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif not isinstance(value, list):
            flat[name] = value
    return flat


def export_figures(rows: int) -> dict:
    """The export benchmark's figures under the report's names (parquet, csv, arrow_baseline)."""
    from benchmarks.bench_export import bench_export

    raw = bench_export(rows)
    parquet, csv, baseline = raw["parquet_export"], raw["csv_export"], raw["arrow_baseline"]
    return {"rows": rows, "fill_seconds": raw.get("fill_seconds"), "file_sizes_mb": raw.get("file_sizes_mb"),
            "parquet": {"seconds": parquet["seconds"], "peak_rss_mb": parquet["peak_rss_mb"],
                        "ratio": raw.get("parquet_time_ratio")},
            "csv": {"seconds": csv["seconds"], "peak_rss_mb": csv["peak_rss_mb"]},
            "arrow_baseline": {"seconds": baseline["seconds"], "peak_rss_mb": baseline["peak_rss_mb"]}}


def run(sizes: dict) -> dict:
    from benchmarks.bench_crawl import bench_crawl
    from benchmarks.bench_parse import bench_parse
    from benchmarks.bench_store import bench_dedupe, bench_store

    report: dict = {"started_at": datetime.now(timezone.utc).isoformat(), "machine": platform.platform(),
                    "python": platform.python_version(), "sizes": {k: dict(v) for k, v in sizes.items()}}
    for name, bench in (("parse", bench_parse), ("store", bench_store), ("dedupe", bench_dedupe),
                        ("export", export_figures), ("crawl", bench_crawl)):
        started = time.perf_counter()
        report[name] = bench(**sizes[name])
        report[name]["bench_seconds"] = round(time.perf_counter() - started, 1)
        print(f"{name}: done in {report[name]['bench_seconds']} s", flush=True)
    scale = _store_scale(sizes.get("store_scale", {}))
    for dialect in ("sqlite", "postgresql"):
        report["store"][dialect].update(scale.pop(dialect))
    report["store"].update(scale)
    flat = _flatten(report)
    report["targets"] = {key: {"target": target, "value": flat.get(key),
                               "met": _met(key, flat.get(key), target)} for key, target in TARGETS.items()}
    return report


def _store_scale(sizes: dict) -> dict:
    """The store's figures against database size (:func:`store_scale_figures`)."""
    from benchmarks.bench_store import bench_store_scale

    return store_scale_figures(bench_store_scale(**sizes) if sizes else bench_store_scale())


def size_label(postings: int) -> str:
    """``1m``, ``100k``, ``10k``, ``2500``: how a key names the database size it was measured at."""
    if postings % 1_000_000 == 0:
        return f"{postings // 1_000_000}m"
    return f"{postings // 1000}k" if postings % 1000 == 0 else str(postings)


def store_scale_figures(scale: dict) -> dict:
    """The report's ``store`` keys from a :func:`benchmarks.bench_store_scale.bench_store_scale`
    report. Every rate is keyed by the size it was measured at: ``store.<dialect>.ads_per_s_1m``
    only from a run with a million postings stored, ``ads_per_s_100k`` from one with 100,000, and
    so on; ``flatness`` (the issue's key: rate at 1M ÷ rate at 10k) only from a run of exactly those
    two sizes, else ``flatness_<large>_vs_<small>``. ``ads_per_s_large`` and ``large_size`` (what
    the README table shows) name the largest size of the run whatever it was."""
    large, small = scale["sizes"][-1], scale["sizes"][0]
    figures = {"store_scale": scale, "peak_rss_mb": scale["peak_rss_mb"]}
    flatness_key = "flatness" if (small, large) == (10_000, 1_000_000) \
        else f"flatness_{size_label(large)}_vs_{size_label(small)}"
    for dialect in ("sqlite", "postgresql"):
        if dialect in scale:
            rates = scale[dialect]
            figures[dialect] = {f"ads_per_s_{size_label(large)}": rates[str(large)]["ads_per_s"],
                                f"ads_per_s_{size_label(small)}": rates[str(small)]["ads_per_s"],
                                "ads_per_s_large": rates[str(large)]["ads_per_s"], "large_size": large,
                                "ads_per_s_small": rates[str(small)]["ads_per_s"], "small_size": small,
                                flatness_key: rates["flatness"]}
    return figures


def _drop_scale_keys(figures: dict) -> None:
    """Remove a previous store-scale run's keys from one dialect's figures (a smaller run must not
    leave an earlier run's ``ads_per_s_1m`` standing beside its own figures, nor the reverse)."""
    for key in [key for key in figures if key.startswith(("ads_per_s_", "flatness"))
                or key in ("large_size", "small_size")]:
        del figures[key]


def record_store_scale(scale: dict, latest: Path = RESULTS / "latest.json") -> None:
    """Put a store-scale report into ``latest`` under ``store``, in the shape :func:`run` writes it,
    and refresh the store targets; other sections stay as they are
    (``python -m benchmarks.bench_store_scale --latest``)."""
    import json

    report = json.loads(latest.read_text(encoding="utf-8")) if latest.exists() else {}
    figures = store_scale_figures(scale)
    store = report.setdefault("store", {})
    store.pop("sqlite_scale", None)  # the SQLite-only layout written before PostgreSQL was measured
    for dialect in ("sqlite", "postgresql"):
        if dialect in figures:
            _drop_scale_keys(store.setdefault(dialect, {}))
            store[dialect].update(figures.pop(dialect))
    store.update(figures)
    flat = _flatten(report)
    targets = report.setdefault("targets", {})
    for key, target in TARGETS.items():
        if key.startswith("store."):
            targets[key] = {"target": target, "value": flat.get(key), "met": _met(key, flat.get(key), target)}
    write_json(latest, report)


def _met(key: str, value, target) -> bool | None:
    if not isinstance(value, (int, float)):
        return None
    lower_is_better = key.endswith("peak_rss_mb") or key == "export.parquet.ratio"
    return value <= target if lower_is_better else value >= target


def readme_table(report: dict) -> str:
    crawl, store, dedupe, export, parse = (report[name] for name in ("crawl", "store", "dedupe", "export", "parse"))
    rows = [
        ("Crawl (full pipeline vs bare Scrapy), pages/s over wall time", crawl["pages_per_s"], crawl["baseline_pages_per_s"], crawl["ratio"], "≥ 0.45x"),
        ("Crawl (full pipeline vs naive peer), pages/s over wall time", crawl["pages_per_s"], crawl["peer_pages_per_s"], crawl["peer_ratio"], "≥ 0.8x"),
        ("Crawl steady state vs bare Scrapy, pages/s", crawl["steady_pages_per_s"], crawl["baseline_steady_pages_per_s"], crawl["steady_ratio"], ""),
        ("Crawl peak RSS, MB (whole process tree)", crawl["peak_rss_mb"], crawl["baseline_peak_rss_mb"], "", "≤ 350"),
        ("Benchmark server, requests/s", crawl["server_requests_per_s"], "", "", "not the bottleneck"),
        ("Parse, ads/s per core (gold set)", parse["ads_per_s"], "", "", "≥ 200"),
        (f"Store + matching with {store['sqlite']['large_size']:,} postings stored, SQLite, ads/s (vs {store['sqlite']['small_size']:,} stored: flatness)",
         store["sqlite"]["ads_per_s_large"], store["sqlite"]["ads_per_s_small"], round(store["sqlite"]["ads_per_s_large"] / store["sqlite"]["ads_per_s_small"], 3), "≥ 1,000; ≥ 0.8x"),
        (f"Store + matching with {store['postgresql']['large_size']:,} postings stored, PostgreSQL, ads/s (vs {store['postgresql']['small_size']:,}: flatness)",
         store["postgresql"]["ads_per_s_large"], store["postgresql"]["ads_per_s_small"], round(store["postgresql"]["ads_per_s_large"] / store["postgresql"]["ads_per_s_small"], 3), "≥ 1,000; ≥ 0.8x"),
        ("Store + matching peak RSS, MB", store["peak_rss_mb"], "", "", "≤ 300"),
        ("Store into SQLite, postings/s vs executemany", store["sqlite"]["postings_per_s"], store["sqlite"]["baseline_executemany_per_s"], store["sqlite"]["ratio"], "≥ 0.5x"),
        ("Store into PostgreSQL, postings/s vs executemany", store["postgresql"]["postings_per_s"], store["postgresql"]["baseline_executemany_per_s"], store["postgresql"]["ratio"], "≥ 0.5x"),
        (f"Dedupe with {dedupe['existing_postings']:,} postings, ads/s", dedupe["ads_per_s"], "", "", "≥ 1,000"),
        ("Dedupe peak RSS, MB", dedupe["peak_rss_mb"], "", "", "bounded"),
        (f"Export {export.get('rows', 0):,} postings to Parquet, s", export["parquet"]["seconds"], export["arrow_baseline"]["seconds"], export["parquet"].get("ratio", ""), "≤ 3x"),
        ("Export to Parquet peak RSS, MB", export["parquet"]["peak_rss_mb"], export["arrow_baseline"]["peak_rss_mb"], "", "< 600"),
        ("Export to CSV, s", export["csv"]["seconds"], "", "", ""),
    ]
    lines = ["| figure | jobcrawl | baseline | ratio | target |", "|---|---|---|---|---|"]
    lines += [f"| {name} | {value} | {baseline} | {ratio} | {target} |" for name, value, baseline, ratio, target in rows]
    scaling = "; ".join(f"{size} pages: {figures['wall_s']} s, {figures['pages_per_s']} pages/s, "
                        f"{figures['peak_rss_mb']} MB" for size, figures in crawl["scaling"].items())
    lines.append("")
    lines.append(f"Crawl scaling (full pipeline): {scaling}. Measured {report['started_at'][:16]} on {report['machine']}, "
                 f"{crawl['cpu_count']} cores, {crawl['parse_workers']} parser workers, load average "
                 f"{min(crawl['load_average'])}–{max(crawl['load_average'])}.")
    return "\n".join(lines)


def update_readme(table: str) -> None:
    readme = REPO_ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        _old, after = rest.split(end, 1)
        readme.write_text(f"{before}{start}\n{table}\n{end}{after}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes; checks that every benchmark runs")
    parser.add_argument("--size", choices=("full", "medium"), default="full",
                        help="full: the sizes the targets are set for; medium: smaller, for a loaded machine")
    parser.add_argument("--store-scale-size", type=int, metavar="POSTINGS",
                        help="the store's large size (default 1,000,000 in full runs; the first prefill of "
                             "a million postings takes ~20 minutes here, later runs reuse it from "
                             "benchmarks/cache); the store keys then name this size (ads_per_s_100k …), "
                             "never _1m")
    parser.add_argument("--keep", type=Path, metavar="FOLDER",
                        help="keep the store benchmark's prefilled SQLite databases here (default "
                             "benchmarks/cache) and reuse them")
    options = parser.parse_args()
    sizes = QUICK if options.quick else MEDIUM if options.size == "medium" else FULL
    if options.store_scale_size or options.keep:
        scale = dict(sizes["store_scale"])
        if options.store_scale_size:
            scale["sizes"] = (scale["sizes"][0], options.store_scale_size)
        if options.keep:
            scale["cache"] = str(options.keep)
        sizes = {**sizes, "store_scale": scale}
    report = run(sizes)
    report["size"] = "quick" if options.quick else options.size
    write_json(RESULTS / ("quick.json" if options.quick else "latest.json"), report)
    if not options.quick:
        update_readme(readme_table(report))
    for key, verdict in report["targets"].items():
        print(f"{key}: {verdict['value']} (target {verdict['target']}) {'met' if verdict['met'] else 'NOT met'}")


if __name__ == "__main__":
    main()
