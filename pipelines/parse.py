"""Fill every schema field the source did not give, from the ad's text."""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime, timezone

from crawler.items import JobPosting, RejectedPage
from crawler.parsing.posting import complete_posting

logger = logging.getLogger(__name__)


class ParsePipeline:
    """Runs the parser over each item; a parser failure becomes a recorded rejection."""

    def __init__(self, crawler):
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if not isinstance(item, JobPosting):
            return item
        known = dataclasses.asdict(item)
        crawled_at = item.crawled_at or datetime.now(timezone.utc)
        try:
            parsed = complete_posting(known, crawled_at=crawled_at)
        except Exception as error:  # one bad ad must not stop the crawl
            logger.exception("parser failed on %s", item.url)
            self.stats.inc_value("jobcrawl/rejected/parse_error")
            return RejectedPage(source=item.source or "unknown", url=item.url or "",
                                reason=f"parse error: {type(error).__name__}: {error}"[:500],
                                payload=(item.description or "")[:100_000])
        completed = JobPosting(**parsed)
        completed.raw_page, completed.raw_content_type = item.raw_page, item.raw_content_type
        return completed
