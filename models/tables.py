"""SQLAlchemy 2 models: the database side of the posting schema.

``postings`` holds one row per distinct job with every schema field; ``sightings`` holds each copy
of a job at a source. Migrations in ``alembic/`` create these tables; the models are the reference
that ``alembic check`` compares against.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    LargeBinary,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

UtcDateTime = DateTime(timezone=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Posting(Base):
    """One distinct job, whatever the number of sources it was seen at."""

    __tablename__ = "postings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(64))
    source_id: Mapped[str | None] = mapped_column(String(255))
    url: Mapped[str] = mapped_column(Text)
    apply_url: Mapped[str | None] = mapped_column(Text)
    requisition_id: Mapped[str | None] = mapped_column(String(255))
    crawled_at: Mapped[datetime] = mapped_column(UtcDateTime)
    title: Mapped[str] = mapped_column(Text)
    title_raw: Mapped[str | None] = mapped_column(Text)
    seniority: Mapped[str | None] = mapped_column(String(16))
    description: Mapped[str | None] = mapped_column(Text)
    responsibilities: Mapped[list[str]] = mapped_column(JSON, default=list)
    requirements: Mapped[list[str]] = mapped_column(JSON, default=list)
    benefits: Mapped[list[str]] = mapped_column(JSON, default=list)
    company_description: Mapped[str | None] = mapped_column(Text)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    experience_years_min: Mapped[int | None] = mapped_column(Integer)
    education_level: Mapped[str | None] = mapped_column(String(16))
    languages: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    ad_language: Mapped[str | None] = mapped_column(String(8))
    company: Mapped[str | None] = mapped_column(Text)
    via_agency: Mapped[bool] = mapped_column(Boolean, default=False)
    agency: Mapped[str | None] = mapped_column(Text)
    location_raw: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(String(255))
    postal_code: Mapped[str | None] = mapped_column(String(16))
    region: Mapped[str | None] = mapped_column(String(255))
    country: Mapped[str | None] = mapped_column(String(2))
    workplace_type: Mapped[str | None] = mapped_column(String(16))
    employment_type: Mapped[str | None] = mapped_column(String(16))
    contract_type: Mapped[str | None] = mapped_column(String(32))
    salary_min: Mapped[float | None] = mapped_column(Float)
    salary_max: Mapped[float | None] = mapped_column(Float)
    salary_currency: Mapped[str | None] = mapped_column(String(3))
    salary_period: Mapped[str | None] = mapped_column(String(8))
    salary_raw: Mapped[str | None] = mapped_column(Text)
    date_posted: Mapped[date | None] = mapped_column(Date)
    date_posted_raw: Mapped[str | None] = mapped_column(Text)
    valid_through: Mapped[date | None] = mapped_column(Date)
    start_date: Mapped[date | None] = mapped_column(Date)
    occupation_isco: Mapped[str | None] = mapped_column(String(4), index=True)
    occupation_esco_uri: Mapped[str | None] = mapped_column(Text)
    occupation_label: Mapped[str | None] = mapped_column(Text)
    occupation_confidence: Mapped[float | None] = mapped_column(Float)
    occupation_method: Mapped[str | None] = mapped_column(String(16))
    field_sources: Mapped[dict[str, str]] = mapped_column(JSON, default=dict, server_default=text("'{}'"))
    field_conflicts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default=text("'{}'"))
    first_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    repost_of: Mapped[int | None] = mapped_column(ForeignKey("postings.id", ondelete="SET NULL"))


class Sighting(Base):
    """One copy of a job at one source; many sightings may share a posting."""

    __tablename__ = "sightings"
    __table_args__ = (
        UniqueConstraint("source", "source_id"),
        UniqueConstraint("source", "url"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(64))
    source_id: Mapped[str | None] = mapped_column(String(255))
    url: Mapped[str] = mapped_column(Text)
    posting_id: Mapped[int] = mapped_column(
        ForeignKey("postings.id", ondelete="CASCADE"), index=True
    )
    content_hash: Mapped[str] = mapped_column(String(64))
    first_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)
    match_method: Mapped[str] = mapped_column(String(32), default="new")
    match_score: Mapped[float | None] = mapped_column(Float)
    crawl_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("crawl_runs.id", ondelete="SET NULL")
    )
    # The listing this copy was found in (spider + arguments): a complete walk of that listing
    # that no longer finds the copy marks it gone.
    scope: Mapped[str | None] = mapped_column(String(255), index=True)
    gone_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Matching features, so clusters can be rebuilt from sightings alone.
    employer_key: Mapped[str | None] = mapped_column(String(255))
    title_key: Mapped[str | None] = mapped_column(String(255))
    city_key: Mapped[str | None] = mapped_column(String(255))
    requisition_id: Mapped[str | None] = mapped_column(String(255))
    via_agency: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    # The raw archive: the fetched body this copy was read from, and the parser that read it.
    document_sha256: Mapped[str | None] = mapped_column(ForeignKey("documents.sha256", ondelete="SET NULL"))
    parser_version: Mapped[str | None] = mapped_column(String(16))
    # What the source's listing showed for this copy when its page was last fetched (a hash); an
    # incremental re-crawl fetches the page again only when the listing shows something else.
    listing_fingerprint: Mapped[str | None] = mapped_column(String(64))


Index("ix_sightings_requisition_id", Sighting.requisition_id)
Index("ix_sightings_url", Sighting.url)
# An employer's copies without a city, newest last: what the store reads for an incoming copy
# without a city (copies with one meet through employer bands), within its candidate window
# (crawler.store.candidates.CANDIDATE_WINDOW_DAYS). Partial (migration 0014): over every copy, the
# index took some 500 random page writes a batch of 200 at 300,000 stored, for a rare lookup.
Index("ix_sightings_employer_seen_without_city", Sighting.employer_key, Sighting.last_seen_at,
      sqlite_where=Sighting.city_key.is_(None), postgresql_where=Sighting.city_key.is_(None))


class SightingTitleVariant(Base):
    """A sighting's title as content words, and the shorter titles it contains with a
    specialisation of one or two words dropped ("backend engineer" for "backend engineer
    payments"), in the sighting's city: how a copy that an agency retitled finds the other copies
    of the job by index (:func:`crawler.dedupe.features.title_variant_keys`)."""

    __tablename__ = "sighting_title_variants"

    sighting_id: Mapped[int] = mapped_column(ForeignKey("sightings.id", ondelete="CASCADE"), primary_key=True)
    title_key: Mapped[str] = mapped_column(String(255), primary_key=True)
    city_key: Mapped[str] = mapped_column(String(255))
    words_dropped: Mapped[int] = mapped_column(Integer)
    """0 for the title's own content words."""


# words_dropped in the index: the store asks only for longer titles (words_dropped > 0), which
# a search of the index answers without reading the rows of every copy under the same title.
Index("ix_sighting_title_variants_title_city", SightingTitleVariant.title_key, SightingTitleVariant.city_key,
      SightingTitleVariant.words_dropped)


class SightingTextBand(Base):
    """One band of a sighting (:mod:`crawler.dedupe.bands`): a key made of its title, city, side
    (hides the employer or not) and MinHash values of its job-specific words (text band), or of
    its employer, city and 3-shingles (employer band), under which another copy of the same job
    finds it by index without reading the whole block.

    The last and largest of the band levels (:data:`SIGHTING_TEXT_BAND_LEVELS`): the store files
    a new copy's bands in the smallest level and merges the levels into this one in sorted bulk
    (:mod:`crawler.store.band_levels`, migration 0014).

    Only the primary key, the index the store searches: the keys are random, so each further
    structure a row enters costs a page write per row in a large table (migration 0013). No
    foreign key either: the store files bands only for sightings it has just inserted, and a band
    whose sighting was deleted (a deleted posting's cascade) is read like any other collision."""

    __tablename__ = "sighting_text_bands"
    __table_args__ = {"sqlite_with_rowid": False}

    band_key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    sighting_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


SIGHTING_TEXT_BAND_LEVELS = tuple(
    Table(f"sighting_text_bands_level{number}", Base.metadata,
          Column("band_key", BigInteger, primary_key=True, autoincrement=False),
          Column("sighting_id", Integer, primary_key=True, autoincrement=False),
          sqlite_with_rowid=False)
    for number in range(3))
"""The bands of the latest sightings, in levels of growing size that are merged into the next
in sorted bulk (:mod:`crawler.store.band_levels`, migration 0014); ``sighting_text_bands`` is the
last level. Same columns and key as ``sighting_text_bands``."""


class Document(Base):
    """A fetched ad body, compressed, stored once per content (content-addressed)."""

    __tablename__ = "documents"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    compression: Mapped[str] = mapped_column(String(8), default="zlib")
    size: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(128))
    first_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PostingVersion(Base):
    """One change of a posting's content at a source: which fields, old and new values."""

    __tablename__ = "posting_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    posting_id: Mapped[int] = mapped_column(ForeignKey("postings.id", ondelete="CASCADE"), index=True)
    sighting_id: Mapped[int | None] = mapped_column(ForeignKey("sightings.id", ondelete="SET NULL"))
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    changed_fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    old_values: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    new_values: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class PostingSkill(Base):
    """One row per posting and skill, so skills can be grouped and joined in SQL."""

    __tablename__ = "posting_skills"

    posting_id: Mapped[int] = mapped_column(
        ForeignKey("postings.id", ondelete="CASCADE"), primary_key=True
    )
    skill: Mapped[str] = mapped_column(String(128), primary_key=True)


