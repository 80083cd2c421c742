"""Place names: parse a location snippet, tell whether a line is only a place, normalise a
structured address.

Names are looked up in the gazetteer (:mod:`crawler.parsing.gazetteer`): cities by their local,
English and long official names, countries and regions in several languages, German, Austrian and
Swiss postal codes with the towns they serve. Finding the job's place in a whole ad is
:mod:`crawler.parsing.location`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import pycountry

from crawler.parsing.dates import MONTHS
from crawler.parsing.gazetteer import CITY_ABBREVIATIONS, GERMAN_SPEAKING, LONG_FORM, City, gazetteer, name_key

_CAR_CODES = {"D": "DE", "A": "AT", "F": "FR", "B": "BE", "L": "LU", "I": "IT", "E": "ES"}


@dataclass(frozen=True)
class Location:
    """A place: local city name, postal code as written, region, ISO 3166-1 alpha-2 country."""

    city: str | None = None
    postal_code: str | None = None
    region: str | None = None
    country: str | None = None
    raw: str | None = None
    # How an ad's text gave the place: "label" for a labelled line ("Einsatzort: …"), else None.
    evidence: str | None = field(default=None, compare=False)


# ---------------------------------------------------------------------------------------- snippets

_LEADING_CODE = re.compile(r"^\s*(?:[A-Z]{1,2}\s?-\s?)?\d{4,5}\s")
_UK_POSTCODE_RE = re.compile(r"(?<![\w-])(?P<code>[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})(?![\w-])")
# "Dublin 2", "Wien 3": a city's numbered postal district.
_UK_OUTWARD_CODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?")
_CITY_DISTRICT = re.compile(r"^(?P<city>[^\W\d][^,;\d]{1,40}?)\s+\d{1,2}$")
_POSTAL_CODE = re.compile(r"(?<![\w-])(?:(?P<prefix>[A-Z]{1,2})\s?-\s?|^(?P<spaced>[A-Z]{2})\s)?(?P<code>\d{5}|\d{4})(?![\w-])")
_COUNTRY_PREFIX = re.compile(r"^(?P<code>[A-Z]{2})\s?-\s?(?=[A-ZÄÖÜ][a-zäöüß])")
_STRONG_SEPARATOR = re.compile(r"\s*(?:[,;|·•\n]|\s[-–—]\s)\s*")
_WEAK_SEPARATOR = re.compile(r"\s*(?:/|\(|\)|\[|\]|\+|&|\b(?:oder|or|und|and|bzw)\b\.?)\s*", re.I)
_REMOTE_PART = re.compile(
    r"(?:100\s?%\s*|fully\s+|full\s+|komplett\s+)?(?:remote(?:[-\s](?:first|only))?|anywhere|worldwide|weltweit)",
    re.I)
_WORK_MODE_PART = re.compile(
    r"(?:hybrid|home[-\s]?office|(?:home|field|office)[-\s]?based|work from home|on[-\s]?site|vor ort|in[-\s]office|office|büro|partially remote|"
    r"teilweise remote|"
    r"flexible?|mobiles? arbeiten|\+?\s*\d+\s*(?:more|weitere)(?:\s+\w+)?|mehrere standorte|"
    r"multiple locations|various locations|verschiedene standorte|hq|headquarters|zentrale|hauptsitz|"
    r"umgebung|umland|surroundings|surrounding area)", re.I)
_AREA_PREFIX = re.compile(
    r"^(?:(?:(?:hybrid|remote|anywhere|überall|somewhere)\s+)+in(?:\s+the)?|in|raum|großraum|grossraum|region|"
    r"metropolregion|greater|area|bei)\s+", re.I)
_AREA_SUFFIX = re.compile(
    r"^(?:a\.\s?m\.?|am main|i\.\s?br\.?|area|region|und umgebung|and surroundings|umgebung|umland|"
    r"innenstadt|city|zentrum|centre|center|city cent(?:re|er)|downtown|stadtmitte|hbf|mitte|nord|süd|ost|west"
    r"|metropolitan area|only|nur)$", re.I)
_DISTRICT_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}")
_NAME_LIKE = re.compile(r"^[^\W\d_][^\d,;:|!?]{1,40}$")


class _Part(NamedTuple):
    kind: str  # city | region | country | code | remote | mode | unknown
    text: str
    cities: tuple[City, ...] = ()
    region: tuple[str, str] | None = None
    country: str | None = None
    alternate: bool = False  # the best city matched by one of its alternate names only
    segment: int = 0  # index of the comma-separated segment the part came from


_SHORT_NAME = 3
_QUALIFIED_NAME = re.compile(r"^(?P<name>[^\W\d][^()]{1,40}?)\s*\((?P<qualifier>[A-ZÄÖÜ][\w. -]{1,30})\)$")


def _name_like(text: str) -> bool:
    return bool(_NAME_LIKE.match(text)) and text[0].isupper()


def _classify(text: str) -> _Part | None:
    text = text.strip(" \t.,:;-–[]\"'")
    if text.count("(") != text.count(")"):
        text = text.strip("()")
    if not text:
        return None
    names = gazetteer()
    if _REMOTE_PART.fullmatch(text):
        return _Part("remote", text)
    if _WORK_MODE_PART.fullmatch(text):
        return _Part("mode", text)
    key = name_key(text)
    if text in CITY_ABBREVIATIONS and key in names.cities:  # "NYC"
        return _Part("city", text, tuple(city for city, _ in names.cities[key]), alternate=True)
    if len(text) in (2, 3) and text.isupper():
        return _Part("code", text, country=names.country_codes.get(text) or names.countries.get(name_key(text)))
    if key in names.countries:
        return _Part("country", text, country=names.countries[key])
    region = names.regions.get(key)
    entries = names.cities.get(key)
    if entries and len(key) <= _SHORT_NAME:
        # "Ham" is an alternate name of Hamm and a French village: a name this short stands for a
        # town only as that town's own name, and only for a German-speaking or big one ("Ulm").
        entries = [(city, alternate) for city, alternate in entries
                   if not alternate and (city.country in GERMAN_SPEAKING or city.population >= 100_000)]
    if entries:
        return _Part("city", text, tuple(city for city, _ in entries), region, alternate=entries[0][1])
    if region:
        return _Part("region", text, region=region)
    return None


_STREET_OR_NUMBER = re.compile(r"\d|(?:stra(?:ss|ß)e|str\.|weg|gasse|platz|allee|ring|damm|street|road|avenue)\s*\)$",
                               re.IGNORECASE)


def _official_name(stated: str, city: City) -> str:
    """The city's name, or the longer form the text states for it when geonames knows that form
    as a name of the same city ("Freiburg im Breisgau", "Mülheim an der Ruhr" where geonames says
    "Freiburg"); a description such as "Konstanz am Bodensee" keeps the name "Konstanz"."""
    stated = " ".join(stated.split())
    if len(stated) > len(city.name) and stated.startswith(city.name) and LONG_FORM.match(stated, len(city.name)):
        if any(candidate == city for candidate, _ in gazetteer().cities.get(name_key(stated), ())):
            return stated
    if stated.startswith(city.name + " (") and stated.endswith(")") and not _STREET_OR_NUMBER.search(stated):
        # "Taufkirchen (Vils)": the qualifier tells namesakes in one country apart, so it is part of the name
        # ("Zürich (Birmensdorferstrasse)" names a street of the city, not a namesake)
        namesakes = [c for c, _ in gazetteer().cities.get(name_key(city.name), ()) if c.country == city.country
                     and c.name == city.name]
        if len(namesakes) > 1:
            return stated
    return city.name


def _notable(city: City) -> bool:
    """Big enough to be meant when a name is cut out of a longer one ("Frankfurt a.M.", "Rostock-Warnemünde")."""
    return city.country in GERMAN_SPEAKING or city.population >= 100_000


def _classify_segment(segment: str) -> list[_Part]:
    """Classify a segment, splitting it further ("/", "oder", parentheses, qualifiers) when needed."""
    part = _classify(segment)
    if part:
        return [part]
    district = _CITY_DISTRICT.match(segment.strip())
    if district and (part := _classify(district["city"])) and part.kind == "city":
        return [part]
    qualified = _QUALIFIED_NAME.match(segment.strip())
    if qualified:  # "Taufkirchen (Vils)": a town and a qualifier that is no place, mode or country of its own
        part = _classify(qualified["name"])
        qualifier = _classify(qualified["qualifier"])
        if part is not None and part.kind == "city" and (qualifier is None or qualifier.kind == "city" and not {
                c.country for c in qualifier.cities} & {c.country for c in part.cities}):  # the Vils is also a Tyrolean town
            return [part._replace(text=segment.strip())]
    pieces = [p for p in _WEAK_SEPARATOR.split(segment) if p and p.strip()]
    if len(pieces) > 1:
        return [p for piece in pieces for p in _classify_segment(piece)]
    stripped = _AREA_PREFIX.sub("", segment.strip())
    if stripped != segment.strip():
        return _classify_segment(stripped)
    words = segment.split()
    for size in range(len(words) - 1, 0, -1):  # "Frankfurt a.M.", "Hamburg Altona", "Munich area"
        head, tail = " ".join(words[:size]), " ".join(words[size:])
        part = _classify(head)
        if part and part.kind == "city" and LONG_FORM.match(" " + tail):
            return [part._replace(text=segment.strip())]  # "Staufen im Breisgau": the long form of a name
        if (part and part.kind in ("region", "country") or part and part.kind == "code" and part.country
                or part and part.kind == "city" and _notable(part.cities[0])):  # "US only", "Munich area"
            tail_part = _classify(tail)
            if tail_part and tail_part.kind == "code":  # "Melbourne VIC", "Berlin DE"
                return [part, tail_part]
            qualifier = _AREA_SUFFIX.match(tail) or tail_part and tail_part.kind == "city"  # "Hamburg Altona"
            return [part, _Part("mode" if qualifier else "unknown", tail)]
    if len(words) > 1 and (country := _classify(words[-1])) and country.kind == "country":
        return [_Part("mode", " ".join(words[:-1])), country]  # "South East England": a part of the country
    if "-" in segment:  # "Berlin-Kreuzberg"
        head, tail = segment.split("-", 1)
        part = _classify(head)
        if part and part.kind == "city" and _notable(part.cities[0]):
            tail_part = _classify(tail)
            # "Köln-Ehrenfeld", "Hamburg-Altona": one capitalised name after the town is its district
            district = tail_part and tail_part.kind == "city" or _DISTRICT_WORD.fullmatch(tail.strip())
            return [part, _Part("mode" if district else "unknown", tail)]
    text = segment.strip(" \t.,:;-–()[]\"'")
    return [_Part("unknown", text)] if text else []


@lru_cache(maxsize=2048)  # the header reader and find_location look at the same short lines
def _split(text: str) -> tuple[tuple[_Part, ...], str | None, str | None]:
    """Split a snippet into classified parts, the postal code and a country implied by a prefix."""
    text = _bounded(text).replace("\u00a0", " ").strip()
    prefix_country = None
    match = _COUNTRY_PREFIX.match(text)
    if match and match["code"] in gazetteer().country_codes:
        prefix_country, text = match["code"], text[match.end():]
    postal_code = None
    match = _UK_POSTCODE_RE.search(text)
    if match:
        postal_code, prefix_country = match["code"], prefix_country or "GB"
        text = text[:match.start()] + " " + text[match.end():]
        match = None
    else:
        match = _POSTAL_CODE.search(text)
    if match:
        postal_code = match["code"]
        prefix = match["prefix"]
        if prefix:
            prefix_country = _CAR_CODES.get(prefix) or gazetteer().country_codes.get(prefix) or prefix_country
        elif match["spaced"]:  # "DK 2730 Herlev": a country code, then the code, in an address block
            prefix_country = gazetteer().country_codes.get(match["spaced"]) or prefix_country
        text = text[:match.start()] + " " + text[match.end():]
    segments = [segment for segment in _STRONG_SEPARATOR.split(text) if segment.strip()]
    if (postal_code is None and len(segments) > 1 and (outward := _UK_OUTWARD_CODE.fullmatch(segments[-1].strip()))
            and any(p.kind == "city" and any(c.country == "GB" for c in p.cities) for p in _classify_segment(segments[-2]))):
        # "Dewsbury, WF12": the first half of a British postcode after a British town names its district
        postal_code, prefix_country, segments = outward.group(), prefix_country or "GB", segments[:-1]
    parts = tuple(p._replace(segment=index) for index, segment in enumerate(segments) for p in _classify_segment(segment))
    return parts, postal_code, prefix_country


def _choose_city(candidates: tuple[City, ...], country: str | None, region: str | None,
                 postal_code: str | None, code_first: bool = False) -> City | None:
    """The candidate that fits the stated country, region and postal code. A postal code written
    before the name ("79219 Staufen") is German (five digits) or Austrian/Swiss (four): a
    namesake elsewhere does not fit it."""
    pool = [c for c in candidates if c.country == country] if country else list(candidates)
    if region:
        pool = [c for c in pool if c.region == region] or pool
    elif postal_code and not country:
        preferred = ("DE",) if len(postal_code) == 5 else ("AT", "CH")
        fitting = [c for c in pool if c.country in preferred]
        pool = fitting if fitting or code_first else pool
    return pool[0] if pool else None


# An American address ends with the state's code and the ZIP code: "Minocqua, WI 54548".
_US_STATE_AND_ZIP = re.compile(r",\s*(?P<state>[A-Z]{2})\s+\d{5}(?:-\d{4})?\s*$")


def _us_state_of_unknown_town(parts: list[_Part], city_part: _Part | None, raw: str) -> str | None:
    """The US state a place names after a town the gazetteer lacks ("Grand Marsh, WI", "Minocqua, WI
    54548"), told by its code: one that names no country, or any state code before a ZIP code."""
    if city_part is not None or not parts or parts[0].kind != "unknown":
        return None
    code = next((part for part in parts if part.kind == "code" and part.segment > 0), None)
    if code is None:
        return None
    state = gazetteer().region_codes.get(("US", code.text))
    zip_after = _US_STATE_AND_ZIP.search(raw or "")
    if state and (code.country is None or code.text not in _COUNTRY_BEFORE_STATE
                  or (zip_after and zip_after["state"] == code.text)):
        return state
    return None


# State codes that are also the codes of countries job ads are written for and often name so ("Kleinstadt,
# DE"): after a town the gazetteer lacks, these stay countries; the others ("Annapolis Junction, MD" — not
# Moldova) are US states.
_COUNTRY_BEFORE_STATE = frozenset({"DE", "CA", "IN", "IL"})


def _assemble(parts: list[_Part], postal_code: str | None, prefix_country: str | None, raw: str) -> Location:
    city_part = next((p for p in parts if p.kind == "city"), None)
    country = prefix_country
    region: tuple[str, str] | None = None
    if not country and (us_state := _us_state_of_unknown_town(parts, city_part, raw)):
        country, region = "US", ("US", us_state)
    for part in parts:
        if part.kind == "code":
            us_state = city_part and any(c.country == "US" and c.admin1 == part.text for c in city_part.cities)
            if us_state:
                region, country = ("US", gazetteer().region_codes.get(("US", part.text), part.text)), "US"
            elif part.country and not country:
                country = part.country
            elif city_part and not country:  # "Melbourne VIC": a state code of one of the namesakes
                country = _state_country(part.text, city_part.cities)
        elif part.kind == "country" and not country:
            country = part.country
        elif part.region and part is not city_part and not region and (
                part.kind == "region" or name_key(part.text) == name_key(city_part.text)  # "Berlin, Berlin"
                # "San Mateo, California": a state that is also a small town's name elsewhere, read as the
                # state when one of the first town's namesakes lies in it
                or any((c.country, c.region) == part.region for c in city_part.cities)):
            region = part.region
    if region and country and region[0] != country:
        region = None
    city = None
    city_name = None
    stated_name = city_part.text if city_part else next((p.text for p in parts if p.kind == "unknown"), None)
    postal = postal_town(postal_code, country, stated_name) if postal_code else None
    if postal and not region:  # "49525 Lengerich": the code's own state tells the namesakes apart
        region, country = (postal[0], postal[1]) if postal[1] else None, country or postal[0]
    if city_part:
        code_first = bool(_LEADING_CODE.match(raw or ""))
        city = _choose_city(city_part.cities, country or (region[0] if region else None),
                            region[1] if region else None, postal_code, code_first)
        if city is None and code_first and len(postal_code or "") == 4 and not country:
            # "1998 Wismar": four digits before a town known only in Germany (five-digit codes) are a year
            postal_code = None
            city = _choose_city(city_part.cities, region[0] if region else None, region[1] if region else None, None)
        if city is None and _name_like(city_part.text):  # a namesake abroad: "Hamburg, New York, USA"
            city_name = city_part.text
    elif postal_code or country:  # a name the gazetteer lacks, vouched for: "12345 Kleinstadt"
        first = next((p for p in parts if p.kind not in ("remote", "mode")), None)
        if first and first.kind == "unknown" and _name_like(first.text):
            city_name = first.text
            if postal and name_key(city_name).startswith(name_key(postal[2]) + "-"):
                city_name = postal[2]  # "35099 Burgwald-Bottendorf": the district's town
    if city:
        city_name = _official_name(city_part.text, city)
        country = country or city.country
        region = region or ((city.country, city.region) if city.region else None)
    if not region and city_name and country:  # "Paris, Île-de-France, France": a stated unknown middle part
        middle = [p for p in parts if p.segment == 1]
        last = [p for p in parts if p.segment == 2]
        if (middle and last and all(p.kind == "unknown" for p in middle) and not any(p.segment > 2 for p in parts)
                and any(p.kind in ("country", "code") for p in last)):
            region_text = " ".join(p.text for p in middle)
            region = (country, region_text) if _name_like(region_text) else None
    if not country and region:
        country = region[0]
    if not country and postal_code and len(postal_code) == 5 and city_name:
        country = "DE"
    return Location(city_name, postal_code if (city_name or country) else None,
                    region[1] if region else None, country, raw or None)


_PARENTHESIS = re.compile(r"\s*\(.*$")


def _same_town(stated: str, listed: str) -> bool:
    """"Frankfurt" and "Frankfurt am Main", "Taufkirchen (Vils)" and "Taufkirchen": one town."""
    one, other = name_key(_PARENTHESIS.sub("", stated)), name_key(_PARENTHESIS.sub("", listed))
    # ("Burgwald-Bottendorf": a district written after its town, as German addresses often do)
    return bool(one and other) and (one == other or one.startswith((other + " ", other + "-"))
                                    or other.startswith(one + " "))


def postal_town(code: str | None, country: str | None, name: str | None) -> tuple[str, str | None, str] | None:
    """(country, state, town) of a German, Austrian or Swiss postal code written with ``name``
    ("79219 Staufen im Breisgau", "5035 Unterentfelden"), when the code serves a town of that name;
    five digits are German, four Austrian or Swiss. None for a code of another country or a name
    the code does not serve."""
    if not code or not name:
        return None
    countries = [country] if country else ["DE"] if len(code) == 5 else ["AT", "CH"]
    for candidate in countries:
        for town, region in gazetteer().postal_codes.get((candidate, code), ()):
            if _same_town(name, town):
                return candidate, region, town
    return None


def parse_location(text: str) -> Location:
    """Parse a location snippet as found ("45307 Essen, Deutschland", "Cologne, hybrid",
    "Remote (United States)", "D-80331 München", "8001 Zürich", "DE-Berlin").

    Unknown words are ignored; a name not in the gazetteer is kept as the city only when a postal
    code or a country vouches for it ("12345 Kleinstadt", "Kleinstadt, Deutschland").
    """
    # A board's label before the value ("Location: Carrboro, NC") is not a name: read with it, the
    # town was lost and "NC" read alone as New Caledonia.
    snippet = _PLACE_LABEL.sub("", text or "", count=1)
    # "DK, Lem" (a board's country code before the town) reads as "Lem, DK", where the code vouches
    # for a town the gazetteer may hold only as a small one.
    snippet = _CODE_FIRST.sub(r"\g<town>, \g<code>", snippet)
    parts, postal_code, prefix_country = _split(snippet)
    location = _assemble(parts, postal_code, prefix_country, (text or "").strip())
    if not (location.city or location.country) and (note := _BASED_IN_COUNTRY.search(snippet)):
        # "Remote (US-Based)", "Remote (Must be based in the United States)": where the worker must live
        name = note["country"] or note["code_country"]
        country = next((part.country for part in _split(name)[0] if part.kind in ("country", "code") and part.country), None)
        if country:
            return Location(None, None, None, country, location.raw)
    return location


_BASED_IN_COUNTRY = re.compile(r"\b(?:based|located|resident|residing|living)\s+in\s+(?:the\s+)?(?P<country>[A-Z][\w .]{1,30}?)"
                               r"\s*(?:[)\],;.]|$)|\b(?P<code_country>[A-Z]{2,3})[-\s](?i:based)\b")
_CODE_FIRST = re.compile(r"^\s*(?P<code>[A-Z]{2}),\s*(?P<town>[A-ZÄÖÜÆØÅ][^,|;\d]{1,40}?)\s*$")
_PLACE_LABEL = re.compile(r"^\s*(?:job\s+)?(?:location|standort|arbeitsort|einsatzort|dienstort|ort|place|city)\s*:\s*",
                          re.IGNORECASE)


# A place snippet is a few names; longer input is read only this far (cut at a separator), which
# keeps the name-splitting (quadratic in a segment's words) bounded.
LONGEST_PLACE_TEXT = 200


def has_uk_postcode(text: str) -> bool:
    """Whether ``text`` holds a full British postcode ("NE25 0BP")."""
    return _UK_POSTCODE_RE.search(text or "") is not None


def namesake_in(name: str, country: str) -> Location | None:
    """The town called ``name`` in ``country`` ("Durham" in GB, not North Carolina's), or None when the
    gazetteer knows no town of that name there."""
    city_part = next((part for part in _split(name)[0] if part.kind == "city"), None)
    city = next((city for city in city_part.cities if city.country == country), None) if city_part else None
    if city is None:
        return None
    region = city.region if city.region else None
    return Location(_official_name(city_part.text, city), None, region, country, name)


def _bounded(text: str) -> str:
    if len(text) <= LONGEST_PLACE_TEXT:
        return text
    head = text[:LONGEST_PLACE_TEXT]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind("\n"), head.rfind("|"))
    return head[:cut] if cut > 0 else head[:head.rfind(" ")] if " " in head else head


