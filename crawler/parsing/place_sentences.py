"""The job's place named inside running text: a workplace phrase of a sentence ("working from our
office in Ottawa", "am Standort Unterföhring", "in unserem Hamburger Office") or a postal address
written in a sentence ("Sitz in 56068 Koblenz"). Used by :func:`crawler.parsing.location.find_location`
when no labelled line, address line or header line names the place.
"""

from __future__ import annotations

import re

from crawler.parsing.gazetteer import CITY_ABBREVIATIONS, GERMAN_SPEAKING, City, gazetteer, name_key
from crawler.parsing.place_names import (
    Location,
    _assemble,
    _choose_city,
    _classify,
    _classify_segment,
    _Part,
    postal_town,
)

__all__ = ["inline_postal_location", "remote_area_country", "sentence_workplace", "sole_town_named"]

# "Unsere Verwaltung hat ihren Sitz in 56068 Koblenz.": a postal address inside a sentence.
_INLINE_POSTAL = re.compile(r"(?<![\w.,-])(?P<code>\d{5}|\d{4})\s+(?P<city>[A-ZÄÖÜ][\wäöüß.-]+"
                            r"(?:\s+(?:am|an der|im|in der|ob der|bei)\s+[A-ZÄÖÜ][\wäöüß.-]+)?)")


# A British address tail, the town before its postcode: "Twickenham Library, Garfield Road, Twickenham TW1 3JT".
_INLINE_UK_POSTAL = re.compile(r"(?<![\w-])(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?),?\s+"
                               r"(?P<code>[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})(?![\w])")


def inline_postal_location(text: str) -> Location | None:
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
    for match in _INLINE_UK_POSTAL.finditer(text):
        town = match["city"]
        if town.split()[-1].lower() in _STREET_WORDS:
            continue  # "Garfield Road W1 1AA": the street, not the town
        british = _british_towns(town)
        if not british:
            # "Bridgwater, Somerset, TA6 6AJ": a county (no British town of its name) stands between the
            # town and the postcode; the segment before it is the town.
            before = _SEGMENT_BEFORE.search(text, max(0, match.start() - 60), match.start())
            if before and (earlier := _british_towns(before["town"])):
                town, british = before["town"], earlier
        # The postcode itself is British, so the town before it is taken as written when the gazetteer
        # knows it only elsewhere (Twickenham is an alternate name of a US town there).
        chosen = british[0] if british else None
        return Location(chosen.name if chosen else town, match["code"], chosen.region if chosen else None, "GB",
                        match.group())
    return None


def _british_towns(name: str) -> list[City]:
    part = _classify(name)
    return [city for city in (part.cities if part and part.kind == "city" else ()) if city.country == "GB"]


_SEGMENT_BEFORE = re.compile(r"(?P<town>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?),\s*$")
_STREET_WORDS = frozenset("road street lane avenue square place close way drive court house floor park gardens "
                          "terrace crescent grove hill walk row mews yard building centre center".split())


