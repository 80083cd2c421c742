"""The figures of ``jobcrawl report``, read from the views and tables in a few queries.

Every posting figure honours the report's filter (:class:`ExportFilter`: ``since``/``until`` keep
postings seen in the period, as exports do; ``source``; ``country``), applied with the export's
own conditions so the report and ``jobcrawl export`` always count the same rows. Crawl runs and
rejected items follow the source and period only (they have no country).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import Engine, and_, case, func, literal_column, select, true

from crawler.analytics.export_source import ExportFilter, filtered_columns, relation
from crawler.analytics.report_cross_posting import CrossPosting, collect_cross_posting
from crawler.analytics.report_occupations import OccupationCounts, collect_occupations
from crawler.analytics.report_skill_trends import SkillTrends, collect_skill_trends
from crawler.analytics.views import _DIALECT_EXPRESSIONS, PAY_CATEGORIES
from crawler.items import LIST_FIELDS, SCHEMA_FIELDS
from models.tables import CrawlRun, Posting, RejectedItem

TOP = 15
SENIORITY_ORDER = ("intern", "junior", "mid", "senior", "lead", "executive", "unknown")
CONTRACT_ORDER = ("permanent", "fixed_term", "working_student", "internship", "apprenticeship", "freelance",
                  "not stated")
# Fields every posting has by construction; their fill rate says nothing.
_ALWAYS_FILLED = frozenset({"via_agency"})


@dataclass
class RunSummary:
    """One crawl run, as the data-quality panel lists it."""

    id: int
    spider: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    items: int
    new_postings: int
    rejected: int
    errors: int
    reason: str | None


@dataclass
class ReportData:
    """Everything the report shows."""

    postings: int = 0
    active: int = 0
    sources: int = 0
    cross_posted: int = 0
    """Active postings listed at two or more sources."""
    published_per_day: list[tuple[date, int]] = field(default_factory=list)
    first_seen_per_day: list[tuple[date, int]] = field(default_factory=list)
    without_date_posted: int = 0
    active_per_day: list[tuple[date, int]] = field(default_factory=list)
    regions: list[tuple[str, int]] = field(default_factory=list)
    without_region: int = 0
    agency_shares: list[tuple[str, int]] = field(default_factory=list)
    salary_shares: list[tuple[str, int]] = field(default_factory=list)
    salary_share_by_source: list[tuple[str, float]] = field(default_factory=list)
    seniority_mix: list[tuple[str, int]] = field(default_factory=list)
    contract_mix: list[tuple[str, int]] = field(default_factory=list)
    top_skills: list[tuple[str, int]] = field(default_factory=list)
    salaries_by_seniority: list[tuple[str, list[float]]] = field(default_factory=list)
    """Full-time-equivalent yearly EUR midpoints (employees working full time) by seniority."""
    pay_categories: list[tuple[str, int]] = field(default_factory=list)
    workplace_shares: list[tuple[str, int]] = field(default_factory=list)
    top_employers: list[tuple[str, int]] = field(default_factory=list)
    top_cities: list[tuple[str, int]] = field(default_factory=list)
    newest: list[dict] = field(default_factory=list)
    fill_rates: list[tuple[str, float]] = field(default_factory=list)
    rejections: list[tuple[str, int]] = field(default_factory=list)
    runs: list[RunSummary] = field(default_factory=list)
    skill_trends: SkillTrends = field(default_factory=SkillTrends)
    cross_posting: CrossPosting = field(default_factory=CrossPosting)
    occupations: OccupationCounts = field(default_factory=OccupationCounts)


def as_date(value) -> date:
    """A date from a driver value (SQLite gives ISO text, PostgreSQL a date)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def rejection_category(reason: str) -> str:
    """The reason without its details: ``"no valid JobPosting: JSON-LD block 1 …"`` -> ``"no valid JobPosting"``."""
    head = reason.split(":", 1)[0].strip()
    return head or reason.strip() or "unknown"


class FilteredRelation:
    """A table or view with the report filter's conditions on it."""

    def __init__(self, name: str, report_filter: ExportFilter):
        self.columns, conditions = filtered_columns(relation(None if name == "postings" else name), report_filter)
        self.table = next(iter(self.columns.values())).table
        self.where = and_(true(), *conditions)

    def __getitem__(self, name: str):
        return self.columns[name]

    def select(self, *columns):
        """``SELECT columns FROM`` the table or view, filtered (more conditions with ``.where``)."""
        return select(*columns).select_from(self.table).where(self.where)


