"""Occupation coding accuracy on tests/occupations/eval_set.csv (hand-coded ISCO-08), and speed.

Reports, for the `dev` rows (rules may be tuned on them), the `holdout` rows (scored only after a
change is finished) and all rows: top-1 accuracy at ISCO 4, 3, 2 and 1 digits (a null counts as
wrong), coverage (share not null), the readings at confidence 0.9 or more and how many of them are
wrong, accuracy per major group and per language; and classifications
per second on one core after loading (per CPU second and per wall second). Writes
benchmarks/results/occupation_eval.json.

`--no-lexicon` scores with the title lexicon switched off (the path titles the lexicon does not know
take, which independent sets take far more often than dev); `--id-prefix en_adz_ de_hf_` scores only
the rows whose id starts so (a new batch on arrival). Either prints the dev part only and writes
nothing. `--probe` scores tests/occupations/unseen_probe.csv instead (common titles outside the set,
coded by hand before any rule was written for them; titles only, no ad text) and
tests/occupations/unseen_probe_ads.csv (from batch 8 on: titles with their ad's text, which
`--titles-only` leaves out), and prints its figures and misses; `--batch 4` (or `--batch 1 2 3`)
scores only those batches of it (a row's batch is the number its notes open with, "batch 3, ...";
rows without one are the first batch).

Only the dev part lists its misses by title. The holdout part, and "all" (which contains it), report
counts only: a holdout row's title, gold code or prediction is never written or printed, so rules
cannot be fitted to it, knowingly or not.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.occupations.classify import classify_occupation  # noqa: E402
from crawler.occupations.index import load_index  # noqa: E402

EVAL_SET = ROOT / "tests" / "occupations" / "eval_set.csv"
UNSEEN_PROBE = ROOT / "tests" / "occupations" / "unseen_probe.csv"
# Probe rows that carry their ad's text (from batch 8 on): scored with it, or without it by --titles-only.
UNSEEN_PROBE_ADS = ROOT / "tests" / "occupations" / "unseen_probe_ads.csv"
RESULT = ROOT / "benchmarks" / "results" / "occupation_eval.json"
# A reading at this confidence or more is one an analyst may take as sure.
SURE_CONFIDENCE = 0.9


def evaluate(rows: list[dict], list_misses: bool = False) -> dict:
    """Accuracy at each ISCO level, coverage and per-group accuracy for the rows given; with
    `list_misses`, also each wrong or null row's title, gold code and prediction (dev rows only)."""
    hits = {digits: 0 for digits in (4, 3, 2, 1)}
    covered = 0
    sure = sure_wrong = 0
    by_group: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_group_isco2: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    methods: dict[str, int] = defaultdict(int)
    by_language: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for row in rows:
        result = classify_occupation(row["title"], row["description"], row["language"])
        predicted = result.isco_code if result else ""
        covered += bool(result)
        methods[result.method if result else "null"] += 1
        for digits in hits:
            hits[digits] += bool(predicted) and predicted[:digits] == row["isco_code"][:digits]
        correct = predicted == row["isco_code"]
        if result is not None and result.confidence >= SURE_CONFIDENCE:
            sure += 1
            sure_wrong += not correct
        by_group[row["isco_code"][0]][0] += correct
        by_group[row["isco_code"][0]][1] += 1
        by_group_isco2[row["isco_code"][0]][0] += bool(predicted) and predicted[:2] == row["isco_code"][:2]
        by_group_isco2[row["isco_code"][0]][1] += 1
        by_language[row["language"]][0] += correct
        by_language[row["language"]][1] += 1
        if list_misses and not correct:
            misses.append({"title": row["title"], "gold": row["isco_code"], "predicted": predicted,
                           "label": result.esco_label if result else None})
    count = len(rows)
    report = {
        "rows": count,
        "accuracy": {f"isco{d}": round(hits[d] / count, 3) for d in hits},
        "coverage": round(covered / count, 3),
        # Readings at confidence 0.9 or more, and how many of them are wrong at 4 digits.
        "sure_readings": {"rows": sure, "wrong_isco4": sure_wrong},
        "accuracy_isco4_by_major_group": {g: {"accuracy": round(c / n, 3), "rows": n} for g, (c, n) in sorted(by_group.items())},
        "accuracy_isco2_by_major_group": {g: {"accuracy": round(c / n, 3), "rows": n}
                                          for g, (c, n) in sorted(by_group_isco2.items())},
        "methods": dict(sorted(methods.items())),
        "accuracy_isco4_by_language": {l: {"accuracy": round(c / n, 3), "rows": n} for l, (c, n) in sorted(by_language.items())},
    }
    if list_misses:
        report["misses"] = misses
    return report


