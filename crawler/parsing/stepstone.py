"""Reading StepStone pages (stepstone.de; the same platform runs totaljobs, irishjobs, jobs.ie):
the embedded application state and the stable ``data-at`` slots, as plain Python values.

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
from typing import Any
from urllib.parse import quote

from lxml import html as lxml_html

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
    return _SPACE.sub(" ", element.text_content()).strip() or None


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
