"""The export benchmark runs end to end at a small size and reports every figure."""

from __future__ import annotations

from benchmarks.bench_export import bench_export


def test_bench_export_measures_parquet_csv_and_the_arrow_baseline(tmp_path):
    result = bench_export(rows=3_000, workdir=tmp_path)
    for step in ("parquet_export", "arrow_baseline", "csv_export", "sqlite_fetch_floor"):
        assert result[step]["rows"] == 3_000, step
        assert result[step]["seconds"] > 0 and result[step]["peak_rss_mb"] > 50, step
        assert result[step]["cpu_seconds"] > 0, step
    assert result["parquet_time_ratio"] == round(result["parquet_export"]["seconds"]
                                                 / result["arrow_baseline"]["seconds"], 2)
    assert result["file_sizes_mb"]["bench.db"] > result["file_sizes_mb"]["postings.parquet"] > 0
    assert isinstance(result["meets_targets"], bool)
    assert list(tmp_path.iterdir()) == []  # the temporary database and exports are removed
