"""The ``jobcrawl`` command line."""

from __future__ import annotations

import json
import re
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from crawler.errors import JobcrawlError
from crawler.cli_checks import register as register_spider_list
from crawler.operations.commands import register as register_operations

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _shown(value) -> str:
    """Stored or user-given text for the terminal: markup escaped, control characters dropped."""
    return escape(_CONTROL_CHARACTERS.sub("", str(value or "")))


def _hide_flag_types() -> None:
    """Typer 0.29 shows the type ``<bool>`` beside every flag (--help, --yes, --rebuild) in help
    output, where it says nothing a user can type; show no type for flags instead."""
    from typer.core import TyperOption

    shown_type = TyperOption.display_type_rich
    if getattr(shown_type, "hides_flags", False):
        return

    def display_type_rich(self, ctx):
        return None if self.is_flag else shown_type(self, ctx)

    display_type_rich.hides_flags = True
    TyperOption.display_type_rich = display_type_rich


_hide_flag_types()
# Markdown mode joins a docstring's wrapped lines into paragraphs (rich mode keeps every line break).
app = typer.Typer(help="Crawl job ads into a database and export them.", no_args_is_help=True,
                  rich_markup_mode="markdown", pretty_exceptions_enable=False)
db_app = typer.Typer(help="Database migrations.", no_args_is_help=True, rich_markup_mode="markdown")
app.add_typer(db_app, name="db")
console = Console()
err_console = Console(stderr=True)
DatabaseOption = typer.Option(None, "--database", help="Database URL (default: JOBCRAWL_DATABASE_URL or sqlite:///jobcrawl.db).")


