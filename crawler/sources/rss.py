"""RSS 2.0, RSS 1.0 and Atom job feeds: one ``<item>``/``<entry>`` -> posting fields.

Besides the standard elements (title, link, guid/id, pubDate/published, description/content) the
job extensions that feeds commonly add are read where present: Teamtailor's ``tt:locations``,
``tt:department`` and ``remoteStatus``; Google Base jobs (SAP SuccessFactors ``/googlefeed.xml``):
``g:location``, ``g:employer``, ``g:job_type``, ``g:salary``, ``g:expiration_date``; and plain
``location``/``company``/``salary``/``job_type`` children of job-board feeds.
"""

from __future__ import annotations

import copy
import re
from datetime import datetime
from typing import Any

from lxml import etree

from crawler.parsing.dates import parse_date
from crawler.parsing.salary import parse_salary
from crawler.parsing.terms import contract_type_from_structured, employment_type_from_structured, workplace_type
from crawler.sources.xml_fields import child, child_text, children, element_text, inner_markup, tag_name

ATOM = "http://www.w3.org/2005/Atom"
TEAMTAILOR = "https://teamtailor.com/locations"
GOOGLE_BASE = "http://base.google.com/ns/1.0"
CONTENT_MODULE = "http://purl.org/rss/1.0/modules/content/"
FEED_ROOTS = {"rss", "RDF", "feed"}
# Teamtailor's remoteStatus. "none" is the status an employer left unset, not "on site": feeds carry
# "onsite" beside it (one feed sampled 2026-08: none 80, hybrid 13, onsite 5, temporary 1 of 100
# items), and Ferd's open application says "none" with no word on where the work is. "temporary"
# (remote for a while) says nothing lasting either; both leave the field to the ad's text.
_REMOTE_STATUS = {"fully": "remote", "remote": "remote", "hybrid": "hybrid",
                  "onsite": "onsite", "on-site": "onsite", "office": "onsite"}
_URL = re.compile(r"^https?://\S+$", re.I)


def feed_items(root: etree._Element) -> list[etree._Element]:
    """The job items of a feed: RSS 2.0 ``channel/item``, RSS 1.0 ``item``, Atom ``entry``."""
    if tag_name(root) == "feed":
        return children(root, "entry")
    channel = child(root, "channel")
    items = children(channel, "item") if channel is not None else []
    return items or children(root, "item")  # RSS 1.0 puts its items next to the channel


def feed_title(root: etree._Element) -> str | None:
    """The feed's own title (``channel/title`` or Atom ``feed/title``)."""
    channel = child(root, "channel")
    return child_text(channel if channel is not None else root, "title")


def is_teamtailor_feed(root: etree._Element) -> bool:
    """True when the feed declares Teamtailor's namespace (``xmlns:tt``)."""
    return TEAMTAILOR in (root.nsmap or {}).values()


def single_item_feed(root: etree._Element, item: etree._Element) -> bytes:
    """A feed document with the same root, namespaces and title as ``root`` but only ``item``:
    the raw page kept for one posting, readable again by the same code as the whole feed."""
    feed = etree.Element(root.tag, attrib=dict(root.attrib), nsmap=root.nsmap)
    if tag_name(root) == "feed":
        container = feed
        title = child(root, "title")
    else:
        channel = child(root, "channel")
        container = etree.SubElement(feed, channel.tag if channel is not None else "channel")
        title = child(channel, "title") if channel is not None else None
    if title is not None:
        container.append(copy.deepcopy(title))
    container.append(copy.deepcopy(item))
    return etree.tostring(feed, encoding="utf-8", xml_declaration=True)


def _link(item: etree._Element) -> str | None:
    for link in children(item, "link"):
        href = link.get("href")
        if href and link.get("rel", "alternate") == "alternate":
            return href.strip()
        text = element_text(link)
        if text:
            return text
    guid = child(item, "guid")
    if guid is not None and guid.get("isPermaLink", "true") != "false" and _URL.match(element_text(guid) or ""):
        return element_text(guid)
    return None


