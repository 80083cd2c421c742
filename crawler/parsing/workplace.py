"""Where the work happens, from statements the general reader in :mod:`crawler.parsing.terms` leaves
open: the office a sentence ties the job to, a share of remote work, a place field that is only "remote".

- **At the office**: "This position will require work from our office at 253 Broadway",
  "working from our office in Ottawa", "a position based in our San Francisco office … remote work is
  not an option" -> ``onsite``, unless the ad also offers remote or home working.
- **A share of remote work**: "Einsatzart: 80 % Remote", "Meist Remote, Teamtreffen in Münster",
  onboarding at the site then remote, a fact line "Hybrid, Ahmedabad" -> ``hybrid`` (some of the
  work is elsewhere).
- **A place field that is only a mode**: a front matter's ``location: remote`` -> ``remote``.
"""

from __future__ import annotations

import re

from crawler.parsing.text import lowered_for_word_tests, may_match

__all__ = ["office_bound", "remote_share", "workplace_from_place_field"]

# Sentences that rule remote work out: "remote work is not an option", "no longer working remotely",
# "kein Homeoffice möglich".
_REMOTE_RULED_OUT = re.compile(
    r"\b(?:remote(?:\s+work(?:ing)?)?|home\s?-?office|working\s+from\s+home|telework\w*)\s+(?:is|are)\s+not\s+"
    r"(?:an?\s+)?(?:option|possible|available|offered)"
    r"|\bno\s+longer\s+(?:working\s+)?remote(?:ly)?\b|\bnot\s+(?:a\s+)?remote\b"
    # "Arbeiten im Homeoffice ist leider nicht möglich"
    r"|\b(?:home\s?-?office|remote|mobile[sn]?\s+arbeiten)\w*\s+(?:ist|sind)\s+(?:\w+\s+)?nicht\s+möglich"
    r"|\bkein(?:e|en)?\s+(?:home\s?-?office|remote|mobiles?\s+arbeiten)", re.IGNORECASE)
# Any offer of work away from the office; when one stands in the ad the job is not tied to it.
_AWAY_FROM_OFFICE = re.compile(
    r"\b(?:remote\w*|hybrid\w*|home\s?-?office|from\s+home|telework\w*|telecommut\w*|mobile[snr]?\s+arbeit\w*|"
    r"mobil\s+arbeit\w*|anywhere|flexible\s+location|ortsunabhängig)", re.IGNORECASE)
# The job tied to the employer's office: "will require work from our office", "working from our office
# in Ottawa", "expected to work from new office location in Stockholm", "position based in our San
# Francisco office", "an in-person position".
_AT_THE_OFFICE = re.compile(
    r"\b(?:require[sd]?|expected|must|need|needs)\s+(?:to\s+)?work(?:ing)?\s+(?:from|in|at)\s+(?:our|the|new|an?)\s+"
    r"(?:[\w-]+\s+){0,2}?office\b"
    r"|\bwork(?:ing)?\s+(?:from|in|at)\s+(?:our|the)\s+office\s+(?:in|at)\s+(?-i:[A-ZÄÖÜ])"
    r"|\b(?:position|role|job)\s+(?:is\s+)?based\s+(?:in|at)\s+(?:our|the)\s+(?:[\w.-]+\s+){0,3}?(?:office|headquarters)\b"
    r"|\bin[-\s]person\s+(?:position|role|job)\b"
    # "You will work on site at our plant", "Die Tätigkeit erfolgt vor Ort", "in Präsenz"
    r"|\b(?:work|arbeit\w*|tätigkeit)\s+(?:\w+\s+){0,2}?(?:on[-\s]?site|vor\s+ort|in\s+präsenz)\b"
    r"|\bin\s+the\s+office\s+(?:five|5|every)\s+days?\b"
    # "Ability to work 5 days in-person in our NYC office", "fully in-person"
    r"|\b(?:five|5)\s+days\s+(?:a\s+week\s+)?in[-\s]person\b|\b(?:fully|full-time|entirely)\s+in[-\s]person\b",
    re.IGNORECASE)
