"""Markdown job ads: front matter read as fields, the body rendered by a real Markdown parser.

Boards and career-site repositories publish ads as Markdown files, often with YAML (``---``) or
TOML (``+++``) front matter holding the title, employer and place. The body goes through
markdown-it-py (CommonMark) to HTML, and from there through the same HTML-to-text step as pages,
so headings, links, emphasis and backslash escapes never reach a field. Line breaks inside a
paragraph are kept (``breaks``): plain-text ads put one fact per line. Indented code blocks are
off: ads indent wrapped bullet text, never code.
"""

from __future__ import annotations

import html
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

import yaml
from markdown_it import MarkdownIt

from crawler.parsing.headings import heading_kind
from crawler.parsing.json_record import read_json_object, record_html
from crawler.parsing.location import looks_like_place
from crawler.parsing.salary import find_salary

__all__ = ["FrontMatter", "first_title_heading", "looks_like_markdown", "markdown_to_html", "split_front_matter"]

_FRONT_MATTER = re.compile(r"\A\ufeff?(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)\r?\n(?P=fence)[ \t]*(?:\r?\n|\Z)",
                           re.DOTALL)
# Syntax only Markdown writes: ATX headings, links, strong emphasis, backslash escapes, "* "/"+ "
# bullets, fenced blocks, setext underlines below a text line.
_MARKDOWN_SYNTAX = re.compile(
    r"^#{1,6}[ \t]+\S|\[[^\]\n]+\]\([^)\s]+\)|\*\*\S[^*\n]*\*\*|__\S[^_\n]*__|\\[*_#\[\]()`!-]"
    r"|^[ \t]*[*+][ \t]+\S|^```|^\S[^\n]*\n[=-]{3,}[ \t]*$",
    re.MULTILINE)
_MARKDOWN_MARKS = ("#", "](", "**", "__", "\\", "* ", "+ ", "```", "---", "===")
# libyaml's safe loader when PyYAML was built with it: the pure-Python one took most of the parse
# time of a front-matter ad.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PARSER = MarkdownIt("commonmark", {"breaks": True, "html": True}).disable("code")
# Files wrapped at a fixed column ("Die Open Source Business Alliance vertritt mehr als 200\n
# Mitgliedsunternehmen …"): there a line break inside a paragraph is a space, as CommonMark says.
_WRAPPED_PARSER = MarkdownIt("commonmark", {"breaks": False, "html": True}).disable("code")
# Front-matter keys that name posting fields, as career sites and static-site ads spell them.
_KEYS = {
    # German sites spell the key in German ("titel", "stellenbezeichnung"); "position" comes late
    # because sites also use it for the contact person's position.
    "title_raw": ("title", "titel", "job_title", "jobtitle", "stellenbezeichnung", "stellentitel", "position",
                  "role", "role_name", "name"),
    "company": ("company", "employer", "organisation", "organization", "org", "hiring_organization", "company_name",
                "firma", "unternehmen", "arbeitgeber"),
    "location_raw": ("location", "city", "place", "job_location", "ort", "standort", "arbeitsort", "einsatzort",
                     "dienstort"),
    "date_posted_raw": ("date_posted", "date", "published", "posted", "publishdate", "publish_date", "pubdate", "pub_date",
                        "published_at", "publication_date", "published_date", "date_published", "posted_at", "posting_date",
                        "posted_date", "posted_on", "published_on", "post_date",
                        "created", "created_at", "datum", "veröffentlicht"),
    # The application deadline as the site's own key states it (read like date_posted_raw, then dropped).
    # Not a listing's expiry ("expiry-date: 2016-09-17" over "The closing date for applications is 16
    # September 2016"): that is when the site stops showing the ad.
    "valid_through_raw": ("valid_through", "deadline", "deadline_date", "application_deadline", "close_date",
                          "closing_date", "closes", "apply_by", "bewerbungsfrist", "bewerbungsschluss"),
}
# Keys are also written without umlauts ("veroeffentlicht", "gueltig_bis").
_UMLAUTS_SPELT_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_KEYS = {name: keys + tuple(key.translate(_UMLAUTS_SPELT_OUT) for key in keys
                            if key.translate(_UMLAUTS_SPELT_OUT) != key) for name, keys in _KEYS.items()}


