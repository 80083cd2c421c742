"""Database models, engine set-up and the batched store."""

from models.tables import Base, CrawlRun, Posting, PostingSkill, RejectedItem, Sighting

__all__ = ["Base", "CrawlRun", "Posting", "PostingSkill", "RejectedItem", "Sighting"]
