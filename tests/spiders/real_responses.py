"""Real recorded responses (``tests/files/<platform>/real/``, provenance in ``tests/files/SOURCES.md``)
with the fields a reader of each response expects, and the way a crawl turns them into postings.

A case maps one job of a response the way the spider does (the spider's own hooks: listing payload ->
jobs -> fields), then runs the parser and the validator as the item pipelines do, so a checked field
is compared with what the crawl would store. The expected values were written by reading the
responses, before the spiders ran on them; ``checked_field_ratio`` reports how many are right.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Callable

from lxml import etree

from crawler.items import JobPosting
from crawler.parsing.posting import complete_posting
from crawler.parsing.urls import canonical_url
from pipelines.validate import bounded_fields

FILES = Path(__file__).resolve().parents[1] / "files"
NOW = datetime(2026, 10, 1, 9, 0, tzinfo=timezone.utc)


def _spider(name: str, **arguments: str):
    """The spider ``name`` (``crawler/spiders/<name>.py``) with its arguments, outside a crawl."""
    module = importlib.import_module(f"crawler.spiders.{name}")
    [spider_class] = [value for value in vars(module).values()
                      if isinstance(value, type) and getattr(value, "name", None) == name]
    return spider_class(**arguments)


def json_jobs(spider_name: str, path: str, **arguments: str) -> list[dict[str, Any]]:
    """The mapped fields of every job of a saved JSON listing, through the spider's own hooks."""
    spider = _spider(spider_name, **arguments)
    payload = json.loads((FILES / path).read_text(encoding="utf-8"))
    return [spider.posting_fields(job, NOW) for job in spider.jobs_from_payload(payload)]


def json_detail(spider_name: str, path: str, **arguments: str) -> list[dict[str, Any]]:
    """The mapped fields of one saved detail answer (SmartRecruiters merges list item and detail)."""
    spider = _spider(spider_name, **arguments)
    return [spider.posting_fields(json.loads((FILES / path).read_text(encoding="utf-8")), NOW)]


def personio_positions(path: str, company: str) -> list[dict[str, Any]]:
    from crawler.sources.personio import posting_fields_from_personio
    from crawler.sources.xml_fields import children
    root = etree.fromstring((FILES / path).read_bytes())
    return [posting_fields_from_personio(position, company, NOW) for position in children(root, "position")]


def feed_items_fields(path: str) -> list[dict[str, Any]]:
    from crawler.sources.rss import feed_items, feed_title, is_teamtailor_feed, posting_fields_from_feed_item
    root = etree.fromstring((FILES / path).read_bytes())
    company = feed_title(root) if is_teamtailor_feed(root) else None
    return [posting_fields_from_feed_item(item, NOW, feed_company=company) for item in feed_items(root)]


def ba_search_items(path: str) -> list[dict[str, Any]]:
    """The mapped fields of every item of a saved Jobsuche search answer (v6 ``ergebnisliste``, v4
    ``stellenangebote``, or one recorded item), as the spider maps an ad whose details are missing."""
    from crawler.sources.arbeitsagentur import posting_fields_from_ba
    payload = json.loads((FILES / path).read_text(encoding="utf-8"))
    items = payload.get("ergebnisliste") or payload.get("stellenangebote") or [payload]
    return [posting_fields_from_ba(item, None, NOW) for item in items]


def stepstone_listing(path: str, page_url: str, now: datetime = NOW) -> list[dict[str, Any]]:
    """The fields of every entry of a saved StepStone-platform search page, as the spider reads its
    listing (``read_listing``; ``now`` is when the page was saved, for "vor 1 Woche"), with nothing
    from the ad pages: what a crawl keeps of an ad whose page it cannot read."""
    from crawler.sources.stepstone import listing_page_from_html
    listing = listing_page_from_html((FILES / path).read_text(encoding="utf-8"), page_url, now)
    return [{"url": entry.url, **entry.fields} for entry in listing.entries]


def stored_posting(fields: dict[str, Any], source: str) -> dict[str, Any]:
    """What the crawl stores for mapped fields: the spider's item, the parser, the validator."""
    known = {key: value for key, value in fields.items() if value not in (None, "", [])}
    url = known.pop("url")
    item = JobPosting(source=source, url=canonical_url(url), crawled_at=NOW, **known)
    completed = JobPosting(**complete_posting(dataclasses.asdict(item), crawled_at=NOW))
    bounded_fields(completed)
    return dataclasses.asdict(completed)


@dataclass
class Case:
    """One job of a real response and the fields its reader expects."""

    name: str
    source: str
    jobs: Callable[[], list[dict[str, Any]]]
    index: int
    expected: dict[str, Any]
    count_checks: dict[str, int] = field(default_factory=dict)
    """List fields checked by their length (``requirements`` -> 6)."""
    known_wrong: dict[str, str] = field(default_factory=dict)
    """Checked fields the crawl still stores wrongly, with the part of jobcrawl that does it; they
    count as wrong in :func:`checked_field_ratio`, and the test fails once one of them is right."""


