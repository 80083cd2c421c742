"""Imports between the layers go one way: ``crawler.store`` → ``crawler.dedupe`` → ``models``.

``models`` is the database layer (tables, engine, plain persistence); the store and its matching
live in ``crawler.store`` and use ``crawler.dedupe``. Checked twice: in a fresh interpreter (what
importing a layer really loads) and on the source (imports inside functions too).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.crawl import PROJECT_ROOT


def _module_names(folder: str) -> list[str]:
    package = PROJECT_ROOT / folder
    return sorted(".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts).removesuffix(".__init__")
                  for path in package.rglob("*.py"))


def _loaded_after_importing(modules: list[str]) -> set[str]:
    """The names in ``sys.modules`` of a fresh interpreter after importing ``modules``."""
    code = ("import importlib, json, sys\n"
            f"for name in {modules!r}:\n"
            "    importlib.import_module(name)\n"
            "print(json.dumps(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return set(json.loads(done.stdout))


def _imported_names(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def _in(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_importing_every_models_module_loads_neither_the_store_nor_dedupe():
    models = _module_names("models")
    loaded = _loaded_after_importing(models)
    assert set(models) <= loaded  # the modules did load
    assert sorted(name for name in loaded if _in(name, "crawler.dedupe") or _in(name, "crawler.store")) == []


def test_importing_every_dedupe_module_loads_no_store_and_no_pipeline():
    dedupe = _module_names("crawler/dedupe")
    loaded = _loaded_after_importing(dedupe)
    assert set(dedupe) <= loaded
    assert "models.tables" in loaded  # rebuild reads the tables: dedupe sits above models
    assert sorted(name for name in loaded if _in(name, "crawler.store") or _in(name, "pipelines")) == []


@pytest.mark.parametrize(("folder", "allowed_from_crawler"), [
    # crawler.errors is jobcrawl's one exception module (database URL errors included); the
    # crawler package's __init__ is empty, so models loads that module alone.
    ("models", {"crawler.errors"}),
    ("crawler/dedupe", None),
])
def test_no_source_file_imports_upwards(folder, allowed_from_crawler):
    upward = []
    for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
        relative = path.relative_to(PROJECT_ROOT).as_posix()
        for name in sorted(_imported_names(path)):
            if folder == "models" and _in(name, "crawler") and name not in allowed_from_crawler:
                upward.append(f"{relative} imports {name}")
            if any(_in(name, above) for above in ("crawler.store", "pipelines")):
                upward.append(f"{relative} imports {name}")
    assert upward == []


def test_the_store_uses_dedupe_and_the_tables():
    imported = set().union(*(_imported_names(path) for path in (PROJECT_ROOT / "crawler/store").rglob("*.py")))
    assert any(_in(name, "crawler.dedupe") for name in imported)
    assert "models.tables" in imported
