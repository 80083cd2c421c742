"""The report's skill-trends, cross-posting and occupation panels (issues 17 and 16): their figures
against SQL counts on the crawled sample board and on hand-made rows, and the pure helpers."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from crawler.analytics.export_source import ExportFilter
from crawler.analytics.report import render_report
from crawler.analytics.report_data import ReportData, collect_report_data
from crawler.analytics.report_html import plural
from crawler.analytics.report_occupations import isco_group_labels, isco_name
from crawler.analytics.report_skill_trends import MIN_PERIOD_POSTINGS, percentage_points, period_kind, period_start
from models.database import get_engine
from tests.analytics.conftest import as_date, posting_row, utc
from tests.analytics.test_report import NOW


@pytest.mark.parametrize("first, last, kind", [
    (date(2026, 10, 5), date(2026, 12, 6), "week"),
    (date(2026, 1, 1), date(2026, 7, 2), "week"),  # 182 days
    (date(2026, 1, 1), date(2026, 7, 3), "month"),
    (date(2025, 3, 1), date(2026, 3, 1), "month"),
    (date(2026, 3, 1), date(2026, 3, 1), "week"),
])
def test_period_kind_follows_the_span_of_publication_dates(first, last, kind):
    assert period_kind(first, last) == kind


@pytest.mark.parametrize("day, kind, start", [
    (date(2026, 12, 6), "week", date(2026, 11, 30)),  # a Sunday belongs to the week from Monday
    (date(2026, 11, 30), "week", date(2026, 11, 30)),
    (date(2026, 1, 1), "week", date(2025, 12, 29)),  # a week across the new year starts in the old one
    (date(2026, 2, 28), "month", date(2026, 2, 1)),
])
def test_period_start(day, kind, start):
    assert period_start(day, kind) == start


@pytest.mark.parametrize("count, words", [(0, "0 postings"), (1, "1 posting"), (1234, "1,234 postings")])
def test_plural(count, words):
    assert plural(count, "posting") == words


@pytest.mark.parametrize("code, name", [
    ("2", "2 Professionals"), ("9", "9 Elementary occupations"), ("2512", "2512 Software developers"),
    ("2221", "2221 Nursing professionals"), ("X", "X"),
])
def test_isco_names_come_from_the_bundled_group_labels(code, name):
    assert isco_name(code) == name


@pytest.fixture(scope="module")
def sample_report(crawled_sample) -> ReportData:
    """The report's figures for the crawled sample board, collected once per dialect."""
    return collect_report_data(get_engine(crawled_sample))


def _sql(url: str, statement: str) -> list[tuple]:
    with get_engine(url).connect() as connection:
        return [tuple(row) for row in connection.execute(text(statement))]


def test_occupation_panel_counts_what_the_crawled_postings_hold(crawled_sample, sample_report):
    counts = sample_report.occupations
    by_major = dict(_sql(crawled_sample, "SELECT SUBSTR(occupation_isco, 1, 1), COUNT(*) FROM postings "
                                         "WHERE occupation_isco IS NOT NULL GROUP BY SUBSTR(occupation_isco, 1, 1)"))
    assert {digit: total for digit, total in counts.major_groups if total} == by_major
    assert [digit for digit, _total in counts.major_groups] == list("0123456789")  # every group, zero included
    (coded, not_coded), = _sql(crawled_sample, "SELECT COUNT(occupation_isco), COUNT(*) - COUNT(occupation_isco) "
                                               "FROM postings")
    assert (counts.coded, counts.not_coded) == (coded, not_coded) and coded > 0
    units = _sql(crawled_sample, "SELECT occupation_isco, COUNT(*) AS n FROM postings WHERE occupation_isco IS NOT "
                                 "NULL GROUP BY occupation_isco ORDER BY n DESC, occupation_isco LIMIT 15")
    assert counts.unit_groups == units
    top_unit = units[0][0]
    labels = Counter(dict(_sql(crawled_sample, "SELECT occupation_label, COUNT(*) FROM postings WHERE "
                                               f"occupation_isco = '{top_unit}' GROUP BY occupation_label")))
    assert dict(counts.labels[top_unit]) == labels
    assert sum(total for _method, total in counts.methods) == coded