# "80 % Remote" (a freelance board's field, the figure and the sign may be split over lines),
# "meist remote", "mostly remote": part of the work is at a site.
_REMOTE_SHARE = re.compile(
    r"(?<![\d.,])(?P<share>\d{1,2})\s*%\s*(?:remote|home\s?-?office|mobil\w*)\b"
    r"|\b(?:meist(?:ens)?|überwiegend|größtenteils|mostly|largely|mainly|primarily|partly|teilweise)\s+"
    r"(?:remote|im\s+home\s?-?office|from\s+home)\b"
    # "Vor Ort im Office (Remote teilweise möglich)": the share after the mode
    r"|\b(?:remote|home\s?-?office)\s+(?:work\s+)?(?:partly|partially|teilweise)\s+(?:possible|möglich)\b", re.IGNORECASE)
# "2 days/week in the office", "3 Tage pro Woche vor Ort", "2x Woche in Frankfurt": some days at the
# site, the rest elsewhere.
_OFFICE_DAYS = re.compile(
    r"\b(?P<days>[1-4])\s*(?:x\s*(?:pro\s+|per\s+|a\s+|/\s*)?|days?\s*(?:/|per|a|each)\s*|tage?\s*(?:/|pro|die|in\s+der)\s*)"
    r"(?:week|woche)\s+(?:in\s+(?:the|our)\s+office|on[-\s]?site|vor\s+ort|im\s+büro|in\s+(?-i:[A-ZÄÖÜ]))",
    re.IGNORECASE)
# Onboarding at the site, remote work after it: "Die Einarbeitung findet bei uns in Berlin statt. Wenn
# alles gut klappt, kannst Du von Remote arbeiten."; "Onboarding happens in our Leeds office, then remote".
_ONSITE_THEN_REMOTE = re.compile(
    r"\b(?:einarbeitung|onboarding)\b[^.!?\n]{0,80}?\b(?:in|im|at|vor\s+ort|on[-\s]?site)\b[^\n]{0,160}?"
    r"\b(?:remote|home\s?-?office|from\s+home|mobil\w*\s+arbeit\w*)", re.IGNORECASE)
# Presence at the site now and then: "you must be willing to commute to Cologne on a weekly basis": the
# rest of the work happens elsewhere.
_PERIODIC_COMMUTE = re.compile(
    r"\b(?:commute|commuting)\s+(?:to|into)\s+(?:the\s+|our\s+)?[\w-]+"
    r"\s+(?:on\s+a\s+)?(?:weekly|monthly|fortnightly|biweekly)(?:\s+basis)?\b", re.IGNORECASE)
# "Hybrid, Ahmedabad", "Hybrid – Berlin", "Hybrid (Munich)": a fact line that gives the mode, then the place.
_MODE_BEFORE_PLACE = re.compile(r"^[ \t]*(?:[-*•][ \t]*)?hybrid[ \t]*(?:,|[-–—|/(])[ \t]*(?-i:[A-ZÄÖÜ])[\w.-]*"
                                r"(?:[ \t]+[\w.-]+){0,3}\)?[ \t]*$", re.IGNORECASE | re.MULTILINE)
# Words (lower case) without one of which each pattern above cannot match: cheap tests first.
_REMOTE_RULED_OUT_WORDS = ("remote", "home", "telework", "mobile")
_AWAY_FROM_OFFICE_WORDS = ("remote", "hybrid", "home", "telework", "telecommut", "mobil", "anywhere", "flexible",
                           "ortsunabh")
_AT_THE_OFFICE_WORDS = ("office", "headquarters", "person", "site", "ort", "präsenz")
_REMOTE_SHARE_WORDS = ("%", "meist", "überwiegend", "größtenteils", "mostly", "largely", "mainly", "primarily",
                       "partly", "partially", "teilweise")
