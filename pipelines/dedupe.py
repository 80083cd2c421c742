"""Drop exact repeats within one run: the same copy (source + id or URL) seen twice."""

from __future__ import annotations

from scrapy.exceptions import DropItem

from crawler.items import JobPosting


class ExactDedupePipeline:
    """Keeps the first item per (source, source_id or URL) in a run; later ones are dropped."""

    def __init__(self, crawler):
        self.stats = crawler.stats
        self.seen: set[tuple[str | None, str | None]] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if not isinstance(item, JobPosting):
            return item
        key = (item.source, f"id:{item.source_id}" if item.source_id else f"url:{item.url}")
        if key in self.seen:
            self.stats.inc_value("jobcrawl/duplicate/in_run")
            raise DropItem(f"already seen in this run: {key[1]}")
        self.seen.add(key)
        return item
