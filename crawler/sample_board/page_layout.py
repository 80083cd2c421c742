"""The board's chrome: document frame, navigation, cookie banner, widgets and footer."""

from __future__ import annotations

from html import escape

BOARD_NAME = "JobHafen"

CHROME: dict[str, dict[str, str]] = {
    "en": {
        "find_jobs": "Find jobs", "companies": "Companies", "salary_check": "Salary check",
        "career": "Career advice", "post_job": "Post a job", "login": "Log in",
        "jobs_by_email": "Jobs by email", "alert_text": "Get new jobs like this one straight to your inbox.",
        "email": "Your email address", "subscribe": "Activate job alert",
        "easy_apply": "Easy apply", "interested": "I'm interested", "save": "Save",
        "show_salary": "Show salary", "salary": "Salary", "salary_curious": "Curious about the salary for this job?",
        "salary_stated": "Salary range stated by the employer", "similar": "Similar jobs",
        "cookie_text": "We use cookies to improve your experience and to show you personalised job "
        "recommendations. You can change your choice at any time in the cookie settings.",
        "accept": "Accept all", "reject": "Only necessary", "settings": "Settings",
        "rights": "All rights reserved.", "imprint": "Imprint", "privacy": "Privacy",
        "report": "Report this job", "home": "Home", "jobs": "Jobs", "reference": "Reference",
        "apply_now": "Apply now", "share": "Share",
    },
    "de": {
        "find_jobs": "Jobs finden", "companies": "Unternehmen", "salary_check": "Gehaltscheck",
        "career": "Karriereratgeber", "post_job": "Stellenanzeige schalten", "login": "Anmelden",
        "jobs_by_email": "Jobs per E-Mail", "alert_text": "Neue passende Jobs direkt in Ihr Postfach.",
        "email": "Ihre E-Mail-Adresse", "subscribe": "Job-Alarm aktivieren",
        "easy_apply": "Schnellbewerbung", "interested": "Interessiert", "save": "Merken",
        "show_salary": "Gehalt anzeigen", "salary": "Gehalt", "salary_curious": "Neugierig auf das Gehalt für diesen Job?",
        "salary_stated": "Gehaltsangabe des Arbeitgebers", "similar": "Ähnliche Jobs",
        "cookie_text": "Wir verwenden Cookies, um Ihnen die bestmögliche Nutzung unserer Website und "
        "personalisierte Jobempfehlungen zu ermöglichen. Ihre Auswahl können Sie jederzeit ändern.",
        "accept": "Alle akzeptieren", "reject": "Nur notwendige", "settings": "Einstellungen",
        "rights": "Alle Rechte vorbehalten.", "imprint": "Impressum", "privacy": "Datenschutz",
        "report": "Anzeige melden", "home": "Startseite", "jobs": "Jobs", "reference": "Referenznummer",
        "apply_now": "Jetzt bewerben", "share": "Teilen",
    },
}


def document(*, lang: str, title: str, body: str, head_extra: str = "", canonical: str | None = None,
             meta_description: str | None = None) -> str:
    """A complete HTML page."""
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
    ]
    if meta_description:
        head.append(f'<meta name="description" content="{escape(meta_description)}">')
        head.append(f'<meta property="og:title" content="{escape(title)}">')
    if canonical:
        head.append(f'<link rel="canonical" href="{escape(canonical)}">')
    head.append('<link rel="stylesheet" href="/static/board.css">')
    head.append(
        "<script>window.dataLayer = window.dataLayer || [];"
        " function gtag(){dataLayer.push(arguments);} gtag('js', new Date());</script>"
    )
    if head_extra:
        head.append(head_extra)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n' + "\n".join(head) + "\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def site_header(chrome_lang: str) -> str:
    """Top navigation bar."""
    c = CHROME[chrome_lang]
    return (
        '<header class="site-header">\n'
        f'  <a class="logo" href="/index.html" aria-label="{BOARD_NAME}">{BOARD_NAME}</a>\n'
        '  <nav class="main-nav">\n'
        f'    <a href="/jobs/page-1.html">{c["find_jobs"]}</a>\n'
        f'    <a href="/index.html#companies">{c["companies"]}</a>\n'
        f'    <a href="/index.html#salary">{c["salary_check"]}</a>\n'
        f'    <a href="/index.html#career">{c["career"]}</a>\n'
        f'    <a class="btn btn--ghost" href="/index.html#employers">{c["post_job"]}</a>\n'
        f'    <button type="button" class="btn btn--login">{c["login"]}</button>\n'
        "  </nav>\n</header>"
    )


