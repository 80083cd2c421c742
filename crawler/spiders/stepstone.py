"""StepStone job search (stepstone.de): search result pages, then each ad's page.

    jobcrawl crawl stepstone -a query="data engineer" -a where=berlin
    jobcrawl crawl stepstone -a start_urls=https://www.stepstone.de/jobs/data-engineer/in-berlin

StepStone's robots.txt forbids search URLs with a query string except ``?q=``, so with robots.txt
obeyed (the default) only the first results page is fetched and the run never counts as a complete
listing walk.
"""

from crawler.sources.stepstone import StepstoneBoardSpider


class StepstoneSpider(StepstoneBoardSpider):
    name = "stepstone"
    default_base_url = "https://www.stepstone.de"
