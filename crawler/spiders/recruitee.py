"""Recruitee careers sites. A company on its own careers domain: add ``-a base_url=https://careers.example.de``.

    jobcrawl crawl recruitee -a company=SLUG
"""

from crawler.sources.recruitee import RecruiteeOffersSpider


class RecruiteeSpider(RecruiteeOffersSpider):
    name = "recruitee"
    default_base_url = "https://{company}.recruitee.com"
    source_argument = "company"
    source_argument_help = "the careers-site name, as in SLUG.recruitee.com"
