"""Measure the job-ad parser against the annotated gold sets.

    python benchmarks/eval_parse.py [--gold DIR ...] [--out PATH] [--show-errors] [--repeat N]

Without ``--gold`` it scores every set in one run, each reported on its own: the written gold
sets (tests/gold/, tests/gold_dev/; see tests/gold/README.md for the annotation conventions) and
the real-ad corpus (tests/real/dev/, dev2/, dev3/, holdout/; see tests/real/README.md). Each ad is
parsed with ``crawler.parsing.posting.parse_document``; each annotated field is scored; per set
it prints per-field accuracy, the overall (micro-averaged) field accuracy, the parse speed and
the worst 10 ads, and writes them all as JSON (``{"sets": {name: report}}``). It measures and never asserts: the exit code is 0 whatever the scores are (1 only when
the parser cannot be imported or the gold set is missing).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETS = ("tests/gold", "tests/gold_dev", "tests/real/dev", "tests/real/dev2", "tests/real/dev3", "tests/real/dev4",
                "tests/real/dev5", "tests/real/dev6", "tests/real/dev7", "tests/real/dev8", "tests/real/dev9",
                "tests/real/dev10", "tests/real/dev11", "tests/real/dev12", "tests/real/dev13", "tests/real/dev14",
                "tests/real/dev15", "tests/real/dev16", "tests/real/dev17", "tests/real/dev18", "tests/real/dev19", "tests/real/dev20", "tests/real/dev21", "tests/real/dev22", "tests/real/dev23", "tests/real/dev24", "tests/real/dev25",
                "tests/real/holdout")
WORST_ADS = 10
DEFAULT_OUT = REPO_ROOT / "benchmarks" / "results" / "parse_eval.json"
MAX_ERRORS_KEPT = 200

DATE_FIELDS = {"date_posted", "valid_through", "start_date"}
NUMBER_FIELDS = {"salary_min", "salary_max", "experience_years_min"}
ITEM_LIST_FIELDS = {"responsibilities", "requirements", "benefits"}
AD_SUFFIXES = (".txt", ".html", ".md")
FIELD_ORDER = [
    "title", "title_raw", "seniority", "company", "via_agency", "city", "postal_code", "region",
    "country", "workplace_type", "employment_type", "contract_type", "salary_min", "salary_max",
    "salary_currency", "salary_period", "date_posted", "valid_through", "start_date",
    "experience_years_min", "education_level", "languages", "ad_language", "responsibilities",
    "requirements", "benefits", "skills_include", "skills_exclude", "description_contains",
    "description_excludes", "company_description_startswith",
]
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"'})


def fold_text(text: Any) -> str:
    """Whitespace collapsed and typographic quotes folded: how all strings are compared."""
    return " ".join(str(text).translate(_QUOTES).split())


def as_iso_date(value: Any) -> str | None:
    """A date, datetime or date string as ``YYYY-MM-DD`` (None stays None)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10]


def _language_key(entries: Any) -> list[tuple]:
    return sorted((e.get("language"), e.get("level")) for e in (entries or []))


def field_matches(name: str, expected: Any, got: Any) -> bool:
    """Whether the parser's value ``got`` for schema field ``name`` equals the annotation."""
    if name in DATE_FIELDS:
        return as_iso_date(expected) == as_iso_date(got)
    if name in NUMBER_FIELDS:
        if expected is None or got is None or isinstance(got, bool):
            return expected is None and got is None
        try:
            return abs(float(expected) - float(got)) <= 0.01
        except (TypeError, ValueError):
            return False
    if name == "languages":
        try:
            return _language_key(expected) == _language_key(got)
        except (AttributeError, TypeError):
            return False
    if name == "skills":
        return sorted(expected) == sorted(got or [])
    if isinstance(expected, list):
        if not isinstance(got, (list, tuple, type(None))):
            return False
        return [fold_text(item) for item in expected] == [fold_text(item) for item in got or []]
    if isinstance(expected, str):
        return isinstance(got, str) and fold_text(expected) == fold_text(got)
    return expected == got


