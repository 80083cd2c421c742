"""Personio job boards, from the company's public XML feed.

    jobcrawl crawl personio -a company=acme-robotik
    jobcrawl crawl personio -a company=acme-robotik -a language=en
"""

from crawler.sources.personio import PersonioFeedSpider


class PersonioSpider(PersonioFeedSpider):
    name = "personio"