# Place lines hold names; a lowercase word other than these ("Jobs by email") means prose or chrome.
_OTHER_LOWERCASE_WORD = re.compile(
    r"(?<![\w.-])(?!(?:am|an|der|den|dem|im|in|bei|ob|oder|or|und|and|de|del|la|le|sur|upon|on|the|of|vor|ort|"
    r"hybrid|remote|onsite|on-site|home|office|homeoffice|area|region|city|cent(?:re|er)|downtown|und umgebung|umgebung|more|weitere|"
    r"bundesweit|deutschlandweit|anywhere|worldwide|weltweit|first|only)\b|[a-z]{1,2}\.)[a-zäöüß][\w]*")
_NOT_A_PLACE_LINE = frozenset({"mobile", "mitte", "nord", "süd", "ost", "west", "senden", "home", "start"})


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()


def _safe_bare_city(text: str, city: City, alternate: bool) -> bool:
    """A city alone on a line: small foreign towns and odd alternate names ("Google" is an alternate
    name of Topeka) are more likely words than places."""
    if alternate and city.population < 200_000 and (len(text) < 4 or _fold(text)[:4] != _fold(city.name)[:4]):
        return False
    return city.country in GERMAN_SPEAKING or city.population >= 100_000


_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_LINE = re.compile(rf"^(?:{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?(?:[ \t]+\d{{4}})?"
                        rf"|\d{{1,2}}\.?[ \t]+{_MONTH}(?:[ \t]+\d{{4}})?)$", re.IGNORECASE)


