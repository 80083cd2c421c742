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
from crawler.parsing.provenance import TEXT, record_conflict

__all__ = ["legal_name_in_text", "maker_in_text", "refine_company"]

_LEGAL_FORM = (r"GmbH(?:[ \t]*&[ \t]*Co\.?[ \t]*KG)?|gGmbH|AG|SE|KG|KGaA|OHG|e\.[ \t]?V\.|UG(?:[ \t]*\(haftungsbeschränkt\))?"
               r"|Ltd\.?|Limited|LLC|LLP|Inc\.?|plc|B\.V\.|N\.V\.|A/S|ApS|AB|Oy|S\.A\.|S\.r\.l\.|s\.r\.o\.")
_MAX_EXTRA_WORDS = 3


def legal_name_in_text(name: str, text: str) -> str | None:
    """The legal entity the ad names for a brand stated without a legal form: "SinnerSchrader" ->
    "SinnerSchrader Deutschland GmbH" when the text says so (one to three more capitalised words,
    then the legal form); None otherwise. The same name with only a legal form added ("Partners
    Capital" / "Partners Capital LLP") is the same entity: the stated name stands."""
    name = (name or "").strip()
    if not name or _LEGAL_FORM_AT_END.search(name):
        return None
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}((?:[ \t]+[A-ZÄÖÜ][\w&.-]*){{1,{_MAX_EXTRA_WORDS}}}?)"
                         rf"[ \t]+(?:{_LEGAL_FORM})(?![\w])")
    match = pattern.search(text or "")
    if not match:
        return None
    legal = match.group().strip()
    return legal if looks_like_company(legal) else None


_MAKES = r"(?:build|builds|develop|develops|make|makes|maintain|maintains|create|creates|publish|publishes)"


def maker_in_text(stated: str, text: str) -> str | None:
    """The organisation the ad says makes the product or project a source states as employer:
    "Collabora Productivity build Collabora Online" -> "Collabora Productivity" for "Collabora
    Online"; "Canonical's design system" -> "Canonical" for "Canonical design system"."""
    stated = " ".join((stated or "").split())
    if not stated or not text:
        return None
    maker = re.search(rf"(?P<maker>[A-ZÄÖÜ][\w&.-]*(?:[ \t]+[A-ZÄÖÜ][\w&.-]*){{0,3}})[ \t]+{_MAKES}[ \t]+"
                      rf"{re.escape(stated)}\b", text)
    if maker and maker["maker"] != stated and not _NOT_AN_EMPLOYER.match(maker["maker"]):
        return maker["maker"]
    words = stated.split()
    if len(words) >= 2:
        owner = re.search(rf"(?<![\w-])(?P<owner>{re.escape(words[0])})['’]s[ \t]+{re.escape(' '.join(words[1:]))}\b",
                          text, re.IGNORECASE)
        if owner and owner["owner"][0].isupper():
            return owner["owner"]
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
