"""Dates in job ads: posting date, application deadline and start date, in English and German.

Every function is pure: relative phrases ("vor 2 Tagen", "1 week ago") are resolved against the
``now`` the caller passes (a posting's ``crawled_at``), never against the clock.

Choices:
- Numeric dates are read day-first ("05.11.2026" is 5 November), as German and British ads write.
- An ISO datetime keeps the calendar date written in its own offset: "2026-10-05T23:30:00-05:00"
  is 5 October, the day the employer published it, although it is already 6 October in UTC.
- "1 month ago" is ``now`` minus one calendar month (22 Nov -> 22 Oct; 31 Mar -> 28/29 Feb);
  "a year ago" is minus twelve months. "30+ days ago" is ``now`` minus 30 days.
- A month and year without a day ("January 2027", "01/2027") is the first of that month.
- A day and month without a year ("18.11.", "15. Januar") is the latest such day up to ``now``
  for a posting date and the next one from ``now`` on for a deadline or start date.
- Years outside 1990..now.year + 5 give None.
- Common forms are read with precompiled regexes; dateparser is only a fallback for short phrases
  that carry a month name or a relative word ("letzte Woche"), so bare numbers (salaries, phone
  numbers, postal codes, version strings) never reach it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2,
    "märz": 3, "maerz": 3, "march": 3, "mär": 3, "mrz": 3, "mar": 3, "april": 4, "apr": 4,
    "mai": 5, "may": 5, "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "october": 10,
    "okt": 10, "oct": 10, "november": 11, "nov": 11, "dezember": 12, "december": 12, "dez": 12,
    "dec": 12,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "ein": 1, "eine": 1, "einem": 1, "einer": 1, "eins": 1,
    "two": 2, "zwei": 2, "three": 3, "drei": 3, "four": 4, "vier": 4, "five": 5, "fünf": 5,
    "six": 6, "sechs": 6, "seven": 7, "sieben": 7, "eight": 8, "acht": 8, "nine": 9, "neun": 9,
    "ten": 10, "zehn": 10, "eleven": 11, "elf": 11, "twelve": 12, "zwölf": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_COUNT = r"\d{1,3}|(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b"
# One-letter units ("5h", "2w") only right after a figure, so "vor einem Tag" is not "vor eine m".
_UNIT = (r"sekunden?|seconds?|minuten?|minutes?|mins?|stunden?|hours?|std|hrs?|tag(?:en|e)?|days?"
         r"|wochen?|weeks?|wks?|monate?n?|months?|mths?|jahr(?:en|e)?|years?|yrs?"
         r"|(?<=\d)mo|(?<=\d)[mhdwy]")
_NOT_NUMBER_AFTER = r"(?![\d.,/:-]?\d)"

_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                     r"\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?" + _NOT_NUMBER_AFTER, re.I)
_YMD_SLASH_RE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})" + _NOT_NUMBER_AFTER)
_DMY_RE = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})" + _NOT_NUMBER_AFTER)
_DAY_MONTH_YEAR_RE = re.compile(
    rf"(\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?({_MONTH})\.?,?\s+(\d{{4}})(?!\d)", re.I)
_MONTH_DAY_YEAR_RE = re.compile(
    rf"({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?[ \t]?,?\s+(\d{{4}})(?!\d)", re.I)  # ("May 2nd , 2025")
_MONTH_YEAR_RE = re.compile(rf"({_MONTH})\.?,?\s+(\d{{4}})(?!\d)", re.I)
_DAY_MONTH_RE = re.compile(
    rf"(\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?({_MONTH})\b\.?(?!\s*\d)", re.I)
_MONTH_DAY_RE = re.compile(
    rf"({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*[.,]?\s*\d)", re.I)
_NUMERIC_DAY_MONTH_RE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(?![\d.])")
_NUMERIC_MONTH_YEAR_RE = re.compile(r"(\d{1,2})[./](\d{4})" + _NOT_NUMBER_AFTER)
# "Neu"/"New" only as the whole phrase: "New York" is not a date.
_TODAY_RE = re.compile(r"(?:(?:posted\s+|published\s+)?today|heute|just\s+(?:posted|now|added)"
                       r"|gerade\s+eben|soeben)(?![\w-])|(?:neu|new)!?\s*$", re.I)
_YESTERDAY_RE = re.compile(r"(?:yesterday|gestern)(?!\w)", re.I)
_DAY_BEFORE_YESTERDAY_RE = re.compile(r"(?:vorgestern|the\s+day\s+before\s+yesterday)(?!\w)",
                                      re.I)
_MORE_THAN = r"(?:more\s+than\s+|over\s+|mehr\s+als\s+|über\s+)?"
_AGO_RE = re.compile(rf"{_MORE_THAN}({_COUNT})\+?\s*({_UNIT})\.?\s+ago(?!\w)", re.I)
# "seit 3 Tagen (online)" says the same as "vor 3 Tagen".
_VOR_RE = re.compile(rf"(?:vor|seit)\s+{_MORE_THAN}({_COUNT})\+?\s*({_UNIT})(?![\w])\.?", re.I)
# A label's "seit" stays with its value when a duration follows ("Online seit 3 Tagen").
_SEIT = rf"seit(?!\s+{_MORE_THAN}(?:{_COUNT})\+?\s*(?:{_UNIT})(?!\w))"

# Labels of a publication date; each starts with one of POSTED_LABEL_STEMS (see find_date_posted).
POSTED_LABELS = (r"date\s+posted|posted\s+date|posting\s+date|date\s+published|publication\s+date"
                 r"|published|posted|reposted|listed|veröffentlichungsdatum"
                 r"|datum\s+der\s+veröffentlichung|veröffentlicht|erschienen"
                 rf"|online(?=\s+seit)(?:\s+{_SEIT})?|eingestellt|inseriert|ausgeschrieben"
                 r"|erstellt\s+am|(?:stellen)?(?:anzeige|angebot)\s+vom|publiziert"
                 # A bare "Datum:"/"Date:" is the ad's date, unless a word before says otherwise.
                 r"|(?<!start\s)(?<!start-)(?<!starting\s)(?<!closing\s)(?<!end\s)(?<!due\s)"
                 r"(?<!expiry\s)(?<!expiration\s)(?<!target\s)(?:datum|date)(?=\s*:)")
POSTED_LABEL_STEMS = ("date", "datum", "post", "repost", "publi", "listed", "veröffentl",
                      "erschien", "online", "eingestellt", "inseriert", "ausgeschrieben",
                      "erstellt", "stellenan", "anzeige", "angebot")
_LABEL_TAIL = rf"(?:\s+(?:am|on|at|{_SEIT}|vom|since))?\s*[:\-–]?\s*"
_LABEL_PREFIX_RE = re.compile(rf"^\s*(?:{POSTED_LABELS}|datum|date)(?!\w){_LABEL_TAIL}"
                              rf"|^\s*(?:am|on|{_SEIT}|vom|since)\s+", re.I)
_WEEKDAY_PREFIX_RE = re.compile(
    r"^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mon|tue|wed|thu|fri|sat|sun"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)[a-z]*\.?,?\s+(?:(?:den|the)\s+)?",
    re.I)
# Words that make a dateparser attempt worthwhile; anything else is numbers or noise.
_MONTH_WORD_RE = re.compile(rf"\b(?:{_MONTH})\b", re.I)
_FALLBACK_WORDS_RE = re.compile(
    rf"\b(?:{_MONTH}|letzte[nrm]?|last|this|diese[rnm]?|vor|ago|vorige[nrm]?|previous)\b", re.I)


def _year(raw: str) -> int:
    year = int(raw)
    return year + 2000 if year < 100 else year


def _make_date(year: int, month: int, day: int, now: datetime) -> date | None:
    if not 1990 <= year <= now.year + 5:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _minus_months(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    for candidate_day in range(day.day, 27, -1):
        try:
            return date(year, month + 1, candidate_day)
        except ValueError:
            continue
    return date(year, month + 1, min(day.day, 28))


def _unit_kind(unit: str) -> str:
    unit = unit.lower()
    if unit.startswith("st") or unit[0] == "h":
        return "hour"
    if unit.startswith(("mo", "mth")):
        return "month"
    if unit[0] in "ms":
        return "minute"
    return {"d": "day", "t": "day", "w": "week", "y": "year", "j": "year"}[unit[0]]


def _relative(count: str, unit: str, now: datetime) -> date:
    number = NUMBER_WORDS.get(count.lower()) or int(count)
    kind = _unit_kind(unit)
    if kind == "minute":
        return (now - timedelta(minutes=number)).date()
    if kind == "hour":
        return (now - timedelta(hours=number)).date()
    if kind in ("month", "year"):
        return _minus_months(now.date(), number * (12 if kind == "year" else 1))
    return now.date() - timedelta(days=number * (7 if kind == "week" else 1))


def _without_year(month: int, day: int, now: datetime, upcoming: bool) -> date | None:
    """A day and month without a year: the latest such date up to ``now``, or with ``upcoming``
    (deadlines, start dates) the first one from ``now`` on."""
    today = now.date()
    for year in ((today.year, today.year + 1) if upcoming else (today.year, today.year - 1)):
        candidate = _make_date(year, month, day, now)
        if candidate and (candidate >= today if upcoming else candidate <= today):
            return candidate
    return None


def _absolute_at_start(text: str, now: datetime, upcoming: bool = False
                       ) -> tuple[date | None, int]:
    """The absolute date that ``text`` starts with, and where it ends (0 when none)."""
    if match := _ISO_RE.match(text) or _YMD_SLASH_RE.match(text):
        return _make_date(int(match[1]), int(match[2]), int(match[3]), now), match.end()
    if match := _DMY_RE.match(text):
        return _make_date(_year(match[4]), int(match[3]), int(match[1]), now), match.end()
    if match := _DAY_MONTH_YEAR_RE.match(text):
        return _make_date(int(match[3]), MONTHS[match[2].lower()], int(match[1]), now), match.end()
    if match := _MONTH_DAY_YEAR_RE.match(text):
        return _make_date(int(match[3]), MONTHS[match[1].lower()], int(match[2]), now), match.end()
    if match := _MONTH_YEAR_RE.match(text):
        return _make_date(int(match[2]), MONTHS[match[1].lower()], 1, now), match.end()
    if (match := _NUMERIC_MONTH_YEAR_RE.match(text)) and 1 <= int(match[1]) <= 12:
        return _make_date(int(match[2]), int(match[1]), 1, now), match.end()
    if match := _DAY_MONTH_RE.match(text):
        return _without_year(MONTHS[match[2].lower()], int(match[1]), now, upcoming), match.end()
    if match := _MONTH_DAY_RE.match(text):
        return _without_year(MONTHS[match[1].lower()], int(match[2]), now, upcoming), match.end()
    if match := _NUMERIC_DAY_MONTH_RE.match(text):
        return _without_year(int(match[2]), int(match[1]), now, upcoming), match.end()
    return None, 0


def _relative_at_start(text: str, now: datetime) -> tuple[date | None, int]:
    """The relative date ("vor 2 Tagen", "yesterday") that ``text`` starts with, and its end."""
    if match := _AGO_RE.match(text) or _VOR_RE.match(text):
        return _relative(match[1], match[2], now), match.end()
    if match := _DAY_BEFORE_YESTERDAY_RE.match(text):
        return now.date() - timedelta(days=2), match.end()
    if match := _YESTERDAY_RE.match(text):
        return now.date() - timedelta(days=1), match.end()
    if match := _TODAY_RE.match(text):
        return now.date(), match.end()
    return None, 0


def _strip_label(text: str) -> tuple[str, int]:
    """``text`` without a leading date label or weekday, and how many characters were cut."""
    stripped = text.lstrip()
    if match := _LABEL_PREFIX_RE.match(stripped):
        stripped = stripped[match.end():]
    if match := _WEEKDAY_PREFIX_RE.match(stripped):
        stripped = stripped[match.end():]
    return stripped, len(text) - len(stripped)


def _dateparser_fallback(text: str, now: datetime, upcoming: bool) -> date | None:
    words_re = _MONTH_WORD_RE if upcoming else _FALLBACK_WORDS_RE
    if len(text) > 40 or not words_re.search(text) or re.search(r"[€$£%]", text):
        return None
    import dateparser  # imported lazily: loading its language data costs ~0.2 s

    relative_base = now.replace(tzinfo=None) if now.tzinfo else now
    parsed = dateparser.parse(text, languages=["de", "en"], settings={
        "DATE_ORDER": "DMY", "RELATIVE_BASE": relative_base,
        "PREFER_DATES_FROM": "future" if upcoming else "past",
        "PREFER_DAY_OF_MONTH": "first"})
    if parsed is None or not 1990 <= parsed.year <= now.year + 5:
        return None
    return parsed.date()


def _parse_with_end(text: str, now: datetime, upcoming: bool = False
                    ) -> tuple[date | None, int]:
    """The date at the start of ``text`` (after any label) and where its phrase ends in ``text``."""
    value, offset = _strip_label(text)
    parsed, end = _absolute_at_start(value, now, upcoming)
    if not end and not upcoming:
        parsed, end = _relative_at_start(value, now)
    if end:
        return parsed, offset + end if parsed else 0
    first_line = value.split("\n", 1)[0]
    candidate = first_line.strip(" .,;:()[]")
    parsed = _dateparser_fallback(candidate, now, upcoming) if candidate else None
    if not parsed:
        return None, 0
    return parsed, offset + first_line.index(candidate) + len(candidate)


def parse_date(text: str, now: datetime) -> date | None:
    """The date that ``text`` states, absolute or relative to ``now``, or None.

    ``text`` is one date expression, optionally behind a label ("Published:", "Veröffentlicht am",
    "Online seit", "Datum:"); trailing words are ignored ("3 days ago · 40 applicants").
    """
    if not text:
        return None
    return _parse_with_end(text, now)[0]


# The whole-text searches below run on lowered text without re.I. Publication labels are found
# with str.find on POSTED_LABEL_STEMS and then matched in place, three times faster than
# scanning a whole ad with the regex.
_POSTED_LABEL_RE = re.compile(rf"(?<!\w)(?:{POSTED_LABELS})(?!\w){_LABEL_TAIL}")
_RELATIVE_LINE_RE = re.compile(
    rf"(?:posted\s+|reposted\s+|published\s+)?(?:{_AGO_RE.pattern}|{_VOR_RE.pattern}"
    r"|yesterday|gestern|vorgestern|today|heute|just\s+posted)"
    r"(?:\s+(?:veröffentlicht|eingestellt|erschienen|online|posted|published))?", re.I)
_SEGMENT_SPLIT_RE = re.compile(r"\s+[·•|–]\s+|\s+-\s+|\t")
_SEGMENT_EDGES = " .,;()[]\r-–—•*·>▪◦●○▸➤→#"  # punctuation and bullet markers
# Inside a header line only "N units ago" and "vor N Tagen" count: "heute" or "seit 25 Jahren"
# inside a sentence are not posting dates.
_RELATIVE_IN_LINE_RE = re.compile(
    rf"(?<!\w)(?:{_MORE_THAN}({_COUNT})\+?\s*({_UNIT})\.?\s+ago"
    rf"|vor\s+{_MORE_THAN}({_COUNT})\+?\s*({_UNIT}))(?!\w)", re.I)
# "Employer active 3 days ago", "Aktualisiert vor 2 Tagen" date something else than the posting.
_NOT_POSTED_BEFORE_RE = re.compile(
    r"(?:active|aktiv|updated|aktualisiert|viewed|reviewed|responded|geantwortet)\W*$", re.I)
HEADER_MAX_LINES = 20
HEADER_PARAGRAPH_CHARS = 150
VALUE_WINDOW = 100  # characters after a label that can hold its date


def _lowered(text: str) -> str:
    """``text`` in lower case with every index unchanged (a few letters grow when lowered)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower()[:1] for char in text)


