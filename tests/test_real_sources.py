"""tests/real/SOURCES.md is the provenance the annotations hold, written by benchmarks/real_sources.py."""

from __future__ import annotations

from benchmarks.real_sources import REAL_DIR, provenance_rows, render


def test_sources_file_lists_every_real_ad_with_its_repository():
    rows = provenance_rows()
    assert rows, "the real corpus is empty"
    assert all(row["repo"] != "?" and row["path"] != "?" for row in rows)
    assert (REAL_DIR / "SOURCES.md").read_text(encoding="utf-8") == render(rows), (
        "tests/real/SOURCES.md is out of date: run python benchmarks/real_sources.py")
