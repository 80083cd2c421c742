"""Exports on SQLite and PostgreSQL: read back with pyarrow, DuckDB and polars, they equal the
database; CSV is neutralised, Parquet is faithful; filters, views, partitions and dictionaries."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, timezone

import duckdb
import polars
import pyarrow as pa
import pyarrow.dataset as pa_dataset
import pyarrow.parquet as pq
import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import select

from crawler.analytics.columns import VIEWS
from crawler.analytics.export_source import POSTINGS, iter_record_batches
from crawler.analytics.export_writers import CSV_LIST_SEPARATOR, UTF8_BOM
from crawler.items import MAPPING_FIELDS
from crawler.export import EXPORT_COLUMNS, ExportError, ExportFilter, export
from models.database import alembic_config, get_engine
from models.tables import Posting
from tests.analytics.conftest import posting_row, utc

HYPERLINK = '=HYPERLINK("http://x","y")'
HEAD_REVISION = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


@pytest.fixture
def filled(rows):
    """Three postings with awkward values, on each dialect."""
    rows.postings(
        posting_row(1, title=HYPERLINK, description='Zeile 1\nZeile "2", mit Komma', skills=["Python", "SQL"],
                    languages=[{"language": "de", "level": "very_good"}, {"language": "en", "level": None}],
                    salary_min=-5.0, salary_max=70_000.5, salary_currency="EUR", salary_period="year",
                    via_agency=True, city="Köln", country="DE", date_posted=date(2026, 2, 27),
                    seen=utc(2026, 3, 1, 8), last_seen_at=utc(2026, 3, 10)),
        posting_row(2, title="@SUM(1+1)", company="\tTabbed GmbH", responsibilities=["-starts with minus", "normal"],
                    source="greenhouse", country="AT", city="Wien", status="closed", closed_at=utc(2026, 3, 5),
                    seen=utc(2026, 3, 2, 23, 59), last_seen_at=utc(2026, 3, 4), experience_years_min=3),
        posting_row(3, title='Datenanalyst – Köln "quoted", comma', skills=["C++", "=cmd"], country="DE",
                    seen=utc(2026, 3, 3, 0, 1), last_seen_at=utc(2026, 3, 20), requirements=["ü", "ß"]),
    )
    rows.skills(1, "Python", "SQL")
    rows.skills(3, "C++", "=cmd")
    return rows


def database_rows(url: str) -> list[dict]:
    with get_engine(url).connect() as connection:
        found = connection.execute(select(Posting).order_by(Posting.id)).all()
    return [{name: _normal(getattr(row, name)) for name in EXPORT_COLUMNS} for row in found]


def _normal(value):
    """Datetimes as aware UTC (SQLite hands back naive UTC times)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
    return value


def _normal_row(row: dict) -> dict:
    """An exported row as the database holds it: JSON-object columns are exported as JSON text."""
    return {name: json.loads(value) if name in MAPPING_FIELDS and isinstance(value, str) else _normal(value)
            for name, value in row.items()}


def test_parquet_round_trips_through_pyarrow_and_duckdb(filled, tmp_path):
    out = tmp_path / "postings.parquet"
    result = export(filled.engine, "parquet", out, batch_size=2)
    expected = database_rows(filled.url)
    assert result.rows == 3
    streamed = iter_record_batches(filled.engine, POSTINGS, ExportFilter(), batch_size=2)
    assert [batch.num_rows for batch in streamed] == [2, 1]  # read batch by batch
    assert [_normal_row(row) for row in pq.read_table(out).to_pylist()] == expected
    with duckdb.connect() as connection:
        cursor = connection.execute("SELECT * FROM read_parquet(?) ORDER BY id", [str(out)])
        names = [column[0] for column in cursor.description]
        from_duckdb = [_normal_row(dict(zip(names, values))) for values in cursor.fetchall()]
    assert from_duckdb == expected
    assert from_duckdb[0]["title"] == HYPERLINK  # unchanged in Parquet


