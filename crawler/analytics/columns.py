"""Every column an analyst can export or query: its type and its meaning.

One catalogue serves the exports (Arrow types, the data dictionary written beside each export)
and the documentation of the views (:func:`views_markdown`). The posting columns follow the
shared posting schema; the view columns follow the SQL in :mod:`crawler.analytics.views`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer

from crawler.analytics.views import BOARD_SOURCES, EMPLOYER_SOURCES, PERIODS_PER_YEAR
from crawler.items import LIST_FIELDS, MAPPING_FIELDS, SCHEMA_FIELDS
from models.tables import Posting, Sighting

LANGUAGE_TYPE = pa.list_(pa.struct([("language", pa.string()), ("level", pa.string())]))
ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us", tz="UTC"),
    "list<string>": pa.list_(pa.string()),
    "list<language>": LANGUAGE_TYPE,
    # A JSON object (field_sources, field_conflicts), exported as its JSON text.
    "json": pa.string(),
}
JSON_KINDS = frozenset({"list<string>", "list<language>"})


@dataclass(frozen=True)
class ColumnSpec:
    """One column: name, kind (a key of :data:`ARROW_TYPES`) and what it means."""

    name: str
    kind: str
    meaning: str

    @property
    def arrow_type(self) -> pa.DataType:
        """The column's type in Parquet and Arrow."""
        return ARROW_TYPES[self.kind]


@dataclass(frozen=True)
class ViewSpec:
    """A view: what one row is, its columns, and the columns the export filters use."""

    name: str
    row: str
    columns: tuple[ColumnSpec, ...]
    period: tuple[str, str]
    """(start, end) columns ``--since``/``--until`` compare with: rows that overlap the period."""
    partition_date: str
    """The date column that names the partition folders of ``--partition`` (with ``source``)."""

    def column(self, name: str) -> ColumnSpec | None:
        """The column called ``name``, or None."""
        return next((column for column in self.columns if column.name == name), None)


POSTING_MEANINGS = {
    "id": "the posting's id in this database (posting_id in the views)",
    "source": "the spider that first found the job (jsonld, greenhouse, arbeitsagentur, ...)",
    "source_id": "the posting's id at that source",
    "url": "canonical URL of the ad at that source (no fragment, no tracking parameters)",
    "apply_url": "where to apply, when different from url",
    "requisition_id": "the employer's own requisition number, when the ad states one",
    "crawled_at": "when the stored content was fetched (UTC)",
    "title": "clean title: gender markers and board chrome removed",
    "title_raw": "the title as found",
    "seniority": "intern, junior, mid, senior, lead or executive",
    "description": "the ad's full text, clean; one bullet per line",
    "responsibilities": "bullet items of the tasks section, in order",
    "requirements": "bullet items of the profile / requirements section, in order",
    "benefits": "bullet items of the benefits section, in order",
    "company_description": "the about-us paragraph",
    "skills": "canonical skill names from the skill taxonomy, sorted",
    "experience_years_min": "least years of experience asked for",
    "education_level": "vocational, degree, bachelor, master or phd: the lowest level that qualifies",
    "languages": "required human languages: ISO 639-1 code and level (basic, good, very_good, fluent, native)",
    "ad_language": "ISO 639-1 language the ad is written in",
    "company": "the hiring employer's name; null when the ad hides it",
    "via_agency": "true when a recruitment agency posts for a client",
    "agency": "the recruitment agency's name when via_agency is true (company is then the client, or null)",
    "location_raw": "the location text as found",
    "city": "the city's local name (Köln, München)",
    "postal_code": "postal code as written",
    "region": "state / Bundesland",
    "country": "ISO 3166-1 alpha-2 country code",
    "workplace_type": "onsite, hybrid or remote",
    "employment_type": "full_time or part_time",
    "contract_type": "permanent, fixed_term, freelance, internship, apprenticeship or working_student",
    "salary_min": "lowest advertised pay, in salary_currency per salary_period",
    "salary_max": "highest advertised pay, in salary_currency per salary_period",
    "salary_currency": "ISO 4217 currency of the advertised pay",
    "salary_period": "hour, day, week, month or year",
    "salary_raw": "the salary text as found",
    "date_posted": "the date the ad was published",
    "date_posted_raw": "the date text as found",
    "valid_through": "application deadline / expiry date",
    "start_date": "earliest start date",
    "occupation_isco": "ISCO-08 unit group (4 digits); null rather than a guess",
    "occupation_esco_uri": "the ESCO occupation's URI",
    "occupation_label": "the ESCO occupation's preferred label",
    "occupation_confidence": "0-1: how sure the occupation coding is",
    "occupation_method": "how the occupation was found: source (stated by the source), title, or title+text; "
                         "a title that settles only the ISCO group gets the group's catch-all unit group, "
                         "method title, no ESCO URI, confidence 0.5",
    "field_sources": "JSON object: field name -> where its value came from (structured_data, source_api, board_header, text)",
    "field_conflicts": "JSON object: field name -> the disagreeing values and where each came from; {} when none",
    "first_seen_at": "when jobcrawl first saw the job (UTC)",
    "last_seen_at": "when jobcrawl last saw the job at any source (UTC)",
    "status": "active, or closed once every copy is gone or the deadline passed",
    "closed_at": "when the job was closed (UTC); null while active",
    "repost_of": "id of the closed posting this one re-publishes, if any",
}


