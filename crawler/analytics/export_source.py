"""What an export reads: the ``postings`` table or a view, filtered, as Arrow record batches.

Rows are fetched ``batch_size`` at a time (a server-side cursor on PostgreSQL) and turned into one
typed Arrow record batch per fetch, column by column, so memory stays flat however large the table
is and no Python work is done per value where Arrow can do it: SQLite's date and time text is
parsed by Arrow casts, and the JSON list columns of a batch are parsed in one go by Arrow's JSON
reader.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Iterator, Sequence

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pa_json
from sqlalchemy import Connection, Engine, Text, and_, cast, column, exists, func, inspect, select, table, type_coerce
from sqlalchemy.pool import SingletonThreadPool
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import NullType

from crawler.analytics.columns import (
    ARROW_TYPES, JSON_KINDS, POSTING_COLUMNS, SIGHTING_COLUMNS, VIEWS, ColumnSpec,
)
from crawler.analytics.export_writers import prefetched
from crawler.errors import JobcrawlError
from models.tables import Posting, PostingSkill, Sighting

_SQL_TYPES = {"timestamp": Posting.first_seen_at.type, "date": Posting.date_posted.type}


class ExportError(JobcrawlError, ValueError):
    """An export was asked for something it cannot do (unknown view, filter that does not apply)."""


@dataclass
class ExportFilter:
    """Which rows to export; every field left as None selects everything.

    ``since``/``until`` keep rows whose time span overlaps the period: for postings, last seen on
    or after ``since`` and first seen on or before ``until`` (UTC days).
    """

    since: date | None = None
    source: str | None = None
    until: date | None = None
    status: str | None = None
    country: str | None = None
    skill: str | None = None


@dataclass(frozen=True)
class Relation:
    """A table or view to export: its name, columns and the columns filters use."""

    name: str
    columns: tuple[ColumnSpec, ...]
    period: tuple[str, str]
    partition: tuple[str, str]
    """(folder key, column): ``--partition`` folders are ``<key>=<UTC day of column>/source=<source>``."""
    id_column: str


POSTINGS = Relation("postings", POSTING_COLUMNS, ("first_seen_at", "last_seen_at"), ("crawl_date", "crawled_at"),
                    "id")
SIGHTINGS = Relation("sightings", SIGHTING_COLUMNS, ("first_seen_at", "last_seen_at"),
                     ("first_seen_date", "first_seen_at"), "posting_id")
"""One row per copy of a job at one source (``--table sightings``); ``--skill`` goes by its posting."""
TABLES = {relation.name: relation for relation in (POSTINGS, SIGHTINGS)}


def relation(view: str | None, table_name: str = "postings") -> Relation:
    """The table ``table_name`` (``view`` None) or the named view."""
    if table_name not in TABLES:
        raise ExportError(f"unknown table {table_name!r}: choose {' or '.join(TABLES)} (or --view for a view)")
    if view is not None and table_name != POSTINGS.name:
        raise ExportError(f"--view {view} and --table {table_name} name two things to export: give one")
    if view is None or view == "postings":
        return TABLES[table_name]
    spec = VIEWS.get(view)
    if spec is None:
        raise ExportError(f"unknown view {view!r}: choose one of {', '.join(VIEWS)}")
    return Relation(spec.name, spec.columns, spec.period, (spec.partition_date, spec.partition_date), "posting_id")


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)


def _bound(column_element: ColumnElement, kind: str, day: date, upper: bool) -> ColumnElement:
    if kind == "date":
        return column_element <= day if upper else column_element >= day
    return column_element < _start_of(day + timedelta(days=1)) if upper else column_element >= _start_of(day)


def _conditions(target: Relation, columns: dict[str, ColumnElement], export_filter: ExportFilter) -> list:
    kinds = {spec.name: spec.kind for spec in target.columns}
    conditions = []

    def needs(name: str, option: str) -> ColumnElement:
        if name not in columns:
            raise ExportError(f"{option} does not apply to {target.name}: it has no {name} column")
        return columns[name]

    start, end = target.period
    if export_filter.since:
        conditions.append(_bound(needs(end, "--since"), kinds[end], export_filter.since, upper=False))
    if export_filter.until:
        conditions.append(_bound(needs(start, "--until"), kinds[start], export_filter.until, upper=True))
    if export_filter.source:
        conditions.append(needs("source", "--source") == export_filter.source)
    if export_filter.status:
        conditions.append(needs("status", "--status") == export_filter.status)
    if export_filter.country:
        conditions.append(needs("country", "--country") == export_filter.country.upper())
    if export_filter.skill:
        wanted = export_filter.skill.lower()
        if "skill" in columns:
            conditions.append(func.lower(columns["skill"]) == wanted)
        else:
            posting_id = needs(target.id_column, "--skill")
            conditions.append(exists().where(and_(PostingSkill.posting_id == posting_id,
                                                  func.lower(PostingSkill.skill) == wanted)))
    return conditions


def _selected(column_element: ColumnElement, spec: ColumnSpec, dialect: str) -> ColumnElement:
    # Raw driver values, no SQLAlchemy result processing: Arrow converts whole columns faster.
    if (spec.kind in JSON_KINDS or spec.kind == "json") and dialect == "postgresql":
        return cast(column_element, Text).label(spec.name)
    return type_coerce(column_element, NullType()).label(spec.name)


def filtered_columns(target: Relation, export_filter: ExportFilter) -> tuple[dict[str, ColumnElement], list]:
    """The relation's columns by name (typed, so times compare right on SQLite and PostgreSQL)
    and the WHERE conditions of ``export_filter`` on them — for exports and the report alike."""
    if target.name == POSTINGS.name:  # the table, or a projection of it
        columns = {spec.name: Posting.__table__.columns[spec.name] for spec in target.columns}
    elif target.name == SIGHTINGS.name:
        columns = {spec.name: Sighting.__table__.columns[spec.name] for spec in target.columns}
    else:
        view = table(target.name, *[column(spec.name, _SQL_TYPES.get(spec.kind)) for spec in target.columns])
        columns = {spec.name: view.columns[spec.name] for spec in target.columns}
    return columns, _conditions(target, columns, export_filter)


def build_query(engine: Engine, target: Relation, export_filter: ExportFilter):
    """The SELECT of an export: the relation's columns, filtered, in a stable order."""
    columns, conditions = filtered_columns(target, export_filter)
    statement = select(*[_selected(columns[spec.name], spec, engine.dialect.name) for spec in target.columns])
    if conditions:
        statement = statement.where(*conditions)
    order = [columns[name] for name in (target.id_column, "skill", "day", "source", "id") if name in columns]
    return statement.order_by(*order)


