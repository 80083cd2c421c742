"""The spill file: batches the database would not take, kept on disk to load later.

One JSON object per line: ``{"kind": "posting"|"rejection", "payload": {...}}``; dates and
times as ISO strings, the raw page base64-encoded. ``jobcrawl db replay FILE`` loads them
through the same store, so replaying twice doubles nothing. A ``run_end`` record says how the
crawl that spilled ended, since its ``crawl_runs`` row could not be updated at the time.
"""

from __future__ import annotations

import base64
import json
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


def spill(path: Path, postings: list[dict[str, Any]], rejections: list[dict[str, Any]]) -> int:
    """Append a batch to the spill file; returns the number of records written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        for kind, payloads in (("posting", postings), ("rejection", rejections)):
            for payload in payloads:
                handle.write(json.dumps({"kind": kind, "payload": _encode(payload)}, ensure_ascii=False) + "\n")
        handle.flush()
    return len(postings) + len(rejections)


def read_spill(path: Path, batch_size: int = 500) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """Batches of (postings, rejections) from a spill file."""
    postings: list[dict[str, Any]] = []
    rejections: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number} is not a spill record: {error}") from None
            if record["kind"] not in ("posting", "rejection"):
                continue  # a run_end record (see write_run_end), not an item
            (postings if record["kind"] == "posting" else rejections).append(_decode(record["payload"]))
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
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def read_run_ends(path: Path) -> list[dict[str, Any]]:
    """The ``run_end`` records of a spill file."""
    ends = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if '"run_end"' in line:
                record = json.loads(line)
                if record.get("kind") == "run_end":
                    payload = record["payload"]
                    ends.append({**payload, "finished_at": datetime.fromisoformat(payload["finished_at"])})
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
