"""Checks the command line makes before anything starts: spider names, spider arguments,
relative dates, and that a database to read exists. Each problem is one line (a
:class:`CommandLineProblem`), never a traceback.
"""

from __future__ import annotations

import ast
import difflib
import inspect
import os
import re
import sys
import textwrap
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from crawler.errors import JobcrawlError

# Arguments every spider takes: Scrapy's own and the ones JobSpider and scrapyd pass on.
_COMMON_ARGUMENTS = ("base_url",)
_CHECKED_METHODS = ("__init__", "_check_arguments")


class CommandLineProblem(JobcrawlError, ValueError):
    """A command-line value that cannot work, said in one line."""


@dataclass(frozen=True)
class SpiderInfo:
    name: str
    summary: str
    arguments: tuple[str, ...]
    examples: tuple[str, ...]


@lru_cache(maxsize=1)
def spider_classes() -> dict[str, type]:
    """Every spider of the project by name (Scrapy's own loader, as ``crawl`` uses)."""
    from scrapy.spiderloader import SpiderLoader

    from crawler.runner import project_settings

    loader = SpiderLoader.from_settings(project_settings())
    return {name: loader.load(name) for name in sorted(loader.list())}


def _kwargs_names(node: ast.AST, cls: type, module_globals: dict) -> set[str]:
    """Argument names a method reads from ``kwargs``: ``kwargs.get("x")``, ``kwargs["x"]``,
    ``kwargs.get(self.attr)`` (the class attribute's value) and ``for name in CONSTANT``."""
    names: set[str] = set()

    def literal(expression: ast.AST):
        if isinstance(expression, ast.Constant) and isinstance(expression.value, str):
            return [expression.value]
        if (isinstance(expression, ast.Attribute) and isinstance(expression.value, ast.Name)
                and expression.value.id == "self" and isinstance(getattr(cls, expression.attr, None), str)):
            return [getattr(cls, expression.attr)]
        return []

    iterated: dict[str, list[str]] = {}
    for child in ast.walk(node):
        if isinstance(child, ast.comprehension) and isinstance(child.target, ast.Name) \
                and isinstance(child.iter, ast.Name):
            values = module_globals.get(child.iter.id)
            if isinstance(values, (tuple, list, frozenset, set)) and all(isinstance(v, str) for v in values):
                iterated[child.target.id] = list(values)
    for child in ast.walk(node):
        key = None
        if (isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) and child.func.attr == "get"
                and isinstance(child.func.value, ast.Name) and child.func.value.id == "kwargs" and child.args):
            key = child.args[0]
        elif isinstance(child, ast.Subscript) and isinstance(child.value, ast.Name) and child.value.id == "kwargs":
            key = child.slice
        if key is None:
            continue
        if isinstance(key, ast.Name) and key.id in iterated:
            names.update(iterated[key.id])
        else:
            names.update(literal(key))
    return names


def spider_arguments(cls: type) -> tuple[str, ...]:
    """The ``-a`` arguments a spider class reads: keyword parameters of its ``__init__`` and the
    names its argument-reading methods take from ``kwargs``, along its class hierarchy."""
    names: set[str] = set(_COMMON_ARGUMENTS)
    for klass in cls.__mro__:
        module = sys.modules.get(klass.__module__)
        if module is None or not klass.__module__.startswith("crawler."):
            continue
        for method_name in _CHECKED_METHODS:
            method = klass.__dict__.get(method_name)
            if method is None:
                continue
            for parameter in inspect.signature(method).parameters.values():
                if parameter.kind in (parameter.KEYWORD_ONLY, parameter.POSITIONAL_OR_KEYWORD) \
                        and parameter.name not in ("self", "kwargs", "args"):
                    names.add(parameter.name)
            try:
                tree = ast.parse(textwrap.dedent(inspect.getsource(method)))
            except (OSError, TypeError, SyntaxError):
                continue
            names |= _kwargs_names(tree, cls, vars(module))
    if isinstance(getattr(cls, "page_size", 0), int) and "page_size" in cls.__dict__.get("__annotations__", {}):
        names.add("page_size")
    return tuple(sorted(names))


def spider_info(name: str, cls: type) -> SpiderInfo:
    """A spider's name, one-line summary, arguments and the examples of its module docstring."""
    module_doc = inspect.getdoc(sys.modules[cls.__module__]) or ""
    examples = tuple(line.strip() for line in module_doc.splitlines() if line.strip().startswith("jobcrawl crawl"))
    summary_lines = [line.strip() for line in module_doc.splitlines() if line.strip()
                     and not line.strip().startswith("jobcrawl crawl")]
    summary = summary_lines[0] if summary_lines else (inspect.getdoc(cls) or "").split("\n")[0]
    return SpiderInfo(name, summary, spider_arguments(cls), examples or (f"jobcrawl crawl {name}",))


def unknown_spider(name: str) -> str | None:
    """One line when ``name`` is no spider, with the closest name as a suggestion; else None."""
    names = list(spider_classes())
    if name in names:
        return None
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f" — did you mean {close[0]}?" if close else ""
    return f"no spider named {name!r}{hint} (spiders: {', '.join(names)}; `jobcrawl spiders` shows their arguments)"


def unknown_arguments(spider: str, arguments: dict[str, str]) -> str | None:
    """One line naming the first ``-a`` argument the spider does not read, with a suggestion."""
    known = spider_arguments(spider_classes()[spider])
    for name in arguments:
        if name in known or name.startswith("_"):  # _job and the like: set by schedulers
            continue
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f" — did you mean {close[0]}?" if close else ""
        return f"{spider} has no argument {name!r}{hint} (it takes: {', '.join(known)})"
    return None


