"""The raw archive: every fetched ad body, compressed, stored once per content."""

from __future__ import annotations

import hashlib
import zlib
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from models.tables import Document

COMPRESSION_LEVEL = 6


def document_digest(body: bytes) -> str:
    """The archive key of a body: its SHA-256."""
    return hashlib.sha256(body).hexdigest()


def archive_documents(session: Session, bodies: dict[str, tuple[bytes, str | None]]) -> None:
    """Store bodies (digest -> (body, content type)) that the archive does not hold yet."""
    if not bodies:
        return
    insert = postgresql.insert if session.bind.dialect.name == "postgresql" else sqlite.insert
    now = datetime.now(timezone.utc)
    rows = [{"sha256": digest, "body": zlib.compress(body, COMPRESSION_LEVEL), "compression": "zlib",
             "size": len(body), "content_type": content_type, "first_seen_at": now}
            for digest, (body, content_type) in bodies.items()]
    session.execute(insert(Document).on_conflict_do_nothing(index_elements=["sha256"]), rows)


def load_document(session: Session, digest: str) -> bytes | None:
    """The original body of an archived document."""
    row = session.execute(select(Document.body, Document.compression).where(Document.sha256 == digest)).first()
    if row is None:
        return None
    return zlib.decompress(row.body) if row.compression == "zlib" else row.body
