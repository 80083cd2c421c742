"""Job ads from an RSS or Atom feed: Teamtailor ``/jobs.rss``, SAP SuccessFactors ``/googlefeed.xml``,
job boards' feeds.

    jobcrawl crawl rss -a url=https://careers.example.com/jobs.rss
"""

from crawler.bases.rss_feed import RssFeedSpider


class RssSpider(RssFeedSpider):
    name = "rss"
