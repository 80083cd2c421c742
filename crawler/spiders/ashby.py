"""Ashby job boards (jobs.ashbyhq.com), with compensation.

    jobcrawl crawl ashby -a board=NAME
"""

from crawler.sources.ashby import AshbyJobBoardSpider


class AshbySpider(AshbyJobBoardSpider):
    name = "ashby"
    default_base_url = "https://api.ashbyhq.com"
    source_argument = "board"
    source_argument_help = "the board name, the name in jobs.ashbyhq.com/NAME"
