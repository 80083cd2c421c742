"""The report's cross-posting panel: how many postings were seen at more than one source, which
sources share the most postings, and agency copies beside employers' originals.

A posting is one job; each place it was found is a sighting (``sightings``: its source, URL and
whether that copy was posted by a recruitment agency). The panel counts the filter's postings (all
statuses) by their sightings, in SQL.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import and_, case, func, select

from crawler.analytics.report_html import card, pair, plural, section, share, table
from crawler.analytics.svg_charts import bar_chart, donut_chart, number_label
from models.tables import Sighting

if TYPE_CHECKING:
    from crawler.analytics.report_data import FilteredRelation

TOP_PAIRS = 12
EMPLOYER_ONLY, AGENCY_ONLY, BOTH = ("employer's copy only", "agency copies only",
                                    "employer's original and agency copies")


@dataclass
class CrossPosting:
    """The filter's postings counted by where they were seen."""

    postings: int = 0
    """Postings with at least one sighting."""
    by_source_count: list[tuple[str, int]] = field(default_factory=list)
    """Postings by the number of distinct sources they were seen at ("1 source", "2 sources", …)."""
    multi_source: int = 0
    repeated_at_one_source: int = 0
    """Postings seen more than once (two URLs) at one same source."""
    pairs: list[tuple[str, int]] = field(default_factory=list)
    """Source pairs ("a + b") by the postings seen at both, most first."""
    per_source: list[tuple[str, int, int]] = field(default_factory=list)
    """(source, postings seen there, of those also seen at another source)."""
    agency_mix: list[tuple[str, int]] = field(default_factory=list)
    """Postings by their copies: the employer's only, agencies' only, or both."""
    agency_sightings_matched: int = 0
    """Agency copies (sightings) matched to a posting that also has the employer's own copy."""


def _filtered_sightings(postings: FilteredRelation):
    """Sightings of the filter's postings, as a FROM clause with its WHERE condition."""
    joined = Sighting.__table__.join(postings.table, Sighting.posting_id == postings["id"])
    return joined, postings.where


def _source_bucket(sources: int) -> str:
    return "1 source" if sources == 1 else "2 sources" if sources == 2 else "3+ sources"


def collect_cross_posting(connection, postings: FilteredRelation) -> CrossPosting:
    """Count the filter's postings by their sightings: one pass over them grouped by posting, then
    the per-source table and the source pairs (the pairs read the multi-source postings only)."""
    result = CrossPosting()
    joined, where = _filtered_sightings(postings)
    agency = case((Sighting.via_agency.is_(True), 1), else_=0)
    per_posting = (select(Sighting.posting_id.label("posting_id"),
                          func.count(func.distinct(Sighting.source)).label("sources"),
                          func.count().label("sightings"), func.sum(agency).label("agency_sightings"))
                   .select_from(joined).where(where).group_by(Sighting.posting_id).subquery())
    # A posting's copies: agency ones, others, or both; seen twice at one source when it has more
    # sightings than sources. Grouped once more, the rows are few.
    has_agency = per_posting.c.agency_sightings > 0
    all_agency = per_posting.c.agency_sightings == per_posting.c.sightings
    repeated = per_posting.c.sightings > per_posting.c.sources
    capped = case((per_posting.c.sources >= 3, 3), else_=per_posting.c.sources)
    buckets: dict[str, int] = defaultdict(int)
    mix: dict[str, int] = defaultdict(int)
    for sources, any_copy, only_agency, twice, agency_sightings, count in connection.execute(
            select(capped, has_agency, all_agency, repeated, func.sum(per_posting.c.agency_sightings), func.count())
            .group_by(capped, has_agency, all_agency, repeated)):
        buckets[_source_bucket(int(sources))] += int(count)
        kind = AGENCY_ONLY if only_agency else BOTH if any_copy else EMPLOYER_ONLY
        mix[kind] += int(count)
        result.repeated_at_one_source += int(count) if twice else 0
        result.agency_sightings_matched += int(agency_sightings or 0) if kind == BOTH else 0
    result.by_source_count = [(name, buckets[name]) for name in ("1 source", "2 sources", "3+ sources")
                              if name in buckets]
    result.postings = sum(buckets.values())
    result.multi_source = result.postings - buckets.get("1 source", 0)
    result.agency_mix = [(name, mix[name]) for name in (EMPLOYER_ONLY, BOTH, AGENCY_ONLY) if name in mix]
    if not result.postings:
        return result
    multi = select(Sighting.posting_id).select_from(joined).where(where).group_by(Sighting.posting_id) \
        .having(func.count(func.distinct(Sighting.source)) >= 2)
    seen = func.count(func.distinct(Sighting.posting_id))
    elsewhere = dict(connection.execute(select(Sighting.source, seen).where(Sighting.posting_id.in_(multi))
                                        .group_by(Sighting.source)).all()) if result.multi_source else {}
    per_source = connection.execute(select(Sighting.source, seen).select_from(joined).where(where)
                                    .group_by(Sighting.source).order_by(seen.desc(), Sighting.source))
    result.per_source = [(str(source), int(total), int(elsewhere.get(source, 0))) for source, total in per_source]
    result.pairs = _pairs(connection, multi) if result.multi_source else []
    return result


