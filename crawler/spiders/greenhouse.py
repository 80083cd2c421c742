"""Greenhouse job boards (boards.greenhouse.io / job-boards.greenhouse.io).

    jobcrawl crawl greenhouse -a board=TOKEN
"""

from crawler.sources.greenhouse import GreenhouseBoardSpider


class GreenhouseSpider(GreenhouseBoardSpider):
    name = "greenhouse"
    default_base_url = "https://boards-api.greenhouse.io"
    source_argument = "board"
    source_argument_help = "the board token, the name in boards.greenhouse.io/TOKEN or job-boards.greenhouse.io/TOKEN"
