"""Recheck the pages of active postings; a 404 or 410 marks that copy gone and closes the
posting once all its copies are gone.

    jobcrawl crawl recheck [-a source=NAME] [-a limit=N]
"""

from datetime import datetime, timezone

from scrapy import Request
from sqlalchemy.orm import Session

from crawler.bases.job_spider import JobSpider
from models.database import get_engine
from models.lifecycle import active_urls, mark_gone

GONE_STATUSES = (404, 410)


class RecheckSpider(JobSpider):
    """Arguments: ``-a source=NAME`` (only that spider's postings) and ``-a limit=N`` (at most N pages)."""

    name = "recheck"
    produces_postings = False
    custom_settings = {"HTTPERROR_ALLOWED_CODES": list(GONE_STATUSES)}

    def __init__(self, *args, source=None, limit=None, **kwargs):
        super().__init__(*args, source=source, limit=limit, **kwargs)
        self.source_filter = source
        self.limit = int(limit) if limit else None
        self.gone: list[str] = []

    async def start(self):
        engine = get_engine(self.settings.get("JOBCRAWL_DATABASE_URL"))
        with Session(engine) as session:
            targets = active_urls(session, self.source_filter, self.limit)
        for _source, url in targets:
            yield Request(url, callback=self.parse, dont_filter=True, meta={"handle_httpstatus_list": list(GONE_STATUSES)})

    def parse(self, response):
        if response.status in GONE_STATUSES:
            self.gone.append(response.request.url)
            self.crawler.stats.inc_value(f"jobcrawl/recheck/gone/{response.status}")
        else:
            self.crawler.stats.inc_value("jobcrawl/recheck/alive")
        return []

    def closed(self, reason):
        if not self.gone:
            return
        engine = get_engine(self.settings.get("JOBCRAWL_DATABASE_URL"))
        with Session(engine) as session, session.begin():
            session.connection(execution_options={"sqlite_write": True})
            closed = mark_gone(session, self.gone, datetime.now(timezone.utc))
        self.crawler.stats.set_value("jobcrawl/lifecycle/closed", closed)
