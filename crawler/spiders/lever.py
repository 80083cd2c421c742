"""Lever job sites (jobs.lever.co). EU accounts: add ``-a base_url=https://api.eu.lever.co``.

    jobcrawl crawl lever -a company=SITE
"""

from crawler.sources.lever import LeverPostingsSpider


class LeverSpider(LeverPostingsSpider):
    name = "lever"
    default_base_url = "https://api.lever.co"
    source_argument = "company"
    source_argument_help = "the site name, the name in jobs.lever.co/SITE"
