"""Compose ads from specs: pick text from the pools with a seeded random generator."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import replace
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from crawler.sample_board import phrases
from crawler.sample_board.employers import EMPLOYERS
from crawler.sample_board.model import Ad, AdSpec, Section
from crawler.sample_board.places import COUNTRY_NAMES, PHONE_PREFIXES, PLACES
from crawler.sample_board.roles_de import ROLES_DE
from crawler.sample_board.roles_en import ROLES_EN
from crawler.sample_board.text_formats import (
    absolute_date_text,
    mojibake,
    relative_date_text,
    salary_text,
    structured_salary_text,
    swiss_spelling,
)

SITE_DATE = date(2026, 11, 20)
"""The day the board's snapshot was taken; every publication date counts back from it."""

ROLES = {**ROLES_EN, **ROLES_DE}

_SCHEDULE_SENTENCES = {
    ("en", "part_time"): "This is a part-time position with 30 hours per week.",
    ("de", "part_time"): "Die Stelle ist in Teilzeit mit 25 bis 30 Wochenstunden zu besetzen.",
    ("en", "fixed_term"): "The position is limited to 12 months (parental leave cover).",
    ("de", "fixed_term"): "Die Stelle ist als Elternzeitvertretung auf zwei Jahre befristet.",
}


def slugify(text: str) -> str:
    """URL slug with German transliteration: ``Köln Büro`` -> ``koeln-buero``."""
    text = text.lower()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _titles(spec: AdSpec, base: str) -> tuple[str, str]:
    """(raw title with gender marker, clean title)."""
    if "{marker}" in base:
        return base.replace("{marker}", spec.marker), " ".join(base.replace("{marker}", "").split())
    if spec.marker == "*in":
        return f"{base}*in", base
    return f"{base} {spec.marker}", base


def _subset(rng: random.Random, items: tuple[str, ...], least: int) -> list[str]:
    """Some of ``items``, in their original order."""
    count = rng.randint(min(least, len(items)), len(items))
    return [items[i] for i in sorted(rng.sample(range(len(items)), count))]


def _profile(spec: AdSpec, lang: str, rng: random.Random) -> list[str]:
    role = ROLES[spec.role]
    lines = _subset(rng, role.profile, 4)
    if spec.years == 0:
        lines.insert(0, phrases.FIRST_EXPERIENCE[lang])
    elif spec.years is not None and role.experience:
        lines.insert(0, role.experience.format(years=spec.years).replace("Mindestens 1 Jahre", "Mindestens ein Jahr"))
    lines.append(rng.choice(phrases.LANGUAGE_LINES[role.language_pool or lang]))
    return lines


def _benefits(spec: AdSpec, lang: str, country: str, rng: random.Random) -> list[str]:
    pool = [b for b in phrases.BENEFITS[lang] if country == "DE" or "Deutschlandticket" not in b]
    chosen = rng.sample(pool, rng.randint(4, 7))
    if spec.contract == "permanent" and rng.random() < 0.4:
        chosen.insert(0, phrases.PERMANENT_BENEFIT[lang])
    return chosen


def _location_text(spec: AdSpec, places: list, lang: str, rng: random.Random) -> str:
    if not places:
        return "Remote (Germany)" if lang == "en" else "Remote (Deutschland)"
    names = [p.english_name if spec.english_place else p.name for p in places]
    if len(names) > 1:
        return ", ".join(names)
    place = places[0]
    return rng.choice((
        names[0],
        f"{place.postal_code} {names[0]}",
        f"{names[0]}, {COUNTRY_NAMES[lang][place.country]}",
    ))


def _salary(spec: AdSpec, lang: str, chrome_lang: str) -> tuple[str | None, str | None, str | None]:
    """(salary text, placement, salary note paragraph)."""
    note = phrases.SALARY_NOTES[spec.salary_note] if spec.salary_note else None
    if spec.salary is None:
        return None, None, note
    style = spec.salary.style
    if style.startswith("text_"):
        return salary_text(spec.salary, lang), "body", note
    if style == "widget":
        return structured_salary_text(spec.salary, chrome_lang), "widget", note
    return structured_salary_text(spec.salary, chrome_lang), "meta", note