def _posting_kind(name: str) -> str:
    column_type = Posting.__table__.columns[name].type
    if name == "languages":
        return "list<language>"
    if name in MAPPING_FIELDS:
        return "json"
    if name in LIST_FIELDS or isinstance(column_type, JSON):
        return "list<string>"
    for sql_type, kind in ((Boolean, "boolean"), (Integer, "integer"), (Float, "number"),
                           (DateTime, "timestamp"), (Date, "date")):
        if isinstance(column_type, sql_type):
            return kind
    return "string"


POSTING_COLUMN_NAMES = ("id", *SCHEMA_FIELDS, "first_seen_at", "last_seen_at", "status", "closed_at", "repost_of")
POSTING_COLUMNS = tuple(ColumnSpec(name, _posting_kind(name), POSTING_MEANINGS[name]) for name in POSTING_COLUMN_NAMES)

SIGHTING_MEANINGS = {
    "id": "the sighting's id in this database",
    "posting_id": "the posting this copy belongs to (postings.id)",
    "source": "the spider that saw this copy",
    "source_id": "the copy's id at that source",
    "url": "canonical URL of the copy at that source",
    "first_seen_at": "when jobcrawl first saw this copy (UTC)",
    "last_seen_at": "when jobcrawl last saw this copy (UTC)",
    "gone_at": "when this copy was found gone (removed from its listing, or 404/410); null while live",
    "via_agency": "true when this copy was posted by a recruitment agency",
    "requisition_id": "the employer's requisition number as this copy states it",
    "match_method": "how the copy was joined to its posting: new, repost, url, requisition_id, near_duplicate, "
                    "or another deduplication rule",
    "match_score": "0-1 similarity of the match; null for new postings",
    "crawl_run_id": "the crawl run that stored this copy last (crawl_runs.id)",
}
"""Sighting columns an analyst needs for cross-posting questions (matching internals are left out)."""


def _sighting_kind(name: str) -> str:
    column_type = Sighting.__table__.columns[name].type
    for sql_type, kind in ((Boolean, "boolean"), (Integer, "integer"), (Float, "number"), (DateTime, "timestamp")):
        if isinstance(column_type, sql_type):
            return kind
    return "string"


SIGHTING_COLUMNS = tuple(ColumnSpec(name, _sighting_kind(name), meaning) for name, meaning in SIGHTING_MEANINGS.items())


def _posting(name: str, meaning: str | None = None) -> ColumnSpec:
    """A view column copied from ``postings``."""
    if name == "posting_id":
        return ColumnSpec(name, "integer", meaning or "the posting's id (postings.id)")
    return ColumnSpec(name, _posting_kind(name), meaning or POSTING_MEANINGS[name])


