"""CPU per ad of the encoding step with and without the ftfy fast path, on the real ads.

    python -m benchmarks.ftfy_fast_path [--repetitions N] [--out PATH]

Every real ad (tests/real/*/) as the crawl hands it to the encoding step: a saved page read by the
structured-data reader (its fields), a Markdown or text ad as its description. The step
(``pipelines.posting_steps.repaired_fields``) runs over all of them with the fast path (the code
as it is) and without it (``repair_field`` as it was: ``ftfy.fix_text`` on every HTML field), in
one process, the two alternated in each repetition (A B, B A, …), timed with
``time.process_time``; also ftfy's part alone (``ftfy.fix_text`` against ``ftfy_fixed`` on the
HTML fields), and that both ways give the same fields. Writes
benchmarks/results/ftfy_fast_path.json.
"""

from __future__ import annotations

import argparse
import pathlib
import os
import platform
import time
from datetime import datetime, timezone
from typing import Any, Callable

import ftfy
from ftfy import fixes

from benchmarks.measure import REPO_ROOT, RESULTS, median, write_json

REAL_PARTS = ("dev", "dev2", "dev3", "holdout")
PAGE_URL = "https://example.org/job/1"


def real_ads() -> list[dict[str, Any]]:
    """The fields of every real ad, as the encoding step receives them."""
    from crawler.sources.jsonld import PageReader

    crawled_at = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)
    ads = []
    for part in REAL_PARTS:
        for path in sorted((REPO_ROOT / "tests" / "real" / part).iterdir()):
            if path.suffix == ".html":
                reading = PageReader.read_page(path.read_bytes(), PAGE_URL, "text/html; charset=utf-8", crawled_at,
                                                 frozenset({"https://example.org"}))
                ads.extend(fields for _url, fields in reading.postings)
            elif path.suffix in (".md", ".txt"):
                ads.append({"description": path.read_text(encoding="utf-8")})
    return ads


def repair_field_without_fast_path(value: str) -> str:
    """``pipelines.posting_steps.repair_field`` before the fast path."""
    from crawler.parsing.text import looks_like_html, repair_text

    if "<" in value and looks_like_html(value):
        return ftfy.fix_text(value, unescape_html=False)
    return repair_text(value)


def cpu_seconds(ads: list[dict[str, Any]], repair_field: Callable[[str], str]) -> float:
    """CPU seconds of the encoding step over all ads with this ``repair_field``."""
    from pipelines import posting_steps

    current = posting_steps.repair_field
    posting_steps.repair_field = repair_field
    try:
        started = time.process_time()
        for fields in ads:
            posting_steps.repaired_fields(fields)
        return time.process_time() - started
    finally:
        posting_steps.repair_field = current


def cpu_seconds_of_ftfy(html_fields: list[str], fix: Callable[[str], str]) -> float:
    """CPU seconds of ``fix`` over the HTML fields alone (the part of the step ftfy did)."""
    started = time.process_time()
    for value in html_fields:
        fix(value)
    return time.process_time() - started


def bench_ftfy_fast_path(repetitions: int = 7) -> dict[str, Any]:
    from crawler.parsing.text import looks_like_html
    from pipelines import posting_steps
    from pipelines.ftfy_fast_path import ftfy_fixed, steps_that_may_change

    ads = real_ads()
    html_fields = [value for fields in ads for value in fields.values()
                   if isinstance(value, str) and "<" in value and looks_like_html(value)]
    decisions = {"skipped": 0, "quotes_uncurled": 0, "ftfy": 0}
    for value in html_fields:
        steps = steps_that_may_change(value)
        if steps == frozenset():
            decisions["skipped"] += 1
        elif steps == {"uncurl_quotes"} and steps_that_may_change(fixes.uncurl_quotes(value)) == frozenset():
            decisions["quotes_uncurled"] += 1
        else:
            decisions["ftfy"] += 1
    fast_path = posting_steps.repair_field
    same = all(posting_steps.repaired_fields(fields) == _repaired_without(fields) for fields in ads)
    cpu_seconds(ads, fast_path), cpu_seconds(ads, repair_field_without_fast_path)  # warm-up
    load_at_start = [round(value, 1) for value in os.getloadavg()]
    timings: dict[str, list[float]] = {"with": [], "without": []}
    field_timings: dict[str, list[float]] = {"with": [], "without": []}
    ftfy_call = lambda value: ftfy.fix_text(value, unescape_html=False)  # noqa: E731 — the call as it was
    for repetition in range(repetitions):
        order = (("with", fast_path, ftfy_fixed), ("without", repair_field_without_fast_path, ftfy_call))
        for name, repair_field, fix in order if repetition % 2 == 0 else order[::-1]:
            timings[name].append(cpu_seconds(ads, repair_field))
            field_timings[name].append(cpu_seconds_of_ftfy(html_fields, fix))
    per_ad_us = {name: [seconds / len(ads) * 1e6 for seconds in values] for name, values in timings.items()}
    per_field_us = {name: [seconds / len(html_fields) * 1e6 for seconds in values]
                    for name, values in field_timings.items()}
    ratios = [without / with_ for with_, without in zip(timings["with"], timings["without"])]
    field_ratios = [without / with_ for with_, without in zip(field_timings["with"], field_timings["without"])]
    return {
        "ads": len(ads),
        "html_fields": len(html_fields),
        "html_field_mean_chars": round(sum(map(len, html_fields)) / max(len(html_fields), 1)),
        "html_field_decisions": decisions,
        "same_fields_with_and_without": same,
        "repetitions": repetitions,
        "cpu_us_per_ad": {name: round(median(values), 1) for name, values in per_ad_us.items()},
        "cpu_us_per_ad_runs": {name: [round(value, 1) for value in values] for name, values in per_ad_us.items()},
        "speedup": round(median(ratios), 2),
        "speedup_runs": [round(ratio, 2) for ratio in ratios],
        "cpu_us_per_html_field": {name: round(median(values), 1) for name, values in per_field_us.items()},
        "html_field_speedup": round(median(field_ratios), 2),
        "html_field_speedup_runs": [round(ratio, 2) for ratio in field_ratios],
        "load_average_at_start": load_at_start,
        "load_average_at_end": [round(value, 1) for value in os.getloadavg()],
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "ftfy": ftfy.__version__,
        "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def _repaired_without(fields: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    from pipelines import posting_steps

    current = posting_steps.repair_field
    posting_steps.repair_field = repair_field_without_fast_path
    try:
        return posting_steps.repaired_fields(fields)
    finally:
        posting_steps.repair_field = current


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repetitions", type=int, default=7)
    parser.add_argument("--out", default=str(RESULTS / "ftfy_fast_path.json"))
    arguments = parser.parse_args()
    report = bench_ftfy_fast_path(arguments.repetitions)
    write_json(pathlib.Path(arguments.out), report)
    print(f"{report['ads']} real ads ({report['html_fields']} HTML fields: {report['html_field_decisions']}): "
          f"{report['cpu_us_per_ad']['without']} -> {report['cpu_us_per_ad']['with']} us CPU per ad, "
          f"{report['speedup']}x (median of {report['repetitions']}, runs {report['speedup_runs']}); per HTML field "
          f"{report['cpu_us_per_html_field']['without']} -> {report['cpu_us_per_html_field']['with']} us, "
          f"{report['html_field_speedup']}x; "
          f"same fields: {report['same_fields_with_and_without']}; load {report['load_average_at_start']}")


if __name__ == "__main__":
    main()
