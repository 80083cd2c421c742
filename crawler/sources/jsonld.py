"""Web pages that publish job ads as schema.org JobPosting data (JSON-LD, microdata) or as
plain markup: how one fetched page is read into postings and rejections.

Pure and free of Scrapy: the parse workers import it to read the pages the crawl hands over
(:class:`~crawler.items.JobPage`), ``jobcrawl reparse`` reads archived pages with it, and the
spider that fetches them (:class:`~crawler.bases.structured_data.StructuredDataSpider`) only
names it. A page is read in this order: JobPosting records in JSON-LD or microdata; if there are
none but the page looks like an ad (a title plus job sections), the page itself is the ad; if its
only JobPosting blocks are broken, it is rejected with the reason.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import parse_qsl, urljoin, urlsplit

from lxml import html as lxml_html
from w3lib.encoding import html_to_unicode
from w3lib.html import get_base_url

from crawler.items import PAGE_FACTS_KEY
from crawler.parsing.document import known_from_job_posting, known_from_page
from crawler.parsing.header import looks_like_job_title
from crawler.parsing.posting import complete_posting, page_facts, reads_as_job_ad
from crawler.parsing.provenance import STRUCTURED_DATA, TEXT, stated_sources
from crawler.parsing.sections import heading_kind
from crawler.parsing.structured import extract_job_postings
from crawler.parsing.urls import canonical_url

_JOB_SECTION_KINDS = {"responsibilities", "requirements"}
_H1_RE = re.compile(r"<h1[\s>]", re.I)
_HEADING_TEXT_RE = re.compile(r"<(h[2-6]|strong|b|dt)\b[^>]*>(.*?)</\1\s*>", re.I | re.S)
_TAG_RE = re.compile(r"<[^>]+>")
_BINARY_CHARS_RE = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")
BINARY_SHARE_LIMIT = 0.05


def _looks_binary(text: str) -> bool:
    """True when the start of a page is mostly control or undecodable characters."""
    sample = text[:4096]
    return bool(sample) and len(_BINARY_CHARS_RE.findall(sample)) > BINARY_SHARE_LIMIT * len(sample)


def site_origin(url: str) -> tuple[str | None, int | None]:
    """(host, port) of ``url``; http and https on their default ports count as one site."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        return (parts.hostname, -1)
    if port is not None and _DEFAULT_PORTS.get(parts.scheme.lower()) == port:
        port = None
    return (parts.hostname, port)


_DEFAULT_PORTS = {"http": 80, "https": 443}


def names_same_page(canonical: str, fetched: str) -> bool:
    """Whether ``canonical`` is ``fetched`` with at most some query parameters dropped."""
    wanted, got = urlsplit(canonical), urlsplit(fetched)
    if site_origin(canonical) != site_origin(fetched) or (wanted.path or "/") != (got.path or "/"):
        return False
    fetched_parameters = set(parse_qsl(got.query, keep_blank_values=True))
    return set(parse_qsl(wanted.query, keep_blank_values=True)) <= fetched_parameters
_CANONICAL_RE = re.compile(r"<link[^>]+rel=[\"']canonical[\"'][^>]*>", re.I)
_HREF_RE = re.compile(r"href=[\"']([^\"']+)[\"']", re.I)


def _auto_detect(body: bytes) -> str | None:
    # Scrapy's own fallback for pages that declare no charset: UTF-8 if it decodes, else cp1252.
    for encoding in ("utf-8", "cp1252"):
        try:
            body.decode(encoding)
        except UnicodeError:
            continue
        return encoding
    return None


def decode_page(body: bytes, content_type: str | None) -> str:
    """A page's text as Scrapy decodes it: charset from the header, a BOM or the markup, else
    UTF-8 or cp1252, whichever decodes."""
    _encoding, text = html_to_unicode(content_type or "text/html", body, auto_detect_fun=_auto_detect)
    return text


def canonical_page_url(url: str, page_html: str, stats: list[str] | None = None) -> str:
    """The page's ``rel=canonical`` URL when it names this same page, else its own URL.

    A canonical URL is trusted only to drop parameters (tracking, sorting, session) from the
    fetched URL: same host, port and path, and only query parameters the fetched URL has. A
    canonical pointing at another path may point at another ad, whose posting the page would
    then overwrite (a hijack); such a page is stored under its own URL (counted in ``stats`` as
    ``jobcrawl/canonical/not_trusted``), and if it really is a copy of that ad, the store's
    matcher joins the two by their content.
    """
    link = _CANONICAL_RE.search(page_html[:50_000])
    href = _HREF_RE.search(link.group(0)) if link else None
    if href:
        candidate = urljoin(get_base_url(page_html[:4096], url), html.unescape(href.group(1)))
        if names_same_page(candidate, url):
            return candidate
        if stats is not None:
            stats.append("jobcrawl/canonical/not_trusted")
    return url


LISTING_LEAST_JOB_LINKS = 3


def _job_links(content_html: str) -> int:
    """How many different jobs a page's main content links to (link texts written like a job title)."""
    try:
        tree = lxml_html.fromstring(content_html)
    except (ValueError, lxml_html.etree.ParserError):
        return 0
    texts = {" ".join(link.text_content().split()) for link in tree.iter("a")}
    return sum(1 for text in texts if text and looks_like_job_title(text))


