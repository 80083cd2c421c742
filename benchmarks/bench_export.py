"""Export benchmark: N synthetic postings in SQLite, exported to Parquet and CSV.

    python benchmarks/bench_export.py [--rows 1000000] [--out benchmarks/results/export.json] [--latest]

Fills a migrated SQLite database with ``rows`` synthetic postings (executemany, in batches),
then, each in its own subprocess: exports them to Parquet and to CSV with ``crawler.export``, and
as the baseline writes the same Parquet file with pyarrow alone (:func:`_child_arrow_baseline`):
the same rows and columns with the same types, read from the same database with Python's sqlite3
driver, converted column by column, written in row groups with the same compression — what a
short script without jobcrawl does. It records seconds and peak resident memory of each step.
CPU seconds of each timed step and the load average are recorded too: on a shared machine the
wall time of a step grows with the load, its CPU time much less. ``sqlite_fetch_floor`` only reads
the exported columns through Python's sqlite3 driver, the part no export through it can avoid;
the baseline's ``write_seconds`` is the part spent in Parquet encoding and compression.
``--latest`` also puts the figures into ``benchmarks/results/latest.json`` under ``export``, as
``make bench`` does, leaving its other sections as they are.
Targets (issue 15): Parquet export peak < 600 MB, and time ≤ 3x the Arrow baseline.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sqlite3
import sys
import tempfile
import time
from collections import deque
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "benchmarks" / "results" / "export.json"
LATEST = REPO_ROOT / "benchmarks" / "results" / "latest.json"
PEAK_MEMORY_TARGET_MB = 600
TIME_RATIO_TARGET = 3.0

_SOURCES = ("jsonld", "greenhouse", "lever", "personio", "arbeitsagentur", "stepstone")
_TITLES = ("Data Engineer", "Senior Data Scientist", "Backend Developer (Python)", "Frontend Developer",
           "Product Manager", "DevOps Engineer", "Sachbearbeiter Einkauf", "Pflegefachkraft",
           "Elektriker", "Werkstudent Controlling", "Teamleiter Finanzbuchhaltung", "IT-Administrator")
_CITIES = (("Berlin", "Berlin", "10115"), ("Hamburg", "Hamburg", "20095"), ("München", "Bayern", "80331"),
           ("Köln", "Nordrhein-Westfalen", "50667"), ("Frankfurt am Main", "Hessen", "60311"),
           ("Stuttgart", "Baden-Württemberg", "70173"), ("Leipzig", "Sachsen", "04109"))
_SKILLS = ("Python", "SQL", "AWS", "Docker", "Kubernetes", "Java", "React", "TypeScript", "Excel", "SAP",
           "Power BI", "Terraform", "Git", "Linux", "pandas", "Spark", "Azure", "GCP", "Scrum", "DATEV")
_SENTENCES = (
    "Wir suchen eine engagierte Persönlichkeit für unser wachsendes Team.",
    "You will design, build and run data pipelines that serve analysts across the company.",
    "Gemeinsam mit den Fachbereichen entwickelst du Lösungen, die wirklich genutzt werden.",
    "We offer flexible working hours, a hybrid setup and a yearly training budget.",
    "Du arbeitest eng mit Produktmanagement, Design und Betrieb zusammen.",
    "Our stack is Python, SQL and a cloud data warehouse; we review every change.",
    "Bei uns erwarten dich flache Hierarchien und kurze Entscheidungswege.",
    "You have several years of experience and enjoy mentoring colleagues.",
)
_ABOUT_US = ("Firma {} GmbH ist ein mittelständisches Familienunternehmen mit rund 800 Beschäftigten an "
             "sieben Standorten. Seit über 60 Jahren entwickeln wir Lösungen für Industrie und Handel und "
             "investieren in die Weiterbildung unserer Mitarbeitenden.")
_SENIORITIES = (None, "junior", "mid", "senior", "lead", None, "senior")
_WORKPLACES = ("onsite", "hybrid", "remote", None)
_INSERT_COLUMNS = (
    "source", "source_id", "url", "crawled_at", "title", "title_raw", "seniority", "description",
    "responsibilities", "requirements", "benefits", "skills", "languages", "experience_years_min",
    "ad_language", "company", "company_description", "via_agency", "location_raw", "city", "postal_code", "region", "country",
    "workplace_type", "employment_type", "contract_type", "salary_min", "salary_max", "salary_currency",
    "salary_period", "salary_raw", "date_posted", "first_seen_at", "last_seen_at", "status",
)


def synthetic_row(number: int, start: datetime) -> tuple:
    """One synthetic posting (values in ``_INSERT_COLUMNS`` order)."""
    source = _SOURCES[number % len(_SOURCES)]
    city, region, postal_code = _CITIES[number % len(_CITIES)]
    title = _TITLES[number % len(_TITLES)]
    seen = start + timedelta(seconds=number * 5)
    stamp = seen.strftime("%Y-%m-%d %H:%M:%S.%f")
    # Sized like the real seed ads (about 3 KB of text: description 2.5 KB, three lists of five or
    # six bullets); every ad's text differs, as real ads do, while sharing boilerplate sentences.
    description = f"Stellenangebot JC-{number:08d} bei Firma {number % 5000} GmbH. " + " ".join(
        _SENTENCES[(number * 7 + step * (1 + number % 3)) % len(_SENTENCES)] + f" ({(number * 31 + step) % 9973})"
        for step in range(30))
    skills = sorted({_SKILLS[(number * step) % len(_SKILLS)] for step in range(1, 8)})
    bullets = [f"{_SENTENCES[(number + step) % len(_SENTENCES)][:58]} ({number % 97 + step})" for step in range(6)]
    salaried = number % 5 < 2
    salary = 40_000 + (number % 40) * 1_000
    return (
        source, str(number), f"https://jobs.example.com/{source}/{number}", stamp,
        f"{title} in {city}", f"{title} (m/w/d) in {city}", _SENIORITIES[number % len(_SENIORITIES)],
        description, json.dumps(bullets), json.dumps(bullets[::-1]), json.dumps(bullets[1:]), json.dumps(skills),
        '[{"language": "de", "level": "very_good"}, {"language": "en", "level": "good"}]',
        number % 8 or None, "de", f"Firma {number % 5000} GmbH", _ABOUT_US.format(number % 5000),
        number % 7 == 0, f"{postal_code} {city}", city,
        postal_code, region, "DE", _WORKPLACES[number % len(_WORKPLACES)], "full_time", "permanent",
        salary if salaried else None, salary + 10_000 if salaried else None, "EUR" if salaried else None,
        "year" if salaried else None, f"{salary} - {salary + 10_000} EUR" if salaried else None,
        seen.date().isoformat(), stamp, stamp, "active",
    )


_FILL_START = datetime(2026, 1, 1, tzinfo=timezone.utc)


def _synthetic_rows(first: int, last: int) -> list[tuple]:
    """Postings number ``first`` to ``last`` - 1 (run in a generator process)."""
    return [synthetic_row(number, _FILL_START) for number in range(first, last)]


def fill_database(path: Path, rows: int, batch: int = 20_000) -> float:
    """A migrated SQLite database at ``path`` with ``rows`` synthetic postings; returns seconds.

    Making the rows' text in Python costs more than SQLite's inserting them, so one process per
    core makes batches while this one inserts them, at most two batches per process ahead (the
    memory stays a few batches, not the table).
    """
    from models.database import upgrade

    upgrade(f"sqlite:///{path}")
    started = time.perf_counter()
    placeholders = ", ".join("?" for _ in _INSERT_COLUMNS)
    statement = f"INSERT INTO postings ({', '.join(_INSERT_COLUMNS)}) VALUES ({placeholders})"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    bounds = [(first, min(rows, first + batch)) for first in range(0, rows, batch)]
    processes = max(1, min(os.cpu_count() or 1, len(bounds)))
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        pending = deque(pool.apply_async(_synthetic_rows, bound) for bound in bounds[:2 * processes])
        for following in bounds[2 * processes:] + [None] * len(pending):
            made = pending.popleft().get()
            if following is not None:
                pending.append(pool.apply_async(_synthetic_rows, following))
            # One transaction per batch, so the write-ahead log is checkpointed as it goes.
            with connection:
                connection.executemany(statement, made)
    connection.close()
    return time.perf_counter() - started


def _run_measured(arguments: list[str]) -> dict:
    """Run ``bench_export.py <arguments>`` in a child; its JSON answer plus its peak RSS in MB.

    The peak is sampled from /proc (see ``benchmarks.measure.run_child``): ``wait4``'s
    ``ru_maxrss`` would carry over the parent's size at fork time, which in ``make bench`` is large.
    """
    from benchmarks.measure import run_child

    child = run_child([sys.executable, str(Path(__file__).resolve()), *arguments], env={"PYTHONPATH": str(REPO_ROOT)})
    if child["returncode"] != 0:
        raise RuntimeError(f"{' '.join(arguments)} failed ({child['returncode']}): {child['stderr'][-2000:]}")
    answer = json.loads(child["stdout"])
    answer["peak_rss_mb"] = round(child["peak_rss_mb"], 1)
    return answer


def _child_export(database: str, fmt: str, out: str) -> dict:
    from crawler.export import export
    from models.database import get_engine

    engine = get_engine(f"sqlite:///{database}")
    started, cpu_started = time.perf_counter(), time.process_time()
    result = export(engine, fmt, Path(out))
    return {"rows": result.rows, "seconds": round(time.perf_counter() - started, 3),
            "cpu_seconds": round(time.process_time() - cpu_started, 3)}


def _child_fetch_floor(database: str) -> dict:
    """Only read the exported columns with sqlite3 (no conversion, no writing): the floor of any
    export that goes through Python's SQLite driver."""
    from crawler.export import EXPORT_COLUMNS

    connection = sqlite3.connect(database)
    connection.text_factory = bytes
    started, cpu_started = time.perf_counter(), time.process_time()
    cursor = connection.execute(f"SELECT {', '.join(EXPORT_COLUMNS)} FROM postings ORDER BY id")
    rows = 0
    while batch := cursor.fetchmany(10_000):
        rows += len(batch)
    return {"rows": rows, "seconds": round(time.perf_counter() - started, 3),
            "cpu_seconds": round(time.process_time() - cpu_started, 3)}


