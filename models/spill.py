"""The spill file: batches the database would not take, kept on disk to load later.

One JSON object per line: ``{"kind": "posting"|"rejection", "payload": {...}}``; dates and
times as ISO strings, the raw page base64-encoded. ``jobcrawl db replay FILE`` loads them
through the same store, so replaying twice doubles nothing.
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
            (postings if record["kind"] == "posting" else rejections).append(_decode(record["payload"]))
            if len(postings) + len(rejections) >= batch_size:
                yield postings, rejections
                postings, rejections = [], []
    if postings or rejections:
        yield postings, rejections
