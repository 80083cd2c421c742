"""The figures of ``jobcrawl report``, read from the views and tables in a few queries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Engine, case, func, select, text

from crawler.items import LIST_FIELDS, SCHEMA_FIELDS
from models.tables import CrawlRun, Posting, RejectedItem

TOP = 15
SENIORITY_ORDER = ("intern", "junior", "mid", "senior", "lead", "executive", "unknown")
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
    daily: list[tuple[date, str, int, int, int]] = field(default_factory=list)
    top_skills: list[tuple[str, int]] = field(default_factory=list)
    salaries_by_seniority: list[tuple[str, list[float]]] = field(default_factory=list)
    workplace_shares: list[tuple[str, int]] = field(default_factory=list)
    top_employers: list[tuple[str, int]] = field(default_factory=list)
    top_cities: list[tuple[str, int]] = field(default_factory=list)
    newest: list[dict] = field(default_factory=list)
    fill_rates: list[tuple[str, float]] = field(default_factory=list)
    rejections: list[tuple[str, int]] = field(default_factory=list)
    runs: list[RunSummary] = field(default_factory=list)


def as_date(value) -> date:
    """A date from a driver value (SQLite gives ISO text, PostgreSQL a date)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def rejection_category(reason: str) -> str:
    """The reason without its details: ``"no valid JobPosting: JSON-LD block 1 …"`` -> ``"no valid JobPosting"``."""
    head = reason.split(":", 1)[0].strip()
    return head or reason.strip() or "unknown"


def _counted(connection, sql: str, limit: int = TOP) -> list[tuple[str, int]]:
    return [(str(name), int(count)) for name, count in connection.execute(text(sql), {"limit": limit})]


def _fill_rates(connection) -> list[tuple[str, float]]:
    total = connection.execute(select(func.count()).select_from(Posting)).scalar() or 0
    if not total:
        return []
    counts = []
    for name in SCHEMA_FIELDS:
        if name in _ALWAYS_FILLED:
            continue
        column = getattr(Posting, name)
        filled = func.json_array_length(column) > 0 if name in LIST_FIELDS else column.is_not(None)
        counts.append(func.sum(case((filled, 1), else_=0)).label(name))
    row = connection.execute(select(*counts)).one()
    return [(name, (row._mapping[name] or 0) / total) for name in row._mapping.keys()]


def _salaries(connection) -> list[tuple[str, list[float]]]:
    groups: dict[str, list[float]] = {}
    for seniority, salary in connection.execute(text(
            "SELECT seniority, yearly_mid_eur FROM salaries_yearly WHERE yearly_mid_eur IS NOT NULL")):
        groups.setdefault(seniority or "unknown", []).append(float(salary))
    return [(name, groups[name]) for name in SENIORITY_ORDER if name in groups]


def collect_report_data(engine: Engine) -> ReportData:
    """Read every figure of the report from the database (migrated to 0003 or later)."""
    data = ReportData()
    with engine.connect() as connection:
        data.postings = connection.execute(select(func.count()).select_from(Posting)).scalar() or 0
        data.active = connection.execute(text("SELECT COUNT(*) FROM current_postings")).scalar() or 0
        data.sources = connection.execute(select(func.count(func.distinct(Posting.source)))).scalar() or 0
        data.daily = [(as_date(day), source, int(new), int(closed), int(active)) for day, source, new, closed, active
                      in connection.execute(text("SELECT day, source, new_postings, closed_postings, active_postings "
                                                 "FROM daily_postings ORDER BY day, source"))]
        data.top_skills = _counted(connection, "SELECT skill, COUNT(*) AS n FROM posting_skills_v "
                                               "WHERE status = 'active' GROUP BY skill ORDER BY n DESC, skill "
                                               "LIMIT :limit", limit=20)
        data.salaries_by_seniority = _salaries(connection)
        data.workplace_shares = _counted(connection, "SELECT COALESCE(workplace_type, 'unknown') AS kind, COUNT(*) AS n "
                                                     "FROM current_postings GROUP BY COALESCE(workplace_type, 'unknown') "
                                                     "ORDER BY n DESC, kind LIMIT :limit")
        data.top_employers = _counted(connection, "SELECT company, COUNT(*) AS n FROM current_postings "
                                                  "WHERE company IS NOT NULL GROUP BY company "
                                                  "ORDER BY n DESC, company LIMIT :limit")
        data.top_cities = _counted(connection, "SELECT city, COUNT(*) AS n FROM current_postings "
                                               "WHERE city IS NOT NULL GROUP BY city ORDER BY n DESC, city LIMIT :limit")
        data.newest = [dict(row._mapping) for row in connection.execute(text(
            "SELECT title, company, city, country, best_url, best_source, source_count, first_seen_at "
            "FROM current_postings ORDER BY first_seen_at DESC, posting_id DESC LIMIT :limit"), {"limit": TOP})]
        data.fill_rates = _fill_rates(connection)
        reasons: Counter[str] = Counter()
        for reason, count in connection.execute(select(RejectedItem.reason, func.count()).group_by(RejectedItem.reason)):
            reasons[rejection_category(reason)] += count
        data.rejections = sorted(reasons.items(), key=lambda item: (-item[1], item[0]))[:TOP]
        data.runs = [RunSummary(run.id, run.spider, run.started_at, run.finished_at, run.status, run.items,
                                run.new_postings, run.rejected, run.errors, run.reason)
                     for run in connection.execute(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(10))]
    return data
