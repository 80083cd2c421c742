"""The two seed ads (``seed_ads/*.txt``, real ads as readers saw them) rendered as board pages.

Their visible text stays faithful to the seeds, mojibake included: the seeds' expected parse
results are known, so the crawl can be checked against them end to end.
"""

from __future__ import annotations

from functools import partial
from html import escape as escape_attribute
from pathlib import Path

from crawler.sample_board import PACKAGE_DIR
from crawler.sample_board.page_layout import (
    BOARD_NAME,
    cookie_banner,
    document,
    job_alert_box,
    salary_widget,
    site_footer,
    site_header,
)

escape = partial(escape_attribute, quote=False)

SEED_DIR = PACKAGE_DIR / "seed_ads"
JUNIOR_SEED = SEED_DIR / "000_b66804fa50d40c3b.txt"
SENIOR_SEED = SEED_DIR / "001_004fedc382bfa4ea.txt"
JUNIOR_PATH = "jobs/junior-data-scientist-ml-engineer-koeln.html"
SENIOR_PATH = "jobs/senior-machine-learning-engineer-essen.html"


def seed_lines(path: Path) -> list[str]:
    """The seed's non-blank lines, stripped."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _is_heading(line: str) -> bool:
    return line.endswith(":") and len(line) <= 40


def render_junior_seed() -> str:
    """Seed 000: an agency ad with no structured data; its text is the ad body, board chrome around."""
    raw_lines = JUNIOR_SEED.read_text(encoding="utf-8").splitlines()
    title = raw_lines[0].strip()
    parts: list[str] = []
    items: list[str] = []
    in_list = False
    for line in (raw.strip() for raw in raw_lines[1:]):
        if _is_heading(line):
            in_list = True
            parts.append(f"<h3>{escape(line)}</h3>")
        elif not line:
            if items:
                parts.append("<ul>\n" + "\n".join(f"  <li>{escape(i)}</li>" for i in items) + "\n</ul>")
                items = []
        elif in_list:
            items.append(line)
        else:
            parts.append(f"<p>{escape(line)}</p>")
    if items:
        parts.append("<ul>\n" + "\n".join(f"  <li>{escape(i)}</li>" for i in items) + "\n</ul>")
    article = (
        '<article class="job-ad job-ad--external">\n'
        f'<h1 class="job-ad__title">{escape(title)}</h1>\n'
        '<div class="job-ad__body">\n' + "\n".join(parts) + "\n</div>\n</article>"
    )
    body = "\n".join((
        site_header("en"), '<main class="job-page">', article, salary_widget("en", None),
        job_alert_box("en"), "</main>", site_footer("en"), cookie_banner("en"),
    ))
    return document(lang="en", title=f"{title} – Cologne | {BOARD_NAME}", body=body, canonical=f"/{JUNIOR_PATH}")


def _expect(lines: list[str], index: int, text: str) -> str:
    if lines[index] != text:
        raise ValueError(f"{SENIOR_SEED.name} line {index}: expected {text!r}, found {lines[index]!r}")
    return escape(text)


def _list_between(lines: list[str], start: str, end: str) -> tuple[str, str]:
    """(heading, <ul>) for the lines after ``start`` up to ``end``."""
    first, last = lines.index(start), lines.index(end)
    items = "\n".join(f"    <li>{escape(line)}</li>" for line in lines[first + 1:last])
    return escape(start), f"  <ul>\n{items}\n  </ul>"


def render_senior_seed() -> str:
    """Seed 001: a board page whose visible text is exactly the seed, board chrome included."""
    lines = seed_lines(SENIOR_SEED)
    e = lambda index, text: _expect(lines, index, text)  # noqa: E731 - short local alias
    sections = [
        _list_between(lines, "Your tasks", "Your profile"),
        _list_between(lines, "Your profile", "Your benefits"),
        _list_between(lines, "Your benefits", "Like this job?"),
    ]
    tail = lines.index("Like this job?")
    section_html = "\n".join(f'<section class="job-ad__section">\n  <h2>{h}</h2>\n{ul}\n</section>' for h, ul in sections)
    body = f"""<main class="job-page">
<article class="job-ad">
<header class="job-ad__header">
  <a class="job-ad__alert" href="#job-alert">{e(0, "Jobs by email")}</a>
  <div class="job-ad__company"><a href="#company-profile">{escape(lines[1])}</a></div>
  <h1 class="job-ad__title">{escape(lines[2])}</h1>
  <ul class="job-ad__meta">
    <li class="job-ad__location">{escape(lines[3])}</li>
    <li class="job-ad__contract">{escape(lines[4])}</li>
    <li class="job-ad__worktime">{escape(lines[5])}</li>
    <li class="job-ad__date"><time>{escape(lines[6])}</time></li>
  </ul>
  <div class="job-ad__actions"><button type="button" class="btn">{e(7, "Show salary")}</button><a class="btn btn--primary" href="#apply">{e(8, "Easy apply")}</a><button type="button" class="btn">{e(9, "I'm interested")}</button><button type="button" class="btn btn--icon">{e(10, "Save")}</button></div>
</header>
<div class="job-ad__body">
<p class="job-ad__company-description">{escape(lines[11])}</p>
{section_html}
</div>
</article>
<section class="job-feedback">
  <h2>{e(tail, "Like this job?")}</h2>
  <p>{e(tail + 1, "Your feedback will help us to improve your job search.")}</p>
  <button type="button" class="btn">{e(tail + 2, "I'm interested")}<span class="visually-hidden">{e(tail + 3, "Chevron right icon")}</span></button>
</section>
<aside class="salary-widget">
  <h2>{e(tail + 4, "Salary")}</h2>
  <p>{e(tail + 5, "Curious about the salary for this job?")}</p>
  <button type="button" class="btn">{e(tail + 6, "Show salary")}</button>
  <div class="salary-widget__range"><span>{e(tail + 7, "€")}</span><label>{e(tail + 8, "Min €")}<input type="number" name="min"></label><label>{e(tail + 9, "Max €")}<input type="number" name="max"></label></div>
</aside>
<section class="company-location">
  <h2>{e(tail + 10, "Our Location")}</h2>
  <a href="#map">{e(tail + 11, "Open map")}</a>
  <address><span class="company-location__name">{escape(lines[tail + 12])}</span><br><span class="company-location__address">{escape(lines[tail + 13])}</span></address>
</section>
</main>"""
    if len(lines) != tail + 14:
        raise ValueError(f"{SENIOR_SEED.name}: unexpected lines after the location block")
    return document(
        lang="en",
        title=f"{lines[2]} – {lines[1]} – {lines[3]} | {BOARD_NAME}",
        body=body,
        canonical=f"/{SENIOR_PATH}",
    )