# CommonMark's backslash escape: a backslash before ASCII punctuation stands for the punctuation.
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ALL_KEYS = frozenset(key for keys in _KEYS.values() for key in keys)


@dataclass
class FrontMatter:
    """The front matter's posting fields and the text after it."""

    fields: dict[str, str] = field(default_factory=dict)
    body: str = ""


def _scalar(value: Any) -> str | None:
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value if isinstance(item, (str, int, float)))
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    return None


# A PHP page that opens by setting its variables ("<?php $pageName = 'Souderton, PA - Short Haul'; $company =
# 'JBS Carriers'; include('header.php'); ?>"): the strings are the page's front matter.
_PHP_OPENING = re.compile(r"\A<\?php\b(?P<block>.*?)\?>", re.DOTALL)
_PHP_STRING_SETTING = re.compile(r"\$(?P<key>\w+)\s*=\s*(?P<quote>['\"])(?P<value>(?:(?!(?P=quote))[^\\\n]|\\.){0,300})(?P=quote)\s*;")


def _php_settings(document: str) -> tuple[dict[str, str], str] | None:
    opening = _PHP_OPENING.match(document)
    if opening is None:
        return None
    settings = {match["key"]: match["value"].replace("\\'", "'").replace('\\"', '"')
                for match in _PHP_STRING_SETTING.finditer(opening["block"])}
    return (settings, document[opening.end():]) if settings else None


def split_front_matter(document: str) -> FrontMatter | None:
    """The posting fields of a YAML, TOML or JSON front matter and the body after it, or None when
    the document has none (or what looks like one is not a valid mapping)."""
    match = _FRONT_MATTER.match(document)
    json_object = None if match else read_json_object(document)
    php = None if match or json_object is not None or not document.startswith("<?php") else _php_settings(document)
    if php is not None:
        data, body = php
    elif json_object is not None:
        data, body = json_object  # Hugo's JSON front matter, or a job record saved as text
    elif not match:
        return None
    else:
        try:
            data = (yaml.load(match["body"], Loader=_YAML_LOADER) if match["fence"] == "---"
                    else tomllib.loads(match["body"]))
        except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError):
            return None
        body = document[match.end():]
    if not isinstance(data, dict):
        return None
    lowered = _with_key_aliases({front_matter_key(key): value for key, value in data.items()})
    fields = {}
    for name, keys in _KEYS.items():
        value = next((_scalar(lowered[key]) for key in keys if key in lowered and _scalar(lowered[key])), None)
        if value and name in ("date_posted_raw", "valid_through_raw"):
            value = _epoch_date(value) or value  # "pubDate": 1772127715, a feed's Unix time
        if value:
            # Sites write front-matter values as Markdown: "Werkstudent\*in" is "Werkstudent*in".
            fields[name] = _MARKDOWN_ESCAPE.sub(r"\1", value)
    agency = _AGENCY_FOR_CLIENT.match(fields.get("company") or "")
    if agency:
        # "company: Sartre Group (Agency) on behalf of Citadel LLC.": the poster is an agency.
        fields["company"] = agency["agency"].strip(" ,")
        fields["via_agency"] = True
    if fields.get("company") and _is_sentence(fields["company"]):
        del fields["company"]  # "organization: EFF is hiring for a designer." names no employer
    if not fields.get("company"):
        # A company site's pages are written by the company: "author: Mint System GmbH" (a name
        # with its legal form; an author who is a person is not the employer).
        author = next((_scalar(lowered[key]) for key in ("author", "publisher", "owner") if key in lowered), None)
        if author and _looks_like_legal_name(author):
            fields["company"] = author
    if fields.get("company"):
        fields["company"] = _name_as_written(fields["company"], body)
    if json_object is None:
        # (A JSON record's values are the ad's own text, rendered into the body below.)
        fields.update(_pay_in_front_matter(lowered))
    if "salary_min" not in fields:
        fields.update(_pay_from_keys(lowered))
    if "location_raw" not in fields:
        # "location: {street: …, city: Minocqua, state: WI, zip: 54548}": the address's parts as one place.
        address = next((_address_line(lowered[key]) for key in _KEYS["location_raw"] if isinstance(lowered.get(key), dict)),
                       None)
        if address:
            fields["location_raw"] = address
    if "location_raw" not in fields and isinstance(places := lowered.get("locations"), list) and places \
            and all(isinstance(place, str) for place in places):
        # a feed's list of the job's towns ("locations": ["Charleston"]); a list of address records is
        # rendered into the body with the rest of the record
        fields["location_raw"] = "; ".join(" ".join(place.split()) for place in places)
    if "location_raw" not in fields:
        # A site's own key for the place ("klinik: Bad Wurzach", "filiale: Köln"): a value that is a place.
        place = next((value for key, value in lowered.items()
                      if key not in _ALL_KEYS and isinstance(value, str) and looks_like_place(value)), None)
        if place:
            fields["location_raw"] = " ".join(place.split())
    if json_object is not None:
        # An API record nests its parts: {"jobContent": {"company": {"name": "SIX Group AG"}, "location": {…}}}.
        for name, value in _nested_record_fields(data).items():
            fields.setdefault(name, value)
    if json_object is not None and not body.strip(" \t\r\n,;)"):
        # The object holds the ad as strings whose keys say what they are ("HeadLine1Point2").
        body = record_html(data, skip=frozenset(key for key in data if front_matter_key(key) in _ALL_KEYS),
                           seen={fields["title_raw"]} if fields.get("title_raw") else set())
    if not body.strip():
        # Editors that keep the ad as rich-text nodes in the front matter (Statamic Bard,
        # Tiptap/ProseMirror: paragraph, heading, bullet list nodes): the nodes are the ad.
        body = "".join(_rich_text_html(value) for value in data.values())
    if not _visible_text(body):
        # Page builders (Stackbit, Netlify CMS) keep the ad as Markdown strings nested in
        # sections ("sections > JobList > items > text: |-"): those strings are the ad. (A body that
        # holds only a script, "<script type="application/ld+json">{{page.text | markdownify}}…", shows
        # none of it.)
        body = "".join(markdown_to_html(text) for text in _nested_prose(data, top=True))
        for name, value in _nested_item_fields(data).items():
            fields.setdefault(name, value)
    return FrontMatter(fields=fields, body=body)


