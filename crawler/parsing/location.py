"""The job's place in a whole ad: labelled lines, address lines, header lines, board header fields,
the page's title, a sentence naming the workplace; a shortened place a source states; the postal
code an ad writes with its town.

Snippets are parsed by :mod:`crawler.parsing.place_names` (re-exported here: ``Location``,
``parse_location``, ``looks_like_place``, ``normalise_address``, ``postal_town``).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import replace

from crawler.parsing.gazetteer import GERMAN_SPEAKING
from crawler.parsing.place_names import (
    Location,
    _assemble,
    _classify,
    _classify_segment,
    _notable,
    _Part,
    _split,
    looks_like_place,
    normalise_address,
    parse_location,
    postal_town,
)
from crawler.parsing.place_sentences import (
    inline_postal_location,
    remote_area_country,
    sentence_workplace,
)

__all__ = ["Location", "find_location", "looks_like_place", "normalise_address", "parse_location",
           "place_from_stated", "place_in_page_title", "place_in_title", "is_signature_address", "postal_code_near", "postal_town"]


_PAGE_TITLE = re.compile(r"<title[^>]*>(?P<title>[^<]{1,300})</title>", re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"\s+[|–—·-]\s+|\s*[|·]\s*")
_TOWN_AT_END = re.compile(r"\b(?:in|bei|at|im\s+raum)\s+(?P<town>[A-ZÄÖÜ][\wäöüß.-]+"
                          r"(?:\s+(?:am|an\s+der|im|in\s+der)\s+[A-ZÄÖÜ][\wäöüß.-]+)?)\s*$", re.IGNORECASE)
_TITLE_REACH = 20_000
_TITLE_FACT_SEPARATOR = re.compile(r"\s+[-–|]+\s+|\s*/{1,2}\s*")
# "Projektingenieur Elektrotechnik in Berlin gesucht!", "Lead Backend Developer 2x Woche in Frankfurt":
# a town after "in" anywhere in a job title.
_TOWN_IN_TITLE = re.compile(r"\b(?:in|bei|im\s+raum)\s+(?P<town>[A-ZÄÖÜ][\wäöüß.-]+"
                            r"(?:\s+(?:am|an\s+der|im|in\s+der)\s+[A-ZÄÖÜ][\wäöüß.-]+)?)")


_SIGNATURE_REACH = 3


def is_signature_address(text: str, location: Location) -> bool:
    """True when the place was read from an address block right under a company-name line
    ("percision services GmbH" / "Agrippinawerft 26" / "50678 Köln"): a signature, whose place is
    the sender's. Labelled places ("Einsatzort: …") never are."""
    if location.evidence == "label" or not location.raw:
        return False
    from crawler.parsing.employer import looks_like_company  # employer -> text -> markdown -> location
    lines = [line.strip() for line in (text or "").splitlines()]
    for index, line in enumerate(lines):
        if line and location.raw in line:
            above = [earlier for earlier in lines[max(0, index - _SIGNATURE_REACH):index] if earlier]
            return any(looks_like_company(earlier) for earlier in above)
    return False


def place_in_title(title: str | None) -> Location | None:
    """The town a job title names after "in" ("… (m/w/d) in Berlin gesucht!"): a notable town, or
    one in a German-speaking country; None otherwise."""
    for town in _TOWN_IN_TITLE.finditer(title or ""):
        part = _classify(town["town"].rstrip("."))
        if part is not None and part.kind == "city" and _notable(part.cities[0]):
            return _assemble([part], None, None, town["town"])
    # "Systemarchitekt (m/w/d) EIDAS - remote/Berlin": a place among the facts after a dash or slash
    for segment in _TITLE_FACT_SEPARATOR.split(title or "")[1:]:
        if looks_like_place(segment) and (location := parse_location(segment)).city:
            return location
    return None


# A town's or municipality's own administration named as the employer: "Universitätsstadt Marburg",
# "Landeshauptstadt München", "Gemeinde Kirchheim", "Stadtverwaltung Jena", "City of Leeds", "Leeds City Council".
_PUBLIC_EMPLOYER_TOWN = re.compile(
    r"(?:[A-ZÄÖÜ][a-zäöüß]*stadt|Stadt|Gemeinde|Marktgemeinde|Markt|Stadtverwaltung|Gemeindeverwaltung"
    r"|Magistrat[ \t]+der[ \t]+Stadt|City[ \t]+of|Town[ \t]+of|Borough[ \t]+of)[ \t]+(?P<town>[A-ZÄÖÜ][\wäöüß.-]+"
    r"(?:[ \t]+(?:am|an[ \t]+der|im|in[ \t]+der|ob[ \t]+der|upon)[ \t]+[A-ZÄÖÜ][\wäöüß.-]+|[ \t]*\([A-ZÄÖÜ][\wäöüß.-]+\))?)"
    r"|(?P<council_town>[A-Z][\w.-]+(?:[ \t]+[A-Z][\w.-]+)?)[ \t]+(?:City|Town|Borough|Metropolitan[ \t]+Borough)[ \t]+Council")


