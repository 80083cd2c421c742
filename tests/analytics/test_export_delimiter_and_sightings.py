"""``jobcrawl export --delimiter`` (CSV for Excel in German and other comma-decimal locales) and
``--table sightings`` (one row per copy of a job at a source), run as users run them (issue 17)."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from crawler.analytics.columns import SIGHTING_COLUMNS
from tests.analytics.conftest import Rows, posting_row, utc
from tests.test_cli_guidance import jobcrawl, one_line


@pytest.fixture(scope="module")
def database(tmp_path_factory, migrated_templates) -> str:
    url = migrated_templates.sqlite(tmp_path_factory.mktemp("export-options") / "jobcrawl.db")
    rows = Rows(url)
    rows.postings(posting_row(1, title="Analyst; Controlling", country="DE", salary_min=52000.5),
                  posting_row(2, source="greenhouse", seen=utc(2026, 3, 5)))
    rows.sighting(1, "jsonld", seen=utc(2026, 3, 1))
    rows.sighting(1, "greenhouse", seen=utc(2026, 3, 2), via_agency=True)
    rows.sighting(2, "greenhouse", seen=utc(2026, 3, 5))
    rows.skills(1, "Python")
    return url


def export(database: str, *options: str):
    return jobcrawl("export", *options, "--database", database)


def read_csv(path, delimiter):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


@pytest.mark.parametrize(("given", "delimiter"), [(";", ";"), ("tab", "\t"), ("\\t", "\t"), ("|", "|")])
def test_delimiter_separates_cells_and_the_dictionary(tmp_path, database, given, delimiter):
    out = tmp_path / "postings.csv"
    result = export(database, "--format", "csv", "--delimiter", given, "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith(f'"id"{delimiter}"source"')
    rows = read_csv(out, delimiter)
    assert [row["title"] for row in rows] == ["Analyst; Controlling", "Job 2"]  # a cell holding ";" is quoted
    assert rows[0]["salary_min"] == "52000.5"
    dictionary = read_csv(tmp_path / "postings.csv.dictionary.csv", delimiter)
    assert dictionary[0]["field"] == "id"


@pytest.mark.parametrize(("options", "expected"), [
    (["--format", "csv", "--delimiter", ";;"], "--delimiter ';;' cannot separate CSV cells"),
    (["--format", "csv", "--delimiter", '"'], "cannot separate CSV cells"),
    (["--format", "parquet", "--delimiter", ";"], "--delimiter applies to --format csv only"),
    (["--format", "csv", "--table", "sighting"], "unknown table 'sighting': choose postings or sightings"),
    (["--format", "csv", "--table", "sightings", "--view", "current_postings"], "name two things to export"),
    (["--format", "csv", "--table", "sightings", "--country", "DE"], "--country does not apply to sightings"),
])
def test_impossible_options_are_one_line_and_no_file(tmp_path, database, options, expected):
    out = tmp_path / "out" / "export.csv"
    result = export(database, *options, "--out", str(out))
    assert result.returncode == 2
    assert expected in one_line(result)
    assert not out.parent.exists()


def test_sightings_export_one_row_per_copy(tmp_path, database):
    out = tmp_path / "sightings.parquet"
    result = export(database, "--format", "parquet", "--table", "sightings", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    table = pq.read_table(out)
    assert table.schema.names == [column.name for column in SIGHTING_COLUMNS]
    rows = table.to_pylist()
    assert sorted((row["posting_id"], row["source"], row["via_agency"]) for row in rows) == [
        (1, "greenhouse", True), (1, "jsonld", False), (2, "greenhouse", False)]
    dictionary = json.loads((tmp_path / "sightings.parquet.dictionary.json").read_text())
    assert dictionary["relation"] == "sightings" and dictionary["rows"] == 3


@pytest.mark.parametrize(("filters", "expected"), [
    (["--source", "greenhouse"], [(1, "greenhouse"), (2, "greenhouse")]),
    (["--skill", "python"], [(1, "greenhouse"), (1, "jsonld")]),  # by the copy's posting
    (["--until", "2026-03-01"], [(1, "jsonld")]),  # copies first seen on or before the day
    (["--since", "2026-03-05"], [(2, "greenhouse")]),  # copies last seen on or after the day
])
def test_sightings_filters(tmp_path, database, filters, expected):
    out = tmp_path / "sightings.csv"
    result = export(database, "--format", "csv", "--table", "sightings", "--out", str(out), *filters)
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted((int(row["posting_id"]), row["source"]) for row in read_csv(out, ",")) == expected


def test_sightings_export_partitioned_by_first_seen_day_and_source(tmp_path, database):
    out = tmp_path / "sightings"
    result = export(database, "--format", "parquet", "--partition", "--table", "sightings", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    folders = sorted(str(path.relative_to(out).parent) for path in out.rglob("*.parquet"))
    assert folders == ["first_seen_date=2026-03-01/source=jsonld", "first_seen_date=2026-03-02/source=greenhouse",
                       "first_seen_date=2026-03-05/source=greenhouse"]