def _stem_positions(lowered: str, stems: tuple[str, ...]) -> list[int]:
    """Every offset in ``lowered`` where one of ``stems`` starts, in order."""
    positions = []
    for stem in stems:
        index = lowered.find(stem)
        while index != -1:
            positions.append(index)
            index = lowered.find(stem, index + 1)
    return sorted(positions)


def _header_relative_date(text: str, now: datetime) -> tuple[date, str] | None:
    """A relative date in the header: a line or ·-separated segment that is only a relative date
    ("- vor 4 Tagen", "Essen · heute"), or an "N units ago" / "vor N Tagen" phrase inside a
    short line ("Hamburg, Germany 1 day ago 38 applicants")."""
    for line_number, line in enumerate(text.split("\n")):
        if line_number >= HEADER_MAX_LINES or len(line) > HEADER_PARAGRAPH_CHARS:
            return None
        for segment in _SEGMENT_SPLIT_RE.split(line):
            segment = segment.strip(_SEGMENT_EDGES)
            if segment and _RELATIVE_LINE_RE.fullmatch(segment):
                parsed, _ = _parse_with_end(segment, now)
                if parsed:
                    return parsed, " ".join(segment.split())
        match = _RELATIVE_IN_LINE_RE.search(line)
        if match and not _NOT_POSTED_BEFORE_RE.search(line, 0, match.start()):
            # The phrase as the stored description writes it: one space between words ("0  days ago").
            return _relative(match[1] or match[3], match[2] or match[4], now), " ".join(match[0].split())
    return None


