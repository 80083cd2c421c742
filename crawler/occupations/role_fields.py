"""A title naming only a role, and the field it works in given apart: in brackets or after a dash.

"Senior Technical Officer (Environmental Health)", "Technical Officer - Environmental Health",
"Engineer (Civil)": the part outside the bracket, or before the dash, is a role ESCO's labels hold in
every field ("technical officer", "engineer"); the bracket or the next part names the field
("environmental health", "civil"). Normalising drops brackets and the search reads parts one at a
time, so the role alone was searched (a stage technician, engineering professionals n.e.c.). Read
together, field first as English labels write it ("environmental health technical officer", the
environmental health inspector 3257; "civil engineer").
"""

from __future__ import annotations

import re

from crawler.occupations.index import RANK_WORDS, EscoIndex, tokens

# Words that qualify a role without naming a field.
ROLE_QUALIFIERS = frozenset({
    "technical", "senior", "junior", "project", "assistant", "deputy", "principal", "lead", "general",
    "administrative", "admin", "trainee", "graduate",
})
# Notes boards put in brackets: shifts and terms of work, not fields.
_NOTES = frozenset({"nights", "night", "days", "weekends", "weekend", "temporary", "temp", "permanent",
                    "maternity", "cover", "locum", "bank", "relief", "seasonal"})
_BRACKET = re.compile(r"\(([^()]{3,60})\)")


def names_role_only(index: EscoIndex, part: str) -> bool:
    """True for a normalised title part made of role nouns and qualifiers only, one role noun at
    least ("technical officer", "engineer", "senior project officer"). A rank ("Supervisor - Pest
    Control") is read with the work a later part names elsewhere (classify._names_rank_only)."""
    words = part.split()
    if not words or set(words) & RANK_WORDS or any(word not in ROLE_QUALIFIERS and not set(tokens(word)) <= index.role_words
                        for word in words):
        return False
    return any(set(tokens(word)) and set(tokens(word)) <= index.role_words for word in words)


def names_field_only(index: EscoIndex, text: str) -> bool:
    """True for words that all occur in ESCO's labels and hold no role noun ("environmental health",
    "civil", "finance"); a place or a note ("London", "Nights", "co-op") is no field."""
    stems = tokens(text)
    return bool(stems) and all(stem in index.idf for stem in stems) and not set(stems) & index.role_words


def bracketed_field(index: EscoIndex, title: str) -> str | None:
    """The field a bracket of the title names, lower case, or None."""
    for bracket in _BRACKET.findall(title):
        field = bracket.strip().lower()
        words = set(field.split())
        if (re.fullmatch(r"[a-z][a-z &-]*", field) and not words & (ROLE_QUALIFIERS | _NOTES)
                and names_field_only(index, field)):
            return field
    return None


def role_with_field(role: str, field: str, german: bool) -> str:
    """The role and its field as one title part, in the order the labels' language writes them."""
    return f"{role} {field}" if german else f"{field} {role}"
