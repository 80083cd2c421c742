"""A job ad page without structured data: its title and the part of the page that holds the ad."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from lxml import html as lxml_html

from crawler.parsing.employer import looks_like_company
from crawler.parsing.employer_ranking import rank_employers
from crawler.parsing.header import _ORGANISATION_WORD_RE, looks_like_job_title
from crawler.parsing.headings import heading_kind
from crawler.parsing.markup import messenger_buttons
from crawler.parsing.name_in_text import address_names, ends_with_legal_form
from crawler.parsing.title import BOARD_NAMES

_AD_CONTAINER_XPATHS = (
    "//*[@data-at='job-ad-content' or @data-testid='job-ad' or @itemprop='description']",
    "//article",
    "//main",
    "//*[@role='main' and not(self::body) and not(self::html)]",
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
# Class and id words of page chrome: navigation bars, side menus, footers.
_CHROME_REGION_WORDS = frozenset(("nav", "navbar", "navigation", "sidenav", "sidebar", "menu", "footer", "sitemap",
                                  "breadcrumb", "breadcrumbs", "cookie", "cookies", "copyright", "topbar"))
_WORD_SPLIT_RE = re.compile(r"[^a-z0-9]+")


def _is_chrome_region(element) -> bool:
    """True for a ``<nav>``/``<footer>`` or an element whose class or id names page chrome
    ("navbar", "hu-main-footer", "menu-lvl-1 nav-primary-employer")."""
    if not isinstance(element.tag, str):
        return False
    if element.tag in ("nav", "footer"):
        return True
    marks = f"{element.get('class', '')} {element.get('id', '')}".lower()
    return bool(marks.strip()) and not _CHROME_REGION_WORDS.isdisjoint(_WORD_SPLIT_RE.split(marks))


_SLOT_MAX_WORDS = 10
# Utility classes that style an element (Tailwind's "bg-…", "text-…", "border-…"): a word in them is a
# colour or theme name ("bg-company-secondary"), not what the element holds.
# A BEM modifier ("lined-background--company") varies a block's look the same way.
_STYLE_TOKEN_RE = re.compile(r"(?:^|(?<=\s))(?:(?:bg|text|font|no|border|outline|ring|fill|stroke|from|via|to|shadow"
                             r"|placeholder|divide|decoration|accent|caret)-\S*|\S+--\S+)")
_NOT_SLOT_TAGS = frozenset(("script", "style", "head", "meta", "button", "option", "select", "input", "label"))


# A slot that is a link to the employer's page says so: "View more about Lipscore.com", "Mehr über Acme".
_CALL_TO_ACTION_RE = re.compile(r"^(?:view|see|read|learn)?[ \t]*(?:more|all[ \t]+jobs)[ \t]+(?:about|from|at|by)[ \t]+"
                                r"|^(?:mehr|alles)[ \t]+über[ \t]+|^alle[ \t]+(?:jobs|stellen)[ \t]+(?:von|bei)[ \t]+", re.IGNORECASE)


def _slot_texts(tree) -> dict[str, str]:
    """For each slot, the text of the first short element whose class or data attribute names it
    (names earlier in a slot's list win over later ones); whatever stands in the page's
    navigation, menus or footer is not a slot (a menu entry "Employers" with class
    "nav-primary-employer")."""
    best: dict[str, tuple[int, str]] = {}
    skipped = {descendant for region in tree.iter() if _is_chrome_region(region)
               for descendant in region.iter()}
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _NOT_SLOT_TAGS or element in skipped:
            continue
        marks = " ".join(element.get(name, "") for name in _SLOT_ATTRIBUTES).lower()
        if not marks.strip():
            continue
        if ":" in marks or _STYLE_TOKEN_RE.search(marks):
            # "text-company-secondary hover:bg-company-secondary": a theme's colours, not a slot's name
            marks = " ".join(token for token in marks.split() if ":" not in token and not _STYLE_TOKEN_RE.match(token))
        for slot, names in _SLOTS.items():
            rank = next((number for number, name in enumerate(names) if name in marks), None)
            if rank is None or (slot in best and best[slot][0] <= rank):
                continue
            text = _CALL_TO_ACTION_RE.sub("", _SPACE_RE.sub(" ", element.text_content()).strip())
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
    r"|stellenmarkt|stellenangebote|stellenbörse|jobbörse|open\s+positions|offene\s+stellen|vacancies)\b"
    r"|^\s*(?:jobs|stellen|job\s+offers|current\s+openings)\s*$",  # a heading that is only "Jobs"
    re.IGNORECASE)
# Site names joined to a <title>: "Senior Engineer | Acme Careers", "Koch – Jobs bei X".
_TITLE_SEPARATOR_RE = re.compile(r"\s+(?:[|–—]|-|::|»)\s+")


def names_the_site(heading: str) -> bool:
    """True when a heading or title names the site or its job list ("Jobs", "Karriere bei Acme",
    "Jobs und Freiwilligendienste", "NumFOCUS Jobs Board"), not a job."""
    return _SITE_HEADING_RE.search(heading) is not None and not looks_like_job_title(
        _SITE_HEADING_RE.sub(" ", heading))


_names_the_site = names_the_site


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


_GENDER_MARK_RE = re.compile(r"[(\[]\s*(?:[mwfdxhai]\s*[/|,]\s*){1,}[mwfdxhai]\.?\s*[)\]]|\((?:all genders|gn\*?)\)",
                             re.IGNORECASE)
_GLUED_RE = re.compile(r"\w$")
_BLOCK_TAGS = frozenset(("div", "p", "br", "small", "li", "section"))


def heading_text(element) -> str:
    """A heading's text with the parts a stylesheet sets apart kept apart: a child element glued
    to the text before it ("Stores Person<span class=date>Date posted: 21/12/2020</span>") or a
    line break becomes " | ", as boards join facts to a title."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        inner = child.text_content() if child.tag != "br" else ""
        so_far = "".join(parts)
        glued = _GLUED_RE.search(so_far) and inner[:1].isalnum() and (child.get("class") or child.tag in _BLOCK_TAGS)
        if child.tag == "br" or glued:
            parts.append(" | ")
        parts.append(inner)
        parts.append(child.tail or "")
    return _SPACE_RE.sub(" ", "".join(parts)).strip(" |")


def _names_a_role(heading: str) -> bool:
    return _GENDER_MARK_RE.search(heading) is not None or looks_like_job_title(heading)


def _title_heading(h1_headings: list[str], tree, site_name: str | None = None) -> str | None:
    """The heading that names the job: the first ``<h1>`` when it names a role; else the first
    lower heading with a gender marker (under an ``<h1>`` slogan such as "Wir suchen
    Verstärkung"); else the first ``<h1>``; without an ``<h1>`` (one naming the site, "Jobs", is
    dropped before), the first lower heading naming a role that is no section heading ("Ihre
    Aufgaben")."""
    lower_elements = tree.xpath("//h2 | //h3 | //h4")
    lower = [heading_text(element) for element in lower_elements]
    marked = next((heading for element, heading in zip(lower_elements, lower)
                   if heading and len(heading.split()) <= _TITLE_MAX_WORDS
                   and _TITLE_CLASS_RE.search(element.get("class") or "")), None)
    if marked and not (h1_headings and _GENDER_MARK_RE.search(h1_headings[0])):
        # a heading the page's markup calls the job's title ('<h2 class="job-title">Wir suchen ein/e
        # Physiotherapeut/in') over a hero <h1> ("Ihre Praxis für physiotherapeutische … Behandlungen")
        return marked
    if h1_headings and _names_a_role(h1_headings[0]):
        return h1_headings[0]
    if h1_headings and (looks_like_company(h1_headings[0]) or h1_headings[0] == site_name):
        h1_headings = h1_headings[1:]  # the employer's name over its ad ("Acme GmbH", og:site_name)
    for heading in lower:
        if heading and len(heading.split()) <= _TITLE_MAX_WORDS and _GENDER_MARK_RE.search(heading):
            return heading
    if h1_headings and h1_headings[0].endswith(("!", "?")) and (page_title := document_title(tree)) \
            and looks_like_job_title(page_title):
        # an <h1> that calls out ("Deine Zukunft beginnt hier!") over a page titled by the role
        # ("Ausbildung zur/zum ZFA | Wallpraxis Winsen")
        return page_title
    if h1_headings:
        # An <h1> of the ad's own words ("Bäckereifachverkäuferin", a role the vocabulary lacks)
        # gives way only to a heading marked as a title by its gender marker.
        return h1_headings[0]
    for heading in lower:
        if (heading and len(heading.split()) <= _TITLE_MAX_WORDS and looks_like_job_title(heading)
                and heading_kind(heading) is None and not heading.endswith((":", "?", "!"))):
            return heading
    return None


_TITLE_MAX_WORDS = 14
# Class words that mark an element as the job's title: "job-title", "jobtitle", "position-title", "stellentitel".
_TITLE_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:job|position|vacancy|stellen|offer)[-_]?(?:title|titel|name)\b", re.IGNORECASE)
# "Karriere bei Autohaus Pufahl in Lengerich", "Jobs at Acme", "Careers @ Acme": the employer
# the site's pages are about.
_SITE_EMPLOYER_RE = re.compile(
    r"\b(?:karriere|jobs?|stellenangebote|stellen|careers?|work|arbeiten)\s+(?:bei|beim|at|@|with|für)\s+"
    r"(?P<name>[^|–—:·]{2,60}?)(?:\s+in\s+(?P<place>[A-ZÄÖÜ][^|–—:·]{1,40}))?\s*$", re.IGNORECASE)