Index("ix_posting_skills_skill", PostingSkill.skill)


class CrawlRun(Base):
    """One run of one spider: its arguments, outcome, counts and Scrapy stats."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    spider: Mapped[str] = mapped_column(String(64), index=True)
    target: Mapped[str | None] = mapped_column(String(128), index=True)
    scope: Mapped[str | None] = mapped_column(String(255))
    arguments: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(16), default="running")
    reason: Mapped[str | None] = mapped_column(Text)
    host: Mapped[str | None] = mapped_column(String(255))
    """Host name of the machine whose process runs the crawl."""
    pid: Mapped[int | None] = mapped_column(Integer)
    """Process id of the crawl on ``host``: a ``running`` run whose process is gone was killed."""
    pages: Mapped[int] = mapped_column(Integer, default=0)
    items: Mapped[int] = mapped_column(Integer, default=0)
    new_postings: Mapped[int] = mapped_column(Integer, default=0)
    updated_postings: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    listing_complete: Mapped[bool] = mapped_column(Boolean, default=False)
    stats: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class RejectedItem(Base):
    """An item or page that could not be stored, with the reason and what was received."""

    __tablename__ = "rejected_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    crawl_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("crawl_runs.id", ondelete="SET NULL"), index=True
    )
    source: Mapped[str] = mapped_column(String(64))
    url: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    payload: Mapped[str | None] = mapped_column(Text)
    rejected_at: Mapped[datetime] = mapped_column(UtcDateTime)


class FxRate(Base):
    """EUR rate of one currency from a date on: the ECB's published daily reference rates and the
    rows of crawler/analytics/data/fx_rates.csv (crawler/analytics/fx_rates.py)."""

    __tablename__ = "fx_rates"

    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    valid_from: Mapped[date] = mapped_column(Date, primary_key=True)
    eur_per_unit: Mapped[float] = mapped_column(Float)
    valid_through: Mapped[date | None] = mapped_column(Date)
    """The last day the rate applies; null: until the currency's next row, or for good."""
    basis: Mapped[str | None] = mapped_column(String(24))
    """ecb_reference (published that day), fixed (euro conversion rate) or definition (EUR)."""
