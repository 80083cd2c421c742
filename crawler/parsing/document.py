"""What a saved document states before its text is read: structured data, front matter, page slots.

:func:`known_from_document` turns a saved HTML page, a Markdown ad or a plain-text ad into the
``known`` fields :func:`crawler.parsing.posting.complete_posting` completes, and names where they
came from: a page's JSON-LD or microdata, or a Markdown ad's front matter, is ``structured_data``;
a page without structured data gives its title and header slots as ``board_header``.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from crawler.parsing.component_source import component_markup
from crawler.parsing.csv_record import csv_row_text
from crawler.parsing.dates import parse_date
from crawler.parsing.headings import heading_kind
from crawler.parsing.header import looks_like_job_title, read_header
from crawler.parsing.jobposting import fields_from_job_posting, structured_sections, structured_skills
from crawler.parsing.language import detect_language
from crawler.parsing.json_record import opens_like_record, read_json_object
from crawler.parsing.markdown_text import first_title_heading, split_front_matter
from crawler.parsing.page import ad_html, fields_from_page, microdata_item_html, names_the_site
from crawler.parsing.provenance import BOARD_HEADER, STRUCTURED_DATA, TEXT
from crawler.parsing.qualifications import experience_years_min
from crawler.parsing.skills import find_skills
from crawler.parsing.structured import extract_json_ld, extract_microdata, extract_script_objects
from crawler.parsing.text import clean_text, looks_like_html
from crawler.parsing.title import names_a_vacancy
from crawler.parsing.title_facts import employer_named_in_title
from crawler.parsing.title_in_text import (role_from_hiring_sentence, title_under_listing_heading,
                                           vacancy_heading_under_page_title)

__all__ = ["known_from_document", "known_from_job_posting", "known_from_page"]


# Plural words a page of job listings is titled with ("Jobs und Freiwilligendienste", "Offene Stellen").
_LISTING_WORD_RE = re.compile(r"\b(?:jobs|stellen|stellenangebote|careers|karriere|vacancies|openings|positions)\b",
                              re.IGNORECASE)


_ADDRESS = re.compile(r"https?://|www\.|\S@\S")


_COMMENTED_FRONT_MATTER = re.compile(r"\A\ufeff?\s*<!--[ \t]*(?P<front_matter>---[ \t]*\r?\n.*?\r?\n---)[ \t]*-->[ \t]*\r?\n?",
                                     re.DOTALL)


def _names_a_page(title: str) -> bool:
    """True when a front matter's title names the page or site rather than a job."""
    return names_the_site(title) or _LISTING_WORD_RE.search(title) is not None


_LEAST_WORDS_OF_A_PHRASE = 5


def _names_no_job(title: str) -> bool:
    """True when a front matter's title that names no role is a call ("We're recruiting!"), a page's
    name ("Stellenangebote", "Offene Stelle beim Fraunhofer-Institut") or a phrase of five words or more
    ("Willkommen auf der Webseite der Physiotherapie Liedtke"), not a short title of words the role
    vocabulary lacks ("Assistenz Betriebsrat")."""
    return (title.rstrip().endswith(("!", "?")) or _names_a_page(title) or _VACANCY_AT_EMPLOYER.match(title) is not None
            or len(title.split()) >= _LEAST_WORDS_OF_A_PHRASE)


# A post at an employer, no role: "Stellenangebot beim Bundesamt für Verfassungsschutz", "Offene Stelle
# beim Fraunhofer-Institut", "Job at Acme".
_VACANCY_AT_EMPLOYER = re.compile(
    r"^\s*(?:(?:neue[sr]?|offene|freie|weitere[sr]?|aktuelle[sr]?)\s+)?(?:stelle|stellen|stellenangebote?"
    r"|stellenausschreibung(?:en)?|jobangebote?|jobs?|vacanc(?:y|ies)|opening|career|careers|karriere)"
    r"\s+(?:bei|beim|am|an\s+der|at|with)\s+\S", re.IGNORECASE)


_MARKDOWN_HEADING = re.compile(r"^[ ]{0,3}#{1,3}[ \t]+[^#\n].*$", re.MULTILINE)


def _first_heading_past_page_headings(body: str) -> str | None:
    """The first Markdown heading that can be the ad's title (see ``first_title_heading``), past
    the headings that name the page rather than a job: a career page opens "## Karriere", "##
    Offene Stellen" above "### Medizinische Fachangestellte (w/m/d) …"."""
    for match in _MARKDOWN_HEADING.finditer(body or ""):
        heading = first_title_heading(match.group(0))
        if heading is None or not _names_a_page(heading):
            return heading
    return None