_SITE_NAME_MAX_WORDS = 5


def _appears_in(name: str, text: str) -> bool:
    words = [word for word in re.findall(r"[\wÄÖÜäöüß&'-]+", name) if len(word) > 2]
    return bool(words) and re.search(rf"(?<!\w){re.escape(words[0])}", text, re.IGNORECASE) is not None


# A town or district as an employer, named by its kind: "Stadt Halle (Saale)", "City of Leeds".
_MUNICIPALITY_RE = re.compile(r"(?:Stadt|Gemeinde|Markt|Landkreis|Kreis|Bezirksamt|City[ \t]+of|Town[ \t]+of|County[ \t]+of"
                              r"|Borough[ \t]+of)[ \t]+[A-ZÄÖÜ]")


class _OrganisationEvidence:
    """Whether a page, apart from its title line, speaks of a name as an organisation: a legal form or
    a word naming one, the page's copyright line ("© 2026 Elektro Seifert"), an address spelling it,
    or sentences about it in the ad or the page's description ("Elektro Seifert bietet einen
    Ausbildungsplatz …"; see :func:`rank_employers`). The second part of "Account Executive - DACH" or
    "Software Developer - Java, Groovy" is the role's region or tools, written again in the ad as such.
    The page's text and each title's ranking are read once, on first need."""

    def __init__(self, tree, ad_text: str) -> None:
        self._tree, self._ad_text = tree, ad_text
        self._by_title: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    @cached_property
    def _page_text(self) -> str:
        return " ".join(self._tree.itertext())

    @cached_property
    def _text(self) -> str:
        descriptions = self._tree.xpath("//meta[@name='description' or @property='og:description']/@content")
        return "\n".join([self._ad_text, *descriptions])

    def _read_without(self, title: str) -> tuple[frozenset[str], frozenset[str]]:
        """The address labels and the ranked names of the text without the title line."""
        if title not in self._by_title:
            body = self._text.replace(title, " ")
            self._by_title[title] = (address_names(body), frozenset(entry.name for entry in rank_employers(body)))
        return self._by_title[title]

    def names(self, name: str, title: str) -> bool:
        if ends_with_legal_form(name) or _ORGANISATION_WORD_RE.search(name) or _MUNICIPALITY_RE.match(name):
            return True  # ("Klinikum Nürnberg", "Stadt Halle (Saale)": a word that names an organisation)
        if re.search(rf"(?:©|\(c\)|copyright)[ \t]*(?:\d{{4}}[ \t–-]*)*{re.escape(name)}\b", self._page_text,
                     re.IGNORECASE):
            return True
        labels, ranked = self._read_without(title)
        return name.casefold() in labels or name.casefold().replace(" ", "") in labels or name in ranked


