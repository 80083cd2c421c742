"""The analysts' SQL views, one text per dialect (SQLite and PostgreSQL).

The views are written once in portable SQL; the few expressions that differ between the two
dialects (the UTC day of a timestamp, the next day of a date) are filled in per dialect.
Migration 0003 creates them with :func:`create_views`. A view whose SQL changes later needs a new
migration that drops and re-creates it. SQLite refuses to rebuild a table that a view refers to,
so a later migration that uses ``batch_alter_table`` on ``postings``, ``sightings``,
``posting_skills`` or ``fx_rates`` runs inside :func:`views_set_aside`. The columns are documented in
:mod:`crawler.analytics.columns`.

How ``current_postings`` picks the best URL of a job among its copies (sightings), in order:
1. a copy still listed (``gone_at`` null) before a gone one;
2. the employer's own site or applicant-tracking system (:data:`EMPLOYER_SOURCES`) before a
   source of unknown kind (``jsonld``, ``rss``, any other), before a job board
   (:data:`BOARD_SOURCES`);
3. a copy posted by the employer before one posted by an agency;
4. the copy seen most recently; then the oldest copy (lowest sighting id).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import Connection, text

# Spiders that read an employer's own careers site or applicant-tracking system.
EMPLOYER_SOURCES = ("ashby", "bamboohr", "greenhouse", "join", "lever", "personio", "recruitee",
                    "smartrecruiters", "softgarden", "successfactors", "teamtailor", "workable", "workday")
# Spiders that read job boards, aggregators and public job exchanges.
BOARD_SOURCES = ("arbeitnow", "arbeitsagentur", "glassdoor", "indeed", "linkedin", "monster", "stepstone",
                 "totaljobs", "xing")
SOURCE_KIND_RANKS = {"employer": 1, "other": 2, "board": 3}

# Periods per year used to annualise salaries: a 40-hour week, 5 working days, 52 weeks.
PERIODS_PER_YEAR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}
# Contracts of employees, whose pay annualised at full time is a full-time-equivalent yearly salary.
EMPLOYEE_CONTRACTS = ("permanent", "fixed_term")
# What salaries_yearly.pay_category holds. Only employee_full_time gets fte_yearly_* figures: a
# working student's or intern's hourly pay times 2,080 hours, or a freelancer's day rate times 260
# days, is no salary anyone earns, and part-time pay leaves the hours unknown.
PAY_CATEGORIES = ("employee_full_time", "employee_part_time", "working_student", "internship",
                  "apprenticeship", "freelance", "terms_unknown")

VIEW_NAMES = ("current_postings", "posting_skills_v", "daily_postings", "salaries_yearly")

_DIALECT_EXPRESSIONS = {
    "sqlite": {
        "day": "date({0})",
        "next_day": "date({0}, '+1 day')",
    },
    "postgresql": {
        "day": "CAST(({0} AT TIME ZONE 'UTC') AS DATE)",
        "next_day": "CAST({0} + 1 AS DATE)",
    },
}


def _quoted(names: tuple[str, ...]) -> str:
    return ", ".join(f"'{name}'" for name in names)


def source_kind_sql(column: str) -> str:
    """SQL giving ``employer``, ``board`` or ``other`` for a source name in ``column``."""
    return (f"CASE WHEN {column} IN ({_quoted(EMPLOYER_SOURCES)}) THEN 'employer' "
            f"WHEN {column} IN ({_quoted(BOARD_SOURCES)}) THEN 'board' ELSE 'other' END")


def _source_rank_sql(column: str) -> str:
    return (f"CASE WHEN {column} IN ({_quoted(EMPLOYER_SOURCES)}) THEN {SOURCE_KIND_RANKS['employer']} "
            f"WHEN {column} IN ({_quoted(BOARD_SOURCES)}) THEN {SOURCE_KIND_RANKS['board']} "
            f"ELSE {SOURCE_KIND_RANKS['other']} END")


def _current_postings(day) -> str:
    return f"""