def _counts(connection, relation: FilteredRelation, key, *conditions, limit: int | None = TOP) -> list[tuple[str, int]]:
    count = func.count().label("n")
    statement = relation.select(key.label("key"), count).where(*conditions).group_by(key).order_by(count.desc(), key)
    if limit:
        statement = statement.limit(limit)
    return [(str(name), int(total)) for name, total in connection.execute(statement)]


def _per_day(connection, relation: FilteredRelation, day, *conditions) -> list[tuple[date, int]]:
    rows = connection.execute(relation.select(day.label("day"), func.count()).where(day.is_not(None), *conditions)
                              .group_by(day).order_by(day))
    return [(as_date(value), int(total)) for value, total in rows]


def _in_period(series: list[tuple[date, int]], report_filter: ExportFilter) -> list[tuple[date, int]]:
    return [(day, value) for day, value in series
            if (report_filter.since is None or day >= report_filter.since)
            and (report_filter.until is None or day <= report_filter.until)]


def _active_per_day(opened: list[tuple[date, int]], closed: list[tuple[date, int]]) -> list[tuple[date, int]]:
    """Postings open at the end of each day from the days they opened and closed."""
    changes: Counter[date] = Counter()
    for day, count in opened:
        changes[day] += count
    for day, count in closed:
        changes[day] -= count
    if not changes:
        return []
    series, running, day, last = [], 0, min(changes), max(changes)
    while day <= last:
        running += changes.get(day, 0)
        series.append((day, running))
        day += timedelta(days=1)
    return series


def _fill_rates(connection, postings: FilteredRelation, total: int) -> list[tuple[str, float]]:
    if not total:
        return []
    counts = []
    for name in SCHEMA_FIELDS:
        if name in _ALWAYS_FILLED:
            continue
        column = postings[name] if name in postings.columns else getattr(Posting, name)
        filled = func.json_array_length(column) > 0 if name in LIST_FIELDS else column.is_not(None)
        counts.append(func.sum(case((filled, 1), else_=0)).label(name))
    row = connection.execute(postings.select(*counts)).one()
    return [(name, (row._mapping[name] or 0) / total) for name in row._mapping.keys()]


def _ordered(counts: list[tuple[str, int]], order: tuple[str, ...]) -> list[tuple[str, int]]:
    found = dict(counts)
    return [(name, found[name]) for name in order if name in found] + \
        [(name, count) for name, count in counts if name not in order]


def _market_panels(connection, data: ReportData, postings: FilteredRelation, report_filter: ExportFilter, day) -> None:
    """Trends by publication and first-seen day, open postings per day, regions, agencies,
    salary transparency, seniority and contract mix: every posting in the filter."""
    data.published_per_day = _in_period(_per_day(connection, postings, postings["date_posted"]), report_filter)
    opened = _per_day(connection, postings, day("first_seen_at"))
    data.first_seen_per_day = _in_period(opened, report_filter)
    data.without_date_posted = connection.execute(
        postings.select(func.count()).where(postings["date_posted"].is_(None))).scalar() or 0
    closed = _per_day(connection, postings, day("closed_at"))
    data.active_per_day = _in_period(_active_per_day(opened, closed), report_filter)
    place = postings["country"] + literal_column("' · '") + postings["region"]
    data.regions = _counts(connection, postings, place, postings["region"].is_not(None), limit=20)
    data.without_region = connection.execute(
        postings.select(func.count()).where(postings["region"].is_(None))).scalar() or 0
    agency = case((postings["via_agency"].is_(True), "via a recruitment agency"), else_="posted by the employer")
    data.agency_shares = _counts(connection, postings, agency, limit=None)
    stated = postings["salary_min"].is_not(None) | postings["salary_max"].is_not(None)
    data.salary_shares = _counts(connection, postings, case((stated, "salary stated"), else_="no salary"), limit=None)
    by_source = connection.execute(postings.select(postings["source"], func.count(), func.sum(case((stated, 1), else_=0)))
                                   .group_by(postings["source"]).order_by(postings["source"]))
    data.salary_share_by_source = [(str(source), 100 * int(with_salary or 0) / int(total))
                                   for source, total, with_salary in by_source if total]
    data.seniority_mix = _ordered(_counts(connection, postings, func.coalesce(postings["seniority"], "unknown"),
                                          limit=None), SENIORITY_ORDER)
    data.contract_mix = _ordered(_counts(connection, postings, func.coalesce(postings["contract_type"], "not stated"),
                                         limit=None), CONTRACT_ORDER)