def _first_text(item: etree._Element, *names: str, namespace: str | None = "*") -> str | None:
    for name in names:
        text = child_text(item, name, namespace)
        if text:
            return text
    return None


def _description(item: etree._Element) -> str | None:
    for name, namespace in (("encoded", CONTENT_MODULE), ("content", "*"), ("description", "*"),
                            ("summary", "*")):
        value = inner_markup(child(item, name, namespace))
        if value:
            return value
    return None


def _teamtailor_location(item: etree._Element) -> dict[str, Any]:
    container = child(item, "locations", TEAMTAILOR)
    places = children(container, "location", TEAMTAILOR) if container is not None else []
    labels, fields = [], {}
    for place in places:
        name, city = child_text(place, "name", TEAMTAILOR), child_text(place, "city", TEAMTAILOR)
        country = child_text(place, "country", TEAMTAILOR)
        labels.append(name or ", ".join(part for part in (city, country) if part))
        if not fields and (city or country):
            # As stated ("Hamburg", "Germany"); complete_posting normalises them. A place with only
            # a name ("Remote Germany") is left to the parser, through location_raw.
            fields = {"city": city, "postal_code": child_text(place, "zip", TEAMTAILOR), "country": country}
    labels = [label for label in labels if label]
    return {**fields, "location_raw": "; ".join(dict.fromkeys(labels)) or None} if labels else fields


def _location(item: etree._Element) -> dict[str, Any]:
    if child(item, "locations", TEAMTAILOR) is not None:
        return _teamtailor_location(item)
    text = _first_text(item, "location", "job_location", "joblocation", "city")
    return {"location_raw": text} if text else {}  # free text: the parser reads the place


def _without_location_suffix(title: str | None, location_text: str | None) -> str | None:
    """SuccessFactors titles end with their location: "Controller (Tempe, AZ, US, 85288)"."""
    if title and location_text and title.rstrip().endswith(f"({location_text})"):
        return title.rstrip()[: -len(location_text) - 2].rstrip() or title
    return title


def _salary_fields(item: etree._Element) -> dict[str, Any]:
    text = _first_text(item, "salary", "compensation")
    salary = parse_salary(text) if text else None
    if not salary or (salary.min is None and salary.max is None):
        return {}
    return {"salary_min": salary.min, "salary_max": salary.max, "salary_currency": salary.currency,
            "salary_period": salary.period, "salary_raw": salary.raw}


def posting_fields_from_feed_item(item: etree._Element, now: datetime, *,
                                  feed_company: str | None = None) -> dict[str, Any]:
    """Posting fields (schema names) from one feed ``<item>`` or Atom ``<entry>``.

    ``feed_company`` is the employer when the feed is one company's (Teamtailor's channel title);
    the item's own ``g:employer``/``company`` wins over it. ``now`` resolves dates.
    """
    location = _location(item)
    posted = _first_text(item, "pubDate", "published", "publish_date", "date", "updated")
    remote_status = (_first_text(item, "remoteStatus") or "").lower()
    job_type = _first_text(item, "job_type", "jobtype", "employment_type", "employmentType")
    expires = _first_text(item, "expiration_date", "validThrough", "expires")
    fields: dict[str, Any] = {
        "source_id": _first_text(item, "guid", "id"),
        "url": _link(item),
        "title_raw": _without_location_suffix(child_text(item, "title"), location.get("location_raw")),
        "description": _description(item),
        "company": _first_text(item, "employer", "company", "hiringOrganization", "company_name") or feed_company,
        "workplace_type": (_REMOTE_STATUS.get(remote_status)
                           or workplace_type(location.get("location_raw") or "") or None),
        "employment_type": employment_type_from_structured(job_type),
        "contract_type": contract_type_from_structured(job_type),
        "date_posted": parse_date(posted, now) if posted else None,
        "date_posted_raw": posted,
        "valid_through": parse_date(expires, now) if expires else None,
        **location,
        **_salary_fields(item),
    }
    return {name: value for name, value in fields.items() if value not in (None, "", [])}
