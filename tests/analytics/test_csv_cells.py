"""CSV cells: formula neutralisation (OWASP) and list joining, as pure functions."""

from __future__ import annotations

import pyarrow as pa
import pytest

from crawler.analytics.columns import LANGUAGE_TYPE
from crawler.analytics.export_writers import CSV_LIST_SEPARATOR, csv_array, neutralise_formula


@pytest.mark.parametrize("text, expected", [
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
    ("+49 221 123", "'+49 221 123"),
    ("-5", "'-5"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\tindented", "'\tindented"),
    ("\rreturn", "'\rreturn"),
    ("Data Engineer", "Data Engineer"),
    ("C++ = fun", "C++ = fun"),
    (" =not first", " =not first"),
    ("'already quoted", "'already quoted"),
    ("", ""),
    (None, None),
])
def test_neutralise_formula(text, expected):
    assert neutralise_formula(text) == expected


def test_text_columns_are_neutralised_cell_by_cell():
    cells = csv_array(pa.array(["=1+1", "fine", None, "-x"], pa.string()))
    assert cells.to_pylist() == ["'=1+1", "fine", None, "'-x"]


def test_numbers_stay_numbers():
    assert csv_array(pa.array([-5.0, 3.5], pa.float64())).to_pylist() == [-5.0, 3.5]
    assert csv_array(pa.array([-1, 2], pa.int64())).to_pylist() == [-1, 2]


def test_lists_are_joined_then_neutralised():
    cells = csv_array(pa.array([["Python", "SQL"], [], ["-dash first", "x"], ["C++", "=cmd"]], pa.list_(pa.string())))
    assert cells.to_pylist() == [f"Python{CSV_LIST_SEPARATOR}SQL", "", f"'-dash first{CSV_LIST_SEPARATOR}x",
                                 f"C++{CSV_LIST_SEPARATOR}=cmd"]


def test_languages_are_written_language_colon_level():
    languages = pa.array([[{"language": "de", "level": "very_good"}, {"language": "en", "level": None}], []],
                         LANGUAGE_TYPE)
    assert csv_array(languages).to_pylist() == [f"de:very_good{CSV_LIST_SEPARATOR}en:", ""]


def test_small_batches_are_gathered_into_row_groups(tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    from crawler.analytics import export_writers

    monkeypatch.setattr(export_writers, "ROW_GROUP_ROWS", 5)
    schema = pa.schema([("n", pa.int64())])
    batches = [pa.RecordBatch.from_pydict({"n": [number, number]}, schema=schema) for number in range(6)]
    assert export_writers.write_parquet(iter(batches), schema, tmp_path / "n.parquet") == 12
    metadata = pq.ParquetFile(tmp_path / "n.parquet").metadata
    assert [metadata.row_group(index).num_rows for index in range(metadata.num_row_groups)] == [6, 6]
    assert pq.read_table(tmp_path / "n.parquet").column("n").to_pylist() == [n for n in range(6) for _ in (0, 1)]
