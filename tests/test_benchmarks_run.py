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


def _scale_report(small: int, large: int) -> dict:
    """A store-scale report of the shape bench_store_scale returns (figures made up: only the keys
    they are filed under are checked here)."""
    def dialect(rate_small: float, rate_large: float) -> dict:
        return {str(small): {"ads_per_s": rate_small, "peak_rss_mb": 100.0},
                str(large): {"ads_per_s": rate_large, "peak_rss_mb": 120.0},
                "flatness": round(rate_large / rate_small, 3), "peak_rss_mb": 120.0}

    return {"sizes": [small, large], "sqlite": dialect(800.0, 700.0), "postgresql": dialect(600.0, 500.0),
            "peak_rss_mb": 120.0}


def test_store_scale_keys_name_the_size_they_were_measured_at(tmp_path):
    from benchmarks.run import record_store_scale

    latest = tmp_path / "latest.json"
    record_store_scale(_scale_report(10_000, 1_000_000), latest)
    store = json.loads(latest.read_text())["store"]
    assert store["sqlite"]["ads_per_s_1m"] == 700.0 and store["sqlite"]["ads_per_s_10k"] == 800.0
    assert store["postgresql"]["flatness"] == 0.833 and store["peak_rss_mb"] == 120.0
    targets = json.loads(latest.read_text())["targets"]
    assert targets["store.sqlite.ads_per_s_1m"] == {"target": 1000, "value": 700.0, "met": False}
    # A later run at 100k stored replaces the 1M figures instead of standing beside them or
    # being filed under the 1M keys.
    record_store_scale(_scale_report(10_000, 100_000), latest)
    report = json.loads(latest.read_text())
    sqlite = report["store"]["sqlite"]
    assert "ads_per_s_1m" not in sqlite and "flatness" not in sqlite
    assert sqlite["ads_per_s_100k"] == 700.0 and sqlite["flatness_100k_vs_10k"] == 0.875
    assert sqlite["large_size"] == 100_000
    assert report["targets"]["store.sqlite.ads_per_s_1m"]["value"] is None