# Words one of the two patterns above needs: a cheap test before reading sentences.
_OFFICE_WORDS = ("office", "vor ort", "site", "präsenz", "person", "remote", "home", "mobil", "tele")
# A place field that names no place but the mode: "remote", "Anywhere", "Worldwide", or the mode and a note
# about it in lower case ("Remote, preference for working hours that overlap …"); "Remote, Australia" names
# a place too, which the header reader weighs.
_MODE_ONLY = re.compile(
    r"^\W*(?i:(?:100\s?%\s*|fully\s+|full\s+)?(?:remote(?:[-\s](?:first|only))?|anywhere(?:\s+in\s+the\s+world)?"
    r"|world-?wide))(?:\W*$|(?:[ \t]*[,;:]|[ \t]+[–—-])[ \t]*[a-z])")


def _sentence_start(text: str, position: int) -> int:
    return max(text.rfind(mark, 0, position) for mark in ".!?\n") + 1


def office_bound(text: str) -> str | None:
    """``onsite`` when a sentence ties the job to the employer's office or rules remote work out,
    and nothing in the ad offers work away from the office (a sentence ruling remote work out is
    no such offer); else None."""
    lowered = (text or "").lower()
    if not text or not any(word in lowered for word in _OFFICE_WORDS):
        return None
    tested = lowered_for_word_tests(text)
    ruled_out = ({_sentence_start(text, match.start()) for match in _REMOTE_RULED_OUT.finditer(text)}
                 if may_match(tested, _REMOTE_RULED_OUT_WORDS) else set())
    if not ruled_out and (not may_match(tested, _AT_THE_OFFICE_WORDS) or _AT_THE_OFFICE.search(text) is None):
        return None
    if may_match(tested, _AWAY_FROM_OFFICE_WORDS) and any(
            _sentence_start(text, away.start()) not in ruled_out for away in _AWAY_FROM_OFFICE.finditer(text)):
        return None
    return "onsite"


def remote_share(text: str) -> str | None:
    """``hybrid`` when the ad states that only part of the work is remote ("80 % Remote",
    "Meist Remote, Teamtreffen in Münster"); else None."""
    lowered = (text or "").lower()
    if ("week" in lowered or "woche" in lowered) and _OFFICE_DAYS.search(text):
        return "hybrid"
    if "hybrid" in lowered and _MODE_BEFORE_PLACE.search(text):
        return "hybrid"
    if ("einarbeitung" in lowered or "onboarding" in lowered) and _ONSITE_THEN_REMOTE.search(text):
        return "hybrid"
    if "commut" in lowered and _PERIODIC_COMMUTE.search(text):
        return "hybrid"
    if "remote" not in lowered and "home" not in lowered and "mobil" not in lowered:
        return None
    for match in _REMOTE_SHARE.finditer(text) if may_match(lowered_for_word_tests(text), _REMOTE_SHARE_WORDS) else ():
        if match["share"] is None or 0 < int(match["share"]) < 100:
            return "hybrid"
    return None


# A place field that ends with the work's mode, in brackets or after a separator: "Brisbane QLD(Hybrid)",
# "London - Hybrid", "Köln, remote".
_MODE_AFTER_PLACE = re.compile(r"(?:\(|[ \t]*[,/–—-][ \t]*)(?P<mode>(?i:hybrid|remote|on-?site))\)?[ \t]*$")
_MODE_WORDS = {"hybrid": "hybrid", "remote": "remote", "onsite": "onsite", "on-site": "onsite"}


def workplace_from_place_field(place: str | None) -> str | None:
    """``remote`` when a place field holds only that word ("location: remote"), or the mode a place
    field ends with ("Brisbane QLD(Hybrid)"); else None."""
    if not place:
        return None
    if _MODE_ONLY.match(place):
        return "remote"
    after = _MODE_AFTER_PLACE.search(place)
    return _MODE_WORDS[after["mode"].lower()] if after and after.start() > 0 else None
