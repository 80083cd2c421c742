"""Matching quality of a store change without the crawl's timing (issue 15): the eval corpus's
pages, as a crawl stored them, parsed once and written in fixed batches through this checkout's
``PostingStore`` and through other checkouts', then compared copy by copy and scored.

    python benchmarks/eval_dedupe.py --keep /tmp/eval.db      # a crawl of the corpus, kept
    python -m benchmarks.bench_store_replay /tmp/eval.db [--tree OTHER_CHECKOUT ...] [--batch 200]

``make eval-dedupe`` crawls the corpus: which copies share a batch depends on timing, and so do a
few merges (two runs of one checkout differed by up to 0.004 in recall). Here every checkout gets
the same parsed postings in the same batches: the same code gives the same posting for every copy,
so a difference is the change's. Each checkout writes in a child process of its own (its own
``PYTHONPATH``) into a fresh SQLite database; the pages are parsed by this checkout.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.measure import REPO_ROOT

_PARSE = """
import dataclasses, pickle, sys
from datetime import timezone
from scrapy.spiderloader import SpiderLoader
from sqlalchemy import select
from sqlalchemy.orm import Session
from crawler.runner import project_settings
from models.archive import load_document
from models.database import get_engine
from models.tables import Document, Sighting
from pipelines.posting_steps import posting_from_archive
engine = get_engine(f"sqlite:///{sys.argv[1]}")
loader = SpiderLoader.from_settings(project_settings())
statement = (select(Sighting.source, Sighting.source_id, Sighting.url, Sighting.first_seen_at,
                    Sighting.document_sha256, Document.content_type)
             .join(Document, Document.sha256 == Sighting.document_sha256).order_by(Sighting.id))
postings = []
with Session(engine) as session:
    for row in session.execute(statement).all():
        archived = posting_from_archive(loader.load(row.source), load_document(session, row.document_sha256),
                                        row.url, row.content_type, row.first_seen_at.replace(tzinfo=timezone.utc),
                                        source=row.source, source_id=row.source_id)
        if archived.posting is not None:
            postings.append(dataclasses.asdict(archived.posting))
pickle.dump(postings, open(sys.argv[2], "wb"))
"""

_WRITE = """
import hashlib, json, pickle, sys
from sqlalchemy import select
from crawler.store.posting_store import PostingStore
from models.database import get_engine, upgrade
from models.tables import Sighting
url = f"sqlite:///{sys.argv[1]}"
upgrade(url)
postings, batch = pickle.load(open(sys.argv[2], "rb")), int(sys.argv[4])
store = PostingStore(get_engine(url), parser_version="replay")
for start in range(0, len(postings), batch):
    store.write([dict(posting) for posting in postings[start:start + batch]])
with get_engine(url).connect() as connection:
    rows = connection.execute(select(Sighting.url, Sighting.posting_id, Sighting.match_method)).all()
    tables = {}
    for table in TABLES:
        if connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).first() is None:
            continue
        content = sorted(map(repr, connection.exec_driver_sql(f"SELECT * FROM {table}").all()))
        tables[table] = [len(content), hashlib.sha256("\\n".join(content).encode()).hexdigest()]
    # Which level holds a band depends on nothing but the sighting ids: all levels together.
    bands = sorted(map(repr, connection.exec_driver_sql(" UNION ALL ".join(
        f"SELECT band_key, sighting_id FROM {table}" for table in BAND_TABLES
        if connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).first())).all()))
    tables["bands"] = [len(bands), hashlib.sha256("\\n".join(bands).encode()).hexdigest()]
json.dump({"clustering": {row.url: [row.posting_id, row.match_method] for row in rows}, "tables": tables},
          open(sys.argv[3], "w"))
"""
TABLES = ("postings", "sightings", "posting_skills", "posting_versions", "sighting_title_variants")
"""Tables compared row by row (as digests) between checkouts; the band rows apart, all levels as one."""
BAND_TABLES = ("sighting_text_bands", "sighting_text_bands_level0", "sighting_text_bands_level1",
               "sighting_text_bands_level2")


def _run(code: str, arguments: list[str], tree: Path) -> None:
    done = subprocess.run([sys.executable, "-c", code, *arguments], cwd=tree, env={"PYTHONPATH": str(tree)},
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{tree}: {done.stderr[-2000:]}")


def replay(kept_database: Path, trees: list[Path], batch: int = 200) -> dict:
    """Each checkout's clustering of the kept crawl's pages, compared with this checkout's and scored."""
    from benchmarks.dedupe_corpus import DEFAULT_DIR, DEFAULT_PAGES, ensure_corpus
    from benchmarks.eval_dedupe import read_database, score

    labels = ensure_corpus(DEFAULT_DIR, DEFAULT_PAGES)
    report: dict = {"database": str(kept_database), "batch": batch, "checkouts": {}}
    with tempfile.TemporaryDirectory(prefix="jobcrawl-store-replay-") as name:
        folder = Path(name)
        parsed = folder / "postings.pickle"
        _run(_PARSE, [str(kept_database), str(parsed)], REPO_ROOT)
        report["copies"] = len(pickle.loads(parsed.read_bytes()))
        clusterings, contents = {}, {}
        for number, tree in enumerate([REPO_ROOT, *trees]):
            database, clustering = folder / f"replay-{number}.db", folder / f"replay-{number}.json"
            _run(f"TABLES = {TABLES!r}\nBAND_TABLES = {BAND_TABLES!r}\n{_WRITE}",
                 [str(database), str(parsed), str(clustering), str(batch)], tree)
            written = json.loads(clustering.read_text())
            clusterings[str(tree)], contents[str(tree)] = written["clustering"], written["tables"]
            scores = score(labels, read_database(f"sqlite:///{database}"))
            report["checkouts"][str(tree)] = {
                "postings": len({posting_id for posting_id, _method in clusterings[str(tree)].values()}),
                "precision": scores["pairwise"]["precision"], "recall": scores["pairwise"]["recall"],
                "agency_copies": {key: scores["agency_copies"][key] for key in ("precision", "recall")},
                "agency_named": {key: scores["agency_named"][key] for key in ("precision", "recall")}}
        this = clusterings[str(REPO_ROOT)]
        for tree in trees:
            other = clusterings[str(tree)]
            report["checkouts"][str(tree)]["copies_differing"] = sum(other.get(url) != value for url, value in this.items())
            report["checkouts"][str(tree)]["tables_differing"] = sorted(
                table for table in contents[str(REPO_ROOT)].keys() | contents[str(tree)].keys()
                if contents[str(REPO_ROOT)].get(table) != contents[str(tree)].get(table))
        report["tables"] = contents[str(REPO_ROOT)]
    return report


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="replay a kept eval-dedupe crawl through the store in fixed batches")
    parser.add_argument("database", type=Path, help="SQLite database kept by eval_dedupe.py --keep")
    parser.add_argument("--tree", action="append", type=Path, default=[], help="another checkout to compare")
    parser.add_argument("--batch", type=int, default=200)
    arguments = parser.parse_args()
    print(json.dumps(replay(arguments.database, arguments.tree, arguments.batch), indent=1))