def test_jsonl_round_trips(filled, tmp_path):
    out = tmp_path / "postings.jsonl"
    export(filled.engine, "jsonl", out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = database_rows(filled.url)
    assert [line["id"] for line in lines] == [row["id"] for row in expected]
    for line, row in zip(lines, expected):
        assert line["skills"] == row["skills"] and line["languages"] == row["languages"]
        assert line["title"] == row["title"] and line["salary_min"] == row["salary_min"]
        assert datetime.fromisoformat(line["first_seen_at"]) == row["first_seen_at"]
        assert line["date_posted"] == (row["date_posted"].isoformat() if row["date_posted"] else None)


def test_csv_neutralises_formulas_joins_lists_and_keeps_numbers(filled, tmp_path):
    out = tmp_path / "postings.csv"
    export(filled.engine, "csv", out)
    with out.open(encoding="utf-8", newline="") as handle:
        cells = list(csv.DictReader(handle))
    assert list(cells[0]) == list(EXPORT_COLUMNS)
    first, second, third = cells
    assert first["title"] == "'" + HYPERLINK
    assert second["title"] == "'@SUM(1+1)" and second["company"] == "'\tTabbed GmbH"
    assert second["responsibilities"] == f"'-starts with minus{CSV_LIST_SEPARATOR}normal"
    assert third["title"] == 'Datenanalyst – Köln "quoted", comma'
    assert third["skills"] == f"C++{CSV_LIST_SEPARATOR}=cmd"
    assert first["description"] == 'Zeile 1\nZeile "2", mit Komma'
    assert float(first["salary_min"]) == -5.0 and float(first["salary_max"]) == 70_000.5
    assert first["languages"] == f"de:very_good{CSV_LIST_SEPARATOR}en:"
    assert first["via_agency"] == "true" and first["date_posted"] == "2026-02-27"
    assert first["apply_url"] == "" and second["experience_years_min"] == "3"
    with duckdb.connect() as connection:
        titles = connection.execute("SELECT title FROM read_csv(?, header=true) ORDER BY id", [str(out)]).fetchall()
    assert titles[0][0] == "'" + HYPERLINK


def test_excel_csv_starts_with_a_byte_order_mark(filled, tmp_path):
    out = tmp_path / "postings.csv"
    result = export(filled.engine, "csv", out, excel=True)
    assert out.read_bytes().startswith(UTF8_BOM)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.DictReader(handle))["city"] == "Köln"
    assert result.dictionary.read_bytes().startswith(UTF8_BOM)


@pytest.mark.parametrize("export_filter, expected_ids", [
    (ExportFilter(), [1, 2, 3]),
    (ExportFilter(since=date(2026, 3, 5)), [1, 3]),           # last seen on or after
    (ExportFilter(until=date(2026, 3, 2)), [1, 2]),           # first seen on or before (UTC day)
    (ExportFilter(since=date(2026, 3, 2), until=date(2026, 3, 2)), [1, 2]),  # seen on that day
    (ExportFilter(source="greenhouse"), [2]),
    (ExportFilter(status="active"), [1, 3]),
    (ExportFilter(country="de"), [1, 3]),
    (ExportFilter(skill="python"), [1]),
    (ExportFilter(skill="=cmd", country="DE"), [3]),
])
def test_filters_select_postings(filled, tmp_path, export_filter, expected_ids):
    out = tmp_path / "postings.parquet"
    export(filled.engine, "parquet", out, export_filter)
    assert pq.read_table(out, columns=["id"]).column("id").to_pylist() == expected_ids


@pytest.mark.parametrize("view", list(VIEWS))
def test_every_view_exports_with_its_documented_types(filled, tmp_path, view):
    out = tmp_path / f"{view}.parquet"
    result = export(filled.engine, "parquet", out, view=view)
    table = pq.read_table(out)
    assert table.schema.names == [column.name for column in VIEWS[view].columns]
    assert [field.type for field in table.schema] == [column.arrow_type for column in VIEWS[view].columns]
    assert result.rows == table.num_rows > 0


def test_view_exports_match_the_view(filled, tmp_path):
    export(filled.engine, "parquet", tmp_path / "skills.parquet", ExportFilter(skill="python"), view="posting_skills_v")
    assert pq.read_table(tmp_path / "skills.parquet").select(["posting_id", "skill", "city"]).to_pylist() == [
        {"posting_id": 1, "skill": "Python", "city": "Köln"}]
    export(filled.engine, "parquet", tmp_path / "current.parquet", view="current_postings")
    assert pq.read_table(tmp_path / "current.parquet").column("posting_id").to_pylist() == [1, 3]
    export(filled.engine, "parquet", tmp_path / "daily.parquet", ExportFilter(source="greenhouse", since=date(2026, 3, 4)),
           view="daily_postings")
    daily = pq.read_table(tmp_path / "daily.parquet").to_pylist()
    assert [(row["day"], row["active_postings"]) for row in daily] == [
        (date(2026, 3, 4), 1), (date(2026, 3, 5), 0)] + [(date(2026, 3, day), 0) for day in range(6, 21)]


@pytest.mark.parametrize("kwargs, message", [
    (dict(fmt="xlsx"), "unknown export format"),
    (dict(view="nope"), "unknown view"),
    (dict(view="daily_postings", export_filter=ExportFilter(status="active")), "--status does not apply"),
    (dict(view="daily_postings", export_filter=ExportFilter(skill="SQL")), "--skill does not apply"),
    (dict(fmt="csv", partition=True), "--partition needs --format parquet"),
    (dict(fmt="parquet", excel=True), "--excel applies to --format csv"),
])
def test_impossible_exports_say_what_to_do(filled, tmp_path, kwargs, message):
    arguments = {"fmt": "parquet", **kwargs}
    with pytest.raises(ExportError, match=message):
        export(filled.engine, arguments.pop("fmt"), tmp_path / "out", **arguments)


