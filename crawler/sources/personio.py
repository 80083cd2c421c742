"""Personio: its base spider (a company's whole job board from its public XML feed, in one request)
and the feed's field mapping.

``GET https://{company}.jobs.personio.de/xml?language=de`` answers every open position in one
``<workzag-jobs>`` document (no paging). The feed must be switched on by the employer; an unknown
company answers 404 or a redirect to personio.com, so redirects are not followed and both are
reported as "company not found".

Mapping: one ``<position>`` element -> posting fields.

Feed: ``https://{company}.jobs.personio.de/xml?language=de|en`` with root ``<workzag-jobs>``.
The position's title is its own ``<name>`` child: each ``<jobDescription>`` also has a ``<name>``
(the section heading), so a descendant search would pick a heading as the title.

Values this module reads (Personio's vocabulary): ``employmentType`` ``permanent``, ``intern``,
``trainee``, ``freelance``, ``temporary`` (-> fixed_term), ``working_student``; ``schedule``
``full-time``, ``part-time``, ``full-or-part-time``; ``seniority`` as in :data:`_SENIORITY`;
``salaryInformation`` with ``<min>`` and/or ``<max>``, ``<currencyCode>`` (or only a
``<currencySymbol>``) and ``<type>`` ``yearly``/``monthly``/``hourly``. A salary implausible for its
currency and period is left out (:mod:`crawler.parsing.pay_bounds`: a monthly 47,000,000 IDR is
kept). ``<jobDescriptions>`` may be empty; section values are HTML in CDATA, sometimes with inline
styles and, in some feeds, tags escaped once more inside the CDATA (``&lt;span style=…&gt;``): those
are turned back into tags so no markup reaches the text.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from lxml import etree

from crawler.bases.xml_feed import XmlFeedError, XmlFeedSpider, parse_xml_safely
from crawler.parsing.dates import parse_date
from crawler.parsing.pay_bounds import pay_is_plausible
from crawler.parsing.terms import (
    contract_type_from_structured,
    employment_type_from_structured,
    workplace_type,
)
from crawler.sources.xml_fields import child, child_text, children, element_text, inner_markup, tag_name

JOB_URL = "https://{company}.jobs.personio.de/job/{position_id}"
# "experienced" says nothing the title does not say better (Senior…, Lead…), so it maps to None.
_SENIORITY = {"entry-level": "junior", "student": "intern", "manager": "lead", "executive": "executive"}
_SALARY_PERIODS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year",
                   "annual": "year", "annually": "year"}
# <currencySymbol> when a feed has no <currencyCode>: only symbols that name one currency.
_CURRENCY_SYMBOLS = {"€": "EUR", "£": "GBP", "₹": "INR", "¥": "JPY", "₩": "KRW", "₺": "TRY", "zł": "PLN",
                     "Kč": "CZK", "Ft": "HUF", "Rp": "IDR", "₫": "VND", "₱": "PHP", "₪": "ILS", "CHF": "CHF",
                     "Fr.": "CHF", "R$": "BRL", "US$": "USD", "A$": "AUD", "C$": "CAD"}
# A tag escaped inside CDATA: "&lt;span style=&quot;…&quot;&gt;".
_ESCAPED_TAG = re.compile(r"&lt;(/?[A-Za-z][^<>]*?)&gt;")
# yearsOfExperience: lt-1, 1-2, 2-5, 5-7, 7-10, 10-15, gt-15 -> the least years asked for
_YEARS_OF_EXPERIENCE = re.compile(r"^(?:lt-\d+|(?:gt-)?(?P<least>\d+)(?:-\d+)?)$")


def personio_job_url(company: str, position_id: str, language: str | None = None) -> str:
    """The public page of a Personio position; ``?language=`` only for a non-German feed."""
    url = JOB_URL.format(company=company, position_id=position_id)
    return f"{url}?language={language}" if language and language != "de" else url


def _description(position: etree._Element) -> str | None:
    """Every jobDescription section as HTML, each under an ``<h3>`` of its own heading."""
    sections = []
    container = child(position, "jobDescriptions")
    for section in children(container, "jobDescription") if container is not None else []:
        heading = child_text(section, "name")
        value = inner_markup(child(section, "value"))
        if not value:
            continue
        value = _ESCAPED_TAG.sub(lambda match: f"<{html.unescape(match.group(1))}>", value)
        sections.append(f"<h3>{html.escape(heading, quote=False)}</h3>\n{value}" if heading else value)
    return "\n".join(sections) or None


def _offices(position: etree._Element) -> list[str]:
    """The main office first, then the additional offices, without repeats."""
    offices = [child_text(position, "office")]
    additional = child(position, "additionalOffices")
    if additional is not None:
        offices += [element_text(office) for office in children(additional, "office")]
    unique: list[str] = []
    for office in offices:
        if office and office.casefold() not in {known.casefold() for known in unique}:
            unique.append(office)
    return unique


def _location_fields(offices: list[str]) -> dict[str, Any]:
    # Offices are free text ("München", "Remote (Germany)", "Hybrid - Berlin"): they go to
    # location_raw, where the parser finds the first place among them.
    return {"location_raw": "; ".join(offices) or None,
            "workplace_type": workplace_type("\n".join(offices)) if offices else None}


def _amount(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _salary_fields(position: etree._Element) -> dict[str, Any]:
    salary = child(position, "salaryInformation")
    if salary is None:
        return {}
    low_text, high_text = child_text(salary, "min"), child_text(salary, "max")
    low, high = _amount(low_text), _amount(high_text)
    if low is None and high is None:
        return {}
    if low is not None and high is not None and low > high:
        low, high = high, low
    symbol = child_text(salary, "currencySymbol")
    currency = (child_text(salary, "currencyCode") or "").upper() or _CURRENCY_SYMBOLS.get(symbol or "")
    period_name = (child_text(salary, "type") or "").lower()
    period = _SALARY_PERIODS.get(period_name)
    figures = "–".join(dict.fromkeys(text for text in (low_text, high_text) if text))
    raw = " ".join(part for part in (figures, currency or symbol, period_name) if part)
    if not all(pay_is_plausible(figure, currency, period) for figure in (low, high) if figure is not None):
        return {"salary_raw": raw}  # as stated, for a reader; the figures are not pay
    return {"salary_min": low, "salary_max": high, "salary_currency": currency,
            "salary_period": period, "salary_raw": raw}


def _experience_years(value: str | None) -> int | None:
    match = _YEARS_OF_EXPERIENCE.match((value or "").strip().lower())
    if not match:
        return None
    return int(match["least"]) if match["least"] else 0


def posting_fields_from_personio(position: etree._Element, company: str, now: datetime, *,
                                 language: str | None = None) -> dict[str, Any]:
    """Posting fields (schema names) from one ``<position>`` of a Personio feed.

    ``company`` is the board's subdomain (``{company}.jobs.personio.de``), used for the job URL;
    the employer's name comes from ``<subcompany>`` when the feed has one. ``now`` resolves dates.
    """
    position_id = child_text(position, "id")
    created = child_text(position, "createdAt")
    fields: dict[str, Any] = {
        "source_id": position_id,
        "url": personio_job_url(company, position_id, language) if position_id else None,
        "title_raw": child_text(position, "name"),
        "description": _description(position),
        "company": child_text(position, "subcompany"),
        "employment_type": employment_type_from_structured(child_text(position, "schedule")),
        "contract_type": contract_type_from_structured(child_text(position, "employmentType")),
        "seniority": _SENIORITY.get((child_text(position, "seniority") or "").lower()),
        "experience_years_min": _experience_years(child_text(position, "yearsOfExperience")),
        "date_posted": parse_date(created, now) if created else None,
        "date_posted_raw": created,
    }
    fields.update(_location_fields(_offices(position)))
    fields.update(_salary_fields(position))
    return {name: value for name, value in fields.items() if value not in (None, "", [])}


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