# A job board's own name: "Civil Service Jobs", "NHS Jobs", "Guardian Jobs", "Stellenmarkt", "Jobbörse".
# ("Jobs in Schools", "Stellen im Sozialwesen": a board named after the field or place it serves.)
_BOARD_NAME_RE = re.compile(r"\b(?:jobs?|stellenangebote|stellenmarkt|stellenbörse|jobbörse|job\s*board)\s*$"
                            r"|^\s*(?:jobs|stellen(?:angebote)?|vacancies)\s+(?:in|im|for|für)\s", re.I)


def site_employer(tree, ad_text: str, ad_title: str | None = None) -> str | None:
    """The employer a career site names itself by: "Karriere bei X" / "Jobs at X" in its
    ``<title>`` or ``og:title``, or its ``og:site_name`` or a bare-name ``<title>`` ("HealthUnlocked")
    that the ad's text also names — a job board's own name does not recur in its ads — and that
    is not the ad's title (``ad_title``: "Bäckereifachverkäuferin" as heading and ``<title>``)."""
    titles = tree.xpath("//meta[@property='og:title']/@content") + [
        element.text_content() for element in tree.xpath("//head/title | //title")[:1]]
    evidence = _OrganisationEvidence(tree, ad_text)
    for title in titles:
        for part in _TITLE_SEPARATOR_RE.split(_SPACE_RE.sub(" ", title or "").strip()):
            match = _SITE_EMPLOYER_RE.search(part)
            if match and not looks_like_job_title(match["name"]):
                return match["name"].strip(" ,.")
    for title in titles:
        # "Senior Engineer - Acme", "Koch (m/w/d) | Gasthaus Krone": a role beside a short name
        # the ad repeats.
        parts = [part for part in _TITLE_SEPARATOR_RE.split(_SPACE_RE.sub(" ", title or "").strip()) if part]
        if len(parts) >= 2 and looks_like_job_title(parts[0]):
            for part in parts[1:]:
                if _BOARD_NAME_RE.search(part):
                    break  # "Head of Policy Research - Civil Service Jobs - GOV.UK": the board, then its site
                # (a name with its legal form is an organisation's even where the ad's text does not repeat it:
                # "Stellenangebot: Mitarbeiter*in Konfektionierung – BO-WERT GmbH")
                if (len(part.split()) <= _SITE_NAME_MAX_WORDS and not looks_like_job_title(part)
                        and not _SITE_HEADING_RE.search(part) and (_appears_in(part, ad_text) or ends_with_legal_form(part))
                        and evidence.names(part, title)):
                    return part
    names = tree.xpath("//meta[@property='og:site_name']/@content") + [
        _SPACE_RE.sub(" ", title or "").strip() for title in titles[-1:]]
    for name in names:
        name = _SPACE_RE.sub(" ", name or "").strip()
        if (name and len(name.split()) <= _SITE_NAME_MAX_WORDS and not _TITLE_SEPARATOR_RE.search(name)
                and not _SITE_HEADING_RE.search(name) and not _BOARD_NAME_RE.search(name) and not looks_like_job_title(name)
                and name.casefold() != (ad_title or "").casefold() and _appears_in(name, ad_text)):
            return name
    return None


