"""The posting item: the shared posting schema (``SCHEMA.md``), field for field.

Every spider yields :class:`JobPosting` items (or :class:`RejectedPage` when a page cannot give
one); every pipeline passes them on. Unknown values are ``None`` (or ``[]`` for lists).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar


@dataclass
class JobPosting:
    """One copy of a job ad as fetched from one source."""

    # Identity and provenance
    source: str | None = None
    """The spider that produced the copy (``jsonld``, ``greenhouse``, …)."""
    source_id: str | None = None
    """The posting's id at the source."""
    url: str | None = None
    """Canonical URL of the ad (absolute, no fragment, no tracking parameters)."""
    apply_url: str | None = None
    """Where to apply, when different from ``url``."""
    requisition_id: str | None = None
    """The employer's own requisition number."""
    crawled_at: datetime | None = None
    """When this copy was fetched (UTC)."""

    # The role
    title: str | None = None
    """Clean title: gender markers and chrome removed."""
    title_raw: str | None = None
    """The title as found."""
    seniority: str | None = None
    """intern, junior, mid, senior, lead or executive."""
    description: str | None = None
    """The ad's full text, clean; spiders may put the ad's HTML here for the parse pipeline."""
    responsibilities: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    benefits: list[str] = field(default_factory=list)
    company_description: str | None = None
    skills: list[str] = field(default_factory=list)
    """Canonical skill names, sorted, no duplicates."""
    experience_years_min: int | None = None
    education_level: str | None = None
    """vocational, degree, bachelor, master or phd."""
    languages: list[dict[str, Any]] = field(default_factory=list)
    """Required human languages: ``{"language": "de", "level": "very_good"}``."""
    ad_language: str | None = None

    # The employer
    company: str | None = None
    """The hiring employer; None when the ad hides it (never the agency)."""
    via_agency: bool = False
    agency: str | None = None
    """The recruitment agency's or staffing firm's name when ``via_agency`` is true."""

    # The place
    location_raw: str | None = None
    city: str | None = None
    postal_code: str | None = None
    region: str | None = None
    country: str | None = None
    workplace_type: str | None = None
    """onsite, hybrid or remote."""

    # The terms
    employment_type: str | None = None
    contract_type: str | None = None
    salary_min: float | None = None
    salary_max: float | None = None
    salary_currency: str | None = None
    salary_period: str | None = None
    salary_raw: str | None = None

    # Dates
    date_posted: date | None = None
    date_posted_raw: str | None = None
    valid_through: date | None = None
    start_date: date | None = None

    # Occupation (ISCO-08 / ESCO)
    occupation_isco: str | None = None
    """ISCO-08 unit group, 4 digits; None rather than a guess."""
    occupation_esco_uri: str | None = None
    occupation_label: str | None = None
    """The ESCO occupation's preferred label, in the ad's language where ESCO has it."""
    occupation_confidence: float | None = None
    occupation_method: str | None = None
    """``source``, ``title`` or ``title+text``."""

    # Provenance
    field_sources: dict[str, str] = field(default_factory=dict)
    """Field name → ``structured_data``, ``source_api``, ``board_header`` or ``text``."""
    field_conflicts: dict[str, Any] = field(default_factory=dict)
    """Field name → the disagreeing values and where each came from."""

    # Not schema fields: the fetched body this copy was read from, for the raw archive. Spiders
    # set them on the instance; pipelines carry them along; the store archives the body.
    raw_page: ClassVar[bytes | None] = None
    raw_content_type: ClassVar[str | None] = None
    # Matching features (crawler.dedupe.features.MatchFeatures), computed by the parse workers.
    match_features: ClassVar[Any] = None


