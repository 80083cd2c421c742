"""Partitioned Parquet exports that never drop or repeat a row, however they are repeated.

The rule: **a partition folder is only ever written with its complete current content** — every
row of the database (under the export's filters other than ``--since``) whose partition key
(``<key>=<day>/source=<source>``) names that folder. ``--since DAY`` chooses *which* partitions
are rewritten, never which of their rows are kept:

- every partition holding a row seen, changed or closed on or after ``DAY``;
- every partition whose rows in the folder are not the rows the database puts there (a posting
  that moved to another day's partition, was merged away or is new): the folder's row keys are
  read back (the ``id`` column only) and compared with the database's;
- without ``--since``, every partition there is.

``--source NAME`` limits all of this to NAME's partitions: other sources' folders are kept as
they are, so sources can be exported into one folder one at a time.

Partitions nobody touched keep their files. Each file is written to a staging folder inside the
export folder first and moved into place with one rename, so an interrupted export leaves every
partition either as it was or complete (readers ignore the ``_staging`` folder, and it is removed).
"""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pa_dataset
import pyarrow.parquet as pq
from sqlalchemy import Engine

from crawler.analytics.export_source import ExportFilter, Relation, iter_record_batches
from crawler.analytics.export_writers import PARQUET_COMPRESSION, prefetched

Partition = tuple[date, str]
ROW_KEYS = {"postings": ("id",), "current_postings": ("posting_id",), "salaries_yearly": ("posting_id",),
            "posting_skills_v": ("posting_id", "skill"), "daily_postings": ("day", "source"), "sightings": ("id",)}
"""The columns that identify one row of each relation (what "exactly once" is checked on)."""
CHANGE_COLUMNS = ("last_seen_at", "closed_at", "crawled_at", "first_seen_at")
"""Columns whose time says a row was seen, changed or closed (those the relation has)."""
STAGING_PREFIX = "_staging-"


@dataclass
class PartitionedResult:
    """What a partitioned export wrote."""

    rows_written: int
    partitions_written: int
    partitions_removed: int
    rows_in_folder: int


def _partitioning(key: str) -> pa_dataset.Partitioning:
    return pa_dataset.partitioning(pa.schema([(key, pa.date32()), ("source", pa.string())]), flavor="hive")


def _day_array(batch: pa.RecordBatch, column_name: str) -> pa.Array:
    values = batch.column(column_name)
    return values if pa.types.is_date32(values.type) else values.cast(pa.date32())


def _row_keys(batch: pa.RecordBatch | pa.Table, columns: tuple[str, ...]) -> list[tuple]:
    return list(zip(*(batch.column(name).to_pylist() for name in columns)))


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)


def database_partitions(engine: Engine, target: Relation, export_filter: ExportFilter,
                        since: date | None) -> tuple[dict[Partition, set[tuple]], set[Partition]]:
    """Each partition's row keys in the database, and the partitions with a row seen, changed or
    closed on or after ``since``."""
    key, from_column = target.partition
    keys = ROW_KEYS.get(target.name, (target.id_column,))
    names = {spec.name for spec in target.columns}
    change_columns = [name for name in (*CHANGE_COLUMNS, target.period[1]) if name in names]
    wanted = {*keys, from_column, "source", *change_columns}
    light = replace(target, columns=tuple(spec for spec in target.columns if spec.name in wanted))
    rows: dict[Partition, set[tuple]] = {}
    touched: set[Partition] = set()
    for batch in iter_record_batches(engine, light, replace(export_filter, since=None), 20_000):
        days = _day_array(batch, from_column).to_pylist()
        sources = batch.column("source").to_pylist()
        recent = None
        if since is not None:
            for name in change_columns:
                column = batch.column(name)
                bound = pa.scalar(since if pa.types.is_date32(column.type) else _start_of(since), column.type)
                hit = pc.fill_null(pc.greater_equal(column, bound), False)
                recent = hit if recent is None else pc.or_(recent, hit)
        recent_list = recent.to_pylist() if recent is not None else [False] * batch.num_rows
        for day, source, row_key, is_recent in zip(days, sources, _row_keys(batch, keys), recent_list):
            partition = (day, source)
            rows.setdefault(partition, set()).add(row_key)
            if is_recent:
                touched.add(partition)
    return rows, touched