# The holder a site's copyright line names: "© 2026 S.B. Plattenleger GmbH · Malters", "Copyright (c)
# 2019-2024 Acme Ltd. All rights reserved." The name runs to the line's next separator.
_COPYRIGHT_HOLDER_RE = re.compile(
    r"(?:©|\(c\)|copyright)(?:[ \t]*(?:©|\(c\)|\d{4}(?:[ \t]*[-–][ \t]*\d{4})?))*[ \t]*"
    r"(?P<name>[A-ZÄÖÜ0-9][^·|•,;\n]{1,60}?)[ \t]*(?=[·|•,;\n]|[ \t][-–][ \t]|\.?[ \t]*(?:all[ \t]+rights|alle[ \t]+rechte)|$)",
    re.IGNORECASE)


def copyright_holder(page_text: str) -> str | None:
    """The organisation a page's copyright line names with its legal form, else None (a person, a
    brand without a legal form and a line without a name give nothing)."""
    for match in _COPYRIGHT_HOLDER_RE.finditer(page_text):
        name = match["name"].strip()
        if ends_with_legal_form(name) and not _JOB_BOARD_OWNER_RE.search(name):
            return name
    return None


# A job board's owner ("© 2026 StepStone GmbH", "Indeed Ireland Operations Ltd"): the site is the board's,
# the ad another employer's.
_JOB_BOARD_OWNER_RE = re.compile(rf"\b(?:{BOARD_NAMES}|new\s+work|stellenanzeigen|jobcloud|arbeitnow|jobs?|stellen|karriere"
                                 r"|recruit\w*|personal\w*)", re.IGNORECASE)


