"""Batched writes of postings, sightings and rejections, on SQLite and PostgreSQL alike.

Each batch runs in one transaction: sightings already known are touched (``last_seen_at``) and,
when their content changed, their posting is updated; new copies get a posting and a sighting.
The unique constraints on ``sightings`` make concurrent writers safe: a sighting that another
writer inserted first is treated as known, and the posting made for it is removed again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Iterable

from sqlalchemy import Engine, delete, insert, or_, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from crawler.items import SCHEMA_FIELDS
from models.tables import Posting, PostingSkill, RejectedItem, Sighting

# Fields that change by themselves while the ad stays the same ("3 days ago" moves daily).
_VOLATILE_FIELDS = frozenset({"crawled_at", "date_posted", "date_posted_raw"})
POSTING_COLUMNS = tuple(name for name in SCHEMA_FIELDS)


@dataclass
class BatchResult:
    """What one batch did."""

    new_postings: int = 0
    updated_postings: int = 0
    unchanged: int = 0
    rejected: int = 0


def _json_default(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def content_hash(posting: dict[str, Any]) -> str:
    """A stable hash of a posting's content, blind to the fields that drift by themselves."""
    content = {key: posting.get(key) for key in POSTING_COLUMNS if key not in _VOLATILE_FIELDS}
    encoded = json.dumps(content, sort_keys=True, default=_json_default, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _insert(engine_dialect: str, table):
    return (postgresql.insert if engine_dialect == "postgresql" else sqlite.insert)(table)


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


class PostingStore:
    """Writes batches of parsed postings and rejections to the database."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect = engine.dialect.name

    def _existing_sightings(self, session: Session, postings: list[dict[str, Any]]) -> dict[tuple, Sighting]:
        by_id = {(p["source"], p["source_id"]) for p in postings if p.get("source_id")}
        by_url = {(p["source"], p["url"]) for p in postings}
        conditions = []
        if by_id:
            conditions.append(tuple_(Sighting.source, Sighting.source_id).in_(list(by_id)))
        conditions.append(tuple_(Sighting.source, Sighting.url).in_(list(by_url)))
        found: dict[tuple, Sighting] = {}
        for sighting in session.scalars(select(Sighting).where(or_(*conditions))):
            if sighting.source_id:
                found[("id", sighting.source, sighting.source_id)] = sighting
            found[("url", sighting.source, sighting.url)] = sighting
        return found

    @staticmethod
    def _lookup(found: dict[tuple, Sighting], posting: dict[str, Any]) -> Sighting | None:
        if posting.get("source_id"):
            sighting = found.get(("id", posting["source"], posting["source_id"]))
            if sighting is not None:
                return sighting
        return found.get(("url", posting["source"], posting["url"]))

    def write(self, postings: list[dict[str, Any]], rejections: Iterable[dict[str, Any]] = (),
              crawl_run_id: int | None = None) -> BatchResult:
        """Store one batch in one transaction; returns what changed."""
        result = BatchResult()
        rejections = list(rejections)
        with Session(self.engine) as session, session.begin():
            session.connection(execution_options={"sqlite_write": True})
            if postings:
                self._write_postings(session, postings, crawl_run_id, result)
            if rejections:
                now = datetime.now(timezone.utc)
                session.execute(insert(RejectedItem), [
                    {"crawl_run_id": crawl_run_id, "source": r["source"], "url": r.get("url"),
                     "reason": r["reason"], "payload": r.get("payload"), "rejected_at": now}
                    for r in rejections
                ])
                result.rejected = len(rejections)
        return result

    def _write_postings(self, session: Session, postings: list[dict[str, Any]],
                        crawl_run_id: int | None, result: BatchResult) -> None:
        found = self._existing_sightings(session, postings)
        touched_sightings: list[dict[str, Any]] = []
        touched_postings: dict[int, datetime] = {}
        changed: list[tuple[Sighting, dict[str, Any], str]] = []
        fresh: list[tuple[dict[str, Any], str]] = []
        for posting in postings:
            digest = content_hash(posting)
            seen_at = _as_utc(posting["crawled_at"])
            sighting = self._lookup(found, posting)
            if sighting is None:
                fresh.append((posting, digest))
                continue
            touched_sightings.append({"id": sighting.id, "last_seen_at": seen_at, "content_hash": digest,
                                      "crawl_run_id": crawl_run_id})
            touched_postings[sighting.posting_id] = seen_at
            if sighting.content_hash != digest:
                changed.append((sighting, posting, digest))
            else:
                result.unchanged += 1
        if touched_sightings:
            session.execute(update(Sighting), touched_sightings)
            session.execute(update(Posting), [
                {"id": posting_id, "last_seen_at": seen_at} for posting_id, seen_at in touched_postings.items()
            ])
        for sighting, posting, _digest in changed:
            values = {key: posting.get(key) for key in POSTING_COLUMNS if key not in ("source", "source_id", "url")}
            session.execute(update(Posting).where(Posting.id == sighting.posting_id).values(**values))
            self._replace_skills(session, sighting.posting_id, posting.get("skills") or [])
            result.updated_postings += 1
        if fresh:
            self._insert_fresh(session, fresh, crawl_run_id, result)

    def _insert_fresh(self, session: Session, fresh: list[tuple[dict[str, Any], str]],
                      crawl_run_id: int | None, result: BatchResult) -> None:
        rows = []
        for posting, _digest in fresh:
            seen_at = _as_utc(posting["crawled_at"])
            row = {key: posting.get(key) for key in POSTING_COLUMNS}
            row.update(first_seen_at=seen_at, last_seen_at=seen_at, status="active")
            rows.append(row)
        posting_ids = session.scalars(
            insert(Posting).returning(Posting.id, sort_by_parameter_order=True), rows
        ).all()
        orphans = []
        for (posting, digest), posting_id in zip(fresh, posting_ids):
            seen_at = _as_utc(posting["crawled_at"])
            statement = _insert(self.dialect, Sighting).values(
                source=posting["source"], source_id=posting.get("source_id"), url=posting["url"],
                posting_id=posting_id, content_hash=digest, first_seen_at=seen_at,
                last_seen_at=seen_at, match_method="new", crawl_run_id=crawl_run_id,
            ).on_conflict_do_nothing().returning(Sighting.id)
            if session.execute(statement).first() is None:
                # Another writer stored this copy between our lookup and now.
                orphans.append(posting_id)
                continue
            self._replace_skills(session, posting_id, posting.get("skills") or [], fresh=True)
            result.new_postings += 1
        if orphans:
            session.execute(delete(Posting).where(Posting.id.in_(orphans)))
            result.unchanged += len(orphans)

    @staticmethod
    def _replace_skills(session: Session, posting_id: int, skills: list[str], fresh: bool = False) -> None:
        if not fresh:
            session.execute(delete(PostingSkill).where(PostingSkill.posting_id == posting_id))
        if skills:
            session.execute(insert(PostingSkill), [
                {"posting_id": posting_id, "skill": skill} for skill in dict.fromkeys(skills)
            ])
