"""Parse benchmark: ads per second through the whole parse step, on one core.

Every gold-set ad goes through ``parse_document`` (structured data, text cleaning, sections and
every field), after one warm-up pass that builds the lazy indexes (gazetteer, skills).
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from benchmarks.measure import REPO_ROOT, median

GOLD = REPO_ROOT / "tests" / "gold"


def bench_parse(runs: int = 5) -> dict[str, Any]:
    from crawler.parsing.posting import parse_document

    documents = [path.read_text(encoding="utf-8") for path in sorted(GOLD.iterdir())
                 if path.suffix in (".txt", ".html")]
    crawled_at = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)
    started = time.perf_counter()
    for document in documents:
        parse_document(document, crawled_at=crawled_at)
    cold = len(documents) / (time.perf_counter() - started)
    rates = []
    for _ in range(runs):
        started = time.process_time()  # CPU time of this process: ads per second per core
        for document in documents:
            parse_document(document, crawled_at=crawled_at)
        rates.append(len(documents) / (time.process_time() - started))
    return {"ads": len(documents), "runs": runs, "ads_per_s": round(median(rates), 1),
            "cold_ads_per_s": round(cold, 1), "mean_kb": round(sum(map(len, documents)) / len(documents) / 1000, 1)}
