"""The whole parse: a job ad in, every field of the posting schema out.

:func:`complete_posting` takes what a source already stated (JSON-LD, an ATS payload) and fills
the gaps from the ad's text; :func:`parse_document` does the same for a saved page or a plain
text ad, which is what ``jobcrawl parse`` and re-parsing of archived pages use.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from crawler.items import LIST_FIELDS, SCHEMA_FIELDS
from crawler.parsing.dates import find_date_posted, find_start_date, find_valid_through
from crawler.parsing.employer import clean_company_name, company_in_text, is_agency_ad
from crawler.parsing.header import looks_like_job_title, read_header
from crawler.parsing.jobposting import fields_from_job_posting
from crawler.parsing.language import detect_language
from crawler.parsing.page import ad_html, fields_from_page, microdata_item_html
from crawler.parsing.location import find_location, normalise_address, parse_location, postal_code_near
from crawler.parsing.qualifications import (
    education_level,
    experience_years_in_requirements,
    experience_years_min,
    required_languages,
)
from crawler.parsing.salary import find_salary, parse_salary
from crawler.parsing.sections import employer_from_headings, split_sections
from crawler.parsing.skills import find_skills
from crawler.parsing.structured import extract_json_ld, extract_microdata
from crawler.parsing.terms import contract_type, employment_type, workplace_type
from crawler.parsing.text import clean_text, looks_like_html
from crawler.parsing.title import clean_title, seniority_from_title

PARSER_VERSION = "2"
"""Bumped whenever parsing changes what it returns, so archived pages can be re-parsed."""

def _empty_posting() -> dict[str, Any]:
    posting: dict[str, Any] = {name: None for name in SCHEMA_FIELDS}
    for name in LIST_FIELDS:
        posting[name] = []
    posting["via_agency"] = False
    return posting


def _fill(posting: dict[str, Any], name: str, value: Any) -> None:
    """Set a field only when the source left it empty."""
    if posting.get(name) in (None, "", []) and value not in (None, "", []):
        posting[name] = value


def _fill_location(posting: dict[str, Any], location) -> None:
    if location is None:
        return
    for name in ("city", "postal_code", "region", "country"):
        _fill(posting, name, getattr(location, name))
    _fill(posting, "location_raw", location.raw)


def _fill_salary(posting: dict[str, Any], salary) -> None:
    if salary is None or posting.get("salary_min") is not None or posting.get("salary_max") is not None:
        return
    posting.update(salary_min=salary.min, salary_max=salary.max, salary_raw=salary.raw)
    _fill(posting, "salary_currency", salary.currency)
    _fill(posting, "salary_period", salary.period)


def _same_place_name(one: str | None, other: str | None) -> bool:
    """"Staufen im Breisgau" and "Staufen" name the same place; "Hamburg" and "Berlin" do not."""
    return bool(one and other) and one.split()[0] == other.split()[0]


def _company_named_in(text: str, title: str | None) -> str | None:
    """The employer the ad text names, unless the name is a role ("The Senior Accountant is …")."""
    name = company_in_text(text)
    if not name or looks_like_job_title(name) or (title and name.lower() in title.lower()):
        return None
    return name


def _fill_salary_period(posting: dict[str, Any], salary) -> None:
    """A header widget often shows the figures without their period ("3.900 € – 4.500 €");
    the ad text stating the same figures ("Monatsgehalt zwischen 3.900 € und 4.500 €") gives it."""
    if (salary is None or posting["salary_period"] or not salary.period
            or (salary.min, salary.max) != (posting["salary_min"], posting["salary_max"])
            or salary.currency not in (None, posting["salary_currency"])):
        return
    posting["salary_period"] = salary.period


def _fill_postal_code(posting: dict[str, Any], text: str, raw_document: str) -> None:
    """The postal code written with the city anywhere in the ad, or in the raw page: boards often
    give the full address only in a map block that chrome removal drops."""
    city, country = posting["city"], posting["country"]
    posting["postal_code"] = postal_code_near(text, city, country) or postal_code_near(raw_document, city, country)


def complete_posting(known: dict[str, Any], *, crawled_at: datetime) -> dict[str, Any]:
    """Every schema field: ``known`` values kept, gaps filled from ``known["description"]``.

    ``known["description"]`` may be HTML or plain text; it comes back as clean text.
    """
    posting = _empty_posting()
    posting.update({key: value for key, value in known.items() if key in posting and value is not None})
    posting["crawled_at"] = crawled_at
    text = clean_text(known.get("description") or "")
    posting["description"] = text or None
    header = read_header(text)

    _fill(posting, "title_raw", known.get("title") or header.title)
    if posting["title_raw"] and text.startswith(posting["title_raw"]):
        # The title repeated as the first line of the ad is not part of the description.
        text = text[len(posting["title_raw"]):].lstrip()
        posting["description"] = text or None
    if posting["title_raw"]:
        posting["title"] = clean_title(posting["title_raw"]) or None
    if posting["title"] and not posting["seniority"]:
        posting["seniority"] = seniority_from_title(posting["title"])

    if posting["company"]:
        posting["company"] = clean_company_name(posting["company"])
    posting["via_agency"] = bool(posting["via_agency"]) or is_agency_ad(text)
    if not posting["via_agency"]:
        _fill(posting, "company", header.company or _company_named_in(text, posting["title"]))

    sections = split_sections(text, company=posting["company"])
    if not posting["via_agency"]:
        _fill(posting, "company", employer_from_headings(sections.headings))
    for name in ("responsibilities", "requirements", "benefits"):
        _fill(posting, name, getattr(sections, name))
    _fill(posting, "company_description", sections.company_description)

    everything = "\n".join(part for part in (posting["title_raw"], text) if part)
    requirements_text = "\n".join(posting["requirements"]) or text
    header_text = "\n".join(header.lines)

    posting["skills"] = sorted(set(posting["skills"]) | set(find_skills(everything)), key=str.lower)
    _fill(posting, "experience_years_min", experience_years_min(requirements_text)
          or experience_years_in_requirements(posting["requirements"]) or experience_years_min(text))
    _fill(posting, "education_level", education_level(requirements_text))
    _fill(posting, "languages", required_languages(requirements_text))
    _fill(posting, "ad_language", detect_language(text or everything))


    if any(posting[name] for name in ("city", "postal_code", "region", "country")):
        # Place fields as a source stated them ("Cologne", "NW", "Deutschland") in their normal form.
        stated = normalise_address(locality=posting["city"], region=posting["region"],
                                   postal_code=posting["postal_code"], country=posting["country"])
        posting.update(city=stated.city, postal_code=stated.postal_code, region=stated.region,
                       country=stated.country)
    if posting["location_raw"] and not posting["city"] and not posting["country"]:
        _fill_location(posting, parse_location(posting["location_raw"]))
    text_location = find_location(text)
    if header.location:
        header_location = parse_location(header.location)
        # A place found with its postal code ("79219 Staufen im Breisgau") beats a bare name
        # the gazetteer resolves to a namesake abroad.
        if not (text_location and text_location.postal_code and not header_location.postal_code
                and _same_place_name(text_location.city, header_location.city)
                and text_location.country != header_location.country):
            _fill_location(posting, header_location)
    _fill_location(posting, text_location)
    if posting["city"] and not posting["postal_code"]:
        # Boards often give the full address only in a map block that chrome removal drops.
        _fill_postal_code(posting, text, known.get("description") or "")

    terms_text = "\n".join(header.terms) or header_text
    _fill(posting, "workplace_type", workplace_type(terms_text) or workplace_type(text))
    _fill(posting, "employment_type", employment_type(terms_text) or employment_type(text))
    _fill(posting, "contract_type", contract_type(terms_text) or contract_type(text))

    text_salary = find_salary(text)
    if header.salary:
        _fill_salary(posting, parse_salary(header.salary))
    _fill_salary(posting, text_salary)
    _fill_salary_period(posting, text_salary)

    if posting["date_posted"] is None:
        posted, posted_raw = find_date_posted(header_text, crawled_at) if header.date else (None, None)
        if posted is None:
            posted, posted_raw = find_date_posted(text, crawled_at)
        posting["date_posted"], posting["date_posted_raw"] = posted, posted_raw or posting["date_posted_raw"]
    _fill(posting, "valid_through", find_valid_through(text, crawled_at))
    _fill(posting, "start_date", find_start_date(text, crawled_at))
    return posting


def parse_document(document: str, *, crawled_at: datetime | None = None,
                   url: str | None = None) -> dict[str, Any]:
    """Parse a saved HTML page or a plain-text ad into every field of the posting schema."""
    crawled_at = crawled_at or datetime.now(timezone.utc)
    known: dict[str, Any] = {"url": url, "description": document}
    if looks_like_html(document):
        structured = extract_json_ld(document)
        from_microdata = not structured.job_postings
        job_postings = structured.job_postings or _microdata_postings(document, url)
        if job_postings:
            known = fields_from_job_posting(job_postings[0], crawled_at)
            if from_microdata:
                # extruct flattens the description to plain text (bullets lost), and boards put
                # salary, contract and dates beside it: the item's own markup keeps both.
                known["description"] = microdata_item_html(document) or known.get("description")
            else:
                known["description"] = _with_page_text(known.get("description"), document)
            if url:
                known["url"] = url
        else:
            known.update(fields_from_page(document))
    posting = complete_posting(known, crawled_at=crawled_at)
    return posting


SHORT_DESCRIPTION_CHARS = 400
PAGE_HEADER_MAX_LINES = 12
PAGE_HEADER_LINE_WORDS = 15


def _with_page_text(description: str | None, document: str) -> str | None:
    """The structured description, completed from the page it came with.

    A JSON-LD description that is only a teaser (under 400 characters) while the page shows the
    whole ad is replaced by the page's ad text; otherwise the page's short header lines above the
    text they share ("Wien · Vollzeit · Unbefristet") are put before it, as the text parser
    reads header facts there.
    """
    page_html = ad_html(document)
    page_text = clean_text(page_html) if page_html else ""
    text = clean_text(description or "")
    if not page_text:
        return text or description
    if len(text) < SHORT_DESCRIPTION_CHARS and len(page_text) > 2 * len(text):
        return page_text
    first_lines = {" ".join(line.split()) for line in text.split("\n")[:3] if len(line) > 20}
    page_lines = page_text.split("\n")
    end = next((index for index, line in enumerate(page_lines[:PAGE_HEADER_MAX_LINES + 1])
                if " ".join(line.split()) in first_lines), None)
    if end is None and len(page_lines) <= PAGE_HEADER_MAX_LINES:
        end = len(page_lines)  # a page that renders only the header and fills the ad in by script
    if end is None:
        return text
    header = [line for line in page_lines[:end]
              if line.count(" ") < PAGE_HEADER_LINE_WORDS and not line.startswith("- ")]
    return "\n".join(header + [""] + [text]) if any(header) else text


def _microdata_postings(document: str, url: str | None) -> list[dict[str, Any]]:
    try:
        return extract_microdata(document, url)
    except Exception:  # extruct raises many kinds on broken markup; the page is then read as text
        return []


__all__ = ["PARSER_VERSION", "complete_posting", "parse_document"]
