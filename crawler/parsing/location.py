"""Places: parse location snippets, find a job's place in an ad, normalise structured addresses.

Names are looked up in the gazetteer (:mod:`crawler.parsing.gazetteer`): cities by their local,
English and long official names, countries and regions in several languages.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

import pycountry

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
    r"innenstadt|city|zentrum|centre|center|hbf|mitte|nord|süd|ost|west|metropolitan area)$", re.I)
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




def _official_name(stated: str, city: City) -> str:
    """The city's name, or the longer form the text states for it when geonames knows that form
    as a name of the same city ("Freiburg im Breisgau", "Mülheim an der Ruhr" where geonames says
    "Freiburg"); a description such as "Konstanz am Bodensee" keeps the name "Konstanz"."""
    stated = " ".join(stated.split())
    if len(stated) > len(city.name) and stated.startswith(city.name) and LONG_FORM.match(stated, len(city.name)):
        if any(candidate == city for candidate, _ in gazetteer().cities.get(name_key(stated), ())):
            return stated
    if stated.startswith(city.name + " (") and stated.endswith(")"):
        # "Taufkirchen (Vils)": the qualifier tells namesakes in one country apart, so it is part of the name
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
        if part and part.kind in ("region", "country") or part and part.kind == "city" and _notable(part.cities[0]):
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
            return [part, _Part("mode" if tail_part and tail_part.kind == "city" else "unknown", tail)]
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


def _assemble(parts: list[_Part], postal_code: str | None, prefix_country: str | None, raw: str) -> Location:
    city_part = next((p for p in parts if p.kind == "city"), None)
    country = prefix_country
    region: tuple[str, str] | None = None
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
                part.kind == "region" or name_key(part.text) == name_key(city_part.text)):  # "Berlin, Berlin"
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
    return bool(one and other) and (one == other or one.startswith(other + " ") or other.startswith(one + " "))


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
    parts, postal_code, prefix_country = _split(text or "")
    return _assemble(parts, postal_code, prefix_country, (text or "").strip())


_PAGE_TITLE = re.compile(r"<title[^>]*>(?P<title>[^<]{1,300})</title>", re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"\s+[|–—·-]\s+|\s*[|·]\s*")
_TOWN_AT_END = re.compile(r"\b(?:in|bei|at|im\s+raum)\s+(?P<town>[A-ZÄÖÜ][\wäöüß.-]+"
                          r"(?:\s+(?:am|an\s+der|im|in\s+der)\s+[A-ZÄÖÜ][\wäöüß.-]+)?)\s*$", re.IGNORECASE)
_TITLE_REACH = 20_000


def place_in_page_title(document: str) -> Location | None:
    """The place a page's ``<title>`` names, as a part of its own ("Jobs | Acme | Köln") or at the end
    of a part ("Karriere bei Autohaus Pufahl in Lengerich"): a notable town, or one in a
    German-speaking country."""
    match = _PAGE_TITLE.search(document[:_TITLE_REACH]) if document and "<" in document else None
    if not match:
        return None
    title = " ".join(html.unescape(match["title"]).split())
    for segment in _TITLE_SEPARATOR.split(title):
        if looks_like_place(segment):
            location = parse_location(segment)
            if location.city:
                return location
        town = _TOWN_AT_END.search(segment)
        part = _classify(town["town"]) if town else None
        if part is not None and part.kind == "city" and _notable(part.cities[0]):
            return _assemble([part], None, None, town["town"])
    return None


_SHORTENED_NAME = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{1,3}\.?$")


def place_from_stated(stated: str, text: str) -> Location:
    """A place as a source states it (:func:`parse_location`); a shortened name that names no town
    ("location: Ham" in a site's front matter) is the one town of the ad's text that begins with it
    ("… Büros in Hamburg, Berlin …"), when exactly one does."""
    location = parse_location(stated)
    stem = (stated or "").strip()
    if location.city or location.country or not _SHORTENED_NAME.match(stem) or not text:
        return location
    stem = stem.rstrip(".")
    towns: dict[str, _Part] = {}
    for match in re.finditer(rf"\b{re.escape(stem)}[\wäöüß]*(?:[ -](?:am|an der|im) [A-ZÄÖÜ][\wäöüß]+)?", text):
        part = _classify(match.group())
        if part is not None and part.kind == "city" and _notable(part.cities[0]):
            towns.setdefault(part.cities[0].name, part)
    if len(towns) != 1:
        return location
    return _assemble([next(iter(towns.values()))], None, None, stated.strip())


# A place snippet is a few names; longer input is read only this far (cut at a separator), which
# keeps the name-splitting (quadratic in a segment's words) bounded.
LONGEST_PLACE_TEXT = 200


def _bounded(text: str) -> str:
    if len(text) <= LONGEST_PLACE_TEXT:
        return text
    head = text[:LONGEST_PLACE_TEXT]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind("\n"), head.rfind("|"))
    return head[:cut] if cut > 0 else head[:head.rfind(" ")] if " " in head else head


# Place lines hold names; a lowercase word other than these ("Jobs by email") means prose or chrome.
_OTHER_LOWERCASE_WORD = re.compile(
    r"(?<![\w.-])(?!(?:am|an|der|den|dem|im|in|bei|ob|oder|or|und|and|de|del|la|le|sur|upon|on|the|of|vor|ort|"
    r"hybrid|remote|onsite|on-site|home|office|homeoffice|area|region|city|und umgebung|umgebung|more|weitere|"
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


def looks_like_place(line: str) -> bool:
    """True when a short line is nothing but a place: "Essen", "Berlin, Germany", "45307 Essen",
    "Cologne, hybrid", "Remote". Lines with other words ("Home office possible") are not places."""
    line = line.strip()
    if not line or len(line) > 80 or line.count(" ") > 8 or _OTHER_LOWERCASE_WORD.search(line):
        return False
    parts, postal_code, prefix_country = _split(line)
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


# ----------------------------------------------------------------------------------- whole ads

_LABEL = (r"(?:(?:job|work|office|primary|your|our|unser(?:e|er)?)[\s-]+)?"
          r"(?:location|locations|standort|standorte|arbeitsort|einsatzort|dienstort|dienstsitz|ort|where|"
          r"place of work|city|stadt|based in|sitz der stelle|einsatzgebiet)")
# Markdown emphasis may wrap the label or the colon: "**Ort**: Berlin", "**Standort:** Köln".
# A short fact may come first on the line: "6 Stunden, Arbeitsort: Messiaskapelle in Wien-Alsergrund".
_LABELLED_LINE = re.compile(rf"^(?:[^:\n]{{1,40}}?,\s*)?[\W_]*{_LABEL}[*_]*\s*[:：][*_]*\s*(?P<value>\S.*)$", re.I)
_LABEL_ONLY_LINE = re.compile(rf"^[\W_]*{_LABEL}[*_]*\s*[:：]?[*_]*\s*$", re.I)
_POSTAL_LINE = re.compile(
    r"(?:^|[,;|•·]\s*)(?P<snippet>(?:[A-Z]{1,2}\s?-\s?|^[A-Z]{2}\s)?\d{4,5}\s+[A-ZÄÖÜ][^,;|\d]{1,40}?"
    r"(?:\s*,\s*[A-ZÄÖÜ][^,;|\d]{1,30}?)?)\s*$")
_WORD = re.compile(r"[A-ZÄÖÜ][\w.-]*(?:\s+(?:am|an der|im|in der|ob der|bei)\s+[A-ZÄÖÜ][\w.-]*)?")
# capitalised nouns that follow a number in company facts ("86000 Mitarbeiter")
_NOT_A_TOWN = re.compile(
    r"^(?:Mitarbeite\w*|Beschäftigte\w*|Employees|Kunden|Customers|Filialen|Stores|Standorte|Locations|"
    r"Euro|EUR|Stunden|Hours|Tage|Days|Jahre|Years|Menschen|People|Länder|Countries)\b")
_FOUR_DIGITS = re.compile(r"\d{4}")
_HEADER_LINES = 20
_LONG_LINE = 150
_FIELDS_LINE = 300


_PLACE_PICTOGRAPHS = ("📍", "📌", "🌍", "🌎", "🌏", "🗺", "🏢")


def _pinned_place(line: str) -> str | None:
    """The text after a place pictograph opening the line, up to the next pictograph."""
    if line.isascii() or not line.startswith(_PLACE_PICTOGRAPHS):
        return None
    rest = line[1:].lstrip("\ufe0f ")
    end = next((i for i, char in enumerate(rest) if unicodedata.category(char) == "So"), len(rest))
    return rest[:end].strip() or None


def _scan_labelled_value(value: str) -> Location | None:
    """A labelled value written as prose ("Unser Büro in Berlin-Mitte"): take the first known city."""
    for match in _WORD.finditer(value):
        for part in _classify_segment(match.group()):
            if part.kind == "city" and (part.cities[0].country in GERMAN_SPEAKING
                                        or part.cities[0].population >= 50_000):
                return _assemble([part], None, None, value.strip())
    return None


def _country_line(line: str | None) -> str | None:
    """The country a line names and nothing else ("Denmark" closing an address block)."""
    part = _classify(line) if line and len(line) <= 40 else None
    return part.country if part is not None and part.kind == "country" else None


def _postal_line_location(line: str, following: str | None = None) -> Location | None:
    """The place of a "postal code + town" line; ``following`` is the next line, which in an address
    block may name the country ("DK 2730 Herlev" / "Denmark")."""
    match = _POSTAL_LINE.search(line)
    if not match:
        return None
    snippet = match["snippet"].strip()
    parts, postal_code, prefix_country = _split(snippet)
    country_below = _country_line(following)
    if country_below and not prefix_country and not any(p.kind in ("country", "code") for p in parts):
        prefix_country = country_below
    location = _assemble(parts, postal_code, prefix_country, snippet)
    if not location.city:
        return None
    known = any(p.kind == "city" and p.text for p in parts) and location.city in {
        c.name for p in parts if p.kind == "city" for c in p.cities}
    if len(postal_code or "") == 4:  # four digits are also years: a known non-German town, or a country stated
        stated = prefix_country not in (None, "DE") and (not country_below or country_below == prefix_country)
        served = postal_town(postal_code, location.country, location.city) is not None  # "5035 Unterentfelden"
        return location if (known or stated or served) and location.country not in (None, "DE") else None
    if not known and (_NOT_A_TOWN.match(location.city) or len(location.city.split()) > 3):
        return None
    return location


# "Unsere Verwaltung hat ihren Sitz in 56068 Koblenz.": a postal address inside a sentence.
_INLINE_POSTAL = re.compile(r"(?<![\w.,-])(?P<code>\d{5}|\d{4})\s+(?P<city>[A-ZÄÖÜ][\wäöüß.-]+"
                            r"(?:\s+(?:am|an der|im|in der|ob der|bei)\s+[A-ZÄÖÜ][\wäöüß.-]+)?)")


def _inline_postal_location(text: str) -> Location | None:
    """The first "postal code + known city" written inside running text, when nothing better
    names the place; four digits only for an Austrian or Swiss city (else they are years)."""
    for match in _INLINE_POSTAL.finditer(text):
        city = match["city"].rstrip(".")
        part = _classify(city)
        if part is None or part.kind != "city":
            postal = postal_town(match["code"], None, city)  # a town geonames lacks, served by the code
            if postal:
                return Location(city, match["code"], postal[1], postal[0], f"{match['code']} {city}")
            continue
        best = part.cities[0]
        if len(match["code"]) == 5 and any(c.country == "DE" for c in part.cities):
            country = "DE"
        elif len(match["code"]) == 4 and best.country in ("AT", "CH"):
            country = best.country
        else:
            continue
        chosen = _choose_city(part.cities, country, None, match["code"])
        return Location(chosen.name, match["code"], chosen.region, chosen.country, f"{match['code']} {city}")
    return None


# The job's own workplace named in a sentence: "working from our office in Ottawa", "new office
# location in Stockholm", "für unseren Standort in München", "am Standort Unterföhring", "based in our
# San Francisco office", "work from our office at 253 Broadway, in Manhattan".
# Singular words only: "Büros in Hamburg, Berlin, …" lists the employer's sites, not the job's.
_WORKPLACE_CUE = re.compile(
    r"\b(?:office|location|based|located|workplace|standort|büro|arbeitsplatz|arbeitsort|einsatzort|sitz\s+der\s+stelle)"
    r"\s+(?:(?:is|are|will\s+be|ist|liegt|befindet\s+sich)\s+)?(?:in|at|im)\s+(?=(?-i:[A-ZÄÖÜ]))"
    r"|\b(?:based|located|working|work)\s+(?:in|at|from)\s+(?:our|the|unserem|unserer)\s+(?=(?-i:[A-ZÄÖÜ]))"
    # the employer's own site the job is at: "für unsere Kindertagesstätte in Chemnitz", "in unserer Kita
    # Zwergenland in Chemnitz", "our store in Qormi" (a list of towns after it is the employer's sites)
    r"|\b(?:unser(?:e[rmns]?)?|our)\s+(?:[\w-]+\s+){1,2}?(?:in|im)\s+(?=(?-i:[A-ZÄÖÜ]))"
    # "Arbeitsort ist Regensburg", "we are hiring in Lisbon, Portugal"
    r"|\b(?:arbeitsort|einsatzort|dienstort|standort|location|workplace)\s+(?:ist|is)\s+(?=(?-i:[A-ZÄÖÜ]))"
    r"|\b(?:hiring|recruiting)\s+(?:[\w-]+\s+){0,3}?in\s+(?=(?-i:[A-ZÄÖÜ]))"
    # a site named by the town itself: "am Standort Unterföhring"
    r"|\b(?:am|im|den|dem|unserem|unseren)\s+standort\s+(?=(?-i:[A-ZÄÖÜ]))"
    # a street address, then the town: "our office at 253 Broadway, in Manhattan"
    r"|\b(?:office|premises|campus)\s+(?:at|on)\s+[^.\n]{1,50}?,\s+in\s+(?=(?-i:[A-ZÄÖÜ]))",
    re.IGNORECASE)
# The town as a German adjective before the site: "in unserem Hamburger Office", "Die Bayreuther
# Einrichtung", "an unserem Kölner Standort".
_TOWN_ADJECTIVE_SITE = re.compile(
    r"\b(?:unser(?:e[rmns]?)?|die|der|das|dem|den|im|am)\s+(?P<town>[A-ZÄÖÜ][\wäöüß-]+?)er\s+"
    r"(?:standort|büro|office|einrichtung|niederlassung|filiale|werk|zentrale|klinik|praxis|team|hauptsitz|"
    r"geschäftsstelle|betrieb)\b", re.IGNORECASE)
_PLACE_WORDS = re.compile(r"[A-ZÄÖÜ][\wäöüß.'-]*(?: +[A-ZÄÖÜ][\wäöüß.'-]*){0,2}")
# "a small hub in Lisbon", "an optional office in Hamburg", "remote, with an office in …": one of the
# employer's sites, not where the job is.
_SOME_SITE_BEFORE = re.compile(r"\b(?:a|an|ein|eine|einem|einen|optional\w*|small\w*|kleine\w*)\s+(?:\w+\s+)?$", re.I)
# The country or state written after a town: "Qormi, Malta", "Allston, MA".
_STATED_AFTER = re.compile(r",\s*(?P<name>[A-ZÄÖÜ][\wäöüß'-]*(?: [A-ZÄÖÜ][\wäöüß'-]*)?)")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


_LISTED_NAME = re.compile(r"(?:,|\bund\b|\band\b|\bor\b|\boder\b|\bsowie\b|/)\s*(?P<name>[A-ZÄÖÜ][\wäöüß-]+)")
_LIST_REACH = 60


def _another_town_follows(text: str, start: int, town: str) -> bool:
    """Whether the sentence goes on listing another town after ``town`` ("Hamburg, Berlin und Köln");
    the town's own country or state ("Qormi, Malta", "Allston, MA") is no other town."""
    rest = re.split(r"[.!?\n]", text[start:start + _LIST_REACH], maxsplit=1)[0]
    for listed in _LISTED_NAME.finditer(rest):
        part = _classify(listed["name"])
        if part is not None and part.kind == "city" and part.cities[0].name != town:
            return True
    return False


def _town_with_stated_country(part: _Part, text: str, end: int) -> City | None:
    """The candidate town whose country or state the text writes right after its name."""
    stated = _STATED_AFTER.match(text, end)
    if not stated:
        return None
    words = stated["name"].split()
    after = _classify(stated["name"]) or (_classify(words[0]) if len(words) > 1 else None)
    if after is None:
        return None
    for city in part.cities:
        if after.kind == "country" and after.country == city.country:
            return city
        if after.kind == "code" and (after.country == city.country or city.country == "US" and city.admin1 == after.text):
            return city
        if after.kind == "region" and after.region and after.region[1] == city.region:
            return city
    return None


def _sentence_around(text: str, start: int, end: int) -> str:
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)), default=0)
    after = _SENTENCE_END.search(text, end)
    return text[sentence_start:after.start() if after else len(text)]