def find_date_posted(text: str, now: datetime) -> tuple[date | None, str | None]:
    """The posting date of a whole ad text and the phrase it was read from, or (None, None).

    A date behind a publication label anywhere ("Published: 1 week ago", "Erschienen: gestern",
    "Veröffentlicht am 09.10.2026", "Datum: 2026-11-19") wins; otherwise a relative date in the
    header, the short lines before the first paragraph ("vor 2 Tagen", "Essen · 3 days ago").
    Relative dates further down belong to similar-jobs lists, and start dates, deadlines and
    unlabelled absolute dates are never taken.
    """
    if not text:
        return None, None
    lowered = _lowered(text)
    for position in _stem_positions(lowered, POSTED_LABEL_STEMS):
        match = _POSTED_LABEL_RE.match(lowered, position)
        if not match:
            continue
        parsed, end = _parse_with_end(text[match.end():match.end() + VALUE_WINDOW], now)
        if parsed:
            return parsed, " ".join(text[match.start():match.end() + end].split())
    if found := _header_relative_date(text, now):
        return found
    return None, None


_DEADLINE_RE = re.compile(
    r"(?<!\w)(?:(?:ende\s+der\s+|ablauf\s+der\s+)?bewerbungsfrist"
    r"|bewerbungsschluss|bewerbungsende|einsendeschluss|ausschreibungsfrist|gültig\s+bis"
    r"|ausschreibung\s+(?:endet|läuft\s+bis)|(?:application|submission)\s+deadline"
    r"|(?:deadline|closing\s+date)(?:\s+for\s+(?:the\s+)?applications?|\s+to\s+apply)?"
    r"|applications?\s+(?:close|closes|closing|due|deadline|accepted\s+until)|expiry\s+date"
    r"|expiration\s+date|expires(?:\s+on)?|valid\s+(?:through|until|till)|frist"
    # "We will stop accepting applications on July 14, 2021", "accepting applications through …"
    r"|(?:stop|cease)\s+accepting\s+applications|accepting\s+applications\s+(?:until|through|till)"
    r"|(?:bewerb|bewirb|apply|application|submit)[^\n.!?:]{0,60}?"
    r"\b(?:bis|spätestens|until|by|before)"
    # "Closes: 28 February 2020" — only as a label: in running text "closes" says other things.
    r"|clos(?:es|ing)(?=\s*:))"
    r"(?!\w)(?:\s*[:\-–]\s*|\s+)"
    # "Die Bewerbungsfrist ist bereits am Sonntag, den 17.11.2024"
    r"(?:(?:bis|zum|am|spätestens|einschl\.|einschließlich|inkl\.|on|by|before|until|is|ist|the|der"
    r"|den|dem|bereits|schon|already|nun|now|endet|ends|läuft|runs)(?:\s+|$))*"
    # the hour before the day: "is 12:00 Noon Central Time on Friday, May 2nd", "bis 12 Uhr am 3. März"
    r"(?:(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|uhr|h)?|noon|midnight|mitternacht)"
    r"(?:\s+(?:noon|midnight|mittags?))?(?:\s+\(?[a-z]+(?:\s+[a-z]+)?\s+time\)?|\s+\(?[a-z]{2,4}\)?)?\s+(?:on|am)\s+)?")
