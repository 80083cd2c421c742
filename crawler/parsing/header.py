"""The header of a job ad as text: the short lines above the body that name the job.

Board pages and plain-text ads start with a block of short lines — title, employer, place,
contract terms, a date — in no fixed order, often with labels ("Location: Cologne, hybrid").
:func:`read_header` sorts those lines into fields; the body parsers do the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crawler.parsing.bullets import pictograph_prefix
from crawler.parsing.employer import looks_like_company
from crawler.parsing.lead_in import is_lead_in, lead_in_employer, lead_in_lines
from crawler.parsing.location import looks_like_place, parse_location
from crawler.parsing.place_names import is_date_line
from crawler.parsing.name_in_text import ends_with_legal_form
from crawler.parsing.board_page_title import board_page_title
from crawler.parsing.sections import heading_kind
from crawler.parsing.title import ACRONYM_AT_END_RE, clean_title

HEADER_MAX_LINES = 25
TITLE_MAX_WORDS = 14

# "Label: value"; not the gender colon of "Produktmanager:in (all genders)".
_LABEL_RE = re.compile(r"^\s*(?P<label>[A-Za-zÄÖÜäöüß][\w ./-]{1,30}?)\s*:(?!innen\b|in\b)\s*(?P<value>\S.*)$")
_LABELS = {
    "title": {"title", "job title", "position", "stelle", "stellenbezeichnung", "jobtitel", "role",
              "projektangebot", "stellenangebot", "jobangebot", "vacancy", "job", "job opening",
              "offene stelle", "projekt"},
    "company": {"company", "employer", "arbeitgeber", "unternehmen", "firma", "hiring company",
                "organisation", "organization", "company name", "employer name", "hiring organisation",
                "hiring organization", "institution", "einrichtung", "träger", "school", "schule"},
    "location": {"location", "standort", "arbeitsort", "einsatzort", "ort", "job location",
                 "where", "place of work", "work location", "office", "city", "dienstort"},
    "terms": {"contract", "contract type", "vertragsart", "anstellungsart", "employment type",
              "job type", "beschäftigungsart", "arbeitszeit", "working hours", "type", "schedule",
              "vertrag", "anstellung", "employment", "work model", "arbeitsmodell", "remote"},
    "salary": {"salary", "gehalt", "vergütung", "compensation", "pay", "salary range",
               "jahresgehalt", "bezahlung", "entgelt", "lohn", "rate", "day rate", "tagessatz",
               "stundensatz", "stundenlohn", "honorar", "base salary", "pay range"},
    "date": {"published", "posted", "date posted", "veröffentlicht", "erschienen", "online seit",
             "datum", "date", "veröffentlicht am", "posted on", "published on"},
}
_TERMS_WORDS_RE = re.compile(
    r"\b(full[- ]?time|part[- ]?time|vollzeit|teilzeit|permanent|befristet|unbefristet|"
    r"festanstellung|feste\s+anstellung|fixed[- ]term|freelance|freiberuflich|internship|praktikum|werkstudent|"
    r"working student|home ?office|remote|hybrid|on-?site|work(?:ing)?\s+from\s+(?:home|anywhere)|wfh|"
    r"contract|minijob|ausbildung|"
    r"temporary|zeitarbeit|arbeitnehmerüberlassung|(?:night|day|early|late|evening|weekend|rotating)\s+shifts?|"
    r"\w*schicht(?:dienst|betrieb|system)?|schichtarbeit|shift\s+work)\b",
    re.IGNORECASE,
)
_DATE_WORDS_RE = re.compile(
    r"\b(published|posted|veröffentlicht|erschienen|online seit|ago|vor \d+|vor einer?|heute|"
    r"gestern|today|yesterday|just posted)\b",
    re.IGNORECASE,
)
_DEADLINE_RE = re.compile(r"^(apply by|apply before|bewerbungsfrist|bewerbungsschluss|bewirb dich bis|"
                          r"application deadline|closing date|deadline)\b", re.IGNORECASE)
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
    # "Position Title", "Stellenbezeichnung der Position": a longer label naming the title
    if " " in label and label.split()[-1] in ("title", "titel", "bezeichnung"):
        return "title"
    return None


# "Elektriker für Gebäudetechnik gesucht!": a title written as a call keeps its exclamation mark (the
# gold set annotates it so); it is no sentence.
_CALL_ENDING_RE = re.compile(r"\b(?:gesucht|wanted)\s*[!.]+$", re.IGNORECASE)


def _is_title_like(line: str) -> bool:
    if _CALL_ENDING_RE.search(line):
        line = line.rstrip("!. ")
    words = line.split()
    if not words or len(words) > TITLE_MAX_WORDS or len(line) > 140:
        return False
    if _SENTENCE_RE.search(line.rstrip(".")) or line.endswith((".", "!", "?", ":")) or _CLAUSE_RE.search(line):
        return False
    return any(char.isalpha() for char in line)


# A clause says what something is ("🚀This entity is a sponsor of NumFOCUS", a badge's tooltip);
# a title names a role and never says "is a".
# "🍏This jobs entails working on Open Source full time": a title never opens with a demonstrative.
_CLAUSE_RE = re.compile(r"\b(?:is|are|ist|sind)\s+(?:a|an|the|ein|eine|einer|der|die|das|not|nicht)\b"
                        r"|^[^\w]*(?:this|these|those)\s+\w+\s+[a-z]", re.IGNORECASE)


def header_lines(text: str) -> list[str]:
    """The short lines at the top of an ad, up to its first section heading or paragraph."""
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if heading_kind(line) not in (None, "other") or len(lines) >= HEADER_MAX_LINES:
            break
        if len(line.split()) > 25 and not (not lines and is_lead_in(line)) or line.startswith("- "):
            break
        lines.append(line)
    return lines


# Dashes separate fields only when they do not join two figures ("£32,000 - £38,000").
_SEGMENT_SEPARATOR_RE = re.compile(
    r"\s+[·|•/]\s+|(?<![\d€$£kK])\s+[-–—]\s+(?:(?![\d€$£])|(?=\d{4,5}\s+[A-ZÄÖÜ][a-zäöüß]))|\s{3,}|;\s+")
_SALARY_RE = re.compile(r"[€$£]\s?\d|\d\s?(?:€|eur\b|euro\b|chf\b|usd\b|gbp\b|k\b)", re.IGNORECASE)
_COMPANY_MAX_WORDS = 6
_LEADING_AT_RE = re.compile(r"^(?:at|bei|@)\s+", re.IGNORECASE)
_NOISE_SEGMENT_RE = re.compile(r"^\d+\+?\s+\w+$|bewerbung|applicant|candidates|\bviews?\b", re.IGNORECASE)


# "ab September 2025 · Standort Augsburg": a place's label word before it, without a colon.
_PLACE_LABEL_WORD_RE = re.compile(r"^(?:standort|arbeitsort|einsatzort|dienstort|location)[ \t]+(?=[A-ZÄÖÜ0-9])", re.I)


def _without_place_label(segment: str) -> str:
    label = _PLACE_LABEL_WORD_RE.match(segment)
    return segment[label.end():] if label and looks_like_place(segment[label.end():]) else segment


def _segment_kind(segment: str) -> str | None:
    """What one part of a header line is: date, salary, terms, company, place — or None."""
    if _DATE_WORDS_RE.search(segment) and len(segment.split()) <= 8:
        return "date"
    if _SALARY_RE.search(segment):
        return "salary"
    if _TERMS_WORDS_RE.search(segment) and len(segment.split()) <= 8:
        return "terms"
    if looks_like_place(segment) or _is_short_place(segment):
        return "place"
    if looks_like_company(segment):
        return "company"
    return None


_SMALL_TOWN = 50_000


def _is_short_place(segment: str) -> bool:
    """"Columbus, OH 43215", "DK, Lem": a short line whose city the gazetteer knows, with its postal
    code, region or a country written beside it, and nothing else in it."""
    if len(segment.split()) > 5 or looks_like_company(segment) and "," not in segment or is_date_line(segment):
        return False
    location = parse_location(segment)
    if location.city is None:
        return False
    # "Alle Stellenanzeigen" (a link over the ad): a small town's name beside a word that is no place
    # is a word of the line, not a place ("Alle" is a Swiss village); "WIEN -6+ Monate" stays Vienna.
    from crawler.parsing.place_names import _split, postal_town  # place_names is the gazetteer reader's inside

    parts = _split(segment)[0]
    if (location.postal_code and not any(part.kind == "city" for part in parts)
            and not postal_town(location.postal_code, location.country, location.city)):
        return False  # "Start Date of October 2019.": a year, and no town the gazetteer or the code knows
    # (a city matched only by one of its alternate names is as doubtful: "Basic information" is no
    # Henderson, Nevada, once called Basic)
    small_town = any(part.kind == "city" and part.cities and (part.cities[0].population < _SMALL_TOWN
                                                                      or part.alternate and not part.text.isupper())
                     for part in parts)
    if small_town and "," not in segment and any(
            part.kind == "unknown" and part.text.casefold() != location.city.casefold()
            and part.text.casefold() not in (location.region or "").casefold() for part in parts):
        return False
    return location.postal_code is not None or location.region is not None or (
        location.country is not None and "," in segment)


_ROLE_WORD_RE = re.compile(
    r"(engineer|developer|entwickler|manager|berater|consultant|analyst|scientist|architect|designer|"
    r"specialist|spezialist|referent|sachbearbeiter|assistent|assistant|mitarbeiter|techniker|"
    r"technician|elektroniker|mechaniker|mechatroniker|ingenieur|leiter|leitung|lead|head|director|"
    r"direktor|officer|werkstudent|praktikant|praktikum|intern\b|internship|trainee|auszubildend|"
    r"ausbildung|azubi|kaufmann|kauffrau|fachkraft|fachangestellt|accountant|buchhalter|controller|"
    r"administrator|admin\b|operator|associate|coordinator|koordinator|representative|agent|"
    r"nurse|pfleger|pflegefach|erzieher|lehrer|teacher|fahrer|driver|verkäufer|sales|koch|"
    r"monteur|schlosser|tischler|elektriker|electrician|recruiter|owner|expert|experte|"
    r"werker|helfer|aushilfe|kraft\b|steward|agent|writer|editor|redakteur|marketing|product|"
    r"devops|sre\b|professor|arzt|doctor|executive|"
    r"therapeut|apotheker|pharmacist|worker|clerk|cashier|kassierer|receptionist|empfang|(?:team|crew|staff)[\s-]?member|planer\b|planner\b)",
    re.IGNORECASE,
)


def _title_score(line: str, position: int) -> float:
    """How much a header line looks like the job title (higher is better)."""
    score = -position * 0.5
    if _GENDER_MARKER_RE.search(line):
        score += 10
    if _ROLE_WORD_RE.search(line):
        score += 5
    if line.isupper():
        score -= 3
    return score


def _mentioned_in_body(name: str, text: str) -> bool:
    """A company candidate is trusted when its distinctive first word recurs in the ad (besides
    the candidate's own line), spelt as the candidate spells it: a name keeps its capitals, so
    the heading "Quick Summary" is not backed by "quick learner", nor "Tools" by "DevOps tools".
    A candidate written all in lower or upper case ("zebbra", "ACME") recurs in any case."""
    words = [word for word in re.findall(r"[\wÄÖÜäöüß&'-]+", name) if len(word) > 2]
    if not words:
        return False
    word = words[0]
    flags = 0 if word[:1].isupper() and not word.isupper() else re.IGNORECASE
    return len(re.findall(rf"\b{re.escape(word)}\b", text, flags)) >= 2


# Words that name an organisation rather than a role or a place: "Ashvale District Council".
_ORGANISATION_WORD_RE = re.compile(
    r"\b(?:council|university|college|school|academy|hospital|clinic|medical\s+center|trust|foundation|institute"
    r"|landkreis|stadtverwaltung|ministry|bank|insurance|group|hotel|restaurant|authority"
    # German names the kind of organisation last in a compound: "Sparkassenverband", "Förderverein", "Kreissparkasse"
    r"|[\wäöüß]*(?:universität|hochschule|schule|akademie|klinik\w*|krankenhaus|stiftung|institut|verband|verein"
    r"|gemeinde|stadtwerke|ministerium|sparkasse|versicherung\w*|gruppe|gasthaus|praxis|kanzlei|agentur|behörde"
    r"|landesamt|bundesamt))\b",
    re.IGNORECASE)


_REMOTE_IN_PLACE_RE = re.compile(r"\(|,")
_PREPOSITION_START_RE = re.compile(r"^(?:über|about|für|for|mit|with|bei|at|von|from|zu|to)\s", re.IGNORECASE)


def _labels_joined(lines: list[str]) -> list[str]:
    """Header lines with a bare label and its value on the next line joined as "Label: value"
    (the Jobbörse and Indeed's job details write "Arbeitsort" / "47059 Duisburg")."""
    joined: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (following and ":" not in line and _label_kind(line.rstrip(":")) is not None
                and _label_kind(following.rstrip(":")) is None and not _LABEL_RE.match(following)):
            joined.append(f"{line.rstrip(':')}: {following}")
            index += 2
            continue
        joined.append(line)
        index += 1
    return joined


# Small words a name may hold between its capitalised words ("Gasthaus Zum Löwen" is capitalised
# anyway; "Kettle & Crane", "Bank of Ireland", "Stadtwerke am See").
_NAME_JOINERS = frozenset({"&", "+", "und", "and", "of", "for", "für", "the", "de", "la", "du", "von", "am", "im",
                           "zum", "zur", "y", "e"})
# Words that open a phrase about the job or a date, never a name: "Ihre Aufgaben", "Ab sofort",
# "Per 1. Oktober", "Unsere Benefits".
_NOT_A_NAME_START_RE = re.compile(
    r"^(?:ihr\w*|unser\w*|dein\w*|euer\w*|your|our|my|wir|we|ab|per|bis|nach|vom|seit|from|until|as|als)\b",
    re.IGNORECASE)


def _has_name_shape(candidate: str) -> bool:
    """True when a free header part is written like a name: it opens with a capital (or a
    camel-cased word: "openSenseLab"), every further word is capitalised or a joining word ("&",
    "of", "zum"), and it holds no figures or percentages ("(6 Wochenlektionen)", "Ab sofort",
    "Schulsozialarbeit (80%)", "Ihre Aufgaben" and "Graduate programme" are no employers)."""
    words = candidate.split()
    if not words or re.search(r"[\d%()]", candidate) or _NOT_A_NAME_START_RE.match(candidate):
        return False
    if not (words[0][0].isupper() or re.match(r"[a-z]+[A-Z]", words[0])):
        return False
    return all(word[0].isupper() or not word[0].isalpha() or word.lower() in _NAME_JOINERS for word in words[1:])


# A line ending in a word that needs a continuation ("Flexible Lehrpersonen für" /
# "Oberstufen-Stellvertretungen"): a title wrapped over two lines, not two header facts.
_DANGLING_END_RE = re.compile(r"\s(?:für|fuer|for|und|and|mit|with|of|in|im|zur|zum|der|die|das|des|the|&|\+|-|–)$",
                              re.IGNORECASE)


def _wrapped_joined(lines: list[str]) -> list[str]:
    """Header lines with a line that ends in a joining word ("für", "and", "&") joined to the next."""
    joined: list[str] = []
    for line in lines:
        if joined and _DANGLING_END_RE.search(joined[-1]) and ":" not in joined[-1]:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


_LIST_MARK_RE = re.compile(r"^\s*(?:[-*•·]\s+)?")


def split_labelled_terms(text: str, header: Header) -> tuple[str, str]:
    """The terms a board states under a label (its header's terms and "Vertragsart: Freiberuflich"
    lines in a facts list) apart from the ad's own words, so that the two can be compared: a board
    fills its contract field from a menu, the ad's running text says what the job is ("Im Rahmen
    einer Festanstellung sucht …"). List items are neither: they speak of prospects ("Chancen auf
    eine unbefristete Übernahme") and of the candidate's past ("internship experience")."""
    labelled = list(header.terms)
    own_words = []
    header_set = set(header.lines)
    for line in text.splitlines():
        stripped = line.strip()
        if stripped in header_set:
            continue
        # the list mark goes first; a stripped line that opens with none is left as it is
        match = _LABEL_RE.match(_LIST_MARK_RE.sub("", stripped, count=1) if stripped[:1] in "-*•·" else stripped)
        if match and _label_kind(match.group("label")) == "terms":
            labelled.append(match.group("value").strip())
        elif not _LIST_MARK_RE.match(stripped).group():
            own_words.append(line)
    return "\n".join(labelled), "\n".join(own_words)


def read_header(text: str) -> Header:
    """Sort the header lines of an ad's text into title, employer, place, terms and date.

    Lines may hold several fields separated by "·", "|", "–" or "/" ("Pixelpeak GmbH · Berlin ·
    Hybrid"); each part is classified on its own. An employer without a legal form is taken
    from an unclassified short part only when its name recurs elsewhere in the ad or it names an
    organisation ("Ashvale District Council", "Klinikum …"). A bare label line followed by its
    value ("Arbeitsort" / "47059 Duisburg") reads as "Arbeitsort: 47059 Duisburg".
    """
    header = Header(lines=header_lines(text))
    title_candidates: list[str] = []
    company_candidates: list[str] = []
    lead_start, lead_end = lead_in_lines(header.lines)
    if lead_end:
        header.company = lead_in_employer(" ".join(header.lines[lead_start:lead_end]))
    for line in _labels_joined(_wrapped_joined(header.lines[:lead_start] + header.lines[lead_end:])):
        if not line.isascii() and (prefix := pictograph_prefix(line)):
            line = line[prefix:].strip()  # "🌎 Germany (Remote)": the pictograph is decoration
        if page_title := board_page_title(line):
            # "Acme GmbH hiring Data Engineer (m/w/d) in Lübeck, … | LinkedIn": a board's page title
            title_candidates.append(page_title.role)
            header.company = header.company or page_title.company
            header.location = header.location or page_title.place
            continue
        match = _LABEL_RE.match(line)
        kind = _label_kind(match.group("label")) if match else None
        if match and not kind and len(match.group("label").split()) <= 3:
            continue  # another labelled fact ("Start: …", "Duration: …"): not a title
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
        if _GENDER_MARKER_RE.search(line) or (
                not title_candidates and _is_title_like(line) and _ROLE_WORD_RE.search(line)
                and not _DEADLINE_RE.search(line) and not _DATE_WORDS_RE.search(line)):
            title_candidates.append(line)
            continue
        if _DEADLINE_RE.search(line):
            continue
        # "(Vollzeit oder Teilzeit; Berlin-Zentrum oder Remote)" under a title: the facts inside.
        inner = line[1:-1] if line.startswith("(") and line.endswith(")") and line.count("(") == 1 else line
        segments = [_without_place_label(part.strip()) for part in _SEGMENT_SEPARATOR_RE.split(inner) if part.strip()]
        parts = [(segment, _segment_kind(segment)) for segment in segments]
        if len(segments) == 1 or all(part_kind is None for _part, part_kind in parts):
            parts = [(line, _segment_kind(line))]
        unclassified = [part for part, part_kind in parts if part_kind is None]
        if len(parts) >= 3 and len(unclassified) == 2 and not title_candidates:
            # "Neon Health | Founding Sr Backend Engineer | SF, Remote | Full-time | $170-225K":
            # facts around two free parts, one naming a role: the role is the title, the other
            # the employer.
            roles = [part for part in unclassified if _ROLE_WORD_RE.search(part) and _is_title_like(part)]
            others = [part for part in unclassified if part not in roles]
            if (len(roles) == 1 and len(others) == 1 and len(others[0].split()) <= _COMPANY_MAX_WORDS
                    and _has_name_shape(_LEADING_AT_RE.sub("", others[0]))):
                title_candidates.append(roles[0])
                header.company = header.company or _LEADING_AT_RE.sub("", others[0])
                parts = [(part, part_kind) for part, part_kind in parts if part_kind is not None]
        for part, part_kind in parts:
            if part_kind == "date":
                header.date = header.date or part
            elif part_kind == "salary":
                header.salary = header.salary or part
            elif part_kind == "terms":
                header.terms.append(part)
                if header.location is None and looks_like_place(part) and (
                        _REMOTE_IN_PLACE_RE.search(part) or parse_location(part).city):
                    header.location = part  # "Remote (Germany)", "Berlin-Zentrum oder Remote" name a place too
                elif header.location is None and "," in part:
                    # "Full-time, Oslo": terms and the town, joined by a comma
                    header.location = next((piece.strip() for piece in part.split(",")[1:]
                                            if _segment_kind(piece.strip()) == "place"), None)
            elif part_kind == "company":
                header.company = header.company or part
            elif part_kind == "place":
                header.location = header.location or part
            elif len(parts) > 1:
                if not _NOISE_SEGMENT_RE.search(part) and len(part.split()) <= _COMPANY_MAX_WORDS:
                    company_candidates.append(part)
            elif _is_title_like(part) and not (heading_kind(part) and not looks_like_job_title(part)):
                title_candidates.append(part)  # ("About the job" heads a LinkedIn paste's text: no title)
    if header.title is None and title_candidates:
        ranked = sorted(enumerate(title_candidates), key=lambda pair: -_title_score(pair[1], pair[0]))
        header.title = ranked[0][1]
        title_candidates.remove(header.title)
    if header.title and not clean_title(header.title):
        header.title = None
    if header.title and header.company is None and (split := _role_dash_organisation(header.title)):
        # "Lead Site Reliability Engineer — Cancer Research UK (CRUK)": the role, a long dash, the
        # organisation (the title keeps its line; the employer's name leaves it when it is cleaned)
        header.company = split[1]
    if header.company is None:
        for candidate in title_candidates + company_candidates:
            candidate = _LEADING_AT_RE.sub("", candidate)
            if (candidate.isupper() or _ROLE_WORD_RE.search(candidate) or heading_kind(candidate)
                    or _PREPOSITION_START_RE.match(candidate) or not _has_name_shape(candidate)
                    or (header.title and candidate in header.title)):
                continue  # ("Über das Projekt", "About the team" are headings, no employer starts so)
            if len(candidate.split()) <= _COMPANY_MAX_WORDS and (
                    _mentioned_in_body(candidate, text) or _ORGANISATION_WORD_RE.search(candidate)):
                header.company = candidate
                break
    return header


_LONG_DASH_RE = re.compile(r"\s+[—–]\s+")


def _role_dash_organisation(line: str) -> tuple[str, str] | None:
    """``(role, organisation)`` for a title line "<role> — <organisation>" whose second part names no
    role, place, fact or pay but an organisation ("Lead Site Reliability Engineer — Cancer Research UK
    (CRUK)" -> the name without its acronym), else None."""
    parts = _LONG_DASH_RE.split(line.strip())
    if len(parts) != 2:
        return None
    role, named = parts[0].strip(), parts[1].strip()
    organisation = ACRONYM_AT_END_RE.sub("", named)
    # (a team or a field after the dash, "Payments Platform", "Schwerpunkt Intensivpflege", is no employer:
    # the part must say it is an organisation, by a legal form, an organisation word or its acronym)
    if not (organisation != named or _ORGANISATION_WORD_RE.search(organisation) or ends_with_legal_form(organisation)):
        return None
    if (not looks_like_job_title(role) or not organisation[:1].isupper() or looks_like_job_title(organisation)
            or any(character.isdigit() for character in organisation) or len(organisation.split()) > _COMPANY_MAX_WORDS
            or _segment_kind(organisation) not in (None, "company") or not _has_name_shape(organisation)):
        return None
    return role, organisation


def looks_like_job_title(text: str) -> bool:
    """True when ``text`` names a role ("Senior Accountant", "Pflegefachkraft"), so it is no
    employer name. A German compound means what its last part means: "Ausbildungsbeginn",
    "Praktikumsdauer", "Ausbildungsvergütung" name a fact of the job (its start, length, pay), not
    a role, though a role word opens them; "Bauingenieurwesen" names a whole field. An English noun
    made from a role word ("Engineering", "Production") names a department when it stands alone (a
    career site's page per department) and belongs to an organisation's name when a legal form
    closes the phrase ("ITK Engineering GmbH"); elsewhere ("Site Reliability Engineering is …") it
    may name a team, and still counts as a role's."""
    return any(not _FACT_COMPOUND_RE.fullmatch(word := _word_around(text, match.start(), match.end()))
               and not _names_the_field(word, match.group(0), text)
               and not _opens_another_word(word, match.group(0))
               for match in _ROLE_WORD_RE.finditer(text))


# What may follow a role word inside the same word and leave it the role: inflections and feminine
# forms ("Leiterin", "Managerinnen", "Leiters"), adjectives made from it ("Managerial").
_ROLE_WORD_ENDINGS = ("in", "s", "es", "en", "n", "ial", "ship", "ing", "ion")


def _opens_another_word(word: str, role_word: str) -> bool:
    """True when the role word only opens a longer word that is something else: "Leadfeeder",
    "Salesforce", "Headforwards", "Fahrerlaubnis" (the head of a compound is its last part)."""
    if not word.casefold().startswith(role_word.casefold()):
        return False
    rest = word[len(role_word):]
    return len(rest) >= 4 and rest.islower() and not rest.startswith(_ROLE_WORD_ENDINGS)


# English nouns of an activity or its result ("-ing", "-ion") made from a role word, and German
# compounds ending in "-wesen" (a whole domain: "Ingenieurwesen", "Bauwesen"), name a field of work.
_FIELD_SUFFIXES = ("ing", "ion")
_FIELD_COMPOUND_RE = re.compile(r"\w+wesens?", re.IGNORECASE)


def _names_the_field(word: str, role_word: str, text: str) -> bool:
    """True when ``word`` of ``text``, holding ``role_word``, names a field of work rather than a
    person (see :func:`looks_like_job_title`)."""
    if _FIELD_COMPOUND_RE.fullmatch(word):
        return True
    if word.casefold() not in {role_word.casefold() + suffix for suffix in _FIELD_SUFFIXES}:
        return False
    return len(text.split()) == 1 or looks_like_company(text)


# The last part of a German compound that names a fact of a job rather than a person: its start,
# length, time, place, date, pay, deadline, extent, kind, content or course.
_FACT_COMPOUND_RE = re.compile(
    r"[a-zäöüß]+?s?(?:beginn|start|dauer|zeiten?|orte?|datum|vergütung|gehalt|frist|umfang|art|inhalte?"
    r"|ablauf|verlauf|jahr|jahre|gespräch|unterlagen|nachweis|vertrag|zeugnis|bescheinigung)",
    re.IGNORECASE)


def _word_around(text: str, start: int, end: int) -> str:
    """The whole word of ``text`` that holds ``text[start:end]``."""
    while start > 0 and (text[start - 1].isalpha()):
        start -= 1
    while end < len(text) and (text[end].isalpha()):
        end += 1
    return text[start:end]

