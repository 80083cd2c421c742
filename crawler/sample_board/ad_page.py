"""One ad's page: board chrome around the ad, with JSON-LD, microdata or no structured data."""

from __future__ import annotations

from datetime import timedelta
from html import escape

from crawler.sample_board.ad_body import page_body_html
from crawler.sample_board.model import Ad
from crawler.sample_board.page_layout import (
    BOARD_NAME,
    CHROME,
    breadcrumb,
    cookie_banner,
    document,
    job_alert_box,
    salary_widget,
    similar_jobs_aside,
    site_footer,
    site_header,
)
from crawler.sample_board.structured_data import jsonld_scripts

_PERIOD_UNITS = {"hour": "HOUR", "day": "DAY", "month": "MONTH", "year": "YEAR"}


class _Microdata:
    """Writes ``itemprop``/``itemscope`` attributes, or nothing when the page has no microdata."""

    def __init__(self, enabled: bool, schema: str) -> None:
        self.enabled = enabled
        self.schema = schema

    def scope(self, item_type: str, prop: str | None = None) -> str:
        if not self.enabled:
            return ""
        prop_attr = f' itemprop="{prop}"' if prop else ""
        return f'{prop_attr} itemscope itemtype="{self.schema}/{item_type}"'

    def prop(self, name: str) -> str:
        return f' itemprop="{name}"' if self.enabled else ""

    def meta(self, name: str, content: str) -> str:
        return f'<meta itemprop="{name}" content="{escape(content)}">' if self.enabled else ""


def _company_html(ad: Ad, md: _Microdata) -> str:
    if md.enabled and "org_text" in ad.spec.variants:
        return f'<div class="job-ad__company"><span itemprop="hiringOrganization">{escape(ad.company_shown)}</span></div>'
    return (
        f'<div class="job-ad__company"{md.scope("Organization", "hiringOrganization")}>'
        f'<a href="#company-profile"><span{md.prop("name")}>{escape(ad.company_shown)}</span></a>'
        f'{md.meta("sameAs", ad.website)}</div>'
    )


def _location_html(ad: Ad, md: _Microdata) -> str:
    if not md.enabled or ad.place is None:
        return f'<li class="job-ad__location">{escape(ad.location_text)}</li>'
    place = ad.place
    locality = place.english_name if ad.spec.english_place else place.name
    if "locality_only" in ad.spec.variants:
        inner = f'<span itemprop="addressLocality">{escape(locality)}</span>'
    else:
        inner = (
            f'<span itemprop="postalCode">{place.postal_code}</span> '
            f'<span itemprop="addressLocality">{escape(locality)}</span>'
            f'{md.meta("addressRegion", place.region)}{md.meta("addressCountry", place.country)}'
        )
    return (
        f'<li class="job-ad__location"{md.scope("Place", "jobLocation")}>'
        f'<span{md.scope("PostalAddress", "address")}>{inner}</span></li>'
    )


def _salary_meta_html(ad: Ad, md: _Microdata) -> str:
    if ad.salary_placement != "meta" or not ad.salary_text:
        return ""
    salary = ad.spec.salary
    if not (md.enabled and salary and salary.style == "microdata_range"):
        return f'<li class="job-ad__salary">{escape(ad.salary_text)}</li>'
    return (
        f'<li class="job-ad__salary"{md.scope("MonetaryAmount", "baseSalary")}>'
        f'{md.meta("currency", salary.currency)}'
        f'<span{md.scope("QuantitativeValue", "value")}>'
        f'{md.meta("minValue", f"{salary.minimum:g}")}{md.meta("maxValue", f"{salary.maximum:g}")}'
        f'{md.meta("unitText", _PERIOD_UNITS[salary.period])}</span>{escape(ad.salary_text)}</li>'
    )


