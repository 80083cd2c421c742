"""Small JSON-LD job sites for the operations tests: ad pages plus a sitemap, served by
:class:`~tests.support.fixture_server.FixtureServer`, optionally slow, optionally without dates."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from tests.support.crawl import FAST_LOCAL_SETTINGS
from tests.support.fixture_server import Reply

TITLES = ["Data Engineer", "Backend Developer", "Product Manager", "UX Designer", "DevOps Engineer",
          "Data Scientist", "Frontend Developer", "QA Engineer", "Sales Manager", "Accountant",
          "HR Business Partner", "Marketing Manager", "Site Reliability Engineer", "Controller"]
CITIES = [("Köln", "50667"), ("Berlin", "10115"), ("Hamburg", "20095"), ("München", "80331"),
          ("Essen", "45127"), ("Leipzig", "04109"), ("Dresden", "01067")]
# One crawl process each: parse worker pools only add processes to a busy test machine.
SETTINGS = {**FAST_LOCAL_SETTINGS, "LOG_LEVEL": "INFO", "JOBCRAWL_PROGRESS": "off", "JOBCRAWL_PARSE_WORKERS": "0"}


@dataclass
class SiteState:
    """Switches a test flips between crawls of the same site."""

    with_dates: bool = True
    delay_seconds: float = 0.0


def ad_page(site: str, number: int, with_dates: bool) -> str:
    """One ad page with a schema.org JobPosting; the text itself names no date."""
    title = TITLES[number % len(TITLES)]
    city, postal_code = CITIES[number % len(CITIES)]
    company = f"Firma {site.title()} {number} GmbH"
    description = (f"<p>{company} sucht Verstärkung: als {title} im Team {site}-{number} arbeiten Sie an "
                   f"Projekt {site.upper()}{number * 7919}.</p><h3>Aufgaben</h3><ul><li>Konzepte für {title} "
                   f"entwickeln</li></ul><h3>Profil</h3><ul><li>Erfahrung mit Python und SQL</li></ul>")
    posting = {
        "@context": "https://schema.org", "@type": "JobPosting", "title": f"{title} ({site} {number})",
        "description": description, "employmentType": "FULL_TIME",
        "hiringOrganization": {"@type": "Organization", "name": company},
        "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": city,
                                                      "postalCode": postal_code, "addressCountry": "DE"}},
        "identifier": {"@type": "PropertyValue", "value": f"{site}-{number}"},
    }
    if with_dates:
        posting["datePosted"] = f"2026-10-{1 + number % 28:02d}"
    return (f"<!doctype html><html lang=\"de\"><head><title>{posting['title']}</title>"
            f"<script type=\"application/ld+json\">{json.dumps(posting, ensure_ascii=False)}</script></head>"
            f"<body><h1>{posting['title']}</h1>{description}</body></html>")


def ad_path(site: str, number: int) -> str:
    return f"/{site}/jobs/{number}"


def site_routes(site: str, ads: int, state: SiteState | None = None) -> dict:
    """Routes of one site: ``/SITE/sitemap.xml`` and ``ads`` ad pages."""
    state = state or SiteState()

    def page(number: int):
        def reply(_handler) -> Reply:
            if state.delay_seconds:
                time.sleep(state.delay_seconds)
            return Reply(ad_page(site, number, state.with_dates), content_type="text/html; charset=utf-8")
        return reply

    entries = "".join(f"<url><loc>{{{{BASE_URL}}}}{ad_path(site, number)}</loc></url>" for number in range(ads))
    sitemap = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               f"{entries}</urlset>")
    routes = {ad_path(site, number): page(number) for number in range(ads)}
    routes[f"/{site}/sitemap.xml"] = Reply(sitemap, content_type="application/xml")
    return routes


def target_toml(name: str, sitemap_url: str, schedule: str = "0 6 * * *", settings: dict[str, str] | None = None,
                enabled: bool = True) -> str:
    """One ``[targets.NAME]`` table for a ``jsonld`` crawl of a sitemap."""
    all_settings = {**SETTINGS, **(settings or {})}
    rendered = ", ".join(f"{key} = {json.dumps(value)}" for key, value in all_settings.items())
    return (f"[targets.{name}]\nspider = \"jsonld\"\narguments = {{ sitemap = \"{sitemap_url}\" }}\n"
            f"schedule = \"{schedule}\"\nenabled = {'true' if enabled else 'false'}\nsettings = {{ {rendered} }}\n")
