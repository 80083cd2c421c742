"""Exports of the ``postings`` table to CSV, Parquet and JSON Lines, streamed in batches.

Rows are read ``batch_size`` at a time, so memory does not grow with the table. Lists stay lists
in Parquet and JSONL; in CSV they are joined with :data:`CSV_LIST_SEPARATOR`.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Engine, select

from crawler.items import LIST_FIELDS, SCHEMA_FIELDS
from models.tables import Posting

CSV_LIST_SEPARATOR = " | "
EXPORT_COLUMNS = (*SCHEMA_FIELDS, "first_seen_at", "last_seen_at", "status", "closed_at")
FORMATS = ("csv", "parquet", "jsonl")

_DATE_FIELDS = {"date_posted", "valid_through", "start_date"}
_TIMESTAMP_FIELDS = {"crawled_at", "first_seen_at", "last_seen_at", "closed_at"}
_INT_FIELDS = {"experience_years_min"}
_FLOAT_FIELDS = {"salary_min", "salary_max"}
_BOOL_FIELDS = {"via_agency"}
_LANGUAGE_TYPE = pa.list_(pa.struct([("language", pa.string()), ("level", pa.string())]))


def arrow_schema() -> pa.Schema:
    """The Parquet schema of an export: one typed column per exported field."""
    columns = []
    for name in EXPORT_COLUMNS:
        if name == "languages":
            kind = _LANGUAGE_TYPE
        elif name in LIST_FIELDS:
            kind = pa.list_(pa.string())
        elif name in _DATE_FIELDS:
            kind = pa.date32()
        elif name in _TIMESTAMP_FIELDS:
            kind = pa.timestamp("us", tz="UTC")
        elif name in _INT_FIELDS:
            kind = pa.int64()
        elif name in _FLOAT_FIELDS:
            kind = pa.float64()
        elif name in _BOOL_FIELDS:
            kind = pa.bool_()
        else:
            kind = pa.string()
        columns.append(pa.field(name, kind))
    return pa.schema(columns)


@dataclass
class ExportFilter:
    """Which postings to export."""

    since: date | None = None
    source: str | None = None


def iter_batches(engine: Engine, export_filter: ExportFilter, batch_size: int = 10_000) -> Iterator[list[dict[str, Any]]]:
    """Postings as dicts, ``batch_size`` at a time, in id order."""
    columns = [getattr(Posting, name) for name in EXPORT_COLUMNS]
    statement = select(Posting.id, *columns).order_by(Posting.id)
    if export_filter.since:
        statement = statement.where(Posting.last_seen_at >= datetime.combine(export_filter.since, datetime.min.time()))
    if export_filter.source:
        statement = statement.where(Posting.source == export_filter.source)
    with engine.connect() as connection:
        result = connection.execution_options(stream_results=True, yield_per=batch_size).execute(statement)
        for partition in result.partitions(batch_size):
            yield [dict(zip(EXPORT_COLUMNS, row[1:])) for row in partition]


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return CSV_LIST_SEPARATOR.join(
            f"{item['language']}:{item['level'] or ''}" if isinstance(item, dict) else str(item) for item in value
        )
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _json_default(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def export_postings(engine: Engine, fmt: str, out: Path, export_filter: ExportFilter | None = None,
                    batch_size: int = 10_000) -> int:
    """Write postings to ``out`` in ``fmt``; returns the number of rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    export_filter = export_filter or ExportFilter()
    out.parent.mkdir(parents=True, exist_ok=True)
    batches = iter_batches(engine, export_filter, batch_size)
    rows = 0
    if fmt == "parquet":
        schema = arrow_schema()
        with pq.ParquetWriter(out, schema) as writer:
            for batch in batches:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                rows += len(batch)
    elif fmt == "csv":
        with out.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(EXPORT_COLUMNS)
            for batch in batches:
                writer.writerows([[_csv_cell(row[name]) for name in EXPORT_COLUMNS] for row in batch])
                rows += len(batch)
    else:
        with out.open("w", encoding="utf-8") as handle:
            for batch in batches:
                for row in batch:
                    handle.write(json.dumps(row, default=_json_default, ensure_ascii=False) + "\n")
                rows += len(batch)
    return rows
