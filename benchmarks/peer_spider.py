"""The crawl benchmark's naive peer: what a competent first version of a job crawler looks like.

A ``CrawlSpider`` follows the board's listing pages to its ad pages, reads each ad's schema.org
JobPosting with ``extruct`` (JSON-LD and microdata) and upserts the fields the page gave as they
are into SQLite with SQLAlchemy (one ``INSERT … ON CONFLICT DO UPDATE`` per ad, committed every
``COMMIT_EVERY`` ads), on the reactor thread. No text repair, no parsing, no validation, no
matching: the cost of a crawler that only stores what the page says.
"""

from __future__ import annotations

import json

import extruct
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule
from sqlalchemy import Column, MetaData, String, Table, Text, create_engine
from sqlalchemy.dialects.sqlite import insert

COMMIT_EVERY = 100
_metadata = MetaData()
postings = Table("postings", _metadata, Column("url", String, primary_key=True), Column("title", Text),
                 Column("company", Text), Column("location", Text), Column("date_posted", Text),
                 Column("description", Text), Column("structured", Text))


def _job_postings(data: dict) -> list[dict]:
    """Every JobPosting record extruct found, @graph members included."""
    found = []
    for record in data.get("json-ld", []) + data.get("microdata", []):
        for node in record.get("@graph", [record]) if isinstance(record, dict) else []:
            kind = node.get("@type") if isinstance(node, dict) else None
            if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind):
                found.append(node)
    return found


def _name(value) -> str | None:
    if isinstance(value, dict):
        return value.get("name") or json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "; ".join(filter(None, (_name(entry) for entry in value))) or None
    return value if value is None else str(value)


class PeerSpider(CrawlSpider):
    name = "peer"
    rules = (Rule(LinkExtractor(allow=r"/list/")),
             Rule(LinkExtractor(allow=r"/ads/"), callback="parse_ad"))
    custom_settings = {"ITEM_PIPELINES": {"benchmarks.peer_spider.UpsertPipeline": 300}}

    def __init__(self, start: str, database: str, **kwargs):
        self.start_urls = [start]
        self.database = database
        super().__init__(**kwargs)

    def parse_ad(self, response):
        data = extruct.extract(response.text, base_url=response.url, syntaxes=["json-ld", "microdata"],
                               uniform=True)
        for node in _job_postings(data):
            yield {"url": response.url, "title": _name(node.get("title")),
                   "company": _name(node.get("hiringOrganization")), "location": _name(node.get("jobLocation")),
                   "date_posted": _name(node.get("datePosted")), "description": _name(node.get("description")),
                   "structured": json.dumps(node, ensure_ascii=False, default=str)}


class UpsertPipeline:
    """One upsert per ad on the reactor thread, a commit every ``COMMIT_EVERY`` ads and at close."""

    def open_spider(self, spider):
        self.engine = create_engine(f"sqlite:///{spider.database}")
        _metadata.create_all(self.engine)
        self.connection = self.engine.connect()
        self.pending = 0

    def process_item(self, item):
        statement = insert(postings).values(**item)
        self.connection.execute(statement.on_conflict_do_update(
            index_elements=["url"], set_={name: statement.excluded[name] for name in item if name != "url"}))
        self.pending += 1
        if self.pending >= COMMIT_EVERY:
            self.connection.commit()
            self.pending = 0
        return item

    def close_spider(self, spider):
        self.connection.commit()
        self.connection.close()
        self.engine.dispose()