def fields_from_page(page_html: str) -> dict[str, Any]:
    """``title_raw`` from the heading naming the job (see :func:`_title_heading`; an ``<h1>`` that
    names the site is dropped), ``document_title`` from its ``og:title``/``<title>`` when it has
    no such heading, header slots, the employer the site names itself by, and ``description``
    from its main content."""
    try:
        tree = lxml_html.fromstring(page_html)
    except (ValueError, lxml_html.etree.ParserError):
        return {"description": page_html}
    for element in list(tree.iter("script", "style", "noscript", "template")):
        element.drop_tree()  # their text is code, never a field (".x{color:red;} N26 GmbH")
    for anchor in messenger_buttons(tree):
        anchor.drop_tree()
    fields: dict[str, Any] = {}
    headings = []
    for element in tree.xpath("//h1"):
        heading = heading_text(element)
        if heading and _names_the_site(heading):
            element.drop_tree()  # the site's name is chrome, not a line of the ad
        elif heading:
            headings.append(heading)
    site_names = tree.xpath("//meta[@property='og:site_name']/@content")
    if title := _title_heading(headings, tree, _SPACE_RE.sub(" ", site_names[0]).strip() if site_names else None):
        fields["title_raw"] = title
    elif title := document_title(tree):
        fields["document_title"] = title
    fields.update(_slot_texts(tree))
    fields["description"] = _ad_container_html(tree) or page_html
    if not fields.get("company"):
        ad_text = "\n".join(lxml_html.fromstring(fields["description"]).itertext()) if fields["description"].strip() else ""
        employer = site_employer(tree, ad_text, fields.get("title_raw") or fields.get("document_title"))
        if employer:
            fields["company"] = employer
        elif holder := copyright_holder(" ".join(" ".join(tree.itertext()).split())):
            fields["site_owner"] = holder
    return fields


def ad_html(page_html: str) -> str | None:
    """The markup of the part of a page that holds the ad (its header lines included), or None
    when the page cannot be read."""
    try:
        return _ad_container_html(lxml_html.fromstring(page_html))
    except (ValueError, lxml_html.etree.ParserError):
        return None


def _drop_page_chrome(container, title_element) -> None:
    """Remove the navigation bars, side menus and footers of a page whose ad has no container of
    its own (the whole ``<body>`` is read): see :func:`_is_chrome_region`. A region holding the
    title or most of the page's text ("page-with-sidebar" around everything) stays."""
    keep = set(title_element.iterancestors()) if title_element is not None else set()
    doomed = [element for element in container.iterdescendants()
              if element not in keep and _is_chrome_region(element)]
    if not doomed:
        return
    page_chars = len(container.text_content())
    for element in doomed:
        if element.getparent() is not None and len(element.text_content()) * 2 < page_chars:
            element.drop_tree()


def _ad_container_html(tree) -> str | None:
    title_element = next((h for h in tree.iter("h1") if h.text_content().strip()), None)
    for xpath in _AD_CONTAINER_XPATHS:
        found = tree.xpath(xpath)
        if found:
            container = _with_title(found[0], title_element)
            if container.tag == "body":
                _drop_page_chrome(container, title_element)
            # Inside the ad, <header> holds the ad's own header lines (title, employer, place,
            # terms); only a page-level <header> is site chrome, unless it holds the ad's <h1>.
            for element in container.iter("header"):
                if container.tag != "body" or (title_element is not None and element in title_element.iterancestors()):
                    element.tag = "div"
            return lxml_html.tostring(container, encoding="unicode")
    return None
