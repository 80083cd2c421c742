"""The steps from a source's fields to a storable posting, shared by a crawl and ``jobcrawl reparse``.

A crawl runs them as pipelines, in the order data flows: :func:`repaired_fields` (encoding) →
exact dedupe → :func:`completed_fields` (parse) → :func:`validated_posting` (validate) → store.
``jobcrawl reparse`` runs the very same functions in the same order over an archived body
(:func:`posting_from_archive`), so re-parsing with the same parser version reproduces exactly
what the crawl stored: there is no second code path that could drift (a re-parse that skipped the
encoding repair once turned "für" into "fÃ¼r").
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import ftfy

from crawler.bases.job_spider import known_fields
from crawler.dedupe.features import MatchFeatures, features_of
from crawler.items import JobPosting
from crawler.parsing.posting import complete_posting
from crawler.parsing.text import looks_like_html, repair_text
from pipelines.validate import bounded_fields, rejection_reason


def repair_field(value: str) -> str:
    """A text field repaired; HTML keeps its markup (entities there belong to the markup)."""
    if "<" in value and looks_like_html(value):
        return ftfy.fix_text(value, unescape_html=False)
    return repair_text(value)


def repaired_fields(fields: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """``fields`` with mojibake, HTML entities and whitespace repaired in every text (and list of
    text) value; also the names of the fields that changed."""
    repaired = dict(fields)
    changed = []
    for name, value in fields.items():
        if isinstance(value, str) and value:
            new_value: Any = repair_field(value)
        elif isinstance(value, list) and value and all(isinstance(entry, str) for entry in value):
            new_value = [repair_field(entry) for entry in value]
        else:
            continue
        if new_value != value:
            repaired[name] = new_value
            changed.append(name)
    return repaired, changed


def completed_fields(known: dict[str, Any], crawled_at: datetime) -> tuple[dict[str, Any], MatchFeatures]:
    """Every schema field of the posting (the parser fills the gaps) and its matching features.

    This is the function the parse pool's workers run; it must stay importable and picklable.
    """
    posting = complete_posting(known, crawled_at=crawled_at)
    return posting, features_of(posting)


@dataclass
class Validated:
    """The validate step's answer: the posting, or why it cannot be stored; fields it cleared."""

    posting: JobPosting
    rejection: str | None = None
    cleared: list[str] = field(default_factory=list)


def validated_posting(parsed: dict[str, Any]) -> Validated:
    """The completed fields as a posting, checked: rejected, or with absurd values cleared."""
    posting = JobPosting(**parsed)
    reason = rejection_reason(posting)
    if reason:
        return Validated(posting, rejection=reason)
    return Validated(posting, cleared=bounded_fields(posting))


@dataclass
class ArchivedPosting:
    """What re-reading one archived body gave: a posting, a rejection reason, or nothing
    (``posting`` and ``rejection`` both ``None``: the source cannot be re-read offline)."""

    posting: JobPosting | None = None
    rejection: str | None = None


def posting_from_archive(spider_class, body: bytes, url: str, content_type: str | None, crawled_at: datetime,
                         source: str, source_id: str | None = None) -> ArchivedPosting:
    """The posting a crawl would have stored from ``body``: the spider's own reading of it, then
    the crawl's steps (bounds, encoding repair, parse, validate) in the crawl's order.

    ``url`` and ``source_id`` are the stored copy's: they identify the copy being re-read.
    """
    fields = spider_class.fields_from_archive(body, url, content_type, crawled_at) if body else None
    if fields is None:
        return ArchivedPosting()
    known, too_large, _dropped = known_fields(fields)
    if too_large:
        return ArchivedPosting(rejection=too_large)
    item_fields = {**known, "source": source, "url": url, "crawled_at": crawled_at}
    if source_id:
        item_fields["source_id"] = source_id
    repaired, _changed = repaired_fields(dataclasses.asdict(JobPosting(**item_fields)))
    parsed, _features = completed_fields(repaired, crawled_at)
    result = validated_posting(parsed)
    if result.rejection:
        return ArchivedPosting(rejection=result.rejection)
    return ArchivedPosting(posting=result.posting)
