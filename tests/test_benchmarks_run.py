"""The benchmarks run (at a small size) and report every figure with its baseline and ratio.
Timings are never asserted: the machines are shared and noisy."""

import json
import sys

from benchmarks.measure import RESULTS, run_child

REQUIRED = ["crawl.pages_per_s", "crawl.baseline_pages_per_s", "crawl.ratio", "crawl.peak_rss_mb",
            "parse.ads_per_s", "store.sqlite.ratio", "store.postgresql.ratio", "dedupe.ads_per_s",
            "export.parquet.seconds", "export.parquet.peak_rss_mb"]


def test_quick_benchmark_writes_every_required_figure():
    result = run_child([sys.executable, "benchmarks/run.py", "--quick"], timeout=900)
    assert result["returncode"] == 0, result["stderr"][-3000:]
    report = json.loads((RESULTS / "quick.json").read_text())
    for key in REQUIRED:
        value = report
        for part in key.split("."):
            value = value[part]
        assert isinstance(value, (int, float)) and value > 0, key
    assert report["crawl"]["full_runs"][0]["stored"] > 0
