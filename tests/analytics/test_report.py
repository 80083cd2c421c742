"""``jobcrawl report``: figures from both databases, escaped ad text, and a real render in headless
Chromium (started by the test) without console errors, with its charts drawn."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import insert

from crawler.analytics.export_source import ExportFilter
from crawler.analytics.report import render_report, write_report
from crawler.analytics.report_data import ReportData, RunSummary, collect_report_data, rejection_category
from crawler.analytics.report_occupations import isco_group_labels
from models.database import get_engine
from models.tables import CrawlRun, RejectedItem
from tests.analytics.chromium import Chromium
from tests.analytics.conftest import posting_row, utc
from tests.support.crawl import postings, rejections
from tests.test_cli_guidance import jobcrawl, one_line

HOSTILE_TITLE = '<script>window.__pwned = 1; console.error("xss")</script>Data Engineer'
HOSTILE_COMPANY = '<img src=x onerror="window.__pwned = 1">Evil & Sons'
CHART_FACTS = """(() => {
  const charts = [...document.querySelectorAll('svg.chart')].map(chart => {
    const box = chart.getBoundingClientRect();
    return {label: chart.getAttribute('aria-label'), marks: chart.querySelectorAll('.mark').length,
            empty: chart.querySelector('.empty') !== null, width: box.width, height: box.height};
  });
  return {charts, scripts: document.scripts.length, images: document.images.length,
          pwned: window.__pwned === 1, text: document.body.innerText};
})()"""
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("reason, category", [
    ("no valid JobPosting: JSON-LD block 1 is not valid JSON: Expecting ',' delimiter", "no valid JobPosting"),
    ("missing title", "missing title"),
    ("undecodable page: binary content served as text", "undecodable page"),
    (": odd", ": odd"),
])
def test_rejection_reasons_are_grouped_by_their_head(reason, category):
    assert rejection_category(reason) == category


def test_render_escapes_every_text_from_ads_and_crawls():
    data = ReportData(
        postings=1, active=1, sources=1,
        top_employers=[(HOSTILE_COMPANY, 1)], top_cities=[("<b>Köln</b>", 1)], top_skills=[("C++ & <Go>", 1)],
        workplace_shares=[("<i>hybrid</i>", 1)], rejections=[("<script>bad</script>", 2)],
        newest=[{"title": HOSTILE_TITLE, "company": HOSTILE_COMPANY, "city": "Köln", "country": "DE",
                 "best_url": 'javascript:alert(1)', "best_source": "jsonld", "source_count": 1,
                 "first_seen_at": NOW}],
        runs=[RunSummary(1, "<svg onload=x>", NOW, NOW, "failed", 0, 0, 0, 1, "<script>reason</script>")],
    )
    html = render_report(data, NOW)
    for markup in ("<script", "<img", "<b>Köln", "<i>hybrid", "<Go>", "<svg onload"):
        assert markup not in html, markup
    assert "&lt;script&gt;window.__pwned = 1;" in html and "Evil &amp; Sons" in html
    assert "javascript:" not in html  # only http(s) links are made


def test_report_figures_agree_with_the_database(crawled_sample):
    data = collect_report_data(get_engine(crawled_sample))
    stored = postings(crawled_sample)
    active = [posting for posting in stored if posting.status == "active"]
    assert (data.postings, data.active, data.sources) == (len(stored), len(active), 1)
    cities = Counter(posting.city for posting in active if posting.city)
    assert data.top_cities == sorted(cities.items(), key=lambda item: (-item[1], item[0]))[:15]
    employers = Counter(posting.company for posting in active if posting.company)
    assert data.top_employers == sorted(employers.items(), key=lambda item: (-item[1], item[0]))[:15]
    assert sum(count for _kind, count in data.workplace_shares) == len(active)
    assert data.rejections == sorted(Counter(rejection_category(row.reason) for row in rejections(crawled_sample))
                                     .items(), key=lambda item: (-item[1], item[0]))
    assert [run.status for run in data.runs] == ["succeeded"]
    assert data.active_per_day[-1][1] == len(active)
    assert sum(count for _day, count in data.first_seen_per_day) == len(stored)
    assert sum(count for _day, count in data.published_per_day) + data.without_date_posted == len(stored)
    assert dict(data.salary_shares)["salary stated"] == sum(
        posting.salary_min is not None or posting.salary_max is not None for posting in stored)
    assert dict(data.fill_rates)["title"] == 1.0 and 0 < dict(data.fill_rates)["skills"] <= 1
    assert {name for name, _values in data.salaries_by_seniority} <= {
        "intern", "junior", "mid", "senior", "lead", "executive", "unknown"}


def test_the_sample_report_renders_in_chromium_with_its_charts(crawled_sample, tmp_path):
    page = write_report(get_engine(crawled_sample), tmp_path / "report.html", "sample board", now=NOW)
    screenshot = tmp_path / "report.png"  # benchmarks/results/report.png is the demo's: tests/test_demo_sources.py
    with Chromium(tmp_path / "profile") as browser:
        visit = browser.visit(page.as_uri(), CHART_FACTS, screenshot=screenshot)
    assert visit.errors == []
    charts = visit.values["charts"]
    assert [chart["label"] for chart in charts] == [
        "Postings per day by publication and first-seen date", "Open postings per day", "Postings by region",
        "Postings by seniority", "Postings by contract type", "Employer or agency share", "Salary transparency",
        "Share of postings with a salary by source", "Full-time-equivalent yearly salary in EUR by seniority",
        "Postings by number of sources", "Employer originals and agency copies",  # one source: no pairs to draw
        "Postings by ISCO-08 major group", "Top ISCO-08 unit groups",
        "Top skills", "Workplace type share", "Share of postings naming each top skill by week of publication",
        "Top employers", "Top cities", "Fill rate per field (%)", "Rejected items by reason"]
    for chart in charts:
        assert chart["width"] > 200 and chart["height"] > 50, chart
        assert chart["marks"] > 0 and not chart["empty"], chart
    assert visit.values["scripts"] == 0
    text = visit.values["text"]
    for axis in ("postings per day", "day (UTC)", "EUR per year (full-time equivalent)", "% of postings with a value",
                 "% of the week's postings", "week of date_posted (weeks start on Monday)"):
        assert axis in text, axis  # axes say their unit
    data = collect_report_data(get_engine(crawled_sample))
    occupations, cross = data.occupations, data.cross_posting
    assert f"{occupations.coded} postings with an ISCO-08 code" in text
    top_unit, top_count = occupations.unit_groups[0]
    assert f"{top_unit}\t{isco_group_labels()[top_unit]}\t{top_count}" in text  # the unit-group table row
    assert f"postings with sightings\n{cross.postings}" in text
    assert "No posting was seen at two sources in this selection." in text
    top_skill = data.skill_trends.skills[0]
    assert f"{top_skill[0]}\t{top_skill[1]}\t" in text  # the skill-trend table row
    assert screenshot.stat().st_size > 20_000


def test_ad_text_arrives_escaped_in_the_browser(rows, tmp_path):
    rows.postings(posting_row(1, title=HOSTILE_TITLE, company=HOSTILE_COMPANY, city="<b>Köln</b>",
                              url="https://example.de/jobs/1?a=1&b=<2>", salary_min=50_000, salary_max=60_000,
                              salary_currency="EUR", salary_period="year", seniority="senior"))
    rows.sighting(1, "jsonld", "https://example.de/jobs/1?a=1&b=<2>")
    rows.skills(1, "<script>skill</script>")
    with rows.engine.begin() as connection:
        run_id = connection.execute(insert(CrawlRun).returning(CrawlRun.id), [{
            "spider": "jsonld", "arguments": {}, "started_at": utc(2026, 3, 1), "finished_at": utc(2026, 3, 1, 10),
            "status": "failed", "reason": "<script>console.error('run')</script>", "pages": 1, "items": 1,
            "new_postings": 1, "updated_postings": 0, "rejected": 1, "errors": 1, "listing_complete": False,
            "stats": {}}]).scalar_one()
        connection.execute(insert(RejectedItem), [{
            "crawl_run_id": run_id, "source": "jsonld", "url": "https://example.de/bad",
            "reason": "<img src=x onerror=alert(1)>: broken", "payload": None, "rejected_at": utc(2026, 3, 1)}])
    page = write_report(rows.engine, tmp_path / "report.html", now=NOW)
    with Chromium(tmp_path / "profile") as browser:
        visit = browser.visit(page.as_uri(), CHART_FACTS)
    assert visit.errors == []
    assert (visit.values["scripts"], visit.values["images"], visit.values["pwned"]) == (0, 0, False)
    text = visit.values["text"]
    assert HOSTILE_TITLE in text and "Evil & Sons" in text and "<script>console.error('run')</script>" in text


def test_the_console_error_check_catches_errors(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html><body><script>console.error("boom");'
                    'setTimeout(() => { throw new Error("kaboom"); }, 10);</script></body></html>', encoding="utf-8")
    with Chromium(tmp_path / "profile") as browser:
        visit = browser.visit(page.as_uri(), "({})")
    assert any("boom" in error for error in visit.errors)
    assert any("kaboom" in error for error in visit.errors)


def _report_rows(rows) -> None:
    """Six postings in two countries, two sources, dated and salaried differently."""
    rows.postings(
        posting_row(1, country="DE", region="Bayern", city="München", seniority="senior", contract_type="permanent",
                    employment_type="full_time", salary_min=70_000, salary_max=80_000, salary_currency="EUR",
                    salary_period="year", date_posted=utc(2026, 2, 20).date(), seen=utc(2026, 3, 1)),
        posting_row(2, country="DE", region="Bayern", city="Nürnberg", seniority="junior", contract_type="working_student",
                    employment_type="part_time", salary_min=16, salary_max=16, salary_currency="EUR",
                    salary_period="hour", via_agency=True, seen=utc(2026, 3, 1)),
        posting_row(3, country="DE", region="Berlin", city="Berlin", contract_type="freelance", salary_min=800,
                    salary_max=800, salary_currency="EUR", salary_period="day", date_posted=utc(2026, 2, 27).date(),
                    seen=utc(2026, 3, 2), source="greenhouse"),
        posting_row(4, country="DE", region="Hessen", city="Frankfurt am Main", seen=utc(2026, 3, 5),
                    date_posted=utc(2026, 3, 4).date(), status="closed", closed_at=utc(2026, 3, 8)),
        posting_row(5, country="AT", region="Wien", city="Wien", seniority="senior", contract_type="permanent",
                    employment_type="full_time", salary_min=5_000, salary_max=5_000, salary_currency="EUR",
                    salary_period="month", seen=utc(2026, 3, 6)),
        posting_row(6, country="DE", region="Bayern", city="München", seen=utc(2025, 12, 1),
                    date_posted=utc(2025, 11, 30).date()),
    )
    rows.sighting(1, "jsonld")
    rows.sighting(1, "greenhouse")


def test_report_panels_count_what_the_rows_hold(rows):
    _report_rows(rows)
    data = collect_report_data(rows.engine, ExportFilter(since=date(2026, 3, 1), country="DE"))
    assert (data.postings, data.active, data.cross_posted) == (4, 3, 1)  # 5 is in AT, 6 last seen in 2025
    assert data.published_per_day == [(date(2026, 3, 4), 1)]  # 1 and 3 were published before the period
    assert data.first_seen_per_day == [(date(2026, 3, 1), 2), (date(2026, 3, 2), 1), (date(2026, 3, 5), 1)]
    assert data.without_date_posted == 1
    assert data.active_per_day[:2] == [(date(2026, 3, 1), 2), (date(2026, 3, 2), 3)]
    assert data.active_per_day[-1] == (date(2026, 3, 8), 3)  # 4 closed on the 8th
    assert data.regions == [("DE · Bayern", 2), ("DE · Berlin", 1), ("DE · Hessen", 1)]
    assert dict(data.agency_shares) == {"posted by the employer": 3, "via a recruitment agency": 1}
    assert dict(data.salary_shares) == {"salary stated": 3, "no salary": 1}
    assert data.salary_share_by_source == [("greenhouse", 100.0), ("jsonld", pytest.approx(200 / 3))]
    assert data.seniority_mix == [("junior", 1), ("senior", 1), ("unknown", 2)]
    assert data.contract_mix == [("permanent", 1), ("working_student", 1), ("freelance", 1), ("not stated", 1)]
    # Only the full-time employee is annualised: not the working student's 16 EUR/h, not the 800 EUR day rate.
    assert data.salaries_by_seniority == [("senior", [75_000.0])]
    assert dict(data.pay_categories) == {"employee_full_time": 1, "working_student": 1, "freelance": 1}
    whole = collect_report_data(rows.engine)
    assert (whole.postings, whole.published_per_day[0]) == (6, (date(2025, 11, 30), 1))
    assert whole.salaries_by_seniority == [("senior", [75_000.0, 60_000.0])]


def test_report_command_filters_and_refuses_values_no_posting_can_have(rows, tmp_path):
    _report_rows(rows)
    out = tmp_path / "report.html"
    done = jobcrawl("report", "--out", str(out), "--country", "AT", "--since", "2026-03-01", "--database", rows.url)
    assert done.returncode == 0, done.stdout + done.stderr
    html = out.read_text(encoding="utf-8")
    assert "seen 2026-03-01 – … · country AT" in html
    assert "Wien" in html and "München" not in html
    for options, expected in ((["--country", "Austria"], "'Austria' is AT — use --country AT"),
                              (["--source", "jsnld"], "did you mean jsonld?"),
                              (["--since", "2026-03-09", "--until", "2026-03-01"], "is after --until")):
        refused = jobcrawl("report", "--out", str(tmp_path / "no.html"), *options, "--database", rows.url)
        assert refused.returncode == 2 and expected in one_line(refused)
        assert not (tmp_path / "no.html").exists()