def _pairs(values: list[str], flag: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        if "=" not in value:
            raise typer.BadParameter(f"{flag} expects NAME=VALUE, got {value!r}")
        name, _, setting = value.partition("=")
        pairs[name.strip()] = setting
    return pairs


@app.command()
def crawl(
    spider: str = typer.Argument(..., help="Spider name, e.g. jsonld."),
    argument: list[str] = typer.Option([], "-a", help="Spider argument NAME=VALUE (repeatable)."),
    setting: list[str] = typer.Option([], "-s", help="Scrapy setting NAME=VALUE (repeatable)."),
    database: Optional[str] = DatabaseOption,
) -> None:
    """Run one crawl; exits non-zero when the run failed or was degraded."""
    from crawler.cli_checks import (CommandLineProblem, invalid_argument_values, invalid_setting_values,
                                    unknown_arguments, unknown_spider)
    from crawler.runner import run_crawl

    arguments = _pairs(argument, "-a")
    overrides = _pairs(setting, "-s")
    # Before Scrapy starts: names first, then values (missing, not a URL, not a number).
    problem = (unknown_spider(spider) or unknown_arguments(spider, arguments) or invalid_argument_values(spider, arguments)
               or invalid_setting_values(overrides))
    if problem:
        raise CommandLineProblem(problem)
    if database:
        overrides["JOBCRAWL_DATABASE_URL"] = database
    from crawler.extensions import run_counts
    from models.database import check_database_url

    check_database_url(overrides.get("JOBCRAWL_DATABASE_URL"))  # a bad URL: one line, nothing fetched
    stats = run_crawl(spider, arguments, overrides)
    status = stats.get("jobcrawl/run_status", "unknown")
    counts = run_counts(stats)  # the numbers crawl_runs, `jobcrawl runs` and the scheduler show
    console.print(f"crawl {spider}: {status} — {counts['items']} postings, {counts['new_postings']} new, "
                  f"{counts['updated_postings']} updated, {counts['rejected']} rejected, {counts['errors']} errors")
    if stats.get("jobcrawl/run_reason"):
        console.print(f"reason: {_shown(stats['jobcrawl/run_reason'])}", soft_wrap=True)
    if status != "succeeded":
        raise typer.Exit(1)


@db_app.command("upgrade")
def db_upgrade(revision: str = typer.Argument("head"), database: Optional[str] = DatabaseOption) -> None:
    """Migrate the database up to REVISION (default: the newest)."""
    from crawler.cli_checks import database_problem
    from models.database import masked_url, database_url, upgrade

    try:
        upgrade(database, revision)
    except Exception as error:
        problem = database_problem(error, database or "")
        if problem is None:
            raise
        raise problem from None
    console.print(f"database {masked_url(database_url(database))} is at {revision}")


@db_app.command("downgrade")
def db_downgrade(revision: str = typer.Argument(...),
                 yes: bool = typer.Option(False, "--yes", help="Confirm that the data the downgrade drops may go."),
                 database: Optional[str] = DatabaseOption) -> None:
    """Migrate the database down to REVISION (base removes every table).

    A downgrade that drops tables or columns holding data needs --yes; without it nothing is
    changed and the command says what would be dropped.
    """
    from models.database import database_url, downgrade, downgrade_losses, masked_url

    losses = [loss for loss in downgrade_losses(database, revision) if loss.rows]
    if losses and not yes:
        console.print(f"refused: downgrading to {_shown(revision)} would drop "
                      f"{', '.join(_shown(loss) for loss in losses)} — add --yes to drop them", soft_wrap=True)
        raise typer.Exit(2)
    downgrade(database, revision)
    dropped = f" (dropped {', '.join(_shown(loss) for loss in losses)})" if losses else ""
    console.print(f"database {masked_url(database_url(database))} is at {_shown(revision)}{dropped}", soft_wrap=True)


@db_app.command("check")
def db_check(database: Optional[str] = DatabaseOption) -> None:
    """Fail when the models and the migrations disagree (like alembic check)."""
    from alembic import command

    from models.database import alembic_config

    command.check(alembic_config(database))


@db_app.command("replay")
def db_replay(path: Path = typer.Argument(..., exists=True, dir_okay=False, help="Spill file written by a failed crawl."),
              database: Optional[str] = DatabaseOption) -> None:
    """Load a spill file (items a crawl could not store) into the database; safe to repeat."""
    from crawler.parsing.posting import PARSER_VERSION
    from models.database import get_engine, upgrade
    from sqlalchemy import select

    from crawler.store.posting_store import PostingStore
    from crawler.store.spill import SpillDamage, read_spill
    from models.tables import RejectedItem

    upgrade(database)
    store = PostingStore(get_engine(database), parser_version=PARSER_VERSION)
    totals = {"new": 0, "updated": 0, "unchanged": 0, "matched": 0, "rejected": 0}
    engine = get_engine(database)
    damaged: list[SpillDamage] = []  # every intact record is replayed; the damaged ones are named below
    for postings, rejections in read_spill(path, damaged=damaged):
        with engine.connect() as connection:
            known = set(connection.execute(select(RejectedItem.source, RejectedItem.url, RejectedItem.reason)
                                           .where(RejectedItem.url.in_([r.get("url") for r in rejections]))).all())
        rejections = [r for r in rejections if (r["source"], r.get("url"), r["reason"]) not in known]
        result = store.write(postings, rejections)
        totals["new"] += result.new_postings
        totals["updated"] += result.updated_postings
        totals["unchanged"] += result.unchanged
        totals["matched"] += result.matched
        totals["rejected"] += result.rejected
    from crawler.store.spill import close_spilled_runs, read_run_ends

    totals["runs closed"] = close_spilled_runs(engine, read_run_ends(path))
    console.print(f"replayed {path}: " + ", ".join(f"{count} {name}" for name, count in totals.items()))
    for damage in damaged:
        err_console.print(f"{path}:{damage.line}: damaged record not replayed: {damage.problem}", markup=False,
                          highlight=False, soft_wrap=True)
    if damaged:
        err_console.print(f"{len(damaged)} damaged records in {path} were not replayed (see above)",
                          markup=False, highlight=False)
        raise typer.Exit(1)


@app.command()
def export(
    format: str = typer.Option(..., "--format", help="csv, parquet or jsonl."),
    out: Path = typer.Option(..., "--out", help="File to write (a folder with --partition)."),
    since: Optional[str] = typer.Option(None, "--since", help="Rows last seen on or after this day (UTC): "
                                        "YYYY-MM-DD, today, yesterday or Nd (N days ago)."),
    until: Optional[str] = typer.Option(None, "--until", help="Rows first seen on or before this day (UTC): "
                                        "YYYY-MM-DD, today, yesterday or Nd."),
    source: Optional[str] = typer.Option(None, "--source", help="Only rows of this source (postings: the spider that first found them)."),
    status: Optional[str] = typer.Option(None, "--status", help="Only postings of this status: active or closed."),
    country: Optional[str] = typer.Option(None, "--country", help="Only postings in this country (ISO code, e.g. DE)."),
    skill: Optional[str] = typer.Option(None, "--skill", help="Only postings asking for this skill (case-insensitive)."),
    view: Optional[str] = typer.Option(None, "--view", help="Export a view instead of postings: current_postings, "
                                       "posting_skills_v, daily_postings or salaries_yearly."),
    partition: bool = typer.Option(False, "--partition", help="Parquet only: hive-style folders by day and source."),
    excel: bool = typer.Option(False, "--excel", help="CSV only: UTF-8 with a byte-order mark, for Excel."),
    delimiter: Optional[str] = typer.Option(None, "--delimiter", help="CSV only: the character between cells, "
                                            "',' by default; ';' for Excel in German, 'tab' for tab-separated."),
    table: str = typer.Option("postings", "--table", help="The table to export: postings (one row per job) or "
                              "sightings (one row per copy of a job at a source)."),
    batch_size: int = typer.Option(2_000, "--batch-size", min=1, help="Rows read and written at a time."),
    database: Optional[str] = DatabaseOption,
) -> None:
    """Export postings (or sightings, or a view) to CSV, Parquet or JSON Lines, with a data dictionary beside it."""
    from crawler.cli_checks import CommandLineProblem, existing_database, relative_day, writable_output
    from crawler.export import ExportFilter, export as export_rows

    export_filter = ExportFilter(since=relative_day(since) if since else None,
                                 until=relative_day(until) if until else None,
                                 source=source, status=status, country=country, skill=skill)
    writable_output(out, folder=partition)
    try:
        result = export_rows(existing_database(database), format, out, export_filter, batch_size=batch_size, view=view,
                             partition=partition, excel=excel, delimiter=delimiter, table=table)
    except OSError as error:
        raise CommandLineProblem(f"cannot write {out}: {error.strerror or error}") from None
    console.print(f"wrote {result.rows} rows to {out} (data dictionary: {result.dictionary})")


@app.command()
def report(out: Path = typer.Option(Path("report.html"), "--out", help="HTML file to write."),
           since: Optional[str] = typer.Option(None, "--since", help="Postings last seen on or after this day (UTC): "
                                               "YYYY-MM-DD, today, yesterday or Nd."),
           until: Optional[str] = typer.Option(None, "--until", help="Postings first seen on or before this day (UTC)."),
           source: Optional[str] = typer.Option(None, "--source", help="Only postings of this source."),
           country: Optional[str] = typer.Option(None, "--country", help="Only postings in this country (ISO code, e.g. DE)."),
           database: Optional[str] = DatabaseOption) -> None:
    """Write one self-contained HTML report of the postings, with filters.

    Trends by publication and first-seen day, regions, agency share, salary transparency,
    seniority and contract mix, full-time-equivalent salaries, cross-posting, occupations
    (ISCO-08), skills and skill trends, employers, data quality."""
    from crawler.analytics.export_source import ExportFilter
    from crawler.analytics.report import write_report
    from crawler.cli_checks import CommandLineProblem, existing_database, relative_day, writable_output
    from models.database import database_url, masked_url

    report_filter = ExportFilter(since=relative_day(since) if since else None,
                                 until=relative_day(until) if until else None, source=source, country=country)
    writable_output(out)
    try:
        path = write_report(existing_database(database), out, masked_url(database_url(database)),
                            report_filter=report_filter)
    except OSError as error:
        raise CommandLineProblem(f"cannot write {out}: {error.strerror or error}") from None
    console.print(f"wrote the report to {path}")


def _json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


@app.command()
def parse(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="Saved HTML page or plain-text ad."),
    url: Optional[str] = typer.Option(None, "--url", help="The ad's URL."),
    crawled_at: Optional[str] = typer.Option(None, "--crawled-at", help="ISO 8601 time the ad was fetched (resolves relative dates)."),
) -> None:
    """Parse one saved ad offline and print the posting as JSON.

    The JSON has field_sources and field_conflicts beside the fields. A file holding no job ad
    (a PDF, binary data, an empty file, a page without an ad) is refused with one line on stderr
    and exit code 1."""
    from crawler.parsing.posting import NO_JOB_AD, job_ad_missing, parse_document
    from crawler.parsing.readable import decode_ad_bytes, unreadable_ad_reason

    when = datetime.now(timezone.utc)
    if crawled_at:
        try:
            when = datetime.fromisoformat(crawled_at.replace("Z", "+00:00"))
        except ValueError:
            raise typer.BadParameter(f"--crawled-at is not an ISO 8601 time: {crawled_at!r}") from None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
    raw = path.read_bytes()
    refusal = unreadable_ad_reason(raw)
    if refusal:
        _refuse(f"{path}: {refusal}")
    document = decode_ad_bytes(raw)
    posting = parse_document(document, crawled_at=when, url=url)
    if job_ad_missing(posting):
        _refuse(f"{path}: {NO_JOB_AD}")
    posting["source"] = posting.get("source") or "file"
    sys.stdout.write(json.dumps(posting, default=_json_default, ensure_ascii=False, indent=2) + "\n")