def score_ad(expected: dict[str, Any], parsed: dict[str, Any]) -> list[tuple[str, bool, Any, Any]]:
    """One ``(field, correct, expected, got)`` per check the annotation asks for."""
    checks: list[tuple[str, bool, Any, Any]] = []
    skills = set(parsed.get("skills") or [])
    description = fold_text(parsed.get("description") or "")
    for name, want in expected.items():
        if name == "skills_include":
            missing = sorted(set(want) - skills)
            checks.append((name, not missing, want, {"missing": missing}))
        elif name == "skills_exclude":
            found = sorted(set(want) & skills)
            checks.append((name, not found, want, {"found": found}))
        elif name == "description_contains":
            for text in want:
                checks.append((name, fold_text(text) in description, text, "absent"))
        elif name == "description_excludes":
            for text in want:
                checks.append((name, fold_text(text) not in description, text, "present"))
        elif name.endswith("_count") and name[: -len("_count")] in ITEM_LIST_FIELDS:
            got = len(parsed.get(name[: -len("_count")]) or [])
            checks.append((name, got == want, want, got))
        elif name.endswith("_first") and name[: -len("_first")] in ITEM_LIST_FIELDS:
            items = parsed.get(name[: -len("_first")]) or []
            got = items[0] if items else None
            checks.append((name, got is not None and fold_text(got) == fold_text(want), want, got))
        elif name == "company_description_startswith":
            got = parsed.get("company_description")
            correct = fold_text(got or "").startswith(fold_text(want))
            checks.append((name, correct, want, (got or "")[: len(want) + 40] or None))
        else:
            got = parsed.get(name)
            checks.append((name, field_matches(name, want, got), want, _jsonable(got)))
    return checks


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def load_gold(gold_dir: Path) -> list[tuple[Path, str, dict[str, Any]]]:
    """Every ``(ad path, document text, annotation)`` in the gold directory, in name order."""
    from crawler.parsing.readable import decode_ad_bytes

    ads = []
    if not gold_dir.is_dir():
        return ads
    for path in sorted(gold_dir.iterdir()):
        if path.suffix in AD_SUFFIXES and path.with_suffix(".json").exists():
            annotation = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            # read as `jobcrawl parse PATH` reads a file (crawler.parsing.readable.decode_ad_bytes)
            ads.append((path, decode_ad_bytes(path.read_bytes()), annotation))
    return ads


def _parse_all(parse_document: Callable, ads: list) -> tuple[list, float]:
    results, started = [], time.perf_counter()
    for path, document, annotation in ads:
        try:
            parsed = parse_document(
                document,
                crawled_at=datetime.fromisoformat(annotation["crawled_at"]),
                url=annotation.get("url"),
            )
            results.append((parsed, None))
        except Exception:  # a crash is one ad's result, not the end of the measurement
            results.append((None, traceback.format_exc(limit=3)))
    return results, time.perf_counter() - started


def evaluate(parse_document: Callable, ads: list, repeat: int = 0) -> dict[str, Any]:
    """Score and time the parser on the gold ads; the report that is printed and saved."""
    results, cold_seconds = _parse_all(parse_document, ads)
    warm_seconds = [_parse_all(parse_document, ads)[1] for _ in range(repeat)]
    fields: dict[str, dict[str, int]] = {}
    errors: list[dict[str, Any]] = []
    crashes: list[dict[str, str]] = []
    for (path, _, annotation), (parsed, crash) in zip(ads, results):
        if crash:
            crashes.append({"file": path.name, "traceback": crash})
        for name, correct, want, got in score_ad(annotation["expected"], parsed or {}):
            if crash:  # a crashed parse gets nothing right, not even the expected nulls
                correct, got = False, "CRASH"
            tally = fields.setdefault(name, {"correct": 0, "total": 0})
            tally["total"] += 1
            tally["correct"] += int(correct)
            if not correct:
                errors.append({"file": path.name, "field": name, "expected": want, "got": got})
    order = {name: i for i, name in enumerate(FIELD_ORDER)}
    fields = dict(sorted(fields.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))
    for tally in fields.values():
        tally["accuracy"] = round(tally["correct"] / tally["total"], 4)
    correct = sum(t["correct"] for t in fields.values())
    total = sum(t["total"] for t in fields.values())
    per_ad: dict[str, dict[str, Any]] = {path.name: {"file": path.name, "wrong": 0, "checks": 0}
                                         for path, _, _ in ads}
    for (path, _, annotation), (parsed, crash) in zip(ads, results):
        per_ad[path.name]["checks"] = len(score_ad(annotation["expected"], parsed or {}))
    for error in errors:
        per_ad[error["file"]]["wrong"] += 1
        per_ad[error["file"]].setdefault("fields", []).append(error["field"])
    worst = sorted((ad for ad in per_ad.values() if ad["wrong"]),
                   key=lambda ad: (-ad["wrong"] / max(ad["checks"], 1), ad["file"]))[:WORST_ADS]
    timing = {"cold_seconds": round(cold_seconds, 4),
              "cold_ads_per_second": round(len(ads) / cold_seconds, 1) if cold_seconds else None}
    if warm_seconds:
        best = min(warm_seconds)
        timing.update(warm_seconds=round(best, 4),
                      warm_ads_per_second=round(len(ads) / best, 1) if best else None)
    return {"overall": round(correct / total, 4) if total else 0.0, "checks": total,
            "correct": correct, "fields": fields, "ads": len(ads), "timing": timing,
            "crashes": crashes, "worst_ads": worst, "errors_total": len(errors), "errors": errors}


