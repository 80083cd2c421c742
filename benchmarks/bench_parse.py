"""Parse benchmark: ads per second through the whole parse step, on one core.

Every gold-set ad goes through ``parse_document`` (structured data, text cleaning, sections and
every field), after one warm-up pass that builds the lazy indexes (gazetteer, skills). The
occupation step's share of that CPU time is measured too: the crawl's parse workers are its
bottleneck on two cores, so the share bounds what occupation coding costs the crawl's pages/s.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from benchmarks.measure import REPO_ROOT, median

GOLD = REPO_ROOT / "tests" / "gold"


def bench_parse(runs: int = 5) -> dict[str, Any]:
    import crawler.parsing.posting as posting_module
    from crawler.parsing.posting import parse_document

    documents = [path.read_text(encoding="utf-8") for path in sorted(GOLD.iterdir())
                 if path.suffix in (".txt", ".html")]
    crawled_at = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)
    started = time.perf_counter()
    for document in documents:
        parse_document(document, crawled_at=crawled_at)
    cold = len(documents) / (time.perf_counter() - started)
    fill_occupation = posting_module._fill_occupation
    in_occupation = [0.0]

    def timed_fill_occupation(posting: dict[str, Any], known: dict[str, Any]) -> None:
        started = time.process_time()
        fill_occupation(posting, known)
        in_occupation[0] += time.process_time() - started

    rates, occupation_shares = [], []
    posting_module._fill_occupation = timed_fill_occupation
    try:
        for _ in range(runs):
            in_occupation[0] = 0.0
            started = time.process_time()  # CPU time of this process: ads per second per core
            for document in documents:
                parse_document(document, crawled_at=crawled_at)
            spent = time.process_time() - started
            rates.append(len(documents) / spent)
            occupation_shares.append(in_occupation[0] / spent)
    finally:
        posting_module._fill_occupation = fill_occupation
    return {"ads": len(documents), "runs": runs, "ads_per_s": round(median(rates), 1),
            "occupation_cpu_share": round(median(occupation_shares), 3),
            "cold_ads_per_s": round(cold, 1), "mean_kb": round(sum(map(len, documents)) / len(documents) / 1000, 1)}