def compose_ad(spec: AdSpec, index: int, rng: random.Random) -> Ad:
    """Compose one ad from its spec; ``index`` numbers reference ids."""
    role = ROLES[spec.role]
    lang = role.lang
    chrome_lang = spec.chrome_lang or lang
    employer = EMPLOYERS[spec.employer]
    places = [PLACES[spec.place], *(PLACES[key] for key in spec.extra_places)]
    if "telecommute" in spec.variants:
        places = []
    country = places[0].country if places else "DE"
    title_raw, title = _titles(spec, spec.title or role.base_title)
    style_key = "de_informal" if lang == "de" and role.informal else lang

    intro = [(spec.client or role.summary).format(title=title_raw)]
    for key in (spec.employment, spec.contract):
        if (lang, key) in _SCHEDULE_SENTENCES:
            intro.append(_SCHEDULE_SENTENCES[(lang, key)])
    if spec.extra_intro:
        intro.append(spec.extra_intro)

    headings = phrases.HEADINGS[style_key]
    sections = [
        Section("about", rng.choice(headings["about"]), paragraph=employer.about),
        Section("tasks", rng.choice(headings["tasks"]), tuple([*spec.extra_tasks, *_subset(rng, role.tasks, 4)])),
        Section("profile", rng.choice(headings["profile"]), tuple(_profile(spec, lang, rng))),
        Section("benefits", rng.choice(headings["benefits"]), tuple(_benefits(spec, lang, country, rng))),
    ]
    contact = rng.choice(phrases.CONTACTS)
    phone = f"{PHONE_PREFIXES[country]} {rng.randint(20, 899)} {rng.randint(100000, 999999)}"
    closing = [rng.choice(phrases.CLOSINGS[style_key]).format(contact=contact, phone=phone)]
    if rng.random() < 0.5:
        closing.append(phrases.DIVERSITY[lang])

    date_posted = SITE_DATE - timedelta(days=spec.days_ago)
    if spec.date_style == "relative":
        date_text = relative_date_text(spec.days_ago, chrome_lang)
    else:
        date_text = absolute_date_text(date_posted, spec.date_style)
    salary_shown, placement, note = _salary(spec, lang, chrome_lang)
    employment_text = (
        {"en": "Full or part time", "de": "Vollzeit oder Teilzeit"}[chrome_lang]
        if spec.employment == "full_or_part"
        else phrases.EMPLOYMENT_TEXT[chrome_lang].get(spec.employment or "")
    )
    ad = Ad(
        slug=slugify(f"{title} {places[0].name if places else 'remote'}"),
        spec=spec,
        lang=lang,
        chrome_lang=chrome_lang,
        title_raw=title_raw,
        title=title,
        company_shown=employer.name,
        company=None if employer.agency else employer.name,
        via_agency=employer.agency,
        place=places[0] if places else None,
        places=places,
        location_text=_location_text(spec, places, chrome_lang, rng),
        workplace_text=rng.choice(phrases.WORKPLACE_TEXT[chrome_lang][spec.workplace]) if spec.workplace else None,
        employment_text=employment_text,
        contract_text=phrases.CONTRACT_TEXT[chrome_lang].get(spec.contract or ""),
        date_posted=date_posted,
        date_text=date_text,
        salary_text=salary_shown,
        salary_placement=placement,
        salary_note=note,
        intro=intro,
        sections=sections,
        closing=closing,
        reference=f"{spec.employer[:3].upper()}-2026-{101 + index}",
        website=employer.website,
        heading_style=rng.choice(("h2", "h2", "h3", "strong", "b")),
        bullet_style=rng.choice(("ul", "ul", "ul", "bullet_lines", "dash_lines")),
        about_first=rng.random() < 0.6,
    )
    if country == "CH" and lang == "de":
        ad = _rewrite_text(ad, swiss_spelling, ("title", "intro", "tasks", "profile", "benefits", "about", "closing"))
    return _rewrite_text(ad, mojibake, spec.mojibake)


def _rewrite_text(ad: Ad, rewrite: Callable[[str], str], targets: Iterable[str]) -> Ad:
    """Apply ``rewrite`` to the named parts of the ad's text (``title``, ``intro``, section kinds)."""
    if "title" in targets:
        ad.title_raw = rewrite(ad.title_raw)
    if "intro" in targets:
        ad.intro = [rewrite(p) for p in ad.intro]
    if "closing" in targets:
        ad.closing = [rewrite(p) for p in ad.closing]
    sections = []
    for section in ad.sections:
        if section.kind in targets:
            section = replace(
                section,
                items=tuple(rewrite(i) for i in section.items),
                paragraph=rewrite(section.paragraph) if section.paragraph else None,
            )
        sections.append(section)
    ad.sections = sections
    return ad


def compose_ads(specs: tuple[AdSpec, ...], seed: int) -> list[Ad]:
    """Compose every ad, give each a unique slug and a few "similar jobs" links."""
    rng = random.Random(seed)
    ads = [compose_ad(spec, index, rng) for index, spec in enumerate(specs)]
    seen: dict[str, int] = {}
    for ad in ads:
        seen[ad.slug] = seen.get(ad.slug, 0) + 1
        if seen[ad.slug] > 1:
            ad.slug = f"{ad.slug}-{seen[ad.slug]}"
    for ad in ads:
        same_language = [other for other in ads if other is not ad and other.lang == ad.lang]
        ad.similar = rng.sample(same_language, 4)
    return ads
