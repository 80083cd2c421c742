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
