"""``jobcrawl report``: one self-contained HTML page of charts and data-quality figures.

The page has inline CSS and inline SVG charts (:mod:`crawler.analytics.svg_charts`), no script and
no external resource; its Content-Security-Policy forbids scripts and network loads, so even text
that slipped through unescaped could not run. Every text that comes from ads or crawls (titles,
employers, cities, reasons) is escaped with :func:`html.escape`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape
from pathlib import Path

from sqlalchemy import Engine

from crawler.analytics.export_filter_checks import check_filter
from crawler.analytics.export_source import POSTINGS, ExportFilter
from crawler.analytics.report_cross_posting import render_cross_posting
from crawler.analytics.report_data import ReportData, collect_report_data
from crawler.analytics.report_html import card, pair, section, share
from crawler.analytics.report_occupations import render_occupations
from crawler.analytics.report_skill_trends import render_skill_trends
from crawler.analytics.svg_charts import bar_chart, box_plot, donut_chart, line_chart, number_label

CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
body { font-family: system-ui, sans-serif; margin: 0; background: #f5f6f8; color: #1d232b; }
header { background: #1d3557; color: #fff; padding: 18px 32px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
main { padding: 16px 32px 40px; max-width: 1400px; }
section { background: #fff; border-radius: 8px; padding: 14px 20px; margin: 14px 0;
          box-shadow: 0 1px 3px rgba(0,0,0,.08); }
section h2 { font-size: 17px; margin: 2px 0 10px; }
.cards { display: flex; gap: 14px; flex-wrap: wrap; }
.card { background: #fff; border-radius: 8px; padding: 12px 18px; min-width: 130px;
        box-shadow: 0 1px 3px rgba(0,0,0,.08); }
.card b { display: block; font-size: 26px; }
.pair { display: flex; gap: 14px; flex-wrap: wrap; }
.pair section { flex: 1 1 560px; min-width: 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #e6e8eb; vertical-align: top; }
.status { border-radius: 10px; padding: 1px 8px; font-size: 12px; color: #fff; background: #6f7b87; }
.status-succeeded { background: #3a9a5b; } .status-degraded { background: #d08a1f; }
.status-failed { background: #c4463a; } .status-running { background: #2f6db5; }
.note { color: #5b6670; font-size: 13px; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
svg.chart { max-width: 100%; height: auto; display: block; }
"""


def _link(url: str | None, label: str) -> str:
    if url and url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url, quote=True)}">{escape(label)}</a>'
    return escape(label)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else escape(str(moment or ""))


def _newest_table(data: ReportData) -> str:
    rows = "".join(
        f"<tr><td>{_link(row['best_url'], row['title'])}</td><td>{escape(row['company'] or '')}</td>"
        f"<td>{escape(row['city'] or '')}</td><td>{escape(row['country'] or '')}</td>"
        f"<td>{escape(row['best_source'] or '')}</td><td>{row['source_count']}</td>"
        f"<td>{escape(str(row['first_seen_at'])[:16])}</td></tr>" for row in data.newest)
    return ("<table><tr><th>title</th><th>employer</th><th>city</th><th>country</th><th>best source</th>"
            f"<th>sources</th><th>first seen (UTC)</th></tr>{rows}</table>")


def _runs_table(data: ReportData) -> str:
    rows = "".join(
        f"<tr><td>{run.id}</td><td>{escape(run.spider)}</td><td>{_when(run.started_at)}</td>"
        f"<td>{_when(run.finished_at)}</td>"
        f'<td><span class="status status-{escape(run.status)}">{escape(run.status)}</span></td>'
        f"<td>{run.items}</td><td>{run.new_postings}</td><td>{run.rejected}</td><td>{run.errors}</td>"
        f"<td>{escape(run.reason or '')}</td></tr>" for run in data.runs)
    return ("<table><tr><th>run</th><th>spider</th><th>started (UTC)</th><th>finished</th><th>status</th>"
            f"<th>items</th><th>new</th><th>rejected</th><th>errors</th><th>reason</th></tr>{rows}</table>")


def _filter_line(report_filter: ExportFilter | None) -> str:
    """The filter in words, for the header: ``seen 2026-11-01 – 2026-11-30 · source jsonld · country DE``."""
    if report_filter is None:
        return "all postings"
    parts = []
    if report_filter.since or report_filter.until:
        parts.append(f"seen {report_filter.since or '…'} – {report_filter.until or '…'}")
    parts += [f"{name} {value}" for name, value in (("source", report_filter.source),
                                                     ("country", report_filter.country)) if value]
    return " · ".join(parts) or "all postings"


