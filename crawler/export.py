"""Exports of postings (or of an analyst view) to CSV, Parquet and JSON Lines, streamed in batches.

Rows are read ``batch_size`` at a time as Arrow record batches (:mod:`crawler.analytics.export_source`)
and written as they come (:mod:`crawler.analytics.export_writers`), so memory does not grow with the
table. Lists stay lists in Parquet and JSONL; in CSV they are joined with :data:`CSV_LIST_SEPARATOR`
and text cells that a spreadsheet would run as formulas are neutralised. Every export writes a data
dictionary beside it (:mod:`crawler.analytics.dictionary`).

Files are written to a temporary file in the same folder and renamed over the target at the end
(the data file, then its dictionary), so an interrupted export — Ctrl-C, a full disk, a failing
row — leaves the previous good file in place. Partitioned folders are brought up to date file by
file the same way (:mod:`crawler.analytics.export_partitions`).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine

from crawler.analytics.columns import ColumnSpec
from crawler.analytics.dictionary import filters_of, write_dictionary
from crawler.analytics.export_filter_checks import check_filter
from crawler.analytics.export_source import (
    POSTINGS, ExportError, ExportFilter, arrow_schema, iter_record_batches, relation, schema_revision,
)
from crawler.analytics.export_partitions import write_partitioned
from crawler.analytics.export_writers import CSV_LIST_SEPARATOR, write_csv, write_jsonl, write_parquet

EXPORT_COLUMNS = tuple(spec.name for spec in POSTINGS.columns)
FORMATS = ("csv", "parquet", "jsonl")
DEFAULT_BATCH_SIZE = 2_000

__all__ = ["CSV_LIST_SEPARATOR", "EXPORT_COLUMNS", "FORMATS", "ExportError", "ExportFilter", "ExportResult",
           "arrow_schema", "csv_delimiter", "export", "export_postings"]


@dataclass
class ExportResult:
    """What an export wrote."""

    rows: int
    path: Path
    dictionary: Path


def export(engine: Engine, fmt: str, out: Path, export_filter: ExportFilter | None = None,
           batch_size: int = DEFAULT_BATCH_SIZE, view: str | None = None, partition: bool = False,
           excel: bool = False, delimiter: str | None = None, table: str = "postings") -> ExportResult:
    """Export the table ``table`` (``postings`` or ``sightings``) or ``view`` to ``out`` in ``fmt``,
    with its data dictionary beside it.

    ``partition`` (Parquet only) makes ``out`` a folder of hive-style partitions by day and
    source; ``excel`` (CSV only) starts the file with a UTF-8 byte-order mark; ``delimiter`` (CSV
    only) separates cells: one character, ``,`` by default (``;`` for Excel in German and other
    locales whose decimal mark is a comma; ``tab`` for tab-separated).
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if partition and fmt != "parquet":
        raise ExportError("--partition needs --format parquet (CSV and JSONL exports are single files)")
    if excel and fmt != "csv":
        raise ExportError("--excel applies to --format csv only")
    if delimiter is not None and fmt != "csv":
        raise ExportError("--delimiter applies to --format csv only")
    separator = csv_delimiter(delimiter)
    export_filter = export_filter or ExportFilter()
    target = relation(view, table)
    check_filter(engine, target, export_filter)  # a value no row can have: one line, no file
    schema = arrow_schema(target)
    version = schema_revision(engine)
    columns: tuple[ColumnSpec, ...] = target.columns
    partition_keys = None
    if partition:
        if out.exists() and not out.is_dir():
            raise ExportError(f"--partition writes a folder, but {out} is a file: choose a folder path")
        written = write_partitioned(engine, target, export_filter, out, schema, batch_size)
        rows = written.rows_in_folder
        key, from_column = target.partition
        partition_keys = [key, "source"]
        if key not in schema.names:
            columns = (*columns, ColumnSpec(key, "date", f"UTC day of {from_column} (partition folder key)"))
    else:
        if out.is_dir():
            raise ExportError(f"{out} is a folder: give a file path (or add --partition for a Parquet folder)")
        out.parent.mkdir(parents=True, exist_ok=True)
        batches = iter_record_batches(engine, target, export_filter, batch_size)
        with replaced_on_success(out) as temporary:
            if fmt == "parquet":
                rows = write_parquet(batches, schema, temporary)
            elif fmt == "csv":
                rows = write_csv(batches, schema, temporary, excel=excel, delimiter=separator)
            else:
                rows = write_jsonl(batches, temporary)
    dictionary = write_dictionary(out, fmt, target.name, columns, version, rows, filters_of(export_filter),
                                  partitioning=partition_keys, excel=excel, delimiter=separator)
    return ExportResult(rows, out, dictionary)


_DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def csv_delimiter(value: str | None) -> str:
    """The one character that separates CSV cells: ``value`` itself or its name (``tab``, ``\\t``,
    ``semicolon``…); ``,`` when None. A quote, a line break or a letter cannot be one."""
    if value is None:
        return ","
    character = _DELIMITER_NAMES.get(value.strip().lower(), value)
    if len(character) != 1 or character in "\"\r\n" or character.isalnum():
        raise ExportError(f"--delimiter {value!r} cannot separate CSV cells: give one character such as ';' "
                          "(German Excel), ',' or tab")
    return character


@contextmanager
def replaced_on_success(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed over it when the block succeeds and removed when
    it fails: readers see the old file or the new one, never a part of one."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def export_postings(engine: Engine, fmt: str, out: Path, export_filter: ExportFilter | None = None,
                    batch_size: int = DEFAULT_BATCH_SIZE) -> int:
    """Write postings to ``out`` in ``fmt``; returns the number of rows written."""
    return export(engine, fmt, out, export_filter, batch_size).rows