def known_from_document(document: str, *, crawled_at: datetime,
                        url: str | None = None) -> tuple[dict[str, Any], str]:
    """``(known fields, their source)`` for a saved page or a text ad; ``known["description"]``
    holds the ad's text (markup, Markdown or plain) for the text parser."""
    known, source = _known_from_document(document, crawled_at=crawled_at, url=url)
    if document.startswith("<?php") and (settings := split_front_matter(document)) is not None:
        # A PHP page that sets its variables first ("$company = 'JBS Carriers';"): what the page itself
        # did not state.
        for name, value in settings.fields.items():
            if not known.get(name):
                known[name] = value
                known.setdefault("field_sources", {})[name] = TEXT
    return known, source


def _known_from_document(document: str, *, crawled_at: datetime,
                         url: str | None = None) -> tuple[dict[str, Any], str]:
    known: dict[str, Any] = {"url": url, "description": document}
    # A front matter wrapped in an HTML comment ("<!-- ---\ntitle: …\n--- -->", a Jekyll site that
    # renders its posts another way) still states the page's fields: the comment is read as one.
    commented = _COMMENTED_FRONT_MATTER.match(document)
    if commented:
        document = commented["front_matter"] + "\n" + document[commented.end():]
    if (row_text := csv_row_text(document)) is not None:
        # one row of a scraper's CSV export: its short fields are the header lines over its text
        known["description"] = row_text
        return known, TEXT
    # YAML "---", TOML "+++", or a record: a JSON object ("{", or its members without braces: '"name": …')
    # or a script module's object literal ("export const Job = {").
    opening = document.lstrip("\ufeff \t\r\n")[:3]
    if opening[:1] == "{" and '"JobPosting"' in document[:4000] and (node := _bare_job_posting(document)) is not None:
        # a schema.org JobPosting kept as a record of its own (an entry of a site's array), no page around it
        known.update(known_from_job_posting(node, "", crawled_at))
        return known, STRUCTURED_DATA
    front_matter = (split_front_matter(document)
                    if opening in ("---", "+++") or opens_like_record(document) else None)
    if front_matter is not None:
        known.update(front_matter.fields, description=front_matter.body)
        stated_title = known.get("title_raw")
        if stated_title and not looks_like_job_title(stated_title) and not names_a_vacancy(stated_title):
            # A page title ("Jobs", "Jobs und Freiwilligendienste") rather than the ad's: the
            # ad's own heading names the role.
            body_title = read_header(clean_text(front_matter.body)).title
            if not (body_title and looks_like_job_title(body_title)):
                body_title = _first_heading_past_page_headings(front_matter.body)
            if body_title and _ADDRESS.search(body_title):
                body_title = None  # a line that links or mails somewhere ("Head to the … board https://…")
            if body_title and (looks_like_job_title(body_title) or names_a_vacancy(body_title)
                               or (_names_a_page(stated_title) and heading_kind(body_title) is None)):
                # ("Description", "Über uns" name a section of the ad, not the job; a heading of
                # no known kind, "Intro", replaces only a page's title such as "Jobs", never a
                # title of the ad's own words: "Senior Full Stack to join the 'Github for Hardware'".)
                known["title_raw"] = body_title
                known["field_sources"] = {"title_raw": TEXT}
            elif _names_no_job(stated_title) and (role := role_from_hiring_sentence(clean_text(front_matter.body))):
                # A call, a page's name or a greeting ("We're recruiting!", "Stellenangebote",
                # "Willkommen auf der Webseite der …") over an ad whose headings name no job: the role
                # its hiring sentence or its own vacancy line names.
                known["title_raw"] = role
                known["field_sources"] = {"title_raw": TEXT}
        if (stated_title and known.get("title_raw") != stated_title and _VACANCY_AT_EMPLOYER.match(stated_title)
                and not known.get("company") and (employer := employer_named_in_title(stated_title, front_matter.body))):
            # The page's title that gave way names the employer: "Stellenangebot beim Bundesamt für Verfassungsschutz".
            known["company"] = employer
            known.setdefault("field_sources", {})["company"] = TEXT
        if under := vacancy_heading_under_page_title(known.get("title_raw"), front_matter.body):
            known["title_raw"] = under
            known["field_sources"] = {"title_raw": TEXT}
        if known.get("date_posted_raw"):
            known["date_posted"] = parse_date(known["date_posted_raw"], crawled_at)
        if deadline := known.pop("valid_through_raw", None):
            known["valid_through"] = parse_date(deadline, crawled_at)
            if known["valid_through"] is None:
                del known["valid_through"]
            else:
                known.setdefault("field_sources", {})["valid_through"] = STRUCTURED_DATA
        return known, STRUCTURED_DATA
    if markup := component_markup(document):
        # a React/JSX component saved in place of the page: the markup it returns is the page
        document = known["description"] = markup
    if not looks_like_html(document):
        return known, TEXT
    structured = extract_json_ld(document)
    job_postings = structured.job_postings or _microdata_postings(document, url)
    from_microdata = not structured.job_postings and bool(job_postings)
    if not job_postings and "JobPosting" in document:
        # a page's own script builds its JSON-LD from an object literal (an Astro or Next.js component)
        job_postings = extract_script_objects(document)
    if not job_postings:
        return {**known_from_page(document), "url": url}, TEXT
    known = known_from_job_posting(job_postings[0], document, crawled_at, from_microdata=from_microdata)
    if url:
        known["url"] = url
    return known, STRUCTURED_DATA


