"""Issue 13, finding 7: ``jobcrawl db replay`` of a damaged spill file replays every intact
record and names each damaged one by its line — one line each, exit status 1, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone

from sqlalchemy import select

from crawler.items import LIST_FIELDS, SCHEMA_FIELDS
from crawler.store.spill import SpillDamage, read_spill, spill
from models.database import get_engine
from models.tables import Posting
from tests.support.crawl import PROJECT_ROOT

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
RECORDS = 40


def posting(number: int):
    values = {name: ([] if name in LIST_FIELDS else None) for name in SCHEMA_FIELDS}
    values.update(source="jsonld", url=f"https://example.de/jobs/{number}", crawled_at=NOW,
                  title=f"Stelle {number} bei Firma {number}", title_raw=f"Stelle {number}",
                  company=f"Firma {number} GmbH", city="Berlin", via_agency=False)
    return values


def replay(path, database_url):
    return subprocess.run([sys.executable, "-m", "crawler.cli", "db", "replay", str(path), "--database", database_url],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)


def stored_urls(database_url):
    with get_engine(database_url).connect() as connection:
        return {row.url for row in connection.execute(select(Posting.url))}


def damaged_spill(tmp_path):
    """40 records; line 5 corrupt JSON, line 9 non-UTF-8 bytes, line 13 a bad date, the last cut short."""
    path = tmp_path / "spill.jsonl"
    spill(path, [posting(number) for number in range(RECORDS)], [])
    lines = path.read_bytes().splitlines(keepends=True)
    lines[4] = lines[4][:30] + b"}{\n"
    lines[8] = lines[8].replace(b"Firma", b"Firm\xff\xfe")
    record = json.loads(lines[12])
    record["payload"]["date_posted"] = "2026-13-45"
    lines[12] = (json.dumps(record) + "\n").encode()
    lines[-1] = lines[-1][: len(lines[-1]) * 3 // 4]
    path.write_bytes(b"".join(lines))
    return path


def test_replay_of_a_damaged_spill_stores_every_intact_record(tmp_path):
    database_url = f"sqlite:///{tmp_path / 'replay.db'}"
    path = damaged_spill(tmp_path)
    done = replay(path, database_url)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    damaged_lines = [line for line in done.stderr.splitlines() if "damaged record not replayed" in line]
    assert [line.split(":")[1] for line in damaged_lines] == ["5", "9", "13", str(RECORDS)]
    assert "not UTF-8" in damaged_lines[1] and "unreadable value" in damaged_lines[2]
    assert "cut short" in damaged_lines[3]
    expected = {f"https://example.de/jobs/{n}" for n in range(RECORDS)} - {
        f"https://example.de/jobs/{n}" for n in (4, 8, 12, RECORDS - 1)}
    assert stored_urls(database_url) == expected
    again = replay(path, database_url)  # a second replay doubles nothing and reports the same damage
    assert again.returncode == 1 and stored_urls(database_url) == expected


def test_read_spill_collects_damage_instead_of_stopping(tmp_path):
    path = damaged_spill(tmp_path)
    damaged: list[SpillDamage] = []
    read = sum(len(postings) for postings, _rejections in read_spill(path, batch_size=7, damaged=damaged))
    assert read == RECORDS - 4 and [damage.line for damage in damaged] == [5, 9, 13, RECORDS]
