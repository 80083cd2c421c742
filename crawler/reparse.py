"""``jobcrawl reparse``: run the current parser over the raw archive, without the network.

Each archived copy is read again by its source's spider (``fields_from_archive``), completed by
the current parser, validated and written through the store: changed content updates the
posting and is recorded in ``posting_versions``, so a parser fix repairs history.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timezone

from scrapy.spiderloader import SpiderLoader
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from crawler.items import JobPosting
from crawler.parsing.posting import PARSER_VERSION, complete_posting
from crawler.runner import project_settings
from models.archive import load_document
from models.store import PostingStore
from models.tables import Document, Sighting
from pipelines.validate import bounded_fields, rejection_reason

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
    loader = SpiderLoader.from_settings(project_settings())
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
        crawled_at = _as_utc(row.last_seen_at)
        known = spider_class.fields_from_archive(body, row.url, row.content_type, crawled_at) if body else None
        if known is None:
            result.skipped += 1
            continue
        result.read += 1
        parsed = complete_posting(known, crawled_at=crawled_at)
        parsed.update(source=row.source, source_id=row.source_id, url=row.url, crawled_at=crawled_at)
        item = JobPosting(**parsed)
        if rejection_reason(item):
            result.rejected += 1
            continue
        bounded_fields(item)
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
