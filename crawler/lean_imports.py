"""Importing one module of a library without the library's package ``__init__``.

Some libraries import everything they offer in their ``__init__``: ``import datasketch`` loads its
LSH indexes and through them scipy (~55 MB), ``import extruct`` loads RDFa, microformats and their
parsers (rdflib, mf2py, BeautifulSoup, html5lib: ~30 MB) — in the crawl process and in every
parser worker, although jobcrawl uses one class of each (``MinHash``, the microdata extractor).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType


def submodule(package: str, name: str) -> ModuleType:
    """``package.name`` imported with ``package``'s ``__init__`` not run (when the package is not
    imported already). The package's own imports between its modules still work: a placeholder
    carrying the package's path stands in for it while ``package.name`` loads and is removed
    afterwards, so a later ``import package`` runs the real ``__init__`` (which reuses the
    modules already loaded)."""
    qualified = f"{package}.{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    if package in sys.modules:
        return importlib.import_module(qualified)
    placeholder = importlib.util.module_from_spec(importlib.util.find_spec(package))
    sys.modules[package] = placeholder
    try:
        return importlib.import_module(qualified)
    finally:
        if sys.modules.get(package) is placeholder:
            del sys.modules[package]
