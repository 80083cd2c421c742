"""Export benchmark: N synthetic postings in SQLite, exported to Parquet and CSV.

    python benchmarks/bench_export.py [--rows 1000000] [--out benchmarks/results/export.json]

Fills a migrated SQLite database with ``rows`` synthetic postings (executemany, in batches),
then, each in its own subprocess: exports them to Parquet and to CSV with ``crawler.export``, and
as the baseline writes the same rows straight from an in-memory Arrow table (the Parquet export
read back) with ``pyarrow.parquet.write_table``, same compression. It records seconds and peak
resident memory of each step; peak memory comes from ``os.wait4``, which returns the rusage of
that one child (``getrusage(RUSAGE_CHILDREN)`` would give the maximum over every child so far).
CPU seconds of each timed step and the load average are recorded too: on a shared machine the
wall time of a step grows with the load, its CPU time much less. ``sqlite_fetch_floor`` only reads
the exported columns through Python's sqlite3 driver, the part no export through it can avoid.
Targets (issue 7): Parquet export peak < 600 MB, and time ≤ 3x the Arrow baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "benchmarks" / "results" / "export.json"
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


def fill_database(path: Path, rows: int, batch: int = 50_000) -> float:
    """A migrated SQLite database at ``path`` with ``rows`` synthetic postings; returns seconds."""
    from models.database import upgrade

    upgrade(f"sqlite:///{path}")
    started = time.perf_counter()
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    placeholders = ", ".join("?" for _ in _INSERT_COLUMNS)
    statement = f"INSERT INTO postings ({', '.join(_INSERT_COLUMNS)}) VALUES ({placeholders})"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    for first in range(0, rows, batch):
        # One transaction per batch, so the write-ahead log is checkpointed as it goes.
        with connection:
            connection.executemany(statement, (synthetic_row(number, start)
                                               for number in range(first, min(rows, first + batch))))
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


def _child_arrow_baseline(source: str, out: str) -> dict:
    import pyarrow.parquet as pq

    from crawler.analytics.export_writers import PARQUET_COMPRESSION

    table = pq.read_table(source)
    started, cpu_started = time.perf_counter(), time.process_time()
    pq.write_table(table, out, compression=PARQUET_COMPRESSION)
    return {"rows": table.num_rows, "seconds": round(time.perf_counter() - started, 3),
            "cpu_seconds": round(time.process_time() - cpu_started, 3)}


def bench_export(rows: int = 1_000_000, workdir: Path | None = None) -> dict:
    """Fill, export to Parquet and CSV, write the Arrow baseline; return the figures and ratios."""
    with tempfile.TemporaryDirectory(prefix="jobcrawl-bench-", dir=workdir) as folder:
        folder_path = Path(folder)
        database = folder_path / "bench.db"
        fill_seconds = fill_database(database, rows)
        parquet = _run_measured(["export", str(database), "parquet", str(folder_path / "postings.parquet")])
        baseline = _run_measured(["baseline", str(folder_path / "postings.parquet"), str(folder_path / "arrow.parquet")])
        csv = _run_measured(["export", str(database), "csv", str(folder_path / "postings.csv")])
        fetch_floor = _run_measured(["fetch", str(database)])
        sizes = {name: round((folder_path / name).stat().st_size / 1e6, 1)
                 for name in ("bench.db", "postings.parquet", "postings.csv")}
    ratio = parquet["seconds"] / baseline["seconds"] if baseline["seconds"] else None
    cpu_ratio = (parquet["cpu_seconds"] / baseline["cpu_seconds"]
                 if parquet.get("cpu_seconds") and baseline.get("cpu_seconds") else None)
    return {
        "rows": rows,
        "fill_seconds": round(fill_seconds, 1),
        "file_sizes_mb": sizes,
        "parquet_export": parquet,
        "arrow_baseline": baseline,
        "csv_export": csv,
        "sqlite_fetch_floor": fetch_floor,
        "parquet_time_ratio": round(ratio, 2) if ratio else None,
        "parquet_cpu_ratio": round(cpu_ratio, 2) if cpu_ratio else None,
        "cpu_count": os.cpu_count(),
        "load_average_at_end": [round(value, 1) for value in os.getloadavg()],
        "targets": {"parquet_peak_rss_mb_below": PEAK_MEMORY_TARGET_MB, "time_ratio_at_most": TIME_RATIO_TARGET},
        "meets_targets": bool(parquet["peak_rss_mb"] < PEAK_MEMORY_TARGET_MB and ratio is not None
                              and ratio <= TIME_RATIO_TARGET),
    }


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
    arguments = parser.parse_args()
    result = bench_export(arguments.rows)
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
