"""Checks of what a half-written batch would leave behind in the database."""

from __future__ import annotations

from sqlalchemy import text

from models.database import get_engine
from tests.support.crawl import postings


def consistency_problems(database_url: str) -> dict[str, int]:
    """Counts of rows that a half-written batch would leave behind (all zero when consistent)."""
    checks = {
        "postings without a sighting": "SELECT count(*) FROM postings p WHERE NOT EXISTS "
                                       "(SELECT 1 FROM sightings s WHERE s.posting_id = p.id)",
        "sightings without a posting": "SELECT count(*) FROM sightings s WHERE NOT EXISTS "
                                       "(SELECT 1 FROM postings p WHERE p.id = s.posting_id)",
        "skill rows without a posting": "SELECT count(*) FROM posting_skills k WHERE NOT EXISTS "
                                        "(SELECT 1 FROM postings p WHERE p.id = k.posting_id)",
        "postings without title or url": "SELECT count(*) FROM postings WHERE title IS NULL OR url IS NULL",
        "urls stored twice": "SELECT count(*) FROM (SELECT url FROM postings GROUP BY url HAVING count(*) > 1) d",
    }
    with get_engine(database_url).connect() as connection:
        problems = {name: connection.execute(text(query)).scalar_one() for name, query in checks.items()}
        skills = {}
        for posting_id, skill in connection.execute(text("SELECT posting_id, skill FROM posting_skills")):
            skills.setdefault(posting_id, set()).add(skill)
    problems["postings whose skill rows differ from their skills"] = sum(
        set(row.skills) != skills.get(row.id, set()) for row in postings(database_url))
    return problems
