"""Pure helpers shared by the applicant-tracking-system mappings (``crawler/sources/<platform>.py``).

Each ATS base turns one job of its API into posting fields with a ``posting_fields_from_<platform>``
function; these helpers do the parts they have in common: plain values out of JSON, description parts
joined under ``<h3>`` headings, dates, salaries, places, work modes and contract terms. No Scrapy, no
clock, no database.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timezone
from typing import Any

import lxml.html
from lxml import etree

from crawler.parsing.dates import parse_date
from crawler.parsing.location import Location, normalise_address, parse_location
from crawler.parsing.terms import (
    contract_type_from_structured,
    employment_type_from_structured,
    workplace_type,
)

_PERIOD_WORDS = {
    "hour": "hour", "hourly": "hour", "day": "day", "daily": "day", "week": "week", "weekly": "week",
    "month": "month", "monthly": "month", "year": "year", "yearly": "year", "annual": "year",
    "annually": "year", "annum": "year",
}
_PERIOD_IN_CODE = re.compile(r"(hour|day|week|month|year|annual)", re.I)
_LIST_TAG = re.compile(r"<\s*(?:ul|ol)\b", re.I)
_TAG = re.compile(r"<[^>]*>")
_CURRENCY_CODE = re.compile(r"^[A-Za-z]{3}$")
_MAX_EPOCH_MILLISECONDS = 10 ** 14  # about the year 5138: anything larger is not milliseconds


def text_value(value: Any) -> str | None:
    """A stripped string from a JSON value; None for null, blanks, numbers' absence and objects.

    Numbers (ids) become strings: ``4012345002`` -> ``"4012345002"``.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def mapping(value: Any) -> dict[str, Any]:
    """``value`` when it is a JSON object, else an empty dict (``null``, lists, strings)."""
    return value if isinstance(value, dict) else {}


def objects(value: Any) -> list[dict[str, Any]]:
    """The JSON objects in a list (other entries and non-lists are ignored)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def number(value: Any) -> float | None:
    """A finite number from a JSON number or numeric string ("65000", "8000.0"), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", ""))
        except ValueError:
            return None
    if isinstance(value, (int, float)) and math.isfinite(value):
        return float(value)
    return None


