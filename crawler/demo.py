"""``jobcrawl demo``: the sample board crawled into a database, exported and summarised."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

from crawler.errors import JobcrawlError
from crawler.export import export_postings
from crawler.items import SCHEMA_FIELDS
from crawler.sample_board.server import serve
from models.database import database_url, get_engine, upgrade
from models.tables import Posting, PostingSkill


def demo_crawls(board_url: str) -> list[tuple[str, list[str]]]:
    """(spider, arguments) of every crawl the demo runs against the sample board and the source
    APIs it serves beside its pages (``crawler/sample_board/sources/``)."""
    return [
        ("jsonld", [f"sitemap={board_url}/sitemap.xml"]),
        ("greenhouse", ["board=kranichsoftware", f"base_url={board_url}/sources/greenhouse"]),
        ("personio", ["company=nordlicht-robotics", f"base_url={board_url}/sources/personio"]),
        ("stepstone", ["query=Data Engineer", "where=Berlin", f"base_url={board_url}/sources/stepstone"]),
        ("arbeitsagentur", ["was=Data Engineer", "wo=Köln", "umkreis=25", f"base_url={board_url}/sources/arbeitsagentur"]),
    ]


DEMO_FOLDER = Path("demo")
DEMO_DATABASE = DEMO_FOLDER / "jobcrawl.db"
DEMO_MARK = DEMO_FOLDER / ".created-by-jobcrawl-demo"
"""Written beside the demo's database: only a database with this mark is replaced by the next demo."""


class DemoRefused(JobcrawlError):
    """The demo would overwrite a database it did not create."""


def fresh_demo_database(folder: Path = DEMO_FOLDER) -> str:
    """The URL of a new, empty demo database in ``folder``; the previous demo's is replaced.

    A database there that the demo did not create (no mark beside it) is left alone: the demo
    refuses to run rather than delete someone's crawl.
    """
    database, mark = folder / DEMO_DATABASE.name, folder / DEMO_MARK.name
    if database.exists() and not mark.exists():
        raise DemoRefused(f"{database} was not created by the demo: move it away or pass --database")
    folder.mkdir(parents=True, exist_ok=True)
    for path in (database, database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")):
        path.unlink(missing_ok=True)
    mark.write_text("demo/jobcrawl.db was created by `jobcrawl demo`, which replaces it on its next run.\n",
                    encoding="utf-8")
    return f"sqlite:///{database}"


def run_demo(out: Path, database: str | None, console: Console) -> None:
    """Serve the sample board, crawl it, export to ``out`` and print a summary.

    Without ``database`` the demo writes a fresh ``demo/jobcrawl.db`` (never ``./jobcrawl.db`` or
    the database ``JOBCRAWL_DATABASE_URL`` names); with it, it crawls into that database as given.
    """
    url = database_url(database) if database else fresh_demo_database()
    upgrade(url)
    with serve() as server:
        for spider, arguments in demo_crawls(server.url):
            # The board is local: no need for politeness delays.
            command = [sys.executable, "-m", "crawler.cli", "crawl", spider, "--database", url,
                       "-s", "LOG_LEVEL=WARNING", "-s", "AUTOTHROTTLE_ENABLED=False",
                       "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"]
            for argument in arguments:
                command += ["-a", argument]
            console.print(f"[bold]crawling[/bold] {spider} {' '.join(arguments)}")
            subprocess.run(command, check=False)
    engine = get_engine(url)
    for fmt, name in (("csv", "postings.csv"), ("parquet", "postings.parquet")):
        rows = export_postings(engine, fmt, out / name)
        console.print(f"exported {rows} postings to {out / name}")
    print_summary(engine, console)
    console.print(f"database: {url} — e.g. jobcrawl report --database {url} --out {out / 'report.html'}",
                  soft_wrap=True)


def print_summary(engine, console: Console) -> None:
    """Postings per source, fill rate per field and the top skills."""
    with engine.connect() as connection:
        per_source = connection.execute(
            select(Posting.source, func.count()).group_by(Posting.source).order_by(func.count().desc())
        ).all()
        total = sum(count for _source, count in per_source) or 1
        sources = Table("source", "postings", title="Postings per source")
        for source, count in per_source:
            sources.add_row(source, str(count))
        fill = Table("field", "filled", title="Field fill rates")
        for name in SCHEMA_FIELDS:
            column = getattr(Posting, name)
            if name in {"responsibilities", "requirements", "benefits", "skills", "languages"}:
                filled = connection.execute(select(func.count()).where(func.json_array_length(column) > 0)).scalar()
            elif name == "via_agency":
                filled = connection.execute(select(func.count()).where(column.is_(True))).scalar()
            else:
                filled = connection.execute(select(func.count()).where(column.is_not(None))).scalar()
            fill.add_row(name, f"{filled / total:.0%}")
        skills = Table("skill", "postings", title="Top skills")
        for skill, count in connection.execute(
            select(PostingSkill.skill, func.count()).group_by(PostingSkill.skill)
            .order_by(func.count().desc(), PostingSkill.skill).limit(15)
        ):
            skills.add_row(skill, str(count))
    console.print(sources)
    console.print(fill)
    console.print(skills)
