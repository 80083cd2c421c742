"""The ways into the board: home page, paginated listings, sitemaps, robots.txt, legal pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from crawler.sample_board import BASE_URL_PLACEHOLDER
from crawler.sample_board.compose import SITE_DATE
from crawler.sample_board.page_layout import BOARD_NAME, cookie_banner, document, site_footer, site_header
from crawler.sample_board.text_formats import relative_date_text

ADS_PER_PAGE = 10


@dataclass(frozen=True)
class ListingEntry:
    """One ad as listings and sitemaps show it."""

    path: str
    title_raw: str
    company: str | None
    city: str | None
    posted: date | None
    lastmod: date


def listing_path(page: int) -> str:
    """Site-relative path of listing page ``page`` (1-based)."""
    return f"jobs/page-{page}.html"


def page_count(entries: list[ListingEntry]) -> int:
    """How many listing pages the entries fill."""
    return (len(entries) + ADS_PER_PAGE - 1) // ADS_PER_PAGE


def _card(entry: ListingEntry) -> str:
    posted = relative_date_text((SITE_DATE - entry.posted).days, "en").removeprefix("Published: ") if entry.posted else ""
    return (
        '  <li class="job-card">\n'
        f'    <h2 class="job-card__title"><a href="/{entry.path}">{escape(entry.title_raw)}</a></h2>\n'
        f'    <span class="job-card__company">{escape(entry.company or "Confidential employer")}</span>\n'
        f'    <span class="job-card__city">{escape(entry.city or "Remote")}</span>\n'
        f'    <span class="job-card__date">{posted}</span>\n'
        "  </li>"
    )


def _pagination(page: int, pages: int) -> str:
    links = []
    if page > 1:
        links.append(f'<a rel="prev" href="/{listing_path(page - 1)}">« Previous page</a>')
    for number in range(1, pages + 1):
        if number == page:
            links.append(f'<span aria-current="page">{number}</span>')
        else:
            links.append(f'<a href="/{listing_path(number)}">{number}</a>')
    if page < pages:
        links.append(f'<a rel="next" class="pagination__next" href="/{listing_path(page + 1)}">Next page »</a>')
    return '<nav class="pagination" aria-label="Pagination">' + " ".join(links) + "</nav>"


def render_listing(entries: list[ListingEntry], page: int) -> str:
    """Listing page ``page``: ten cards and the pagination."""
    pages = page_count(entries)
    chunk = entries[(page - 1) * ADS_PER_PAGE: page * ADS_PER_PAGE]
    body = "\n".join((
        site_header("en"),
        '<main class="listing">',
        f"<h1>Jobs in Germany, Austria and Switzerland</h1>\n<p>{len(entries)} jobs · page {page} of {pages}</p>",
        '<ul class="job-list">\n' + "\n".join(_card(entry) for entry in chunk) + "\n</ul>",
        _pagination(page, pages),
        "</main>",
        site_footer("en"),
        cookie_banner("en"),
    ))
    return document(lang="en", title=f"Jobs – page {page} | {BOARD_NAME}", body=body,
                    canonical=f"/{listing_path(page)}")


def render_index(entries: list[ListingEntry]) -> str:
    """The home page: search form, latest jobs and the way into the listings."""
    latest = "\n".join(_card(entry) for entry in entries[:6])
    body = "\n".join((
        site_header("en"),
        '<main class="home">',
        f"<h1>{BOARD_NAME} – find your next job</h1>",
        '<form class="search" method="get" action="/search"><input name="q" placeholder="Job title, skill or company">'
        '<input name="where" placeholder="City"><button type="submit">Find jobs</button></form>',
        f'<section class="latest"><h2>Latest jobs</h2>\n<ul class="job-list">\n{latest}\n</ul>\n'
        f'<p><a class="btn" href="/{listing_path(1)}">Browse all {len(entries)} jobs</a></p></section>',
        '<section id="companies"><h2>Companies hiring now</h2><p>Over 30 employers post their jobs on '
        f"{BOARD_NAME}.</p></section>",
        "</main>",
        site_footer("en"),
        cookie_banner("en"),
    ))
    return document(lang="en", title=f"{BOARD_NAME} – jobs in Germany, Austria and Switzerland", body=body,
                    canonical="/", meta_description="Find IT and non-IT jobs in Germany, Austria and Switzerland.")


def render_sitemaps(entries: list[ListingEntry], child_count: int = 2) -> dict[str, str]:
    """``sitemap.xml`` (an index) and its child sitemaps, with the base-URL placeholder."""
    per_child = (len(entries) + child_count - 1) // child_count
    files: dict[str, str] = {}
    index_items = []
    for number in range(1, child_count + 1):
        chunk = entries[(number - 1) * per_child: number * per_child]
        name = f"sitemap-jobs-{number}.xml"
        urls = "\n".join(
            f"  <url>\n    <loc>{BASE_URL_PLACEHOLDER}/{entry.path}</loc>\n"
            f"    <lastmod>{entry.lastmod.isoformat()}</lastmod>\n    <changefreq>daily</changefreq>\n  </url>"
            for entry in chunk
        )
        files[name] = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}\n</urlset>\n'
        )
        newest = max(entry.lastmod for entry in chunk)
        index_items.append(
            f"  <sitemap>\n    <loc>{BASE_URL_PLACEHOLDER}/{name}</loc>\n"
            f"    <lastmod>{newest.isoformat()}</lastmod>\n  </sitemap>"
        )
    files["sitemap.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(index_items) + "\n</sitemapindex>\n"
    )
    return files


def render_robots() -> str:
    """robots.txt: everything allowed, sitemap named."""
    return (
        f"# robots.txt for {BOARD_NAME}\nUser-agent: *\nAllow: /\n\n"
        f"Sitemap: {BASE_URL_PLACEHOLDER}/sitemap.xml\n"
    )


def render_legal_pages() -> dict[str, str]:
    """Imprint and privacy pages the footer links to."""
    imprint = (
        f"<h1>Impressum</h1><p>{BOARD_NAME} GmbH<br>Am Sandtorkai 12<br>20457 Hamburg</p>"
        "<p>Geschäftsführung: Maren Holst<br>Handelsregister: Amtsgericht Hamburg, HRB 000000</p>"
    )
    privacy = (
        "<h1>Privacy policy</h1><p>We process personal data only as far as needed to run this job board. "
        "Job alerts are sent only after you confirm your email address.</p>"
    )
    pages = {}
    for path, lang, title, content in (
        ("impressum.html", "de", "Impressum", imprint),
        ("privacy.html", "en", "Privacy", privacy),
    ):
        body = "\n".join((site_header(lang), f'<main class="legal">{content}</main>', site_footer(lang)))
        pages[path] = document(lang=lang, title=f"{title} | {BOARD_NAME}", body=body, canonical=f"/{path}")
    return pages


STYLESHEET = """body{font-family:system-ui,sans-serif;margin:0;color:#1d2733}
.site-header,.site-footer{background:#0b3954;color:#fff;padding:.8rem 1.5rem}
.site-header a,.site-footer a{color:#fff;margin-right:1rem}
.job-page,.listing,.home,.legal{max-width:60rem;margin:1.5rem auto;padding:0 1rem}
.job-ad{border:1px solid #d8dee4;border-radius:8px;padding:1.5rem}
.job-ad__meta{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem;color:#52606d}
.btn{border:1px solid #0b3954;border-radius:4px;padding:.4rem .8rem;background:#fff;margin-right:.5rem}
.btn--primary{background:#ff6b35;border-color:#ff6b35;color:#fff}
.cookie-banner{position:fixed;bottom:0;left:0;right:0;background:#f4f6f8;padding:1rem;border-top:1px solid #d8dee4}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.job-list{list-style:none;padding:0}.job-card{border-bottom:1px solid #d8dee4;padding:.8rem 0}
"""
