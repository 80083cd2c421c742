"""Workable accounts (apply.workable.com), through the careers widget's JSON.

    jobcrawl crawl workable -a company=ACCOUNT
"""

from crawler.sources.workable import WorkableWidgetSpider


class WorkableSpider(WorkableWidgetSpider):
    name = "workable"
    default_base_url = "https://apply.workable.com"
    source_argument = "company"
    source_argument_help = "the account name, as in apply.workable.com/ACCOUNT/"