def _greenhouse(path):
    return lambda: json_jobs("greenhouse", path, board="x")


def _lever(path):
    return lambda: json_jobs("lever", path, company="x")


def _ashby(path, board):
    return lambda: json_jobs("ashby", path, board=board)


VERCEL, ANTHROPIC = _greenhouse("greenhouse/real/vercel.json"), _greenhouse("greenhouse/real/anthropic.json")
SPOTIFY = _lever("lever/real/spotify.json")
LEVER_THREE_SITES = _lever("lever/real/outreach-palantir-spotify.json")
LINEAR, TRUELOGIC = _ashby("ashby/real/linear.json", "linear"), _ashby("ashby/real/truelogic.json", "truelogic")
CHANNABLE = lambda: json_jobs("recruitee", "recruitee/real/channable.json", company="channable")  # noqa: E731
BUNQ = lambda: json_jobs("recruitee", "recruitee/real/bunq.json", company="bunq")  # noqa: E731
UBISOFT = lambda: json_jobs("smartrecruiters", "smartrecruiters/real/ubisoft_postings.json", company="Ubisoft2")  # noqa: E731
SCALABLE = lambda: json_detail("smartrecruiters", "smartrecruiters/real/scalable_posting.json", company="ScalableGmbH")  # noqa: E731


def _smartrecruiters_detail(name: str, company: str):
    return lambda: json_detail("smartrecruiters", f"smartrecruiters/real/{name}", company=company)


SR_AI_ENGINEER = _smartrecruiters_detail("smartrecruiters_ai_engineer_posting.json", "smartrecruiters")
SR_UBISOFT_ANNECY = _smartrecruiters_detail("ubisoft_annecy_posting.json", "Ubisoft2")
SR_SERVICENOW = _smartrecruiters_detail("servicenow_hyderabad_posting.json", "ServiceNow")
SR_HIREVUE = _smartrecruiters_detail("hirevue_intern_posting.json", "HireVue")
SR_VITOL = _smartrecruiters_detail("vitol_singapore_posting.json", "Vitol")
SR_VISA = _smartrecruiters_detail("visa_empty_sections_posting.json", "Visa")
SR_GUIDEHEALTH = _smartrecruiters_detail("guidehealth_remote_posting.json", "Guidehealth")
CLIMATEWORKS = lambda: json_jobs("workable", "workable/real/climateworks.json", company="climateworks")  # noqa: E731
HUGGINGFACE = lambda: json_jobs("workable", "workable/real/huggingface.json", company="huggingface")  # noqa: E731
CLARK = lambda: personio_positions("personio/real/clark.xml", "clark")  # noqa: E731
PERSONIO_SE = lambda: personio_positions("personio/real/personio-se.xml", "personio")  # noqa: E731
UPCLOUD = lambda: feed_items_fields("rss/real/upcloud-teamtailor.rss")  # noqa: E731
FERD = lambda: feed_items_fields("rss/real/ferd-teamtailor.rss")  # noqa: E731
TOTALJOBS_PAGE = "https://www.totaljobs.com/jobs/project-manager/in-uk?contract=true"
STEPSTONE_AT_PAGE = "https://www.stepstone.at/jobs/devops/in-wien"
STEPSTONE_AT_SAVED = datetime(2026, 7, 30, 12, 0, tzinfo=timezone.utc)  # the page's recording date
TOTALJOBS = lambda: stepstone_listing("stepstone/real/totaljobs-project-manager-uk.html", TOTALJOBS_PAGE)  # noqa: E731
STEPSTONE_AT = lambda: stepstone_listing(  # noqa: E731
    "stepstone/real/stepstone-at-devops-wien.html", STEPSTONE_AT_PAGE, STEPSTONE_AT_SAVED)
BA_V6_BFR = lambda: ba_search_items("arbeitsagentur/real/jobsuche-cli-v6-search.json")  # noqa: E731
BA_V4_STUTTGART = lambda: ba_search_items("arbeitsagentur/real/d4c-v4-search-item.json")  # noqa: E731