def invalid_argument_values(spider: str, arguments: dict[str, str]) -> str | None:
    """One line when an ``-a`` value cannot work (a needed argument missing, a URL that is not
    one, a count that is no number), with the spider's example; the same check crawl.toml targets
    get (:func:`crawler.operations.spider_arguments.argument_value_problems`)."""
    from crawler.operations.spider_arguments import argument_value_problems

    cls = spider_classes()[spider]
    given = {name: value for name, value in arguments.items() if not name.startswith("_")}
    problems = argument_value_problems(cls, given)
    if not problems:
        return None
    named = f" {spider} " in f" {problems[0]} "  # the spider's own messages name it
    problem = problems[0] if named else f"{spider}: {problems[0]}"
    examples = spider_info(spider, cls).examples
    # The example that uses an argument the problem names, else the first.
    example = next((example for example in examples
                    if any(f"-a {name}=" in problem for name in re.findall(r"-a (\w+)=", example))), examples[0])
    return f"{problem} — e.g. {example}"


_RELATIVE = re.compile(r"^(\d+)\s*([dw])$")


def relative_day(text: str, today: date | None = None) -> date:
    """A day from ``YYYY-MM-DD``, ``today``, ``yesterday``, ``Nd`` (N days ago) or ``Nw`` (N weeks ago)."""
    today = today or datetime.now(timezone.utc).date()
    value = text.strip().lower()
    if value == "today":
        return today
    if value == "yesterday":
        return today - timedelta(days=1)
    match = _RELATIVE.match(value)
    if match:
        count = int(match.group(1)) * (7 if match.group(2) == "w" else 1)
        return today - timedelta(days=count)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandLineProblem(f"{text!r} is not a day: use YYYY-MM-DD, today, yesterday or Nd (e.g. 7d)") from None


def existing_database(url: str | None):
    """An engine on a database that exists and answers; never creates a SQLite file.

    A missing SQLite file or an unreachable server is one :class:`CommandLineProblem` line.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    from models.database import check_database_url, database_url, get_engine, masked_url

    check_database_url(url)
    resolved = database_url(url)
    parsed = make_url(resolved)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database
        if not path or path == ":memory:" or not Path(path).is_file():
            raise CommandLineProblem(f"no database at {masked_url(resolved)}: crawl first (`jobcrawl crawl`, "
                                     "`jobcrawl demo`) or pass --database")
    engine = get_engine(resolved)
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        reason = str(error.orig or error).strip().splitlines()[0]
        raise CommandLineProblem(f"cannot reach the database {masked_url(resolved)}: {reason}") from None
    return engine


_BOOLEAN_WORDS = {"0", "1", "true", "false"}


def invalid_setting_values(overrides: dict[str, str]) -> str | None:
    """The first ``-s NAME=VALUE`` whose value cannot have the type of the setting's default (a
    number for ``CONCURRENT_REQUESTS``, true/false for ``ROBOTSTXT_OBEY``), said in one line;
    Scrapy would otherwise stop with a traceback once the crawl has started."""
    from crawler.runner import project_settings

    defaults = project_settings()
    for name, value in overrides.items():
        default = defaults.get(name)
        if isinstance(default, bool):
            if value.strip().lower() not in _BOOLEAN_WORDS:
                return f"-s {name}={value!r}: {name} is true or false (1 or 0)"
            continue
        if not isinstance(default, (int, float)):
            continue
        try:
            float(value)  # Scrapy reads some settings with a whole-number default as seconds (DOWNLOAD_TIMEOUT)
        except ValueError:
            return f"-s {name}={value!r}: {name} is a number (default {default})"
    return None


def database_problem(error: BaseException, url: str | None = None) -> CommandLineProblem | None:
    """The one line a database that cannot be opened or reached deserves (SQLAlchemy's
    ``OperationalError``: no such folder, connection refused, disk I/O), naming the database when
    ``url`` is given; None for any other error."""
    from sqlalchemy.exc import OperationalError

    from models.database import database_url, masked_url

    if not isinstance(error, OperationalError):
        return None
    reason = str(error.orig or error).strip().splitlines()[0]
    where = f" {masked_url(database_url(url))}" if url is not None else ""
    return CommandLineProblem(f"cannot use the database{where}: {reason}")


def writable_output(path: Path, folder: bool = False) -> Path:
    """``path`` when a file (or, with ``folder``, a folder) can be written there; else one line
    saying why not. Checked before a long export starts, not after it read the database."""
    parent = path if folder else path.parent
    existing = next((candidate for candidate in (parent, *parent.parents) if candidate.exists()), None)
    if path.is_dir() and not folder:
        raise CommandLineProblem(f"cannot write {path}: it is a folder")
    if existing is None or not existing.is_dir():
        raise CommandLineProblem(f"cannot write {path}: {existing} is not a folder")
    if not os.access(existing, os.W_OK):
        raise CommandLineProblem(f"cannot write {path}: no permission to write in {existing}")
    return path


def register(app) -> None:
    """Add ``jobcrawl spiders`` to the command line."""
    from rich.console import Console
    from rich.markup import escape

    @app.command("spiders")
    def spiders() -> None:
        """List every spider with the -a arguments it takes and an example."""
        console = Console(soft_wrap=True)
        for name, cls in spider_classes().items():
            info = spider_info(name, cls)
            console.print(f"[bold]{escape(info.name)}[/bold] — {escape(info.summary)}")
            console.print(f"  arguments: {escape(', '.join(info.arguments))}")
            for example in info.examples:
                console.print(f"  example:   {escape(example)}")