_START_RE = re.compile(
    r"(?<!\w)(?:start(?:ing)?[\s-]*date|start\s+of\s+(?:employment|work)"
    r"|starting(?:\s+(?:on|from|in))?|[a-zäöü]*(?:start|beginn)(?:termin|datum)?|stellenantritt"
    r"|eintrittstermin|eintrittsdatum|eintritt|einstiegstermin|einstieg|available\s+from"
    r"|verfügbar\s+ab|(?:besetzung|einstellung)\s+(?:ab|zum)|as\s+(?:of|from))"
    r"(?!\w)(?:\s*[:\-–]\s*|\s+)"
    # "Arbeitsbeginn ist der 01.04.2019", "The start date will be 1 May 2027"
    r"(?:(?:ab|zum|am|on|from|in|the|den|dem|frühestens|ist|is|der|will|be|voraussichtlich)(?:\s+|$))*")
# "ab 01.01.2027" / "zum 1. März 2027" / Swiss "per 1. August 2024" in a sentence; "bis zum" and
# "befristet zum" are end dates.
_INLINE_START_RE = re.compile(rf"(?<!\w)(?=[azp])(?:ab|zum|per)\s+(?:dem\s+)?(?=\d|(?:{_MONTH})\b)")
# The first date of a range is a start: "Saison vom 01.04.2027 bis 31.10.2027", "runs from
# June 7, 2027 to August 13, 2027".
_RANGE_START_RE = re.compile(r"(?<!\w)(?:vom|von|from)\s+(?:dem\s+|the\s+)?")
_RANGE_JOIN_RE = re.compile(
    r"\s*(?:bis(?:\s+(?:zum|einschließlich))?|to|until|till|through|[-–])\s*")