def _sentence_workplace(text: str) -> Location | None:
    """The first place a workplace phrase of a sentence names, when the gazetteer knows it as a
    notable town, one in a German-speaking country, or one whose country or state follows it."""
    for cue in _WORKPLACE_CUE.finditer(text):
        line_start = text.rfind("\n", 0, cue.start()) + 1
        if _SOME_SITE_BEFORE.search(text, max(line_start, cue.start() - 30), cue.start()):
            continue
        if "remote" in _sentence_around(text, cue.start(), cue.end()).lower():
            continue
        words = _PLACE_WORDS.match(text, cue.end())
        if words is None:
            continue
        names = words.group().rstrip(".,'").split()
        # a full stop ends the sentence ("in Manhattan. All new staff"), not "St." in "St. Gallen"
        stop = next((i for i, word in enumerate(names) if word.endswith(".") and len(word) > 3), None)
        if stop is not None:
            names[stop:] = [names[stop].rstrip(".")]
        for size in range(len(names), 0, -1):
            name = " ".join(names[:size])
            for part in _classify_segment(name):
                if part.kind != "city":
                    continue
                end = cue.end() + len(name)
                vouched = _town_with_stated_country(part, text, end)
                if vouched:
                    return Location(vouched.name, None, vouched.region, vouched.country, name)
                if part.cities[0].country in GERMAN_SPEAKING or part.cities[0].population >= 50_000:
                    if _another_town_follows(text, end, part.cities[0].name):
                        break  # "Büros in Hamburg, Berlin und Köln": the employer's sites
                    return _assemble([part], None, None, name)
    for site in _TOWN_ADJECTIVE_SITE.finditer(text):
        for stem in (site["town"], site["town"] + "en"):  # "Hamburger", "Bremer"
            part = _classify(stem)
            if part is not None and part.kind == "city" and part.cities[0].country in GERMAN_SPEAKING:
                return _assemble([part._replace(cities=tuple(c for c in part.cities if c.country in GERMAN_SPEAKING))],
                                 None, None, stem)
    return None


