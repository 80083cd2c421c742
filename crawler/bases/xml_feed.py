"""The XML-feed base spider: fetch one feed document (or a few pages of it), parse it safely, turn
it into postings.

Safety: feeds come from hosts we do not control, so the XML parser never resolves entities, never
touches the network, keeps libxml2's size limits (``huge_tree=False``) and refuses any document that
declares entities in its DOCTYPE: job feeds never need them, and they are how entity-expansion
("billion laughs") and external-entity attacks work. Not Scrapy's ``XMLFeedSpider``, whose iterator
offers none of this.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree
from scrapy.http import Request
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.bases.job_spider import JobSpider

REDIRECT_STATUSES = (301, 302, 303, 307, 308)
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY\b")
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^\[>]*\[", re.IGNORECASE)
_ELEMENT_START = re.compile(rb"<[A-Za-z_]")
_HTML_START = re.compile(rb"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                         re.IGNORECASE | re.DOTALL)
_BYTE_ORDER_MARK = b"\xef\xbb\xbf"
# Feeds in UTF-16 or UTF-32, known by their byte-order mark or, without one, by how "<?" is
# written (XML 1.0, appendix F). UTF-32 marks first: UTF-32-LE's begins with UTF-16-LE's.
_WIDE_ENCODINGS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                   (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
                   (b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be"))


class XmlFeedError(ValueError):
    """A fetched document is not a usable XML feed; the message says why."""


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                           dtd_validation=False, remove_pis=True)


def _as_utf8(body: bytes) -> bytes:
    """The document in UTF-8 for the checks before parsing (libxml2 itself reads UTF-16 and
    UTF-32 documents; only the checks need one byte per ASCII character)."""
    for mark, codec in _WIDE_ENCODINGS:
        if body.startswith(mark):
            try:
                return body.decode(codec).encode("utf-8")
            except UnicodeDecodeError as error:
                raise XmlFeedError(f"the document starts as {codec.upper()} but is not valid {codec.upper()} "
                                   f"(byte {error.start})") from None
    return body


def parse_xml_safely(body: bytes) -> etree._Element:
    """The root element of an XML document, parsed without entity expansion or network access.

    Raises :class:`XmlFeedError` for an empty body, an HTML page, a document that declares
    entities, and malformed XML (with libxml2's reason and position).
    """
    start = _as_utf8(body)
    start = start[len(_BYTE_ORDER_MARK):] if start.startswith(_BYTE_ORDER_MARK) else start
    start = start.lstrip()
    if not start:
        raise XmlFeedError("the response body is empty")
    if _HTML_START.match(start[:4096]):
        raise XmlFeedError("the server sent an HTML page, not an XML feed")
    if not start.startswith(b"<"):
        raise XmlFeedError(f"the response is not XML (it starts with {start[:40]!r})")
    first_element = _ELEMENT_START.search(start)
    subset = _DOCTYPE_SUBSET.search(start, 0, first_element.start() if first_element else len(start))
    if subset and _ENTITY_DECLARATION.search(start, subset.end()):
        raise XmlFeedError("the document declares XML entities (<!ENTITY …> in its DOCTYPE), which job feeds "
                           "never need and entity-expansion ('billion laughs') attacks use; refused to parse it")
    try:
        root = etree.fromstring(body, _safe_parser())
    except etree.XMLSyntaxError as error:
        raise XmlFeedError(f"malformed XML: {error}") from None
    document_type = root.getroottree().docinfo.internalDTD
    if document_type is not None and any(True for _ in document_type.iterentities()):
        raise XmlFeedError("the document declares XML entities in its DOCTYPE; refused to read it")
    return root


class XmlFeedSpider(JobSpider):
    """Base for sources that publish their jobs as one XML document (Personio, RSS, Atom).

    Subclasses yield :meth:`feed_request` requests from ``start`` and implement
    :meth:`postings_from_feed`. A 404/410 answer (and, with ``follow_redirects = False``, a
    redirect) is a source error with :meth:`not_found_reason`; so is a document that
    :func:`parse_xml_safely` refuses. When the last page of a feed parsed cleanly
    (:meth:`next_page_url` gives None) the listing is complete.
    """

    follow_redirects = True
    not_found_statuses = (404, 410)

    def feed_request(self, url: str) -> Request:
        """A request for one feed document, answered to :meth:`parse_feed` whatever its status."""
        statuses = list(self.not_found_statuses)
        meta = {"handle_httpstatus_list": statuses}
        if not self.follow_redirects:
            # An unknown board often redirects to the vendor's home page; following it would
            # fetch an HTML page and hide the real answer.
            statuses.extend(REDIRECT_STATUSES)
            meta["dont_redirect"] = True
        return Request(url, callback=self.parse_feed, errback=self.feed_failed, meta=meta, dont_filter=True,
                       headers={"Accept": "application/xml, text/xml;q=0.9, */*;q=0.5"})

    def parse_feed(self, response):
        """Check the answer, parse the document safely and yield its postings and next page."""
        if response.status != 200:
            self.source_error(self.not_found_reason(response))
            return
        try:
            root = parse_xml_safely(response.body)
        except XmlFeedError as error:
            self.source_error(self.unusable_feed_reason(response, error))
            return
        items = 0
        for item in self.postings_from_feed(root, response):
            items += 1
            yield item
        if self.crawler is not None and self.crawler.stats.get_value("jobcrawl/source_error"):
            return
        next_url = self.next_page_url(root, response, items)
        if next_url:
            yield self.feed_request(next_url)
        else:
            self.listing_complete = True

    def feed_failed(self, failure):
        """The feed could not be fetched at all (DNS, timeout, refused, HTTP error after retries)."""
        url = failure.request.url if getattr(failure, "request", None) is not None else "the feed"
        if failure.check(HttpError):
            reason = f"HTTP {failure.value.response.status}"
        else:
            reason = failure.getErrorMessage()
        self.source_error(f"could not fetch {url}: {reason}")

    def postings_from_feed(self, root: etree._Element, response):
        """Yield postings (and rejections) from a parsed feed document."""
        raise NotImplementedError

    def next_page_url(self, root: etree._Element, response, item_count: int) -> str | None:
        """The URL of the feed's next page, or None when this was the last one."""
        return None

    def not_found_reason(self, response) -> str:
        """The source error for a 404/410 or redirect answer."""
        location = response.headers.get("Location", b"").decode("latin-1")
        where = f", redirected to {location}" if location else ""
        return f"feed not found: {response.url} answered HTTP {response.status}{where}"

    def unusable_feed_reason(self, response, error: XmlFeedError) -> str:
        """The source error for a document :func:`parse_xml_safely` refused."""
        content_type = response.headers.get("Content-Type", b"").decode("latin-1") or "none"
        return f"not a usable feed: {response.url} (Content-Type {content_type}): {error}"