CREATE VIEW current_postings AS
WITH ranked_sightings AS (
    SELECT s.posting_id, s.source, s.url,
           ROW_NUMBER() OVER (
               PARTITION BY s.posting_id
               ORDER BY CASE WHEN s.gone_at IS NULL THEN 0 ELSE 1 END,
                        {_source_rank_sql('s.source')},
                        CASE WHEN s.via_agency THEN 1 ELSE 0 END,
                        s.last_seen_at DESC,
                        s.id
           ) AS preference
    FROM sightings s
), copies AS (
    SELECT posting_id, COUNT(DISTINCT source) AS source_count, COUNT(*) AS sighting_count
    FROM sightings
    GROUP BY posting_id
)
SELECT p.id AS posting_id, p.title, p.company, p.via_agency, p.seniority,
       p.city, p.region, p.country, p.workplace_type, p.employment_type, p.contract_type,
       p.salary_min, p.salary_max, p.salary_currency, p.salary_period,
       p.date_posted, p.valid_through, p.first_seen_at, p.last_seen_at,
       {day('p.first_seen_at')} AS first_seen_date,
       p.source, p.url, p.apply_url,
       COALESCE(best.url, p.url) AS best_url,
       COALESCE(best.source, p.source) AS best_source,
       {source_kind_sql('COALESCE(best.source, p.source)')} AS best_source_kind,
       COALESCE(copies.source_count, 0) AS source_count,
       COALESCE(copies.sighting_count, 0) AS sighting_count
FROM postings p
LEFT JOIN ranked_sightings best ON best.posting_id = p.id AND best.preference = 1
LEFT JOIN copies ON copies.posting_id = p.id
WHERE p.status = 'active'
"""


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _esco_skill_uri() -> str:
    """The ESCO skill URI of ``ps.skill`` as a CASE over the skill taxonomy's linked skills (74 of
    877; crawler/parsing/data/skills.json): written into the view when it is created, so a taxonomy
    that links more skills needs the views re-created (a migration, as for any view change)."""
    from crawler.parsing.skills import load_skill_taxonomy  # the taxonomy is read only to write the SQL

    linked = sorted((skill.name, skill.esco_uri) for skill in load_skill_taxonomy() if skill.esco_uri)
    if not linked:
        return "CAST(NULL AS TEXT)"
    branches = "\n".join(f"    WHEN {_sql_string(name)} THEN {_sql_string(uri)}" for name, uri in linked)
    return f"CASE ps.skill\n{branches}\n    ELSE NULL END"


def _posting_skills_v(day, with_esco_uri: bool = True) -> str:
    esco_uri = f"{_esco_skill_uri()} AS esco_skill_uri, " if with_esco_uri else ""
    return f"""
CREATE VIEW posting_skills_v AS
SELECT ps.posting_id, ps.skill, {esco_uri}p.title, p.company, p.seniority,
       p.city, p.region, p.country, p.workplace_type, p.employment_type, p.contract_type,
       p.source, p.status, p.date_posted, p.first_seen_at,
       {day('p.first_seen_at')} AS first_seen_date, p.last_seen_at
FROM posting_skills ps
JOIN postings p ON p.id = ps.posting_id
"""


def _daily_postings(day, next_day) -> str:
    return f"""
CREATE VIEW daily_postings AS
WITH RECURSIVE opened AS (
    SELECT source, {day('first_seen_at')} AS day, COUNT(*) AS postings
    FROM postings
    GROUP BY source, {day('first_seen_at')}
), closed AS (
    SELECT source, {day('closed_at')} AS day, COUNT(*) AS postings
    FROM postings
    WHERE closed_at IS NOT NULL
    GROUP BY source, {day('closed_at')}
), source_start AS (
    SELECT source, MIN(day) AS first_day FROM opened GROUP BY source
), bounds AS (
    SELECT (SELECT MIN(first_day) FROM source_start) AS first_day,
           (SELECT MAX(day) FROM (SELECT {day('last_seen_at')} AS day FROM postings
                                  UNION ALL
                                  SELECT day FROM closed) AS ends) AS last_day
), calendar (day) AS (
    SELECT first_day FROM bounds WHERE first_day IS NOT NULL
    UNION ALL
    SELECT {next_day('calendar.day')} FROM calendar, bounds WHERE calendar.day < bounds.last_day
), grid AS (
    SELECT calendar.day, source_start.source
    FROM calendar JOIN source_start ON calendar.day >= source_start.first_day
)
SELECT grid.day, grid.source,
       COALESCE(opened.postings, 0) AS new_postings,
       COALESCE(closed.postings, 0) AS closed_postings,
       CAST(SUM(COALESCE(opened.postings, 0) - COALESCE(closed.postings, 0))
           OVER (PARTITION BY grid.source ORDER BY grid.day ROWS UNBOUNDED PRECEDING) AS BIGINT) AS active_postings
