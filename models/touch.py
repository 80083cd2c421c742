"""Incremental crawling, database side: what earlier crawls of a source saw, and touching the
copies a source still lists without fetching their pages again.

A spider asks :func:`known_copies` once when it starts: the source's stored copies with the
listing fingerprint each was fetched under, and when the last successful walk of the same listing
began. It then skips the pages whose listing entry says nothing changed and yields
:class:`crawler.items.SeenAgain` items instead, which the store hands to :func:`touch_sightings`.
When the crawl closes (after the store wrote its last batch) the spider records the fingerprints of
the pages it did fetch with :func:`record_listing_fingerprints`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Engine, case, or_, select, update
from sqlalchemy.orm import Session

from models.tables import CrawlRun, Posting, Sighting

# Bound parameters per statement stay far below SQLite's limit (32,766) and PostgreSQL's (65,535).
_CHUNK = 500
TouchKey = tuple[str | None, str, str | None]
"""``(source_id, url, listing_fingerprint)`` of one copy seen again."""


@dataclass(frozen=True)
class KnownCopies:
    """A source's stored copies, as an incremental spider needs them."""

    fingerprints: dict[str, str | None] = field(default_factory=dict)
    """``source_id`` -> the listing fingerprint the copy's page was last fetched under (or None)."""
    urls: frozenset[str] = frozenset()
    """Canonical URLs of the stored copies."""
    last_walk_started_at: datetime | None = None
    """When the newest successful crawl of the same listing scope began (UTC), if any."""


def _as_utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def known_copies(engine: Engine, source: str, scope: str | None, within_scope: bool = False) -> KnownCopies:
    """The stored copies of ``source`` (only those first found in ``scope`` when ``within_scope``:
    generic sources such as ``jsonld`` span many sites) and the start of the last successful walk
    of ``scope``."""
    with Session(engine) as session:
        fingerprints: dict[str, str | None] = {}
        urls: set[str] = set()
        statement = (select(Sighting.source_id, Sighting.url, Sighting.listing_fingerprint)
                     .where(Sighting.source == source))
        if within_scope:
            statement = statement.where(Sighting.scope == scope)
        rows = session.execute(statement)
        for row in rows:
            urls.add(row.url)
            if row.source_id:
                fingerprints[row.source_id] = row.listing_fingerprint
        started_at = None
        if scope:
            started_at = session.execute(
                select(CrawlRun.started_at).where(CrawlRun.scope == scope, CrawlRun.status == "succeeded")
                .order_by(CrawlRun.started_at.desc()).limit(1)
            ).scalar()
    return KnownCopies(fingerprints, frozenset(urls), _as_utc(started_at))


def _matching_sightings(session: Session, source: str, keys: list[TouchKey]) -> dict[TouchKey, tuple[int, int]]:
    """key -> (sighting id, posting id), by ``source_id`` first and URL second."""
    ids = [source_id for source_id, _url, _fingerprint in keys if source_id]
    urls = [url for _source_id, url, _fingerprint in keys]
    by_id: dict[str, tuple[int, int]] = {}
    by_url: dict[str, tuple[int, int]] = {}
    columns = (Sighting.id, Sighting.posting_id, Sighting.source_id, Sighting.url)
    for start in range(0, max(len(ids), len(urls)), _CHUNK):
        conditions = [Sighting.url.in_(urls[start:start + _CHUNK])]
        if ids[start:start + _CHUNK]:
            conditions.append(Sighting.source_id.in_(ids[start:start + _CHUNK]))
        for row in session.execute(select(*columns).where(Sighting.source == source, or_(*conditions))):
            if row.source_id:
                by_id[row.source_id] = (row.id, row.posting_id)
            by_url[row.url] = (row.id, row.posting_id)
    matches = {}
    for key in keys:
        source_id, url, _fingerprint = key
        found = (by_id.get(source_id) if source_id else None) or by_url.get(url)
        if found:
            matches[key] = found
    return matches


def touch_sightings(session: Session, source: str, keys: Iterable[TouchKey], seen_at: datetime,
                    crawl_run_id: int | None) -> int:
    """Mark stored copies of ``source`` as seen at ``seen_at`` without changing their content.

    Each copy's sighting gets ``last_seen_at``, the crawl run and, when the key has one, the listing
    fingerprint; a copy marked gone is live again. Its posting's ``last_seen_at`` moves forward and a
    closed posting reopens (as when the store meets a known copy). Keys that match no stored copy are
    ignored. Runs in the caller's transaction; returns the number of sightings touched.
    """
    seen_at = _as_utc(seen_at)
    keys = list(dict.fromkeys(keys))
    if not keys:
        return 0
    matches = _matching_sightings(session, source, keys)
    with_fingerprint, without_fingerprint = [], []
    touched: dict[int, None] = {}
    for key, (sighting_id, _posting_id) in matches.items():
        if sighting_id in touched:
            continue
        touched[sighting_id] = None
        values = {"id": sighting_id, "last_seen_at": seen_at, "crawl_run_id": crawl_run_id, "gone_at": None}
        if key[2]:
            with_fingerprint.append({**values, "listing_fingerprint": key[2]})
        else:
            without_fingerprint.append(values)
    # Bulk UPDATE by primary key wants the same columns in every row of one call.
    for rows in (with_fingerprint, without_fingerprint):
        if rows:
            session.execute(update(Sighting), rows)
    posting_ids = sorted({posting_id for _sighting_id, posting_id in matches.values()})
    for start in range(0, len(posting_ids), _CHUNK):
        chunk = posting_ids[start:start + _CHUNK]
        session.execute(update(Posting).where(Posting.id.in_(chunk)).values(
            last_seen_at=case((Posting.last_seen_at < seen_at, seen_at), else_=Posting.last_seen_at)))
        session.execute(update(Posting).where(Posting.id.in_(chunk), Posting.status == "closed")
                        .values(status="active", closed_at=None))
    return len(touched)


def touch_seen_again(session: Session, touches: Iterable[dict[str, Any]], crawl_run_id: int | None) -> int:
    """:func:`touch_sightings` for a batch of :class:`~crawler.items.SeenAgain` items as dicts
    (any sources; each source's copies are marked seen at the latest ``seen_at`` among them)."""
    by_source: dict[str, list[dict[str, Any]]] = {}
    for touch in touches:
        by_source.setdefault(touch["source"], []).append(touch)
    touched = 0
    for source, items in by_source.items():
        seen_at = max((item["seen_at"] for item in items if item.get("seen_at")), default=datetime.now(timezone.utc))
        keys = [(item.get("source_id"), item["url"], item.get("listing_fingerprint")) for item in items]
        touched += touch_sightings(session, source, keys, seen_at, crawl_run_id)
    return touched


def record_listing_fingerprints(engine: Engine, source: str, keys: Iterable[TouchKey]) -> int:
    """Store the listing fingerprint each fetched copy of ``source`` was fetched under.

    Called once at the end of a crawl, when the store has written every posting; keys whose copy
    was not stored (rejected, or the store failed) are ignored. Returns the number of sightings set.
    """
    keys = [key for key in dict.fromkeys(keys) if key[2]]
    if not keys:
        return 0
    with Session(engine) as session, session.begin():
        session.connection(execution_options={"sqlite_write": True})
        matches = _matching_sightings(session, source, keys)
        rows = {sighting_id: {"id": sighting_id, "listing_fingerprint": key[2]}
                for key, (sighting_id, _posting_id) in matches.items()}
        if rows:
            session.execute(update(Sighting), list(rows.values()))
    return len(rows)