def is_date_line(line: str) -> bool:
    """True for a line that is a date written with its month's name ("August 04, 2025", "4. Mai 2025")."""
    return _DATE_LINE.match(line.strip()) is not None


_NEAR = re.compile(r"^(?:bei|nahe|near)\s+(?P<town>[A-ZÄÖÜ].{1,40})$")


def _near_a_town(text: str) -> bool:
    near = _NEAR.match(text)
    return near is not None and any(part.kind == "city" for part in _split(near["town"])[0])


def looks_like_place(line: str) -> bool:
    """True when a short line is nothing but a place: "Essen", "Berlin, Germany", "45307 Essen",
    "Cologne, hybrid", "Remote". Lines with other words ("Home office possible") are not places."""
    line = line.strip()
    if not line or len(line) > 80 or line.count(" ") > 8 or _OTHER_LOWERCASE_WORD.search(line):
        return False
    if is_date_line(line):
        return False  # "August 04, 2025": a month, not the town of August
    parts, postal_code, prefix_country = _split(line)
    # "Unterschleißheim bei München": the town placed by the larger one near it
    parts = tuple(part for part in parts if not (part.kind == "unknown" and _near_a_town(part.text)))
    if not parts:
        return False
    if any(p.kind == "unknown" for p in parts):  # only a stated region: "Paris, Île-de-France, France"
        region = parse_location(line).region
        if not region or any(p.kind == "unknown" and p.text not in region for p in parts):
            return False
    kinds = {p.kind for p in parts}
    if kinds <= {"mode", "code"} and not any(p.kind == "code" and len(p.text) == 3 and p.country for p in parts):
        return False  # "Hybrid", "IT" (but "USA")
    for part in parts:
        if part.kind == "city":
            if not part.text[:1].isupper() or name_key(part.text) in _NOT_A_PLACE_LINE:
                return False
            best = part.cities[0]
            vouched = postal_code or prefix_country or kinds & {"country", "region", "code"}
            if not vouched and not _safe_bare_city(part.text, best, part.alternate):
                return False
        if part.kind == "code" and not part.country and not _is_state_of(part.text, parts):
            return False
    return True