def test_partitioned_parquet_is_one_dataset_for_pyarrow_duckdb_and_polars(filled, tmp_path):
    out = tmp_path / "postings"
    result = export(filled.engine, "parquet", out, partition=True)
    assert result.rows == 3
    folders = sorted(str(path.relative_to(out).parent) for path in out.rglob("*.parquet"))
    assert folders == ["crawl_date=2026-03-01/source=jsonld", "crawl_date=2026-03-02/source=greenhouse",
                       "crawl_date=2026-03-03/source=jsonld"]
    partitioning = pa_dataset.partitioning(pa.schema([("crawl_date", pa.date32()), ("source", pa.string())]),
                                           flavor="hive")
    table = pa_dataset.dataset(out, format="parquet", partitioning=partitioning).to_table().sort_by("id")
    expected = database_rows(filled.url)
    from_pyarrow = [_normal_row(row) for row in table.to_pylist()]
    assert [row["crawl_date"] for row in from_pyarrow] == [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 3)]
    assert [{name: row[name] for name in EXPORT_COLUMNS} for row in from_pyarrow] == expected
    with duckdb.connect() as connection:
        from_duckdb = connection.execute(
            "SELECT id, source, crawl_date, title FROM read_parquet(?, hive_partitioning = true) ORDER BY id",
            [str(out / "**" / "*.parquet")]).fetchall()
    assert from_duckdb == [(1, "jsonld", date(2026, 3, 1), HYPERLINK), (2, "greenhouse", date(2026, 3, 2), "@SUM(1+1)"),
                           (3, "jsonld", date(2026, 3, 3), expected[2]["title"])]
    from_polars = polars.scan_parquet(out / "**" / "*.parquet", hive_partitioning=True).sort("id").collect()
    assert from_polars["id"].to_list() == [1, 2, 3]
    assert from_polars["source"].to_list() == ["jsonld", "greenhouse", "jsonld"]


def test_a_partitioned_export_again_replaces_only_the_partitions_it_writes(filled, tmp_path):
    out = tmp_path / "postings"
    export(filled.engine, "parquet", out, partition=True)
    export(filled.engine, "parquet", out, ExportFilter(source="jsonld"), partition=True)
    export(filled.engine, "parquet", out, ExportFilter(source="jsonld"), partition=True)
    ids = pa_dataset.dataset(out, format="parquet", partitioning="hive").to_table().column("id").to_pylist()
    assert sorted(ids) == [1, 2, 3]


def test_views_partition_by_their_day_column(filled, tmp_path):
    out = tmp_path / "skills"
    export(filled.engine, "parquet", out, view="posting_skills_v", partition=True)
    folders = sorted(str(path.relative_to(out).parent) for path in out.rglob("*.parquet"))
    assert folders == ["first_seen_date=2026-03-01/source=jsonld", "first_seen_date=2026-03-03/source=jsonld"]


def test_every_export_writes_a_data_dictionary_beside_it(filled, tmp_path):
    parquet = export(filled.engine, "parquet", tmp_path / "postings.parquet", ExportFilter(country="DE"))
    assert parquet.dictionary == tmp_path / "postings.parquet.dictionary.json"
    document = json.loads(parquet.dictionary.read_text(encoding="utf-8"))
    assert document["schema_version"] == HEAD_REVISION and document["rows"] == 2
    assert document["filters"] == {"country": "DE"}
    fields = {field["field"]: field for field in document["fields"]}
    assert list(fields) == list(EXPORT_COLUMNS)
    assert fields["skills"]["type"] == "list<string>" and fields["crawled_at"]["type"] == "timestamp"
    assert all(field["meaning"] and field["schema_version"] == HEAD_REVISION for field in fields.values())
    spreadsheet = export(filled.engine, "csv", tmp_path / "postings.csv")
    with spreadsheet.dictionary.open(encoding="utf-8", newline="") as handle:
        entries = list(csv.DictReader(handle))
    assert spreadsheet.dictionary.name == "postings.csv.dictionary.csv"
    assert [entry["field"] for entry in entries] == list(EXPORT_COLUMNS)
    assert set(entries[0]) == {"field", "type", "meaning", "schema_version"}
    assert next(entry for entry in entries if entry["field"] == "skills")["type"] == (
        f"list<string> joined with '{CSV_LIST_SEPARATOR}'")
    partitioned = export(filled.engine, "parquet", tmp_path / "parts", partition=True)
    document = json.loads(partitioned.dictionary.read_text(encoding="utf-8"))
    assert partitioned.dictionary == tmp_path / "parts.dictionary.json"
    assert document["partitioning"]["keys"] == ["crawl_date", "source"]
    assert document["fields"][-1]["field"] == "crawl_date"


def test_exports_of_the_crawled_sample_equal_the_database(crawled_sample, tmp_path):
    engine = get_engine(crawled_sample)
    out = tmp_path / "sample.parquet"
    result = export(engine, "parquet", out, batch_size=7)
    expected = database_rows(crawled_sample)
    assert result.rows == len(expected) > 50
    assert [_normal_row(row) for row in pq.read_table(out).to_pylist()] == expected
