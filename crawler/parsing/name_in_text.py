"""Where an ad writes one given name: as a whole word, with its legal form, in its own addresses.

The employer readers (employer*.py) ask of one candidate name at a time whether and how often the ad
writes it. A regular expression built for each name goes through ``re``'s cache of compiled patterns
(512 entries, oldest out first), so an ad's names pushed the fixed patterns of every module out of it
and they were compiled again: ~12% of a whole-corpus parse profile. These functions find a name with
``str.find`` and check its edges by hand, and match what follows it with fixed patterns; they find
exactly what the per-name patterns found (``(?<![\\w-])NAME(?![\\w-])`` and the like).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

__all__ = [
    "LEGAL_FORM",
    "name_as_written",
    "address_names",
    "at_word_boundary",
    "count_word",
    "count_word_in_any_case",
    "lowered_alike",
    "name_with_domain_ending",
    "ends_with_legal_form",
    "name_with_legal_form",
    "legal_name_extending",
    "organisation_of_unit",
    "word_starts",
    "writes_word",
    "written_in_lower_case",
]

# A legal form as written after a name, in its own case ("GmbH & Co. KG", "Ltd", "e. V."): the one list
# the employer readers complete a name with and recognise a name's end by. (normalise_employer's
# folded list in employer.py and looks_like_company's line pattern serve other ends: a matching key
# and a yes/no for a whole line.) A longer form stands before the shorter form it begins with.
LEGAL_FORM = (r"GmbH(?:[ \t]*&[ \t]*Co\.?[ \t]*KG)?|gGmbH|AG|SE|KGaA|KG|OHG|GbR|e\.[ \t]?V\.|eG"
              r"|UG(?:[ \t]*\(haftungsbeschränkt\))?|Ltd\.?|Limited|LLC|LLP|Inc\.?|plc|Corp\.?|CIC"
              r"|B\.V\.|N\.V\.|A/S|ApS|AB|Oy|S\.A\.|S\.r\.l\.|s\.r\.o\.")
_LEGAL_FORM_AFTER_NAME = re.compile(rf"[ \t]+(?:{LEGAL_FORM})(?![\w])")
_DOTTED_LEGAL_FORM_AT_END = re.compile(rf"[ \t](?:{LEGAL_FORM})$")


def ends_with_legal_form(name: str) -> bool:
    """True when ``name`` closes with a legal form ("Acme GmbH", "Guidepoint Global LLC")."""
    return _DOTTED_LEGAL_FORM_AT_END.search(name) is not None


# A unit named with the organisation it belongs to, in the German genitive of a feminine name: "Fachdienst
# Digitalisierung der Universitätsstadt Marburg", "Lehrstuhl für Statik der Technischen Universität München".
_UNIT_OF_ORGANISATION = re.compile(
    r"(?:(?:der|die|das)[ \t]+)?(?:Fachdienst|Fachbereich|Fachgebiet|Abteilung|Referat|Dezernat|Stabsstelle|Arbeitsgruppe"
    r"|Forschungsgruppe|Lehrstuhl|Professur|Geschäftsbereich)\b[^,;:()\n]{0,80}?[ \t]+der[ \t]+"
    r"(?P<organisation>[A-ZÄÖÜ][^,;:()\n]{2,80})")
# A feminine name's adjective in that genitive, said in the nominative: "der Technischen Universität" -> "Technische".
_GENITIVE_ADJECTIVE = re.compile(r"\b([A-ZÄÖÜ][a-zäöüß]*(?:isch|lich|ig|al|ell)e|Freie|Neue|Alte)n(?=[ \t]+[A-ZÄÖÜ])")


def organisation_of_unit(name: str) -> str:
    """The organisation a unit of it is named with ("Fachdienst Digitalisierung der Universitätsstadt
    Marburg" -> "Universitätsstadt Marburg"); any other name unchanged."""
    match = _UNIT_OF_ORGANISATION.fullmatch(name.strip())
    if match is None:
        return name
    return _GENITIVE_ADJECTIVE.sub(r"\1", match["organisation"].strip())


_DOMAIN_ENDING = re.compile(r"\.(?:io|ai|com|co|app|dev|net|org|de|tech|studio)(?![\w@/.-]|\.\w)")


# Short forms of an organisation's kind, written out in full elsewhere in the ad: "Uni Hamburg" (a mail
# domain's spelling) for "Universität Hamburg", "Univ. of X" for "University of X".
_SHORT_KIND = {"uni": ("Universität", "University"), "univ.": ("Universität", "University"),
               "fh": ("Fachhochschule",), "tu": ("Technische Universität",)}


def name_written_out(name: str, text: str) -> str:
    """``name`` with its kind's short form written out as the ad writes it ("Uni Hamburg" ->
    "Universität Hamburg" when the ad says "der Universität Hamburg"); ``name`` otherwise."""
    first, _, rest = (name or "").partition(" ")
    for full in _SHORT_KIND.get(first.casefold(), ()) if rest else ():
        candidate = f"{full} {rest}"
        if candidate in text:
            return candidate
    return name


def name_with_domain_ending(name: str, text: str) -> str:
    """``name`` as the ad writes it in running text with a web domain's ending ("Crunch.io is seeking
    …", "Booking.com"), outside any address; ``name`` unchanged when the ad never does."""
    if not name or "." in name:
        return name
    endings: list[str] = []
    plain = 0
    for start in word_starts(name, text, before="", after=None):
        end = start + len(name)
        if start and text[start - 1] in "@/.:-":
            continue  # inside an address
        ending = _DOMAIN_ENDING.match(text, end)
        if ending and not _WEB_ADDRESS_CUE.search(text, max(0, start - 25), start):
            endings.append(ending.group())
        elif not ending and (end == len(text) or not _is_word_character(text[end])):
            plain += 1
    # the form the ad uses at least as often as the bare name ("Customer.io" throughout, not "Brave"
    # with one "Brave.com")
    return name + endings[0] if endings and len(endings) >= plain else name


# "head to our website, Kinsta.com", "visit Acme.com": the site's address, not the name
_WEB_ADDRESS_CUE = re.compile(r"\b(?:website|web\s?site|site|visit|homepage|webseite|unter|see|at)\W*$", re.I)


def name_as_written(name: str) -> str:
    """A name cut out of a sentence, without the sentence's punctuation around it: spaces, commas
    and full stops go, except the full stop that ends a legal form ("Konfetti e.V.", "Acme Inc.")."""
    name = name.strip(" ,").lstrip(".")
    while name.endswith(".") and not _DOTTED_LEGAL_FORM_AT_END.search(name):
        name = name[:-1].rstrip(" ,")
    return name


def _is_word_character(character: str) -> bool:
    # What ``\w`` matches in a str pattern: str.isalnum() characters and the underscore.
    return character.isalnum() or character == "_"


def word_starts(name: str, text: str, *, before: str = "-", after: str | None = "-", host_after: bool = False,
                overlapping: bool = False) -> Iterator[int]:
    """Where ``name`` stands in ``text`` as a whole word, left to right: no letter, digit or
    underscore and none of ``before`` just before it, none of them nor of ``after`` just after it;
    with ``host_after``, no full stop and a word character after it either ("acme" in "acme.com" is
    part of a host); with ``after=None``, whatever follows (the caller matches it). Without
    ``overlapping`` the places do not overlap, as ``re.finditer`` finds them."""
    if not name:
        raise ValueError("word_starts needs a non-empty name")
    size, end_of_text, position = len(name), len(text), 0
    while (found := text.find(name, position)) >= 0:
        end = found + size
        if found:
            character = text[found - 1]
            if _is_word_character(character) or character in before:
                position = found + 1
                continue
        if after is not None and end < end_of_text:
            character = text[end]
            if (_is_word_character(character) or character in after or host_after and character == "."
                    and end + 1 < end_of_text and _is_word_character(text[end + 1])):
                position = found + 1
                continue
        yield found
        position = found + 1 if overlapping else end


def count_word(name: str, text: str, **edges: str | bool) -> int:
    """How many times ``text`` writes ``name`` as a whole word (see :func:`word_starts`)."""
    return sum(1 for _ in word_starts(name, text, **edges))


# Characters that IGNORECASE pairs otherwise than str.lower() does (dotted and dotless i, long s, micro
# sign, Greek and Cyrillic letters with variant forms, ligatures): with one of them in play, the
# regular expression decides.
_CASE_ODDITIES = re.compile("[\u00b5\u0130\u0131\u017f\u0345\u0370-\u03ff\u0400-\u04ff\u1c80-\u1c88"
                            "\u1e60\u1e61\u1e9b\u1f00-\u1fff\ufb05\ufb06]")


def lowered_alike(text: str, *names: str) -> str | None:
    """``text`` in lower case, character for character, when comparing it with the lower-cased
    ``names`` finds what ``re.IGNORECASE`` would; None when a character of :data:`_CASE_ODDITIES`
    is in play (then the caller asks a regular expression)."""
    lowered = text.lower()
    if len(lowered) != len(text) or any(_CASE_ODDITIES.search(part) for part in (text, *names)):
        return None
    return lowered


def count_word_in_any_case(name: str, text: str) -> int:
    """How many times ``text`` writes ``name`` as a whole word (not joined by "-"), in any case
    ("Komoot" and "komoot"): what ``re.IGNORECASE`` would count."""
    lowered = lowered_alike(text, name)
    if lowered is None:
        return len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE))
    return count_word(name.lower(), lowered)