def _first_value(values: tuple):
    return next((value for value in values if value is not None), None)


def _text_array(values: tuple) -> pa.Array:
    """Text (str, or UTF-8 bytes from SQLite) as an Arrow string array."""
    try:
        # Built as binary and cast: the cast checks the UTF-8 of the whole buffer at once, where
        # building a string array checks value by value, six times slower on ad-length text.
        return pa.array(values, pa.binary()).cast(pa.string())
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        # Invalid UTF-8 stored as TEXT, or a number in a text column (SQLite's dynamic typing).
        return pa.array([None if value is None else value.decode("utf-8", "replace")
                         if isinstance(value, bytes) else str(value) for value in values], pa.string())


def _to_arrow(values: tuple, spec: ColumnSpec) -> pa.Array:
    kind = spec.kind
    sample = _first_value(values)
    if kind in ("string", "json"):
        return _text_array(values)
    if kind in ("date", "timestamp") and isinstance(sample, (str, bytes)):
        strings = _text_array(values)
        if kind == "date":
            return strings.cast(pa.date32())
        return strings.cast(pa.timestamp("us")).cast(ARROW_TYPES["timestamp"])
    if kind == "boolean" and isinstance(sample, int) and not isinstance(sample, bool):
        return pa.array(values, pa.int8()).cast(pa.bool_())
    return pa.array(values, ARROW_TYPES[kind])


