"""The operations commands of ``jobcrawl``: ``schedule``, ``run-due``, ``crawl-all``, ``status``, ``deploy``.

``register(app)`` adds them to the main Typer app. ``python -m crawler.operations.commands …``
runs them on their own.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import typer

from crawler.errors import JobcrawlError

TargetsOption = typer.Option(None, "--targets", help="Targets file (default: JOBCRAWL_TARGETS or crawl.toml).")
DatabaseOption = typer.Option(None, "--database", help="Database URL (default: JOBCRAWL_DATABASE_URL or sqlite:///jobcrawl.db).")
MaxParallelOption = typer.Option(2, "--max-parallel", min=1, help="Crawls at a time (with --scrapyd: per node; set it to the nodes' max_proc).")
LogDirOption = typer.Option(None, "--log-dir", help="Write each crawl's output to DIR/TARGET-TIME.log instead of this terminal.")
ScrapydOption = typer.Option(None, "--scrapyd", help="Dispatch to these Scrapyd nodes instead of local subprocesses: URL[,URL…].")
ProjectOption = typer.Option("jobcrawl", "--project", help="Scrapyd project name.")


def _node_urls(value: str | None) -> list[str]:
    return [url.strip() for url in (value or "").split(",") if url.strip()]


def _prepare(targets: Path | None, database: str | None):
    from crawler.operations.log_format import configure_command_logging
    from crawler.operations.targets import load_targets
    from models.database import upgrade

    configure_command_logging()
    targets_file = load_targets(targets)
    upgrade(database)  # once here, so parallel crawls do not race to migrate a new database
    return targets_file


def _dispatcher(targets_file, scrapyd: str, database, max_parallel: int, poll: float, project: str):
    from crawler.operations.scrapyd import ScrapydDispatcher

    return ScrapydDispatcher(targets_file, _node_urls(scrapyd), database, project=project,
                             slots_per_node=max_parallel, poll_seconds=poll)


def schedule(
    targets: Optional[Path] = TargetsOption,
    database: Optional[str] = DatabaseOption,
    max_parallel: int = MaxParallelOption,
    poll: float = typer.Option(15.0, "--poll", min=0.1, help="Seconds between checks for due targets."),
    log_dir: Optional[Path] = LogDirOption,
    scrapyd: Optional[str] = ScrapydOption,
    project: str = ProjectOption,
) -> None:
    """Run due targets on their schedules until SIGTERM/SIGINT (running crawls then finish and flush)."""
    from crawler.operations.scheduler import CrawlScheduler

    targets_file = _prepare(targets, database)
    if scrapyd:
        raise typer.Exit(_dispatcher(targets_file, scrapyd, database, max_parallel, poll, project).run_forever())
    scheduler = CrawlScheduler(targets_file, database, max_parallel=max_parallel, poll_seconds=poll, log_dir=log_dir)
    raise typer.Exit(scheduler.run_forever())


def run_due(
    targets: Optional[Path] = TargetsOption,
    database: Optional[str] = DatabaseOption,
    max_parallel: int = MaxParallelOption,
    log_dir: Optional[Path] = LogDirOption,
) -> None:
    """One pass: run the targets that are due now and wait for them (for cron or a systemd timer)."""
    from crawler.operations.scheduler import CrawlScheduler, exit_code

    scheduler = CrawlScheduler(_prepare(targets, database), database, max_parallel=max_parallel, log_dir=log_dir)
    raise typer.Exit(exit_code(scheduler.run_due()))


def crawl_all(
    targets: Optional[Path] = TargetsOption,
    database: Optional[str] = DatabaseOption,
    max_parallel: int = MaxParallelOption,
    log_dir: Optional[Path] = LogDirOption,
    scrapyd: Optional[str] = ScrapydOption,
    project: str = ProjectOption,
) -> None:
    """Run every enabled target once, whatever its schedule, and wait for all of them."""
    from crawler.operations.scheduler import CrawlScheduler, exit_code

    targets_file = _prepare(targets, database)
    if scrapyd:
        dispatcher = _dispatcher(targets_file, scrapyd, database, max_parallel, 2.0, project)
        raise typer.Exit(exit_code(dispatcher.run_targets(targets_file.enabled)))
    scheduler = CrawlScheduler(targets_file, database, max_parallel=max_parallel, log_dir=log_dir)
    raise typer.Exit(exit_code(scheduler.run_targets(targets_file.enabled)))


def status(
    targets: Optional[Path] = TargetsOption,
    database: Optional[str] = DatabaseOption,
) -> None:
    """One line per target: last run, its status and reasons, next due time."""
    from crawler.operations.run_history import last_runs
    from crawler.operations.status import status_lines
    from crawler.operations.targets import load_targets
    from models.database import upgrade

    targets_file = load_targets(targets)
    upgrade(database)
    for line in status_lines(targets_file, last_runs(database), datetime.now(timezone.utc)):
        typer.echo(line)


def deploy(
    scrapyd: str = typer.Option(..., "--scrapyd", help="Scrapyd nodes to upload to: URL[,URL…]."),
    project: str = ProjectOption,
    version: Optional[str] = typer.Option(None, "--version", help="Egg version (default: the UTC time)."),
    egg_dir: Path = typer.Option(Path("build/eggs"), "--egg-dir", help="Where to keep the built egg."),
) -> None:
    """Build the project egg and upload it to every Scrapyd node (addversion.json)."""
    from crawler.operations.scrapyd_deploy import PACKAGES, build_egg, deploy as upload, egg_version

    import crawler

    root = Path(crawler.__file__).resolve().parent.parent
    if not all((root / package).is_dir() for package in PACKAGES) or not (root / "pyproject.toml").is_file():
        raise typer.BadParameter(f"deploy runs from a jobcrawl checkout; {root} has no pyproject.toml and packages")
    egg = build_egg(root, egg_dir)
    version = version or egg_version()
    for url in _node_urls(scrapyd):
        answer = upload(url, egg, project, version)
        typer.echo(f"{url}: {project} {version} with {answer.get('spiders')} spiders")


def register(app: typer.Typer) -> None:
    """Add the operations commands to ``app``."""
    app.command("schedule")(schedule)
    app.command("run-due")(run_due)
    app.command("crawl-all")(crawl_all)
    app.command("status")(status)
    app.command("deploy")(deploy)


def main() -> None:
    """Run the operations commands on their own (``python -m crawler.operations.commands``)."""
    app = typer.Typer(help="jobcrawl operations commands.", no_args_is_help=True, pretty_exceptions_enable=False)
    register(app)
    try:
        app()
    except JobcrawlError as error:
        typer.echo(f"error: {error}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
