"""The report's skill-trends panel: the most frequent skills and their share of postings by the
week or month the ads were published (``date_posted``).

A share is the postings of a period naming the skill over all postings published in that period
(with or without skills), so a busy week does not look like a rising skill. Periods with fewer
than :data:`MIN_PERIOD_POSTINGS` dated postings are left out of the lines: a share of one or two
ads says nothing about the market.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from crawler.analytics.report_html import plural, section, table
from crawler.analytics.svg_charts import line_chart, number_label
from models.tables import PostingSkill

if TYPE_CHECKING:
    from crawler.analytics.report_data import FilteredRelation

TREND_SKILLS = 8
MIN_PERIOD_POSTINGS = 5
WEEKLY_UP_TO_DAYS = 182
"""Publication dates spanning up to about half a year are counted by week, longer spans by month."""


def period_kind(first: date, last: date) -> str:
    """``"week"`` for publication dates up to :data:`WEEKLY_UP_TO_DAYS` apart, else ``"month"``."""
    return "week" if (last - first).days <= WEEKLY_UP_TO_DAYS else "month"


def period_start(day: date, kind: str) -> date:
    """The Monday of ``day``'s week, or the first of its month."""
    return day - timedelta(days=day.weekday()) if kind == "week" else day.replace(day=1)


@dataclass
class SkillTrends:
    """Dated postings per period and, for the most frequent skills, the postings naming them."""

    period: str = "week"
    dated_postings: int = 0
    undated_postings: int = 0
    periods: list[tuple[date, int]] = field(default_factory=list)
    """Every period with dated postings: its first day and its postings."""
    skills: list[tuple[str, int]] = field(default_factory=list)
    """The most frequent skills among dated postings, with their postings."""
    with_skill: dict[str, dict[date, int]] = field(default_factory=dict)
    """Postings naming the skill, by period."""

    def shown_periods(self) -> list[tuple[date, int]]:
        """The periods drawn: those with at least :data:`MIN_PERIOD_POSTINGS` postings."""
        return [(start, total) for start, total in self.periods if total >= MIN_PERIOD_POSTINGS]

    def shares(self, skill: str) -> list[tuple[date, float]]:
        """The skill's share of postings (0–100) in each shown period."""
        counts = self.with_skill.get(skill, {})
        return [(start, 100 * counts.get(start, 0) / total) for start, total in self.shown_periods()]

    def halves(self) -> tuple[list[tuple[date, int]], list[tuple[date, int]]]:
        """The shown periods split into an earlier and a later half (the later one longer if odd)."""
        shown = self.shown_periods()
        return shown[:len(shown) // 2], shown[len(shown) // 2:]

    def share_in(self, skill: str, periods: list[tuple[date, int]]) -> float | None:
        """The skill's share (0–100) of all postings of ``periods`` together."""
        total = sum(count for _start, count in periods)
        counts = self.with_skill.get(skill, {})
        return 100 * sum(counts.get(start, 0) for start, _count in periods) / total if total else None


def collect_skill_trends(connection, postings: FilteredRelation) -> SkillTrends:
    """Count dated postings and their skills by day in SQL, then by period here."""
    trends = SkillTrends()
    published = postings["date_posted"]
    per_day = [(_as_date(day), int(count)) for day, count in connection.execute(
        postings.select(published, func.count()).where(published.is_not(None)).group_by(published))]
    trends.undated_postings = connection.execute(
        postings.select(func.count()).where(published.is_(None))).scalar() or 0
    if not per_day:
        return trends
    trends.period = period_kind(min(day for day, _ in per_day), max(day for day, _ in per_day))
    periods: dict[date, int] = defaultdict(int)
    for day, count in per_day:
        periods[period_start(day, trends.period)] += count
    trends.periods = sorted(periods.items())
    trends.dated_postings = sum(periods.values())
    skill = PostingSkill.skill
    rows = connection.execute(
        select(published, skill, func.count(func.distinct(PostingSkill.posting_id)))
        .select_from(postings.table.join(PostingSkill.__table__, PostingSkill.posting_id == postings["id"]))
        .where(postings.where, published.is_not(None)).group_by(published, skill))
    with_skill: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for day, name, count in rows:
        with_skill[name][period_start(_as_date(day), trends.period)] += int(count)
    totals = sorted(((name, sum(counts.values())) for name, counts in with_skill.items()),
                    key=lambda item: (-item[1], item[0]))
    trends.skills = totals[:TREND_SKILLS]
    trends.with_skill = {name: dict(with_skill[name]) for name, _total in trends.skills}
    return trends


def _as_date(value) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}%"


def percentage_points(change: float) -> str:
    """A change in percentage points, whole: "+9 pp", "-11 pp", "0 pp" (never "-0")."""
    rounded = round(change)
    return f"{rounded:+d} pp" if rounded else "0 pp"


def _span(periods: list[tuple[date, int]], kind: str) -> str:
    if not periods:
        return ""
    first, last = periods[0][0], periods[-1][0]
    end = last + timedelta(days=6) if kind == "week" else last
    label = (lambda day: day.isoformat()) if kind == "week" else (lambda day: day.strftime("%Y-%m"))
    return label(first) if first == last and kind == "month" else f"{label(first)} – {label(end)}"


def render_skill_trends(trends: SkillTrends) -> str:
    """The panel: a share-over-time line per top skill and a table comparing earlier and later periods."""
    unit = trends.period
    # Periods left out are gaps in the lines, not drawn across.
    gaps = [(start, None) for start, total in trends.periods if total < MIN_PERIOD_POSTINGS]
    series = {name: trends.shares(name) + gaps for name, _total in trends.skills}
    notes = {name: {start: f"{trends.with_skill[name].get(start, 0)} of {total} postings "
                           f"({100 * trends.with_skill[name].get(start, 0) / total:.0f}%)"
                    for start, total in trends.shown_periods()} for name, _total in trends.skills}
    chart = line_chart(series if trends.shown_periods() else {}, "Share of postings naming each top skill by "
                       f"{unit} of publication", y_title=f"% of the {unit}'s postings",
                       x_title=f"{unit} of date_posted" + (" (weeks start on Monday)" if unit == "week" else ""),
                       value_format=lambda value: f"{value:.0f}%", point_notes=notes)
    earlier, later = trends.halves()
    rows = []
    for name, total in trends.skills:
        before, after = trends.share_in(name, earlier), trends.share_in(name, later)
        change = "–" if before is None or after is None else percentage_points(after - before)
        rows.append([name, number_label(total), _percent(100 * total / trends.dated_postings),
                     _percent(before), _percent(after), change])
    comparison = table(["skill", "postings", "share (all dated)", f"earlier: {_span(earlier, unit)}",
                        f"later: {_span(later, unit)}", "change"], rows) if rows else ""
    left_out = sum(total for _start, total in trends.periods if total < MIN_PERIOD_POSTINGS)
    note = (f"{plural(trends.dated_postings, 'posting')} with a publication date, counted by the {unit} they "
            f"were published; a share is the postings naming the skill over all postings of that {unit}. "
            f"{plural(trends.undated_postings, 'posting')} without a date not counted. "
            + (f"{plural(left_out, 'posting')} in {unit}s with fewer than {MIN_PERIOD_POSTINGS} postings left out "
               "of the lines and the comparison. " if left_out else "")
            + "pp: percentage points.")
    return section("Skill trends: share of postings naming each top skill", chart + comparison, note)