def _header_html(ad: Ad, md: _Microdata) -> str:
    c = CHROME[ad.chrome_lang]
    worktime = ", ".join(text for text in (ad.employment_text, ad.workplace_text) if text)
    meta = [_location_html(ad, md)]
    if ad.contract_text:
        meta.append(f'<li class="job-ad__contract">{escape(ad.contract_text)}</li>')
    if worktime:
        employment = {"full_time": "FULL_TIME", "part_time": "PART_TIME"}.get(ad.spec.employment or "")
        meta.append(
            f'<li class="job-ad__worktime">{escape(worktime)}'
            f'{md.meta("employmentType", employment) if employment else ""}</li>'
        )
    meta.append(
        f'<li class="job-ad__date"><time datetime="{ad.date_posted.isoformat()}"{md.prop("datePosted")}>'
        f"{escape(ad.date_text)}</time></li>"
    )
    meta.append(_salary_meta_html(ad, md))
    if md.enabled and "md_valid_through" in ad.spec.variants:
        meta.append(md.meta("validThrough", (ad.date_posted + timedelta(days=45)).isoformat()))
    return (
        '<header class="job-ad__header">\n'
        f'  <a class="job-ad__alert" href="#job-alert">{c["jobs_by_email"]}</a>\n'
        f"  {_company_html(ad, md)}\n"
        f'  <h1 class="job-ad__title"{md.prop("title")}>{escape(ad.title_raw)}</h1>\n'
        '  <ul class="job-ad__meta">\n    ' + "\n    ".join(m for m in meta if m) + "\n  </ul>\n"
        '  <div class="job-ad__actions">'
        f'<button type="button" class="btn">{c["show_salary"]}</button>'
        f'<a class="btn btn--primary" href="#apply">{c["easy_apply"]}</a>'
        f'<button type="button" class="btn">{c["interested"]}</button>'
        f'<button type="button" class="btn btn--icon">{c["save"]}</button></div>\n'
        "</header>"
    )


def render_ad_page(ad: Ad) -> str:
    """The full HTML page of a composed ad."""
    c = CHROME[ad.chrome_lang]
    schema = "https://schema.org" if "https_itemtype" in ad.spec.variants else "http://schema.org"
    md = _Microdata(ad.spec.markup == "microdata", schema)
    article = (
        f'<article class="job-ad" id="job-{ad.reference}"{md.scope("JobPosting")}>\n'
        f"{_header_html(ad, md)}\n"
        f'<div class="job-ad__body"{md.prop("description")}>\n{page_body_html(ad)}\n</div>\n'
        '<footer class="job-ad__footer">'
        f'<a id="apply" class="btn btn--primary" href="#apply-form">{c["apply_now"]}</a> '
        f'<a href="#share">{c["share"]}</a> <a href="#report">{c["report"]}</a></footer>\n'
        "</article>"
    )
    figures = ad.salary_text if ad.salary_placement == "widget" else None
    body = "\n".join((
        site_header(ad.chrome_lang),
        '<main class="job-page">',
        breadcrumb(ad.chrome_lang, ad.place.name if ad.place else None),
        article,
        salary_widget(ad.chrome_lang, figures),
        job_alert_box(ad.chrome_lang),
        similar_jobs_aside(ad.chrome_lang, ad.similar),
        "</main>",
        site_footer(ad.chrome_lang),
        cookie_banner(ad.chrome_lang),
    ))
    city = ad.place.name if ad.place else "Remote"
    head_extra = jsonld_scripts(ad) if ad.spec.markup in ("jsonld", "graph") else ""
    return document(
        lang=ad.chrome_lang,
        title=f"{ad.title_raw} – {ad.company_shown} – {city} | {BOARD_NAME}",
        body=body,
        head_extra=head_extra,
        canonical=f"/{ad.path}",
        meta_description=f"{ad.title_raw} bei {ad.company_shown} in {city}" if ad.chrome_lang == "de"
        else f"{ad.title_raw} at {ad.company_shown} in {city}",
    )