# The parts of an address mapping that name the place, in the order an address line writes them
# (the street is left out: a place reader takes its words for a town).
_ADDRESS_PARTS = (("city", "town", "locality", "address_locality", "ort", "stadt"),
                  ("state", "region", "province", "address_region", "bundesland", "kanton"),
                  ("zip", "zip_code", "postal_code", "postcode", "plz"),
                  ("country", "address_country", "land", "country_iso_code", "country_code"))


def _address_line(mapping: dict[Any, Any]) -> str | None:
    """"Minocqua, WI 54548" for a front matter's {street, city: Minocqua, state: WI, zip: 54548}; None
    when the mapping names no town."""
    lowered = {front_matter_key(key): value for key, value in mapping.items()}
    city, state, code, country = (next((text for key in keys if (text := _scalar(lowered.get(key)))), None)
                                  for keys in _ADDRESS_PARTS)
    if not city:
        return None
    region = " ".join(part for part in (state, code) if part)
    return ", ".join(part for part in (city, region, country) if part)


# A front-matter value short enough to be one statement, not a paragraph of the ad.
_STATEMENT_MAX_CHARS = 200


def _pay_in_front_matter(lowered: dict[str, Any]) -> dict[str, Any]:
    """The salary fields a front-matter value states as pay, whatever its key ("salary_range =
    \"$85,000 - $107,000\"", "tagline: Package - Up to &pound;50,000 per annum d.o.e + profit share"):
    the first short value the salary reader takes for pay (a figure with a currency in a pay
    context), as written. Nothing when no value states pay."""
    for key, value in lowered.items():
        if key in _ALL_KEYS or not isinstance(value, str) or len(value) > _STATEMENT_MAX_CHARS or "\n" in value.strip():
            continue
        salary = find_salary(html.unescape(value))
        if salary is not None and salary.min is not None and salary.currency:
            stated = {"salary_min": salary.min, "salary_max": salary.max, "salary_currency": salary.currency,
                      "salary_period": salary.period, "salary_raw": salary.raw}
            return {name: field_value for name, field_value in stated.items() if field_value is not None}
    return {}


