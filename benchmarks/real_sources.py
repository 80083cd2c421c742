"""Rewrite tests/real/SOURCES.md from the provenance kept in each real ad's annotation.

    python benchmarks/real_sources.py

One table row per ad (part, file, repository, path, commit, licence), grouped by repository, so
the corpus's origin can be checked at a glance and against the reserved-sources list. Only the
``provenance`` key of each annotation is read, never the expected values or the ads themselves.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

REAL_DIR = Path(__file__).resolve().parent.parent / "tests" / "real"
PARTS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22", "dev23", "dev24", "dev25", "holdout")


def provenance_rows(real_dir: Path = REAL_DIR) -> list[dict[str, str]]:
    """``{part, file, repo, path, commit, licence}`` for every annotated ad, in file order."""
    rows = []
    for part in PARTS:
        for annotation_path in sorted((real_dir / part).glob("*.json")):
            provenance = json.loads(annotation_path.read_text(encoding="utf-8")).get("provenance") or {}
            ad = next((p.name for p in annotation_path.parent.glob(annotation_path.stem + ".*")
                       if p.suffix != ".json"), annotation_path.name)
            rows.append({"part": part, "file": ad, "repo": provenance.get("repo") or "?",
                         "path": provenance.get("path") or "?", "commit": provenance.get("commit") or "",
                         "licence": provenance.get("licence") or ""})
    return rows


def render(rows: list[dict[str, str]]) -> str:
    """SOURCES.md: a count per repository, then one row per ad."""
    by_repo: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_repo[row["repo"]].append(row)
    languages = defaultdict(int)
    for row in rows:
        languages[row["file"][:2]] += 1
    lines = ["# Where the real ads come from", "",
             "Written by `python benchmarks/real_sources.py` from each annotation's `provenance`; "
             "do not edit by hand.", "",
             f"{len(rows)} ads ({', '.join(f'{n} {lang}' for lang, n in sorted(languages.items()))}); "
             + ", ".join(f"{sum(r['part'] == part for r in rows)} in {part}/" for part in PARTS) + "; "
             f"{len(by_repo)} repositories.", "",
             "| repository | ads |", "|---|---|"]
    lines += [f"| {repo} | {len(items)} |" for repo, items in sorted(by_repo.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    lines += ["", "| part | file | repository | path | commit | licence |", "|---|---|---|---|---|---|"]
    lines += [f"| {r['part']} | {r['file']} | {r['repo']} | `{r['path']}` | {r['commit'][:12]} | {r['licence']} |"
              for r in rows]
    return "\n".join(lines) + "\n"


def main() -> int:
    """Write SOURCES.md beside the corpus."""
    rows = provenance_rows()
    (REAL_DIR / "SOURCES.md").write_text(render(rows), encoding="utf-8")
    print(f"written: {REAL_DIR / 'SOURCES.md'} ({len(rows)} ads)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
