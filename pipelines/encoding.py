"""Repair text encoding on every text field: mojibake (ftfy), HTML entities, whitespace.

The repair itself is :func:`pipelines.posting_steps.repaired_fields`, the step ``jobcrawl reparse``
runs too, so a re-parse repairs exactly what the crawl repaired.
"""

from __future__ import annotations

import dataclasses

from itemadapter import ItemAdapter

from crawler.items import JobPosting
from pipelines.posting_steps import repair_field, repaired_fields

__all__ = ["EncodingPipeline", "repair_field"]


class EncodingPipeline:
    """ftfy and entity repair on each string field; counts what it changed, per field."""

    def __init__(self, crawler):
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if not isinstance(item, JobPosting):
            return item
        repaired, changed = repaired_fields(dataclasses.asdict(item))
        adapter = ItemAdapter(item)
        for name in changed:
            adapter[name] = repaired[name]
            self.stats.inc_value(f"jobcrawl/encoding/repaired/{name}")
        return item