# An institution named after its town: "Uniklinikum Frankfurt", "Technologiestiftung Berlin", "Universität
# Hamburg", the town's adjective before it ("Wiesbadener Schulsportverein", "Kölner Verkehrs-Betriebe").
_INSTITUTION_WORD = re.compile(
    r"(?:klinik|klinikum|krankenhaus|universität|hochschule|stiftung|verein|verband|stadtwerke|theater|schauspiel"
    r"|museum|bibliothek|zentrum|institut|schule|gymnasium|kita|akademie|betriebe|werke|bank|sparkasse"
    # and in English: "University of Technology Nuremberg", "University of Toronto", "Leeds Teaching Hospitals"
    r"|university|college|hospital|institute|school|library|academy)\w*$", re.IGNORECASE)
_ENGLISH_INSTITUTION_WORD = re.compile(r"^(?:university|college|hospital|institute|school|library|academy)\w*$", re.IGNORECASE)
_TOWN_SIZE_FOR_NAME = 50_000


def town_in_institution_name(company: str | None) -> Location | None:
    """The town a German-speaking institution's name holds ("Uniklinikum Frankfurt" -> Frankfurt am Main,
    "Wiesbadener Schulsportverein" -> Wiesbaden): the last word after an institution's word, or the
    first word as the town's adjective before it; a town of at least 50,000 people. None otherwise."""
    words = (company or "").split()
    if len(words) < 2 or len(words) > 5:
        return None
    candidates = []
    if any(_INSTITUTION_WORD.search(word) for word in words[:-1]):
        candidates.append(words[-1])
    if words[0].endswith("er") and _INSTITUTION_WORD.search(words[-1]):
        stem = words[0][:-2]
        candidates.extend([stem, stem + "en"] if not stem.endswith("en") else [stem])  # Münchner: no
    english = any(_ENGLISH_INSTITUTION_WORD.match(word) for word in words)
    for name in candidates:
        part = _classify(name.strip(",."))
        if part is not None and part.kind == "city" and (english or part.cities[0].country in GERMAN_SPEAKING) \
                and part.cities[0].population >= _TOWN_SIZE_FOR_NAME:
            return _assemble([part], None, None, name)
    return None


def town_of_public_employer(company: str | None) -> Location | None:
    """The town whose own administration the employer is ("Universitätsstadt Marburg" -> Marburg,
    "Leeds City Council" -> Leeds): a notable town, or one in a German-speaking country; else None."""
    match = _PUBLIC_EMPLOYER_TOWN.fullmatch((company or "").strip())
    if match is None:
        return None
    town = match["town"] or match["council_town"]
    part = _classify(town)
    if part is None or part.kind != "city" or not _notable(part.cities[0]):
        return None
    return _assemble([part], None, None, town)


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
    if not towns:
        # A code rather than a start ("location: Muc" for "… our Munich office"): the town's letters
        # in order, from its first.
        letters = stem.casefold()
        for match in re.finditer(rf"\b{re.escape(stem[0])}[\wäöüß]+", text):
            word = match.group()
            if _letters_in_order(letters, word.casefold()):
                part = _classify(word)
                if part is not None and part.kind == "city" and _notable(part.cities[0]):
                    towns.setdefault(part.cities[0].name, part)
    if len(towns) != 1:
        return location
    return _assemble([next(iter(towns.values()))], None, None, stated.strip())


def _letters_in_order(letters: str, word: str) -> bool:
    rest = iter(word)
    return all(letter in rest for letter in letters)


_LABEL = (r"(?:(?:job|work|office|primary|your|our|unser(?:e|er)?)[\s-]+)?"
          r"(?:location|locations|standort|standorte|arbeitsort|einsatzort|dienstort|dienstsitz|ort|where|"
          r"place of work|city|stadt|based in|sitz der stelle|einsatzgebiet)")
