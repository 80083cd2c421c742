"""The header of a job ad as text: the short lines above the body that name the job.

Board pages and plain-text ads start with a block of short lines — title, employer, place,
contract terms, a date — in no fixed order, often with labels ("Location: Cologne, hybrid").
:func:`read_header` sorts those lines into fields; the body parsers do the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crawler.parsing.employer import looks_like_company
from crawler.parsing.location import looks_like_place
from crawler.parsing.sections import heading_kind
from crawler.parsing.title import clean_title

HEADER_MAX_LINES = 25
TITLE_MAX_WORDS = 14

_LABEL_RE = re.compile(r"^\s*(?P<label>[A-Za-zÄÖÜäöüß][\w ./-]{1,30}?)\s*:\s*(?P<value>\S.*)$")
_LABELS = {
    "title": {"title", "job title", "position", "stelle", "stellenbezeichnung", "jobtitel", "role"},
    "company": {"company", "employer", "arbeitgeber", "unternehmen", "firma", "hiring company",
                "organisation", "organization"},
    "location": {"location", "standort", "arbeitsort", "einsatzort", "ort", "job location",
                 "where", "place of work", "work location", "office", "city", "dienstort"},
    "terms": {"contract", "contract type", "vertragsart", "anstellungsart", "employment type",
              "job type", "beschäftigungsart", "arbeitszeit", "working hours", "type", "schedule",
              "vertrag", "anstellung", "employment", "work model", "arbeitsmodell", "remote"},
    "salary": {"salary", "gehalt", "vergütung", "compensation", "pay", "salary range",
               "jahresgehalt", "bezahlung", "entgelt", "lohn"},
    "date": {"published", "posted", "date posted", "veröffentlicht", "erschienen", "online seit",
             "datum", "date", "veröffentlicht am", "posted on", "published on"},
}
_TERMS_WORDS_RE = re.compile(
    r"\b(full[- ]?time|part[- ]?time|vollzeit|teilzeit|permanent|befristet|unbefristet|"
    r"festanstellung|fixed[- ]term|freelance|freiberuflich|internship|praktikum|werkstudent|"
    r"working student|home ?office|remote|hybrid|on-?site|contract|minijob|ausbildung|"
    r"temporary|zeitarbeit|arbeitnehmerüberlassung)\b",
    re.IGNORECASE,
)
_DATE_WORDS_RE = re.compile(
    r"\b(published|posted|veröffentlicht|erschienen|online seit|ago|vor \d+|vor einer?|heute|"
    r"gestern|today|yesterday|just posted)\b",
    re.IGNORECASE,
)
_SENTENCE_RE = re.compile(r"[.!?](\s|$)")
_GENDER_MARKER_RE = re.compile(r"\((?:[mwfdxhai]\s*[/|,]\s*){2,}[mwfdxhai]\.?\)|\(all genders\)|\(gn\*?\)",
                               re.IGNORECASE)


@dataclass
class Header:
    """What the header lines say; unset fields are ``None``."""

    title: str | None = None
    company: str | None = None
    location: str | None = None
    terms: list[str] = field(default_factory=list)
    salary: str | None = None
    date: str | None = None
    lines: list[str] = field(default_factory=list)


def _label_kind(label: str) -> str | None:
    label = label.strip().lower()
    for kind, names in _LABELS.items():
        if label in names:
            return kind
    return None


def _is_title_like(line: str) -> bool:
    words = line.split()
    if not words or len(words) > TITLE_MAX_WORDS or len(line) > 140:
        return False
    if _SENTENCE_RE.search(line.rstrip(".")) or line.endswith((".", "!", "?", ":")):
        return False
    return any(char.isalpha() for char in line)


def header_lines(text: str) -> list[str]:
    """The short lines at the top of an ad, up to its first section heading or paragraph."""
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if heading_kind(line) not in (None, "other") or len(lines) >= HEADER_MAX_LINES:
            break
        if len(line.split()) > 25 or line.startswith("- "):
            break
        lines.append(line)
    return lines


def read_header(text: str) -> Header:
    """Sort the header lines of an ad's text into title, employer, place, terms and date."""
    header = Header(lines=header_lines(text))
    title_candidates: list[str] = []
    for line in header.lines:
        match = _LABEL_RE.match(line)
        kind = _label_kind(match.group("label")) if match else None
        if kind:
            value = match.group("value").strip()
            if kind == "terms":
                header.terms.append(value)
            elif kind == "date":
                header.date = header.date or line
            elif getattr(header, kind) is None:
                setattr(header, kind, value)
            if kind == "location" and _TERMS_WORDS_RE.search(value):
                header.terms.append(value)
            continue
        if _GENDER_MARKER_RE.search(line):
            title_candidates.insert(0, line)
        elif _DATE_WORDS_RE.search(line) and len(line.split()) <= 8:
            header.date = header.date or line
        elif _TERMS_WORDS_RE.search(line) and len(line.split()) <= 8:
            header.terms.append(line)
        elif header.company is None and looks_like_company(line):
            header.company = line
        elif header.location is None and looks_like_place(line):
            header.location = line
        elif _is_title_like(line):
            title_candidates.append(line)
    if header.title is None and title_candidates:
        header.title = title_candidates[0]
    if header.title and not clean_title(header.title):
        header.title = None
    return header
