"""The employer's name a source states, set right by the ad's own words.

Sources give a short or wrong employer name: career sites a brand ("SinnerSchrader") where the ad
names the legal entity ("… für den Betriebsrat der SinnerSchrader Deutschland GmbH"), project
boards the product or project an ad is for ("Collabora Online", "Canonical design system")
where the ad names the organisation that makes it ("Collabora Productivity build Collabora
Online", "Canonical's design system").
"""

from __future__ import annotations

import re
from typing import Any

from crawler.parsing.employer import _LEGAL_FORM_AT_END, _NOT_AN_EMPLOYER, looks_like_company
from crawler.parsing.name_in_text import LEGAL_FORM, at_word_boundary, lowered_alike, word_starts
from crawler.parsing.provenance import TEXT, record_conflict

__all__ = ["legal_name_in_text", "maker_in_text", "refine_company", "spelled_out_name"]

_MAX_EXTRA_WORDS = 3
# After the brand: one to three more capitalised words, then a legal form ("SinnerSchrader" + " Deutschland GmbH").
_MORE_WORDS_THEN_LEGAL_FORM = re.compile(
    rf"(?:[ \t]+[A-ZÄÖÜ][\w&.-]*){{1,{_MAX_EXTRA_WORDS}}}?[ \t]+(?:{LEGAL_FORM})(?![\w])")


def legal_name_in_text(name: str, text: str) -> str | None:
    """The legal entity the ad names for a brand stated without a legal form: "SinnerSchrader" ->
    "SinnerSchrader Deutschland GmbH" when the text says so (one to three more capitalised words,
    then the legal form); None otherwise. The same name with only a legal form added ("Partners
    Capital" / "Partners Capital LLP") is the same entity: the stated name stands."""
    name = (name or "").strip()
    if not name or _LEGAL_FORM_AT_END.search(name):
        return None
    text = text or ""
    for start in word_starts(name, text, after=None, overlapping=True):
        rest = _MORE_WORDS_THEN_LEGAL_FORM.match(text, start + len(name))
        if rest:
            legal = text[start:rest.end()].strip()
            return legal if looks_like_company(legal) else None
    return None


_MAKES = r"(?:build|builds|develop|develops|make|makes|maintain|maintains|create|creates|publish|publishes)"
# "Collabora Productivity build ": the maker (up to four capitalised words) and the verb, the product after.
# Each start has one reading only (a word runs to the next space; verbs are lower case), so the first
# start whose reading the stated name follows is where the whole sentence would first match.
_MAKER_AND_VERB = re.compile(rf"(?P<maker>[A-ZÄÖÜ][\w&.-]*(?:[ \t]+[A-ZÄÖÜ][\w&.-]*){{0,3}})[ \t]+{_MAKES}[ \t]+")
_POSSESSIVE_S = re.compile(r"['’]s[ \t]+")


def _maker_of(stated: str, text: str) -> str | None:
    """The maker in "<maker> builds <stated>", the stated name a whole word at its end."""
    position = 0
    while (match := _MAKER_AND_VERB.search(text, position)) is not None:
        if text.startswith(stated, match.end()) and at_word_boundary(text, match.end() + len(stated)):
            return match["maker"]
        position = match.start() + 1
    return None


def _owner_of(owner: str, owned: str, text: str) -> str | None:
    """The owner as written in "<owner>'s <owned>", in any case ("Canonical's design system")."""
    lowered = lowered_alike(text, owner, owned)
    if lowered is None:
        match = re.search(rf"(?<![\w-]){re.escape(owner)}['’]s[ \t]+{re.escape(owned)}\b", text, re.IGNORECASE)
        return text[match.start():match.start() + len(owner)] if match else None
    owner_lowered, owned_lowered = owner.lower(), owned.lower()
    for start in word_starts(owner_lowered, lowered, after=None, overlapping=True):
        possessive = _POSSESSIVE_S.match(lowered, start + len(owner_lowered))
        if (possessive and lowered.startswith(owned_lowered, possessive.end())
                and at_word_boundary(lowered, possessive.end() + len(owned_lowered))):
            return text[start:start + len(owner)]
    return None


def maker_in_text(stated: str, text: str) -> str | None:
    """The organisation the ad says makes the product or project a source states as employer:
    "Collabora Productivity build Collabora Online" -> "Collabora Productivity" for "Collabora
    Online"; "Canonical's design system" -> "Canonical" for "Canonical design system"."""
    stated = " ".join((stated or "").split())
    if not stated or not text:
        return None
    maker = _maker_of(stated, text)
    if maker and maker != stated and not _NOT_AN_EMPLOYER.match(maker):
        return maker
    words = stated.split()
    if len(words) >= 2:
        owner = _owner_of(words[0], " ".join(words[1:]), text)
        if owner and owner[0].isupper():
            return owner
    return None