def _market_sections(data: ReportData) -> list[str]:
    trend = {"published (date_posted)": data.published_per_day, "first seen by jobcrawl": data.first_seen_per_day}
    stated = dict(data.salary_shares).get("salary stated", 0)
    excluded = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in data.pay_categories
                         if name != "employee_full_time")
    return [
        section("Postings by day of publication and of first sighting",
                line_chart(trend, "Postings per day by publication and first-seen date", y_title="postings per day"),
                f"Published: the ad's own date_posted; first seen: the day jobcrawl first found it (a first crawl "
                f"puts every posting on one day). {number_label(data.without_date_posted)} postings state no "
                "publication date and are only in the first-seen series."),
        section("Open postings per day",
                line_chart({"open at the end of the day": data.active_per_day}, "Open postings per day",
                           y_title="open postings"),
                "Postings first seen on or before the day and not closed by its end."),
        pair(section("Regions (state / Bundesland)", bar_chart(data.regions, "Postings by region", unit="postings"),
                     f"{number_label(data.without_region)} postings name no region."),
             section("Seniority mix", bar_chart(data.seniority_mix, "Postings by seniority", unit="postings"))),
        pair(section("Contract mix", bar_chart(data.contract_mix, "Postings by contract type", unit="postings")),
             section("Agency share", donut_chart(data.agency_shares, "Employer or agency share"),
                     "Posted by the employer or by a recruitment agency for a client (via_agency).")),
        pair(section("Salary transparency", donut_chart(data.salary_shares, "Salary transparency"),
                     f"{share(stated, data.postings)} of postings state a salary figure."),
             section("Salary transparency by source",
                     bar_chart(data.salary_share_by_source, "Share of postings with a salary by source",
                               value_format=lambda value: f"{value:.0f}%", maximum=100,
                               unit="% of the source's postings"))),
        section("Yearly salary by seniority (EUR, full-time equivalent)",
                box_plot(data.salaries_by_seniority, "Full-time-equivalent yearly salary in EUR by seniority",
                         x_title="EUR per year (full-time equivalent)"),
                "Employees working full time only (permanent or fixed-term, full time; view salaries_yearly, "
                "fte_yearly_mid_eur): midpoint of the advertised range, annualised and converted with the ECB rate "
                f"of its date. Not annualised and left out: {excluded or 'none'}. Box: quartiles, line: median, "
                "whiskers: lowest and highest."),
    ]


def render_report(data: ReportData, generated_at: datetime, database: str = "",
                  report_filter: ExportFilter | None = None) -> str:
    """The report page for ``data`` (collected within ``report_filter``)."""
    last_run = data.runs[0] if data.runs else None
    cards = "".join([
        card("postings", number_label(data.postings)), card("active postings", number_label(data.active)),
        card("sources", number_label(data.sources)),
        card("active at 2+ sources", f"{number_label(data.cross_posted)} ({share(data.cross_posted, data.active)})"),
        card("state a salary", share(dict(data.salary_shares).get("salary stated", 0), data.postings)),
        card("via an agency", share(dict(data.agency_shares).get("via a recruitment agency", 0), data.postings)),
        card("last run", f"{last_run.spider} · {last_run.status}" if last_run else "none"),
    ])
    sections = [
        f'<div class="cards">{cards}</div>',
        *_market_sections(data),
        render_cross_posting(data.cross_posting),
        render_occupations(data.occupations),
        pair(section("Top skills in active postings", bar_chart(data.top_skills, "Top skills", unit="active postings")),
             section("Workplace type of active postings", donut_chart(data.workplace_shares, "Workplace type share"))),
        render_skill_trends(data.skill_trends),
        pair(section("Top employers (active postings)",
                     bar_chart(data.top_employers, "Top employers", unit="active postings")),
             section("Top cities (active postings)", bar_chart(data.top_cities, "Top cities", unit="active postings"))),
        section("Newest active postings", _newest_table(data)),
        pair(section("Data quality: fill rate per field",
                     bar_chart([(name, rate * 100) for name, rate in data.fill_rates], "Fill rate per field (%)",
                               value_format=lambda value: f"{value:.0f}%", maximum=100, bar_color="#3a9a5b",
                               unit="% of postings with a value"),
                     "Share of all postings with a value (lists: at least one item)."),
             section("Data quality: rejected items by reason",
                     bar_chart(data.rejections, "Rejected items by reason", bar_color="#c4463a", unit="rejected items"),
                     "Reasons grouped by their text before the first colon.")),
        section("Last crawl runs", _runs_table(data)),
    ]
    subtitle = (f"generated {generated_at.strftime('%Y-%m-%d %H:%M UTC')}" + (f" from {database}" if database else "")
                + f" · {_filter_line(report_filter)}")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'
        f"<title>jobcrawl report</title><style>{STYLE}</style></head><body>"
        f"<header><h1>jobcrawl report</h1><div>{escape(subtitle)}</div></header>"
        f"<main>{''.join(sections)}</main></body></html>\n"
    )


def write_report(engine: Engine, out: Path, database: str = "", now: datetime | None = None,
                 report_filter: ExportFilter | None = None) -> Path:
    """Collect the figures from ``engine`` within ``report_filter`` (filter values checked as the
    export checks them) and write the report page to ``out``."""
    if report_filter is not None:
        check_filter(engine, POSTINGS, report_filter)
    data = collect_report_data(engine, report_filter)
    html = render_report(data, now or datetime.now(timezone.utc), database, report_filter)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out
