"""Facts boards join to a title line: places, terms, pay and domains after "|" or in a trailing
parenthesis, and an organisation written before the role ("Zarr / Community Manager")."""

from __future__ import annotations

import re

from crawler.parsing.header import _ROLE_WORD_RE, _segment_kind
from crawler.parsing.title import seniority_from_title

__all__ = ["employer_named_in_title", "hiring_organisation_prefix", "organisation_prefix", "split_title_facts",
           "title_without_facts"]


_TITLE_SEPARATOR_RE = re.compile(r"\s+(?:[|·•]|//)\s+")
_TRAILING_FACTS_RE = re.compile(r"\s*(?:\((?P<inner>[^()]{2,60})\)|,\s*(?P<tail>[^,()]{2,60}(?:,\s*[^,()]{2,40})*))\s*$")
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_DOMAIN_RE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
# Regions wider than a country, as boards write them beside "Remote" ("Remote/Europe", "EMEA"):
# the gazetteer knows countries and cities, not these.
_WORLD_REGION_RE = re.compile(
    r"^(?:europe|europa|eu|emea|apac|latam|dach|nordics|benelux|americas|(?:north|south|latin|central)\s+america"
    r"|asia(?:[\s-]pacific)?|africa|middle\s+east|oceania|worldwide|weltweit|global|anywhere)$", re.IGNORECASE)


def _is_fact(part: str) -> bool:
    """A title part that states a place, terms, pay or a date, or a web domain — not the role."""
    part = part.strip()
    if _YEAR_RE.search(part):
        return False  # "Summer 2027", "Class of 2026": a season or cohort belongs to the role
    return bool(part) and (_DOMAIN_RE.match(part) is not None
                           or _segment_kind(part) in ("place", "terms", "salary", "date"))


def title_without_facts(title: str) -> str:
    """The title of :func:`split_title_facts`, without the facts."""
    return split_title_facts(title)[0]


def split_title_facts(title: str) -> tuple[str, list[str]]:
    """A title line without the facts boards join to it: "Senior Platform Engineer | Remote |
    Australia" -> "Senior Platform Engineer", "Designer (Full-Time, San Francisco)" -> "Designer",
    "Design Specialist, Stockholm, Sweden" -> "Design Specialist", "klarasystems.com | OpenZFS
    Developer | REMOTE" -> "OpenZFS Developer". A part is dropped only when every piece of it is a
    place, terms, pay, a date or a domain; the role part always stays. Returns the title and the
    fact pieces taken from it ("Full-Time", "San Francisco"), which the caller may read."""
    facts: list[str] = []
    parts = [part for part in _TITLE_SEPARATOR_RE.split(title.strip()) if part.strip()]
    if len(parts) > 1:
        kept = [part for part in parts if not _is_fact(part)]
        facts.extend(part for part in parts if _is_fact(part))
        if len(kept) > 1:
            roles = [part for part in kept if _ROLE_WORD_RE.search(part)]
            kept = roles[:1] or kept[:1]
        title = kept[0] if kept else parts[0]
    while True:
        match = _TRAILING_FACTS_RE.search(title)
        if not match or match.start() == 0:
            return title.strip(), facts
        pieces = re.split(r"\s*[,/;]\s*|\s+-\s+", match["inner"] or match["tail"])
        pieces = [piece for piece in pieces if piece.strip()]
        # Terms alone stay ("Pharmacy Technician (Part-Time)"): only a place makes it a facts list.
        # A wider region counts as a place only beside terms ("Remote/Europe"); alone it may be
        # the role's territory ("Account Executive (DACH)").
        has_place = any(_segment_kind(piece) == "place" for piece in pieces) or (
            any(_WORLD_REGION_RE.match(piece.strip()) for piece in pieces)
            and any(_segment_kind(piece) == "terms" for piece in pieces))
        # "Spring Boot (Java) Engineer, Mid/Senior, Work From Home": levels a board lists after the
        # role ("Mid/Senior") beside where the work is are facts too; a level alone stays
        # ("Engineer, Senior" is the senior engineer).
        levels_and_workplace = (match["tail"] is not None and len(match["tail"].split(",")) >= 2
                                and any(_LEVELS_RE.match(piece.strip()) for piece in match["tail"].split(","))
                                and any(_WORKPLACE_RE.search(piece) for piece in match["tail"].split(",")))
        if levels_and_workplace:
            pieces = [piece.strip() for piece in match["tail"].split(",")]
            if all(_LEVELS_RE.match(piece) or _is_fact(piece) for piece in pieces):
                facts.extend(pieces)
                title = title[:match.start()]
                continue
        if not all(_is_fact(piece) or _WORLD_REGION_RE.match(piece.strip()) for piece in pieces) or not has_place:
            return title.strip(), facts
        facts.extend(pieces)
        title = title[:match.start()]


