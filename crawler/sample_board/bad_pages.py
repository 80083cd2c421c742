"""The board's ``bad/`` area: broken pages a robust crawl must survive.

Two of them still hold a usable posting (broken HTML; one malformed JSON-LD block next to a valid
one); three must be rejected (the only JobPosting block is malformed; no title; junk bytes).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from crawler.sample_board.compose import SITE_DATE
from crawler.sample_board.page_layout import BOARD_NAME, cookie_banner, document, site_footer, site_header


@dataclass(frozen=True)
class BadPage:
    """One page of the bad area with what a crawl should make of it."""

    path: str
    content: bytes
    card_title: str
    """The title the listing card shows (the page itself may not)."""
    company: str | None
    city: str | None
    markup: str
    outcome: str
    reason: str | None
    posted: date
    title: str | None = None
    """Expected clean title when the page is stored."""


def _posting(title: str | None, company: str, city: str, postal_code: str, posted: date, text: str) -> dict:
    posting: dict = {"@context": "https://schema.org", "@type": "JobPosting"}
    if title:
        posting["title"] = title
    posting.update({
        "description": f"<p>{text}</p>",
        "datePosted": posted.isoformat(),
        "employmentType": "FULL_TIME",
        "hiringOrganization": {"@type": "Organization", "name": company},
        "jobLocation": {"@type": "Place", "address": {
            "@type": "PostalAddress", "addressLocality": city, "postalCode": postal_code, "addressCountry": "DE"}},
    })
    return posting


def _script(text: str) -> str:
    return f'<script type="application/ld+json">\n{text}\n</script>'


def _drop_comma_after_title(posting: dict) -> str:
    """The posting as JSON with the comma after ``title`` missing, as some ATS templates emit it."""
    text = json.dumps(posting, ensure_ascii=False, indent=2)
    broken = text.replace(f'"title": {json.dumps(posting["title"], ensure_ascii=False)},',
                          f'"title": {json.dumps(posting["title"], ensure_ascii=False)}', 1)
    if broken == text:
        raise ValueError("could not break the JSON-LD block: no title line found")
    return broken


def _app_shell(head_extra: str) -> str:
    """A page whose content a script would render: nothing visible but chrome."""
    body = "\n".join((
        site_header("de"),
        '<main id="root" class="job-page"><div class="spinner" aria-busy="true"></div></main>',
        "<noscript>Bitte aktivieren Sie JavaScript, um diese Seite zu nutzen.</noscript>",
        site_footer("de"),
        cookie_banner("de"),
    ))
    return document(lang="de", title=BOARD_NAME, body=body, head_extra=head_extra)


def _broken_html(posted: date) -> str:
    title = "Fachkraft für Lagerlogistik (m/w/d)"
    intro = "Für unser Logistikzentrum in Bremen suchen wir Sie als Fachkraft für Lagerlogistik im Schichtdienst."
    posting = _posting(title, "Kranich Logistik SE", "Bremen", "28195", posted, intro)
    # Cut off mid-attribute, as a dropped connection leaves a page; tags are never closed.
    return (
        '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)} – Kranich Logistik SE – Bremen | {BOARD_NAME}</title>\n"
        f"{_script(json.dumps(posting, ensure_ascii=False, indent=2))}\n</head>\n<body>\n"
        '<header class="site-header"><a class="logo" href="/index.html">JobHafen</a>'
        '<nav class="main-nav"><a href="/jobs/page-1.html">Jobs finden</a>\n'
        '<main class="job-page"><article class="job-ad">\n'
        '<div class="job-ad__company">Kranich Logistik SE\n'
        f'<h1 class="job-ad__title">{escape(title)}</h1>\n'
        '<ul class="job-ad__meta"><li>28195 Bremen<li>Vollzeit, Schichtdienst<li><time>Erschienen: vor 4 Tagen</time>\n'
        f'<div class="job-ad__body"><p>{escape(intro)}\n'
        "<h2>Ihre Aufgaben</h2><ul><li>Warenannahme und Wareneingangskontrolle<li>Kommissionierung und "
        "Verpackung von Kundenaufträgen<li>Bedienung von Flurförderzeugen und Scannern\n"
        "<h2>Ihr Profil<ul><li>Abgeschlossene Ausbildung als Fachkraft für Lagerlogistik<li>Staplerschein"
        "<li>Bereitschaft zur Schichtarbeit\n"
        '<p class="job-ad__clos'
    )


def _broken_jsonld(posted: date) -> str:
    title = "Sachbearbeiter Einkauf (m/w/d)"
    text = ("Zur Verstärkung unseres Einkaufsteams suchen wir Sie als Sachbearbeiter Einkauf. "
            "Sie bearbeiten Bestellungen, pflegen Lieferantenstammdaten in SAP MM und verhandeln Rahmenverträge.")
    posting = _posting(title, "Falkenstein Maschinenbau GmbH", "Karlsruhe", "76133", posted, text)
    scripts = _script(_drop_comma_after_title(posting)) + "\n" + _script(json.dumps(posting, ensure_ascii=False))
    body = "\n".join((
        site_header("de"),
        '<main class="job-page"><article class="job-ad">',
        '<div class="job-ad__company">Falkenstein Maschinenbau GmbH</div>',
        f'<h1 class="job-ad__title">{escape(title)}</h1>',
        '<ul class="job-ad__meta"><li>76133 Karlsruhe</li><li>Vollzeit</li><li>Erschienen: vor 6 Tagen</li></ul>',
        f'<div class="job-ad__body"><p>{escape(text)}</p></div>',
        "</article></main>",
        site_footer("de"),
        cookie_banner("de"),
    ))
    return document(lang="de", title=f"{title} | {BOARD_NAME}", body=body, head_extra=scripts)


def _binary(seed: int) -> bytes:
    rng = random.Random(seed)
    junk = bytes(rng.randrange(256) for _ in range(2048))
    content = b"\x1f\x8b\x08\x00\xff\xfe\xc3\x28" + junk
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return content
    raise ValueError("junk bytes happen to be valid UTF-8: pick another seed")


def bad_pages(seed: int) -> list[BadPage]:
    """Every page of the bad area."""
    day = lambda days: SITE_DATE - timedelta(days=days)  # noqa: E731 - short local alias
    only_broken = _posting("Lagerhelfer (m/w/d)", "Kranich Logistik SE", "Bremen", "28195", day(8),
                           "Wir suchen Lagerhelfer für unser Logistikzentrum.")
    no_title = _posting(None, "Bergmann Handelshaus KG", "Leipzig", "04109", day(9),
                        "Für unser Team in Leipzig suchen wir Unterstützung im kaufmännischen Bereich.")
    return [
        BadPage("bad/broken-html.html", _broken_html(day(4)).encode("utf-8"), "Fachkraft für Lagerlogistik (m/w/d)",
                "Kranich Logistik SE", "Bremen", "jsonld", "stored", None, day(4),
                title="Fachkraft für Lagerlogistik"),
        BadPage("bad/broken-jsonld.html", _broken_jsonld(day(6)).encode("utf-8"), "Sachbearbeiter Einkauf (m/w/d)",
                "Falkenstein Maschinenbau GmbH", "Karlsruhe", "jsonld", "stored", None, day(6),
                title="Sachbearbeiter Einkauf"),
        BadPage("bad/only-broken-jsonld.html",
                _app_shell(_script(_drop_comma_after_title(only_broken))).encode("utf-8"),
                "Lagerhelfer (m/w/d)", "Kranich Logistik SE", "Bremen", "jsonld", "rejected", "no_valid_jobposting", day(8)),
        BadPage("bad/no-title.html", _app_shell(_script(json.dumps(no_title, ensure_ascii=False))).encode("utf-8"),
                "Kaufmännischer Mitarbeiter (m/w/d)", "Bergmann Handelshaus KG", "Leipzig", "jsonld", "rejected",
                "missing_title", day(9)),
        BadPage("bad/binary.html", _binary(seed), "Produktionshelfer (m/w/d)", "Nordwerk Industrie GmbH", "Bochum",
                "binary", "rejected",
                "undecodable_page", day(10)),
    ]