def print_report(report: dict[str, Any], show_errors: bool) -> None:
    """The per-field table, overall accuracy and speed, and optionally every mismatch."""
    if show_errors:
        for error in report["errors"]:
            print(f"{error['file']}  {error['field']}\n    expected: {error['expected']!r}"
                  f"\n    got:      {error['got']!r}")
        for crash in report["crashes"]:
            print(f"{crash['file']}  CRASH\n{crash['traceback']}")
        print()
    print(f"{'field':34} {'correct':>8} {'total':>6} {'accuracy':>9}")
    for name, tally in report["fields"].items():
        print(f"{name:34} {tally['correct']:>8} {tally['total']:>6} {tally['accuracy']:>9.1%}")
    print(f"{'OVERALL (micro)':34} {report['correct']:>8} {report['checks']:>6} "
          f"{report['overall']:>9.1%}")
    timing = report["timing"]
    line = f"ads: {report['ads']}  crashes: {len(report['crashes'])}  "
    line += f"cold: {timing['cold_ads_per_second']} ads/s (incl. one-time setup)"
    if "warm_ads_per_second" in timing:
        line += f"  warm: {timing['warm_ads_per_second']} ads/s"
    print(line)
    for ad in report.get("worst_ads", []):
        print(f"  worst: {ad['file']}  {ad['wrong']}/{ad['checks']} wrong: {', '.join(ad.get('fields', []))}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, action="append",
                        help="gold set directory (repeatable; default: all four sets)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write JSON")
    parser.add_argument("--show-errors", action="store_true", help="print every mismatch")
    parser.add_argument("--repeat", type=int, default=3,
                        help="extra warm passes timed for the steady-state speed (default 3)")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(REPO_ROOT))
    try:
        from crawler.parsing.posting import parse_document
    except ImportError as exc:
        print(f"cannot import crawler.parsing.posting.parse_document: {exc}", file=sys.stderr)
        return 1
    directories = args.gold or [REPO_ROOT / name for name in DEFAULT_SETS]
    reports: dict[str, dict[str, Any]] = {}
    for directory in directories:
        ads = load_gold(directory)
        name = _set_name(directory)
        if not ads:
            print(f"{name}: no annotated ads (expected <name>.txt|html|md + .json)", file=sys.stderr)
            continue
        print(f"== {name}")
        report = evaluate(parse_document, ads, repeat=max(args.repeat, 0))
        print_report(report, args.show_errors)
        print()
        reports[name] = dict(report, errors=report["errors"][:MAX_ERRORS_KEPT])
    if not reports:
        print("no annotated ads in any gold set", file=sys.stderr)
        return 1
    if len(reports) > 1:
        print("summary: " + "  ".join(f"{name} {report['overall']:.1%}" for name, report in reports.items()))
    saved = next(iter(reports.values())) if len(reports) == 1 else {"sets": reports}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(saved, ensure_ascii=False, indent=1, default=str) + "\n",
                        encoding="utf-8")
    print(f"written: {args.out}")
    return 0


def _set_name(directory: Path) -> str:
    try:
        return str(directory.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(directory)


if __name__ == "__main__":
    sys.exit(main())
