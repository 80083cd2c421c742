"""Export writers: Parquet, CSV and JSON Lines (partitioned folders: ``export_partitions``).

Each writer takes an iterator of Arrow record batches and writes them as they come, so memory
holds a few batches (at most one Parquet row group), never the table. Reading the database (Python work, holding the GIL) runs in
a background thread while the writer encodes and compresses (Arrow work, GIL released), so the
two overlap on a multi-core machine.

CSV is made safe to open in a spreadsheet: a text cell that starts with ``=``, ``+``, ``-``,
``@``, tab or carriage return gets a leading ``'`` (OWASP's CSV-injection advice), so Excel,
LibreOffice and Google Sheets show it as text instead of running it as a formula. Numbers, dates
and booleans come from typed columns, never hold a formula, and are written as they are (a salary
of -5 stays the number -5). Lists are joined with :data:`CSV_LIST_SEPARATOR`.
"""

from __future__ import annotations

import json
import queue
import threading
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator, TypeVar

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

CSV_LIST_SEPARATOR = " | "
# Spreadsheets fold the full-width and small forms (＝＋－＠, ﹦﹢﹣﹫) to their ASCII characters
# before deciding that a cell is a formula, so those start formulas too.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", "﹦", "﹢", "﹣", "﹫")
_FORMULA_PATTERN = "^[=+\\-@\t\r＝＋－＠﹦﹢﹣﹫]"
UTF8_BOM = b"\xef\xbb\xbf"
PARQUET_COMPRESSION = "snappy"
ROW_GROUP_BYTES = 48 * 1024 * 1024
ROW_GROUP_ROWS = 100_000

T = TypeVar("T")
_DONE = object()


def prefetched(items: Iterable[T], depth: int = 1) -> Iterator[T]:
    """``items`` produced by a background thread, at most ``depth`` ahead of the consumer."""
    buffer: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                buffer.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        iterator = iter(items)
        try:
            for item in iterator:
                if not put(item):
                    return
            put(_DONE)
        except BaseException as error:  # handed to the consumer, which re-raises it
            put(error)
        finally:
            close = getattr(iterator, "close", None)
            if close is not None:
                close()

    producer = threading.Thread(target=produce, name="export-reader", daemon=True)
    producer.start()
    try:
        while True:
            item = buffer.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        producer.join(timeout=5)


def neutralise_formula(text: str | None) -> str | None:
    """``text`` with a leading ``'`` when a spreadsheet would read it as a formula."""
    if text and text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def _neutralised(strings: pa.Array) -> pa.Array:
    starts_like_formula = pc.match_substring_regex(strings, _FORMULA_PATTERN)
    return pc.if_else(starts_like_formula, pc.binary_join_element_wise("'", strings, ""), strings)


def _joined_languages(lists: pa.Array) -> pa.Array:
    items = lists.flatten()
    labels = pc.binary_join_element_wise(pc.fill_null(items.field("language"), ""),
                                         pc.fill_null(items.field("level"), ""), ":")
    lengths = pc.fill_null(pc.list_value_length(lists), 0).cast(pa.int32())
    offsets = pa.concat_arrays([pa.array([0], pa.int32()), pc.cumulative_sum(lengths).cast(pa.int32())])
    rebuilt = pa.ListArray.from_arrays(offsets, labels, mask=lists.is_null())
    return pc.binary_join(rebuilt, CSV_LIST_SEPARATOR)


def csv_array(array: pa.Array) -> pa.Array:
    """One column as CSV cells: lists joined, text neutralised, other types unchanged."""
    if pa.types.is_list(array.type):
        if pa.types.is_struct(array.type.value_type):
            return _neutralised(_joined_languages(array))
        return _neutralised(pc.binary_join(array, CSV_LIST_SEPARATOR))
    if pa.types.is_string(array.type):
        return _neutralised(array)
    return array


def csv_schema(schema: pa.Schema) -> pa.Schema:
    """The schema of CSV-ready batches: list columns become text."""
    return pa.schema([pa.field(field.name, pa.string() if pa.types.is_list(field.type) else field.type)
                      for field in schema])


def write_parquet(batches: Iterable[pa.RecordBatch], schema: pa.Schema, out: Path) -> int:
    """One Parquet file. Returns the number of rows.

    Small batches keep the conversion's memory low; they are gathered into row groups of about
    :data:`ROW_GROUP_BYTES` (at most :data:`ROW_GROUP_ROWS` rows), the size readers scan well.
    """
    rows = 0
    pending: list[pa.RecordBatch] = []
    with pq.ParquetWriter(out, schema, compression=PARQUET_COMPRESSION) as writer:

        def flush() -> None:
            if pending:
                group = pa.Table.from_batches(pending, schema=schema)
                writer.write_table(group, row_group_size=group.num_rows)
                pending.clear()

        pending_bytes = pending_rows = 0
        for batch in prefetched(batches):
            pending.append(batch)
            rows += batch.num_rows
            pending_bytes += batch.nbytes
            pending_rows += batch.num_rows
            if pending_bytes >= ROW_GROUP_BYTES or pending_rows >= ROW_GROUP_ROWS:
                flush()
                pending_bytes = pending_rows = 0
        flush()
    return rows


def write_csv(batches: Iterable[pa.RecordBatch], schema: pa.Schema, out: Path, excel: bool = False,
              delimiter: str = ",") -> int:
    """CSV with a header row, UTF-8 (with a byte-order mark when ``excel``), cells separated by
    ``delimiter`` (one character; cells holding it are quoted)."""
    rows = 0
    target_schema = csv_schema(schema)
    with out.open("wb") as handle:
        if excel:
            handle.write(UTF8_BOM)
        with pa_csv.CSVWriter(handle, target_schema, write_options=pa_csv.WriteOptions(delimiter=delimiter)) as writer:
            for batch in prefetched(batches):
                writer.write_batch(pa.RecordBatch.from_arrays([csv_array(column) for column in batch.columns],
                                                              schema=target_schema))
                rows += batch.num_rows
    return rows


def _json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def write_jsonl(batches: Iterable[pa.RecordBatch], out: Path) -> int:
    """JSON Lines: one object per row, lists as arrays, dates and times as ISO 8601 text."""
    rows = 0
    with out.open("w", encoding="utf-8") as handle:
        for batch in prefetched(batches):
            handle.writelines(json.dumps(row, default=_json_default, ensure_ascii=False) + "\n"
                              for row in batch.to_pylist())
            rows += batch.num_rows
    return rows