# The job's own workplace named in a sentence: "working from our office in Ottawa", "new office
# location in Stockholm", "für unseren Standort in München", "am Standort Unterföhring", "based in our
# San Francisco office", "work from our office at 253 Broadway, in Manhattan".
# Singular words only: "Büros in Hamburg, Berlin, …" lists the employer's sites, not the job's.
_WORKPLACE_CUE = re.compile(
    # a part of the town the employer is in, the town after it ("a new brewery located in the Lawrenceville
    # neighborhood of Pittsburgh", "based in the Kreuzberg district of Berlin"); first, as the general cue
    # below would take the part's name
    r"\b(?:located|based|situated)\s+in\s+the\s+(?:(?-i:[A-Z])[\w'-]*\s+){1,3}(?:neighbou?rhood|district|borough"
    r"|quarter|area)\s+of\s+(?=(?-i:[A-ZÄÖÜ]))"
    r"|\b(?:office|location|based|located|workplace|standort|büro|arbeitsplatz|arbeitsort|einsatzort|sitz\s+der\s+stelle)"
    r"\s+(?:(?:is|are|will\s+be|ist|liegt|befindet\s+sich)\s+)?(?:in|at|im)\s+"
    # "Ein Büro im Zentrum von Potsdam-Babelsberg", "an office in the heart of Leeds"
    r"(?:(?:the\s+)?(?:zentrum|herzen|center|centre|heart|middle)\s+(?:von|of)\s+)?(?=(?-i:[A-ZÄÖÜ]))"
    r"|\b(?:based|located|working|work)\s+(?:in|at|from)\s+(?:our|the|unserem|unserer)\s+(?=(?-i:[A-ZÄÖÜ]))"
    # the employer's own site the job is at: "für unsere Kindertagesstätte in Chemnitz", "in unserer Kita
    # Zwergenland in Chemnitz", "our store in Qormi" (a list of towns after it is the employer's sites)
    r"|\b(?:unser(?:e[rmns]?)?|our)\s+(?:[\w-]+\s+){1,2}?(?:in|im)\s+(?=(?-i:[A-ZÄÖÜ]))"
    # "Arbeitsort ist Regensburg", "we are hiring in Lisbon, Portugal"
    r"|\b(?:arbeitsort|einsatzort|dienstort|standort|location|workplace)\s+(?:ist|is)\s+(?=(?-i:[A-ZÄÖÜ]))"
    r"|\b(?:hiring|recruiting)\s+(?:[\w-]+\s+){0,6}?in\s+(?=(?-i:[A-ZÄÖÜ]))"
    # the area of deployment named by the town itself: "Einsatzraum Bern mit 50% Remote-Anteil", "im
    # Einsatzgebiet Berlin/Brandenburg"
    r"|\b(?:einsatzraum|einsatzgebiet|einsatzregion|einsatzort|arbeitsort)\s+(?=(?-i:[A-ZÄÖÜ]))"
    # a site named by the town itself: "am Standort Unterföhring"
    r"|\b(?:am|im|den|dem|unserem|unseren)\s+standort\s+(?=(?-i:[A-ZÄÖÜ]))"
    # a street address, then the town: "our office at 253 Broadway, in Manhattan"
    r"|\b(?:office|premises|campus)\s+(?:at|on)\s+[^.\n]{1,50}?,\s+in\s+(?=(?-i:[A-ZÄÖÜ]))"
    # the site placed by a river or square first: "ein Office an der Aare in Bern"
    r"|\b(?:office|büro)\s+(?:an|am|at|on|near|by)\s+(?:(?:der|dem|den|the)\s+)?(?-i:[A-ZÄÖÜ])[\w-]+\s+in\s+"
    r"(?=(?-i:[A-ZÄÖÜ]))"
    # a site placed in the middle of its town: "Steuerberatungskanzlei mitten in Wels", "im Herzen von Wels",
    # "in the heart of Leeds"
    r"|\b(?:mitten\s+in|im\s+(?:herzen|zentrum)\s+von|in\s+the\s+(?:heart|centre|center)\s+of)\s+"
    r"(?=(?-i:[A-ZÄÖÜ]))"
    # where the reader must travel to work: "you must be willing to commute to Cologne on a weekly basis"
    r"|\b(?:commute|commuting|pendeln)\s+(?:to|into|nach)\s+(?=(?-i:[A-ZÄÖÜ]))"
    # where the reader would move to for the job: "Ziehst du nach Mönchengladbach?", "relocation to Berlin"
    r"|\b(?:ziehst\s+du|ziehen\s+sie|umzug|relocat\w*|move|moving)\s+(?:\w+\s+)?(?:nach|to)\s+(?=(?-i:[A-ZÄÖÜ]))"
    # "bei uns in Berlin": where "we" are is where the reader works; so where the reader is asked to be or
    # to work with "us": "Du bist in Berlin (oder bereit umzuziehen)", "you're based in Leeds", "Arbeite mit
    # uns in Berlin im Office"
    r"|\bbei\s+uns\s+(?:hier\s+|vor\s+ort\s+)?in\s+(?=(?-i:[A-ZÄÖÜ]))"
    r"|\b(?:du\s+bist|sie\s+sind|you\s+are|you're)\s+(?:(?:already|currently|bereits|schon)\s+)?"
    r"(?:in|based\s+in|located\s+in|living\s+in)\s+(?=(?-i:[A-ZÄÖÜ]))"
    r"|\b(?:arbeite|arbeitest|arbeiten\s+sie|work)\s+(?:mit\s+uns|with\s+us)\s+in\s+(?=(?-i:[A-ZÄÖÜ]))"
    # a label inside a line of facts: "Festanstellung unbefristet, 20 - 32 h pro Woche, Arbeitsort: Berlin, Kreuzberg"
    r"|\b(?:arbeitsort|einsatzort|dienstort|standort|job\s+location|workplace)\s*:\s*(?=(?-i:[A-ZÄÖÜ]))"
    # an invitation to apply to the employer at a town: "Dann bewerbe dich jetzt bei Defacto in Groningen!"
    r"|\b(?:bewirb|bewerbe|bewerben|apply|join)\b[^.!?\n]{0,30}?\s(?:bei|at)\s+(?-i:[A-ZÄÖÜ])[\w&.+-]*"
    r"(?:\s+(?-i:[A-ZÄÖÜ])[\w&.+-]*){0,3}\s+in\s+(?=(?-i:[A-ZÄÖÜ]))",
    re.IGNORECASE)