def folder_partitions(out: Path, key: str, keys: tuple[str, ...]) -> dict[Partition, dict[str, set[tuple]]]:
    """The partitions in an export folder: per partition, each file and the row keys it holds."""
    if not out.is_dir():
        return {}
    dataset = pa_dataset.dataset(out, format="parquet", partitioning=_partitioning(key))
    found: dict[Partition, dict[str, set[tuple]]] = {}
    for fragment in dataset.get_fragments():
        values = pa_dataset.get_partition_keys(fragment.partition_expression)
        partition = (values.get(key), values.get("source"))
        names = pq.read_schema(fragment.path).names
        row_keys = set(_row_keys(pq.read_table(fragment.path, columns=list(keys)), keys)) \
            if all(name in names for name in keys) else {("unreadable", fragment.path)}
        found.setdefault(partition, {})[fragment.path] = row_keys
    return found


def partitions_to_write(database: dict[Partition, set[tuple]], touched: set[Partition],
                        folder: dict[Partition, dict[str, set[tuple]]], since: date | None) -> set[Partition]:
    """The partitions this export rewrites (see the module docstring)."""
    everything = set(database) | set(folder)
    if since is None:
        return everything
    differing = {partition for partition in everything
                 if database.get(partition, set()) != set().union(*folder.get(partition, {}).values())}
    return touched | differing


def write_partitioned(engine: Engine, target: Relation, export_filter: ExportFilter, out: Path,
                      schema: pa.Schema, batch_size: int) -> PartitionedResult:
    """Bring the folder ``out`` up to date with the database (see the module docstring)."""
    key, from_column = target.partition
    keys = ROW_KEYS.get(target.name, (target.id_column,))
    since = export_filter.since
    database, touched = database_partitions(engine, target, export_filter, since)
    folder = folder_partitions(out, key, keys)
    if export_filter.source:  # the folder is shared by sources: other sources' partitions are not ours
        folder = {partition: files for partition, files in folder.items() if partition[1] == export_filter.source}
    chosen = partitions_to_write(database, touched, folder, since)
    derived = key not in schema.names
    full_schema = schema.append(pa.field(key, pa.date32())) if derived else schema
    chosen_labels = pa.array(sorted(f"{day}|{source}" for day, source in chosen), pa.string())
    written = [0]

    def selected() -> Iterator[pa.RecordBatch]:
        content_filter = replace(export_filter, since=None)
        for batch in prefetched(iter_record_batches(engine, target, content_filter, batch_size)):
            day = _day_array(batch, from_column)
            labels = pc.binary_join_element_wise(day.cast(pa.string()), batch.column("source"), "|")
            batch = batch.filter(pc.is_in(labels, value_set=chosen_labels))
            if derived:
                batch = pa.RecordBatch.from_arrays([*batch.columns, _day_array(batch, from_column)],
                                                   schema=full_schema)
            written[0] += batch.num_rows
            if batch.num_rows:
                yield batch

    out.mkdir(parents=True, exist_ok=True)
    staging = out / f"{STAGING_PREFIX}{uuid.uuid4().hex}"
    try:
        _write_dataset(selected(), staging, full_schema, key)
        staged = _staged_files(staging, key)
        for partition, paths in staged.items():
            for relative in paths:
                target_path = out / relative
                target_path.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staging / relative, target_path)  # one rename: old file or new, never half
        replaced = {str(out / relative) for paths in staged.values() for relative in paths}
        removed = 0
        for partition in chosen:
            for path in folder.get(partition, {}):
                if path not in replaced:
                    Path(path).unlink(missing_ok=True)
            if partition not in staged and partition in folder:
                removed += 1
                _remove_empty_folders(Path(next(iter(folder[partition]))).parent, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    rows_in_folder = sum(len(row_keys) for row_keys in database.values())
    return PartitionedResult(written[0], len(chosen) - removed, removed, rows_in_folder)


def _write_dataset(batches: Iterable[pa.RecordBatch], folder: Path, schema: pa.Schema, key: str) -> None:
    pa_dataset.write_dataset(
        batches, folder, schema=schema, format="parquet", partitioning=_partitioning(key),
        basename_template="part-{i}.parquet", existing_data_behavior="overwrite_or_ignore",
        file_options=pa_dataset.ParquetFileFormat().make_write_options(compression=PARQUET_COMPRESSION),
        max_rows_per_group=100_000, min_rows_per_group=0,
    )


def _staged_files(staging: Path, key: str) -> dict[Partition, list[str]]:
    if not staging.is_dir():
        return {}
    dataset = pa_dataset.dataset(staging, format="parquet", partitioning=_partitioning(key))
    staged: dict[Partition, list[str]] = {}
    for fragment in dataset.get_fragments():
        values = pa_dataset.get_partition_keys(fragment.partition_expression)
        staged.setdefault((values.get(key), values.get("source")), []).append(
            str(Path(fragment.path).relative_to(staging)))
    return staged


def _remove_empty_folders(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