def _json_columns_to_arrow(columns: list[tuple], specs: list[ColumnSpec]) -> list[pa.Array]:
    """Parse the JSON text columns of one batch with Arrow's JSON reader, no Python per value.

    Arrow string functions join the columns into one JSON Lines buffer, ``{"c0":<json>,...}`` per
    row, which the JSON reader parses straight into the typed list columns.
    """
    if not columns or not columns[0]:
        return [pa.array([], spec.arrow_type) for spec in specs]
    pieces: list = []
    for index, values in enumerate(columns):
        pieces += [("{" if index == 0 else ",") + f'"c{index}":', pc.fill_null(_text_array(values), "null")]
    lines = pc.binary_join_element_wise(*pieces, "}\n", "")
    lengths = pc.binary_length(lines)
    # A fresh array without nulls: its data buffer is the lines back to back.
    data = lines.buffers()[2].slice(0, pc.sum(lengths).as_py())
    longest = pc.max(lengths).as_py()
    schema = pa.schema([pa.field(f"c{index}", spec.arrow_type) for index, spec in enumerate(specs)])
    parsed = pa_json.read_json(
        pa.BufferReader(data),
        read_options=pa_json.ReadOptions(block_size=max(1 << 22, 2 * longest + 16)),
        parse_options=pa_json.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error"),
    )
    return [parsed.column(index).combine_chunks() for index in range(len(specs))]


def rows_to_batch(rows: list, specs: tuple[ColumnSpec, ...], schema: pa.Schema) -> pa.RecordBatch:
    """One typed record batch from driver rows (tuples in the order of ``specs``)."""
    columns = list(zip(*rows)) if rows else [() for _ in specs]
    arrays: list[pa.Array | None] = [None] * len(specs)
    json_positions = [index for index, spec in enumerate(specs) if spec.kind in JSON_KINDS]
    if json_positions:
        parsed = _json_columns_to_arrow([columns[index] for index in json_positions],
                                        [specs[index] for index in json_positions])
        for index, array in zip(json_positions, parsed):
            arrays[index] = array
    for index, spec in enumerate(specs):
        if arrays[index] is None:
            arrays[index] = _to_arrow(columns[index], spec)
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def arrow_schema(target: Relation = POSTINGS) -> pa.Schema:
    """The Arrow/Parquet schema of an export of ``target``."""
    return pa.schema([pa.field(spec.name, spec.arrow_type) for spec in target.columns])


def iter_record_batches(engine: Engine, target: Relation, export_filter: ExportFilter,
                        batch_size: int = 2_000) -> Iterator[pa.RecordBatch]:
    """The filtered rows of ``target`` as record batches of at most ``batch_size`` rows."""
    schema = arrow_schema(target)
    rows_batches = _driver_rows(engine, build_query(engine, target, export_filter), batch_size)
    # The rows are read in a thread of their own: the SQLite driver lets go of the GIL while
    # SQLite steps through its pages, so reading the next rows overlaps converting these. Not
    # where each thread gets its own connection (an in-memory SQLite database): another thread
    # would see another, empty database.
    if not isinstance(engine.pool, SingletonThreadPool):
        rows_batches = prefetched(rows_batches)
    for rows in rows_batches:
        yield rows_to_batch(rows, target.columns, schema)


def _driver_rows(engine: Engine, statement, batch_size: int) -> Iterator[Sequence]:
    """The rows of ``statement``, ``batch_size`` at a time, as the driver hands them over."""
    with engine.connect() as connection, _raw_sqlite_text(connection):
        result = connection.execution_options(stream_results=True, yield_per=batch_size).execute(statement)
        yield from result.partitions(batch_size)


@contextmanager
def _raw_sqlite_text(connection: Connection) -> Iterator[None]:
    """On SQLite, hand text over as UTF-8 bytes while exporting.

    Decoding every text value to ``str`` only for Arrow to encode it back to UTF-8 was the
    largest avoidable cost of an export; bytes go into Arrow string arrays as they are. The
    connection's setting is restored afterwards, since it goes back to the pool.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    driver_connection = connection.connection.driver_connection
    text_factory = driver_connection.text_factory
    driver_connection.text_factory = bytes
    try:
        yield
    finally:
        driver_connection.text_factory = text_factory


def schema_revision(engine: Engine) -> str | None:
    """The database's Alembic revision (the schema version an export came from)."""
    if not inspect(engine).has_table("alembic_version"):
        return None
    alembic_version = table("alembic_version", column("version_num"))
    with engine.connect() as connection:
        return connection.execute(select(alembic_version.c.version_num)).scalar()
