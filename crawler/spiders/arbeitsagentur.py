"""Bundesagentur für Arbeit: job ads from the Jobsuche API (search plus details per ad).

    jobcrawl crawl arbeitsagentur -a was="Data Scientist" -a wo=Köln -a umkreis=25
    jobcrawl crawl arbeitsagentur -a was=Pflegefachkraft -a veroeffentlichtseit=1
"""

from crawler.sources.arbeitsagentur import JobsucheSpider


class ArbeitsagenturSpider(JobsucheSpider):
    name = "arbeitsagentur"
