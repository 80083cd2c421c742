"""SmartRecruiters companies (jobs.smartrecruiters.com), through the keyless Posting API.

    jobcrawl crawl smartrecruiters -a company=IDENTIFIER
"""

from crawler.sources.smartrecruiters import SmartrecruitersPostingsSpider


class SmartrecruitersSpider(SmartrecruitersPostingsSpider):
    name = "smartrecruiters"
    default_base_url = "https://api.smartrecruiters.com"
    source_argument = "company"
    source_argument_help = ("the company identifier, case-sensitive, as in jobs.smartrecruiters.com/IDENTIFIER; "
                            "SmartRecruiters answers an unknown identifier with an empty listing")
