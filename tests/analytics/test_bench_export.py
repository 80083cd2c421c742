"""The export benchmark runs end to end at a small size and reports every figure."""

from __future__ import annotations

import json

from benchmarks.bench_export import bench_export, record_latest


def test_bench_export_measures_parquet_csv_and_the_arrow_baseline(tmp_path):
    result = bench_export(rows=3_000, workdir=tmp_path, runs=2)
    for step in ("parquet_export", "arrow_baseline", "csv_export", "sqlite_fetch_floor"):
        assert result[step]["rows"] == 3_000, step
        assert result[step]["seconds"] > 0 and result[step]["peak_rss_mb"] > 50, step
        assert result[step]["cpu_seconds"] > 0, step
    assert result["parquet_time_ratio"] == round(result["parquet_export"]["seconds"]
                                                 / result["arrow_baseline"]["seconds"], 2)
    assert result["file_sizes_mb"]["bench.db"] > result["file_sizes_mb"]["postings.parquet"] > 0
    assert isinstance(result["meets_targets"], bool)
    # The baseline does the export's work: the same database, rows, columns and types.
    assert result["arrow_baseline"]["same_content_as_export"] is True
    assert 0 < result["arrow_baseline"]["write_seconds"] < result["arrow_baseline"]["seconds"]
    assert len(result["parquet_export"]["all_seconds"]) == len(result["arrow_baseline"]["all_seconds"]) == 2
    assert list(tmp_path.iterdir()) == []  # the temporary database and exports are removed


def test_recording_the_export_figures_keeps_the_other_sections_of_latest(tmp_path):
    latest = tmp_path / "latest.json"
    latest.write_text(json.dumps({"crawl": {"ratio": 0.3}, "targets": {"crawl.ratio": {"target": 0.45}}}))
    result = bench_export(rows=500, workdir=tmp_path)
    record_latest(result, latest)
    report = json.loads(latest.read_text())
    assert report["crawl"] == {"ratio": 0.3} and report["targets"]["crawl.ratio"] == {"target": 0.45}
    assert report["export"]["parquet"]["ratio"] == result["parquet_time_ratio"]
    assert report["export"]["parquet"]["peak_rss_mb"] == result["parquet_export"]["peak_rss_mb"]
    assert report["targets"]["export.parquet.ratio"]["value"] == result["parquet_time_ratio"]
    assert report["targets"]["export.parquet.peak_rss_mb"]["target"] == 600
