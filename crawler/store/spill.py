"""The spill file: batches the database would not take, kept on disk to load later.

One JSON object per line: ``{"kind": "posting"|"rejection", "payload": {...}}``; dates and
times as ISO strings, the raw page base64-encoded. ``jobcrawl db replay FILE`` loads them
through the same store, so replaying twice doubles nothing. A ``run_end`` record says how the
crawl that spilled ended, since its ``crawl_runs`` row could not be updated at the time.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

_DATE_FIELDS = ("date_posted", "valid_through", "start_date")


def _encode(payload: dict[str, Any]) -> dict[str, Any]:
    encoded = {}
    for key, value in payload.items():
        if isinstance(value, (date, datetime)):
            value = value.isoformat()
        elif isinstance(value, bytes):
            value = {"base64": base64.b64encode(value).decode("ascii")}
        encoded[key] = value
    return encoded


def _decode(payload: dict[str, Any]) -> dict[str, Any]:
    decoded = dict(payload)
    for key, value in payload.items():
        if isinstance(value, dict) and set(value) == {"base64"}:
            decoded[key] = base64.b64decode(value["base64"])
    if isinstance(decoded.get("crawled_at"), str):
        decoded["crawled_at"] = datetime.fromisoformat(decoded["crawled_at"])
    for key in _DATE_FIELDS:
        if isinstance(decoded.get(key), str):
            decoded[key] = date.fromisoformat(decoded[key])
    return decoded


class SpillWriteError(OSError):
    """The spill file could not take a batch (disk full, read-only…); ``written`` records did go in."""

    def __init__(self, path: Path, written: int, error: OSError):
        super().__init__(error.errno, f"cannot write the spill file {path}: {error.strerror or error}")
        self.written = written


def spill(path: Path, postings: list[dict[str, Any]], rejections: list[dict[str, Any]]) -> int:
    """Append a batch to the spill file; returns the number of records written.

    Records go in one by one, unbuffered: when the disk fills up the file is cut back to its last
    complete record and :class:`SpillWriteError` says how many of this batch were written, so the
    crawl can account for every item (stored, spilled or lost).
    """
    records = ({"kind": kind, "payload": _encode(payload)}
               for kind, payloads in (("posting", postings), ("rejection", rejections)) for payload in payloads)
    return _append_records(path, records)


def _append_records(path: Path, records) -> int:
    """Append JSON records one per line, unbuffered; on failure cut the file back to its last
    complete record and raise :class:`SpillWriteError` with the number written."""
    written = 0
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    except OSError as error:
        raise SpillWriteError(path, 0, error) from error
    try:
        complete = os.lseek(descriptor, 0, os.SEEK_END)
        for record in records:
            line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
            data = memoryview(line)
            while data:
                data = data[os.write(descriptor, data):]
            complete += len(line)
            written += 1
    except OSError as error:
        try:
            os.ftruncate(descriptor, complete)  # no half record for a replay to trip over
        except OSError:
            pass
        raise SpillWriteError(path, written, error) from error
    finally:
        os.close(descriptor)
    return written


@dataclass(frozen=True)
class SpillDamage:
    """One record of a spill file that could not be read: its line number and what was wrong."""

    line: int
    problem: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.problem}"


def _record(raw: bytes) -> tuple[str, dict[str, Any]]:
    """(kind, decoded payload) of one raw line; ValueError says what is wrong with it."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 (byte {error.start + 1})") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not a JSON record ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict) or not isinstance(record.get("payload"), dict):
        raise ValueError("not a spill record (no payload object)")
    kind = record.get("kind")
    if kind not in ("posting", "rejection", "run_end"):
        raise ValueError(f"unknown kind {kind!r}")
    if kind == "run_end":
        return kind, record["payload"]
    try:
        payload = _decode(record["payload"])
    except (ValueError, TypeError, binascii.Error) as error:
        raise ValueError(f"unreadable value ({error})") from None
    required = ("source", "url", "crawled_at") if kind == "posting" else ("source", "reason")
    missing = [key for key in required if not payload.get(key)]
    if missing:
        raise ValueError(f"{kind} without {', '.join(missing)}")
    return kind, payload


def read_spill(path: Path, batch_size: int = 500, damaged: list[SpillDamage] | None = None,
               ) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """Batches of (postings, rejections) from a spill file.

    A damaged record (cut short, not JSON, not UTF-8, an unreadable date…) is appended to
    ``damaged`` and skipped, so every intact record is still read; without a ``damaged`` list
    the first damaged record raises ValueError naming its line.
    """
    postings: list[dict[str, Any]] = []
    rejections: list[dict[str, Any]] = []
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                try:
                    kind, payload = _record(raw)
                except ValueError:
                    if not raw.endswith(b"\n"):  # the writer ends every record with a newline
                        raise ValueError("cut short (the file ends inside this record)") from None
                    raise
            except ValueError as error:
                if damaged is None:
                    raise ValueError(f"{path}:{number} is not a spill record: {error}") from None
                damaged.append(SpillDamage(number, str(error)))
                continue
            if kind == "run_end":
                continue  # not an item (see write_run_end)
            (postings if kind == "posting" else rejections).append(payload)
            if len(postings) + len(rejections) >= batch_size:
                yield postings, rejections
                postings, rejections = [], []
    if postings or rejections:
        yield postings, rejections


def write_run_end(path: Path, crawl_run_id: int | None, status: str, reason: str, finished_at: datetime) -> None:
    """Append how the crawl that spilled ended, for the ``crawl_runs`` row the database never got.

    ``jobcrawl db replay`` hands these to :func:`close_spilled_runs` after loading the items.
    """
    if crawl_run_id is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    record = {"kind": "run_end", "payload": {"crawl_run_id": crawl_run_id, "status": status, "reason": reason,
                                             "finished_at": finished_at.isoformat()}}
    _append_records(path, [record])


def read_run_ends(path: Path) -> list[dict[str, Any]]:
    """The readable ``run_end`` records of a spill file (damaged lines are :func:`read_spill`'s to report)."""
    ends = []
    with path.open("rb") as handle:
        for raw in handle:
            if b'"run_end"' not in raw:
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
                payload = record["payload"]
                if record.get("kind") == "run_end":
                    ends.append({**payload, "finished_at": datetime.fromisoformat(payload["finished_at"])})
            except (ValueError, KeyError, TypeError):
                continue
    return ends


def close_spilled_runs(engine, run_ends: list[dict[str, Any]]) -> int:
    """Record the end of each spilled run whose row still says ``running``; returns how many."""
    from sqlalchemy import update

    from models.tables import CrawlRun

    closed = 0
    with engine.begin() as connection:
        for end in run_ends:
            closed += connection.execute(
                update(CrawlRun).where(CrawlRun.id == end["crawl_run_id"], CrawlRun.status == "running")
                .values(status=end["status"], reason=end["reason"], finished_at=end["finished_at"])
            ).rowcount
    return closed