def _figure(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def balanced_html(fragment: str) -> str:
    """An HTML fragment with every element it opens closed again.

    Sources send parts cut short or never closed (``<div><li>…`` without ``</li></div>``, a
    trimmed ``<ul>``); joined as they are, the next part's heading would end up inside the
    unclosed list and the section parser would read it as one more bullet.
    """
    if "<" not in fragment:
        return fragment
    try:
        elements = lxml.html.fragments_fromstring(fragment)
    except (etree.ParserError, ValueError):
        return fragment
    pieces = []
    for element in elements:
        if isinstance(element, str):
            pieces.append(html.escape(element, quote=False))
        else:
            pieces.append(etree.tostring(element, encoding="unicode", method="html", with_tail=True))
    return "".join(pieces).strip() or fragment


def sections_html(parts: Iterable[tuple[str | None, str | None]]) -> str | None:
    """The description parts as one HTML document, each part behind its heading as ``<h3>``.

    ``parts`` are ``(heading, html)`` pairs; a part without a heading is added as it is, a part
    without text is left out (with its heading). Headings are plain text and are escaped. Each
    part is closed on its own (:func:`balanced_html`), so one part's unclosed list cannot
    swallow the next part's heading.
    """
    chunks = []
    for heading, body in parts:
        body = body.strip() if isinstance(body, str) else ""
        if not body:
            continue
        body = balanced_html(body)
        heading = heading.strip() if isinstance(heading, str) else ""
        chunks.append(f"<h3>{html.escape(heading, quote=False)}</h3>\n{body}" if heading else body)
    return "\n".join(chunks) or None


def _item_text(node: Any, parts: list[str]) -> None:
    """The text of a list item without its nested lists and comments, collected into ``parts``."""
    if node.text and isinstance(node.tag, str):
        parts.append(node.text)
    for child in node:
        if isinstance(child.tag, str) and child.tag not in ("ul", "ol"):
            _item_text(child, parts)
        if child.tail:
            parts.append(child.tail)


def list_items(fragment: Any) -> list[str]:
    """The texts of an HTML fragment's list items, whitespace collapsed, a trailing list comma or
    semicolon dropped (``"<ul><li>30 Tage Urlaub;</li>…"`` -> ``["30 Tage Urlaub", …]``); a nested
    list's items are items of their own, comments (``<!-- trimmed -->``) are not text."""
    text = text_value(fragment)
    if not text or "<li" not in text.lower():
        return []
    try:
        elements = lxml.html.fragments_fromstring(text)
    except (etree.ParserError, ValueError):
        return []
    items = []
    for element in elements:
        if isinstance(element, str):
            continue
        for item in element.iter("li"):
            parts: list[str] = []
            _item_text(item, parts)
            words = " ".join("".join(parts).split()).rstrip(" ;,")
            if words:
                items.append(words)
    return items


def heading_text(value: Any) -> str | None:
    """A heading as plain text: markup removed, entities read ("<b>Requirements</b>" -> "Requirements")."""
    text = text_value(value)
    if text is None:
        return None
    return " ".join(html.unescape(_TAG.sub(" ", text)).split()) or None


def as_list_html(items_html: str) -> str:
    """List items (``<li>…</li><li>…</li>``) wrapped in a ``<ul>`` unless they already sit in a list.

    An item that is only a label ending in a colon ("Baseline:", "Extra Credit:") heads the items
    after it: it leaves the list as a bold paragraph, so it is not read as a bullet of its own.
    """
    listed = items_html if _LIST_TAG.search(items_html) else f"<ul>{items_html}</ul>"
    return _LABEL_ITEM.sub(_label_item_as_heading, listed)


# An <li> holding only a short label that ends with a colon (markup around it allowed).
_LABEL_ITEM = re.compile(r"<li\b[^>]*>((?:\s|<[^>]*>)*)([^<>]{1,60}?:)((?:\s|&nbsp;|<[^>]*>)*)</li>", re.I)


def _label_item_as_heading(match: re.Match[str]) -> str:
    label = html.unescape(match.group(2)).strip()
    if not label[:-1].strip() or len(label.split()) > 6:
        return match.group(0)
    return f"</ul><p><strong>{html.escape(label, quote=False)}</strong></p><ul>"


def date_fields(raw: Any, now: datetime) -> dict[str, Any]:
    """``date_posted`` (the calendar date in the timestamp's own offset) and ``date_posted_raw``."""
    text = text_value(raw)
    if text is None:
        return {}
    return {"date_posted": parse_date(text, now), "date_posted_raw": text}


def date_value(raw: Any, now: datetime) -> date | None:
    """A date from an ISO date or timestamp string, or None."""
    text = text_value(raw)
    return parse_date(text, now) if text else None


def epoch_milliseconds_date(value: Any) -> date | None:
    """The UTC calendar date of an epoch timestamp in milliseconds (Lever ``createdAt``)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < _MAX_EPOCH_MILLISECONDS:
        return None
    return datetime.fromtimestamp(value / 1000, tz=timezone.utc).date()


def salary_period(value: Any) -> str | None:
    """A schema salary period from an ATS period word or code ("per-year-salary", "1 YEAR", "month")."""
    text = text_value(value)
    if not text:
        return None
    word = _PERIOD_WORDS.get(text.lower())
    if word:
        return word
    match = _PERIOD_IN_CODE.search(text)
    if not match or re.search(r"\b(?:[2-9]|\d{2,})\s", text):  # "2 WEEK" is no schema period
        return None
    return _PERIOD_WORDS[match.group(1).lower()]


def salary_fields(minimum: Any, maximum: Any, currency: Any, period: Any, raw: str | None = None
                  ) -> dict[str, Any]:
    """Salary fields from a structured salary; empty when it states no figure.

    Figures are kept as stated (only a minimum stays only a minimum); a currency must be an ISO
    code. ``period`` is anything :func:`salary_period` reads. Without ``raw`` the salary text is
    built from the parts: ``"65000-80000 EUR year"``.
    """
    low, high = number(minimum), number(maximum)
    low = low if low and low > 0 else None
    high = high if high and high > 0 else None
    if low is None and high is None:
        return {}
    if low is not None and high is not None and low > high:
        low, high = high, low
    code = text_value(currency)
    code = code.upper() if code and _CURRENCY_CODE.match(code) else None
    if raw is None:
        figures = "-".join(_figure(v) for v in dict.fromkeys(v for v in (low, high) if v is not None))
        raw = " ".join(part for part in (figures, code or text_value(currency), text_value(period)) if part)
    return {"salary_min": low, "salary_max": high, "salary_currency": code,
            "salary_period": salary_period(period), "salary_raw": raw}


def place_fields(locality: Any = None, region: Any = None, postal_code: Any = None, country: Any = None,
                 raw: Any = None) -> dict[str, Any]:
    """Place fields of a structured address, as the source states them.

    The parser normalises them (local city name, ISO country, state name) in its own process, which
    keeps the gazetteer out of the crawl process. Only a two-letter country code is upper-cased here
    ("de" -> "DE"). ``location_raw`` is the source's own location text, else the parts joined.
    """
    city, state, postal, nation = (text_value(value) for value in (locality, region, postal_code, country))
    if nation and len(nation) == 2 and nation.isalpha():
        nation = nation.upper()
    joined = ", ".join(part for part in (postal, city, state, nation) if part) or None
    return {"location_raw": text_value(raw) or joined, "city": city, "postal_code": postal, "region": state,
            "country": nation}


def text_place(text: Any, country: Any = None) -> dict[str, Any]:
    """Place fields of a free-text location ("Berlin, Germany", "Remote - DE"): the text goes to
    ``location_raw``, where the parser reads city and country. The parser reads that text only for
    postings without a city or country, so a separately stated ``country`` is kept only when there
    is no text."""
    raw = text_value(text)
    if raw:
        return {"location_raw": raw}
    return {"location_raw": None, "country": place_fields(country=country)["country"]}


def _location_dict(location: Location) -> dict[str, Any]:
    return {"city": location.city, "postal_code": location.postal_code, "region": location.region,
            "country": location.country}


def location_fields_from_text(text: Any, country: Any = None) -> dict[str, Any]:
    """Place fields from a free-text location ("Berlin, Germany", "Remote - DE"), normalised here
    with the gazetteer (which then loads in the calling process; the ATS bases use
    :func:`text_place` and leave that to the parser).

    ``country`` (a code or name the source states separately) wins over the text's country; a city
    read from the text is kept only when it lies in that country.
    """
    raw = text_value(text)
    location = parse_location(raw) if raw else Location()
    stated = normalise_address(country=text_value(country)).country if text_value(country) else None
    fields = {"location_raw": raw, **_location_dict(location)}
    if stated and location.country != stated:
        fields.update(city=None, postal_code=None, region=None, country=stated)
    return fields


def location_fields_from_address(locality: Any = None, region: Any = None, postal_code: Any = None,
                                 country: Any = None, raw: Any = None) -> dict[str, Any]:
    """Place fields from a structured address, normalised here with the gazetteer (the ATS bases use
    :func:`place_fields`); ``raw`` is the source's own location text, if any."""
    location = normalise_address(locality=text_value(locality), region=text_value(region),
                                 postal_code=text_value(postal_code), country=text_value(country))
    return {"location_raw": text_value(raw) or location.raw, **_location_dict(location)}


def has_place(fields: dict[str, Any]) -> bool:
    """True when place fields hold a city, a country or a location text."""
    return bool(fields.get("city") or fields.get("country") or fields.get("location_raw"))


def joined_places(names: Iterable[Any]) -> str | None:
    """Several location texts as one ``location_raw`` ("Berlin; München"), duplicates dropped."""
    texts = [text for text in (text_value(name) for name in names) if text]
    return "; ".join(dict.fromkeys(texts)) or None


def workplace_from_value(value: Any) -> str | None:
    """``onsite``/``hybrid``/``remote`` from a stated work mode ("Hybrid", "OnSite", "Remote - DE")."""
    text = text_value(value)
    return workplace_type(text) if text else None


def workplace_from_flags(remote: Any = None, hybrid: Any = None, onsite: Any = None) -> str | None:
    """The work mode from an ATS's booleans: hybrid wins over remote and on-site (a job that is
    hybrid and on-site is hybrid), remote over on-site; no true flag gives None."""
    if hybrid is True:
        return "hybrid"
    if remote is True:
        return "remote"
    if onsite is True:
        return "onsite"
    return None


def vocabulary_key(value: Any) -> str | None:
    """A stated term as a vocabulary key: lower case, separators as one space ("Full-Time" ->
    "full time", "PartTime" -> "part time")."""
    text = text_value(value)
    if not text:
        return None
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
    return " ".join(re.sub(r"[\s_\-/]+", " ", text).lower().split()) or None


def terms_from_vocabulary(vocabulary: Mapping[str, tuple[str | None, str | None]], *values: Any
                          ) -> dict[str, Any]:
    """``employment_type`` and ``contract_type`` from a platform's own words for its terms.

    ``vocabulary`` maps a :func:`vocabulary_key` ("regular", "short term") to
    ``(employment_type, contract_type)``; values it does not know are read by :func:`terms_fields`,
    and the first value that tells wins for each field.
    """
    employment = contract = None
    for value in values:
        known = vocabulary.get(vocabulary_key(value) or "")
        generic = terms_fields(value) if known is None else {}
        employment = employment or (known[0] if known else generic.get("employment_type"))
        contract = contract or (known[1] if known else generic.get("contract_type"))
    return {"employment_type": employment, "contract_type": contract}


def terms_fields(*values: Any) -> dict[str, Any]:
    """``employment_type`` and ``contract_type`` from ATS employment codes or labels
    ("fulltime_permanent", "Full-time", "Werkstudent"); the first value that tells wins."""
    texts = [text for text in (text_value(value) for value in values) if text]
    return {"employment_type": next(filter(None, map(employment_type_from_structured, texts)), None),
            "contract_type": next(filter(None, map(contract_type_from_structured, texts)), None)}