def speed(rows: list[dict], repeats: int = 20) -> dict:
    """Classifications per second, titles with descriptions, index already loaded: per second of
    this process's CPU time (one core's speed, whatever else the machine runs) and of wall time.

    The index keeps recent searches (titles repeat in a crawl); it is emptied before each pass so
    that every pass searches every title afresh.
    """
    index = load_index()
    cpu = wall = 0.0
    for _ in range(repeats):
        index.forget_recent_searches()
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        for row in rows:
            classify_occupation(row["title"], row["description"], row["language"])
        cpu += time.process_time() - cpu_start
        wall += time.perf_counter() - wall_start
    count = repeats * len(rows)
    return {"per_cpu_second": round(count / cpu, 1), "per_wall_second": round(count / wall, 1)}


def probe_batch(row: dict) -> int:
    """The probe batch a row of unseen_probe.csv belongs to: its notes open "batch N, ..." from the
    second batch on; the first batch's rows carry no marker."""
    notes = row["notes"].strip()
    if notes.startswith("batch "):
        return int(notes.split()[1].rstrip(",;"))
    return 1


def load_probe(titles_only: bool = False) -> list[dict]:
    """The probe rows: unseen_probe.csv's titles (no ad text) and unseen_probe_ads.csv's titles with
    their ad text (left out with `titles_only`)."""
    probe = [dict(row, description="") for row in csv.DictReader(UNSEEN_PROBE.open(encoding="utf-8"))]
    if UNSEEN_PROBE_ADS.exists():
        probe += [dict(row, description="" if titles_only else row["description"])
                  for row in csv.DictReader(UNSEEN_PROBE_ADS.open(encoding="utf-8"))]
    return probe


def switch_off_lexicon() -> None:
    """Make every reader of the title lexicon see an empty one."""
    from crawler.occupations import classify, lexicon_reading
    from crawler.occupations.lexicon import TitleLexicon

    empty = TitleLexicon([])
    classify.load_lexicon = lexicon_reading.load_lexicon = lambda: empty


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-lexicon", action="store_true", help="score with the title lexicon switched off")
    parser.add_argument("--id-prefix", nargs="+", help="score only rows whose id starts with one of these")
    parser.add_argument("--probe", action="store_true", help="score the unseen-title probe instead")
    parser.add_argument("--batch", nargs="+", type=int, help="with --probe, score only these probe batches")
    parser.add_argument("--titles-only", action="store_true",
                        help="with --probe, leave out the ad text the rows of unseen_probe_ads.csv carry")
    arguments = parser.parse_args()
    if arguments.probe:
        if arguments.no_lexicon:
            switch_off_lexicon()
        probe = load_probe(titles_only=arguments.titles_only)
        if arguments.batch:
            probe = [row for row in probe if probe_batch(row) in arguments.batch]
        print(json.dumps(evaluate(probe, list_misses=True), indent=2, ensure_ascii=False))
        return
    rows = list(csv.DictReader(EVAL_SET.open(encoding="utf-8")))
    if arguments.no_lexicon or arguments.id_prefix:
        if arguments.no_lexicon:
            switch_off_lexicon()
        if arguments.id_prefix:
            rows = [r for r in rows if r["id"].startswith(tuple(arguments.id_prefix))]
        dev = evaluate([r for r in rows if r["split"] == "dev"], list_misses=True)
        print(json.dumps(dev, indent=2, ensure_ascii=False))
        return
    started = time.perf_counter()
    load_index()
    report = {"eval_set": str(EVAL_SET.relative_to(ROOT)), "esco_version": load_index().version,
              "load_seconds": round(time.perf_counter() - started, 2),
              "dev": evaluate([r for r in rows if r["split"] == "dev"], list_misses=True),
              "holdout": evaluate([r for r in rows if r["split"] == "holdout"]),
              "all": evaluate(rows),
              "classifications_per_second": speed(rows)}
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    # Dev misses are in the file; the printed summary leaves them out to stay short.
    summary = {k: ({key: value for key, value in v.items() if key != "misses"} if isinstance(v, dict) else v)
               for k, v in report.items()}
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
