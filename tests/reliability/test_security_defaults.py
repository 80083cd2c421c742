"""Security defaults: robots.txt, staying on the target's sites, no local-file/data/S3 downloads,
no remote consoles, size limits, masked database passwords, bound SQL parameters, escaped ad
content in logs and terminal output.

The crawls run side by side against two fixture servers: the target (``127.0.0.1``) and another
site (the same server process reached as ``localhost``, a different host name).
"""

from __future__ import annotations

import ast
import base64
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, select
from typer.testing import CliRunner

from crawler.runner import project_settings
from models.database import get_engine
from models.tables import CrawlRun, RejectedItem
from tests.reliability.conftest import PASSWORD, PASSWORD_USER
from tests.reliability.crawl_process import CrawlOutcome, last_run_stats, record, run_crawl
from tests.reliability.job_pages import job_page, sitemap
from tests.support.crawl import PROJECT_ROOT, postings, rejections, runs
from tests.support.fault_server import FaultServer, Page, Redirect
from tests.support.migrated import migrated_sqlite

pytestmark = pytest.mark.timeout(900)  # crawl fixtures share two cores with the rest of the suite

INJECTION = "'; DROP TABLE postings; --"
FORGED_LOG_LINE = "2026-01-01 00:00:00 [scrapy.core.engine] ERROR: forged by an ad"
HOSTILE_TITLE = f"\x1b[2J\x1b[31mBuchhalter\x1b[0m (m/w/d)\r\n{FORGED_LOG_LINE}"
DATA_URL = "data:text/html;base64," + base64.b64encode(job_page(90, title="Data URL Job").encode()).decode()
WRONG_PASSWORD = "Wr0ng-Pa55word-0815"