BASELINE_BATCH_ROWS = 10_000
"""Rows per fetch and row group of the baseline (the export's row groups hold about as many)."""


def _baseline_array(values: tuple, arrow_type):
    """One column of driver values as Arrow, the plain way: JSON lists by ``json.loads``, text
    dates and times by Arrow casts, 0/1 booleans through int8."""
    import pyarrow as pa

    if pa.types.is_list(arrow_type):
        return pa.array([None if value is None else json.loads(value) for value in values], arrow_type)
    if pa.types.is_timestamp(arrow_type):
        return pa.array(values, pa.string()).cast(pa.timestamp(arrow_type.unit)).cast(arrow_type)
    if pa.types.is_date(arrow_type):
        return pa.array(values, pa.string()).cast(arrow_type)
    if pa.types.is_boolean(arrow_type):
        return pa.array(values, pa.int8()).cast(arrow_type)
    return pa.array(values, arrow_type)


def _child_arrow_baseline(database: str, out: str) -> dict:
    """The baseline: the export's rows and columns, read from the same database and written with
    pyarrow alone (see the module docstring)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from crawler.analytics.export_writers import PARQUET_COMPRESSION
    from crawler.export import EXPORT_COLUMNS, arrow_schema

    schema = arrow_schema()
    connection = sqlite3.connect(database)
    started, cpu_started = time.perf_counter(), time.process_time()
    cursor = connection.execute(f"SELECT {', '.join(EXPORT_COLUMNS)} FROM postings ORDER BY id")
    rows, write_seconds = 0, 0.0
    with pq.ParquetWriter(out, schema, compression=PARQUET_COMPRESSION) as writer:
        while batch := cursor.fetchmany(BASELINE_BATCH_ROWS):
            columns = [_baseline_array(values, field.type) for values, field in zip(zip(*batch), schema)]
            record_batch = pa.RecordBatch.from_arrays(columns, schema=schema)
            write_started = time.perf_counter()
            writer.write_batch(record_batch)
            write_seconds += time.perf_counter() - write_started
            rows += len(batch)
    return {"rows": rows, "seconds": round(time.perf_counter() - started, 3),
            "cpu_seconds": round(time.process_time() - cpu_started, 3), "write_seconds": round(write_seconds, 3)}


def same_content(first: Path, second: Path) -> bool:
    """Whether two Parquet files hold the same schema and rows, compared batch by batch (memory
    stays bounded however large the files are)."""
    import pyarrow.parquet as pq

    left, right = pq.ParquetFile(first), pq.ParquetFile(second)
    if not left.schema_arrow.equals(right.schema_arrow) or left.metadata.num_rows != right.metadata.num_rows:
        return False
    return all(a.equals(b) for a, b in zip(left.iter_batches(batch_size=20_000), right.iter_batches(batch_size=20_000)))


def _median_step(runs: list[dict]) -> dict:
    """The run with the median wall time, with every run's seconds beside it."""
    chosen = dict(sorted(runs, key=lambda run: run["seconds"])[len(runs) // 2])
    chosen["all_seconds"] = [run["seconds"] for run in runs]
    chosen["peak_rss_mb"] = max(run["peak_rss_mb"] for run in runs)
    return chosen


def bench_export(rows: int = 1_000_000, workdir: Path | None = None, runs: int = 1) -> dict:
    """Fill, export to Parquet and CSV, write the Arrow baseline; return the figures and ratios.

    With ``runs`` > 1 the Parquet export and the baseline alternate (export first in odd runs,
    baseline first in even ones) and each reports its median run; the ratio is of the medians.
    """
    load_at_start = [round(value, 1) for value in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="jobcrawl-bench-", dir=workdir) as folder:
        folder_path = Path(folder)
        database = folder_path / "bench.db"
        fill_seconds = fill_database(database, rows)
        export_runs, baseline_runs = [], []
        for number in range(runs):
            steps = [("export", export_runs), ("baseline", baseline_runs)]
            for step, results in steps if number % 2 == 0 else steps[::-1]:
                if step == "export":
                    results.append(_run_measured(["export", str(database), "parquet",
                                                  str(folder_path / "postings.parquet")]))
                else:
                    results.append(_run_measured(["baseline", str(database), str(folder_path / "arrow.parquet")]))
        parquet, baseline = _median_step(export_runs), _median_step(baseline_runs)
        baseline["same_content_as_export"] = same_content(folder_path / "postings.parquet",
                                                          folder_path / "arrow.parquet")
        csv = _run_measured(["export", str(database), "csv", str(folder_path / "postings.csv")])
        fetch_floor = _run_measured(["fetch", str(database)])
        sizes = {name: round((folder_path / name).stat().st_size / 1e6, 1)
                 for name in ("bench.db", "postings.parquet", "arrow.parquet", "postings.csv")}
    ratio = parquet["seconds"] / baseline["seconds"] if baseline["seconds"] else None
    cpu_ratio = (parquet["cpu_seconds"] / baseline["cpu_seconds"]
                 if parquet.get("cpu_seconds") and baseline.get("cpu_seconds") else None)
    return {
        "rows": rows,
        "runs": runs,
        "fill_seconds": round(fill_seconds, 1),
        "file_sizes_mb": sizes,
        "parquet_export": parquet,
        "arrow_baseline": baseline,
        "csv_export": csv,
        "sqlite_fetch_floor": fetch_floor,
        "parquet_time_ratio": round(ratio, 2) if ratio else None,
        "parquet_cpu_ratio": round(cpu_ratio, 2) if cpu_ratio else None,
        "cpu_count": os.cpu_count(),
        "load_average_at_start": load_at_start,
        "load_average_at_end": [round(value, 1) for value in os.getloadavg()],
        "finished_at": datetime.now(timezone.utc).isoformat(timespec="minutes"),
        "targets": {"parquet_peak_rss_mb_below": PEAK_MEMORY_TARGET_MB, "time_ratio_at_most": TIME_RATIO_TARGET},
        "meets_targets": bool(parquet["peak_rss_mb"] < PEAK_MEMORY_TARGET_MB and ratio is not None
                              and ratio <= TIME_RATIO_TARGET),
    }


def record_latest(result: dict, latest: Path = LATEST) -> None:
    """Put ``result`` into ``latest`` (``make bench``'s results) under ``export``, in the shape
    ``benchmarks/run.py`` writes, and refresh the export targets; other sections stay as they are."""
    from benchmarks.measure import write_json
    from benchmarks.run import TARGETS, _flatten, _met

    report = json.loads(latest.read_text(encoding="utf-8")) if latest.exists() else {}
    parquet, csv, baseline = result["parquet_export"], result["csv_export"], result["arrow_baseline"]
    report["export"] = {
        "rows": result["rows"], "runs": result["runs"], "fill_seconds": result["fill_seconds"],
        "file_sizes_mb": result["file_sizes_mb"],
        "parquet": {"seconds": parquet["seconds"], "cpu_seconds": parquet["cpu_seconds"],
                    "peak_rss_mb": parquet["peak_rss_mb"], "ratio": result["parquet_time_ratio"],
                    "cpu_ratio": result["parquet_cpu_ratio"]},
        "csv": {"seconds": csv["seconds"], "peak_rss_mb": csv["peak_rss_mb"]},
        "arrow_baseline": {"seconds": baseline["seconds"], "cpu_seconds": baseline["cpu_seconds"],
                           "peak_rss_mb": baseline["peak_rss_mb"], "write_seconds": baseline["write_seconds"],
                           "same_content_as_export": baseline["same_content_as_export"]},
        "sqlite_fetch_floor": {"seconds": result["sqlite_fetch_floor"]["seconds"],
                               "cpu_seconds": result["sqlite_fetch_floor"]["cpu_seconds"]},
        "load_average": [*result["load_average_at_start"], *result["load_average_at_end"]],
        "measured_at": result.get("finished_at"),
        "source": "python benchmarks/bench_export.py --latest",
    }
    flat = _flatten(report)
    targets = report.setdefault("targets", {})
    for key, target in TARGETS.items():
        if key.startswith("export."):
            targets[key] = {"target": target, "value": flat.get(key), "met": _met(key, flat.get(key), target)}
    write_json(latest, report)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "export":
        print(json.dumps(_child_export(*sys.argv[2:5])))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "fetch":
        print(json.dumps(_child_fetch_floor(sys.argv[2])))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "baseline":
        print(json.dumps(_child_arrow_baseline(*sys.argv[2:4])))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--runs", type=int, default=1, help="alternated runs of the Parquet export and the baseline")
    parser.add_argument("--latest", action="store_true", help="also record the figures in results/latest.json")
    arguments = parser.parse_args()
    result = bench_export(arguments.rows, runs=arguments.runs)
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if arguments.latest:
        record_latest(result)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