def cookie_banner(chrome_lang: str) -> str:
    """The consent dialog every page carries."""
    c = CHROME[chrome_lang]
    return (
        '<div id="cookie-consent" class="cookie-banner" role="dialog" aria-modal="true">\n'
        f'  <p>{c["cookie_text"]} <a href="/privacy.html">{c["privacy"]}</a></p>\n'
        f'  <button type="button" class="btn btn--primary" data-consent="all">{c["accept"]}</button>\n'
        f'  <button type="button" class="btn" data-consent="necessary">{c["reject"]}</button>\n'
        f'  <button type="button" class="btn btn--link" data-consent="settings">{c["settings"]}</button>\n'
        "</div>"
    )


def site_footer(chrome_lang: str) -> str:
    """Footer with legal links."""
    c = CHROME[chrome_lang]
    return (
        '<footer class="site-footer">\n'
        f'  <p>© 2026 {BOARD_NAME} GmbH. {c["rights"]}</p>\n'
        f'  <a href="/impressum.html">{c["imprint"]}</a> · <a href="/privacy.html">{c["privacy"]}</a>'
        f' · <a href="/jobs/page-1.html">{c["jobs"]}</a>\n'
        "</footer>"
    )


def job_alert_box(chrome_lang: str) -> str:
    """The "Jobs by email" sign-up box."""
    c = CHROME[chrome_lang]
    return (
        '<section id="job-alert" class="job-alert">\n'
        f'  <h2>{c["jobs_by_email"]}</h2>\n  <p>{c["alert_text"]}</p>\n'
        '  <form class="job-alert__form" method="post" action="/alerts">'
        f'<input type="email" name="email" placeholder="{c["email"]}">'
        f'<button type="submit">{c["subscribe"]}</button></form>\n'
        "</section>"
    )


def salary_widget(chrome_lang: str, figures: str | None) -> str:
    """Salary box: figures when the employer gives them, else the empty "Show salary" form."""
    c = CHROME[chrome_lang]
    if figures:
        return (
            '<aside class="salary-widget salary-widget--filled">\n'
            f'  <h2>{c["salary"]}</h2>\n  <p class="salary-widget__label">{c["salary_stated"]}</p>\n'
            f'  <p class="salary-widget__value">{escape(figures)}</p>\n'
            "</aside>"
        )
    return (
        '<aside class="salary-widget">\n'
        f'  <h2>{c["salary"]}</h2>\n  <p>{c["salary_curious"]}</p>\n'
        f'  <button type="button" class="btn">{c["show_salary"]}</button>\n'
        '  <div class="salary-widget__range"><span>€</span>'
        '<label>Min €<input type="number" name="min"></label>'
        '<label>Max €<input type="number" name="max"></label></div>\n'
        "</aside>"
    )


def similar_jobs_aside(chrome_lang: str, similar: list) -> str:
    """Links to other ads, with the tracking parameters boards add to them."""
    c = CHROME[chrome_lang]
    items = "\n".join(
        f'    <li><a href="/{other.path}?utm_source=similar_jobs&amp;utm_medium=web">{escape(other.title_raw)}</a>'
        f' <span class="company">{escape(other.company_shown or "")}</span>'
        f' <span class="city">{escape(other.place.name if other.place else "Remote")}</span></li>'
        for other in similar
    )
    return f'<aside class="similar-jobs">\n  <h2>{c["similar"]}</h2>\n  <ul>\n{items}\n  </ul>\n</aside>'


def breadcrumb(chrome_lang: str, city: str | None) -> str:
    """Home › Jobs › city."""
    c = CHROME[chrome_lang]
    tail = f' › <span>{escape(city)}</span>' if city else ""
    return (
        f'<nav class="breadcrumb" aria-label="Breadcrumb"><a href="/index.html">{c["home"]}</a> › '
        f'<a href="/jobs/page-1.html">{c["jobs"]}</a>{tail}</nav>'
    )