CASES = [
    # Greenhouse, prettyirrelevant/hunt (Vercel board)
    Case("greenhouse-vercel-commercial", "greenhouse", VERCEL, 0, {
        "url": "https://job-boards.greenhouse.io/vercel/jobs/6136160004", "source_id": "6136160004",
        "requisition_id": "1311", "title": "Account Executive, Commercial", "company": "Vercel",
        "city": "London", "country": "GB", "workplace_type": "hybrid", "date_posted": date(2026, 8, 6)}),
    Case("greenhouse-vercel-majors", "greenhouse", VERCEL, 1, {
        "requisition_id": "1240", "title": "Account Executive, Majors", "company": "Vercel", "city": "London",
        "country": "GB", "workplace_type": "hybrid", "date_posted": date(2026, 5, 21)}),
    # Greenhouse, sakshambhatla/JobFinder (Anthropic board, list without content)
    Case("greenhouse-anthropic-two-cities-no-mode", "greenhouse", ANTHROPIC, 0, {
        "title": "Account Coordinator", "company": "Anthropic", "requisition_id": "PIP-12095", "country": "US",
        "workplace_type": None, "date_posted": date(2026, 2, 12)}),
    Case("greenhouse-anthropic-dublin-onsite", "greenhouse", ANTHROPIC, 1, {
        "city": "Dublin", "country": "IE", "workplace_type": "onsite", "date_posted": date(2025, 11, 6)}),
    Case("greenhouse-anthropic-title-trailing-space", "greenhouse", ANTHROPIC, 2, {
        "title": "Account Executive, Nonprofit", "title_raw": "Account Executive, Nonprofit", "country": "US",
        "workplace_type": "onsite", "date_posted": date(2026, 1, 23)}),
    Case("greenhouse-anthropic-four-places", "greenhouse", ANTHROPIC, 3, {
        "city": "London", "country": "GB", "workplace_type": "onsite", "date_posted": date(2025, 12, 11),
        "location_raw": "London, UK; Ontario, CAN; Remote-Friendly, United States; San Francisco, CA"}),
    Case("greenhouse-anthropic-hybrid-travel", "greenhouse", ANTHROPIC, 4, {
        "city": "San Francisco", "country": "US", "workplace_type": "hybrid", "date_posted": date(2025, 1, 22)}),
    # Lever, prettyirrelevant/hunt (Spotify site)
    Case("lever-spotify-permanent-two-cities", "lever", SPOTIFY, 0, {
        "url": "https://jobs.lever.co/spotify/2193db3f-77c5-43b8-b030-8f92c9882bf1",
        "apply_url": "https://jobs.lever.co/spotify/2193db3f-77c5-43b8-b030-8f92c9882bf1/apply",
        "title": "Android Engineer - Experience", "city": "London", "country": "GB", "workplace_type": "hybrid",
        "contract_type": "permanent", "date_posted": date(2026, 6, 23), "location_raw": "London; Stockholm"},
        count_checks={"responsibilities": 4, "requirements": 6}),
    Case("lever-spotify-short-term", "lever", SPOTIFY, 1, {
        # title_raw: whether a trailing place stays in the clean title is the title cleaner's rule.
        "title_raw": "Artist & Label Partnerships Contractor, Vietnam", "country": "VN", "workplace_type": "hybrid",
        "contract_type": "fixed_term", "date_posted": date(2026, 8, 27)},
        count_checks={"responsibilities": 5, "requirements": 4}),
    # Lever, clearfetch/ats-jobs-scraper (one posting each of the Outreach, Palantir and Spotify sites; the
    # file names no employer, so the company is not checked)
    Case("lever-outreach-country-only-salary-range", "lever", LEVER_THREE_SITES, 0, {
        "url": "https://jobs.lever.co/outreach/5becd4e1-3474-4f36-b5dd-4b2cd0eb1179",
        "source_id": "5becd4e1-3474-4f36-b5dd-4b2cd0eb1179",
        "apply_url": "https://jobs.lever.co/outreach/5becd4e1-3474-4f36-b5dd-4b2cd0eb1179/apply",
        "title": "Customer Advocacy Manager", "location_raw": "United States", "city": None, "country": "US",
        "workplace_type": "remote", "employment_type": "full_time", "contract_type": None,
        "salary_min": 70000, "salary_max": 110000, "salary_currency": "USD", "salary_period": "year",
        "date_posted": date(2026, 2, 16)},
        # "Your Daily Adventures Will Include:" holds three items, the third cut by the recording
        count_checks={"responsibilities": 3}),
    Case("lever-palantir-list-named-after-the-job", "lever", LEVER_THREE_SITES, 1, {
        "title": "Administrative Business Partner", "location_raw": "London, United Kingdom", "city": "London",
        "country": "GB", "workplace_type": "hybrid", "employment_type": "full_time", "salary_min": None,
        "date_posted": date(2024, 3, 25)},
        # the duties list is headed by the job's name ("Administrative Business Partner (Foundry)"), then
        # "What We Value" (3) and "What We Require" (4)
        count_checks={"responsibilities": 5, "requirements": 7}),
    Case("lever-spotify-permanent-pay-in-text", "lever", LEVER_THREE_SITES, 2, {
        "title_raw": "Associate – Audiobook Licensing & Author Partnerships", "city": "New York", "country": "US",
        "workplace_type": "remote", "contract_type": "permanent", "date_posted": date(2026, 7, 9),
        # no salaryRange: "The United States base range for this position is $74,000 – $106,000 USD"
        "salary_min": 74000, "salary_max": 106000, "salary_currency": "USD", "salary_period": "year"},
        # "Who You Are" ends in a tag cut by the recording ("<li d"): two items; "Where You'll Be" is no duty
        # (the range says no period: its size says a year, see crawler/parsing/salary.py period_by_size)
        count_checks={"responsibilities": 2, "requirements": 2}),
    # Ashby, prettyirrelevant/hunt (Linear board) and lcarlini/JobSearchAggregator (Truelogic board)
    Case("ashby-linear-europe", "ashby", LINEAR, 0, {
        "url": "https://jobs.ashbyhq.com/linear/d3bc1ced-3ce4-4086-a050-555055dbb1ff",
        "title": "Senior / Staff Fullstack Engineer", "company": "Linear", "employment_type": "full_time",
        "workplace_type": "remote", "country": None, "location_raw": "Europe", "salary_min": None,
        "date_posted": date(2021, 4, 27)}),
    Case("ashby-linear-north-america", "ashby", LINEAR, 1, {
        "company": "Linear", "country": "US", "workplace_type": "remote", "location_raw": "North America",
        "date_posted": date(2021, 8, 18)}),
    Case("ashby-truelogic-latam", "ashby", TRUELOGIC, 0, {
        "title": "Senior Front-end Engineer - Open Application", "company": "Truelogic",
        "employment_type": "full_time", "workplace_type": "remote", "country": "PA",
        "date_posted": date(2025, 1, 15)}),
    # Recruitee, prettyirrelevant/hunt (Channable careers site)
    Case("recruitee-channable-monthly-strings", "recruitee", CHANNABLE, 0, {
        "url": "https://jobs.channable.com/o/customer-success-manager-benelux-dutch-speaking-3",
        "title": "Customer Success Manager Benelux - Dutch speaking", "company": "Channable", "city": "Utrecht",
        "postal_code": "3512 HL", "country": "NL", "workplace_type": "hybrid", "employment_type": "full_time",
        "contract_type": "permanent", "salary_min": 3750, "salary_max": 5250, "salary_currency": "EUR",
        "salary_period": "month", "date_posted": date(2026, 9, 18)}),
    Case("recruitee-channable-yearly-strings", "recruitee", CHANNABLE, 1, {
        "title": "Head of People & Culture", "company": "Channable", "city": "Utrecht", "country": "NL",
        "salary_min": 115000, "salary_max": 130000, "salary_currency": "EUR", "salary_period": "year",
        "date_posted": date(2026, 9, 11)}),
    # Recruitee, clearfetch/ats-jobs-scraper (bunq careers domain, every field of the answer)
    Case("recruitee-bunq-hybrid-no-salary", "recruitee", BUNQ, 0, {
        "url": "https://careers.bunq.com/o/senior-legal-counsel-3",
        "apply_url": "https://careers.bunq.com/o/senior-legal-counsel-3/c/new",
        "title": "(Senior) Legal Counsel", "company": "bunq", "city": "Amsterdam", "region": "Noord-Holland",
        "postal_code": None, "country": "NL", "workplace_type": "hybrid", "employment_type": "full_time",
        "contract_type": "permanent", "salary_min": None, "salary_max": None, "date_posted": date(2026, 9, 25)}),
    Case("recruitee-bunq-intern-coded-permanent", "recruitee", BUNQ, 1, {
        # employment_type_code "fulltime_permanent", but the title and "for 3 months" say internship
        "title": "Copywriting Intern", "company": "bunq", "city": "Amsterdam", "country": "NL",
        "workplace_type": "hybrid", "employment_type": "full_time", "contract_type": "internship",
        "seniority": "intern", "date_posted": date(2026, 9, 25)}),
    # SmartRecruiters, prettyirrelevant/hunt (Ubisoft list) and chudleycannon/job-radar (Scalable detail)
    Case("smartrecruiters-ubisoft-permanent", "smartrecruiters", UBISOFT, 0, {
        "url": "https://jobs.smartrecruiters.com/Ubisoft2/744000151912444", "requisition_id": "REF31910A",
        "title": "Spécialiste Fiabilité outils et infrastructures - TGQF", "company": "Ubisoft", "country": "CA",
        "workplace_type": "onsite", "employment_type": "full_time", "contract_type": "permanent",
        "date_posted": date(2026, 9, 25)}),
    Case("smartrecruiters-ubisoft-intern", "smartrecruiters", UBISOFT, 1, {
        "requisition_id": "REF31996L", "title": "CRM Webmarketing Assistant", "city": "Paris", "country": "FR",
        "workplace_type": "onsite", "contract_type": "internship", "date_posted": date(2026, 9, 25)}),
    Case("smartrecruiters-scalable-detail", "smartrecruiters", SCALABLE, 0, {
        "title": "Financial Risk Manager", "company": "Scalable GmbH", "city": "München", "postal_code": "80538",
        "country": "DE", "workplace_type": "hybrid", "date_posted": date(2026, 8, 5)},
        count_checks={"responsibilities": 4, "requirements": 6, "benefits": 7}),
    # SmartRecruiters posting details: aravindpranav/job-agent (SmartRecruiters Inc), Pranav252005/
    # LinkedinClassifier (Ubisoft Annecy), danielgeko/job-posting-agent (ServiceNow), ericfleshman-commits/
    # candidatezero (HireVue), haydenham/vertical-job-digest (Vitol), abhibattula/JOB-SEARCH-PLATFORM (Visa),
    # Aaronearlerichardson/Jobs (Guidehealth)
    Case("smartrecruiters-remote-country-in-city-slot", "smartrecruiters", SR_AI_ENGINEER, 0, {
        "url": "https://jobs.smartrecruiters.com/smartrecruiters/744000132911099-senior-ai-engineer",
        "apply_url": "https://jobs.smartrecruiters.com/smartrecruiters/744000132911099-senior-ai-engineer?oga=true",
        "source_id": "744000132911099", "requisition_id": "REF1915U", "title": "Senior AI Engineer",
        # location {"city": "United Kingdom", "region": "REMOTE", "country": "gb"}: no city, no region
        "company": "SmartRecruiters Inc", "city": None, "region": None, "country": "GB", "workplace_type": "remote",
        "employment_type": "full_time", "contract_type": "permanent", "seniority": "senior",
        "date_posted": date(2026, 6, 18)},
        count_checks={"responsibilities": 7, "requirements": 12, "benefits": 0}),
    Case("smartrecruiters-ubisoft-nested-list", "smartrecruiters", SR_UBISOFT_ANNECY, 0, {
        "source_id": "744000151103220", "requisition_id": "REF31464G", "title": "Expert Technical Artist - Shader",
        "company": "Ubisoft", "city": "Annecy", "region": "Auvergne-Rhône-Alpes", "country": "FR",
        "workplace_type": "onsite", "employment_type": "full_time", "contract_type": "permanent",
        "date_posted": date(2026, 9, 22)},
        # the sixth requirement holds a sub-list (Shaders, FX, Lighting…): one item
        count_checks={"responsibilities": 6, "requirements": 8, "benefits": 0},
        known_wrong={"title": "crawler/parsing/title.py keeps the French gender marker '(F/H/NB)'"}),
    Case("smartrecruiters-servicenow-no-region-cut-text", "smartrecruiters", SR_SERVICENOW, 0, {
        "requisition_id": "JB0061546", "title": "Assoc Machine Learning Engineer", "company": "ServiceNow",
        "city": "Hyderabad", "postal_code": "500081", "country": "IN", "workplace_type": "onsite",
        "employment_type": "full_time", "contract_type": "permanent", "date_posted": date(2026, 9, 27)},
        count_checks={"responsibilities": 1, "requirements": 6, "benefits": 0}),
    Case("smartrecruiters-hirevue-part-time-internship", "smartrecruiters", SR_HIREVUE, 0, {
        "requisition_id": "REF307T", "title": "Data Science Intern", "company": "HireVue Inc", "city": "Sandy",
        "country": "US", "workplace_type": "remote", "employment_type": "part_time", "contract_type": "internship",
        "seniority": "intern", "date_posted": date(2026, 7, 20)},
        count_checks={"requirements": 3}),
    Case("smartrecruiters-vitol-city-state", "smartrecruiters", SR_VITOL, 0, {
        "apply_url": "https://jobs.smartrecruiters.com/Vitol/744000133666057-platform-engineer?oga=true",
        "requisition_id": "REF850Y", "title": "Platform Engineer", "company": "Vitol", "city": "Singapore",
        "country": "SG", "workplace_type": "onsite", "employment_type": "full_time", "contract_type": "permanent",
        "date_posted": date(2026, 6, 23)},
        count_checks={"responsibilities": 6, "requirements": 21, "benefits": 0},
        known_wrong={"city": "crawler/parsing/place_names.normalise_address reads the city-state "
                             "'Singapore' as the country only"}),
    Case("smartrecruiters-visa-empty-sections", "smartrecruiters", SR_VISA, 0, {
        "requisition_id": "REF97395W", "title": "Sr. Manager", "company": "Visa", "city": "Austin", "country": "US",
        "workplace_type": "onsite", "employment_type": "full_time", "contract_type": "permanent",
        "date_posted": date(2026, 6, 24)},
        count_checks={"responsibilities": 0, "requirements": 0, "benefits": 0}),
    Case("smartrecruiters-guidehealth-hourly-pay-videos", "smartrecruiters", SR_GUIDEHEALTH, 0, {
        "url": "https://jobs.smartrecruiters.com/Guidehealth/3743990015568355-patient-engagement-specialist-remote",
        "apply_url": None, "requisition_id": "REF292X", "title": "Patient Engagement Specialist",
        "company": "Guidehealth", "city": "Dallas", "country": "US", "workplace_type": "remote",
        "employment_type": "full_time", "contract_type": "permanent", "salary_min": 20, "salary_max": 22,
        "salary_currency": "USD", "salary_period": "hour", "date_posted": date(2026, 9, 22)},
        count_checks={"responsibilities": 2, "requirements": 2},
        known_wrong={"title": "crawler/parsing/title.py keeps the work-mode suffix ' - Remote'"}),
    # Workable, kaarthi19/pantau (ClimateWorks widget answer)
    Case("workable-climateworks-remote-uk", "workable", CLIMATEWORKS, 0, {
        "url": "https://apply.workable.com/j/869818CC50", "source_id": "869818CC50",
        "title": "Program Manager, Global Energy Transition Initiative", "company": "ClimateWorks Foundation",
        "city": None, "country": "GB", "workplace_type": "remote", "date_posted": date(2026, 7, 7)}),
    # Workable, clearfetch/ats-jobs-scraper (Hugging Face widget answer with details: remote jobs whose one
    # place is hidden from applicants)
    Case("workable-huggingface-emea-remote", "workable", HUGGINGFACE, 0, {
        "url": "https://apply.workable.com/j/F4C096B22E", "source_id": "F4C096B22E",
        "apply_url": "https://apply.workable.com/j/F4C096B22E/apply",
        "title": "Low-level Senior Software Engineer, Xet Storage",
        "title_raw": "Low-level Senior Software Engineer, Xet Storage - EMEA Remote", "company": "Hugging Face",
        "country": "FR", "workplace_type": "remote", "employment_type": "full_time", "seniority": "senior",
        "date_posted": date(2026, 7, 30)},
        known_wrong={"title": "crawler/parsing/title.py keeps the work-mode suffix ' - EMEA Remote'"}),
    Case("workable-huggingface-us-remote", "workable", HUGGINGFACE, 1, {
        "url": "https://apply.workable.com/j/002470F128",
        "title": "Low-Level Senior Software Engineer, Xet Storage", "company": "Hugging Face", "country": "US",
        "workplace_type": "remote", "employment_type": "full_time", "date_posted": date(2026, 7, 30)},
        known_wrong={"title": "crawler/parsing/title.py keeps the work-mode suffix ' - US Remote'"}),
    # Personio, Aaronearlerichardson/Jobs (CLARK feed, no description texts)
    Case("personio-clark-two-offices", "personio", CLARK, 0, {
        "url": "https://clark.jobs.personio.de/job/2415353", "title": "(Senior) CRM Manager",
        "company": "CLARK Holding SE", "city": "Berlin", "country": "DE", "location_raw": "Berlin; Frankfurt am Main",
        "employment_type": "full_time", "contract_type": "permanent", "experience_years_min": 2,
        "description": None, "date_posted": date(2025, 11, 4)}),
    Case("personio-clark-remote", "personio", CLARK, 1, {
        "company": "Clark Germany GmbH", "workplace_type": "remote", "seniority": "junior",
        "experience_years_min": 1, "date_posted": date(2025, 10, 7)}),
    Case("personio-clark-berlin-old", "personio", CLARK, 2, {
        "title": "Sales Consultant", "city": "Berlin", "country": "DE", "date_posted": date(2021, 3, 24)}),
    Case("personio-clark-zurich", "personio", CLARK, 3, {
        "company": "Clark Switzerland AG", "city": "Zürich", "country": "CH", "experience_years_min": None,
        "date_posted": date(2025, 9, 15)}),
    # Personio, clearfetch/ats-jobs-scraper (Personio SE's own feed: one position, two offices, full texts)
    Case("personio-personio-se-hybrid-two-offices", "personio", PERSONIO_SE, 0, {
        "url": "https://personio.jobs.personio.de/job/1834171", "source_id": "1834171",
        "title": "Staff Software Engineer, Data Platform", "company": "Personio SE & Co. KG",
        "location_raw": "Munich; Berlin", "city": "München", "country": "DE",
        # "This position is hybrid based in either Dublin or Munich locations"
        "workplace_type": "hybrid", "employment_type": "full_time", "contract_type": "permanent",
        "date_posted": date(2024, 11, 13)},
        # "What you'll do" holds seven items and "How you'll go about it:" six more; "Why Personio" eight perks
        count_checks={"responsibilities": 13, "requirements": 8, "benefits": 8}),
    # Teamtailor RSS, Tonttu84/jobScraper (UpCloud feed)
    Case("teamtailor-upcloud-hybrid", "rss", UPCLOUD, 0, {
        "url": "https://upcloud.teamtailor.com/jobs/8323453-business-intelligence-analyst",
        "title": "Business Intelligence Analyst", "company": "UpCloud", "city": "Helsinki", "postal_code": "00100",
        "country": "FI", "workplace_type": "hybrid", "date_posted": date(2026, 9, 4)}),
    Case("teamtailor-upcloud-fully-remote", "rss", UPCLOUD, 1, {
        "title": "Full Stack Developer", "company": "UpCloud", "country": "FI", "workplace_type": "remote",
        "date_posted": date(2026, 6, 23)}),
    # Teamtailor RSS, bpke1/jobba (Ferd feed: remoteStatus "none", street address and zip, Norwegian texts)
    Case("teamtailor-ferd-internship-at-the-office", "rss", FERD, 0, {
        "url": "https://ferd.teamtailor.com/jobs/8344301-ferd-digital-internship",
        "title": "Ferd Digital Internship", "company": "Ferd", "city": "Oslo", "postal_code": "0250",
        "country": "NO", "contract_type": "internship", "seniority": "intern",
        # "Internshipet er betalt og foregår fra vårt kontor i Oslo" (takes place at our office in Oslo)
        "workplace_type": "onsite", "date_posted": date(2026, 9, 8)},
        known_wrong={"workplace_type": "crawler/parsing/workplace.py office_bound knows no Norwegian "
                                       "('foregår fra vårt kontor i Oslo'); remoteStatus 'none' states nothing"}),
    Case("teamtailor-ferd-open-position-no-status", "rss", FERD, 1, {
        "title": "Ferd - Open position", "company": "Ferd", "city": "Oslo", "postal_code": "0250", "country": "NO",
        "workplace_type": None, "date_posted": date(2026, 8, 31)}),
    Case("teamtailor-ferd-open-application-old", "rss", FERD, 2, {
        "url": "https://ferd.teamtailor.com/jobs/5513797-apen-soknad", "title": "Åpen søknad", "company": "Ferd",
        "city": "Oslo", "country": "NO", "date_posted": date(2025, 2, 4)}),
    # Bundesagentur Jobsuche v6 search, maschinenlesbar-org/jobsuche-cli (first published 2026-08-31,
    # republished 2026-09-14; the employer's page on a job board with utm_* parameters)
    Case("arbeitsagentur-v6-bfr-republished", "arbeitsagentur", BA_V6_BFR, 0, {
        "url": "https://www.arbeitsagentur.de/jobsuche/jobdetail/14225-d678889039fc0001-S",
        "source_id": "14225-d678889039fc0001-S",
        "apply_url": "https://www.jobvector.de/job/informatiker-d678889039fc0001/",
        "title": "Informatiker", "title_raw": "Informatiker (m/w/d)",
        "company": "Bundesinstitut für Risikobewertung (BfR)", "via_agency": False,
        "city": "Berlin", "postal_code": "10589", "region": "Berlin", "country": "DE",
        "employment_type": "full_time", "contract_type": None, "workplace_type": "hybrid",
        "salary_min": 60772.4, "salary_max": 87110, "salary_currency": "EUR", "salary_period": "year",
        "date_posted": date(2026, 8, 31), "start_date": date(2026, 9, 14)}),
    # Bundesagentur Jobsuche v4 search item, r2binx/D4C-Jobsuche (a staffing firm's own vacancy)
    Case("arbeitsagentur-v4-stuttgart", "arbeitsagentur", BA_V4_STUTTGART, 0, {
        "url": "https://www.arbeitsagentur.de/jobsuche/jobdetail/10000-1189502969-S",
        "source_id": "10000-1189502969-S", "title": "Personaldisponent", "title_raw": "Personaldisponent/in",
        "company": "Süd Personalmanagement GmbH", "via_agency": False, "location_raw": "70178 Stuttgart",
        "city": "Stuttgart", "postal_code": "70178", "region": "Baden-Württemberg", "country": "DE",
        "employment_type": None, "workplace_type": None, "date_posted": date(2022, 6, 2),
        "start_date": date(2022, 6, 2)}),
    # StepStone platform: totaljobs.com search page with its app-unifiedResultlist state,
    # Steve-MS/Eng_Job_finder (listing entries only; the ad pages were not saved)
    Case("stepstone-totaljobs-hourly-and-annual", "stepstone", TOTALJOBS, 0, {
        "url": "https://www.totaljobs.com/job/project-manager/creative-support-job107524550",
        # one figure sets both ends, also behind "up to" (SCHEMA.md); the first of the two figures
        "source_id": "107524550", "title": "Project Manager", "company": "Creative Support", "city": "Blackpool",
        "country": "GB", "salary_min": 14.75, "salary_max": 14.75, "salary_currency": "GBP", "salary_period": "hour",
        "date_posted": date(2026, 6, 12)}),
    Case("stepstone-totaljobs-range-postcode-district", "stepstone", TOTALJOBS, 1, {
        "title_raw": "Project Manager Placement Programme – No experience needed", "company": "IT Online Learning",
        "city": "Leeds", "country": "GB", "salary_min": 38000, "salary_max": 60000, "salary_currency": "GBP",
        "salary_period": "year", "date_posted": date(2026, 6, 9)}),
    Case("stepstone-totaljobs-currency-code-decimals", "stepstone", TOTALJOBS, 5, {
        "company": "Yorkshire Water", "city": "Bradford", "country": "GB", "salary_min": 45205, "salary_max": 56506,
        "salary_currency": "GBP", "salary_period": "year", "date_posted": date(2026, 6, 11)}),
    Case("stepstone-totaljobs-escaped-title", "stepstone", TOTALJOBS, 7, {
        "title_raw": "Project Manager - Assurance & Improvement", "company": "Victim Support", "country": "GB"}),
    Case("stepstone-totaljobs-day-rate-with-extras", "stepstone", TOTALJOBS, 10, {
        "company": "HP4 Recruitment Ltd", "country": "GB", "salary_min": 550, "salary_max": 600,
        "salary_currency": "GBP", "salary_period": "day", "date_posted": date(2026, 6, 11)}),
    Case("stepstone-totaljobs-k-figures", "stepstone", TOTALJOBS, 14, {
        "company": "Morson Edge", "salary_min": 65000, "salary_max": 85000, "salary_currency": "GBP",
        "salary_period": "year"}),
    Case("stepstone-totaljobs-competitive", "stepstone", TOTALJOBS, 15, {
        "company": "Mott MacDonald", "city": "Leeds", "country": "GB", "salary_min": None, "salary_max": None,
        "date_posted": date(2026, 6, 14)}),
    Case("stepstone-totaljobs-zero-pay-country-only", "stepstone", TOTALJOBS, 24, {
        "title": "Approvals Project Manager", "city": None, "country": "GB", "salary_min": None, "salary_max": None}),
    # StepStone platform: stepstone.at result cards without the state, vladbrincoveanu/JobCrawler
    Case("stepstone-at-card-partly-home-office", "stepstone", STEPSTONE_AT, 0, {
        "url": "https://www.stepstone.at/stellenangebote--DevOps-Engineer-m-w-x-Wien-world4you-Internet-Services-GmbH"
               "--990051-inline.html",
        "source_id": "990051", "title": "DevOps Engineer", "title_raw": "DevOps Engineer (m/w/x)",
        "company": "world4you Internet Services GmbH", "city": "Wien", "country": "AT", "workplace_type": "hybrid"}),
    Case("stepstone-at-card-postal-code", "stepstone", STEPSTONE_AT, 1, {
        "company": "Internex GmbH", "city": "Wien", "postal_code": "1090", "country": "AT", "workplace_type": None,
        "date_posted": date(2026, 7, 23)}),
    Case("stepstone-at-card-long-company", "stepstone", STEPSTONE_AT, 2, {
        "title": "Linux DevOps Engineer",
        "company": "AGES - Österreichische Agentur für Gesundheit und Ernährungssicherheit GmbH", "city": "Wien",
        "country": "AT", "workplace_type": "hybrid", "date_posted": date(2026, 7, 23)}),
    Case("stepstone-at-card-two-cities", "stepstone", STEPSTONE_AT, 7, {
        "company": "ALTEN Austria GmbH", "location_raw": "Graz, Wien", "city": "Graz", "country": "AT",
        "date_posted": date(2026, 7, 29)}),
]


def checked_fields(case: Case) -> list[tuple[str, Any, Any]]:
    """``(field, expected, stored)`` for every checked field of one case."""
    posting = stored_posting(case.jobs()[case.index], case.source)
    checks = [(name, expected, posting.get(name)) for name, expected in case.expected.items()]
    checks += [(f"len({name})", count, len(posting.get(name) or [])) for name, count in case.count_checks.items()]
    return checks


def checked_field_ratio() -> tuple[int, int, list[str]]:
    """Right checked fields, all checked fields, and a line per wrong one (``python -m`` prints them)."""
    right = total = 0
    wrong = []
    for case in CASES:
        for name, expected, stored in checked_fields(case):
            total += 1
            if stored == expected:
                right += 1
            else:
                wrong.append(f"{case.name}: {name} expected {expected!r}, stored {stored!r}")
    return right, total, wrong


if __name__ == "__main__":
    right, total, wrong = checked_field_ratio()
    print("\n".join(wrong))
    print(f"{right}/{total} checked fields right ({right / total:.3f})")
