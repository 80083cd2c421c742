"""Posting lifecycle: postings close when every listing that had them stops listing them, when
their ``valid_through`` date passed, or when their page answers 404/410; they reopen when seen
again (the store does that)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import and_, exists, select, update
from sqlalchemy.orm import Session

from models.tables import Posting, Sighting


def _close_postings_without_live_sightings(session: Session, now: datetime) -> int:
    live = exists().where(and_(Sighting.posting_id == Posting.id, Sighting.gone_at.is_(None)))
    result = session.execute(update(Posting).where(Posting.status == "active", ~live)
                             .values(status="closed", closed_at=now))
    return result.rowcount or 0


def close_vanished(session: Session, scope: str, walk_started_at: datetime, now: datetime) -> int:
    """After a complete walk of ``scope``: copies it no longer listed are gone; postings whose
    copies are all gone close. Returns the number of postings closed."""
    session.execute(update(Sighting).where(Sighting.scope == scope, Sighting.last_seen_at < walk_started_at,
                                           Sighting.gone_at.is_(None)).values(gone_at=now))
    return _close_postings_without_live_sightings(session, now)


def close_expired(session: Session, today: date, now: datetime) -> int:
    """Close active postings whose application deadline has passed."""
    result = session.execute(update(Posting).where(Posting.status == "active", Posting.valid_through < today)
                             .values(status="closed", closed_at=now))
    return result.rowcount or 0


def mark_gone(session: Session, urls: list[str], now: datetime) -> int:
    """Copies whose pages answered 404/410 are gone; close postings left without live copies."""
    if not urls:
        return 0
    session.execute(update(Sighting).where(Sighting.url.in_(urls), Sighting.gone_at.is_(None)).values(gone_at=now))
    return _close_postings_without_live_sightings(session, now)


def active_urls(session: Session, source: str | None = None, limit: int | None = None) -> list[tuple[str, str]]:
    """(source, url) of live copies of active postings, for rechecking."""
    statement = (select(Sighting.source, Sighting.url).join(Posting, Posting.id == Sighting.posting_id)
                 .where(Posting.status == "active", Sighting.gone_at.is_(None)).order_by(Sighting.id))
    if source:
        statement = statement.where(Sighting.source == source)
    if limit:
        statement = statement.limit(limit)
    return [(row.source, row.url) for row in session.execute(statement)]