def at_word_boundary(text: str, position: int) -> bool:
    """True where ``\\b`` would match in ``text``: between a word character and another character,
    or the text's start or end."""
    before = position > 0 and _is_word_character(text[position - 1])
    after = position < len(text) and _is_word_character(text[position])
    return before != after


def writes_word(name: str, text: str, **edges: str | bool) -> bool:
    """True when ``text`` writes ``name`` as a whole word at least once (see :func:`word_starts`)."""
    return next(word_starts(name, text, **edges), None) is not None


def written_in_lower_case(name: str, text: str) -> bool:
    """True when a capitalised name ("Candidates", not "AWS") is also written in lower case in the
    running text of ``text`` ("strong candidates"; an address does not count: "jobs@scigility.com"):
    a common word is, a name keeps its capitals."""
    return (name[:1].isupper() and not name.isupper()
            and writes_word(name.casefold(), text, before="@./-", after="@-", host_after=True))


def name_with_legal_form(name: str, text: str) -> str:
    """The name as the ad writes it with its legal form ("LanguageTooler is a …" and "LanguageTooler
    GmbH" -> "LanguageTooler GmbH"; "re:edu" -> "re:edu GmbH & Co. KG", a Markdown "\\&" read as "&"):
    the first place the name stands as a whole word followed by a form of :data:`LEGAL_FORM`; the name
    itself when it has none."""
    if not name:
        return name
    text = text.replace("\\&", "&")
    for start in word_starts(name, text, after=None, overlapping=True):
        form = _LEGAL_FORM_AFTER_NAME.match(text, start + len(name))
        if form:
            return text[start:form.end()].strip()
    return name


