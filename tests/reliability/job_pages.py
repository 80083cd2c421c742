"""Job ad pages and sitemaps for the reliability suite: many distinct, valid JobPosting pages.

Every page is a different job at a different employer, so the store's cross-source matching
never merges two of them: N pages crawled must give exactly N postings.
"""

from __future__ import annotations

import itertools
import json
from html import escape
from typing import Any

_FIRST = ("Nord", "Süd", "Ost", "West", "Alpen", "Rhein", "Elb", "Main", "Donau", "Ostsee", "Nordsee", "Harz",
          "Eifel", "Taunus", "Spree", "Isar", "Weser", "Mosel", "Neckar", "Ruhr", "Saale", "Lahn", "Havel", "Fulda")
_SECOND = ("licht", "werk", "daten", "logik", "stahl", "netz", "wind", "kraft", "bau", "code", "form", "feld",
           "stern", "quelle", "brücke", "hafen", "turm", "berg", "tal", "wald", "stein", "glas")
_KIND = ("GmbH", "AG", "SE", "KG")
_ROLES = ("Data Engineer", "Backend Developer", "Buchhalter", "Vertriebsmitarbeiter", "Projektmanager",
          "DevOps Engineer", "Elektroniker", "Pflegefachkraft", "UX Designer", "Controller", "Lagerist",
          "Java Developer", "Marketing Manager", "Steuerfachangestellter", "Data Scientist", "Mechatroniker")
_CITIES = (("Berlin", "10115"), ("Hamburg", "20095"), ("München", "80331"), ("Köln", "50667"),
           ("Frankfurt am Main", "60311"), ("Stuttgart", "70173"), ("Düsseldorf", "40213"), ("Leipzig", "04109"),
           ("Dresden", "01067"), ("Essen", "45127"), ("Bremen", "28195"), ("Hannover", "30159"))
_COMPANIES = [f"{first}{second} {kind}" for (first, second), kind
              in zip(itertools.product(_FIRST, _SECOND), itertools.cycle(_KIND))]


def company_name(number: int) -> str:
    """A distinct employer for each of the first ~500 numbers."""
    return _COMPANIES[number % len(_COMPANIES)]


def job_title(number: int) -> str:
    return f"{_ROLES[number % len(_ROLES)]} (m/w/d)"


def job_posting(number: int, **overrides: Any) -> dict[str, Any]:
    """A schema.org JobPosting for job ``number``; ``overrides`` replace (or, as None, drop) keys."""
    city, postal_code = _CITIES[number % len(_CITIES)]
    company = company_name(number)
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": job_title(number),
        "identifier": {"@type": "PropertyValue", "name": company, "value": f"REQ-{number:05d}"},
        "datePosted": "2026-11-02",
        "validThrough": "2027-01-31",
        "employmentType": "FULL_TIME",
        "hiringOrganization": {"@type": "Organization", "name": company},
        "jobLocation": {"@type": "Place", "address": {
            "@type": "PostalAddress", "addressLocality": city, "postalCode": postal_code, "addressCountry": "DE"}},
        "description": (
            f"<p>{company} sucht zum nächstmöglichen Zeitpunkt Verstärkung in {city}.</p>"
            f"<h3>Ihre Aufgaben</h3><ul><li>Aufgabe {number} im Team {company}</li>"
            f"<li>Betreuung der Projekte am Standort {city}</li></ul>"
            f"<h3>Ihr Profil</h3><ul><li>Mindestens {number % 7 + 1} Jahre Berufserfahrung</li>"
            "<li>Sehr gute Deutschkenntnisse</li></ul>"
        ),
    }
    for key, value in overrides.items():
        if value is None:
            node.pop(key, None)
        else:
            node[key] = value
    return node


def job_page(number: int, *, node: dict[str, Any] | None = None, json_ld: str | None = None,
             **overrides: Any) -> str:
    """An HTML page holding one JobPosting as JSON-LD (``json_ld`` puts raw text in the block)."""
    node = node if node is not None else job_posting(number, **overrides)
    block = json_ld if json_ld is not None else json.dumps(node, ensure_ascii=False)
    heading = escape(str(node.get("title", f"Job {number}")))[:200]
    return (f"<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>{heading}</title>"
            f"<script type=\"application/ld+json\">{block}</script></head>"
            f"<body><h1>{heading}</h1><p>Stellenanzeige {number}</p></body></html>")


def sitemap(urls: list[str]) -> str:
    """A sitemap ``urlset`` listing ``urls``."""
    entries = "".join(f"<url><loc>{escape(url)}</loc></url>" for url in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>')


def sitemap_index(urls: list[str]) -> str:
    """A sitemap index pointing at the sitemaps ``urls``."""
    entries = "".join(f"<sitemap><loc>{escape(url)}</loc></sitemap>" for url in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>')


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""
"""The DOCTYPE of a "billion laughs" document: ``&lol9;`` expands to 10^9 × "lol" (3 GB)."""


def billion_laughs_sitemap(url: str) -> str:
    """A sitemap listing one real URL, then a ``<loc>`` that holds ``&lol9;``."""
    return (BILLION_LAUGHS + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{escape(url)}</loc></url><url><loc>&lol9;</loc></url></urlset>")