_LEVEL_WORD = r"(?:junior|jr\.?|mid(?:[\s-]?level)?|medior|intermediate|senior|sr\.?|lead|principal|staff|entry[\s-]level)"
_LEVELS_RE = re.compile(rf"^{_LEVEL_WORD}(?:\s*[/&-]\s*{_LEVEL_WORD})*$", re.IGNORECASE)
_WORKPLACE_RE = re.compile(r"\b(?:remote|hybrid|on-?site|home\s?office|work(?:ing)?\s+from\s+(?:home|anywhere)|wfh)\b",
                           re.IGNORECASE)


_ORGANISATION_PREFIX_MAX_WORDS = 3


def organisation_prefix(title: str, text: str | None = None) -> tuple[str, str | None]:
    """``(role, organisation)`` for a title written "Organisation / Role" ("Zarr / Community
    Manager", "OpenDP / Open-Source Community Manager"); ``(title, None)`` otherwise — both
    forms of one role ("Koch / Köchin") and two levels of one role ("Senior / Staff Engineer") stay
    a title. Given the ad's ``text``, the organisation must be written there again as the title
    writes it: "Tools / Internal Engineer" is one role when "Tools" is only ever "DevOps tools"."""
    parts = [part.strip() for part in title.split(" / ")]
    if len(parts) != 2 or not all(parts):
        return title, None
    organisation, role = parts
    if text is not None and not _written_as_in_title(organisation, text):
        return title, None
    if _gender_forms(organisation, role):
        return title, None  # "Tutorin / Tutor gesucht!": the role's two forms
    if re.fullmatch(r"[A-Z]{2,3}", organisation):
        return title, None  # "HR / Admin Head", "QA / Test Engineer": a function's short name, no employer
    from crawler.parsing.skills import find_skills  # skills -> header -> this module's peers: import late

    if any(skill.casefold() == organisation.casefold() for skill in find_skills(organisation)):
        return title, None  # "Python / Django Engineer": a tool of the role, no employer
    name_words = [word for word in organisation.split() if word != "&"]
    # "Selbstständiger Handelsvertreter / Vertriebsmitarbeiter": words ending in a person noun name a
    # role (one word alone may be a name: "Spyder").
    ends_in_person = len(name_words) > 1 and _AGENT_NOUN_RE.fullmatch(name_words[-1]) is not None
    if (len(name_words) <= _ORGANISATION_PREFIX_MAX_WORDS and not _ROLE_WORD_RE.search(organisation)
            and not ends_in_person
            and _names_a_role(role) and _segment_kind(organisation) in (None, "company")
            and seniority_from_title(organisation) is None and not _names_an_occupation(organisation)):
        return role, organisation
    return title, None


def _gender_forms(one: str, other: str) -> bool:
    """True when two parts open with the feminine and masculine form of one German person noun
    ("Tutorin" / "Tutor gesucht!", "Erzieher / Erzieherin")."""
    first, second = (part.split()[0].casefold() for part in (one, other))
    return any(longer in (shorter + "in", shorter + "innen") for shorter, longer in ((first, second), (second, first)))


_OCCUPATION_NAME_CONFIDENCE = 0.95


def _names_an_occupation(words: str) -> bool:
    """True for an occupation's own name ("Logopäde / Sprachtherapeut": two names of one job)."""
    from crawler.occupations.classify import classify_occupation  # loaded on first use: its data is large

    occupation = classify_occupation(words, "", None)
    return occupation is not None and occupation.confidence >= _OCCUPATION_NAME_CONFIDENCE


# English agent nouns name a person doing a job whatever the trade: "PyData maintainer", "Medical
# Image Analysis Researcher", "Instructor", "Strategist", "Librarian"; "Chief of Staff", "Fellow".
_AGENT_NOUN_RE = re.compile(r"\b[A-Za-z]{3,}(?:er|or|ist|ian|eur|ee)s?\b|\b(?:chief|fellow|postdoc\w*)\b", re.I)


def _names_a_role(text: str) -> bool:
    return _ROLE_WORD_RE.search(text) is not None or _AGENT_NOUN_RE.search(text) is not None



def _written_as_in_title(name: str, text: str) -> bool:
    """True when the name's first word occurs in ``text`` spelt as the title spells it."""
    words = re.findall(r"[\w&'-]+", name)
    return bool(words) and re.search(rf"(?<![\w-]){re.escape(words[0])}(?![\w-])", text) is not None


# "Active Group sucht Softwareentwickler(in)", "Checkpad sucht Softwareentwicklerinnen und
# Softwareentwickler", "Acme is hiring a Senior Engineer": the employer, a verb of hiring, the role.
_HIRING_TITLE_RE = re.compile(
    r"^(?P<organisation>[^:|!?]{2,60}?)\s+(?:sucht|suchen|stellt\s+ein|is\s+hiring|are\s+hiring|hires|seeks"
    r"|is\s+(?:looking\s+for|seeking|recruiting))\s*:?\s+(?:(?:eine?[nr]?|a|an)\s+)?(?P<role>\S.*)$")