def refine_company(posting: dict[str, Any], text: str) -> None:
    """Replace a source's employer name by the maker the ad names, else complete it to the legal
    name the ad writes; a replaced name goes to ``field_conflicts``."""
    stated, source = posting.get("company"), posting["field_sources"].get("company")
    if not stated or source == TEXT:
        return
    maker = maker_in_text(stated, text)
    if maker:
        posting["company"] = maker
        posting["field_sources"]["company"] = TEXT
        record_conflict(posting, "company", maker, TEXT, stated, source)
        return
    legal = legal_name_in_text(stated, text)
    if legal:
        posting["company"] = legal
        posting["field_sources"]["company"] = TEXT


# "INN", "TÜVIT", "DLR": a name of one short word with two capitals or more, the way an abbreviation
# is written.
_ABBREVIATION_RE = re.compile(r"(?=(?:\w*[A-ZÄÖÜ]){2})[A-ZÄÖÜ][\wÄÖÜäöü&]{1,7}")
_LONG_FORM_MAX_WORDS = 8
# "(INN)", "( TÜVIT, …": one word in brackets (the abbreviation is one word without brackets or commas).
_BRACKETED_WORD = re.compile(r"\(\s*(?P<word>[^\s,()]+)\s*[,)]")


def spelled_out_name(name: str, text: str) -> str | None:
    """The name an abbreviation stands for where the ad writes it out before the abbreviation in
    brackets: "INN" -> "Investigative News Network" for "The Investigative News Network (INN), a
    network of …", "TÜVIT" -> "TÜV Informationstechnik" for "TÜV Informationstechnik (TÜVIT) ist …".
    The written-out words must hold the abbreviation's letters in order, its first letter opening a
    word (the long-form test of Schwartz and Hearst, 2003); None when the ad writes none."""
    name = (name or "").strip()
    if " " in name and f"({name})" in (text or ""):
        return _long_form_of_short_name(name, text)
    if not _ABBREVIATION_RE.fullmatch(name):
        return None
    for match in _BRACKETED_WORD.finditer(text or ""):
        if match["word"] != name:
            continue
        words = text[max(0, match.start() - 200):match.start()].split()[-_LONG_FORM_MAX_WORDS:]
        long_form = _long_form(name, " ".join(words))
        if long_form:
            return long_form
    return None


_SHORT_NAME_MAX_WORDS = 8


def _long_form_of_short_name(name: str, text: str) -> str | None:
    """"The Public Laboratory for Open Technology and Science (Public Lab)": the name a short name of
    several words stands for, when the words before its bracket open with its first word and each of
    its words begins one of theirs, in order."""
    short_words = name.split()
    position = text.find(f"({name})")
    before = text[max(0, position - 200):position].split("\n")[-1].split()[-_SHORT_NAME_MAX_WORDS:]
    starts = [index for index, word in enumerate(before) if word == short_words[0]]
    if not starts:
        return None
    long_words = before[starts[-1]:]
    remaining = iter(word.casefold() for word in long_words)
    if not all(any(word.startswith(short.casefold()) for word in remaining) for short in short_words):
        return None
    long_form = " ".join(long_words).strip(" ,;:")
    return long_form if len(long_words) > len(short_words) and long_form[:1].isupper() else None


def _long_form(short: str, before: str) -> str | None:
    """The shortest end of ``before`` whose letters spell ``short`` in order, starting at a word."""
    s, position = len(short) - 1, len(before) - 1
    while s >= 0:
        letter = short[s].lower()
        if not letter.isalnum():
            s -= 1
            continue
        while position >= 0 and (before[position].lower() != letter
                                 or s == 0 and position > 0 and before[position - 1].isalnum()):
            position -= 1
        if position < 0:
            return None
        position -= 1
        s -= 1
    long_form = before[before.rfind(" ", 0, position + 1) + 1:].strip(" ,;:")
    words = long_form.split()
    # ("Peer 2 Peer University (P2PU)": a figure is a word of the name too)
    if len(words) < 2 or not long_form[:1].isupper() or not all(w[:1].isupper() or w.isdigit() or w.islower() and len(w) <= 4
                                                                  for w in words):
        return None  # "…, the network (INN)": a phrase, no name; "Institute for Nonprofit News" passes
    return long_form
