"""Hypothesis strategies for the fuzz tests: text that looks enough like job ads to reach deep into
the parsers (dates, money, places, levels, headings, markup) yet is arbitrary everywhere else."""

from __future__ import annotations

import functools
import json
import os
from collections import Counter
from datetime import datetime, timezone

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

_EXAMPLES = int(os.environ.get("JOBCRAWL_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=_EXAMPLES or 60, deadline=None, database=None, derandomize=not _EXAMPLES,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
"""By default deterministic (the same examples on every run, so CI never flakes) and bounded in
count; ``JOBCRAWL_FUZZ_EXAMPLES=5000`` runs a longer, randomised hunt."""
FUZZ_SLOW = settings(FUZZ, max_examples=_EXAMPLES or 25)
EXAMPLES_RUN: Counter[str] = Counter()
"""Inputs each property was run on (filled by :func:`counted`), for the measured outcome."""


def counted(test):
    """Count each input a property test is run on (put it under ``@given``)."""
    @functools.wraps(test)
    def run(*args, **kwargs):
        EXAMPLES_RUN[test.__name__] += 1
        return test(*args, **kwargs)
    return run

_WORDS = (
    # dates and ages
    "vor", "Tagen", "Tag", "Wochen", "Monaten", "Jahren", "days", "day", "weeks", "months", "years", "ago",
    "heute", "gestern", "today", "yesterday", "Published:", "Posted", "Veröffentlicht", "am", "Erschienen:",
    "30+", "09.10.2026", "9. Oktober 2026", "2026-11-02T08:30:00+01:00", "31.02.2026", "00.00.0000",
    "1900-01-01", "2999-12-31", "9999999999", "Oktober", "Dezember", "Mai", "bis", "zum", "ab", "sofort",
    "Bewerbungsfrist", "Startdatum", "Eintritt",
    # money
    "€", "EUR", "Euro", "$", "USD", "£", "CHF", "k", "45.000", "55k", "18,50", "1.000.000.000.000.000",
    "brutto", "monatlich", "jährlich", "p.a.", "/Std.", "per", "hour", "month", "year", "Jahresgehalt",
    "Gehalt:", "Salary:", "–", "-", "bis zu", "Show salary", "Min", "Max", "1e308", "NaN", "-5",
    # places and terms
    "Köln", "Cologne", "München", "Essen", "45307", "Berlin", "Remote", "(United States)", "hybrid",
    "Homeoffice", "möglich", "Location:", "Standort:", "Vollzeit", "Teilzeit", "full-time", "part time",
    "befristet", "unbefristet", "Festanstellung", "Werkstudent", "Praktikum", "Ausbildung", "freelance",
    # people and requirements
    "Junior", "Senior", "Lead", "Head of", "Teamleiter", "Praktikant", "(m/w/d)", "(m/f/d)", "(all genders)",
    "*in", "mindestens", "Jahre", "Berufserfahrung", "5+", "years of experience", "Master", "Bachelor",
    "PhD", "Studium", "abgeschlossenes", "Ausbildung", "Deutsch", "Englisch", "German", "English", "fließend",
    "verhandlungssicher", "C1", "B2", "business fluent", "Very good", "Sehr gute", "Deutschkenntnisse",
    "Python", "R", "Go", "good", "C++", "C#", ".NET", "SQL", "Excel at", "AWS", "PyTorch", "scikit-learn",
    # employers and sections
    "Our client is", "Für unseren Kunden", "im Auftrag unseres Kunden", "GmbH", "AG", "&", "Co.", "oHG",
    "Ihre Aufgaben", "Ihr Profil", "Wir bieten", "Your tasks", "Requirements", "What we offer", "About us",
    "Über uns", "Benefits:", "- ", "• ", "* ", "1.", "·",
    # markup and noise
    "<p>", "</p>", "<li>", "<ul>", "</ul>", "<br>", "<h3>", "</h3>", "<script>", "</script>", "&amp;",
    "&nbsp;", "&#0;", "<!--", "-->", "<![CDATA[", "]]>", "\u200b", "\ufeff", "\x00", "\x1b[31m", "\r\n",
    "\t", "Ã¼", "â€™", "🚀", "\u202e", "ß", "İ", "ﬁ",
)
_SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\n\n", ", ", ": ", " / ", "\t"])

job_words = st.lists(st.one_of(st.sampled_from(_WORDS), st.integers(-10 ** 12, 10 ** 18).map(str),
                               st.text(max_size=12)), max_size=60)


@st.composite
def ad_like_text(draw) -> str:
    """Job-ad vocabulary, numbers and arbitrary snippets, joined by assorted separators."""
    words = draw(job_words)
    separators = draw(st.lists(_SEPARATORS, min_size=len(words), max_size=len(words)))
    return "".join(word + separator for word, separator in zip(words, separators))


any_text = st.one_of(st.text(max_size=400), ad_like_text())
"""Arbitrary Unicode or ad-like text."""

moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
                       timezones=st.just(timezone.utc))
"""A crawl time: what relative dates are resolved against."""

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10 ** 18, 10 ** 18),
                         st.floats(allow_nan=False, allow_infinity=False), any_text)