# A record's pay as figures under their own keys ("minSalary": 56000, "maxSalary": 70000, "currency": "USD").
_PAY_KEYS = {
    "salary_min": ("min_salary", "salary_min", "minimum_salary", "salary_from", "min_pay", "pay_min", "gehalt_von",
                   "salary_minimum"),
    "salary_max": ("max_salary", "salary_max", "maximum_salary", "salary_to", "max_pay", "pay_max", "gehalt_bis",
                   "salary_maximum"),
    "salary_currency": ("salary_currency", "currency", "pay_currency", "currency_code", "waehrung", "währung"),
}
_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
# Unix times in seconds (or milliseconds) between 2000 and 2100.
_EPOCH_SECONDS = range(946_684_800, 4_102_444_800)


def _pay_from_keys(lowered: dict[str, Any]) -> dict[str, Any]:
    """The pay a record states as figures under its own keys: a currency code and at least one bound
    (0 means not stated, as feeds fill empty figures); nothing otherwise."""
    figures = {name: next((value for key in keys if isinstance(value := lowered.get(key), (int, float))
                            and not isinstance(value, bool) and value > 0), None)
               for name, keys in _PAY_KEYS.items() if name != "salary_currency"}
    currency = next((str(lowered[key]).strip().upper() for key in _PAY_KEYS["salary_currency"]
                     if isinstance(lowered.get(key), str)), None)
    if not currency or not _CURRENCY_CODE.match(currency) or not any(figures.values()):
        return {}
    low, high = figures["salary_min"] or figures["salary_max"], figures["salary_max"] or figures["salary_min"]
    return {"salary_min": low, "salary_max": high, "salary_currency": currency}


def _epoch_date(value: str) -> str | None:
    """An ISO date for a Unix time written as digits ("1772127715" -> "2026-02-26"), else None."""
    if not value.isdigit() or len(value) not in (10, 13):
        return None
    seconds = int(value) // (1000 if len(value) == 13 else 1)
    if seconds not in _EPOCH_SECONDS:
        return None
    return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()


_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def front_matter_key(key: Any) -> str:
    """A front-matter key in one spelling: lower case, words joined by "_" whether the site wrote
    them in camelCase ("companyName", "datePosted"), with hyphens or with spaces."""
    return _CAMEL_HUMP.sub("_", str(key)).lower().replace("-", "_").replace(" ", "_")


# A record's key names its entity and its format around the field's own word: "job_title",
# "employer_name", "job_posted_at_datetime_utc" and "job_min_salary" are "title", "employer",
# "posted_at" and "min_salary".
_KEY_ENTITY_WORDS = frozenset({"job", "posting", "vacancy", "position", "offer", "stelle", "ad"})
_KEY_FORMAT_WORDS = frozenset({"name", "utc", "datetime", "iso", "text", "string", "raw", "value", "formatted"})
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def record_key_alias(key: str) -> str:
    """``key`` (in :func:`front_matter_key`'s spelling) without its leading entity words and
    trailing format words; a key that is nothing else stays as it is."""
    words = key.split("_")
    while len(words) > 1 and words[0] in _KEY_ENTITY_WORDS:
        words = words[1:]
    while len(words) > 1 and words[-1] in _KEY_FORMAT_WORDS:
        words = words[:-1]
    return "_".join(words)


def _with_key_aliases(lowered: dict[str, Any]) -> dict[str, Any]:
    """``lowered`` and, for each key, its alias where no key of that spelling is there. Of two keys
    with one alias the value stated is kept, and of two dates the one in ISO form ("2 days ago" and
    "2025-10-22T00:00:00.000Z" under "job_posted_at" and "job_posted_at_datetime_utc")."""
    aliases: dict[str, Any] = {}
    for key, value in lowered.items():
        alias = record_key_alias(key)
        if alias == key or alias in lowered:
            continue
        kept = aliases.get(alias)
        if alias not in aliases or kept in (None, "", []) or (
                isinstance(value, str) and _ISO_DATE.match(value) and not (isinstance(kept, str) and _ISO_DATE.match(kept))):
            aliases[alias] = value
    return {**lowered, **aliases}


