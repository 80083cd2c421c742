"""Which ``-a NAME=VALUE`` arguments a spider takes, so a targets file is checked before any crawl.

A spider's accepted arguments are found in this order:

1. **Declared**: a class attribute ``accepted_arguments = ("board", "page_size")`` on the spider or
   any of its bases (the tuples of the whole class hierarchy add up), and optionally
   ``required_arguments`` — each entry a name, or a tuple of names of which one is enough, e.g.
   ``(("start_urls", "sitemap"),)``. The attribute is not called ``arguments`` because every
   :class:`~crawler.bases.job_spider.JobSpider` keeps the values it was *given* in
   ``self.arguments``, which would shadow it.
2. **Derived**, when no class declares them: the named parameters of every ``__init__`` in the
   hierarchy, the ``source_argument`` of JSON-API spiders (also required), and every ``-a NAME=``
   that a jobcrawl class docstring documents — each base documents its arguments that way, so an
   argument that is neither a parameter nor documented is reported as unknown: document it.

Values are checked by what the docstrings call them: an argument documented as ``-a NAME=URL``
(or ``URL[,URL…]``) takes http(s) URLs, one documented as ``-a NAME=N`` a positive whole number.

After the names, the spider itself is asked: it is instantiated with the arguments (spiders only
store them in ``__init__``) and its ``argument_problem`` — a method or an attribute, as the bases
define it — gives the same message the crawl would fail with.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

_DOCUMENTED_ARGUMENT_RE = re.compile(r"-a\s+([a-z_][a-z0-9_]*)=")  # placeholders such as NAME=VALUE are upper case
_IGNORED_PARAMETERS = {"self", "name"}
_DOCUMENTED_VALUE_RE = re.compile(r"-a\s+([a-z_][a-z0-9_]*)=(URL|N)\b")


@dataclass(frozen=True)
class ArgumentSpec:
    """The arguments a spider accepts and the ones it needs (each need: names, one of which is enough)."""

    accepted: frozenset[str]
    required: tuple[tuple[str, ...], ...]
    declared: bool


def _own_classes(spider_class: type) -> list[type]:
    """The spider's classes without Scrapy's and Python's own (their docstrings document Scrapy)."""
    return [klass for klass in spider_class.__mro__
            if klass.__module__.split(".")[0] not in ("scrapy", "builtins", "pydispatch")]


def _as_requirement(entry: str | tuple[str, ...]) -> tuple[str, ...]:
    return (entry,) if isinstance(entry, str) else tuple(entry)


def argument_spec(spider_class: type) -> ArgumentSpec:
    """What ``spider_class`` accepts, from declarations or else from signatures and docstrings."""
    classes = _own_classes(spider_class)
    declared = [klass.__dict__["accepted_arguments"] for klass in classes if "accepted_arguments" in klass.__dict__]
    required: list[tuple[str, ...]] = []
    for klass in classes:
        for entry in klass.__dict__.get("required_arguments", ()):
            required.append(_as_requirement(entry))
    if declared:
        accepted = {name for names in declared for name in names}
        accepted |= {name for names in required for name in names}
        return ArgumentSpec(frozenset(accepted), tuple(dict.fromkeys(required)), declared=True)

    accepted: set[str] = set()
    for klass in classes:
        init = klass.__dict__.get("__init__")
        if init is not None:
            for parameter in inspect.signature(init).parameters.values():
                if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
                    continue
                if parameter.name in _IGNORED_PARAMETERS:
                    continue
                accepted.add(parameter.name)
                if parameter.default is parameter.empty:
                    required.append((parameter.name,))
        accepted.update(_DOCUMENTED_ARGUMENT_RE.findall(klass.__doc__ or ""))
    source_argument = getattr(spider_class, "source_argument", None)
    if isinstance(source_argument, str):
        accepted.add(source_argument)
        required.append((source_argument,))
    return ArgumentSpec(frozenset(accepted), tuple(dict.fromkeys(required)), declared=False)


def spider_argument_problems(spider_class: type, arguments: dict[str, str]) -> list[str]:
    """Everything wrong with ``arguments`` for ``spider_class``; empty when a crawl can start."""
    spec = argument_spec(spider_class)
    problems = []
    for name in sorted(set(arguments) - spec.accepted):
        problems.append(f"unknown argument {name!r} (accepted: {', '.join(sorted(spec.accepted)) or 'none'})")
    for alternatives in spec.required:
        if not any(arguments.get(name) for name in alternatives):
            wanted = " or ".join(f"-a {name}=…" for name in alternatives)
            problems.append(f"missing argument: needs {wanted}")
    if problems:
        return problems
    problems = documented_value_problems(spider_class, arguments)
    if problems:
        return problems
    own_problem = _spiders_own_check(spider_class, arguments)
    return [own_problem] if own_problem else []


def argument_value_problems(spider_class: type, arguments: dict[str, str]) -> list[str]:
    """What is wrong with the values of ``arguments`` (names already known to the spider), in the
    words a crawl would fail with: documented value kinds first, then the spider's own check
    (its message names the argument and how to find it), then arguments it needs."""
    problems = documented_value_problems(spider_class, arguments)
    if problems:
        return problems
    own_problem = _spiders_own_check(spider_class, arguments)
    if own_problem:
        return [own_problem]
    for alternatives in argument_spec(spider_class).required:
        if not any(str(arguments.get(name) or "").strip() for name in alternatives):
            wanted = " or ".join(f"-a {name}=…" for name in alternatives)
            problems.append(f"missing argument: needs {wanted}")
    return problems


def documented_value_problems(spider_class: type, arguments: dict[str, Any]) -> list[str]:
    """Values that do not match how the spider's docstrings document them (``=URL``, ``=N``)."""
    kinds: dict[str, str] = {}
    for klass in _own_classes(spider_class):
        for name, kind in _DOCUMENTED_VALUE_RE.findall(klass.__doc__ or ""):
            kinds.setdefault(name, kind)
    problems = []
    for name, value in arguments.items():
        text = str(value or "").strip()
        if name not in kinds or not text:
            continue
        if kinds[name] == "N" and not (text.isdigit() and int(text) > 0):
            problems.append(f"-a {name} must be a positive whole number, got {text!r}")
        elif kinds[name] == "URL":
            for url in (part.strip() for part in text.split(",") if part.strip()):
                try:
                    parts = urlsplit(url)
                    host = parts.hostname
                except ValueError:  # e.g. an unclosed "[" of an IPv6 host
                    parts, host = None, None
                if parts is None or parts.scheme not in ("http", "https") or not host:
                    problems.append(f"-a {name}={url!r} is not an http(s) URL")
                    break
    return problems


def _spiders_own_check(spider_class: type, arguments: dict[str, Any]) -> str | None:
    try:
        spider = spider_class(**arguments)
    except Exception as error:  # a spider that refuses its arguments outright
        return f"the spider refuses these arguments: {type(error).__name__}: {error}"
    problem = getattr(spider, "argument_problem", None)
    if callable(problem):
        problem = problem()
    return str(problem) if problem else None