FROM grid
LEFT JOIN opened ON opened.source = grid.source AND opened.day = grid.day
LEFT JOIN closed ON closed.source = grid.source AND closed.day = grid.day
"""


def _salaries_yearly_0003(day) -> str:
    """``salaries_yearly`` as migration 0003 created it (superseded by migration 0010)."""
    periods = " ".join(f"WHEN '{period}' THEN {count}" for period, count in PERIODS_PER_YEAR.items())
    return f"""
CREATE VIEW salaries_yearly AS
WITH salaried AS (
    SELECT p.id AS posting_id, p.title, p.company, p.seniority,
           p.city, p.region, p.country, p.workplace_type, p.employment_type, p.contract_type,
           p.source, p.status, p.date_posted, p.first_seen_at, {day('p.first_seen_at')} AS first_seen_date,
           p.last_seen_at, p.salary_min, p.salary_max, p.salary_currency, p.salary_period,
           CASE p.salary_period {periods} END AS periods_per_year,
           COALESCE(p.date_posted, {day('p.first_seen_at')}) AS rate_date
    FROM postings p
    WHERE p.salary_min IS NOT NULL OR p.salary_max IS NOT NULL
), rated AS (
    SELECT salaried.*,
           (SELECT MAX(f.valid_from) FROM fx_rates f
            WHERE f.currency = salaried.salary_currency AND f.valid_from <= salaried.rate_date) AS fx_valid_from
    FROM salaried
)
SELECT rated.posting_id, rated.title, rated.company, rated.seniority,
       rated.city, rated.region, rated.country, rated.workplace_type, rated.employment_type,
       rated.contract_type, rated.source, rated.status, rated.date_posted, rated.first_seen_at,
       rated.first_seen_date, rated.last_seen_at, rated.salary_min, rated.salary_max, rated.salary_currency, rated.salary_period,
       rated.periods_per_year,
       rated.salary_min * rated.periods_per_year AS yearly_min,
       rated.salary_max * rated.periods_per_year AS yearly_max,
       rated.rate_date, rated.fx_valid_from, fx.eur_per_unit,
       rated.salary_min * rated.periods_per_year * fx.eur_per_unit AS yearly_min_eur,
       rated.salary_max * rated.periods_per_year * fx.eur_per_unit AS yearly_max_eur,
       (COALESCE(rated.salary_min, rated.salary_max) + COALESCE(rated.salary_max, rated.salary_min)) / 2.0
           * rated.periods_per_year * fx.eur_per_unit AS yearly_mid_eur
FROM rated
LEFT JOIN fx_rates fx ON fx.currency = rated.salary_currency AND fx.valid_from = rated.fx_valid_from
"""


def pay_category_sql(contract: str, employment: str) -> str:
    """SQL giving a posting's pay category (:data:`PAY_CATEGORIES`) from its contract and employment type."""
    return (f"CASE WHEN {contract} IN ('working_student', 'internship', 'apprenticeship', 'freelance') THEN {contract} "
            f"WHEN {contract} IN ({_quoted(EMPLOYEE_CONTRACTS)}) AND {employment} = 'full_time' THEN 'employee_full_time' "
            f"WHEN {contract} IN ({_quoted(EMPLOYEE_CONTRACTS)}) AND {employment} = 'part_time' THEN 'employee_part_time' "
            "ELSE 'terms_unknown' END")


