"""The Personio base spider: a company's whole job board from its public XML feed, in one request.

``GET https://{company}.jobs.personio.de/xml?language=de`` answers every open position in one
``<workzag-jobs>`` document (no paging). The feed must be switched on by the employer; an unknown
company answers 404 or a redirect to personio.com, so redirects are not followed and both are
reported as "company not found".
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from urllib.parse import parse_qsl, urlencode, urlsplit

from lxml import etree

from crawler.bases.xml_feed import XmlFeedError, XmlFeedSpider, parse_xml_safely
from crawler.parsing.personio import posting_fields_from_personio
from crawler.parsing.xml_fields import children, tag_name

_COMPANY_NAME = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
ARCHIVE_CONTENT_TYPE = "application/xml"  # each posting's raw page is its own <position> element


class PersonioFeedSpider(XmlFeedSpider):
    """Base for Personio job boards.

    Arguments: ``-a company=NAME`` (the subdomain of ``NAME.jobs.personio.de``), ``-a language=de``
    (default; ``en`` asks for English texts — positions without English text then come without a
    description), ``-a base_url=URL`` (another host, for tests: the feed is ``{base_url}/xml``).
    """

    follow_redirects = False

    def __init__(self, *args, company: str | None = None, language: str | None = None, **kwargs):
        given = {name: value for name, value in (("company", company), ("language", language)) if value}
        super().__init__(*args, **given, **kwargs)
        self.company = (company or "").strip().lower()
        self.language = (language or "de").strip().lower()
        if not self.base_url and _COMPANY_NAME.match(self.company):
            self.base_url = f"https://{self.company}.jobs.personio.de"

    def argument_problem(self) -> str | None:
        """Why the arguments cannot work, or None."""
        if not self.company:
            return "missing -a company=NAME: the subdomain of NAME.jobs.personio.de"
        if not _COMPANY_NAME.match(self.company):
            return (f"-a company={self.company!r} is not a Personio subdomain: use the NAME of "
                    "NAME.jobs.personio.de (letters, digits, hyphens)")
        if not _LANGUAGE.match(self.language):
            return f"-a language={self.language!r} is not a two-letter language code such as de or en"
        return None

    def feed_url(self) -> str:
        """The XML feed of this board."""
        return f"{self.base_url}/xml?{urlencode({'language': self.language})}"

    async def start(self):
        problem = self.argument_problem()
        if problem:
            self.source_error(problem)
            return
        yield self.feed_request(self.feed_url())

    def postings_from_feed(self, root, response):
        if tag_name(root) != "workzag-jobs":
            self.source_error(f"not a Personio feed: {response.url} has root element <{tag_name(root)}>, "
                              "expected <workzag-jobs>")
            return
        now = datetime.now(timezone.utc)
        for position in children(root, "position"):
            fields = posting_fields_from_personio(position, self.company, now, language=self.language)
            url = fields.pop("url", None)
            if not url or not fields.get("title_raw"):
                yield self.rejection(url or response.url, "missing id or title",
                                     self.position_markup(position))
                continue
            yield self.posting(url, raw_page=etree.tostring(position, encoding="utf-8"),
                               raw_content_type=ARCHIVE_CONTENT_TYPE, **fields)

    @staticmethod
    def position_markup(position: etree._Element) -> str:
        return etree.tostring(position, encoding="unicode")[:100_000]

    @classmethod
    def fields_from_archive(cls, body: bytes, url: str, content_type: str | None, crawled_at: datetime):
        """Known fields of an archived ``<position>`` (for ``jobcrawl reparse``), or ``None``.

        The company and language come back from the job URL (``https://NAME.jobs.personio.de/job/ID``).
        """
        try:
            position = parse_xml_safely(body)
        except XmlFeedError:
            return None
        parts = urlsplit(url)
        language = dict(parse_qsl(parts.query)).get("language")
        fields = posting_fields_from_personio(position, (parts.hostname or "").split(".")[0], crawled_at,
                                              language=language)
        fields.pop("url", None)
        return fields if tag_name(position) == "position" and fields.get("title_raw") else None

    def not_found_reason(self, response) -> str:
        location = response.headers.get("Location", b"").decode("latin-1")
        answer = f"redirected to {location}" if location else f"answered HTTP {response.status}"
        return (f"company not found: {self.company!r} has no Personio job board ({response.url} {answer}); "
                "check -a company= (the NAME of NAME.jobs.personio.de)")

    def unusable_feed_reason(self, response, error: XmlFeedError) -> str:
        reason = super().unusable_feed_reason(response, error)
        if "HTML page" in str(error):
            reason += (" — the company may have switched its XML feed off "
                       "(Personio: Settings > Recruiting > Career page)")
        return reason
