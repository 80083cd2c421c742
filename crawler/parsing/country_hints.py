"""The country of a job when the ad names no place: the work permit it asks for, the employer's web
and e-mail addresses, its pay.

Many small employers' ads name no town at all — a career page of a Swiss school, a pool builder's
home page, a federal agency's posting — yet their web and e-mail addresses end in a country's
domain (``landenhof.ch``, ``info@unikat-deutschland.de``, ``tbs-sct.gc.ca``), or their pay is in a
country's own currency (£, CHF). These are weak hints: :mod:`crawler.parsing.posting` uses them only
when nothing in the ad states the place, and never for a fully remote job. A remote job that asks
for the right to work in one country ("Authorization to work in the US is required") is that
country's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pycountry

__all__ = ["country_from_currency", "country_from_web_addresses", "country_of_work_permit", "country_spanned"]

# Hosts are found from the dot before their top-level domain, then read backwards: a pattern that
# starts with a literal dot scans an ad fast ("info@unikat-deutschland.de", "https://www.canada.ca/…",
# "Bixter.dk ApS", "jobs.example.co.uk").
# A top-level domain is written in one case: "lives.In our store" is two sentences run together.
_TOP_LEVEL = re.compile(r"\.(?P<top>[a-z]{2,3}|[A-Z]{2,3})(?![\w-]|\.[a-zA-Z])")
_HOST_BEFORE = re.compile(r"(?P<host>[a-zA-Z0-9][a-zA-Z0-9-]*(?:\.[a-zA-Z0-9-]+)*)$")
_HOST_REACH = 100
# Country domains sold to everyone (.io, .ai, .co, .tv…) or that read as file names in an ad's
# prose ("README.md", "main.rs", "setup.py", "deploy.sh"): they say nothing about a country.
_NOT_A_COUNTRY = frozenset({
    "ac", "ad", "ai", "am", "as", "bz", "cc", "cd", "cm", "co", "cx", "eu", "fm", "gd", "gg", "gl", "im", "io", "is",
    "la", "ly", "md", "me", "ms", "mu", "nu", "pl", "ps", "pw", "py", "rs", "sc", "sh", "so", "st", "sx", "tk", "to",
    "tv", "vc", "ws", "yt",
})
_GENERIC_COUNTRY = {"gov": "US", "mil": "US", "uk": "GB"}


def _country_of_host(host: str) -> str | None:
    top = host.lower().rstrip(".").rsplit(".", 1)[-1]
    if top in _GENERIC_COUNTRY:
        return _GENERIC_COUNTRY[top]
    if len(top) != 2 or top in _NOT_A_COUNTRY:
        return None
    country = pycountry.countries.get(alpha_2=top.upper())
    return country.alpha_2 if country else None


def country_from_web_addresses(text: str) -> str | None:
    """The country whose domain the ad's web and e-mail addresses end in, when they agree: one
    country among the distinct hosts, or one country named by more hosts than all others together."""
    if not text or "." not in text:
        return None
    hosts = set()
    for match in _TOP_LEVEL.finditer(text):
        before = _HOST_BEFORE.search(text, max(0, match.start() - _HOST_REACH), match.start())
        if before is None:
            continue
        first_label = before["host"].split(".", 1)[0]
        # "z.B.", "u.a.": a one-letter "host" is an abbreviation unless an address says otherwise
        if len(first_label) < 2 and text[max(0, before.start() - 1):before.start()] not in ("@", "/"):
            continue
        hosts.add(f"{before['host']}.{match['top']}".lower())
    counts = Counter(country for host in hosts if (country := _country_of_host(host)))
    if not counts:
        return None
    (country, count), *others = counts.most_common()
    return country if count > sum(n for _, n in others) else None


# Currencies of one country each: EUR (many countries) and USD (paid worldwide) say nothing.
_CURRENCY_COUNTRY = {
    "GBP": "GB", "CHF": "CH", "DKK": "DK", "SEK": "SE", "NOK": "NO", "PLN": "PL", "CZK": "CZ", "HUF": "HU",
    "CAD": "CA", "AUD": "AU", "NZD": "NZ", "JPY": "JP", "INR": "IN", "SGD": "SG", "ZAR": "ZA",
}


def country_from_currency(currency: str | None) -> str | None:
    """The country whose own currency the pay is stated in (GBP -> GB, CHF -> CH), else None."""
    return _CURRENCY_COUNTRY.get((currency or "").upper())


# "Applicants must be authorized to work in the United States", "the right to work in the UK",
# "eine Arbeitserlaubnis für die Schweiz".
_WORK_PERMIT = re.compile(
    r"\b(?i:authori[sz](?:ed|ation)|eligib(?:le|ility)|right|permission|entitled|permit(?:ted)?)\s+to\s+work\s+"
    r"(?:(?:permanently|legally)\s+)?in\s+(?:the\s+)?(?P<english>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})"
    r"|\b(?i:arbeitserlaubnis|arbeitsbewilligung|aufenthalts-?\s*und\s+arbeitserlaubnis)\s+(?:für|in)\s+"
    r"(?:die\s+|der\s+|den\s+)?(?P<german>[A-ZÄÖÜ][\wäöüß]*)"
    # "a valid Swiss work permit", "UK working permit", "eine gültige Schweizer Arbeitsbewilligung"
    # (only the adjective is consumed: "eine Arbeitserlaubnis für die Schweiz" is read by the German branch)
    r"|\b(?P<adjective>[A-Za-zÄÖÜäöüß]+)(?=\s+(?i:work(?:ing)?\s+(?:permit|visa|authori[sz]ation)|arbeitsbewilligung"
    r"|arbeitserlaubnis)\b)")
# The country a nationality adjective before "work permit" names (German ones also inflected:
# "deutsche", "österreichischen"); the EU's permit names no one country.
_PERMIT_ADJECTIVES = {
    "swiss": "CH", "schweizer": "CH", "schweizerisch": "CH", "german": "DE", "deutsch": "DE", "austrian": "AT",
    "österreichisch": "AT", "british": "GB", "uk": "GB", "us": "US", "u.s": "US", "american": "US",
    "amerikanisch": "US", "canadian": "CA", "australian": "AU", "irish": "IE", "dutch": "NL",
    "niederländisch": "NL", "french": "FR", "französisch": "FR", "belgian": "BE", "danish": "DK", "swedish": "SE",
    "norwegian": "NO", "finnish": "FI", "spanish": "ES", "italian": "IT", "polish": "PL", "singaporean": "SG",
}
_GERMAN_ADJECTIVE_ENDING = re.compile(r"(?:e|en|er|es|em)$")


def _adjective_country(adjective: str) -> str | None:
    key = adjective.lower()
    return _PERMIT_ADJECTIVES.get(key) or _PERMIT_ADJECTIVES.get(_GERMAN_ADJECTIVE_ENDING.sub("", key))


# Every match holds one of these words. A page is tens of kilobytes of markup: finding the words
# with str.find and matching only around them costs a tenth of scanning the page with the pattern.
_PERMIT_CUES = ("work", "arbeitserlaubnis", "arbeitsbewilligung")
_PERMIT_BEFORE_CUE = 60  # "authorization  to work" / "Aufenthalts- und Arbeitserlaubnis" before the cue
_PERMIT_AFTER_CUE = 200  # "… in the United Arab Emirates" after it


def _work_permit_matches(text: str) -> Iterator[re.Match]:
    lowered = text.lower()
    spans: list[list[int]] = []
    for cue in _PERMIT_CUES:
        position = lowered.find(cue)
        while position >= 0:
            spans.append([max(0, position - _PERMIT_BEFORE_CUE), position + _PERMIT_AFTER_CUE])
            position = lowered.find(cue, position + len(cue))
    merged: list[list[int]] = []
    for span in sorted(spans):
        if merged and span[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span[1])
        else:
            merged.append(span)
    for start, end in merged:
        # Start the window at a word boundary, so "unauthorized to work" does not read as "authorized…".
        while 0 < start < end and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
        yield from _WORK_PERMIT.finditer(text, start, end)


def country_of_work_permit(text: str) -> str | None:
    """The one country whose work permit the ad asks for, else None."""
    from crawler.parsing.gazetteer import gazetteer, name_key  # the gazetteer imports this module's peers

    names = gazetteer()
    found = set()
    for match in _work_permit_matches(text or ""):
        if match["adjective"]:
            if country := _adjective_country(match["adjective"]):
                found.add(country)
            continue
        words = (match["english"] or match["german"]).split()
        for size in range(len(words), 0, -1):  # "the United States. We are unable…"
            name = " ".join(words[:size]).rstrip(".")
            country = names.country_codes.get(name) if name.isupper() else None
            country = country or names.countries.get(name_key(name))
            if country:
                found.add(country)
                break
    return found.pop() if len(found) == 1 else None


# A German adjective that spans a country: "Da wir unser Servicenetz österreichweit vergrößern",
# "deutschlandweit tätig", "schweizweit".
_COUNTRY_WIDE = {"deutschlandweit": "DE", "österreichweit": "AT", "oesterreichweit": "AT", "schweizweit": "CH"}
_COUNTRY_WIDE_RE = re.compile(r"\b(" + "|".join(_COUNTRY_WIDE) + r")\b", re.IGNORECASE)


def country_spanned(text: str) -> str | None:
    """The one country the ad's words span ("österreichweit"), or None when none or several."""
    found = {_COUNTRY_WIDE[match.group(1).lower()] for match in _COUNTRY_WIDE_RE.finditer(text or "")}
    return found.pop() if len(found) == 1 else None