# Markdown emphasis may wrap the label or the colon: "**Ort**: Berlin", "**Standort:** Köln".
# A short fact may come first on the line: "6 Stunden, Arbeitsort: Messiaskapelle in Wien-Alsergrund".
_LABELLED_LINE = re.compile(rf"^(?:[^:\n]{{1,40}}?,\s*)?[\W_]*{_LABEL}[*_]*\s*[:：][*_]*\s*(?P<value>\S.*)$", re.I)
# A fact row whose cells the page's markup set side by side, the colon left out: "Standort Nordhausen".
_LABEL_THEN_PLACE = re.compile(rf"^[\W_]*{_LABEL}[*_]*\s+(?P<value>(?-i:[A-ZÄÖÜ])[^:]{{1,40}})$", re.I)
_LABEL_ONLY_LINE = re.compile(rf"^[\W_]*{_LABEL}[*_]*\s*[:：]?[*_]*\s*$", re.I)
# Every label above holds one of these (lower case): an ASCII line without any is no label line.
_LABEL_STEMS = ("ort", "location", "where", "place of work", "city", "stadt", "based in", "dienstsitz",
                "sitz der stelle", "einsatzgebiet")
_LABEL_STEM = re.compile("|".join(map(re.escape, _LABEL_STEMS)))  # case-sensitive: one C scan for all stems


_LABEL_ROW_CHARS = 60


def _labelled_line(line: str) -> re.Match | None:
    """``_LABELLED_LINE`` on a line, the pattern run only on lines with a colon, which it needs."""
    return _LABELLED_LINE.match(line) if ":" in line or "：" in line else None


def _is_label_only_line(line: str) -> bool:
    """``_LABEL_ONLY_LINE`` on a line; an ASCII line naming no label stem is skipped unread (the
    pattern's case folding reaches beyond ASCII, so other lines always go to it)."""
    if line.isascii() and _LABEL_STEM.search(line.lower()) is None:
        return False
    return _LABEL_ONLY_LINE.match(line) is not None
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


# A site's menu above the ad: a run of list items of one or two words each ("- Cider", "- Store", "- Tours").
_MENU_ITEM = re.compile(r"^[-*•][ \t]+[^\W\d_][\w&'’.-]*(?:[ \t]+[\w&'’.-]+)?$")
_MENU_MIN_ITEMS = 4


def _menu_lines(lines: list[str]) -> set[int]:
    """The indices of ``lines`` that are items of a menu: a town named there ("Tours" of a farm's
    menu) is a page's name, not the job's place."""
    menu: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if _MENU_ITEM.match(line):
            run.append(index)
            continue
        if len(run) >= _MENU_MIN_ITEMS:
            menu.update(run)
        run = []
    return menu


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
    menu = _menu_lines(lines)
    labelled: list[Location] = []
    postal: list[Location] = []
    header: list[Location] = []
    in_header = True
    non_empty = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        non_empty += 1
        if in_header and " | " in line and len(line) <= _FIELDS_LINE and not _labelled_line(line):
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
        match = _labelled_line(line)
        if match:
            value = match["value"]
            parts, postal_code, prefix_country = _split(value)
            location = _assemble(parts, postal_code, prefix_country, value.strip())
            location = location if _has_place(location) else _scan_labelled_value(value)
            if _has_place(location) or _remote_only(parts):
                labelled.append(replace(location, evidence="label") if location else Location(raw=value.strip()))
                continue
        if len(line) <= _LABEL_ROW_CHARS and (row := _LABEL_THEN_PLACE.match(line)) and looks_like_place(row["value"]):
            labelled.append(replace(parse_location(row["value"]), evidence="label"))
            continue
        if _is_label_only_line(line):
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
        elif in_header and len(line) <= 80 and index not in menu and looks_like_place(line):
            location = parse_location(line)
            if _has_place(location):
                header.append(location)
    candidates = labelled + postal + header
    if not candidates:
        return (inline_postal_location(text or "") or sentence_workplace(text or "")
                or remote_area_country(text or ""))
    best = candidates[0]
    for other in candidates[1:]:
        best = _merge(best, other)
    if not best.city:
        # "Location: Sweden" and "…office location in Stockholm, Sweden"; "Location: On-Site and Remote
        # Hybrid" and "an in-person position based on our campus in Allston, MA"
        workplace = sentence_workplace(text or "")
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
    # or in brackets after the town: "in Otterfing (PLZ 83624)"
    match = match or re.search(rf"(?<![\w-]){name}\s*\((?:PLZ|Postleitzahl)?:?\s*(?P<code>{digits})\)", text)
    return match["code"] if match else None
