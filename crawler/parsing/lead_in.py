"""A hiring sentence that leads into the title: "Die Muster GmbH sucht für ihr Projekt X einen"
over "Infra-as-Code Architekt (d/w/m)". Its subject is the employer; the lines it spans are
neither title nor header facts."""

from __future__ import annotations

import re

__all__ = ["is_lead_in", "lead_in_employer", "lead_in_lines"]

# "Die Muster GmbH sucht für ihr Projekt X einen" / "For its project X, the Acme Foundation is
# looking for a" above the title: a hiring sentence whose object is the title on the next line.
_LEAD_IN_VERB_RE = re.compile(r"\b(?:sucht|suchen|is\s+looking\s+for|are\s+looking\s+for|is\s+seeking|seeks"
                              r"|is\s+hiring)\b", re.IGNORECASE)
_LEAD_IN_END_RE = re.compile(r"\s(?:einen|eine|ein|eine[:/*_]n|an?)\s*$", re.IGNORECASE)
_LEAD_IN_MAX_LINES = 6
_LEAD_IN_MAX_NAME_WORDS = 12
_ARTICLE_RE = re.compile(r"^(?:der|die|das|the)\s+", re.IGNORECASE)
_TRAILING_ABBREVIATION_RE = re.compile(r"\s*\([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}\)$")
_PRONOUN_RE = re.compile(r"^(?:wir|we|ich|i|unser\w*|our)\b", re.IGNORECASE)
# German puts the verb second: "Zur Unterstützung unseres Teams suchen wir …" fronts an adverbial
# phrase and names the subject right after the verb; a phrase opening with a preposition
# ("Zur …", "Für unser Projekt …", "For our team …") is never the subject.
_PRONOUN_AFTER_VERB_RE = re.compile(r"^\s*(?:wir|ich|we|i)\b", re.IGNORECASE)
_PRONOUN_BEFORE_VERB_RE = re.compile(r"(?:^|\s)(?:wir|we|ich|i)$", re.IGNORECASE)
_PREPOSITION_RE = re.compile(
    r"^(?:zur|zum|für|fuer|ab|seit|mit|in|im|an|am|auf|bei|beim|nach|von|vom|aus|durch|wegen|zwecks|unter"
    r"|for|to|in|at|with|from|as|since|within|after)\s", re.IGNORECASE)


def is_lead_in(sentence: str) -> bool:
    """True when ``sentence`` hires ("sucht", "is looking for") and ends in the article of the
    title that follows it ("einen", "eine:n", "a")."""
    return bool(_LEAD_IN_END_RE.search(sentence) and _LEAD_IN_VERB_RE.search(sentence))


def lead_in_employer(sentence: str) -> str | None:
    """The employer a hiring sentence leading into the title names as its subject ("Die Open
    Source Business Alliance e.V. (OSB Alliance) sucht für ihr Projekt einen" -> "Open Source
    Business Alliance e.V."; "…, sucht die Muster GmbH eine:n" with the verb first); None when
    the subject is "wir"/"we" or no name."""
    verb = _LEAD_IN_VERB_RE.search(sentence)
    if not verb:
        return None
    before = sentence[:verb.start()].strip()
    if _PRONOUN_AFTER_VERB_RE.match(sentence[verb.end():]) or _PRONOUN_BEFORE_VERB_RE.search(before):
        return None  # "Zur Unterstützung unseres Teams suchen wir einen": "wir" is the subject
    if before and not before.endswith(","):
        subject = before.rsplit(", ", 1)[-1]  # "For its project, the Acme Foundation is looking for a"
    else:  # "Für sein Projekt, …, sucht die Muster GmbH eine:n": the subject follows the verb
        subject = _LEAD_IN_END_RE.sub("", sentence[verb.end():])
    subject = _TRAILING_ABBREVIATION_RE.sub("", _ARTICLE_RE.sub("", subject.strip())).strip(" ,")
    if (not subject or not subject[0].isupper() or _PRONOUN_RE.match(subject) or _PREPOSITION_RE.match(subject)
            or len(subject.split()) > _LEAD_IN_MAX_NAME_WORDS):
        return None
    return subject


def lead_in_lines(lines: list[str]) -> tuple[int, int]:
    """``(start, end)`` of the header lines that form a hiring sentence leading into the title
    (the shortest run that still names its subject; a label above it, "Stellenausschreibung",
    stays out); ``(0, 0)`` when there is none."""
    for end in range(1, min(len(lines), _LEAD_IN_MAX_LINES) + 1):
        if is_lead_in(" ".join(lines[:end])):
            named = [begin for begin in range(end) if is_lead_in(" ".join(lines[begin:end]))
                     and lead_in_employer(" ".join(lines[begin:end]))]
            return (max(named) if named else 0), end
    return 0, 0