def test_cross_posting_panel_counts_what_the_crawled_sightings_hold(crawled_sample, sample_report):
    cross = sample_report.cross_posting
    per_posting = _sql(crawled_sample, "SELECT posting_id, COUNT(DISTINCT source), "
                                       "SUM(CASE WHEN via_agency THEN 1 ELSE 0 END), COUNT(*) "
                                       "FROM sightings GROUP BY posting_id")
    assert cross.postings == len(per_posting) > 0
    assert cross.multi_source == sum(sources >= 2 for _id, sources, _agency, _all in per_posting)
    agency_only = sum(agency == total for _id, _sources, agency, total in per_posting)
    employer_only = sum(agency == 0 for _id, _sources, agency, _total in per_posting)
    mix = dict(cross.agency_mix)
    assert mix.get("agency copies only", 0) == agency_only and agency_only > 0  # the board has agency ads
    assert mix.get("employer's copy only", 0) == employer_only
    assert sum(mix.values()) == len(per_posting)
    seen = dict(_sql(crawled_sample, "SELECT source, COUNT(DISTINCT posting_id) FROM sightings GROUP BY source"))
    assert {source: total for source, total, _elsewhere in cross.per_source} == seen


def _weekly_shares(url: str, skill: str) -> dict[date, tuple[int, int]]:
    """(postings naming ``skill``, postings) by week of date_posted, computed here from the rows."""
    dated = {posting_id: as_date(day) for posting_id, day in
             _sql(url, "SELECT id, date_posted FROM postings WHERE date_posted IS NOT NULL")}
    naming = {posting_id for posting_id, name in _sql(url, "SELECT posting_id, skill FROM posting_skills")
              if name == skill}
    weeks: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for posting_id, day in dated.items():
        monday = day - timedelta(days=day.weekday())
        weeks[monday][0] += posting_id in naming
        weeks[monday][1] += 1
    return {monday: (with_skill, total) for monday, (with_skill, total) in weeks.items()}


def test_skill_trends_count_what_the_crawled_postings_hold(crawled_sample, sample_report):
    trends = sample_report.skill_trends
    assert trends.period == "week"  # the board's ads were published within a few months
    (undated,), = _sql(crawled_sample, "SELECT COUNT(*) FROM postings WHERE date_posted IS NULL")
    assert trends.undated_postings == undated
    skill_totals = _sql(crawled_sample, "SELECT ps.skill, COUNT(DISTINCT ps.posting_id) AS n FROM posting_skills ps "
                                        "JOIN postings p ON p.id = ps.posting_id WHERE p.date_posted IS NOT NULL "
                                        "GROUP BY ps.skill ORDER BY n DESC, ps.skill LIMIT 8")
    assert trends.skills == skill_totals
    top = skill_totals[0][0]
    weeks = _weekly_shares(crawled_sample, top)
    assert trends.periods == sorted((monday, total) for monday, (_with, total) in weeks.items())
    assert trends.shares(top) == [(monday, pytest.approx(100 * with_skill / total))
                                  for monday, (with_skill, total) in sorted(weeks.items())
                                  if total >= MIN_PERIOD_POSTINGS]
    assert len(trends.shares(top)) >= 2  # a trend, not a single point


def _cross_posted_rows(rows) -> None:
    """Five postings: one at three sources with an agency copy, one at two, one twice at one source,
    one agency-only, one in Austria at two sources; skills on dated postings across two months."""
    rows.postings(
        posting_row(1, country="DE", date_posted=date(2026, 1, 5), occupation_isco="2512",
                    occupation_label="software developer", occupation_method="title"),
        posting_row(2, country="DE", date_posted=date(2026, 1, 20), occupation_isco="2512",
                    occupation_label="backend developer", occupation_method="title"),
        posting_row(3, country="DE", date_posted=date(2026, 8, 3), occupation_isco="2221",
                    occupation_label="nurse responsible for general care", occupation_method="source"),
        posting_row(4, country="DE", via_agency=True, date_posted=date(2026, 8, 10)),
        posting_row(5, country="AT", date_posted=date(2026, 8, 11), occupation_isco="5120",
                    occupation_label="cook", occupation_method="title"),
    )
    rows.sighting(1, "greenhouse")
    rows.sighting(1, "stepstone", via_agency=True)
    rows.sighting(1, "indeed")
    rows.sighting(2, "greenhouse")
    rows.sighting(2, "stepstone")
    rows.sighting(3, "jsonld")
    rows.sighting(3, "jsonld")
    rows.sighting(4, "stepstone", via_agency=True)
    rows.sighting(5, "greenhouse")
    rows.sighting(5, "stepstone")
    rows.skills(1, "Python", "SQL")
    rows.skills(2, "Python")
    rows.skills(3, "Pflege")
    rows.skills(4, "Python")
    rows.skills(5, "Python")