json_values = st.recursive(json_scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=4)), max_leaves=12)

JOB_POSTING_KEYS = ("title", "description", "datePosted", "validThrough", "employmentType", "hiringOrganization",
                    "jobLocation", "baseSalary", "identifier", "jobLocationType", "applicantLocationRequirements",
                    "educationRequirements", "experienceRequirements", "url", "@id", "directApply")


@st.composite
def job_posting_nodes(draw) -> dict:
    """A schema.org JobPosting whose every value may be of the wrong type, shape or size."""
    node = {"@context": "https://schema.org", "@type": draw(st.sampled_from(
        ["JobPosting", ["JobPosting", "Thing"], "http://schema.org/JobPosting", "jobposting"]))}
    for key in draw(st.lists(st.sampled_from(JOB_POSTING_KEYS), unique=True, max_size=len(JOB_POSTING_KEYS))):
        node[key] = draw(json_values)
    if draw(st.integers(0, 3)):  # mostly a title, so that most pages get as far as the parser
        node["title"] = draw(st.one_of(ad_like_text(), st.sampled_from(
            ["Senior Data Engineer (m/w/d)", "Werkstudent*in Vertrieb", "Teamleiter Logistik (w/m/d) – Köln",
             "Head of Sales DACH", "Pflegefachkraft in Teilzeit", "Junior Developer | Remote"])))
    if draw(st.booleans()):
        node["baseSalary"] = {"@type": "MonetaryAmount", "currency": draw(st.sampled_from(["EUR", "eur", "€", "", "XXXX"])),
                              "value": {"minValue": draw(json_scalars), "maxValue": draw(json_scalars),
                                        "unitText": draw(st.sampled_from(["YEAR", "MONTH", "HOUR", "CENTURY", ""]))}}
    if draw(st.booleans()):
        node["datePosted"] = draw(st.sampled_from(["2026-11-02", "1900-01-01", "2999-12-31", "0000-00-00",
                                                   "2026-02-30", "gestern", "2026-11-02T23:30:00-05:00"]))
    return node


@st.composite
def job_pages(draw) -> str:
    """An HTML page: JSON-LD blocks (valid, broken or hostile), headings, lists and noise."""
    blocks = []
    for node in draw(st.lists(job_posting_nodes(), max_size=2)):
        text = json.dumps(node, ensure_ascii=draw(st.booleans()))
        mangled = draw(st.sampled_from(["as is"] * 5 + ["truncated", "cdata", "entities", "control"]))
        if mangled == "truncated":
            text = text[: draw(st.integers(0, len(text)))]
        elif mangled == "cdata":
            text = f"//<![CDATA[\n{text}\n//]]>"
        elif mangled == "entities":
            text = text.replace('"', "&quot;")
        elif mangled == "control":
            text = text.replace(" ", "\x01", 3)
        blocks.append(f'<script type="application/ld+json">{text}</script>')
    body = "".join(draw(st.lists(st.one_of(
        ad_like_text().map(lambda text: f"<p>{text}</p>"),
        ad_like_text().map(lambda text: f"<h2>{text}</h2>"),
        st.lists(ad_like_text(), max_size=5).map(lambda items: "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"),
        st.text(max_size=80),
    ), max_size=8)))
    return f"<html><head><title>{draw(st.text(max_size=40))}</title>{''.join(blocks)}</head><body>{body}</body></html>"

