"""Any career site or board that publishes schema.org JobPosting data.

    jobcrawl crawl jsonld -a start_urls=https://careers.example.de/
    jobcrawl crawl jsonld -a sitemap=https://careers.example.de/sitemap.xml
"""

from crawler.bases.structured_data import StructuredDataSpider


class JsonldSpider(StructuredDataSpider):
    name = "jsonld"
    required_arguments = (("start_urls", "sitemap"),)  # one of them: without either there is nothing to read