def with_page(known: dict, source: str, facts: dict) -> dict:
    """``known`` as :func:`~crawler.parsing.posting.parse_document` completes it: each field it
    states named with ``source`` (unless it names its own), and the page's facts beside it
    (``page_facts``, taken off again before the posting is built)."""
    return {**known, "field_sources": {**stated_sources(known, source), **(known.get("field_sources") or {})},
            PAGE_FACTS_KEY: facts}


@dataclass
class PageReading:
    """What one fetched page gave: postings as (URL, known fields), rejections as (URL, reason,
    payload), and the names of the stats to count."""

    postings: list[tuple[str, dict]] = field(default_factory=list)
    rejections: list[tuple[str, str, str | None]] = field(default_factory=list)
    stats: list[str] = field(default_factory=list)


class PageReader:
    """Reads a fetched page (:meth:`read_page`) and an archived one (:meth:`fields_from_archive`)."""

    @classmethod
    def read_page(cls, body: bytes, url: str, content_type: str | None, crawled_at: datetime,
                  listed_sites: frozenset = frozenset()) -> PageReading:
        """The postings and rejections of one fetched page, read in this order: JobPosting records
        in JSON-LD or microdata; if there are none but the page looks like an ad (:meth:`is_ad_page`),
        the page itself; if its only JobPosting blocks are broken, a rejection with the reason.

        Pure (no crawler, no clock): the parse workers run it during a crawl, and
        ``jobcrawl reparse`` through :meth:`fields_from_archive`.
        """
        reading = PageReading()
        try:
            page_html = decode_page(body, content_type)
        except (UnicodeDecodeError, LookupError) as error:
            reading.rejections.append((url, f"undecodable page: {error}", None))
            return reading
        if _looks_binary(page_html):
            reading.rejections.append((url, "undecodable page: binary content served as text", None))
            return reading
        structured = extract_job_postings(page_html, url)
        page_url = canonical_page_url(url, page_html, reading.stats)
        facts = page_facts(page_html)
        if structured.job_postings:
            several = len(structured.job_postings) > 1
            for node in structured.job_postings:
                known = known_from_job_posting(node, page_html, crawled_at, from_microdata=structured.from_microdata)
                node_url = known.pop("url", None)
                # Several ads on one page are several copies: each is kept under its own URL when
                # it names one on this site (else they would all share the page URL, and all but
                # the first would be dropped as repeats of it).
                posting_url = page_url
                if several and node_url and site_origin(urljoin(url, node_url)) in listed_sites:
                    posting_url = canonical_url(urljoin(url, node_url))
                if not known.get("title_raw"):
                    reading.rejections.append((posting_url, "missing title", str(node)[:100_000]))
                    continue
                reading.postings.append((posting_url, with_page(known, STRUCTURED_DATA, facts)))
            return reading
        if structured.errors:
            reading.rejections.append((page_url, f"no valid JobPosting: {'; '.join(structured.errors)}",
                                       page_html[:100_000]))
            return reading
        known = known_from_page(page_html)
        if cls.is_ad_page(page_html) or cls.reads_as_ad(known, crawled_at, facts):
            reading.postings.append((page_url, with_page(known, TEXT, facts)))
        return reading

    @staticmethod
    def reads_as_ad(known: dict, crawled_at: datetime, facts: dict) -> bool:
        """Whether a page without structured data or an ad's markup still holds a job ad, read as
        the parser reads it (:func:`~crawler.parsing.posting.reads_as_job_ad`); a page whose main
        content links to three or more jobs and lists no tasks or requirements of its own lists
        jobs rather than being one."""
        posting = complete_posting(dict(known), crawled_at=crawled_at, known_source=TEXT, facts_of_page=facts)
        if not (posting["requirements"] or posting["responsibilities"]) \
                and _job_links(known.get("description") or "") >= LISTING_LEAST_JOB_LINKS:
            return False
        return reads_as_job_ad(posting)

    @classmethod
    def fields_from_archive(cls, body: bytes, url: str, content_type: str | None, crawled_at: datetime):
        """Known fields of the posting stored under ``url`` from its archived page (for
        ``jobcrawl reparse``), or ``None``: the page read as a crawl reads it (:meth:`read_page`)."""
        reading = cls.read_page(body, url, content_type, crawled_at, frozenset({site_origin(url)}))
        for posting_url, known in reading.postings:
            if canonical_url(posting_url) == url:
                return known
        return reading.postings[0][1] if reading.postings else None

    @classmethod
    def is_ad_page(cls, page_html: str) -> bool:
        """A page without structured data is an ad when it has an ``<h1>`` and a job section
        heading (tasks or requirements) — checked on the markup, cheaply, before any parsing."""
        if not _H1_RE.search(page_html):
            return False
        for match in _HEADING_TEXT_RE.finditer(page_html):
            text = _TAG_RE.sub("", match.group(2)).strip()
            if text and len(text) < 80 and heading_kind(html.unescape(text)) in _JOB_SECTION_KINDS:
                return True
        return False