def target_routes(other: str) -> dict:
    return {
        "/robots.txt": Page("User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
        "/": Page(f'<html><body><a href="/jobs/1">1</a><a href="/private/2">2</a>'
                  f'<a href="{other}/jobs/offsite-link">away</a><a href="file:///etc/passwd">f</a>'
                  f'<a href="{DATA_URL}">d</a><a href="/redirect-offsite">r</a></body></html>'),
        "/jobs/1": Page(job_page(1)),
        "/private/2": Page(job_page(2)),
        "/jobs/3": Page(job_page(3, title=HOSTILE_TITLE)),
        "/jobs/4": Page(job_page(4, title=f"Controller {INJECTION}",
                                 hiringOrganization={"@type": "Organization", "name": INJECTION})),
        "/private/5": Page(job_page(5)),
        "/redirect-offsite": Redirect(f"{other}/jobs/offsite-redirect"),
    }


def target_sitemap(url: str, other: str) -> str:
    return sitemap([f"{url}/jobs/3", f"{url}/jobs/4", f"{url}/private/5", f"{other}/jobs/offsite-sitemap",
                    "file:///etc/passwd", DATA_URL, "s3://jobcrawl-test/ad.html", f"{url}/redirect-offsite"])


@dataclass
class Crawled:
    """One crawl of the module: how it ended, its database, and what its target server was asked."""

    outcome: CrawlOutcome
    database_url: str
    requests: list[str]
    base_url: str

    @property
    def stats(self) -> dict:
        return last_run_stats(self.database_url)

    def stored_paths(self) -> set[str]:
        return {row.url.split("/", 3)[3] for row in postings(self.database_url)}


def target_server() -> FaultServer:
    server = FaultServer()
    other = server.url.replace("127.0.0.1", "localhost")  # the same server under another host name
    server.routes.update(target_routes(other))
    server.routes["/sitemap.xml"] = Page(target_sitemap(server.url, other), content_type="application/xml")
    for path in ("/jobs/offsite-link", "/jobs/offsite-sitemap", "/jobs/offsite-redirect", "/jobs/other-site"):
        server.routes[path] = Page(job_page(50 + len(path)))
    return server


@pytest.fixture(scope="module")
def crawls(private_postgres, tmp_path_factory) -> dict[str, Crawled]:
    folder = tmp_path_factory.mktemp("security")
    password_db = private_postgres.database("secret")

    def crawl(name: str, spider: str, arguments, database_url: str, settings: dict[str, str]) -> Crawled:
        with target_server() as server:
            arguments = {key: value.replace("TARGET", server.url).replace("OTHER", server.url.replace(
                "127.0.0.1", "localhost")) for key, value in arguments.items()}
            outcome = run_crawl(spider, arguments, database_url,
                                {"JOBCRAWL_PARSE_WORKERS": "0", "JOBCRAWL_SPILL_DIR": str(folder / name), **settings},
                                timeout=240)
            return Crawled(outcome, database_url, list(server.requests), server.url)

    jobs = {
        # ROBOTSTXT_OBEY=True is the project's default (the test helpers turn it off for speed).
        "polite": ("jsonld", {"start_urls": "TARGET/", "sitemap": "TARGET/sitemap.xml"},
                   migrated_sqlite(folder / "polite.db"), {"ROBOTSTXT_OBEY": "True", "LOG_LEVEL": "DEBUG"}),
        "permissive": ("jsonld", {"start_urls": "TARGET/,OTHER/jobs/other-site"},
                       migrated_sqlite(folder / "permissive.db"), {"ROBOTSTXT_OBEY": "False"}),
        # Alone: next to a start URL with a host name, the off-site filter would stop it first.
        "local_files": ("jsonld", {"start_urls": "file:///etc/passwd"},
                        migrated_sqlite(folder / "local.db"), {}),
        "injected": ("greenhouse", {"board": INJECTION, "base_url": "TARGET"}, migrated_sqlite(folder / "injected.db"), {}),
        "wrong_password": ("jsonld", {"sitemap": "TARGET/sitemap.xml"},
                           private_postgres.password_url(password_db, WRONG_PASSWORD),
                           {"LOG_LEVEL": "DEBUG", "JOBCRAWL_STORE_RETRIES": "0"}),
        "right_password": ("jsonld", {"sitemap": "TARGET/sitemap.xml"},
                           private_postgres.password_url(password_db, PASSWORD), {"LOG_LEVEL": "DEBUG"}),
    }
    with ThreadPoolExecutor(3) as pool:
        futures = {name: pool.submit(crawl, name, *job) for name, job in jobs.items()}
        results = {name: future.result() for name, future in futures.items()}
    polite = results["polite"]
    record("security defaults", robots_forbidden=polite.stats.get("robotstxt/forbidden"),
           offsite_filtered=polite.stats.get("offsite/filtered"),
           private_paths_fetched=sum(path.startswith("/private/") for path in polite.requests),
           offsite_paths_fetched=sum(path.startswith("/jobs/offsite") for path in polite.requests),
           passwords_in_output=sum(PASSWORD in crawl.outcome.output or WRONG_PASSWORD in crawl.outcome.output
                                   for crawl in results.values()))
    return results


# -- settings ---------------------------------------------------------------------------------


def test_secure_settings_by_default():
    settings = project_settings()
    assert settings.getbool("ROBOTSTXT_OBEY") is True
    assert settings.getbool("TELNETCONSOLE_ENABLED") is False
    handlers = settings.getdict("DOWNLOAD_HANDLERS")
    assert all(handlers.get(scheme, "missing") is None for scheme in ("file", "data", "s3", "ftp"))
    assert 0 < settings.getint("DOWNLOAD_MAXSIZE") <= 20 * 1024 * 1024
    assert 0 < settings.getint("DOWNLOAD_WARNSIZE") <= settings.getint("DOWNLOAD_MAXSIZE")
    assert settings.getint("REDIRECT_MAX_TIMES") <= 10
    assert settings.getint("RETRY_TIMES") <= 5


def test_no_remote_code_console_by_default():
    # Scrapy 2.19 serves an HTTP endpoint that runs Python code sent to it, on by default.
    assert project_settings().getbool("REMOTE_CONTROL_ENABLED") is False


def test_remote_console_is_not_even_loaded_but_scrapys_other_extensions_are():
    # Scrapy imports every extension it is given to learn whether it is on; the console's module
    # brings aiohttp and an SSL context into the crawl process (issue 15), so it is left out.
    from scrapy.settings import default_settings

    extensions = project_settings().getdict("EXTENSIONS_BASE")
    assert "scrapy.extensions.remote_control.RemoteControl" not in extensions
    assert set(default_settings.EXTENSIONS_BASE) - set(extensions) == {"scrapy.extensions.remote_control.RemoteControl"}


# -- robots.txt and other sites ---------------------------------------------------------------------


def test_robots_txt_is_obeyed(crawls):
    polite = crawls["polite"]
    assert polite.outcome.returncode == 0, polite.outcome.output[-3000:]
    assert "/robots.txt" in polite.requests
    assert not [path for path in polite.requests if path.startswith("/private/")]
    assert polite.stats["robotstxt/forbidden"] == 2  # the linked page and the sitemap entry
    assert polite.stored_paths() == {"jobs/1", "jobs/3", "jobs/4"}


def test_robots_txt_can_be_turned_off(crawls):
    assert "private/2" in crawls["permissive"].stored_paths()


def test_links_sitemap_entries_and_redirects_to_other_sites_are_not_followed(crawls):
    polite = crawls["polite"]
    assert not [path for path in polite.requests if path.startswith("/jobs/offsite")]
    assert "Filtered offsite request to 'localhost'" in polite.outcome.stderr
    # The sitemap entry is dropped when the sitemap is read (another host or port: e48ae04); the
    # redirect target is filtered by Scrapy's offsite check.
    assert polite.stats.get("jobcrawl/sitemap/offsite", 0) >= 1
    assert polite.stats["offsite/filtered"] >= 1


def test_another_site_named_as_a_target_is_crawled(crawls):
    # The same server under its other name answers when the user asks for it: the filter is real.
    assert "jobs/other-site" in crawls["permissive"].stored_paths()


# -- local files, data: and s3: URLs -------------------------------------------------------------


def test_file_data_and_s3_urls_in_links_and_sitemaps_are_never_fetched(crawls):
    polite = crawls["polite"]
    stored = postings(polite.database_url) + rejections(polite.database_url)
    everything = json.dumps([tuple(map(str, row)) for row in stored])
    assert "root:x:0:0" not in everything and "Data URL Job" not in everything
    assert "s3://" not in everything and "file://" not in everything


def test_a_file_start_url_fails_cleanly(crawls):
    local = crawls["local_files"]
    # Refused by the argument check before Scrapy starts: one line, exit 2, nothing read.
    assert local.outcome.returncode == 2
    assert local.outcome.output.strip().splitlines() == [
        line for line in local.outcome.output.strip().splitlines() if "is not an http(s) URL" in line]
    assert "Traceback" not in local.outcome.output and "root:x:0:0" not in local.outcome.output


# -- SQL only through bound parameters ---------------------------------------------------------------


def test_injected_sql_in_ads_and_arguments_is_stored_as_text(crawls):
    for name in ("polite", "injected"):
        tables = set(inspect(get_engine(crawls[name].database_url)).get_table_names())
        assert {"postings", "sightings", "crawl_runs"} <= tables
    [injected_ad] = [row for row in postings(crawls["polite"].database_url) if row.url.endswith("/jobs/4")]
    assert INJECTION in injected_ad.title_raw
    [run] = runs(crawls["injected"].database_url)
    assert run.arguments["board"] == INJECTION
    assert run.status == "failed" and INJECTION in run.reason


SQL_EXECUTORS = {"execute", "exec_driver_sql", "text", "executescript", "executemany"}
# SQL assembled from strings, allowed because every piece is a constant of the module (never data):
DOCUMENTED_SQL_BUILDERS = {
    ("models/database.py", "_configure_sqlite"): "PRAGMA busy_timeout from a module constant",
    ("crawler/analytics/export_source.py", "_raw_sqlite_text"): "PRAGMA mmap_size from an int",
    ("crawler/analytics/views.py", "drop_views"): "DROP VIEW of names from VIEW_NAMES",
}


def _built_sql_calls(path: Path) -> list[tuple[str, int]]:
    """(enclosing function, line) of each SQL call whose statement is an f-string, ``%`` or ``.format``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for function in [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]:
        for call in [node for node in ast.walk(function) if isinstance(node, ast.Call)]:
            name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
            if name not in SQL_EXECUTORS or not call.args:
                continue
            statement = call.args[0]
            built = isinstance(statement, ast.JoinedStr) or (
                isinstance(statement, ast.BinOp) and isinstance(statement.op, (ast.Mod, ast.Add))) or (
                isinstance(statement, ast.Call) and isinstance(statement.func, ast.Attribute)
                and statement.func.attr == "format")
            if built:
                found.append((function.name, call.lineno))
    return found


def test_sql_is_never_built_from_strings_outside_documented_ddl():
    offenders = []
    for folder in ("crawler", "models", "pipelines"):
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            relative = path.relative_to(PROJECT_ROOT).as_posix()
            for function, line in _built_sql_calls(path):
                if (relative, function) not in DOCUMENTED_SQL_BUILDERS:
                    offenders.append(f"{relative}:{line} in {function}()")
    assert offenders == []


# -- passwords ---------------------------------------------------------------------------------------


def test_a_refused_password_is_reported_without_the_password(crawls):
    outcome = crawls["wrong_password"].outcome
    assert outcome.returncode != 0
    assert f'password authentication failed for user "{PASSWORD_USER}"' in outcome.output
    assert WRONG_PASSWORD not in outcome.output


def test_a_crawl_with_a_password_keeps_it_out_of_logs_and_crawl_runs(crawls):
    outcome = crawls["right_password"].outcome
    database_url = crawls["right_password"].database_url
    assert outcome.returncode == 0, outcome.output[-3000:]
    assert PASSWORD not in outcome.output  # DEBUG logs included
    with get_engine(database_url).connect() as connection:
        stored = json.dumps([tuple(map(str, row)) for row in connection.execute(select(CrawlRun))]
                            + [tuple(map(str, row)) for row in connection.execute(select(RejectedItem))])
    assert PASSWORD not in stored and WRONG_PASSWORD not in stored
    assert [run.status for run in runs(database_url)][-1] == "succeeded"


@pytest.mark.parametrize(("command", "message"), [
    (["db", "upgrade", "--database", f"postgresql+psycopg://someone:{PASSWORD}@127.0.0.1:1/nowhere"],
     "connection"),
    (["crawl", "jsonld", "-a", "sitemap=http://127.0.0.1:1/s.xml", "--database", f"mysql://someone:{PASSWORD}@db/x"],
     "unsupported database 'mysql'"),
    (["crawl", "jsonld", "-a", "sitemap=http://127.0.0.1:1/s.xml", "--database", f"postgres//someone:{PASSWORD}@db/x"],
     "is not a database URL"),
])
def test_database_errors_mask_the_password(command, message):
    done = subprocess.run([sys.executable, "-m", "crawler.cli", *command], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, timeout=120)
    output = done.stdout + done.stderr
    assert done.returncode != 0 and message in output, output[-2000:]
    assert PASSWORD not in output


# -- ad content in logs and on the terminal -------------------------------------------------------------


def test_ad_content_cannot_forge_log_lines_or_send_terminal_codes(crawls):
    stderr = crawls["polite"].outcome.stderr
    assert "Buchhalter" in stderr  # the ad was logged (Scrapy logs scraped items at DEBUG)
    assert "\x1b" not in stderr and "\r" not in stderr
    assert not [line for line in stderr.splitlines() if line.startswith(FORGED_LOG_LINE)]


def test_jobcrawl_runs_shows_a_hostile_reason_as_text(migrated_sqlite_url):
    from crawler.cli import app

    database_url = migrated_sqlite_url
    hostile = "the answer is not JSON (starts '[/bold][red]\x1b[2Jgotcha')"
    with get_engine(database_url).begin() as connection:
        connection.execute(CrawlRun.__table__.insert(), {
            "spider": "greenhouse", "arguments": {}, "status": "failed", "reason": hostile, "stats": {},
            "started_at": datetime(2026, 11, 22, 9)})
    result = CliRunner().invoke(app, ["runs", "--database", database_url])
    assert result.exit_code == 0, result.output
    assert "[/bold][red]" in result.output and "\x1b" not in result.output