# Words before a date or range that make it an application period, not the job's start.
_APPLICATION_PERIOD_BEFORE_RE = re.compile(r"bewerb|bewirb|apply|application|ausschreibung")
_END_DATE_BEFORE_RE = re.compile(r"(?:bis|befristet|frist\w*|spätestens)\s*$")
# A date after "bis (zum)" / "by" / "no later than" is a deadline when its sentence is about applying,
# however long the words between ("Bitte richten Sie eine kurze Bewerbung (bestehend aus …) bis zum
# 01.02.2019 per E-Mail an …"); a contract end ("bis zum 30.09.2019 befristet") is not.
_DEADLINE_PREPOSITION_RE = re.compile(
    r"(?<!\w)(?:bis|spätestens|until|by|before|no\s+later\s+than)"
    r"(?:\s+(?:zum|zur|einschl\.|einschließlich|inkl\.|spätestens|am|den|dem|the))*\s+"
    # the hour of the day named first: "No later than close of business 11th January 2012", "by 5pm on"
    r"(?:(?:close\s+of\s+business|end\s+of\s+(?:the\s+)?day|midnight|noon|\d{1,2}(?::\d\d)?\s*(?:am|pm|uhr))"
    r"(?:\s+(?:on|am))?,?\s+)?"
    # A date written month first ("by May 13, 2022") is found by its year: its value starts at the month.
    rf"(?:(?P<month_first>(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+)"
    # … and day first with its ordinal ("11th January 2012"), found by its year too
    rf"|(?P<day_first>\d{{1,2}}(?:st|nd|rd|th)\s+(?:of\s+)?(?:{_MONTH})\.?,?\s+))?$")
