"""benchmarks/eval_occupations.py: the holdout part reports counts only, never its rows' titles."""

import csv
import json
from pathlib import Path

from benchmarks.eval_occupations import EVAL_SET, evaluate


def _rows(count: int) -> list[dict]:
    # Dev rows stand in for any part: what is checked is what the report may contain.
    with Path(EVAL_SET).open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["split"] == "dev"][:count]


def test_counts_only_report_names_no_row():
    rows = _rows(40)
    written = json.dumps(evaluate(rows), ensure_ascii=False)
    assert "misses" not in written
    for row in rows:
        assert row["title"] not in written


def test_dev_report_lists_each_wrong_row():
    rows = _rows(40)
    report = evaluate(rows, list_misses=True)
    wrong = round((1 - report["accuracy"]["isco4"]) * len(rows))
    assert len(report["misses"]) == wrong
    assert {miss["title"] for miss in report["misses"]} <= {row["title"] for row in rows}


def test_probe_rows_with_ad_text_keep_it_unless_titles_only():
    from benchmarks.eval_occupations import UNSEEN_PROBE_ADS, load_probe, probe_batch

    with Path(UNSEEN_PROBE_ADS).open(encoding="utf-8") as handle:
        with_text = list(csv.DictReader(handle))
    probe = load_probe()
    titles_only = load_probe(titles_only=True)
    assert len(probe) == len(titles_only) > len(with_text) >= 60
    by_title = {(row["title"], row["isco_code"]): row for row in probe}
    for row in with_text:
        assert probe_batch(row) >= 8  # the ads file holds batch 8 on
        assert row["description"] and by_title[(row["title"], row["isco_code"])]["description"] == row["description"]
    assert not any(row["description"] for row in titles_only)


def test_sure_readings_are_counted_with_the_wrong_among_them():
    from benchmarks.eval_occupations import SURE_CONFIDENCE
    from crawler.occupations.classify import classify_occupation

    rows = _rows(40)
    readings = [classify_occupation(row["title"], row["description"], row["language"]) for row in rows]
    sure = [(reading, row) for reading, row in zip(readings, rows)
            if reading is not None and reading.confidence >= SURE_CONFIDENCE]
    report = evaluate(rows)
    assert report["sure_readings"] == {
        "rows": len(sure),
        "wrong_isco4": sum(reading.isco_code != row["isco_code"] for reading, row in sure),
    }
    assert 0 < report["sure_readings"]["rows"] <= len(rows)
