"""Batched writes of postings, sightings and rejections, on SQLite and PostgreSQL alike.

Each batch runs in one transaction. A copy already known at its source (same source + id, or
source + URL) is touched: ``last_seen_at`` moves, a closed posting reopens, and when its content
changed the posting is updated and the change recorded in ``posting_versions``. A copy new at its
source is matched against the known jobs that may duplicate it (found by
:mod:`crawler.store.candidates`, decided by :mod:`crawler.dedupe.matcher`): it joins the posting it
matches, or starts a new posting (linked with ``repost_of`` when it re-publishes a closed job).
The unique constraints on ``sightings`` make concurrent writers safe: a copy that another writer
stored first is treated as known, and a posting made for it in vain is removed again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterable

from sqlalchemy import Engine, bindparam, delete, func, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from crawler.dedupe.bands import BatchKeys, batch_keys
from crawler.dedupe.features import MatchFeatures, features_of, posting_employer_key, title_variant_keys
from crawler.dedupe.matcher import Candidate
from crawler.items import SCHEMA_FIELDS
from crawler.store.band_levels import file_bands
from crawler.store.candidates import CANDIDATE_WINDOW_DAYS, candidate_index
from models.archive import archive_documents, document_digest
from models.tables import Posting, PostingSkill, PostingVersion, RejectedItem, Sighting
from models.touch import touch_seen_again

# Fields that change by themselves while the ad stays the same ("3 days ago" moves daily).
_VOLATILE_FIELDS = frozenset({"crawled_at", "date_posted", "date_posted_raw"})
POSTING_COLUMNS = SCHEMA_FIELDS
_IDENTITY_FIELDS = ("source", "source_id", "url")
# Fields a later copy may fill in when the posting lacks them (an agency copy has no company…).
_GAP_FIELDS = ("company", "city", "postal_code", "region", "country", "workplace_type", "employment_type",
               "contract_type", "salary_min", "salary_max", "salary_currency", "salary_period", "salary_raw",
               "date_posted", "valid_through", "start_date", "apply_url", "requisition_id", "seniority",
               "experience_years_min", "education_level")


@dataclass
class BatchResult:
    """What one batch did."""

    new_postings: int = 0
    updated_postings: int = 0
    unchanged: int = 0
    matched: int = 0
    reposts: int = 0
    rejected: int = 0
    touched: int = 0
    isolated: int = 0  # items the database refused alone, recorded as rejections instead


def _json_default(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def content_hash(posting: dict[str, Any]) -> str:
    """A stable hash of a posting's content, blind to the fields that drift by themselves."""
    content = {key: posting.get(key) for key in POSTING_COLUMNS if key not in _VOLATILE_FIELDS}
    encoded = json.dumps(content, sort_keys=True, default=_json_default, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _insert_for(dialect: str):
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


_SIGHTINGS_BY_PAIRS = {
    ("postgresql", key): text("SELECT s.id, s.source, s.source_id, s.url, s.posting_id, s.content_hash FROM sightings AS s"
                              " JOIN unnest(CAST(:sources AS TEXT[]), CAST(:keys AS TEXT[])) AS k (source, key)"
                              f" ON s.source = k.source AND s.{key} = k.key")
    for key in ("url", "source_id")
} | {
    # CROSS JOIN: SQLite keeps the pairs as the outer loop, so each pair is one search of the
    # (source, url) or (source, source_id) unique index.
    ("sqlite", key): text("SELECT s.id, s.source, s.source_id, s.url, s.posting_id, s.content_hash"
                          " FROM json_each(:pairs) AS k CROSS JOIN sightings AS s"
                          " ON s.source = json_extract(k.value, '$[0]')"
                          f" AND s.{key} = json_extract(k.value, '$[1]')")
    for key in ("url", "source_id")
}
"""The sightings of a batch's (source, url) or (source, source_id) pairs in one statement, each
pair one search of the unique index: on PostgreSQL one array per column (``unnest``), on SQLite
one JSON list of pairs. (As one query per source with ``source = ? AND url IN (…)``, SQLite took
some 20 round trips a batch, each built and compiled by SQLAlchemy; a row-value IN or an OR of
such conditions made it scan the table.)"""


def _sightings_by_pairs(session: Session, key: str, pairs: Iterable[tuple[str, str]]) -> list:
    pairs = list(pairs)
    if not pairs:
        return []
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        sources, keys = zip(*pairs)
        parameters = {"sources": list(sources), "keys": list(keys)}
    else:
        parameters = {"pairs": json.dumps(pairs, ensure_ascii=False)}
    return session.execute(_SIGHTINGS_BY_PAIRS[(dialect, key)], parameters).all()


_INSERTS = {
    ("sqlite", "sighting_title_variants"): "INSERT INTO sighting_title_variants"
                                           " (sighting_id, title_key, city_key, words_dropped) VALUES (?, ?, ?, ?)",
    ("postgresql", "sighting_title_variants"): "INSERT INTO sighting_title_variants"
                                               " (sighting_id, title_key, city_key, words_dropped)"
                                               " SELECT * FROM unnest(CAST(%s AS INTEGER[]), CAST(%s AS TEXT[]),"
                                               " CAST(%s AS TEXT[]), CAST(%s AS INTEGER[]))",
    ("sqlite", "posting_skills"): "INSERT INTO posting_skills (posting_id, skill) VALUES (?, ?)",
    ("postgresql", "posting_skills"): "INSERT INTO posting_skills (posting_id, skill)"
                                      " SELECT * FROM unnest(CAST(%s AS INTEGER[]), CAST(%s AS TEXT[]))",
}
"""INSERTs of plain rows (integers and strings only) without the per-row parameter processing of
a Core insert: some 600 variants and 1,200 skills a batch of 200 (the 7,000 band rows go in
the same way, :mod:`crawler.store.band_levels`). SQLite takes them through the driver's
executemany (a loop in C); PostgreSQL as one statement over one array per column (``unnest``):
psycopg's executemany sends and prepares each row on its own, which cost ~0.9 ms of CPU an ad for
the band rows alone. Written out for each driver's parameter style (no
SQL is assembled)."""


def postgresql_array(values: Iterable) -> str | list:
    """An array parameter for PostgreSQL: integers as the array's text (``{1,2,3}``, read by the
    statement's ``CAST``), which psycopg would otherwise check and convert one by one; any other
    values as a list."""
    values = list(values)
    if all(type(value) is int for value in values):
        return "{" + ",".join(map(str, values)) + "}"
    return values


def _insert_plain(session: Session, dialect: str, table: str, rows: list[tuple]) -> None:
    if dialect == "postgresql":
        session.connection().exec_driver_sql(_INSERTS[(dialect, table)],
                                             tuple(postgresql_array(column) for column in zip(*rows)))
        return
    session.connection().exec_driver_sql(_INSERTS[(dialect, table)], rows)


class PostingStore:
    """Writes batches of parsed postings and rejections to the database."""

    def __init__(self, engine: Engine, parser_version: str | None = None):
        self.engine = engine
        self.dialect = engine.dialect.name
        self.parser_version = parser_version

    def write(self, postings: list[dict[str, Any]], rejections: Iterable[dict[str, Any]] = (),
              crawl_run_id: int | None = None, scope: str | None = None, reparse: bool = False,
              touches: Iterable[dict[str, Any]] = ()) -> BatchResult:
        """Store one batch; one bad row never fails it (see :func:`crawler.store.storable.write_isolating`).

        Text the database refuses (NUL bytes, lone surrogates) is removed first. If the batch is
        still refused for its data (not for a lost connection), each item is written alone and
        an item refused alone is recorded as a rejection ``not storable: …`` instead.
        """
        from crawler.store.storable import write_isolating

        return write_isolating(self._write_batch, postings, list(rejections), list(touches),
                               crawl_run_id=crawl_run_id, scope=scope, reparse=reparse)

    def _write_batch(self, postings: list[dict[str, Any]], rejections: Iterable[dict[str, Any]] = (),
                     crawl_run_id: int | None = None, scope: str | None = None, reparse: bool = False,
                     touches: Iterable[dict[str, Any]] = ()) -> BatchResult:
        """Store one batch in one transaction; returns what changed.

        ``touches`` are copies seen again without a fetch (``SeenAgain`` items as dicts): their
        ``last_seen_at`` moves after the batch's postings are written.

        ``reparse=True`` re-reads known copies only: their content and parser version change,
        but not when or whether they were seen (no ``last_seen_at``, no reopening).
        """
        result = BatchResult()
        rejections = list(rejections)
        with Session(self.engine) as session, session.begin():
            session.connection(execution_options={"sqlite_write": True})
            if postings:
                self._write_postings(session, postings, crawl_run_id, scope, result, reparse)
            if rejections:
                now = datetime.now(timezone.utc)
                session.execute(insert(RejectedItem), [
                    {"crawl_run_id": crawl_run_id, "source": r["source"], "url": r.get("url"),
                     "reason": r["reason"], "payload": r.get("payload"), "rejected_at": now}
                    for r in rejections
                ])
                result.rejected = len(rejections)
            touches = list(touches)
            if touches:
                result.touched = touch_seen_again(session, touches, crawl_run_id)
        return result

    # -- known copies -----------------------------------------------------------------------

    @staticmethod
    def _existing_sightings(session: Session, postings: list[dict[str, Any]]) -> dict[tuple, Any]:
        by_id = {(p["source"], p["source_id"]) for p in postings if p.get("source_id")}
        by_url = {(p["source"], p["url"]) for p in postings}
        found: dict[tuple, Any] = {}
        rows = [*_sightings_by_pairs(session, "url", by_url), *_sightings_by_pairs(session, "source_id", by_id)]
        for row in rows:
            if row.source_id:
                found[("id", row.source, row.source_id)] = row
            found[("url", row.source, row.url)] = row
        return found

    @staticmethod
    def _lookup(found: dict[tuple, Any], posting: dict[str, Any]):
        if posting.get("source_id"):
            row = found.get(("id", posting["source"], posting["source_id"]))
            if row is not None:
                return row
        return found.get(("url", posting["source"], posting["url"]))

    def _write_postings(self, session: Session, postings: list[dict[str, Any]], crawl_run_id: int | None,
                        scope: str | None, result: BatchResult, reparse: bool = False) -> None:
        documents: dict[str, tuple[bytes, str | None]] = {}
        for posting in postings:
            raw_page = posting.pop("raw_page", None)
            content_type = posting.pop("raw_content_type", None)
            posting["_document"] = None
            if raw_page:
                digest = document_digest(raw_page)
                documents[digest] = (raw_page, content_type)
                posting["_document"] = digest
        archive_documents(session, documents)

        found = self._existing_sightings(session, postings)
        touched_sightings: list[dict[str, Any]] = []
        touched_postings: dict[int, datetime] = {}
        changed: list[tuple[Any, dict[str, Any]]] = []
        fresh: list[dict[str, Any]] = []
        for posting in postings:
            digest = content_hash(posting)
            seen_at = _as_utc(posting["crawled_at"])
            row = self._lookup(found, posting)
            if row is None:
                posting["_hash"] = digest
                fresh.append(posting)
                continue
            values = {"id": row.id, "content_hash": digest} if reparse else {
                "id": row.id, "last_seen_at": seen_at, "content_hash": digest, "crawl_run_id": crawl_run_id,
                "gone_at": None}
            if posting["_document"]:
                values.update(document_sha256=posting["_document"], parser_version=self.parser_version)
            touched_sightings.append(values)
            if not reparse:
                touched_postings[row.posting_id] = max(seen_at, touched_postings.get(row.posting_id, seen_at))
            if row.content_hash != digest:
                changed.append((row, posting))
            else:
                result.unchanged += 1
        if touched_sightings:
            session.execute(update(Sighting), touched_sightings)
        if touched_postings:
            session.execute(update(Posting), [
                {"id": posting_id, "last_seen_at": seen_at} for posting_id, seen_at in touched_postings.items()
            ])
            session.execute(update(Posting).where(Posting.id.in_(list(touched_postings)), Posting.status == "closed")
                            .values(status="active", closed_at=None))
        if changed:
            self._apply_changes(session, changed, result)
        if fresh and not reparse:
            self._insert_fresh(session, fresh, crawl_run_id, scope, result)

    def _apply_changes(self, session: Session, changed: list[tuple[Any, dict[str, Any]]], result: BatchResult) -> None:
        posting_ids = [row.posting_id for row, _posting in changed]
        columns = [Posting.id, *(getattr(Posting, key) for key in POSTING_COLUMNS)]
        # Plain rows, not ORM objects: the bulk UPDATE below would refresh objects in the session.
        current = {row.id: row for row in session.execute(select(*columns).where(Posting.id.in_(posting_ids)))}
        versions = []
        for row, posting in changed:
            old = current.get(row.posting_id)
            if old is None:
                continue
            new_values = {key: posting.get(key) for key in POSTING_COLUMNS if key not in _IDENTITY_FIELDS}
            differences = [key for key, value in new_values.items()
                           if key not in _VOLATILE_FIELDS and _jsonable(getattr(old, key)) != _jsonable(value)]
            session.execute(update(Posting).where(Posting.id == row.posting_id).values(**new_values))
            self._replace_skills(session, row.posting_id, posting.get("skills") or [])
            if differences:
                versions.append({
                    "posting_id": row.posting_id, "sighting_id": row.id,
                    "changed_at": _as_utc(posting["crawled_at"]), "changed_fields": differences,
                    "old_values": {key: _jsonable(getattr(old, key)) for key in differences},
                    "new_values": {key: _jsonable(new_values[key]) for key in differences},
                })
            result.updated_postings += 1
        if versions:
            session.execute(insert(PostingVersion), versions)

    # -- new copies ---------------------------------------------------------------------------

    def _insert_fresh(self, session: Session, fresh: list[dict[str, Any]], crawl_run_id: int | None,
                      scope: str | None, result: BatchResult) -> None:
        # The parse pipeline computes features in its worker processes; compute the rest here.
        features = [posting.get("_features") or features_of(posting) for posting in fresh]
        keys = self._band_keys(fresh, features)
        since = min(_as_utc(posting["crawled_at"]) for posting in fresh) - timedelta(days=CANDIDATE_WINDOW_DAYS)
        index = candidate_index(session, features, since, keys)
        # Decide every copy first; postings created in this batch get provisional negative ids so
        # that later copies of the same job in the batch can match them.
        plans: list[tuple[dict[str, Any], MatchFeatures, int, str, float | None, bool]] = []
        reposted_later: list[tuple[int, int]] = []  # (posting that re-publishes, its original)
        new_rows: dict[int, dict[str, Any]] = {}
        for number, (posting, feature) in enumerate(zip(fresh, features), start=1):
            match = index.match(feature)
            if match is not None and not (match.repost or match.original):
                plans.append((posting, feature, match.posting_id, match.method, match.score, False))
                index.joined(match.posting_id, feature)
                continue
            provisional = -number
            seen_at = _as_utc(posting["crawled_at"])
            row = {key: posting.get(key) for key in POSTING_COLUMNS}
            row.update(first_seen_at=seen_at, last_seen_at=seen_at, status="active",
                       repost_of=match.posting_id if match and match.repost else None)
            new_rows[provisional] = row
            if match and match.original:
                reposted_later.append((match.posting_id, provisional))
            method = "repost" if match and match.repost else "new"
            plans.append((posting, feature, provisional, method, match.score if match else None, True))
            index.add(Candidate(provisional, feature, posting_date=posting.get("date_posted"),
                                posting_employer_key=posting_employer_key(posting.get("company"), posting.get("agency"))))

        real_ids: dict[int, int] = {}
        if new_rows:
            # Ids are reserved up front so that the rows go in as one executemany (RETURNING
            # would make SQLAlchemy insert them one by one to keep their order).
            real_ids = dict(zip(new_rows, self._reserve_ids(session, Posting, len(new_rows))))
            rows = []
            for provisional, row in new_rows.items():
                row["id"] = real_ids[provisional]
                if row["repost_of"] is not None and row["repost_of"] < 0:  # reposts a job of this batch
                    row["repost_of"] = real_ids[row["repost_of"]]
                rows.append(row)
            session.execute(insert(Posting.__table__), rows)
            for repost_id, original in reposted_later:
                session.execute(update(Posting).where(Posting.id == real_ids.get(repost_id, repost_id),
                                                      Posting.repost_of.is_(None))
                                .values(repost_of=real_ids[original]))

        sighting_rows = []
        # Reserved ids tell the sightings this batch inserted from those another writer stored
        # first, even when both writers joined the copy to the same posting.
        sighting_ids = self._reserve_ids(session, Sighting, len(plans))
        for (posting, feature, posting_id, method, score, _creates), sighting_id in zip(plans, sighting_ids):
            seen_at = _as_utc(posting["crawled_at"])
            sighting_rows.append({
                "id": sighting_id, "source": posting["source"], "source_id": posting.get("source_id"), "url": posting["url"],
                "posting_id": real_ids.get(posting_id, posting_id), "content_hash": posting["_hash"],
                "first_seen_at": seen_at, "last_seen_at": seen_at, "match_method": method, "match_score": score,
                "crawl_run_id": crawl_run_id, "scope": scope, "employer_key": feature.employer_key,
                "title_key": feature.title_key, "city_key": feature.city_key,
                "requisition_id": feature.requisition_id, "via_agency": feature.via_agency,
                "minhash": feature.signature_bytes, "document_sha256": posting["_document"],
                "parser_version": self.parser_version if posting["_document"] else None,
            })
        session.execute(_insert_for(self.dialect)(Sighting.__table__).on_conflict_do_nothing(), sighting_rows)
        planned: dict[tuple[str, str], int] = {}
        for row in sighting_rows:
            planned.setdefault((row["source"], row["url"]), row["id"])  # a repeated copy: the first goes in
        stored_rows = _sightings_by_pairs(session, "url", planned)
        inserted = {row.id for row in stored_rows if planned[(row.source, row.url)] == row.id}
        variant_rows = [(row["id"], variant, row["city_key"], dropped)
                        for row in sighting_rows if row["id"] in inserted and row["city_key"]
                        for variant, dropped in title_variant_keys(row["title_key"])]
        if variant_rows:
            _insert_plain(session, self.dialect, "sighting_title_variants", variant_rows)
        band_rows = [(key, row["id"]) for batch, row in zip(keys, sighting_rows)
                     if row["id"] in inserted for key in set(batch.stored)]
        if sighting_ids:
            file_bands(session, self.dialect, band_rows, sighting_ids[0], sighting_ids[-1])

        orphans = []
        skill_rows = []
        gap_rows = []
        for (posting, _feature, _posting_id, method, _score, creates), row in zip(plans, sighting_rows):
            stored = row["id"] in inserted
            if creates:
                if stored:
                    skill_rows.extend((row["posting_id"], skill) for skill in dict.fromkeys(posting.get("skills") or []))
                    result.new_postings += 1
                    result.reposts += method == "repost"
                else:
                    orphans.append(row["posting_id"])  # another writer stored this copy first
            elif stored:
                gap_rows.append(self._gap_parameters(row["posting_id"], posting))
                result.matched += 1
            else:
                result.unchanged += 1
        if skill_rows:
            _insert_plain(session, self.dialect, "posting_skills", skill_rows)
        if gap_rows:
            session.connection().execute(self._gap_statement, gap_rows)
        if orphans:
            session.execute(delete(Posting).where(Posting.id.in_(orphans)))
            result.unchanged += len(orphans)

    @staticmethod
    def _band_keys(fresh: list[dict[str, Any]], features: list[MatchFeatures]) -> list[BatchKeys]:
        """Each new copy's band keys: those handed over with it (``_band_keys``, a
        :class:`~crawler.dedupe.bands.BatchKeys` that a parse worker computed with
        ``batch_keys([features])[0]`` beside ``_features``), the others computed here in one
        batch. Some 0.08 ms of the store's CPU an ad (issue 15) that a worker can take over."""
        keys: list[BatchKeys | None] = [posting.get("_band_keys") for posting in fresh]
        missing = [number for number, handed in enumerate(keys) if handed is None]
        for number, computed in zip(missing, batch_keys([features[number] for number in missing]) if missing else []):
            keys[number] = computed
        return keys

    def _reserve_ids(self, session: Session, model: type[Posting] | type[Sighting], count: int) -> list[int]:
        """``count`` ids of ``model``'s table that no other writer will use."""
        if self.dialect == "postgresql":
            return list(session.execute(
                text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
                {"table": model.__tablename__, "n": count}).scalars())
        # SQLite: this transaction began IMMEDIATE and holds the write lock, so nobody else inserts.
        highest = session.execute(select(func.coalesce(func.max(model.id), 0))).scalar_one()
        return list(range(highest + 1, highest + count + 1))

    @staticmethod
    def _gap_parameters(posting_id: int, posting: dict[str, Any]) -> dict[str, Any]:
        parameters = {f"new_{key}": posting.get(key) for key in _GAP_FIELDS}
        parameters.update(target_id=posting_id, new_seen_at=_as_utc(posting["crawled_at"]))
        return parameters

    @cached_property
    def _gap_statement(self):
        """One UPDATE for every matched copy: fill the posting's empty fields, move last_seen_at.
        (Built once per store: building it took some 5 ms a batch.)"""
        later = func.max if self.dialect == "sqlite" else func.greatest
        values = {key: func.coalesce(getattr(Posting, key), bindparam(f"new_{key}", type_=getattr(Posting, key).type))
                  for key in _GAP_FIELDS}
        values["last_seen_at"] = later(Posting.last_seen_at, bindparam("new_seen_at", type_=Posting.last_seen_at.type))
        return update(Posting.__table__).where(Posting.__table__.c.id == bindparam("target_id")).values(**values)

    @staticmethod
    def _replace_skills(session: Session, posting_id: int, skills: list[str]) -> None:
        session.execute(delete(PostingSkill).where(PostingSkill.posting_id == posting_id))
        if skills:
            session.execute(insert(PostingSkill), [
                {"posting_id": posting_id, "skill": skill} for skill in dict.fromkeys(skills)
            ])
