"""Deploy jobcrawl to Scrapyd: build the project egg and upload it with ``addversion.json``.

The egg is built from a copy of the project's packages and ``pyproject.toml`` in a temporary
folder (``python setup.py bdist_egg`` with a two-line ``setup.py``), so the working tree gets no
build litter. Scrapyd finds the settings module through the egg's ``scrapy`` entry point
(``settings = crawler.settings``); when ``pyproject.toml`` does not declare it yet, the copy gets
it. Nodes need jobcrawl's dependencies installed (``pip install jobcrawl`` or the same
requirements) and ``JOBCRAWL_DATABASE_URL`` in Scrapyd's environment; migrations run once from the
dispatcher, not on the nodes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from crawler.errors import JobcrawlError

PACKAGES = ("crawler", "pipelines", "models")
SCRAPY_ENTRY_POINT = '\n[project.entry-points.scrapy]\nsettings = "crawler.settings"\n'
SETUP_PY = "from setuptools import setup\n\nsetup()\n"


class DeployError(JobcrawlError):
    """Building or uploading the egg failed."""


def egg_version() -> str:
    """A version Scrapyd sorts after every earlier deploy: the UTC time, ``YYYYMMDDHHMMSS``."""
    return time.strftime("%Y%m%d%H%M%S", time.gmtime())


def build_egg(project_root: Path, out_dir: Path, python: str = sys.executable) -> Path:
    """Build the project egg into ``out_dir``; returns its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="jobcrawl-egg-") as temporary:
        work = Path(temporary)
        for package in PACKAGES:
            shutil.copytree(project_root / package, work / package,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        pyproject = (project_root / "pyproject.toml").read_text(encoding="utf-8")
        entry_points = tomllib.loads(pyproject).get("project", {}).get("entry-points", {})
        if "settings" not in entry_points.get("scrapy", {}):
            pyproject += SCRAPY_ENTRY_POINT
        (work / "pyproject.toml").write_text(pyproject, encoding="utf-8")
        (work / "setup.py").write_text(SETUP_PY, encoding="utf-8")
        done = subprocess.run([python, "setup.py", "-q", "bdist_egg", "--dist-dir", str(work / "dist")],
                              cwd=work, capture_output=True, text=True)
        eggs = sorted((work / "dist").glob("*.egg"))
        if done.returncode != 0 or not eggs:
            raise DeployError(f"building the egg failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
        target = out_dir / eggs[0].name
        shutil.copyfile(eggs[0], target)
    return target


def deploy(node_url: str, egg: Path, project: str = "jobcrawl", version: str | None = None) -> dict:
    """Upload ``egg`` to one Scrapyd node as ``project``/``version``; returns Scrapyd's answer."""
    from crawler.operations.scrapyd_api import ScrapydNode

    return ScrapydNode(node_url).add_version(project, version or egg_version(), egg.read_bytes())
