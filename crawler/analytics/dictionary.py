"""The data dictionary written beside every export: field, type, meaning, schema version.

A CSV export gets a CSV dictionary (``postings.csv`` → ``postings.csv.dictionary.csv``, readable
in the same spreadsheet); Parquet and JSON Lines exports get JSON (``postings.parquet`` →
``postings.parquet.dictionary.json``; a partitioned export's folder ``postings/`` →
``postings.dictionary.json`` beside the folder, so dataset readers never see it).
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import asdict
from pathlib import Path

from crawler.analytics.columns import ColumnSpec
from crawler.analytics.export_writers import CSV_LIST_SEPARATOR, UTF8_BOM

DICTIONARY_FIELDS = ("field", "type", "meaning", "schema_version")


def dictionary_path(out: Path, fmt: str) -> Path:
    """Where the dictionary of an export written to ``out`` goes."""
    suffix = ".dictionary.csv" if fmt == "csv" else ".dictionary.json"
    return out.with_name(out.name + suffix)


def _csv_type(column: ColumnSpec) -> str:
    if column.kind.startswith("list<"):
        return f"{column.kind} joined with '{CSV_LIST_SEPARATOR}'" + (
            " (items written language:level)" if column.kind == "list<language>" else "")
    return column.kind


def dictionary_rows(columns: tuple[ColumnSpec, ...], schema_version: str | None, fmt: str) -> list[dict[str, str]]:
    """One row per exported field."""
    return [{"field": column.name, "type": _csv_type(column) if fmt == "csv" else column.kind,
             "meaning": column.meaning, "schema_version": schema_version or "unknown"} for column in columns]


def write_dictionary(out: Path, fmt: str, relation_name: str, columns: tuple[ColumnSpec, ...],
                     schema_version: str | None, rows: int, filters: dict, partitioning: list[str] | None = None,
                     excel: bool = False, delimiter: str = ",") -> Path:
    """Write the dictionary of one export; returns its path."""
    path = dictionary_path(out, fmt)
    entries = dictionary_rows(columns, schema_version, fmt)
    # Written beside it under a temporary name and renamed: never a half-written dictionary.
    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        _write_entries(temporary, fmt, relation_name, entries, schema_version, rows, filters, partitioning, excel,
                       delimiter)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def _write_entries(path: Path, fmt: str, relation_name: str, entries: list[dict[str, str]],
                   schema_version: str | None, rows: int, filters: dict, partitioning: list[str] | None,
                   excel: bool, delimiter: str = ",") -> None:
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            if excel:
                handle.write(UTF8_BOM.decode("utf-8"))
            writer = csv.DictWriter(handle, DICTIONARY_FIELDS, delimiter=delimiter)  # opens like the export
            writer.writeheader()
            writer.writerows(entries)
        return
    document = {
        "relation": relation_name,
        "format": fmt,
        "schema_version": schema_version or "unknown",
        "rows": rows,
        "filters": {name: value for name, value in filters.items() if value is not None},
        "fields": entries,
    }
    if partitioning:
        document["partitioning"] = {"flavor": "hive", "keys": partitioning,
                                    "note": "partition keys are folder names, not columns inside the files"}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")


def filters_of(export_filter) -> dict:
    """The filter values of an export, for its dictionary."""
    return {name: (value.isoformat() if hasattr(value, "isoformat") else value)
            for name, value in asdict(export_filter).items()}