# The town as a German adjective before the site or a part of the town: "in unserem Hamburger Office",
# "Die Bayreuther Einrichtung", "an unserem Kölner Standort", "mitten in der Lübecker Altstadt", "im Kölner Süden".
_TOWN_ADJECTIVE_SITE = re.compile(
    r"\b(?:unser(?:e[rmns]?)?|die|der|das|dem|den|im|am)\s+(?P<town>[A-ZÄÖÜ][\wäöüß-]+?)er\s+"
    r"(?:standort|büro|office|einrichtung|niederlassung|filiale|werk|zentrale|klinik|praxis|team|hauptsitz|"
    r"geschäftsstelle|betrieb|altstadt|innenstadt|stadtmitte|stadtzentrum|zentrum|süden|norden|osten|westen"
    r"|stadtgebiet|umland)\b", re.IGNORECASE)
# The town named before the site in English: "to work with us in our London office", "at our Leeds studio",
# "based at Sunlight Foundation's Washington D.C. office" (the site's owner named, the district's letters after).
_TOWN_BEFORE_SITE = re.compile(
    r"\b(?:in|at|from)\s+(?:our|the|(?:[A-Z][\w&-]*\s+){0,3}[A-Z][\w&-]*['’]s)\s+"
    r"(?P<town>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|" + "|".join(CITY_ABBREVIATIONS) + r")(?:\s(?:[A-Z]\.){2,3})?\s+(?:office|studio|headquarters|HQ|site"
    r"|branch|hub|store|shop|clinic|practice|lab|warehouse|plant|factory)\b")


def _notable_town(city: City) -> bool:
    return city.country in GERMAN_SPEAKING or city.population >= 50_000


# A cue that is a label of the job's place: what follows it is the place even beside "remote".
# A list item that is an office ("*   A beautiful office in Berlin with an awesome view over the city."):
# in an ad's lists, what the reader gets.
_OFFICE_LIST_ITEM = re.compile(r"[ \t]*[-*•][ \t]*(?:a|an|ein|eine|einen)[ \t]+(?:[\w-]+[ \t]+){0,2}(?:office|büro)\b",
                               re.IGNORECASE)
_CAMEL_CASE = re.compile(r"[a-zäöüß][A-ZÄÖÜ]")
_PLACE_LABEL = re.compile(r"(?:arbeitsort|einsatzort|einsatzraum|einsatzgebiet|einsatzregion|dienstort|job\s+location)\b",
                          re.IGNORECASE)
_PLACE_WORDS = re.compile(r"[A-ZÄÖÜ][\wäöüß.'-]*(?: +[A-ZÄÖÜ][\wäöüß.'-]*){0,2}")
# "a small hub in Lisbon", "an optional office in Hamburg", "remote, with an office in …": one of the
# employer's sites, not where the job is.
_SOME_SITE_BEFORE = re.compile(r"\b(?:a|an|ein|eine|einem|einen|optional\w*|small\w*|kleine\w*)\s+(?:\w+\s+)?$", re.I)
_QUALIFIED_SITE_BEFORE = re.compile(r"\b(?:optional\w*|small\w*|kleine\w*|hub)\s+(?:\w+\s+)?$", re.I)
# An office offered to the reader among what they get ("Bei zebbra findest du …, ein Office an der Aare
# in Bern, …", "you'll get a desk in our office in Leeds") is the reader's own workplace.
_OFFERED_TO_READER = re.compile(r"\b(?:findest\s+du|finden\s+sie|erwartet\s+dich|erwarten\s+dich|bieten\s+(?:wir\s+)?"
                                r"(?:dir|ihnen)|wir\s+bieten|you(?:'ll|\s+will)?\s+(?:get|find|have)|we\s+offer)\b",
                                re.IGNORECASE)
