"""A job ad page without structured data: its title and the part of the page that holds the ad."""

from __future__ import annotations

import re
from typing import Any

from lxml import html as lxml_html

from crawler.parsing.header import looks_like_job_title

_AD_CONTAINER_XPATHS = (
    "//*[@data-at='job-ad-content' or @data-testid='job-ad' or @itemprop='description']",
    "//article",
    "//main",
    "//*[@role='main']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' job-ad ') or "
    "contains(concat(' ', normalize-space(@class), ' '), ' job-description ') or "
    "contains(concat(' ', normalize-space(@class), ' '), ' jobad ')]",
    "//body",
)
_SPACE_RE = re.compile(r"\s+")
# Boards mark their header slots with classes or data attributes; these are the common names.
_SLOTS = {
    "company": ("company-name", "companyname", "employer", "arbeitgeber", "company", "hiringorganization"),
    "location_raw": ("job-location", "joblocation", "location", "arbeitsort", "standort"),
}
_SLOT_ATTRIBUTES = ("class", "data-at", "data-testid", "itemprop")
_SLOT_MAX_WORDS = 10


def _slot_texts(tree) -> dict[str, str]:
    """For each slot, the text of the first short element whose class or data attribute names it
    (names earlier in a slot's list win over later ones)."""
    best: dict[str, tuple[int, str]] = {}
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "head", "meta"):
            continue
        marks = " ".join(element.get(name, "") for name in _SLOT_ATTRIBUTES).lower()
        if not marks.strip():
            continue
        for slot, names in _SLOTS.items():
            rank = next((number for number, name in enumerate(names) if name in marks), None)
            if rank is None or (slot in best and best[slot][0] <= rank):
                continue
            text = _SPACE_RE.sub(" ", element.text_content()).strip()
            if text and len(text.split()) <= _SLOT_MAX_WORDS:
                best[slot] = (rank, text)
    return {slot: text for slot, (_rank, text) in best.items()}


def _with_title(container, title_element):
    """The container, widened to the nearest element that also holds the ad's ``<h1>`` when that
    is not the whole page: an ATS fragment puts title and facts ("Acme GmbH · Leipzig · Teilzeit")
    above its ``job-description`` block."""
    if title_element is None or container.tag == "body":
        return container
    ancestors = set(title_element.iterancestors())
    if container in ancestors:
        return container
    for ancestor in container.iterancestors():
        if ancestor in ancestors:
            return container if ancestor.tag in ("body", "html") else ancestor
    return container


def microdata_item_html(page_html: str) -> str | None:
    """The markup of the page's microdata ``JobPosting`` item (its title, facts and description),
    or None when the page has none."""
    try:
        tree = lxml_html.fromstring(page_html)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    for element in tree.iter():
        itemtype = element.get("itemtype") if isinstance(element.tag, str) else None
        if itemtype and itemtype.rstrip("/").lower().endswith("schema.org/jobposting"):
            return lxml_html.tostring(element, encoding="unicode")
    return None


# An <h1> that names the site, not the ad: "NumFOCUS Jobs Board", "Karriere bei Acme".
_SITE_HEADING_RE = re.compile(
    r"\b(?:jobs?\s*(?:board|portal|börse|boerse|site)|careers?(?:\s+(?:site|page|portal))?|karriere\w*"
    r"|stellenmarkt|stellenangebote|stellenbörse|jobbörse|open\s+positions|offene\s+stellen|vacancies)\b",
    re.IGNORECASE)
# Site names joined to a <title>: "Senior Engineer | Acme Careers", "Koch – Jobs bei X".
_TITLE_SEPARATOR_RE = re.compile(r"\s+(?:[|–—]|-|::|»)\s+")


def _names_the_site(heading: str) -> bool:
    return _SITE_HEADING_RE.search(heading) is not None and not looks_like_job_title(
        _SITE_HEADING_RE.sub(" ", heading))


def document_title(tree) -> str | None:
    """The page's ``og:title`` or ``<title>`` without the site's name joined to it ("Senior
    Engineer | Acme Careers" -> "Senior Engineer"): the part naming a role, else the first."""
    candidates = tree.xpath("//meta[@property='og:title']/@content") + [
        element.text_content() for element in tree.xpath("//head/title | //title")[:1]]
    for candidate in candidates:
        candidate = _SPACE_RE.sub(" ", candidate or "").strip()
        parts = [part for part in _TITLE_SEPARATOR_RE.split(candidate) if part and not _names_the_site(part)]
        if parts:
            return next((part for part in parts if looks_like_job_title(part)), parts[0])
    return None


def fields_from_page(page_html: str) -> dict[str, Any]:
    """``title_raw`` from the page's ``<h1>`` (unless it names the site), ``document_title`` from
    its ``og:title``/``<title>`` when it has no such ``<h1>``, header slots, and ``description``
    from its main content."""
    try:
        tree = lxml_html.fromstring(page_html)
    except (ValueError, lxml_html.etree.ParserError):
        return {"description": page_html}
    for element in list(tree.iter("script", "style", "noscript", "template")):
        element.drop_tree()  # their text is code, never a field (".x{color:red;} N26 GmbH")
    fields: dict[str, Any] = {}
    headings = []
    for element in tree.xpath("//h1"):
        heading = _SPACE_RE.sub(" ", element.text_content()).strip()
        if heading and _names_the_site(heading):
            element.drop_tree()  # the site's name is chrome, not a line of the ad
        elif heading:
            headings.append(heading)
    if headings:
        fields["title_raw"] = headings[0]
    elif title := document_title(tree):
        fields["document_title"] = title
    fields.update(_slot_texts(tree))
    fields["description"] = _ad_container_html(tree) or page_html
    return fields


def ad_html(page_html: str) -> str | None:
    """The markup of the part of a page that holds the ad (its header lines included), or None
    when the page cannot be read."""
    try:
        return _ad_container_html(lxml_html.fromstring(page_html))
    except (ValueError, lxml_html.etree.ParserError):
        return None


def _ad_container_html(tree) -> str | None:
    title_element = next((h for h in tree.iter("h1") if h.text_content().strip()), None)
    for xpath in _AD_CONTAINER_XPATHS:
        found = tree.xpath(xpath)
        if found:
            container = _with_title(found[0], title_element)
            if container.tag != "body":
                # Inside the ad, <header> holds the ad's own header lines (title, employer,
                # place, terms); only a page-level <header> is site chrome.
                for element in container.iter("header"):
                    element.tag = "div"
            return lxml_html.tostring(container, encoding="unicode")
    return None