def _name_as_written(name: str, body: str) -> str:
    """An employer a board's front matter types in lower case ("jimdo", "hicx solutions") as the
    ad writes it ("Jimdo", "HICX"): the longest run of its first words the text spells with
    capitals; a name with capitals, or one the text also writes in lower case only, is kept."""
    if name != name.lower():
        return name
    words = name.split()
    for count in range(len(words), 0, -1):
        pattern = r"(?<![\w.-])" + r"\s+".join(re.escape(word) for word in words[:count]) + r"(?![\w-])"
        for found in re.finditer(pattern, body, re.IGNORECASE):
            if found.group() != found.group().lower():
                return " ".join(found.group().split())
    return name


_PROSE_MIN_WORDS = 4
_AGENCY_FOR_CLIENT = re.compile(r"^(?P<agency>.+?)\s*(?:\((?:recruitment\s+)?agency\)\s*)?\bon\s+behalf\s+of\s+\S", re.I)


def _is_prose(value: Any) -> bool:
    """A string a reader reads (a paragraph, a Markdown block, a headline), not a setting, path,
    URL or e-mail address."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    return ("\n" in text or len(text.split()) >= _PROSE_MIN_WORDS) and not text.startswith(("http", "/", "#"))


_LIST_PHRASE_WORDS = 3


def _bullet_items(value: list) -> list[str] | None:
    """The texts of a front-matter list that is a bullet list of the ad — every element a string,
    or a mapping holding one string ("- item: Pflegedokumentation"), at least half of them
    phrases of three words or more (a list of tags or single settings is not) — else None."""
    items = []
    for element in value:
        if isinstance(element, dict):
            texts = [item for item in element.values() if isinstance(item, str) and item.strip()]
            if len(texts) != 1 or any(isinstance(item, (list, dict)) for item in element.values()):
                return None
            element = texts[0]
        if not isinstance(element, str) or not element.strip() or "\n\n" in element.strip():
            return None
        items.append(" ".join(element.split()))
    phrases = sum(1 for item in items if len(item.split()) >= _LIST_PHRASE_WORDS)
    return items if len(items) >= 2 and 2 * phrases >= len(items) else None


_SCRIPT_OR_TEMPLATE = re.compile(r"<script\b.*?</script\s*>|\{\{.*?\}\}|\{%.*?%\}", re.DOTALL | re.IGNORECASE)


def _visible_text(body: str) -> bool:
    """Whether a body shows any text once its scripts and template tags are left out."""
    return bool(body.strip()) and bool(_SCRIPT_OR_TEMPLATE.sub("", body).strip())


def _nested_prose(value: Any, top: bool = False) -> list[str]:
    """The prose strings anywhere in a front-matter value, in document order (the top level's
    own posting keys, already read as fields, left out); a list of phrases is one Markdown
    bullet list, every item kept however short ("Teamfähigkeit")."""
    if isinstance(value, list):
        items = _bullet_items(value)
        if items:
            return ["\n".join(f"- {item}" for item in items)]
        return [text for item in value for text in _nested_prose(item)]
    if not isinstance(value, dict):
        return [value.strip()] if _is_prose(value) else []
    found = []
    for key, item in value.items():
        if top and isinstance(item, str) and str(key).lower() in _ALL_KEYS:
            continue
        found.extend(_nested_prose(item))
    return found


def _nested_item_fields(data: Any) -> dict[str, str]:
    """The posting keys (location, company…) of the first nested item that carries the ad's
    prose, as a page builder's job-list item does ("title", "location", "text")."""
    stack = [data]
    while stack:
        value = stack.pop(0)
        if isinstance(value, list):
            stack[:0] = value
            continue
        if not isinstance(value, dict):
            continue
        if value is not data and any(_is_prose(item) and "\n" in item for item in value.values()):
            lowered = {str(key).lower(): item for key, item in value.items()}
            return {name: text for name, keys in _KEYS.items() if name != "title_raw"
                    for text in [next((_scalar(lowered[key]) for key in keys if key in lowered), None)] if text}
        stack[:0] = [item for item in value.values() if isinstance(item, (list, dict))]
    return {}


_RECORD_DEPTH = 4