def test_panels_count_hand_made_postings_within_the_filter(rows):
    _cross_posted_rows(rows)
    data = collect_report_data(rows.engine, ExportFilter(country="DE"))
    cross = data.cross_posting
    assert cross.postings == 4
    assert cross.by_source_count == [("1 source", 2), ("2 sources", 1), ("3+ sources", 1)]
    assert (cross.multi_source, cross.repeated_at_one_source) == (2, 1)
    assert cross.pairs == [("greenhouse + stepstone", 2), ("greenhouse + indeed", 1), ("indeed + stepstone", 1)]
    assert dict(cross.agency_mix) == {"employer's copy only": 2, "employer's original and agency copies": 1,
                                      "agency copies only": 1}
    assert cross.agency_sightings_matched == 1
    assert cross.per_source == [("stepstone", 3, 2), ("greenhouse", 2, 2), ("indeed", 1, 1), ("jsonld", 1, 0)]
    occupations = data.occupations
    assert (occupations.coded, occupations.not_coded) == (3, 1)  # the cook is in Austria
    assert dict(occupations.major_groups) == {**{digit: 0 for digit in "0123456789"}, "2": 3}
    assert occupations.unit_groups == [("2512", 2), ("2221", 1)]
    assert occupations.labels["2512"] == [("backend developer", 1), ("software developer", 1)]
    assert occupations.methods == [("title", 2), ("source", 1)]
    trends = data.skill_trends
    assert trends.period == "month"  # January to August is longer than half a year
    assert trends.periods == [(date(2026, 1, 1), 2), (date(2026, 8, 1), 2)]
    assert trends.skills == [("Python", 3), ("Pflege", 1), ("SQL", 1)]
    assert trends.with_skill["Python"] == {date(2026, 1, 1): 2, date(2026, 8, 1): 1}
    assert trends.shares("Python") == []  # no month has five postings
    everywhere = collect_report_data(rows.engine)
    assert everywhere.cross_posting.pairs[0] == ("greenhouse + stepstone", 3)
    assert dict(everywhere.occupations.major_groups)["5"] == 1


def test_panels_render_their_numbers_and_say_when_nothing_overlaps(rows):
    _cross_posted_rows(rows)
    html = render_report(collect_report_data(rows.engine), NOW)
    for shown in ("greenhouse + stepstone", "2512 Software developers", "backend developer (1)",
                  "Skill trends", "employer&#x27;s original and agency copies: 1"):
        assert shown in html, shown
    empty = render_report(ReportData(), NOW)
    assert "No posting was seen at two sources in this selection." in empty
    assert "0 postings with an ISCO-08 code" in empty


def test_every_isco_major_group_has_a_label():
    majors = {code: label for code, label in isco_group_labels().items() if len(code) == 1}
    assert sorted(majors) == list("0123456789") and all(majors.values())


@pytest.mark.parametrize("change, shown", [(9.4, "+9 pp"), (-11.2, "-11 pp"), (-0.3, "0 pp"), (0.0, "0 pp"),
                                           (0.5, "0 pp"), (0.51, "+1 pp")])
def test_share_changes_are_whole_percentage_points(change, shown):
    assert percentage_points(change) == shown


def test_an_empty_database_gives_empty_panels_that_say_so(rows):
    data = collect_report_data(rows.engine)
    assert (data.cross_posting.postings, data.cross_posting.pairs, data.cross_posting.per_source) == (0, [], [])
    assert (data.occupations.coded, data.occupations.unit_groups) == (0, [])
    assert (data.skill_trends.dated_postings, data.skill_trends.skills) == (0, [])
    html = render_report(data, NOW)
    assert "0 postings with a publication date" in html and "No posting was seen at two sources" in html