def _remote_only(parts: list[_Part]) -> bool:
    return any(p.kind == "remote" for p in parts) and all(p.kind in ("remote", "mode") for p in parts)


def _has_place(location: Location | None) -> bool:
    return bool(location and (location.city or location.country))


def _merge(best: Location, other: Location) -> Location:
    """Fill a better candidate's gaps from a weaker one that names the same city."""
    if not best.city or best.city != other.city or (best.country and other.country != best.country):
        return best
    return Location(best.city, best.postal_code or other.postal_code, best.region or other.region,
                    best.country or other.country, best.raw, best.evidence)


def find_location(text: str) -> Location | None:
    """Find the job's place in a whole ad text.

    Evidence, strongest first: a labelled line ("Location: Cologne, hybrid", "Arbeitsort: 45307
    Essen", or a label line followed by the place); a "postal code + city" line or address tail;
    a line that is only a place among the short header lines at the top (board pages put the city
    alone under the title). Cities inside sentences ("offices in all major cities in Germany") are
    never taken. Weaker evidence fills gaps (postal code, region) when it names the same city. A
    labelled "Location: Remote" gives a Location with only ``raw`` set, so that the employer's
    address further down is not taken for the job's place.
    """
    lines = [line.strip() for line in (text or "").splitlines()]
    labelled: list[Location] = []
    postal: list[Location] = []
    header: list[Location] = []
    in_header = True
    non_empty = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        non_empty += 1
        if in_header and " | " in line and len(line) <= _FIELDS_LINE and not _LABELLED_LINE.match(line):
            # a board's header line of fields: "Acme | Senior Engineer | Full-Time | NYC | $260K - $300K"
            place = next((segment for segment in line.split(" | ") if looks_like_place(segment)), None)
            if place:
                header.append(parse_location(place))
                continue
        if len(line) > _LONG_LINE or non_empty > _HEADER_LINES:
            in_header = False
        if len(line) > 200:
            continue
        pinned = _pinned_place(line)
        if pinned:  # "📍 München 🕐 Vollzeit": a place pictograph labels the place
            line = f"Location: {pinned}"
        match = _LABELLED_LINE.match(line)
        if match:
            value = match["value"]
            parts, postal_code, prefix_country = _split(value)
            location = _assemble(parts, postal_code, prefix_country, value.strip())
            location = location if _has_place(location) else _scan_labelled_value(value)
            if _has_place(location) or _remote_only(parts):
                labelled.append(replace(location, evidence="label") if location else Location(raw=value.strip()))
                continue
        if _LABEL_ONLY_LINE.match(line):
            for following in [l for l in lines[index + 1:index + 6] if l][:4]:
                location = _postal_line_location(following)
                if not location and looks_like_place(following):
                    location = parse_location(following)
                if _has_place(location) or location and _remote_only(_split(following)[0]):
                    labelled.append(replace(location, evidence="label"))
                    break
            continue
        following = next((l for l in lines[index + 1:index + 2] if l), None)
        location = _postal_line_location(line, following) if _FOUR_DIGITS.search(line) else None
        if location:
            postal.append(location)
        elif in_header and len(line) <= 80 and looks_like_place(line):
            location = parse_location(line)
            if _has_place(location):
                header.append(location)
    candidates = labelled + postal + header
    if not candidates:
        return _inline_postal_location(text or "") or _sentence_workplace(text or "")
    best = candidates[0]
    for other in candidates[1:]:
        best = _merge(best, other)
    if not best.city:
        # "Location: Sweden" and "…office location in Stockholm, Sweden"; "Location: On-Site and Remote
        # Hybrid" and "an in-person position based on our campus in Allston, MA"
        workplace = _sentence_workplace(text or "")
        if workplace and workplace.country == (best.country or workplace.country):
            return workplace
    return best


_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
_FOUR_DIGIT_COUNTRIES = frozenset({"AT", "CH", "BE", "LU", "DK", "NO", "HU"})


def postal_code_near(text: str, city: str, country: str | None = None) -> str | None:
    """The postal code an ad writes with its city anywhere in the text: before it as in Germany,
    Austria and Switzerland ("Rheinallee 88, 55118 Mainz", "(8048 Zürich)") or after it as in the
    UK ("London EC2A 4NE"); None when it writes none."""
    if not text or not city:
        return None
    name = re.escape(city)
    if country == "GB":
        match = re.search(rf"\b{name},?\s+(?P<code>{_UK_POSTCODE})\b", text)
        return match["code"] if match else None
    digits = r"\d{5}" if country in (None, "DE") else r"\d{4}" if country in _FOUR_DIGIT_COUNTRIES else None
    if digits is None:
        return None
    match = re.search(rf"(?<![\w.,-])(?:[A-Z]{{1,2}}-)?(?P<code>{digits})\s+{name}(?![\w-])", text)
    return match["code"] if match else None