# Applying, or sending what an application is made of ("Send resume … by May 13, 2022").
_APPLYING_RE = re.compile(r"bewerb|bewirb|apply|applica|einsend|zusend|resume|résumé|\bcv\b|lebenslauf|unterlagen")
_SENTENCE_END_RE = re.compile(r"[.!?]\s+(?=[A-ZÄÖÜ])|\n")
SENTENCE_REACH = 300  # characters before a deadline preposition searched for its sentence's start


# Every absolute date has one of these digit shapes ("09.10.", "01/2027", a year, "9. Okt");
# starting with a digit lets the regex engine skip ahead quickly. The first lookbehind keeps
# "45307" from counting as a year.
_DATE_TOKEN_RE = re.compile(
    r"\d(?<!\d\d)(?:\d?[./-]\d{1,2}[./-]|\d?[./]\d{4}(?!\d)|\d{3}(?!\d)"
    r"|\d?\.?\s*(?:of\s+)?(?:jan|feb|mär|mrz|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec))")
LABEL_REACH = 120  # characters before a date in which its label must stand
STALE_DAYS = 90


def _labelled_date_before_tokens(label_re: re.Pattern[str], lowered: str, tokens: list[int],
                                 now: datetime, kind: str = "label") -> date | None:
    """The first date behind a ``label_re`` label, searching only just before the date-like
    tokens that start at offsets ``tokens``. ``kind`` "inline" skips "bis zum"/"befristet zum"
    end dates; "range" takes only a date that a second date follows ("vom X bis Y")."""
    searched_to = 0
    for token_start in tokens:
        window_start = max(searched_to, token_start - LABEL_REACH)
        for match in label_re.finditer(lowered, window_start, token_start + 1):
            before = lowered[max(0, match.start() - 30):match.start()]
            if kind == "inline" and _END_DATE_BEFORE_RE.search(before):
                continue
            if kind == "range" and _APPLICATION_PERIOD_BEFORE_RE.search(before):
                continue
            value = lowered[match.end():match.end() + VALUE_WINDOW]
            parsed, end = _parse_with_end(value, now, upcoming=True)
            if parsed and kind == "range" and not _range_continues(value[end:], now):
                continue
            # A date well in the past in running text is history ("from January 2020"), not a start.
            if parsed and kind != "label" and parsed < now.date() - timedelta(days=STALE_DAYS):
                continue
            if parsed:
                return parsed
        searched_to = max(searched_to, token_start)
    return None


