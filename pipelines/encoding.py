"""Repair text encoding on every text field: mojibake (ftfy), HTML entities, whitespace."""

from __future__ import annotations

import ftfy
from itemadapter import ItemAdapter

from crawler.items import JobPosting
from crawler.parsing.text import looks_like_html, repair_text


def repair_field(value: str) -> str:
    """A text field repaired; HTML keeps its markup (entities there belong to the markup)."""
    if "<" in value and looks_like_html(value):
        return ftfy.fix_text(value, unescape_html=False)
    return repair_text(value)


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
        adapter = ItemAdapter(item)
        for name, value in adapter.items():
            if isinstance(value, str) and value:
                repaired = repair_field(value)
                if repaired != value:
                    adapter[name] = repaired
                    self.stats.inc_value(f"jobcrawl/encoding/repaired/{name}")
            elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                repaired_list = [repair_field(v) for v in value]
                if repaired_list != value:
                    adapter[name] = repaired_list
                    self.stats.inc_value(f"jobcrawl/encoding/repaired/{name}")
        return item