# The country or state written after a town: "Qormi, Malta", "Allston, MA".
_STATED_AFTER = re.compile(r",\s*(?P<name>[A-ZÄÖÜ][\wäöüß'-]*(?: [A-ZÄÖÜ][\wäöüß'-]*)?)")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


_LISTED_NAME = re.compile(r"(?:,|\bund\b|\band\b|\bor\b|\boder\b|\bsowie\b|/)\s*(?P<name>[A-ZÄÖÜ][\wäöüß-]+)")
_LIST_REACH = 60


def _listed_towns_country(text: str, start: int, first: City) -> str | None:
    """The one country of a list of towns ("hiring … in Ottawa, Toronto, Waterloo, and Montreal"), when
    every listed town the gazetteer knows is a notable town of the first town's country."""
    rest = re.split(r"[.!?\n]", text[start:start + _LIST_REACH * 2], maxsplit=1)[0]
    for listed in _LISTED_NAME.finditer(rest):
        part = _classify(listed["name"])
        if part is None or part.kind != "city":
            continue
        if not any(city.country == first.country and (city.population >= 50_000 or city.country in GERMAN_SPEAKING)
                   for city in part.cities):
            return None
    return first.country


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


_CAPITALISED_RUN = re.compile(r"[A-ZÄÖÜ][\wäöüß'-]*(?:[ \t]+[A-ZÄÖÜ][\wäöüß'-]*){0,2}")


def _areas_named(text: str) -> tuple[set[str], set[str]]:
    """The countries (alpha-2) and regions (names) the text names anywhere ("British Columbia", "Canada")."""
    names = gazetteer()
    countries: set[str] = set()
    regions: set[str] = set()
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group().split()
        for size in range(len(words), 0, -1):
            key = name_key(" ".join(words[:size]))
            if key in names.countries:
                countries.add(names.countries[key])
                break
            if key in names.regions:  # a region names its country too
                countries.add(names.regions[key][0])
                regions.add(names.regions[key][1])
                break
    return countries, regions


def _namesake_of_named_area(part: _Part, text: str) -> _Part:
    """Among towns of one name in several countries ("Victoria": Hong Kong's and British Columbia's),
    the one whose region or country the ad names elsewhere ("all students in British Columbia"); the
    gazetteer's first choice when the ad names neither or names the first choice's."""
    if len({city.country for city in part.cities}) < 2:
        return part
    countries, regions = _areas_named(text)
    first = part.cities[0]
    if first.region in regions or first.country in countries:
        return part
    chosen = (next((city for city in part.cities if city.region and city.region in regions), None)
              or next((city for city in part.cities if city.country in countries), None))
    if chosen is None:
        return part
    return part._replace(cities=(chosen, *(city for city in part.cities if city is not chosen)))


_COMPASS_WORDS = frozenset("East West North South Central Greater Nord Ost Süd Mitte".split())


def _district_of_named_city(names: list[str], text: str) -> bool:
    """True when a phrase's place is a part of a city the ad also names on its own: "based in East
    London" in an ad whose job is "based in London" is London's east, not the town of East London in
    South Africa; "Greater Manchester" is Manchester's area. A town of that name in the city's own country
    stays ("North Vancouver")."""
    if len(names) < 2 or names[0] not in _COMPASS_WORDS:
        return False
    city = names[1].rstrip(".,'’")
    countries = {town.country for part in _classify_segment(city) if part.kind == "city" for town in part.cities}
    if not countries or re.search(rf"(?<!{names[0]} )\b{re.escape(city)}\b", text) is None:
        return False
    # "North Vancouver" is a town of its own beside Vancouver; East London lies in another country than London
    return not any(town.country in countries for part in _classify_segment(f"{names[0]} {city}")
                   if part.kind == "city" for town in part.cities)