_EXTENDED_LEGAL_NAME = r"(?:,?[ \t]+(?:[A-Z][\w&'’-]*[ \t]+){0,2}?)(?:%s)(?![\w])" % LEGAL_FORM


def legal_name_extending(name: str, text: str) -> str:
    """The ad's legal name that opens with ``name``: the name, at most two more capitalised words and
    a legal form ("Guidepoint" -> "Guidepoint Global LLC", "Cloverhound" -> "Cloverhound, Inc."), the
    first such form the ad writes; ``name`` itself when it has none or already ends in a legal form."""
    if not name or ends_with_legal_form(name) or len(name) < 3:
        return name
    match = re.search(rf"(?<![\w&-]){re.escape(name)}{_EXTENDED_LEGAL_NAME}", text.replace("\\&", "&"))
    return match.group().strip() if match else name


# E-mail domains and web hosts the ad writes ("jobs@defactolearning.de", "https://www.acme.com/x").
_EMAIL_HOST = re.compile(r"@(?P<host>[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,})")
_WEB_HOST = re.compile(r"(?:https?://|(?<![\w.@/])www\.)(?P<host>[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,})")
# Parts of a host that name no employer: the service part ("www", "jobs", "mail"), public mail
# providers, and the platforms and tools every ad links to.
GENERIC_HOST_LABELS = frozenset({
    "www", "jobs", "job", "careers", "career", "karriere", "mail", "email", "apply", "bewerbung", "recruiting",
    "info", "web", "com", "org", "net", "co", "gmail", "googlemail", "outlook", "hotmail", "yahoo", "gmx",
    "icloud", "github", "gitlab", "linkedin", "xing", "facebook", "twitter", "instagram", "youtube", "google",
    "greenhouse", "lever", "workable", "personio", "smartrecruiters", "icims", "jobvite", "recruitee",
    "medium", "wordpress",
})
SHORTEST_LABEL = 3


@lru_cache(maxsize=4)
def address_names(text: str) -> frozenset[str]:
    """The distinctive labels of the e-mail domains and web hosts in ``text``, lower-cased,
    without top-level domains and generic parts: "isabela@defactolearning.de" -> {"defactolearning"}.
    (Every employer reader of one ad asks for them: the last few texts' answers are kept.)"""
    labels: set[str] = set()
    for pattern in (_EMAIL_HOST, _WEB_HOST):
        for match in pattern.finditer(text or ""):
            for label in match["host"].lower().split(".")[:-1]:
                if len(label) >= SHORTEST_LABEL and label not in GENERIC_HOST_LABELS:
                    labels.add(label)
    return frozenset(labels)
