"""The database layer: tables, engine set-up and plain persistence (archive, lifecycle, incremental touches)."""

from models.tables import Base, CrawlRun, Posting, PostingSkill, RejectedItem, Sighting

__all__ = ["Base", "CrawlRun", "Posting", "PostingSkill", "RejectedItem", "Sighting"]
