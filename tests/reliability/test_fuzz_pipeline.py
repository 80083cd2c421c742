"""Fuzzing the whole item path on generated pages: hypothesis writes HTML pages with JSON-LD blocks
(valid, broken, of wrong types and absurd values); the real ``jsonld`` spider hands each one over,
and the parse middleware's steps (reading, encoding repair, parse, validate — what the parse
workers run, here inline) take it. Nothing may raise; whatever comes out is a rejection with a
reason, or a posting inside the schema's types and ranges."""

from __future__ import annotations

import asyncio
import math
import re
from collections import Counter
from datetime import date, datetime

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from crawler.items import LIST_FIELDS, JobPage, JobPosting, RejectedPage
from crawler.parsing.pay_bounds import max_yearly_pay
from crawler.spiders.jsonld import JsonldSpider
from pipelines.parse import ParseMiddleware
from pipelines.validate import EARLIEST_YEAR, ENUMS, MAX_TITLE_CHARS
from tests.reliability.crawl_process import record
from tests.reliability.fuzz_text import FUZZ, job_pages

PAGE_URL = "https://jobs.example.de/stellen/4711"
HOURS_PER_YEAR = 2080  # the largest periods-per-year factor the validator applies (per hour)


@pytest.fixture(scope="module")
def item_path():
    """The spider and the parse middleware as a crawl wires them (parsing inline, no worker processes)."""
    crawler = get_crawler(JsonldSpider, {"JOBCRAWL_PARSE_WORKERS": 0})
    spider = JsonldSpider.from_crawler(crawler, sitemap="https://jobs.example.de/sitemap.xml")
    return spider, ParseMiddleware(crawler)


def through_middleware(middleware, response, outputs) -> list:
    async def spider_output():
        for output in outputs:
            yield output

    async def collect():
        return [item async for item in middleware.process_spider_output(response, spider_output())]

    return asyncio.run(collect())


def assert_within_schema(posting: JobPosting) -> None:
    assert posting.source == "jsonld" and posting.url == PAGE_URL
    assert isinstance(posting.title, str) and 0 < len(posting.title) <= MAX_TITLE_CHARS
    for name, allowed in ENUMS.items():
        assert getattr(posting, name) in allowed | {None}, name
    latest = posting.crawled_at.year + 10
    for name in ("date_posted", "valid_through", "start_date"):
        value = getattr(posting, name)
        assert value is None or (type(value) is date and EARLIEST_YEAR <= value.year <= latest), (name, value)
    assert posting.date_posted is None or posting.date_posted <= posting.crawled_at.date()
    figures = [figure for figure in (posting.salary_min, posting.salary_max) if figure is not None]
    assert all(isinstance(figure, (int, float)) and math.isfinite(figure) and figure > 0 for figure in figures)
    assert all(figure <= max_yearly_pay(posting.salary_currency) for figure in figures)
    if posting.salary_min is not None and posting.salary_max is not None:
        assert posting.salary_min <= posting.salary_max
    assert posting.country is None or re.fullmatch(r"[A-Z]{2}", posting.country)
    assert posting.salary_currency is None or re.fullmatch(r"[A-Z]{3}", posting.salary_currency)
    assert posting.experience_years_min is None or 0 <= posting.experience_years_min <= 50
    assert isinstance(posting.via_agency, bool)
    for name in LIST_FIELDS:
        assert isinstance(getattr(posting, name), list), name
    assert isinstance(posting.crawled_at, datetime)


OUTCOMES: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def outcomes_recorded():
    yield
    record("fuzzing the whole item path", pages=OUTCOMES["page"], postings=OUTCOMES["JobPosting"],
           rejections=OUTCOMES["RejectedPage"])


@FUZZ
@given(page=job_pages(), encoding=st.sampled_from(["utf-8", "iso-8859-1", "utf-16"]))
def test_generated_pages_become_valid_postings_or_reasoned_rejections(item_path, page, encoding):
    spider, middleware = item_path
    OUTCOMES["page"] += 1
    body = page.encode(encoding, errors="replace")
    response = HtmlResponse(PAGE_URL, body=body, encoding=encoding, request=Request(PAGE_URL))
    outputs = [output for output in spider.parse_page(response) if not isinstance(output, Request)]
    assert all(isinstance(output, JobPage) for output in outputs)  # the spider only hands over
    for result in through_middleware(middleware, response, outputs):
        event(type(result).__name__)
        OUTCOMES[type(result).__name__] += 1
        if isinstance(result, RejectedPage):
            assert result.reason and result.url and result.source == "jsonld"
            assert result.payload is None or len(result.payload) <= 100_000
        else:
            assert isinstance(result, JobPosting)
            assert_within_schema(result)
