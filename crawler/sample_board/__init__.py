"""The bundled sample job board: a static site that ``make demo`` and the crawl tests crawl.

``generate.py`` writes the site into ``site/`` (committed, so the board works without running
the generator); ``server.py`` serves it on 127.0.0.1. ``site/MANIFEST.json`` lists every ad page
with what a correct crawl should make of it.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SITE_DIR = PACKAGE_DIR / "site"
MANIFEST_PATH = SITE_DIR / "MANIFEST.json"
BASE_URL_PLACEHOLDER = "{{BASE_URL}}"