def _pairs(connection, multi) -> list[tuple[str, int]]:
    """Source pairs by the postings (of ``multi``) seen at both; each pair once, names in
    alphabetical order."""
    first, second = Sighting.__table__.alias("first"), Sighting.__table__.alias("second")
    joined = first.join(second, and_(second.c.posting_id == first.c.posting_id, second.c.source > first.c.source))
    both = func.count(func.distinct(first.c.posting_id))
    rows = connection.execute(select(first.c.source, second.c.source, both).select_from(joined)
                              .where(first.c.posting_id.in_(multi))
                              .group_by(first.c.source, second.c.source)
                              .order_by(both.desc(), first.c.source, second.c.source).limit(TOP_PAIRS))
    return [(f"{one} + {other}", int(count)) for one, other, count in rows]


def render_cross_posting(cross: CrossPosting) -> str:
    """The panel: figures, postings by number of sources, overlapping pairs, agency copies, per source."""
    cards = "".join([
        card("postings with sightings", number_label(cross.postings)),
        card("seen at 2+ sources", f"{number_label(cross.multi_source)} ({share(cross.multi_source, cross.postings)})"),
        card("seen twice at one source", number_label(cross.repeated_at_one_source)),
        card("agency copies of an employer's ad", number_label(cross.agency_sightings_matched)),
    ])
    per_source = table(["source", "postings seen there", "also at another source", "share"],
                       [[source, number_label(seen), number_label(elsewhere), share(elsewhere, seen)]
                        for source, seen, elsewhere in cross.per_source])
    # Without overlaps the note says so instead of an empty chart.
    pairs_chart = bar_chart(cross.pairs, "Source pairs sharing postings", unit="postings seen at both") \
        if cross.pairs else ""
    pairs_note = ("No posting was seen at two sources in this selection." if not cross.pairs else
                  "Postings seen at both sources of a pair; a posting at three sources counts in three pairs.")
    body = (f'<div class="cards">{cards}</div>'
            + pair(section("Postings by number of sources", bar_chart(cross.by_source_count,
                                                                     "Postings by number of sources", unit="postings")),
                   section("Source pairs sharing postings", pairs_chart, pairs_note))
            + pair(section("Employer originals and agency copies",
                           donut_chart(cross.agency_mix, "Employer originals and agency copies"),
                           "A posting's copies (sightings) as posted by the employer or by a recruitment agency "
                           "for a client; both: an agency's copy was matched to the employer's own ad."),
                   section("Cross-posting by source", per_source)))
    return section("Cross-posting: postings seen at more than one source", body,
                   "Every posting in the selection (open and closed) by the places jobcrawl found it. "
                   f"{plural(cross.postings, 'posting')} with sightings recorded.")