_HEADQUARTERS_BEFORE = re.compile(r"\b(?:HQ|headquarters?|head\s+office|hauptsitz|zentrale)\b[^.;()\n]*$", re.IGNORECASE)


def sentence_workplace(text: str) -> Location | None:
    """The first place a workplace phrase of a sentence names, when the gazetteer knows it as a
    notable town, one in a German-speaking country, or one whose country or state follows it."""
    for cue in _WORKPLACE_CUE.finditer(text):
        line_start = text.rfind("\n", 0, cue.start()) + 1
        if _SOME_SITE_BEFORE.search(text, max(line_start, cue.start() - 30), cue.start()) and (
                _QUALIFIED_SITE_BEFORE.search(text, max(line_start, cue.start() - 30), cue.start())
                or not (_OFFERED_TO_READER.search(_sentence_around(text, cue.start(), cue.end()))
                        or _OFFICE_LIST_ITEM.match(text, line_start))):
            continue
        if "remote" in _sentence_around(text, cue.start(), cue.end()).lower() and not _PLACE_LABEL.match(cue.group()):
            continue  # "remote, with meetups at our office in Berlin"; a labelled place stands ("Einsatzort Wien und remote")
        if _HEADQUARTERS_BEFORE.search(text, max(line_start, cue.start() - 40), cue.start()):
            continue  # "(Doximity HQ is currently based in the SoMa neighborhood of San Francisco …)": the head office
        words = _PLACE_WORDS.match(text, cue.end())
        if words is None:
            continue
        names = words.group().rstrip(".,'").split()
        if names and _CAMEL_CASE.search(names[0]):
            continue  # "the SoMa neighborhood": a district's own spelling, not the town Soma
        # a full stop ends the sentence ("in Manhattan. All new staff"), not "St." in "St. Gallen"
        stop = next((i for i, word in enumerate(names) if word.endswith(".") and len(word) > 3), None)
        if stop is not None:
            names[stop:] = [names[stop].rstrip(".")]
        shift = 0
        if _district_of_named_city(names, text):
            shift, names = len(names[0]) + 1, names[1:]  # "based in East London" … "based in London"
        for size in range(len(names), 0, -1):
            name = " ".join(names[:size])
            for part in _classify_segment(name):
                if part.kind != "city":
                    continue
                end = cue.end() + shift + len(name)
                vouched = _town_with_stated_country(part, text, end)
                if vouched:
                    return Location(vouched.name, None, vouched.region, vouched.country, name)
                if _notable_town(part.cities[0]):
                    if _another_town_follows(text, end, part.cities[0].name):
                        # "Büros in Hamburg, Berlin und Köln": the employer's sites, one country's
                        country = _listed_towns_country(text, end, part.cities[0])
                        if country:
                            return Location(None, None, None, country, name)
                        break
                    return _assemble([_namesake_of_named_area(part, text)], None, None, name)
    for site in _TOWN_BEFORE_SITE.finditer(text):
        if "remote" in _sentence_around(text, site.start(), site.end()).lower():
            continue
        part = _classify(site["town"])
        if part is not None and part.kind == "city" and _notable_town(part.cities[0]):
            return _assemble([_namesake_of_named_area(part, text)], None, None, site["town"])
    for site in _TOWN_ADJECTIVE_SITE.finditer(text):
        if "remote" in _sentence_around(text, site.start(), site.end()).lower():
            continue  # "remote, mit Treffen im Berliner Büro": the job is not at the site
        for stem in (site["town"], site["town"] + "en"):  # "Hamburger", "Bremer"
            part = _classify(stem)
            if part is not None and part.kind == "city" and part.cities[0].country in GERMAN_SPEAKING:
                return _assemble([part._replace(cities=tuple(c for c in part.cities if c.country in GERMAN_SPEAKING))],
                                 None, None, stem)
    return None


# Remote work bounded by a country: "Full-Remote (innerhalb Deutschlands)", "remote within Germany",
# "Homeoffice aus ganz Österreich", "remote from anywhere in the UK": no town, but the country of work.
_REMOTE_AREA = re.compile(
    r"\b(?:full[-\s]?remote|remote|home[-\s]?office|mobile[ns]?\s+arbeiten|telearbeit|work\s+from\s+home)\b"
    r"[^.\n]{0,60}?\b(?:innerhalb|within|aus|from|in|anywhere\s+in|throughout|across)\s+"
    r"(?:(?:ganz|all\s+of|the)\s+)?(?P<name>(?-i:[A-ZÄÖÜ])[\wäöüß]+)", re.IGNORECASE)


