"""``jobcrawl reparse``: run the current parser over the raw archive, without the network.

Each archived copy goes through :func:`pipelines.posting_steps.posting_from_archive`: its source's
spider reads it again (``fields_from_archive``), then the crawl's own steps run in the crawl's
order (bounds, encoding repair, parse, validate), and the store writes it: changed content
updates the posting and is recorded in ``posting_versions``, so a parser fix repairs history,
while a re-parse with the parser version that crawled changes nothing.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timezone

from scrapy.spiderloader import SpiderLoader
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from crawler.parsing.posting import PARSER_VERSION
from crawler.runner import project_settings
from crawler.store.posting_store import PostingStore
from models.archive import load_document
from models.tables import Document, Sighting
from pipelines.parse_pool import ParseTimeout, parse_budget
from pipelines.posting_steps import posting_from_archive

BATCH_SIZE = 200


@dataclass
class ReparseResult:
    read: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    rejected: int = 0


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def reparse(engine: Engine, since: date | None = None, source: str | None = None) -> ReparseResult:
    """Re-parse archived copies (seen on or after ``since``, from ``source``) into their postings."""
    settings = project_settings()
    loader = SpiderLoader.from_settings(settings)
    budget = settings.getfloat("JOBCRAWL_PARSE_BUDGET_SECONDS", 0.0)
    store = PostingStore(engine, parser_version=PARSER_VERSION)
    result = ReparseResult()
    statement = (select(Sighting.id, Sighting.source, Sighting.source_id, Sighting.url, Sighting.last_seen_at,
                        Sighting.document_sha256, Document.content_type)
                 .join(Document, Document.sha256 == Sighting.document_sha256).order_by(Sighting.id))
    if source:
        statement = statement.where(Sighting.source == source)
    if since:
        statement = statement.where(Sighting.last_seen_at >= datetime.combine(since, datetime.min.time()))
    with engine.connect() as connection:
        rows = connection.execute(statement).all()
    batch: list[dict] = []
    for row in rows:
        try:
            spider_class = loader.load(row.source)
        except KeyError:
            result.skipped += 1
            continue
        with Session(engine) as session:
            body = load_document(session, row.document_sha256)
        if not body:
            result.skipped += 1
            continue
        crawled_at = _as_utc(row.last_seen_at)
        try:
            with parse_budget(budget):  # the crawl's per-ad budget: a hostile copy cannot stall the re-parse
                archived = posting_from_archive(spider_class, body, row.url, row.content_type, crawled_at,
                                                source=row.source, source_id=row.source_id)
        except ParseTimeout:
            result.read += 1
            result.rejected += 1
            continue
        if archived.posting is None and archived.rejection is None:
            result.skipped += 1
            continue
        result.read += 1
        if archived.rejection:
            result.rejected += 1
            continue
        item = archived.posting
        payload = dataclasses.asdict(item)
        payload.update(raw_page=body, raw_content_type=row.content_type)
        batch.append(payload)
        if len(batch) >= BATCH_SIZE:
            _write(store, batch, result)
            batch = []
    if batch:
        _write(store, batch, result)
    return result


def _write(store: PostingStore, batch: list[dict], result: ReparseResult) -> None:
    written = store.write(batch, reparse=True)
    result.updated += written.updated_postings
    result.unchanged += written.unchanged
