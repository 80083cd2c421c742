"""Text-only employer probe: how often the parser names the employer of ads outside the corpus.

    python benchmarks/employer_probe.py GIT_DIR PATH_PREFIX COMPANY_KEY [--out rows.json]

Reads every Markdown/HTML ad with a YAML front matter under ``PATH_PREFIX`` of the repository at
``GIT_DIR`` (its HEAD, e.g. a mirror brought by the ``fetch`` tool), keeps only the front matter's
``title`` (so the employer must come from the ad's text) and compares the company the parser finds
with the front matter's ``COMPANY_KEY``: right when either contains the other (case folded), wrong
when it differs, missing when none was found. The two probes of tests/real/README.md are
``pythonjobs/jobs`` (``jobs/``, ``company``) and ``vele616/monorepo`` (``packages/jobboard/website``,
``companyName``). A ``PATH_PREFIX`` ending in ``.json`` names a saved API answer instead, whose records'
titles and HTML descriptions are the ads (an Arbeitnow answer: ``data/bronze_jobs.json`` of
MoaviaMahmood/Arbeitnow-Jobs-ETL-Pipeline, ``company_name``). With ``--out``, each ad's ``[stated, found]`` pair is written for comparing runs.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
_FRONT_MATTER = re.compile(r"---\n(.*?)\n---\n(.*)", re.DOTALL)


def record_ads(git_dir: str, path: str, company_key: str) -> list[tuple[str, str, str]]:
    """``(slug, stated company, page)`` per record of a saved API answer at ``path`` (a JSON list, or
    an object holding it under ``data``/``jobs``/``results``), each record's ``title`` and HTML
    ``description`` made into a page of its own, without the record's other fields."""
    raw = subprocess.run(["git", "-C", git_dir, "show", f"HEAD:{path}"], capture_output=True, text=True,
                         check=True).stdout
    answer = json.loads(raw)
    records = answer if isinstance(answer, list) else next(
        (answer[key] for key in ("data", "jobs", "results") if isinstance(answer.get(key), list)), [])
    ads = []
    for index, record in enumerate(records):
        if not isinstance(record, dict) or not record.get(company_key) or not record.get("title"):
            continue
        title = html.escape(" ".join(str(record["title"]).split()))
        page = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
                f"<div>{record.get('description') or ''}</div></body></html>")
        ads.append((f"{path}#{record.get('slug') or index}", str(record[company_key]), page))
    return ads


def probe_ads(git_dir: str, prefix: str, company_key: str) -> list[tuple[str, str, str]]:
    """``(path, stated company, document with the front matter reduced to its title)`` per ad."""
    if prefix.endswith(".json"):
        return record_ads(git_dir, prefix, company_key)
    listing = subprocess.run(["git", "-C", git_dir, "ls-tree", "-r", "--name-only", "HEAD"],
                             capture_output=True, text=True, check=True).stdout.split("\n")
    ads = []
    for path in listing:
        if not path.startswith(prefix) or not path.endswith((".md", ".html")):
            continue
        raw = subprocess.run(["git", "-C", git_dir, "show", f"HEAD:{path}"], capture_output=True, text=True).stdout
        match = _FRONT_MATTER.match(raw)
        if not match:
            continue
        try:
            fields = yaml.load(match.group(1), Loader=yaml.BaseLoader)  # every value as written, no dates
        except yaml.YAMLError:
            continue
        if not isinstance(fields, dict) or not fields.get(company_key) or not fields.get("title"):
            continue
        title = " ".join(str(fields["title"]).split())
        ads.append((path, str(fields[company_key]), f"---\ntitle: {title}\n---\n{match.group(2)}"))
    return ads


def verdict(stated: str, found: str | None) -> str:
    """``right``, ``wrong`` or ``missing`` for one ad."""
    if not found:
        return "missing"
    return "right" if found.casefold() in stated.casefold() or stated.casefold() in found.casefold() else "wrong"


def main() -> int:
    """Print the tally; write the per-ad rows when asked."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("git_dir")
    parser.add_argument("prefix")
    parser.add_argument("company_key")
    parser.add_argument("--out", help="where to write {path: [stated, found]} as JSON")
    arguments = parser.parse_args()
    sys.path.insert(0, str(REPO_ROOT))
    from crawler.parsing.posting import parse_document

    crawled_at = datetime(2026, 1, 1, tzinfo=timezone.utc)
    rows = {path: [stated, parse_document(document, crawled_at=crawled_at).get("company")]
            for path, stated, document in probe_ads(arguments.git_dir, arguments.prefix, arguments.company_key)}
    tally = {"right": 0, "wrong": 0, "missing": 0}
    for stated, found in rows.values():
        tally[verdict(stated, found)] += 1
    print(f"{len(rows)} ads: right {tally['right']}, wrong {tally['wrong']}, missing {tally['missing']}")
    if arguments.out:
        Path(arguments.out).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