def _salary_panel(connection, data: ReportData, report_filter: ExportFilter) -> None:
    salaries = FilteredRelation("salaries_yearly", report_filter)
    groups: dict[str, list[float]] = {}
    for seniority, salary in connection.execute(salaries.select(salaries["seniority"], salaries["fte_yearly_mid_eur"])
                                                .where(salaries["fte_yearly_mid_eur"].is_not(None))):
        groups.setdefault(seniority or "unknown", []).append(float(salary))
    data.salaries_by_seniority = [(name, groups[name]) for name in SENIORITY_ORDER if name in groups]
    data.pay_categories = _ordered(_counts(connection, salaries, salaries["pay_category"], limit=None), PAY_CATEGORIES)


def _operations(connection, data: ReportData, report_filter: ExportFilter) -> None:
    """Rejected items and crawl runs of the filter's source and period."""
    rejected_where, runs_where = [], []
    if report_filter.source:
        rejected_where.append(RejectedItem.source == report_filter.source)
        runs_where.append(CrawlRun.spider == report_filter.source)
    if report_filter.since:
        start = datetime.combine(report_filter.since, time.min, tzinfo=timezone.utc)
        rejected_where.append(RejectedItem.rejected_at >= start)
        runs_where.append(CrawlRun.started_at >= start)
    if report_filter.until:
        end = datetime.combine(report_filter.until + timedelta(days=1), time.min, tzinfo=timezone.utc)
        rejected_where.append(RejectedItem.rejected_at < end)
        runs_where.append(CrawlRun.started_at < end)
    reasons: Counter[str] = Counter()
    for reason, count in connection.execute(select(RejectedItem.reason, func.count()).where(*rejected_where)
                                            .group_by(RejectedItem.reason)):
        reasons[rejection_category(reason)] += count
    data.rejections = sorted(reasons.items(), key=lambda item: (-item[1], item[0]))[:TOP]
    data.runs = [RunSummary(run.id, run.spider, run.started_at, run.finished_at, run.status, run.items,
                            run.new_postings, run.rejected, run.errors, run.reason)
                 for run in connection.execute(select(CrawlRun).where(*runs_where)
                                               .order_by(CrawlRun.id.desc()).limit(10))]


def collect_report_data(engine: Engine, report_filter: ExportFilter | None = None) -> ReportData:
    """Read every figure of the report from the database (migrated to head), within ``report_filter``."""
    report_filter = report_filter or ExportFilter()
    dialect_day = _DIALECT_EXPRESSIONS[engine.dialect.name]["day"]

    def day(name: str):
        return literal_column(dialect_day.format(name))

    data = ReportData()
    postings = FilteredRelation("postings", report_filter)
    current = FilteredRelation("current_postings", report_filter)
    skills = FilteredRelation("posting_skills_v", report_filter)
    with engine.connect() as connection:
        data.postings = connection.execute(postings.select(func.count())).scalar() or 0
        data.active = connection.execute(current.select(func.count())).scalar() or 0
        data.sources = connection.execute(postings.select(func.count(func.distinct(postings["source"])))).scalar() or 0
        data.cross_posted = connection.execute(current.select(func.count())
                                               .where(current["source_count"] >= 2)).scalar() or 0
        _market_panels(connection, data, postings, report_filter, day)
        data.top_skills = _counts(connection, skills, skills["skill"], skills["status"] == "active", limit=20)
        data.skill_trends = collect_skill_trends(connection, postings)
        _salary_panel(connection, data, report_filter)
        data.cross_posting = collect_cross_posting(connection, postings)
        data.occupations = collect_occupations(connection, postings)
        data.workplace_shares = _counts(connection, current, func.coalesce(current["workplace_type"], "unknown"))
        data.top_employers = _counts(connection, current, current["company"], current["company"].is_not(None))
        data.top_cities = _counts(connection, current, current["city"], current["city"].is_not(None))
        newest = current.select(*[current[name] for name in ("title", "company", "city", "country", "best_url",
                                                             "best_source", "source_count", "first_seen_at")])
        data.newest = [dict(row._mapping) for row in connection.execute(
            newest.order_by(current["first_seen_at"].desc(), current["posting_id"].desc()).limit(TOP))]
        data.fill_rates = _fill_rates(connection, postings, data.postings)
        _operations(connection, data, report_filter)
    return data
