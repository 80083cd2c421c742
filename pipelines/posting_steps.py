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
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from crawler.dedupe.features import MatchFeatures, features_of
from crawler.items import PAGE_FACTS_KEY, SCHEMA_FIELDS, JobPage, JobPosting, RejectedPage, known_fields
from crawler.parsing.posting import complete_posting
from crawler.parsing.text import looks_like_html, repair_text
from crawler.parsing.urls import canonical_url
from pipelines.ftfy_fast_path import ftfy_fixed
from pipelines.validate import bounded_fields, rejection_reason


_POSTING_FIELDS = tuple(posting_field.name for posting_field in dataclasses.fields(JobPosting))


class ParseTimeout(Exception):
    """One ad took longer than the parse budget."""

    def __init__(self, seconds: float):
        super().__init__(f"parse took longer than {seconds:g} s")
        self.seconds = seconds

    def __reduce__(self):  # raised in a worker, re-raised in the crawl: pickled with its argument
        return (ParseTimeout, (self.seconds,))


def repair_field(value: str) -> str:
    """A text field repaired; HTML keeps its markup (entities there belong to the markup)."""
    if "<" in value and looks_like_html(value):
        # ftfy.fix_text(value, unescape_html=False), skipped where its result is proven (most ads)
        return ftfy_fixed(value)
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


def completed_fields(known: dict[str, Any], crawled_at: datetime,
                     facts_of_page: dict[str, Any] | None = None) -> tuple[dict[str, Any], MatchFeatures]:
    """Every schema field of the posting (the parser fills the gaps, the page's facts last) and
    its matching features.

    This is the function the parse pool's workers run; it must stay importable and picklable.
    """
    posting = complete_posting(known, crawled_at=crawled_at, facts_of_page=facts_of_page)
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


def rejection_stat(reason: str) -> str:
    """The stat a rejection is counted in: ``jobcrawl/rejected/<first words of the reason>``."""
    return f"jobcrawl/rejected/{reason.split(' (')[0].split(':')[0].strip().replace(' ', '_')}"


@dataclass
class Finished:
    """One ad after every step: the posting to store (with its matching features) or the
    rejection to record, and the names of the stats to count for it."""

    item: JobPosting | RejectedPage
    stats: list[str] = field(default_factory=list)


def _rejected(source: str, url: str, reason: str, payload: str | None, stats: list[str]) -> Finished:
    return Finished(RejectedPage(source=source or "unknown", url=url or "", reason=reason[:500],
                                 payload=payload[:100_000] if payload else None), [*stats, rejection_stat(reason)])


def finished_posting(item_fields: dict[str, Any], crawled_at: datetime, stats: list[str] | None = None) -> Finished:
    """A source's fields (``source``, ``url``, ``crawled_at`` and what it gave) through the
    crawl's steps in order: encoding repair, parse, validate. A parser error is a rejection."""
    stats = list(stats or [])
    facts_of_page = item_fields.pop(PAGE_FACTS_KEY, None)
    # Every field, defaults filled. Not dataclasses.asdict: its deep copy of each value cost 2 % of
    # a worker's time, and the fields handed in are the caller's to give away.
    posting = JobPosting(**item_fields)
    repaired, changed = repaired_fields({name: getattr(posting, name) for name in _POSTING_FIELDS})
    stats += [f"jobcrawl/encoding/repaired/{name}" for name in changed]
    try:
        parsed, features = completed_fields(repaired, crawled_at, facts_of_page)
    except ParseTimeout:
        raise  # the parse pool's budget, answered for the whole item
    except Exception as error:  # one bad ad must not stop the crawl
        return _rejected(repaired.get("source"), repaired.get("url"), f"parse error: {type(error).__name__}: {error}",
                         repaired.get("description"), stats)
    result = validated_posting(parsed)
    if result.rejection:
        payload = json.dumps(dataclasses.asdict(result.posting), default=str, ensure_ascii=False)
        return _rejected(result.posting.source, result.posting.url, result.rejection, payload, stats)
    posting = result.posting
    posting.match_features = features
    stats += [f"jobcrawl/bounded/{name}" for name in result.cleared]
    stats.append("jobcrawl/valid_items")
    stats += [f"jobcrawl/field/{name}/missing" for name in SCHEMA_FIELDS if getattr(posting, name) in (None, "", [])]
    return Finished(posting, stats)


def postings_of_page(page: JobPage) -> list[Finished]:
    """Every posting and rejection one fetched page gives: the page read by its spider class
    (``read_page``), then each ad through :func:`finished_posting`."""
    reading = page.reader.read_page(page.body, page.url, page.content_type, page.crawled_at, page.listed_sites)
    results = [_rejected(page.source, url, reason, payload, []) for url, reason, payload in reading.rejections]
    for url, fields in reading.postings:
        known, too_large, dropped = known_fields(fields)
        stats = [f"jobcrawl/bounded/{name}" for name in dropped]
        if too_large:
            results.append(_rejected(page.source, canonical_url(url), too_large, str(known.get("title_raw", ""))[:1_000],
                                     stats))
            continue
        item_fields = {**known, "source": page.source, "url": canonical_url(url), "crawled_at": page.crawled_at}
        results.append(finished_posting(item_fields, page.crawled_at, stats))
    if results:
        results[0].stats += reading.stats
    return results


def finished_items(item: JobPage | JobPosting) -> list[Finished]:
    """What the parse workers run for each item a spider yields: a page is read and each of its
    ads finished, a posting a spider already read (API sources) is finished."""
    if isinstance(item, JobPage):
        return postings_of_page(item)
    fields = {name: value for name, value in dataclasses.asdict(item).items()}
    return [finished_posting(fields, item.crawled_at or datetime.now(timezone.utc))]


@dataclass
class ArchivedPosting:
    """What re-reading one archived body gave: a posting, a rejection reason, or nothing
    (``posting`` and ``rejection`` both ``None``: the source cannot be re-read offline)."""

    posting: JobPosting | None = None
    rejection: str | None = None


def posting_from_archive(spider_class, body: bytes, url: str, content_type: str | None, crawled_at: datetime,
                         source: str, source_id: str | None = None) -> ArchivedPosting:
    """The posting a crawl would have stored from ``body``: the spider's own reading of it, then
    the crawl's steps (bounds, encoding repair, parse, validate) in the crawl's order
    (:func:`finished_posting`, the function the parse workers run).

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
    result = finished_posting(item_fields, crawled_at)
    if isinstance(result.item, RejectedPage):
        return ArchivedPosting(rejection=result.item.reason)
    return ArchivedPosting(posting=result.item)
