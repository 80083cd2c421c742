"""The crawl benchmark's baseline: fetch every sitemap URL and do nothing with the pages."""

import json

from scrapy.spiders import SitemapSpider


class BareSpider(SitemapSpider):
    name = "bare"

    def __init__(self, sitemap: str, stats_out: str, **kwargs):
        super().__init__(**kwargs)
        self.sitemap_urls = [sitemap]
        self.stats_out = stats_out

    def parse(self, response):
        return []

    def closed(self, reason):
        stats = {key: (value.isoformat() if hasattr(value, "isoformat") else value)
                 for key, value in self.crawler.stats.get_stats().items()}
        with open(self.stats_out, "w") as handle:
            json.dump(stats, handle)