# A page's known fields may carry what the page around the ad says of its place
# (crawler.parsing.posting.page_facts) under this key: not a field, taken off before the item is built.
PAGE_FACTS_KEY = "page_facts"
SCHEMA_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(JobPosting))
LIST_FIELDS: frozenset[str] = frozenset(
    f.name for f in dataclasses.fields(JobPosting) if f.default_factory is list  # type: ignore[comparison-overlap]
)
MAPPING_FIELDS: frozenset[str] = frozenset(
    f.name for f in dataclasses.fields(JobPosting) if f.default_factory is dict  # type: ignore[comparison-overlap]
)


@dataclass
class RejectedPage:
    """A fetched page that could not give a posting; stored in ``rejected_items``."""

    source: str
    url: str
    reason: str
    payload: str | None = None


@dataclass
class SeenAgain:
    """A copy a source still lists, stored by an earlier crawl and unchanged since: the store moves
    its ``last_seen_at`` (and reopens its posting) without the page being fetched again.

    Incremental spiders yield one instead of fetching a page whose listing entry (update time,
    sitemap ``lastmod`` or listing fingerprint) says nothing changed.
    """

    source: str
    url: str
    """Canonical URL of the copy (the key when the source has no ids)."""
    source_id: str | None = None
    listing_fingerprint: str | None = None
    """A hash of the listing entry, recorded on the sighting when given."""
    seen_at: datetime | None = None
    """When the listing showed the copy (UTC)."""


@dataclass
class JobPage:
    """A fetched ad page handed over unread: the parse workers find its postings (structured data
    or the page itself), so the crawl process only downloads. Becomes :class:`JobPosting` items
    and :class:`RejectedPage` items before any pipeline sees it."""

    source: str
    url: str
    """The fetched URL (the page's own canonical link may replace it, see ``reader``)."""
    body: bytes
    content_type: str
    """The response's Content-Type header (names the charset when the server does)."""
    crawled_at: datetime
    reader: Any
    """The class whose ``read_page`` reads the page (module-level and free of Scrapy, so the parse
    workers import it without the crawler: e.g. :class:`crawler.sources.jsonld.PageReader`)."""
    listed_sites: frozenset = frozenset()
    """(host, port) of the sites the spider crawls: where a page's several ads may name their URLs."""


MAX_TITLE_RAW_CHARS = 2_000
"""A longer "title" is page text in the wrong slot; the title parsers' cost grows fast with length."""
MAX_DESCRIPTION_RAW_CHARS = 3_000_000
"""Raw description (HTML or text) beyond which an ad is rejected before the parser sees it."""
MAX_SHORT_FIELD_CHARS = 4_096
"""Short text fields longer than this are dropped (counted in ``jobcrawl/bounded/<field>``)."""
_SHORT_FIELDS = ("source_id", "apply_url", "requisition_id", "company", "location_raw", "salary_raw",
                 "date_posted_raw")


def known_fields(fields: dict[str, Any]) -> tuple[dict[str, Any], str | None, list[str]]:
    """A source's fields as the pipelines get them, the same for a crawl and ``jobcrawl reparse``:
    (fields without blanks or absurdly long short fields, why the ad is too large to parse at all
    or ``None``, the names of the short fields dropped)."""
    known = {key: value for key, value in fields.items() if value not in (None, "", [])}
    # Hostile or broken pages put megabytes where a line belongs; the parser must never see them.
    too_large = oversized_reason(known)
    dropped = [name for name in _SHORT_FIELDS
               if isinstance(known.get(name), str) and len(known[name]) > MAX_SHORT_FIELD_CHARS]
    for name in dropped:
        del known[name]
    return known, too_large, dropped


def oversized_reason(fields: dict[str, Any]) -> str | None:
    """Why an ad's title or description is too large to parse at all, or ``None``."""
    for name, limit in (("title_raw", MAX_TITLE_RAW_CHARS), ("description", MAX_DESCRIPTION_RAW_CHARS)):
        value = fields.get(name)
        if isinstance(value, str) and len(value) > limit:
            label = "title" if name == "title_raw" else name
            return f"{label} too long: {len(value)} characters, limit {limit}"
    return None