def _refuse(message: str) -> None:
    """One line on stderr and a non-zero exit: the file gives no posting."""
    sys.stderr.write(_CONTROL_CHARACTERS.sub("", message) + "\n")
    raise typer.Exit(code=1)


@app.command()
def runs(limit: int = typer.Option(20, min=1, help="How many recent runs."), database: Optional[str] = DatabaseOption) -> None:
    """Recent crawl runs with their counts."""
    from sqlalchemy import select

    from crawler.cli_checks import existing_database
    from models.tables import CrawlRun

    table = Table("id", "spider", "target", "started", "status", "pages", "items", "new", "updated", "rejected", "errors")
    reasons = []
    with existing_database(database).connect() as connection:
        for run in connection.execute(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(limit)):
            table.add_row(str(run.id), _shown(run.spider), _shown(run.target), run.started_at.strftime("%Y-%m-%d %H:%M"),
                          _shown(run.status), str(run.pages), str(run.items), str(run.new_postings),
                          str(run.updated_postings), str(run.rejected), str(run.errors))
            if run.reason:
                reasons.append(f"run {run.id} {_shown(run.status)}: {_shown(run.reason)}")
    console.print(table)
    for reason in reasons:  # in full below the table: reasons are long and must not be cut
        console.print(reason, soft_wrap=True)


