"""The country of a job when the ad names no place: the employer's web and e-mail addresses, its pay.

Many small employers' ads name no town at all — a career page of a Swiss school, a pool builder's
home page, a federal agency's posting — yet their web and e-mail addresses end in a country's
domain (``landenhof.ch``, ``info@unikat-deutschland.de``, ``tbs-sct.gc.ca``), or their pay is in a
country's own currency (£, CHF). These are weak hints: :mod:`crawler.parsing.posting` uses them only
when nothing in the ad states the place, and never for a fully remote job.
"""

from __future__ import annotations

import re
from collections import Counter

import pycountry

__all__ = ["country_from_currency", "country_from_web_addresses"]

_HOST = re.compile(
    r"[\w.+-]+@(?P<mail>[a-z0-9-]+(?:\.[a-z0-9-]+)+)"  # info@unikat-deutschland.de
    r"|(?:https?://|(?<![\w.-])www\.)(?P<url>[a-z0-9-]+(?:\.[a-z0-9-]+)+)"  # https://www.canada.ca/…
    # "Bixter.dk ApS", "landenhof.ch", "jobs.example.co.uk"
    r"|(?<![\w.@/-])(?P<bare>[a-z][a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2})(?![\w-]|\.[a-z])",
    re.IGNORECASE)
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
    hosts = {(match["mail"] or match["url"] or match["bare"]).lower() for match in _HOST.finditer(text)}
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