def remote_area_country(text: str) -> Location | None:
    """The country a remote job is bounded to ("Full-Remote (innerhalb Deutschlands)"), as a
    Location with only the country, or None."""
    countries = gazetteer().countries
    for match in _REMOTE_AREA.finditer(text):
        name = match["name"]
        # a German genitive names the country too: "innerhalb Deutschlands", "Österreichs"
        country = countries.get(name_key(name)) or (countries.get(name_key(name[:-1])) if name.endswith("s") else None)
        if country:
            return Location(None, None, None, country, match.group())
    return None


# A town after a preposition of place or purpose: "ein modernes Arbeitsumfeld in Berlin", "für Hamburg und
# seine Zukunft", "Kundenprojekt … in München", "developers in Brisbane".
_TOWN_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|für|bei|nahe|near|around|(?:im\s+)?(?:groß)?raum)\s+(?P<name>(?-i:[A-ZÄÖÜ])[\wäöüß.-]+"
    r"(?:\s+(?:am|an\s+der|im|ob\s+der)\s+(?-i:[A-ZÄÖÜ])[\wäöüß.-]+|\s+(?-i:[A-ZÄÖÜ])[\wäöüß.-]+)?)", re.IGNORECASE)
# Remote work, unless the ad also asks for days at a site: the town it names is then no workplace.
_REMOTE = re.compile(r"\bremote\b|\bwork\s+from\s+(?:home|anywhere)\b", re.IGNORECASE)
_SITE_DAYS = re.compile(r"\bhybrid|\bvor\s+ort\b|\bon[-\s]?site\b|\bin\s+(?:the|our)\s+office\b|\bim\s+büro\b",
                        re.IGNORECASE)


# The word before "bei" in "Kehrig bei Mayen" (what the town-after-preposition match for "bei" follows).
_TOWN_BEFORE_NEAR = re.compile(r"(?<![\w.-])(?P<town>[A-ZÄÖÜ][\wäöüß.-]+) $")
_NEAR_REACH = 40


def sole_town_named(text: str) -> Location | None:
    """The one town the ad places anything in ("in Berlin", "für Hamburg"), when it names no other town
    that way and the job is not remote only: an ad that says where it is nowhere else is there."""
    if _REMOTE.search(text) and not _SITE_DAYS.search(text):
        return None
    found: dict[str, tuple[_Part, str]] = {}
    for match in _TOWN_AFTER_PREPOSITION.finditer(text):
        words = match["name"].rstrip(".-").split()
        if _CAMEL_CASE.search(words[0]):
            continue
        if match.group().lower().startswith("bei ") and (
                near := _TOWN_BEFORE_NEAR.search(text[max(0, match.start() - _NEAR_REACH):match.start()])) and (
                town := _classify(near["town"])) is not None and town.kind == "city":
            # "in Kehrig bei Mayen", "Kehrig bei Mayen · ab sofort": the place is the first town, placed
            # by the larger one near it
            words = [near["town"]]
        # "San Francisco" whole, "Berlin Mitte" and "Wiesbaden-Nordost" as Berlin and Wiesbaden
        names = (" ".join(words), words[0], words[0].split("-")[0]) if "-" in words[0] else (" ".join(words), words[0])
        if len(words) > 1 and words[0].endswith("s"):
            names += (words[0][:-1],)  # a German genitive before a part of the town: "in Hannovers Südstadt"
        name, part = next(((name, part) for name in names
                           if (part := _classify(name)) is not None and part.kind == "city"), (words[0], None))
        if part is None or not _notable_town(part.cities[0]):
            continue
        found.setdefault(part.cities[0].name, (part, name))
        if len(found) > 1:
            return None  # towns of several sites, clients or projects: none is the job's for sure
    if len(found) != 1:
        return None
    part, name = next(iter(found.values()))
    return _assemble([_namesake_of_named_area(part, text)], None, None, name)