_FIRST_SEEN_DATE = ColumnSpec("first_seen_date", "date", "UTC day of first_seen_at, for grouping by day")
_PLACE_AND_TERMS = tuple(_posting(name) for name in (
    "city", "region", "country", "workplace_type", "employment_type", "contract_type"))
_SALARY = tuple(_posting(name) for name in ("salary_min", "salary_max", "salary_currency", "salary_period"))

VIEWS: dict[str, ViewSpec] = {spec.name: spec for spec in (
    ViewSpec(
        "current_postings",
        "one row per active posting (status = 'active'), with its best URL and how many sources list it",
        (_posting("posting_id"), _posting("title"), _posting("company"), _posting("via_agency"),
         _posting("seniority"), *_PLACE_AND_TERMS, *_SALARY,
         _posting("date_posted"), _posting("valid_through"), _posting("first_seen_at"), _posting("last_seen_at"),
         _FIRST_SEEN_DATE, _posting("source"), _posting("url", "the ad's URL at the source that first found it"),
         _posting("apply_url"),
         ColumnSpec("best_url", "string", "URL of the best copy: live first, then the employer's own site or "
                    "applicant-tracking system, then unknown sources, then job boards; employer before agency; "
                    "most recently seen"),
         ColumnSpec("best_source", "string", "the source of best_url"),
         ColumnSpec("best_source_kind", "string", "employer (own site or applicant-tracking system), "
                    "board (job board or exchange) or other (unknown kind, e.g. jsonld)"),
         ColumnSpec("source_count", "integer", "number of distinct sources with a copy (sighting) of the job"),
         ColumnSpec("sighting_count", "integer", "number of copies (sightings), live or gone, at all sources")),
        period=("first_seen_at", "last_seen_at"), partition_date="first_seen_date"),
    ViewSpec(
        "posting_skills_v",
        "one row per posting and skill (every posting, active or closed), with the posting columns "
        "used for grouping",
        (_posting("posting_id"), ColumnSpec("skill", "string", "canonical skill name from the skill taxonomy "
                                                      "(crawler/parsing/data/skills.json)"),
         ColumnSpec("esco_skill_uri", "string", "the skill's ESCO skill concept URI, to join ESCO's "
                    "occupation-skill relations; null where ESCO has no concept for it (most tools)"),
         _posting("title"), _posting("company"), _posting("seniority"), *_PLACE_AND_TERMS,
         _posting("source"), _posting("status"), _posting("date_posted"), _posting("first_seen_at"),
         _FIRST_SEEN_DATE, _posting("last_seen_at")),
        period=("first_seen_at", "last_seen_at"), partition_date="first_seen_date"),
    ViewSpec(
        "daily_postings",
        "one row per day and source, from the source's first day to the last day anything was seen "
        "or closed; postings are counted under the source that first found them",
        (ColumnSpec("day", "date", "the UTC day"),
         ColumnSpec("source", "string", "the spider that first found the postings counted"),
         ColumnSpec("new_postings", "integer", "postings first seen that day"),
         ColumnSpec("closed_postings", "integer", "postings closed that day (a posting that reopened "
                    "has no closed_at and is not counted)"),
         ColumnSpec("active_postings", "integer", "postings open at the end of the day: new_postings summed "
                    "up to the day minus closed_postings summed up to the day")),
        period=("day", "day"), partition_date="day"),
    ViewSpec(
        "salaries_yearly",
        "one row per posting that states a salary figure: the pay as advertised (also in EUR), its pay "
        "category, and a full-time-equivalent yearly figure in EUR only for employees working full time",
        (_posting("posting_id"), _posting("title"), _posting("company"), _posting("seniority"),
         *_PLACE_AND_TERMS, _posting("source"), _posting("status"), _posting("date_posted"),
         _posting("first_seen_at"), _FIRST_SEEN_DATE, _posting("last_seen_at"), *_SALARY,
         ColumnSpec("salary_min_eur", "number", "salary_min in EUR, per salary_period as advertised (an hourly "
                    "wage stays hourly); null when no rate applies"),
         ColumnSpec("salary_max_eur", "number", "salary_max in EUR, per salary_period as advertised; null when no "
                    "rate applies"),
         ColumnSpec("pay_category", "string", "whose pay it is, from contract_type and employment_type: "
                    "employee_full_time (permanent or fixed_term, full_time), employee_part_time (permanent or "
                    "fixed_term, part_time), working_student, internship, apprenticeship, freelance, or "
                    "terms_unknown (contract or employment type not stated). Compare pay within one category"),
         ColumnSpec("periods_per_year", "integer", "salary periods in a year: " + ", ".join(
             f"{period} {count}" for period, count in PERIODS_PER_YEAR.items()) + " (40-hour week, 5-day week, "
             "52 weeks); null for an unknown period"),
         ColumnSpec("yearly_min", "number", "salary_min × periods_per_year, in salary_currency: the advertised rate "
                    "run for a full year, whatever the pay category (a working student's hourly wage × 2,080) — "
                    "for comparisons use fte_yearly_*"),
         ColumnSpec("yearly_max", "number", "salary_max × periods_per_year, in salary_currency (see yearly_min)"),
         ColumnSpec("rate_date", "date", "the date whose EUR rate applies: date_posted, else the day of "
                    "first_seen_at"),
         ColumnSpec("fx_valid_from", "date", "valid_from of the fx_rates row used: for ecb_reference the ECB "
                    "publication day (rate_date or up to 6 days before it: weekends, holidays); null when no row "
                    "applies (unknown currency, a date before 2020 or after the bundled ECB history ends) — "
                    "never a 1:1 guess"),
         ColumnSpec("fx_basis", "string", "how the rate is known: ecb_reference (the ECB's published euro "
                    "reference rate), fixed (an irrevocable euro conversion rate: BGN, HRK) or definition (EUR)"),
         ColumnSpec("eur_per_unit", "number", "EUR for one unit of salary_currency (1 for EUR)"),
         ColumnSpec("yearly_min_eur", "number", "yearly_min in EUR; null when the period or the rate is unknown"),
         ColumnSpec("yearly_max_eur", "number", "yearly_max in EUR; null when the period or the rate is unknown"),
         ColumnSpec("yearly_mid_eur", "number", "midpoint of the yearly range in EUR (the one figure when only "
                    "one is given); null when the period or the rate is unknown"),
         ColumnSpec("fte_yearly_min_eur", "number", "full-time-equivalent yearly salary in EUR (yearly_min_eur) "
                    "for pay_category employee_full_time only; null for every other category (working students, "
                    "interns, apprentices, freelancers, part-time and unstated terms are left out, not annualised)"),
         ColumnSpec("fte_yearly_max_eur", "number", "yearly_max_eur for employee_full_time only (see "
                    "fte_yearly_min_eur)"),
         ColumnSpec("fte_yearly_mid_eur", "number", "yearly_mid_eur for employee_full_time only: the figure to "
                    "compare salaries with")),
        period=("first_seen_at", "last_seen_at"), partition_date="first_seen_date"),
)}


def _markdown_cell(text: str) -> str:
    return text.replace("|", "\\|")


def views_markdown() -> str:
    """Markdown reference of every view, column by column (for the README)."""
    parts = [
        "Sources ranked as the employer's own site or applicant-tracking system: "
        + ", ".join(f"`{name}`" for name in EMPLOYER_SOURCES) + ". Ranked as job boards: "
        + ", ".join(f"`{name}`" for name in BOARD_SOURCES) + ". Every other source (`jsonld`, `rss`, ...) "
        "is of unknown kind and ranks between the two.",
    ]
    for spec in VIEWS.values():
        parts.append(f"### `{spec.name}`\n\n{spec.row[0].upper()}{spec.row[1:]}.\n\n| column | type | meaning |\n|---|---|---|")
        parts[-1] += "".join(f"\n| `{column.name}` | {column.kind} | {_markdown_cell(column.meaning)} |"
                             for column in spec.columns)
    return "\n\n".join(parts) + "\n"
