"""SmartRecruiters companies: the Posting API's list and one detail request per posting.

List: ``GET /v1/companies/{id}/postings?limit=100&offset=N`` -> ``{"offset", "limit", "totalFound",
"content": [...]}``, paged until ``offset + len(content) >= totalFound`` (``limit`` is capped at 100).
The list has no text, so each posting's detail ``GET /v1/companies/{id}/postings/{postingId}`` is
fetched for ``jobAd.sections.{companyDescription, jobDescription, qualifications,
additionalInformation}.{title, text}``, ``postingUrl`` and ``applyUrl``.

Quirks: an unknown company answers **200** with ``totalFound: 0`` (indistinguishable from a company
without public postings; the identifier is case-sensitive), so that run ends degraded with zero items,
not failed. ``location.country`` is lower-case; ``location.remote``/``location.hybrid`` are booleans.
The detail names the recruiter in ``creator.name``: it is dropped before anything is stored.
A detail that answers 404 means the posting closed meanwhile (counted, not an error).

Seen in real answers (``tests/files/smartrecruiters/real/``): a remote posting may fill the place with
placeholders (``{"city": "United Kingdom", "region": "REMOTE"}``), so a place part that only names the
work mode is no place; ``jobAd.sections`` may hold a ``videos`` part without text (left out) and parts
with empty text; employers put their own bold sub-headings inside the form's parts ("You will",
"Qualifications and skills that will help you stand out") and nest lists inside list items.
:func:`part_lists` therefore reads the lists part by part (see there); ``experienceLevel`` gives
``seniority`` only where its id is unambiguous (``internship``, ``entry_level``: a real list tags a
"Futures Execution Specialist" as ``executive``, so the higher levels are left to the title).
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any
from urllib.parse import quote

import lxml.html
from lxml import etree

from crawler.sources.ats_fields import (
    balanced_html,
    date_fields,
    heading_text,
    place_fields,
    mapping,
    sections_html,
    terms_fields,
    text_value,
    workplace_from_flags,
)
from crawler.bases.json_api import NOT_FOUND_STATUSES, JsonApiSpider, SourceFormatError
from crawler.parsing.content_cues import content_kind, cue_scores
from crawler.parsing.headings import heading_kind

SMARTRECRUITERS_PAGE_SIZE = 100  # the API's maximum
_SECTION_ORDER = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")
# Personal data of the company's staff: never stored, not even in a rejection's payload.
_PERSONAL_KEYS = ("creator",)
# What the form's own parts hold when the employer's headings inside them do not say.
_PART_KINDS = {"jobDescription": "responsibilities", "qualifications": "requirements"}
_SECTION_KINDS = ("responsibilities", "requirements", "benefits")
# experienceLevel ids that name one seniority; the others are left to the title.
_SENIORITY = {"internship": "intern", "entry_level": "junior"}
_WORK_MODE_ONLY = re.compile(r"^\s*(?:remote|hybrid|on[- ]?site|anywhere)\s*$", re.IGNORECASE)
# A paragraph of this many words or fewer, all of it bold (or ending in ':'), heads the list below it.
_SUB_HEADING_MAX_WORDS = 12
_EMPHASIS = ("strong", "b", "em", "i", "u")


def _workplace(location: dict[str, Any]) -> str | None:
    remote, hybrid = location.get("remote"), location.get("hybrid")
    # The posting form offers exactly on-site, hybrid or remote, so two explicit "false" flags
    # mean on-site; an older posting without the hybrid flag says nothing when it is not remote.
    onsite = remote is False and hybrid is False
    return workplace_from_flags(remote=remote, hybrid=hybrid, onsite=onsite)


def _place_part(value: Any) -> Any:
    """A location part, or None when it only names the work mode ("REMOTE" in the region slot)."""
    text = text_value(value)
    return None if text and _WORK_MODE_ONLY.match(text) else value


def _own_text(node: Any, parts: list[str]) -> None:
    """The text of an element without its nested lists."""
    if node.text:
        parts.append(node.text)
    for child in node:
        if isinstance(child.tag, str) and child.tag not in ("ul", "ol"):
            _own_text(child, parts)
        if child.tail:
            parts.append(child.tail)


def _words(parts: list[str]) -> str:
    return " ".join("".join(parts).split()).rstrip(" ;,")


def _item(li: Any) -> str | None:
    """One list item; a list nested in it belongs to it ("Experience in: Shaders, FX, HLSL")."""
    parts: list[str] = []
    _own_text(li, parts)
    text = _words(parts)
    nested = [words for sub in li.iter("li") if sub is not li for words in [_words(_sub_parts(sub))] if words]
    if nested:
        text = f"{text} {', '.join(nested)}" if text.endswith(":") else f"{text}: {', '.join(nested)}".lstrip(": ")
    return text or None


def _sub_parts(li: Any) -> list[str]:
    parts: list[str] = []
    _own_text(li, parts)
    return parts


def _sub_heading(element: Any) -> str | None:
    """The sub-heading an element makes: a heading element, or a short paragraph that is bold as a
    whole, ends in ':' or ends in a bold line after a line break ("…production.<br><br><strong>
    Responsibilities</strong>")."""
    if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return heading_text(element.text_content())
    if element.tag not in ("p", "div"):
        return None
    text = " ".join(element.text_content().split())
    if not text:
        return None
    emphasised = " ".join("".join(node.text_content() for node in element.iter(*_EMPHASIS)
                                  if node.getparent() is not None and node.getparent().tag not in _EMPHASIS).split())
    short = len(text.split()) <= _SUB_HEADING_MAX_WORDS
    if short and (emphasised == text or text.endswith(":")):
        return text.rstrip(":").strip() or None
    children = [child for child in element if isinstance(child.tag, str)]
    last = children[-1] if children else None
    if (last is not None and last.tag in _EMPHASIS and not (last.tail or "").strip()
            and len(children) >= 2 and children[-2].tag == "br"):
        heading = " ".join(last.text_content().split())
        return heading if 0 < len(heading.split()) <= _SUB_HEADING_MAX_WORDS else None
    return None


def part_lists(fragment: Any) -> list[tuple[str | None, list[str]]]:
    """The lists of one part of the posting form, each with the sub-heading above it (None when the
    part has none before it); items are the top-level list items, nested lists joined in."""
    text = text_value(fragment)
    if not text or "<li" not in text.lower():
        return []
    try:
        elements = lxml.html.fragments_fromstring(balanced_html(text))
    except (etree.ParserError, ValueError):
        return []
    lists: list[tuple[str | None, list[str]]] = []
    heading = None
    for element in elements:
        if isinstance(element, str) or not isinstance(element.tag, str):
            continue
        if element.tag in ("ul", "ol"):
            items = [item for li in element if isinstance(li.tag, str) and li.tag == "li" for item in [_item(li)] if item]
            if items:
                lists.append((heading, items))
        else:
            heading = _sub_heading(element) or heading
    return lists


def _list_kind(part_key: str, part_title: str | None, heading: str | None, items: list[str]) -> str | None:
    """The section a list of one form part belongs to: its sub-heading's when that names one; under
    another known heading ("About us", "How to apply") none; else the part's (its title's, or the
    form's meaning of the part), unless the items' wording clearly says another section."""
    kind = heading_kind(heading) if heading else None
    if kind in _SECTION_KINDS:
        return kind
    if kind is not None:
        return None
    title_kind = heading_kind(part_title) if part_title else None
    default = title_kind if title_kind in _SECTION_KINDS else _PART_KINDS.get(part_key)
    worded = content_kind(items, heading or "")
    if default is None:
        return None
    return worded if worded in _SECTION_KINDS and worded != default else default


def _section_lists(job: dict[str, Any]) -> dict[str, list[str]]:
    """``responsibilities``, ``requirements`` and ``benefits`` from the lists of the form's parts.

    The posting form has fixed parts (tasks in "Job Description", the profile in "Qualifications"),
    which tells what a list inside them holds when the employer's own sub-heading does not
    ("What you'll need for success in this exciting opportunity", "You will"). The "Additional
    Information" part's lists are benefits by :func:`_offered_benefits`. Nothing is set when the
    parts have no lists: the parser reads the text then.
    """
    sections = mapping(mapping(job.get("jobAd")).get("sections"))
    found: dict[str, list[str]] = {}
    for key in sections:
        part = mapping(sections[key])
        title = heading_text(part.get("title"))
        for heading, items in part_lists(part.get("text")):
            if key == "additionalInformation" and (heading is None or heading_kind(heading) is None):
                kind = "benefits" if _offered_benefits(title, items) else None
            else:
                kind = _list_kind(key, title, heading, items)
            if kind:
                found.setdefault(kind, []).extend(items)
    return found


def _description(job: dict[str, Any]) -> str | None:
    sections = mapping(mapping(job.get("jobAd")).get("sections"))
    ordered = [key for key in _SECTION_ORDER if key in sections] + [key for key in sections if key not in _SECTION_ORDER]
    return sections_html((heading_text(mapping(sections[key]).get("title")), text_value(mapping(sections[key]).get("text")))
                         for key in ordered)


_MIN_BENEFIT_ITEMS = 2


def _offered_benefits(title: str | None, items: list[str]) -> bool:
    """Whether a list of the "Additional Information" part reads as benefits.

    The posting form has four fixed parts; the last is a catch-all that employers fill with what
    they offer, an equal-opportunity statement or notes on applying, under the form's own title,
    which says nothing about which. Tasks and profile have parts of their own, so here the list is
    benefits when benefit cues (the parser's content cues) are the most frequent kind among its
    items and at least two items carry them. A part the employer retitled to a heading that
    already says what it holds ("What we offer", "Your profile") holds that.
    """
    title_kind = heading_kind(title) if title else None
    if title_kind not in (None, "other"):
        return title_kind == "benefits"
    scores = cue_scores(items)
    others = max(score for kind, score in scores.items() if kind != "benefits")
    return scores["benefits"] >= _MIN_BENEFIT_ITEMS and scores["benefits"] > others


def posting_fields_from_smartrecruiters(job: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Posting fields (with ``url``) of one SmartRecruiters posting (list item merged with its detail)."""
    location = mapping(job.get("location"))
    company = mapping(job.get("company"))
    employment = mapping(job.get("typeOfEmployment"))
    level = text_value(mapping(job.get("experienceLevel")).get("id"))
    posting_id = text_value(job.get("id"))
    url = text_value(job.get("postingUrl"))
    if not url and posting_id and text_value(company.get("identifier")):
        url = f"https://jobs.smartrecruiters.com/{company['identifier'].strip()}/{posting_id}"
    fields = {
        "url": url,
        "apply_url": text_value(job.get("applyUrl")),
        "source_id": posting_id,
        "requisition_id": text_value(job.get("refNumber")),
        "title_raw": text_value(job.get("name")),
        "description": _description(job),
        "company": text_value(company.get("name")),
        **place_fields(_place_part(location.get("city")), _place_part(location.get("region")),
                       location.get("postalCode"), location.get("country"), raw=location.get("fullLocation")),
        "workplace_type": _workplace(location),
        **terms_fields(employment.get("label"), employment.get("id")),
        "seniority": _SENIORITY.get(level or ""),
        **date_fields(job.get("releasedDate"), now),
    }
    if level == "internship" and not fields["contract_type"]:
        fields["contract_type"] = "internship"
    fields.update(_section_lists(job))
    return fields


class SmartrecruitersPostingsSpider(JsonApiSpider):
    """Base of the SmartRecruiters spider: a company's postings, each with its detail."""

    page_size = SMARTRECRUITERS_PAGE_SIZE

    def listing_url(self, page: int) -> str:
        return (f"{self.base_url}/v1/companies/{self.quoted_source_name()}/postings"
                f"?limit={self.page_size}&offset={page * self.page_size}")

    def detail_url(self, posting_id: str) -> str:
        return f"{self.base_url}/v1/companies/{self.quoted_source_name()}/postings/{quote(posting_id, safe='')}"

    def jobs_from_payload(self, payload: Any) -> list[Any]:
        if (not isinstance(payload, dict) or not isinstance(payload.get("content"), list)
                or not isinstance(payload.get("totalFound"), int)):
            raise SourceFormatError('expected an object with "totalFound" and a "content" list')
        if payload["totalFound"] == 0:
            self.logger.warning("%s: no postings; SmartRecruiters gives the same answer for an unknown "
                                "(or wrongly capitalised) company identifier", self.source_label)
        return payload["content"]

    def next_page_url(self, payload: Any, jobs: list[Any], page: int) -> str | None:
        offset = payload.get("offset") if isinstance(payload.get("offset"), int) else page * self.page_size
        if jobs and offset + len(jobs) < payload["totalFound"]:
            return self.listing_url(page + 1)
        return None

    def handle_job(self, job: Any, response):
        posting_id = text_value(job.get("id")) if isinstance(job, dict) else None
        if not posting_id:
            yield from super().handle_job(job, response)  # rejected there: not an object, or no id and URL
            return
        yield self.json_request(self.detail_url(posting_id), self.parse_detail,
                                cb_kwargs={"listed": job, "listing_url": response.url})

    def parse_detail(self, response, listed: dict[str, Any], listing_url: str):
        """Merge a posting's detail into its list entry and yield the posting."""
        if response.status in NOT_FOUND_STATUSES:
            self.crawler.stats.inc_value("jobcrawl/skipped/closed_before_detail")
            return
        detail = self.decode_detail(response)
        if detail is None:
            return
        job = {key: value for key, value in {**listed, **detail}.items() if key not in _PERSONAL_KEYS}
        if job.get("active") is False:
            self.crawler.stats.inc_value("jobcrawl/skipped/inactive")
            return
        yield self.item_from_job(job, listing_url)

    def decode_detail(self, response) -> dict[str, Any] | None:
        """A detail's JSON object; anything else makes the listing incomplete (not the run failed)."""
        try:
            detail = json.loads(response.body)
        except (ValueError, UnicodeDecodeError, RecursionError):
            detail = None
        if not isinstance(detail, dict):
            self.mark_incomplete(f"a posting detail is not a JSON object ({response.url})")
            return None
        return detail

    def posting_fields(self, job: dict[str, Any], now: datetime) -> dict[str, Any]:
        return posting_fields_from_smartrecruiters(job, now)
