"""MANIFEST.json: every ad page of the sample board with what a correct crawl makes of it.

Each entry: ``path`` (site-relative), ``area`` (``jobs`` or ``bad``), ``markup`` (``jsonld``,
``graph``, ``microdata``, ``plain``, ``seed``; ``binary`` for the junk page), ``language``,
``outcome`` (``stored`` or ``rejected``) and ``reason`` (for rejections: the rejection reason's
leading words, lower case, joined by ``_``: "missing title" -> ``missing_title``), then the
expected field values: ``title`` (clean), ``title_raw``, ``company`` (null for agency ads),
``via_agency``, ``agency``, ``city`` (local name of the first location), ``cities``, ``country``,
``workplace_type``, ``employment_type``, ``contract_type``, ``salary``
(``{min, max, currency, period}`` or null), ``date_posted`` (only when the page states an absolute
date; relative dates depend on the crawl day), ``date_posted_raw`` and ``variants`` (the markup
quirks the page carries).
"""

from __future__ import annotations

from typing import Any

from crawler.sample_board.bad_pages import BadPage
from crawler.sample_board.model import Ad
from crawler.sample_board.seed_pages import JUNIOR_PATH, SENIOR_PATH

STRUCTURED_MARKUPS = ("jsonld", "graph", "microdata")


def ad_entry(ad: Ad) -> dict[str, Any]:
    """Manifest entry of a composed ad."""
    spec = ad.spec
    absolute_date = spec.markup in STRUCTURED_MARKUPS or spec.date_style != "relative"
    salary = spec.salary
    return {
        "path": ad.path,
        "area": "jobs",
        "markup": spec.markup,
        "language": ad.lang,
        "outcome": "stored",
        "reason": None,
        "title": ad.title,
        "title_raw": ad.title_raw,
        "company": ad.company,
        "via_agency": ad.via_agency,
        "agency": ad.company_shown if ad.via_agency else None,
        "city": ad.place.name if ad.place else None,
        "cities": [place.name for place in ad.places],
        "country": ad.place.country if ad.place else "DE",
        "workplace_type": spec.workplace,
        "employment_type": spec.employment if spec.employment in ("full_time", "part_time") else None,
        "contract_type": spec.contract,
        "salary": None if salary is None else {
            "min": salary.minimum, "max": salary.maximum, "currency": salary.currency, "period": salary.period,
        },
        "date_posted": ad.date_posted.isoformat() if absolute_date else None,
        "date_posted_raw": ad.date_text,
        "variants": list(spec.variants) + [f"mojibake:{target}" for target in spec.mojibake],
    }


def seed_entries() -> list[dict[str, Any]]:
    """Manifest entries of the two seed pages (expectations from the parser issue)."""
    common = {"area": "jobs", "markup": "seed", "language": "en", "outcome": "stored", "reason": None,
              "country": "DE", "workplace_type": "hybrid", "contract_type": "permanent", "salary": None,
              "date_posted": None, "variants": []}
    return [
        {"path": JUNIOR_PATH, **common, "title": "Junior Data Scientist/Machine Learning Engineer",
         "title_raw": "Junior Data Scientist/Machine Learning Engineer", "company": None, "via_agency": True,
         "agency": None, "city": "Köln", "cities": ["Köln"], "employment_type": None, "date_posted_raw": None,
         "variants": ["mojibake:profile"]},
        {"path": SENIOR_PATH, **common, "title": "Senior Machine Learning Engineer",
         "title_raw": "Senior Machine Learning Engineer (m/f/d)", "company": "ALDI Einkauf SE & Co. oHG",
         "via_agency": False, "agency": None, "city": "Essen", "cities": ["Essen"], "employment_type": "full_time",
         "date_posted_raw": "Published: 1 week ago"},
    ]


def bad_entry(page: BadPage) -> dict[str, Any]:
    """Manifest entry of a page in the bad area."""
    stored = page.outcome == "stored"
    return {
        "path": page.path,
        "area": "bad",
        "markup": page.markup,
        "language": "de" if page.markup != "binary" else None,
        "outcome": page.outcome,
        "reason": page.reason,
        "title": page.title,
        "title_raw": page.card_title if stored else None,
        "company": page.company if stored else None,
        "via_agency": False,
        "agency": None,
        "city": page.city if stored else None,
        "cities": [page.city] if stored and page.city else [],
        "country": "DE" if stored else None,
        "workplace_type": None,
        "employment_type": "full_time" if stored else None,
        "contract_type": None,
        "salary": None,
        "date_posted": page.posted.isoformat() if stored else None,
        "date_posted_raw": None,
        "variants": [],
    }
