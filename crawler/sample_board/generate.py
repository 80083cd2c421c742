"""Generate the sample job board into ``site/``: deterministic (fixed seed, no clock).

Run ``python -m crawler.sample_board.generate`` after changing any module of this package, and
commit the regenerated ``site/``; a test checks that the committed site matches the generator.
"""

from __future__ import annotations

import argparse
import json
import shutil
from datetime import timedelta
from pathlib import Path

from crawler.sample_board import SITE_DIR
from crawler.sample_board.ad_page import render_ad_page
from crawler.sample_board.ad_specs import AD_SPECS
from crawler.sample_board.bad_pages import bad_pages
from crawler.sample_board.compose import SITE_DATE, compose_ads
from crawler.sample_board.manifest import ad_entry, bad_entry, seed_entries
from crawler.sample_board.seed_pages import JUNIOR_PATH, SENIOR_PATH, render_junior_seed, render_senior_seed
from crawler.sample_board.site_index import (
    STYLESHEET,
    ListingEntry,
    listing_path,
    page_count,
    render_index,
    render_legal_pages,
    render_listing,
    render_robots,
    render_sitemaps,
)

RANDOM_SEED = 20261120


def _seed_listing_entries() -> list[ListingEntry]:
    return [
        ListingEntry(JUNIOR_PATH, "Junior Data Scientist/Machine Learning Engineer", None, "Köln", None,
                     SITE_DATE - timedelta(days=10)),
        ListingEntry(SENIOR_PATH, "Senior Machine Learning Engineer (m/f/d)", "ALDI Einkauf SE & Co. oHG", "Essen",
                     SITE_DATE - timedelta(days=7), SITE_DATE - timedelta(days=7)),
    ]


def build_site() -> dict[str, bytes]:
    """Every file of the site, by site-relative path."""
    ads = compose_ads(AD_SPECS, RANDOM_SEED)
    bad = bad_pages(RANDOM_SEED)
    files: dict[str, bytes] = {ad.path: render_ad_page(ad).encode("utf-8") for ad in ads}
    files[JUNIOR_PATH] = render_junior_seed().encode("utf-8")
    files[SENIOR_PATH] = render_senior_seed().encode("utf-8")
    files.update({page.path: page.content for page in bad})

    entries = [
        ListingEntry(ad.path, ad.title_raw, ad.company_shown, ad.place.name if ad.place else None,
                     ad.date_posted, ad.date_posted)
        for ad in ads
    ] + _seed_listing_entries()
    entries.sort(key=lambda entry: (-entry.lastmod.toordinal(), entry.path))
    # The bad area comes last, on the final listing page, where a full crawl still meets it.
    entries += [
        ListingEntry(page.path, page.card_title, page.company, page.city, page.posted, page.posted) for page in bad
    ]
    for page in range(1, page_count(entries) + 1):
        files[listing_path(page)] = render_listing(entries, page).encode("utf-8")
    files["index.html"] = render_index(entries).encode("utf-8")
    files.update({name: text.encode("utf-8") for name, text in render_sitemaps(entries).items()})
    files["robots.txt"] = render_robots().encode("utf-8")
    files.update({name: text.encode("utf-8") for name, text in render_legal_pages().items()})
    files["static/board.css"] = STYLESHEET.encode("utf-8")

    manifest = {
        "site_date": SITE_DATE.isoformat(),
        "ads": [ad_entry(ad) for ad in ads] + seed_entries() + [bad_entry(page) for page in bad],
    }
    files["MANIFEST.json"] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files


def write_site(files: dict[str, bytes], site_dir: Path = SITE_DIR) -> None:
    """Replace ``site_dir`` with exactly ``files``."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    for relative_path, content in sorted(files.items()):
        target = site_dir / relative_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def main(argv: list[str] | None = None) -> None:
    """Command line: write the site (default: the package's ``site/``)."""
    parser = argparse.ArgumentParser(description="Generate the sample job board.")
    parser.add_argument("--out", type=Path, default=SITE_DIR, help="output directory (default: %(default)s)")
    args = parser.parse_args(argv)
    files = build_site()
    write_site(files, args.out)
    ads = sum(1 for path in files if path.startswith(("jobs/", "bad/")) and "/page-" not in path)
    print(f"wrote {len(files)} files ({ads} ad pages) to {args.out}")


if __name__ == "__main__":
    main()