def _is_state_of(code: str, parts: list[_Part]) -> bool:
    """"NY" in "New York, NY", "VIC" in "Melbourne VIC": a state code of the city named beside it."""
    return any(part.kind == "city" and _state_country(code, part.cities) for part in parts)


@lru_cache(maxsize=512)
def _is_subdivision(country: str, code: str) -> bool:
    return pycountry.subdivisions.get(code=f"{country}-{code}") is not None


def _state_country(code: str, cities: tuple[City, ...]) -> str | None:
    """The country of the first candidate town that has a state or province with this code
    ("NY", "VIC", "ON")."""
    for city in cities:
        if city.country == "US" and city.admin1 == code or city.country != "US" and _is_subdivision(city.country, code):
            return city.country
    return None


# The short forms Germans write for their states beside the ISO 3166-2 letters ("NRW" for NW).
_GERMAN_STATE_SHORT_FORMS = {"NRW": "NW", "NDS": "NI", "RLP": "RP", "BAWÜ": "BW", "M-V": "MV", "S-H": "SH"}


def normalise_address(locality: str | None = None, region: str | None = None,
                      postal_code: str | None = None, country: str | None = None) -> Location:
    """Normalise a structured address (JSON-LD PostalAddress, ATS fields) to a Location:
    country names or codes in any case or language -> alpha-2, region codes ("BY", "DE-NW") -> state
    names, city exonyms -> local names ("Cologne" -> "Köln"). Unknown localities are kept as given."""
    names = gazetteer()
    locality, region, postal_code, country = (
        v.strip() if isinstance(v, str) and v.strip() else None for v in (locality, region, postal_code, country))
    raw = ", ".join(v for v in (postal_code, locality, region, country) if v) or None
    country_code = None
    if country:
        country_code = names.country_codes.get(country.upper()) or names.countries.get(name_key(country))
    region_name = None
    if region:
        code = region.upper()
        prefix, _, rest = code.partition("-")  # ISO 3166-2: "DE-BY"
        if rest and prefix in names.country_codes and (country_code or prefix) == prefix:
            country_code, code = prefix, rest
        if (country_code or "DE") == "DE" and code in _GERMAN_STATE_SHORT_FORMS:
            country_code, code = "DE", _GERMAN_STATE_SHORT_FORMS[code]
        if country_code and (country_code, code) in names.region_codes:
            region_name = names.region_codes[(country_code, code)]
        elif name_key(region) in names.regions:
            region_country, region_name = names.regions[name_key(region)]
            country_code = country_code or region_country
        else:
            region_name = region
    city_name = None
    if locality:
        parts, parsed_postal_code, prefix_country = _split(locality)
        postal_code = postal_code or parsed_postal_code
        country_code = country_code or prefix_country or next(
            (p.country for p in parts if p.kind in ("country", "code") and p.country), None)
        city_part = next((p for p in parts if p.kind == "city"), None)
        city = city_part and _choose_city(city_part.cities, country_code, region_name, postal_code)
        if city:
            city_name, country_code = _official_name(city_part.text, city), country_code or city.country
            region_name = region_name or city.region
        else:  # a place the gazetteer lacks is kept as given; "Remote" is no place
            named = city_part or next((p for p in parts if p.kind == "unknown"), None)
            city_name = named.text if named else None
    if not country_code and postal_code and len(postal_code) == 5 and city_name:
        country_code = "DE"
    return Location(city_name, postal_code, region_name, country_code, raw)