def _salaries_yearly(day) -> str:
    periods = " ".join(f"WHEN '{period}' THEN {count}" for period, count in PERIODS_PER_YEAR.items())
    fte = "CASE WHEN rated.pay_category = 'employee_full_time' THEN {0} END"
    yearly_min_eur = "rated.salary_min * rated.periods_per_year * rated.eur_per_unit"
    yearly_max_eur = "rated.salary_max * rated.periods_per_year * rated.eur_per_unit"
    yearly_mid_eur = ("(COALESCE(rated.salary_min, rated.salary_max) + COALESCE(rated.salary_max, rated.salary_min)) "
                      "/ 2.0 * rated.periods_per_year * rated.eur_per_unit")
    return f"""
CREATE VIEW salaries_yearly AS
WITH salaried AS (
    SELECT p.id AS posting_id, p.title, p.company, p.seniority,
           p.city, p.region, p.country, p.workplace_type, p.employment_type, p.contract_type,
           p.source, p.status, p.date_posted, p.first_seen_at, {day('p.first_seen_at')} AS first_seen_date,
           p.last_seen_at, p.salary_min, p.salary_max, p.salary_currency, p.salary_period,
           CASE p.salary_period {periods} END AS periods_per_year,
           COALESCE(p.date_posted, {day('p.first_seen_at')}) AS rate_date,
           {pay_category_sql('p.contract_type', 'p.employment_type')} AS pay_category
    FROM postings p
    WHERE p.salary_min IS NOT NULL OR p.salary_max IS NOT NULL
), rated AS (
    SELECT salaried.*, fx.valid_from AS fx_valid_from, fx.basis AS fx_basis, fx.eur_per_unit
    FROM salaried
    LEFT JOIN fx_rates fx
      ON fx.currency = salaried.salary_currency
     AND fx.valid_from = (SELECT MAX(f.valid_from) FROM fx_rates f
                          WHERE f.currency = salaried.salary_currency AND f.valid_from <= salaried.rate_date)
     AND (fx.valid_through IS NULL OR fx.valid_through >= salaried.rate_date)
)
SELECT rated.posting_id, rated.title, rated.company, rated.seniority,
       rated.city, rated.region, rated.country, rated.workplace_type, rated.employment_type,
       rated.contract_type, rated.source, rated.status, rated.date_posted, rated.first_seen_at,
       rated.first_seen_date, rated.last_seen_at, rated.salary_min, rated.salary_max, rated.salary_currency, rated.salary_period,
       rated.salary_min * rated.eur_per_unit AS salary_min_eur,
       rated.salary_max * rated.eur_per_unit AS salary_max_eur,
       rated.pay_category,
       rated.periods_per_year,
       rated.salary_min * rated.periods_per_year AS yearly_min,
       rated.salary_max * rated.periods_per_year AS yearly_max,
       rated.rate_date, rated.fx_valid_from, rated.fx_basis, rated.eur_per_unit,
       {yearly_min_eur} AS yearly_min_eur,
       {yearly_max_eur} AS yearly_max_eur,
       {yearly_mid_eur} AS yearly_mid_eur,
       {fte.format(yearly_min_eur)} AS fte_yearly_min_eur,
       {fte.format(yearly_max_eur)} AS fte_yearly_max_eur,
       {fte.format(yearly_mid_eur)} AS fte_yearly_mid_eur
FROM rated
"""


def view_statements(dialect: str, as_of: str | None = None) -> dict[str, str]:
    """``CREATE VIEW`` statements by view name, for ``sqlite`` or ``postgresql``; ``as_of`` (a
    revision, "0003") gives the views as that migration created them (a migration must keep
    creating what it did): salaries_yearly changed in 0010, posting_skills_v in 0012."""
    try:
        expressions = _DIALECT_EXPRESSIONS[dialect]
    except KeyError:
        raise ValueError(f"no view SQL for dialect {dialect!r}: jobcrawl supports sqlite and postgresql") from None

    def day(expression: str) -> str:
        return expressions["day"].format(expression)

    def next_day(expression: str) -> str:
        return expressions["next_day"].format(expression)

    return {
        "current_postings": _current_postings(day),
        "posting_skills_v": _posting_skills_v(day, with_esco_uri=as_of is None or as_of >= "0012"),
        "daily_postings": _daily_postings(day, next_day),
        "salaries_yearly": _salaries_yearly_0003(day) if as_of == "0003" else _salaries_yearly(day),
    }


def create_views(connection: Connection, as_of: str | None = None) -> None:
    """Create every view on ``connection`` (its dialect picks the SQL), as of migration ``as_of``
    (default: the newest SQL)."""
    for statement in view_statements(connection.dialect.name, as_of).values():
        connection.execute(text(statement))


def drop_views(connection: Connection) -> None:
    """Drop every view (those that exist)."""
    for name in reversed(VIEW_NAMES):
        connection.execute(text(f"DROP VIEW IF EXISTS {name}"))


@contextmanager
def views_set_aside(connection: Connection) -> Iterator[None]:
    """Drop the views, run the block (e.g. a batch table rebuild), then create them again."""
    drop_views(connection)
    yield
    create_views(connection)