def _nested_record_fields(data: dict[str, Any]) -> dict[str, str]:
    """The employer and the place of a nested API record: the first mapping under an employer key
    that gives a name ("company": {"name": "SIX Group AG", "street": null, …}), the first under a place key
    that gives a town ("location": {"city": "Zürich", "countryIsoCode": "CH"}), a string under either
    key inside a nested mapping. Keys at the top are the front matter's own (read before this)."""
    found: dict[str, str] = {}
    level = [value for value in data.values() if isinstance(value, (dict, list))]
    for _ in range(_RECORD_DEPTH):
        following = []
        for value in level:
            if isinstance(value, list):
                following.extend(item for item in value[:5] if isinstance(item, (dict, list)))
                continue
            for key, item in value.items():
                key = front_matter_key(key)
                if "company" not in found and key in _KEYS["company"]:
                    name = _scalar(item.get("name")) if isinstance(item, dict) else _scalar(item)
                    if name:
                        found["company"] = name
                if "location_raw" not in found and key in _KEYS["location_raw"]:
                    place = _address_line(item) if isinstance(item, dict) else _scalar(item)
                    if place:
                        found["location_raw"] = place
                if isinstance(item, (dict, list)):
                    following.append(item)
        level = following
    return found


_NODE_TAGS = {"paragraph": "p", "heading": "h3", "bullet_list": "ul", "bulletlist": "ul", "ordered_list": "ol",
              "orderedlist": "ol", "list_item": "li", "listitem": "li", "blockquote": "blockquote"}


def _rich_text_html(value: Any) -> str:
    """HTML for the rich-text nodes anywhere in a front-matter value (other values ignored)."""
    if isinstance(value, list):
        return "".join(_rich_text_html(item) for item in value)
    if not isinstance(value, dict):
        return ""
    kind = str(value.get("type", "")).lower()
    if kind == "text" and isinstance(value.get("text"), str):
        return html.escape(value["text"])
    if kind in ("hard_break", "hardbreak"):
        return "<br>"
    inner = _rich_text_html(value.get("content")) if "content" in value else "".join(
        _rich_text_html(item) for key, item in value.items() if isinstance(item, (list, dict)))
    tag = _NODE_TAGS.get(kind)
    return f"<{tag}>{inner}</{tag}>" if tag and inner else inner


_NAME_MAX_WORDS = 8


def _is_sentence(value: str) -> bool:
    """True for a sentence ("EFF is hiring for a designer."), not for a name whose legal form ends
    in a dot ("Unhaggle Inc.", "Acme Corp.", "Muster e.V.")."""
    from crawler.parsing.employer import looks_like_company  # employer -> text -> this module: import late

    if len(value.split()) > _NAME_MAX_WORDS:
        return True
    return value.endswith((".", "!", "?")) and " " in value and not looks_like_company(value)


def _looks_like_legal_name(value: str) -> bool:
    from crawler.parsing.employer import looks_like_company  # employer -> text -> this module: import late

    return len(value.split()) <= _NAME_MAX_WORDS and looks_like_company(value) and not _is_sentence(value)


def looks_like_markdown(text: str) -> bool:
    """True when ``text`` uses syntax only Markdown writes (headings, links, ``**``, escapes…)."""
    # Cheap substring checks first: the pattern over a whole plain-text ad costs ~0.3 ms.
    return bool(text) and any(mark in text for mark in _MARKDOWN_MARKS) and _MARKDOWN_SYNTAX.search(text) is not None


def markdown_to_html(text: str) -> str:
    """The HTML that CommonMark renders for ``text``: line breaks in paragraphs kept (ads write one
    fact a line: "Ausbildungsbeginn: …" / "Ausbildungsdauer: …"), unless the file is hard-wrapped,
    where they are spaces. German gender stars are escaped first: CommonMark reads the two stars of
    "eine/n Bauingenieur*in oder Bauchemiker*in" as emphasis and drops them ("Bauingenieurin oder
    Bauchemikerin"). Zero-width characters a rich-text editor left in ("*\ufeff KFZ Überprüfungen",
    "## I\ufeffhre Aufgaben") are dropped first: CommonMark would not see the bullet."""
    if not text.isascii():
        text = text.translate(_ZERO_WIDTH)
    if "*" in text:
        text = _GENDER_STAR.sub(r"\\*", text)
    if "#" in text:
        text = _HEADING_WITHOUT_SPACE.sub(r"\g<marks> \g<heading>", text)
    if is_hard_wrapped(text):
        return _WRAPPED_PARSER.render(text)
    return _PARSER.render(join_wrapped_lines(text))


