"""StepStone boards: search listings -> ad pages (stepstone.de; totaljobs.com, irishjobs.ie and
jobs.ie run on the same platform).

Search: ``/jobs/{query}/in-{where}`` (no query string: robots.txt disallows ``/jobs/*?*`` except
``?q=``), further pages ``?page=N``. Entries come from the page's ``app-unifiedResultlist`` state
(``searchResults.items[]`` with ``id``, ``title``, ``companyName``, ``location``, ``url``,
``datePosted``, ``salary``, ``workFromHome``; ``searchResults.pagination.{page,pageCount}``), or
from the ``article[data-at="job-item"]`` cards when the state is missing. Only the first
``data-resultlist-offers-main-displayed`` cards answer the search; the rest are "Noch nichts dabei?"
suggestions and are left out. The job id is the number in the ad's URL
(``/stellenangebote--…--13904121-inline.html``); the ``rltr`` tracking parameter is dropped.

Ad pages are read from every source they carry, best first: the JSON-LD JobPosting, the
``JobAdContent`` state (``listingHeader.listingData``, ``textSections``), the listing entry, then
the visible ``data-at`` slots (``metadata-company-name``, ``metadata-location``,
``metadata-contract-type``, ``metadata-work-type``, ``metadata-online-date`` — "Erschienen: vor 2
Tagen" —, ``section-text-{introduction,description,profile,benefits,…}-content``). The sections'
headings are whatever the employer typed, so a heading that does not name what its slot holds is
replaced by the slot's usual heading. The salary teaser ("Gehalt anzeigen") has no figures and
gives no salary. The listing's item (state item or card) is archived beside the ad page, so that
``jobcrawl reparse`` reads the ad with the same listing entry the crawl had (:func:`entry_from_record`).

Reading the pages: the embedded application state and the stable ``data-at`` slots, as plain Python values.

Search pages assign their results as strict JSON to
``window.__PRELOADED_STATE__["app-unifiedResultlist"]`` (the page holds about twenty other
``__PRELOADED_STATE__`` assignments, so the exact key is the anchor) and render the same results
as ``article[data-at="job-item"]`` cards. Detail pages may carry a schema.org JobPosting, the
state ``window.__PRELOADED_STATE__.JobAdContent = { props: {...}, ... }`` (a JavaScript object
literal: only the value of ``props`` is JSON) and the visible slots ``[data-at="metadata-…"]`` and
``[data-at="section-text-…-content"]``. Class names are hashed per build and never used.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

from lxml import html as lxml_html

from crawler.bases.board import BoardSpider, ListingEntry, ListingPage
from crawler.parsing.dates import parse_date
from crawler.parsing.jobposting import fields_from_job_posting
from crawler.parsing.salary import parse_salary
from crawler.parsing.sections import heading_kind
from crawler.parsing.structured import extract_job_postings
from crawler.parsing.terms import contract_type_from_structured, employment_type_from_structured, workplace_type
from crawler.sources.ats_fields import (
    date_fields,
    heading_text,
    location_fields_from_text,
    mapping,
    objects,
    sections_html,
    text_value,
)

_RESULT_LIST_ANCHOR = re.compile(r"""window\.__PRELOADED_STATE__\[\s*["']app-unifiedResultlist["']\s*\]\s*=\s*""")
_JOB_AD_ANCHOR = re.compile(r"window\.__PRELOADED_STATE__\.JobAdContent\s*=\s*\{")
_PROPS_KEY = re.compile(r"""(?:^|[{,\s])["']?props["']?\s*:\s*(?=\{)""")
_JOB_ID_PATTERNS = (
    re.compile(r"--(\d{5,})-inline\.html"),       # stepstone.de /stellenangebote--…--13904121-inline.html
    re.compile(r"/job/(\d{5,})(?:[/?#]|$)"),       # /job/13904121
    re.compile(r"-job(\d{5,})(?:[/?#]|$)"),        # totaljobs /job/title/company-job107803777
    re.compile(r"^job-item-(\d+)$"),                # card ids
)
_SLUG_UNSAFE = re.compile(r"[^a-z0-9äöüß]+")
_SPACE = re.compile(r"\s+")
# Invisible characters the employers' texts carry into StepStone's fields: a zero-width space
# ends "…, Paderborn, Siegen\u200b" in real result-list items, where it hides the place from the
# place reader. Zero-width (non-)joiners are left alone: some scripts and emoji need them.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_SECTION_SLOT = re.compile(r"^section-text-([A-Za-z]+)-content$")
_JSON = json.JSONDecoder(strict=False)

COUNTER_ATTRIBUTE = "data-resultlist-offers-main-displayed"
CARD_XPATH = "//article[@data-at='job-item' or @data-testid='job-item']"


def slug(text: str) -> str:
    """A search term as StepStone writes it in paths: "Data Engineer" -> "data-engineer"."""
    return _SLUG_UNSAFE.sub("-", text.strip().lower()).strip("-")


def search_path(query: str, where: str | None = None) -> str:
    """The path of a search: ``/jobs/{query}`` or ``/jobs/{query}/in-{where}``, percent-encoded.

    This form has no query string, which StepStone's robots.txt allows (``Disallow: /jobs/*?*``).
    """
    path = f"/jobs/{quote(slug(query), safe='-')}"
    if where and slug(where):
        path += f"/in-{quote(slug(where), safe='-')}"
    return path


def job_id(text: str | None) -> str | None:
    """The platform's numeric job id from a detail URL or a card's ``id`` attribute."""
    if not text:
        return None
    for pattern in _JOB_ID_PATTERNS:
        found = pattern.search(text)
        if found:
            return found.group(1)
    return None


def _json_after(page_html: str, start: int) -> Any | None:
    try:
        value, _end = _JSON.raw_decode(page_html, start)
    except ValueError:
        return None
    return value


def result_list_state(page_html: str) -> dict[str, Any] | None:
    """The search page's ``app-unifiedResultlist`` state, or None when the page has none."""
    anchor = _RESULT_LIST_ANCHOR.search(page_html)
    value = _json_after(page_html, anchor.end()) if anchor else None
    return value if isinstance(value, dict) else None


def job_ad_props(page_html: str) -> dict[str, Any] | None:
    """The ``props`` of a detail page's ``JobAdContent`` state, or None when the page has none."""
    anchor = _JOB_AD_ANCHOR.search(page_html)
    if not anchor:
        return None
    key = _PROPS_KEY.search(page_html, anchor.end() - 1)
    value = _json_after(page_html, key.end()) if key else None
    return value if isinstance(value, dict) else None


def page_tree(page_html: str):
    """The page parsed with lxml, or None when it cannot be parsed."""
    try:
        return lxml_html.fromstring(page_html)
    except (ValueError, lxml_html.etree.ParserError):
        return None


def _text(element) -> str | None:
    if element is None:
        return None
    for hidden in element.xpath(".//style|.//script"):
        hidden.drop_tree()
    return _SPACE.sub(" ", _INVISIBLE.sub("", element.text_content())).strip() or None


def _slot(tree, name: str):
    # Relative to ``tree``: inside a result card, "//" would find the first card's slot every time.
    found = tree.xpath(f"descendant-or-self::*[@data-at='{name}']")
    return found[0] if found else None


def slot_text(tree, *names: str) -> str | None:
    """The text of the first ``[data-at=NAME]`` element among ``names`` that has text."""
    for name in names:
        text = _text(_slot(tree, name))
        if text:
            return text
    return None


def main_results_shown(tree) -> int | None:
    """How many of the page's cards are results of the search (the rest are suggestions)."""
    for element in tree.xpath(f"//*[@{COUNTER_ATTRIBUTE}]"):
        value = element.get(COUNTER_ATTRIBUTE, "").strip()
        if value.isdigit():
            return int(value)
    return None


def result_cards(tree) -> list[dict[str, Any]]:
    """The result cards as plain values: id, href, title, company, location, work_from_home, salary,
    date_posted (a timestamp) and age (the relative words shown)."""
    cards = []
    for article in tree.xpath(CARD_XPATH):
        links = article.xpath(".//a[@data-at='job-item-title' or @data-testid='job-item-title']") \
            or article.xpath(".//a[@href]")
        times = article.xpath(".//*[@data-at='job-item-timeago']//time/@datetime | .//time/@datetime")
        cards.append({
            "id": job_id(article.get("id")) or job_id(links[0].get("href") if links else None),
            "href": links[0].get("href") if links else None,
            "title": _text(links[0]) if links else None,
            "company": slot_text(article, "job-item-company-name"),
            "location": slot_text(article, "job-item-location"),
            "work_from_home": slot_text(article, "job-item-work-from-home"),
            "salary": slot_text(article, "job-item-salary"),
            "date_posted": times[0] if times else None,
            # without a datetime attribute only the card's words say how old it is ("vor 1 Woche")
            "age": slot_text(article, "job-item-timeago"),
        })
    return cards


def next_page_href(tree) -> str | None:
    """The link to the next results page (``rel=next`` or the pager's "next" button), if any."""
    found = tree.xpath("//link[@rel='next']/@href | //a[@rel='next']/@href | "
                       "//*[@data-at='pagination-next']/@href | "
                       "//nav//a[@aria-label='Nächste' or @aria-label='Next' or @aria-label='Weiter']/@href")
    return found[0].strip() if found else None


def first_heading(tree) -> str | None:
    """The text of the page's first ``<h1>``."""
    headings = tree.xpath("//h1")
    return _text(headings[0]) if headings else None


def ad_content_html(tree) -> str | None:
    """The ``[data-at="job-ad-content"]`` block of older ad pages, as HTML, without the salary teaser."""
    found = tree.xpath("//*[@data-at='job-ad-content']")
    if not found:
        return None
    for teaser in found[0].xpath(".//*[@data-at='job-ad-salary']"):
        teaser.drop_tree()
    return lxml_html.tostring(found[0], encoding="unicode")


def page_language(tree) -> str | None:
    """The page's ``<html lang>`` (two letters), if set."""
    lang = (tree.get("lang") or "").strip().lower()[:2]
    return lang or None


def section_slots(tree) -> list[tuple[str, str | None, str]]:
    """``(slot, heading, html)`` of each ``section-text-{slot}-content`` block, in page order.

    The heading is the text the employer typed above the block (the slot's ``-title`` element or
    the section's first heading) — it varies from ad to ad; the slot name does not.
    """
    sections = []
    for content in tree.xpath("//*[starts-with(@data-at, 'section-text-') and "
                              "substring(@data-at, string-length(@data-at) - 7) = '-content']"):
        match = _SECTION_SLOT.match(content.get("data-at", ""))
        if not match:
            continue
        name = match.group(1)
        heading = slot_text(tree, f"section-text-{name}-title")
        if heading is None:
            section = content.getparent()
            headings = section.xpath("./h1|./h2|./h3|./h4|./h5") if section is not None else []
            heading = _text(headings[0]) if headings else None
        inner = html.escape(content.text or "", quote=False) + "".join(lxml_html.tostring(child, encoding="unicode") for child in content)
        if inner.strip():
            sections.append((name, heading, inner.strip()))
    return sections


# StepStone's own labels (German and English sites); anything else goes to the generic readers.
_CONTRACT_LABELS = (
    (re.compile(r"feste anstellung|festanstellung|\bpermanent\b", re.I), "permanent"),
    (re.compile(r"befristet|\btemporary\b|fixed[- ]term", re.I), "fixed_term"),
    (re.compile(r"freie mitarbeit|projektmitarbeit|freelance|\bcontract\b", re.I), "freelance"),
    (re.compile(r"werkstudent|studentenjob|working student", re.I), "working_student"),
    (re.compile(r"praktikum|internship", re.I), "internship"),
    (re.compile(r"ausbildung|apprenticeship|trainee", re.I), "apprenticeship"),
)
_FULL_TIME = re.compile(r"vollzeit|full[- ]time", re.I)
_PART_TIME = re.compile(r"teilzeit|part[- ]time", re.I)
_REMOTE_ONLY = re.compile(r"nur homeoffice|ausschließlich homeoffice|vollständig remote|fully remote|\bremote only\b", re.I)
_SOME_REMOTE = re.compile(r"homeoffice möglich|teilweise homeoffice|partially remote|hybrid", re.I)
_SLOT_KINDS = {"description": "responsibilities", "profile": "requirements", "benefits": "benefits"}
_SLOT_HEADINGS = {
    "responsibilities": {"de": "Ihre Aufgaben", "en": "Your tasks"},
    "requirements": {"de": "Ihr Profil", "en": "Your profile"},
    "benefits": {"de": "Wir bieten", "en": "What we offer"},
}
# Fields that belong together come from one source: (fields of the group, the fields that decide
# whether a source has the group at all).
_GROUPS = (
    (("location_raw", "city", "postal_code", "region", "country"), ("location_raw", "city", "country")),
    (("date_posted", "date_posted_raw"), ("date_posted",)),
    (("salary_min", "salary_max", "salary_currency", "salary_period", "salary_raw"), ("salary_min", "salary_max")),
)
_GROUPED = {name for names, _deciding in _GROUPS for name in names}


# ----------------------------------------------------------------------------- small readers

def terms_from_labels(contract_label: str | None, work_label: str | None) -> dict[str, Any]:
    """Contract, employment and workplace type from StepStone's "Vertragsart" and "Arbeitszeit"
    labels ("Feste Anstellung"; "Homeoffice möglich, Vollzeit")."""
    labels = " , ".join(label for label in (contract_label, work_label) if label)
    contract = next((kind for pattern, kind in _CONTRACT_LABELS if contract_label and pattern.search(contract_label)),
                    None) or (contract_type_from_structured(labels) if labels else None)
    full, part = bool(_FULL_TIME.search(labels)), bool(_PART_TIME.search(labels))
    employment = "full_time" if full and not part else "part_time" if part and not full else None
    if employment is None and labels and not (full and part):
        employment = employment_type_from_structured(labels)
    workplace = "remote" if _REMOTE_ONLY.search(labels) else "hybrid" if _SOME_REMOTE.search(labels) else None
    if workplace is None and work_label:
        workplace = workplace_type(work_label)
    return {"contract_type": contract, "employment_type": employment, "workplace_type": workplace}


def plain_text(value: Any) -> str | None:
    """A state string as text: the result list sometimes entity-escapes names ("Müller &amp; Söhne")
    and carries invisible characters (a zero-width space after a place name)."""
    text = text_value(value)
    if text and "&" in text:
        text = html.unescape(text)
    if text and _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text).strip() or None
    return text


def salary_fields_from_text(text: str | None) -> dict[str, Any]:
    """Salary fields from a salary widget's text; a teaser without figures gives none."""
    salary = parse_salary(text) if text else None
    if salary is None:
        return {}
    return {"salary_min": salary.min, "salary_max": salary.max, "salary_currency": salary.currency,
            "salary_period": salary.period, "salary_raw": salary.raw}


def merged(*sources: dict[str, Any]) -> dict[str, Any]:
    """Fields from several readings of one ad, best first: each field (or group of fields that
    belong together: place, date, salary) from the first source that has it."""
    result: dict[str, Any] = {}
    for names, deciding in _GROUPS:
        source = next((s for s in sources if any(s.get(name) not in (None, "") for name in deciding)), {})
        result.update({name: source.get(name) for name in names})
    for source in sources:
        for name, value in source.items():
            if name not in _GROUPED and value not in (None, "", []) and result.get(name) in (None, "", []):
                result[name] = value
    return {name: value for name, value in result.items() if value not in (None, "", [])}


def ad_url(href: str, page_url: str) -> str:
    """An ad's absolute URL without its query: StepStone's ad links carry only tracking there
    (``?rltr=1_1_25_seorl_m_…``, the result's rank), which differs from search to search."""
    parts = urlsplit(urljoin(page_url, href))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def same_host_url(href: str, page_url: str) -> str:
    """A pager link taken onto the listing page's own scheme and host. StepStone writes its pager
    as an absolute URL on the site's canonical host (``https://www.stepstone.at/jobs/manager?page=2``);
    followed as written, it would take a crawl that reads the board through another host
    (``-a base_url``: a mirror, a fixture server) off to the live site."""
    target, page = urlsplit(urljoin(page_url, href)), urlsplit(page_url)
    return urlunsplit((page.scheme, page.netloc, target.path, target.query, ""))


def page_url_with(url: str, number: int) -> str:
    """``url`` asking for results page ``number`` (``page=N``)."""
    parts = urlsplit(url)
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if key != "page"]
    query.append(("page", str(number)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


# ---------------------------------------------------------------------------------- listings

def entry_from_state_item(item: dict[str, Any], page_url: str, now: datetime) -> ListingEntry | None:
    """A listing entry from one ``searchResults.items[]`` object (None without a URL)."""
    href = text_value(item.get("url"))
    if not href:
        return None
    url = ad_url(href, page_url)
    salary_text = plain_text(item.get("salary"))
    fields = {
        "source_id": text_value(item.get("id")) or job_id(url),
        "title_raw": plain_text(item.get("title")),
        "company": plain_text(item.get("companyName")),
        **location_fields_from_text(plain_text(item.get("location"))),
        **date_fields(item.get("datePosted"), now),
        **salary_fields_from_text(salary_text),
        "workplace_type": terms_from_labels(None, plain_text(item.get("workFromHome")))["workplace_type"],
    }
    parts = (fields["title_raw"], fields["company"], fields["location_raw"], text_value(item.get("datePosted")),
             salary_text, text_value(item.get("workFromHome")))
    record = {"state_item": item, "page_url": page_url, "listed_at": now.isoformat()}
    return ListingEntry(fields["source_id"], url, fields, parts, record)


def entry_from_card(card: dict[str, Any], page_url: str, now: datetime) -> ListingEntry | None:
    """A listing entry from one result card (None without a link)."""
    if not card.get("href"):
        return None
    url = ad_url(card["href"], page_url)
    fields = {
        "source_id": card.get("id") or job_id(url),
        "title_raw": card.get("title"),
        "company": card.get("company"),
        **location_fields_from_text(card.get("location")),
        # relative words ("vor 1 Woche") give a date, but never enter the fingerprint: they change daily
        **date_fields(card.get("date_posted") or card.get("age"), now),
        **salary_fields_from_text(card.get("salary")),
        "workplace_type": terms_from_labels(None, card.get("work_from_home"))["workplace_type"],
    }
    parts = (card.get("title"), card.get("company"), card.get("location"), card.get("date_posted"),
             card.get("salary"), card.get("work_from_home"))
    record = {"card": card, "page_url": page_url, "listed_at": now.isoformat()}
    return ListingEntry(fields["source_id"], url, fields, parts, record)


def entry_from_record(record: dict[str, Any] | None) -> ListingEntry | None:
    """The listing entry an archived ad's listing record gives, read as the crawl read it
    (same listing page URL and time); None for a record this module did not write."""
    if not record or not isinstance(record.get("page_url"), str):
        return None
    try:
        listed_at = datetime.fromisoformat(record["listed_at"])
    except (KeyError, TypeError, ValueError):
        return None
    if isinstance(record.get("state_item"), dict):
        return entry_from_state_item(record["state_item"], record["page_url"], listed_at)
    if isinstance(record.get("card"), dict):
        return entry_from_card(record["card"], record["page_url"], listed_at)
    return None


def is_ad_page(page_html: str, tree) -> bool:
    """Whether a page is one ad's page (its ``JobAdContent`` state or ``job-ad-content`` block): real
    ad pages also show ten recommended jobs as result cards."""
    return bool(_JOB_AD_ANCHOR.search(page_html)) or (
        tree is not None and bool(tree.xpath("//*[@data-at='job-ad-content']")))


def listing_page_from_html(page_html: str, page_url: str, now: datetime) -> ListingPage | None:
    """Entries and next page of a search page; None when the page is no results list."""
    state = result_list_state(page_html)
    tree = page_tree(page_html)
    results = mapping(mapping(state).get("searchResults"))
    items = results.get("items") if isinstance(results.get("items"), list) else None
    cards = result_cards(tree) if tree is not None else []
    shown = main_results_shown(tree) if tree is not None else None
    if items is None and not cards and (tree is None or shown is None):
        return None
    if items is None and is_ad_page(page_html, tree):
        return None  # an ad page's "similar jobs" cards answer no search
    if items is not None:
        raw = [entry_from_state_item(item, page_url, now) for item in objects(items)]
    else:
        raw = [entry_from_card(card, page_url, now) for card in cards]
    entries = [entry for entry in raw if entry is not None]
    main = entries if shown is None else entries[:shown]
    return ListingPage(main, _next_page(results, state, tree, page_url, bool(main)), len(entries) - len(main))


def _next_page(results: dict[str, Any], state: dict[str, Any] | None, tree, page_url: str, has_entries: bool) -> str | None:
    pagination = mapping(results.get("pagination"))
    current, count = pagination.get("page"), pagination.get("pageCount")
    if isinstance(current, int) and isinstance(count, int):
        return page_url_with(page_url, current + 1) if current < count and has_entries else None
    href = text_value(mapping(mapping(mapping(state).get("unifiedPagination")).get("links")).get("next"))
    if href is None and tree is not None:
        href = next_page_href(tree)
    return same_host_url(href, page_url) if href else None


# --------------------------------------------------------------------------------- ad pages

def fields_from_job_ad_state(props: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Posting fields from a detail page's ``JobAdContent`` props."""
    listing = mapping(mapping(props.get("listingHeader")).get("listingData"))
    meta = mapping(listing.get("metaData"))
    sections = [(heading_text(section.get("title")), text_value(section.get("content")))
                for section in objects(props.get("textSections"))]
    return {
        "title_raw": plain_text(listing.get("title")) or plain_text(props.get("jobAdTitle")),
        "company": plain_text(mapping(listing.get("companyData")).get("name"))
        or plain_text(mapping(props.get("companyCard")).get("name")),
        **location_fields_from_text(plain_text(meta.get("location")) or plain_text(props.get("jobAdLocation"))),
        **date_fields(meta.get("onlineDate"), now),
        **terms_from_labels(text_value(meta.get("contractType")), text_value(meta.get("workType"))),
        **salary_fields_from_text(text_value(meta.get("salary"))),
        "description": sections_html(sections),
    }


def _section_heading(slot: str, heading: str | None, language: str) -> str | None:
    kind = _SLOT_KINDS.get(slot)
    if kind is None or (heading and heading_kind(heading) == kind):
        return heading
    return _SLOT_HEADINGS[kind]["en" if language == "en" else "de"]


def fields_from_slots(tree, now: datetime) -> dict[str, Any]:
    """Posting fields from the visible ``data-at`` slots of a detail page."""
    language = page_language(tree) or "de"
    online = slot_text(tree, "metadata-online-date")
    sections = [(_section_heading(slot, heading, language), body) for slot, heading, body in section_slots(tree)]
    if not sections:
        sections = [(None, ad_content_html(tree))]  # older markup: one block, no slots
    return {
        "title_raw": slot_text(tree, "header-job-title", "job-ad-title") or first_heading(tree),
        "company": slot_text(tree, "metadata-company-name", "header-company-name"),
        **location_fields_from_text(slot_text(tree, "metadata-location")),
        "date_posted": parse_date(online, now) if online else None,
        "date_posted_raw": online,
        **terms_from_labels(slot_text(tree, "metadata-contract-type"), slot_text(tree, "metadata-work-type")),
        **salary_fields_from_text(slot_text(tree, "metadata-salary", "job-ad-salary")),
        "description": sections_html(sections),
    }


def posting_fields_from_stepstone(page_html: str, page_url: str, now: datetime,
                                  listed: dict[str, Any] | None = None) -> dict[str, Any]:
    """Posting fields of an ad page: JSON-LD, then the ``JobAdContent`` state, then the listing
    entry's fields (``listed``), then the visible slots."""
    structured = extract_job_postings(page_html, page_url).job_postings
    from_json_ld = fields_from_job_posting(structured[0], now) if structured else {}
    from_json_ld.pop("url", None)
    props = job_ad_props(page_html)
    tree = page_tree(page_html)
    fields = merged(from_json_ld, fields_from_job_ad_state(props, now) if props else {}, listed or {},
                    fields_from_slots(tree, now) if tree is not None else {})
    fields["source_id"] = (listed or {}).get("source_id") or job_id(page_url)
    return fields


class StepstoneBoardSpider(BoardSpider):
    """Base of StepStone-platform spiders.

    Arguments: ``-a query=TERMS [-a where=PLACE]`` (a search) or ``-a start_urls=URL[,URL…]``
    (search pages to walk), and ``-a base_url=URL``.
    """

    def __init__(self, *args: Any, query: str | None = None, where: str | None = None, **kwargs: Any):
        super().__init__(*args, query=query, where=where, **kwargs)
        self.query = (query or "").strip()
        self.where = (where or "").strip() or None

    @property
    def board_label(self) -> str:
        if not self.query:
            return f"{self.name} listing"
        return f"{self.name} search {self.query!r}" + (f" in {self.where!r}" if self.where else "")

    def argument_problem(self) -> str | None:
        if not self.query and not self.listing_start_urls:
            return (f"missing argument: {self.name} needs -a query=TERMS [-a where=PLACE] "
                    "or -a start_urls=SEARCH_PAGE_URL")
        if self.query and not slug(self.query):
            return f"-a query={self.query!r} has no letters or digits to search for"
        return None

    def search_urls(self) -> list[str]:
        return [f"{self.base_url}{search_path(self.query, self.where)}"] if self.query else []

    def read_listing(self, response) -> ListingPage | None:
        return listing_page_from_html(response.text, response.url, datetime.now(timezone.utc))

    @classmethod
    def page_fields(cls, page: str, page_url: str, entry: ListingEntry | None, now: datetime) -> dict[str, Any]:
        return posting_fields_from_stepstone(page, page_url, now, entry.fields if entry else None)

    @classmethod
    def entry_from_record(cls, record: dict[str, Any] | None) -> ListingEntry | None:
        return entry_from_record(record)