def _range_continues(rest: str, now: datetime) -> bool:
    join = _RANGE_JOIN_RE.match(rest)
    return bool(join and _parse_with_end(rest[join.end():], now, upcoming=True)[0])


def _date_tokens(lowered: str) -> list[int]:
    return [token.start() for token in _DATE_TOKEN_RE.finditer(lowered)]


def _deadline_in_applying_sentence(text: str, lowered: str, tokens: list[int],
                                   now: datetime) -> date | None:
    """The first date after a deadline preposition ("bis zum", "by") in a sentence that speaks of
    applying, however far the application word stands from the preposition."""
    for token_start in tokens:
        preposition = _DEADLINE_PREPOSITION_RE.search(lowered, max(0, token_start - 60), token_start)
        if not preposition:
            continue
        if preposition["month_first"] or preposition["day_first"]:
            token_start = preposition.start("month_first" if preposition["month_first"] else "day_first")
        reach = max(0, preposition.start() - SENTENCE_REACH)
        sentence_start = reach
        for end in _SENTENCE_END_RE.finditer(text, reach, preposition.start()):
            sentence_start = end.end()
        # "No later than …" on a line of its own under "Please send completed application form to:": a
        # preposition that only ever names a deadline may take its applying words from the lines just above
        strong = preposition.group().startswith(("no later than", "spätestens"))
        if not _APPLYING_RE.search(lowered, reach if strong else sentence_start, preposition.start()):
            continue
        value = lowered[token_start:token_start + VALUE_WINDOW]
        parsed, end = _parse_with_end(value, now, upcoming=True)
        if parsed and "befrist" not in value[end:end + 40]:
            return parsed
    return None


def find_valid_through(text: str, now: datetime) -> date | None:
    """The application deadline a whole ad text states ("Bewerbungsfrist: 31.12.2026",
    "Apply by 15 December 2026", "Application deadline: ..."), or None.

    Only dates written with digits count ("15.01.", "15. Januar 2027", "December 15, 2026");
    "Apply by December 15" without a year is not read.
    """
    lowered = _lowered(text)
    tokens = _date_tokens(lowered)
    return (_labelled_date_before_tokens(_DEADLINE_RE, lowered, tokens, now)
            or _deadline_in_applying_sentence(text, lowered, tokens, now))


def find_start_date(text: str, now: datetime) -> date | None:
    """The start date a whole ad text states ("Start: 01.01.2027", "Eintrittstermin: 1. Februar
    2027", "Ausbildungsbeginn: 01.08.2027", "Starting date: January 2027" -> 2027-01-01,
    "ab 01.04.2027", the first date of "vom 01.04.2027 bis 31.10.2027"), or None.

    "ab sofort", "asap" and "nach Vereinbarung" give None: they state no date.
    """
    lowered = _lowered(text)
    tokens = _date_tokens(lowered)
    if not tokens:
        return None
    return (_labelled_date_before_tokens(_START_RE, lowered, tokens, now)
            or _labelled_date_before_tokens(_INLINE_START_RE, lowered, tokens, now, "inline")
            or _labelled_date_before_tokens(_RANGE_START_RE, lowered, tokens, now, "range"))