def join_wrapped_lines(text: str) -> str:
    """``text`` with the line breaks that fall inside a sentence made spaces, in a file that also keeps
    one fact a line: a break after a long line that ends no sentence, before a word in lower case
    ("The Nanuet Public Library in Rockland County, NY is looking for a" / "part-time Library
    Assistant …"), continues the sentence; "149 Church St." / "Nanuet, NY 10954" stay two lines."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    joined = [lines[0]]
    for line in lines[1:]:
        previous = joined[-1].strip()
        following = line.lstrip()
        if (len(previous) >= _WRAP_MIN_LINE and following[:1].islower() and not previous.endswith(_LINE_END_PUNCTUATION)
                and not previous.startswith(("#", "|", "```")) and not _BLOCK_START.match(line)):
            joined[-1] = f"{joined[-1].rstrip()} {following}"
        else:
            joined.append(line)
    return "\n".join(joined)


_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


# A heading written without the space CommonMark needs after its "#" marks ("###Job Description",
# "##Werkstudent (w/m/d) Industrial Engineering", "#News Applications Designer/Developer#", a closing run
# dropped): marks, a capital letter and words with a space between them. A hashtag ("#LI-Remote",
# "#remote #hiring") is one word or lower case and stays text.
_HEADING_WITHOUT_SPACE = re.compile(r"^(?P<marks>#{1,6})(?P<heading>[A-ZÄÖÜ][^#\n]*?[ \t][^#\n]*?)[ \t]*#*[ \t]*$",
                                    re.MULTILINE)


# A German gender star: a star inside a word, between a person noun and its feminine or inflected
# ending ("Entwickler*in", "Mitarbeiter*innen", "Werkstudierende*r", "Kolleg*innen").
_GENDER_STAR = re.compile(r"(?<=[a-zäöüß])\*(?=(?:innen|in|r|n|e|en|er|es|em)\b)")


_BLOCK_START = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,2}[.)]|#{1,6}|>|\||```)(?:[ \t]|$)")
_LINE_END_PUNCTUATION = (".", "!", "?", ":", ";")
_WRAP_MIN_LINE = 55  # a wrapped line runs close to the wrap column
_WRAP_MIN_BREAKS = 4


def is_hard_wrapped(text: str) -> bool:
    """True when ``text`` is wrapped at a fixed column: most of the line breaks inside its
    paragraphs and list items follow a long line that does not end a sentence, i.e. the break
    falls in the middle of one."""
    wrapped = kept = 0
    previous = ""
    for line in (text or "").splitlines():
        stripped = line.strip()
        if previous and stripped and not _BLOCK_START.match(line):
            if len(previous) >= _WRAP_MIN_LINE and not previous.endswith(_LINE_END_PUNCTUATION):
                wrapped += 1
            else:
                kept += 1
        previous = stripped if stripped and not stripped.startswith(("#", "|", "```")) else ""
    return wrapped >= _WRAP_MIN_BREAKS and wrapped > 2 * kept


_ATX_HEADING = re.compile(r"^[ ]{0,3}#{1,3}[ \t]*(?P<text>[^#\n].*?)[ \t#]*$", re.MULTILINE)
_INLINE_MARKS = re.compile(r"[*_`]+|\\(?=[^\w\s])")
_HEADING_MAX_WORDS = 14


def first_title_heading(body: str) -> str | None:
    """The first Markdown heading of ``body`` (levels 1–3) when it can be the ad's title: not a
    section heading ("Aufgaben:", "About us"), not a question or a label, at most 14 words."""
    match = _ATX_HEADING.search(body or "")
    if not match:
        return None
    heading = " ".join(_INLINE_MARKS.sub("", match["text"]).split())
    if (not heading or heading.endswith((":", "?", "!")) or len(heading.split()) > _HEADING_MAX_WORDS
            or heading_kind(heading) not in (None, "other")):
        return None
    return heading