@app.command()
def reparse(
    since: Optional[datetime] = typer.Option(None, "--since", formats=["%Y-%m-%d"], help="Only copies seen on or after this date."),
    source: Optional[str] = typer.Option(None, "--source", help="Only copies from this spider."),
    database: Optional[str] = DatabaseOption,
) -> None:
    """Re-run the current parser over the raw archive (no network) and update postings."""
    from crawler.cli_checks import existing_database
    from crawler.reparse import reparse as run_reparse
    from models.database import get_engine, upgrade

    existing_database(database)  # re-reads what a crawl archived: a missing database is a mistyped URL
    upgrade(database)
    result = run_reparse(get_engine(database), since=since.date() if since else None, source=source)
    console.print(f"re-parsed {result.read} archived copies: {result.updated} postings updated, "
                  f"{result.unchanged} unchanged, {result.skipped} skipped, {result.rejected} rejected")


@app.command()
def dedupe(
    rebuild: bool = typer.Option(False, "--rebuild", help="Recompute all clusters from the sightings."),
    database: Optional[str] = DatabaseOption,
) -> None:
    """Deduplication maintenance: --rebuild re-clusters every sighting with the current rules."""
    from crawler.dedupe.rebuild import rebuild_clusters
    from models.database import get_engine, upgrade

    from crawler.cli_checks import existing_database

    if not rebuild:
        raise typer.BadParameter("nothing to do: pass --rebuild")
    existing_database(database)
    upgrade(database)
    result = rebuild_clusters(get_engine(database))
    console.print(f"{result.sightings} sightings in {result.clusters} clusters: {result.moved} moved, "
                  f"{result.postings_created} postings created, {result.postings_deleted} deleted")


@app.command("serve-sample")
def serve_sample(port: int = typer.Option(8088, min=1, max=65535, help="Port on 127.0.0.1.")) -> None:
    """Serve the bundled sample job board on 127.0.0.1 until Ctrl-C."""
    from crawler.cli_checks import CommandLineProblem
    from crawler.sample_board.server import serve

    try:
        board = serve(port=port)  # binds the port
    except OSError as error:
        raise CommandLineProblem(f"cannot serve on 127.0.0.1:{port}: {error.strerror or error}") from None
    with board as server:
        console.print(f"sample board at {server.url}/ (sitemap {server.url}/sitemap.xml); Ctrl-C stops it")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


@app.command()
def demo(out: Path = typer.Option(Path("demo/exports"), help="Folder for the exports."),
         database: Optional[str] = typer.Option(None, "--database", help="Database URL (default: a fresh "
                                                "demo/jobcrawl.db; JOBCRAWL_DATABASE_URL is not used).")) -> None:
    """Serve the sample board, crawl it into demo/jobcrawl.db, export CSV and Parquet to demo/exports, print a summary."""
    from crawler.demo import run_demo

    run_demo(out, database, console)


register_operations(app)
register_spider_list(app)


def main() -> None:
    """Entry point of the ``jobcrawl`` console script."""
    try:
        app()
    except JobcrawlError as error:
        console.print(f"[red]error:[/red] {_shown(error)}", soft_wrap=True)
        sys.exit(2)
    except Exception as error:
        from crawler.cli_checks import database_problem

        problem = database_problem(error)  # a database that cannot be opened or reached: not a bug
        if problem is None:
            raise
        console.print(f"[red]error:[/red] {_shown(problem)}", soft_wrap=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