def known_from_page(page_html: str) -> dict[str, Any]:
    """The known fields of a page without structured data: its title and header slots (their
    source ``board_header`` in ``field_sources``) and its main content as ``description``."""
    page_fields = fields_from_page(page_html)
    fallback_title = page_fields.pop("document_title", None)
    if not page_fields.get("title_raw") and (fallback_title or _LISTING_WORD_RE.search(page_html)):
        page_text = clean_text(page_fields.get("description") or "")
        if not read_header(page_text).title:
            # The page's text names no title of its own: the page's title, else the one vacancy a
            # career page lists ("Offene Stellen" / "Operations (10h/Woche, Mini-Job)").
            page_fields["title_raw"] = fallback_title or title_under_listing_heading(page_text)
    known: dict[str, Any] = {"description": page_html, **page_fields}
    known["field_sources"] = {name: BOARD_HEADER for name, value in page_fields.items()
                              if name not in ("description", "site_owner") and value}
    return known


def _bare_job_posting(document: str) -> dict[str, Any] | None:
    record = read_json_object(document)
    if record is None:
        return None
    kind = record[0].get("@type")
    return record[0] if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind) else None


def known_from_job_posting(node: dict[str, Any], page_html: str, crawled_at: datetime, *,
                           from_microdata: bool = False) -> dict[str, Any]:
    """The known fields of one JobPosting record of a page (JSON-LD or microdata), its
    ``description`` completed from the page around it. A crawl reads each record of a page with
    this function and :func:`known_from_document` the first, so both give the same fields."""
    known = fields_from_job_posting(node, crawled_at)
    if from_microdata:
        # extruct flattens the description to plain text (bullets lost), and boards put
        # salary, contract and dates beside it: the item's own markup keeps both.
        known["description"] = microdata_item_html(page_html) or known.get("description")
    else:
        known["description"] = _with_page_text(known.get("description"), page_html)
    _add_structured_parts(known, node)
    return known


def _add_structured_parts(known: dict[str, Any], node: dict[str, Any]) -> None:
    """JobPosting properties beside ``description`` (``responsibilities``, ``qualifications``,
    ``jobBenefits``, ``skills``, ``experienceRequirements``…): a part the description does not
    already hold is appended under its own heading, so an ad with an empty description still
    gets its lists; ``skills`` are matched against the taxonomy."""
    description = known.get("description") or ""
    blocks = []
    # The language only names the headings: a node without such parts (most) skips reading it.
    parts = structured_sections(node, "en")
    if parts:
        described = " ".join(clean_text(description).split()).lower()
        parts = structured_sections(node, detect_language(described) or "en")
    for _section, heading, markup in parts:
        part = clean_text(markup)
        opening = " ".join(part.split()).lower()[:80]
        if part and opening and opening.lstrip("- ") not in described:
            blocks.append(f"<h3>{heading}</h3>{markup}")
    if blocks:
        known["description"] = (description if looks_like_html(description) or not description
                                else "<p>" + description.replace("\n", "<br>") + "</p>") + "".join(blocks)
    skills_text = structured_skills(node)
    if skills_text:
        known["skills"] = find_skills(skills_text)
    if not known.get("experience_years_min"):
        requirements = node.get("experienceRequirements")
        if isinstance(requirements, str):
            known["experience_years_min"] = experience_years_min(requirements)


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