_HIRING_TITLE_MAX_WORDS = 5
# "Wir suchen …", "We are hiring …": the poster speaks, no employer is named.
_SPEAKER_RE = re.compile(r"^(?:wir|we|ich|i|unser\w*|our|das\s+team|the\s+team|team)$", re.IGNORECASE)


def hiring_organisation_prefix(title: str, text: str | None = None) -> tuple[str, str | None]:
    """``(role, organisation)`` for a title that names the employer hiring ("Active Group sucht
    Softwareentwickler(in)" -> ("Softwareentwickler(in)", "Active Group")); ``(title, None)`` when
    the words before the verb are the poster ("Wir suchen …"), a role or longer than a name. A role
    the role vocabulary lacks ("AStA sucht Verwaltungsangestellte*n für …") is taken when the ad's
    ``text`` names the organisation again as the title writes it."""
    match = _HIRING_TITLE_RE.match(title.strip())
    if not match:
        return title, None
    organisation, role = match["organisation"].strip(" -–,"), match["role"].strip()
    if _CALL_WORD_RE.match(role):
        return title, None  # "Rement sucht Verstärkung im Bereich …": a call for staff, the role is elsewhere
    named_again = text is not None and _written_as_in_title(organisation, text)
    names_role = _names_a_role(role) or (named_again and role[:1].isupper())
    if (_SPEAKER_RE.match(organisation) or len(organisation.split()) > _HIRING_TITLE_MAX_WORDS
            or _ROLE_WORD_RE.search(organisation) or not names_role):
        return title, None
    if text is not None and not named_again and _KIND_OF_EMPLOYER_RE.search(organisation):
        # "Greentech Startup sucht Verfahrenstechniker*in": words ending in a kind of employer that
        # the ad never writes again describe the employer rather than name it; the role stays the title's.
        return role, None
    return role, organisation


# A common noun for a kind of employer closing the words before the hiring verb: "Greentech Startup",
# "Innovatives Familienunternehmen", "Münchner Digitalagentur", "Fast-growing software company".
_KIND_OF_EMPLOYER_RE = re.compile(r"(?:start-?ups?|scale-?ups?|unternehmen|firma|betrieb|konzern|mittelständler"
                                  r"|agentur|company|firm|agency)$", re.IGNORECASE)


# "… sucht Verstärkung", "… sucht Dich": a call for staff, no role.
_CALL_WORD_RE = re.compile(r"(?:verstärkung|unterstützung|dich|sie|you|talente?|talents?|leute|menschen|people)\b",
                           re.IGNORECASE)
# "Werkstudent (m/w/d) im Bereich Nachrichtentechnik bei Amprion", "Werkstudent:in Tätigkeit bei TÜVIT",
# "Werkstudent:in bei Deichmann: „Data & Analytics“", "Data Engineer at Acme": the employer after
# "bei"/"beim"/"at", up to the title's end or a colon.
_EMPLOYER_AFTER_RE = re.compile(r"\s(?:bei|beim|at|@)\s+(?P<organisation>[^:|()\[\]!?]{2,60}?)\s*(?::|$)")
_EMPLOYER_AFTER_MAX_WORDS = 6
_SPEAKER_AFTER_RE = re.compile(r"^(?:uns|us|ihnen|euch|dir|you|home|der|die|dem|den|the)\b", re.IGNORECASE)


def employer_named_in_title(title: str, text: str) -> str | None:
    """The employer a title names after "bei"/"beim"/"at" ("Werkstudent (m/w/d) im Bereich
    Nachrichtentechnik bei Amprion" -> "Amprion"), when the ad's ``text`` names it again: as the
    title writes it, or as its mail or web domain ("@amprion.net"). None for a poster ("bei uns"),
    a role, a place or a phrase longer than a name."""
    match = None
    for match in _EMPLOYER_AFTER_RE.finditer(title or ""):
        pass
    if match is None or match.start() == 0:
        return None
    organisation = match["organisation"].strip(" -–,.")
    if (not organisation[:1].isupper() and not organisation[:1].isdigit() or _SPEAKER_AFTER_RE.match(organisation)
            or len(organisation.split()) > _EMPLOYER_AFTER_MAX_WORDS or _ROLE_WORD_RE.search(organisation)
            or _segment_kind(organisation) not in (None, "company")):
        return None
    first = re.findall(r"[\w&'-]+", organisation)[0]
    in_domain = re.search(rf"[@.]{re.escape(first.casefold())}\.[a-z]{{2,}}\b", text.casefold()) is not None
    return organisation if _written_as_in_title(organisation, text) or in_domain else None
