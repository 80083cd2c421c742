"""The development rows of tests/occupations/eval_set.csv repeat no ad of the parser's untouched part,
tests/real/holdout/.

Only the holdout's provenance (repository, path, commit: what tests/real/SOURCES.md publishes) is
read, never its ads. A dev row whose source names the same file at the same commit would carry a
held-out ad into rows that are read while rules are written. (Two rows of the occupation set's own
holdout, de_av_001 and de_av_014, share their ads with the parser's holdout: both parts are only scored.)
"""

import csv
import json
import re
from pathlib import Path

from benchmarks.eval_occupations import EVAL_SET

HOLDOUT = Path(__file__).resolve().parents[1] / "real" / "holdout"
_SOURCE = re.compile(r"^(?P<repo>[\w.-]+/[\w.-]+)@(?P<commit>[0-9a-f]{7,40}):(?P<path>\S+)")


def _holdout_files() -> set[tuple[str, str, str]]:
    files = set()
    for annotation in HOLDOUT.glob("*.json"):
        provenance = json.loads(annotation.read_text(encoding="utf-8"))["provenance"]
        if provenance.get("commit"):
            files.add((provenance["repo"], provenance["path"], provenance["commit"][:12]))
    return files


def _dev_row_sources() -> list[tuple[str, tuple[str, str, str] | None]]:
    with Path(EVAL_SET).open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["split"] == "dev"]
    sources = []
    for row in rows:
        match = _SOURCE.match(row["source"])
        sources.append((row["source"], (match["repo"], match["path"], match["commit"][:12]) if match else None))
    return sources


def test_the_holdout_provenance_is_read():
    assert len(_holdout_files()) >= 20


def test_no_dev_row_comes_from_a_held_out_file():
    held_out = _holdout_files()
    repeated = [source for source, key in _dev_row_sources() if key in held_out]
    assert repeated == []


def test_no_dev_row_names_a_held_out_file_by_its_path():
    assert [source for source, _ in _dev_row_sources() if source.startswith("tests/real/holdout/")] == []
