"""Terms of a job: workplace type, employment type (full/part time) and contract type.

Each function reads free text (English or German) and returns one enum value of the posting schema
or None; the ``*_from_structured`` variants map schema.org ``employmentType`` values and the codes
of applicant-tracking systems.
"""

from __future__ import annotations

import re

from crawler.parsing.text import lines_containing, lowered_for_word_tests, may_match


# ------------------------------------------------------------------------------------ workplace

# "work from anywhere 4 weeks a year", "Workation", "remote work from abroad for up to 30 days":
# a perk on top of the real work mode; such sentences are dropped before looking for the mode.
_PERK_WORD = re.compile(r"\b(?:anywhere|abroad|ausland\w*|workation)\b", re.I)
_PERK_DURATION = re.compile(
    r"\b\d+\s*(?:weeks?|days?|wochen|tage?n?)\b|\bper\s+year\b|\bpro\s+jahr\b|\bim\s+jahr\b", re.I)
_SENTENCE_BREAK = re.compile(r"\n|(?<=[.!?])\s+")
_WORKPLACE_WORDS = ("remote", "hybrid", "home", "mobil", "office", "büro", "site", "vor ort", "vor-ort", "präsenz",
                    "anywhere", "überall", "ortsunabhängig", "tele", "person", "store", "premise")
_NEGATED = re.compile(r"\b(?:kein(?:e|en)?|no|not|nicht|ohne|without)\s+(?:\w+\s+){0,2}$", re.I)
# The mode stated as a label or as a part of a location/chip line: "Location: Cologne, hybrid",
# "Berlin (Remote)", "Workplace type: On-site", a line that is just "Hybrid".
_MODE_WORD = (r"(?P<mode>(?:100\s?%\s*|fully\s+|full\s+|komplett\s+)?remote(?:[-\s]first|[-\s]only)?|hybrid|"
              r"on[-\s]?site|vor[-\s]ort|in[-\s]office|office[-\s]based|präsenz|in[-\s]person)")
_MODE_WORD_PATTERN = re.compile(_MODE_WORD, re.I)
_ON_PREMISES = re.compile(r"\bon[-\s]?premises?\b", re.I)
# Work from home named in words that are no mode word of their own.
_HOME_WORK = re.compile(r"home\s?-?office|mobile[sn]?\s+arbeit|(?:von|zu)\s+hause|from\s+home", re.I)
_MODE_PART = re.compile(
    rf"(?:^|[,(|/•·]|\s[-–]\s|\s(?:oder|or|und|and)\s)\s*{_MODE_WORD}\s*(?=$|[,)|/•·:]|\s[-–]\s|\s\()", re.I | re.M)
# "from our office at Ostbahnhof or from home", "im Büro am Kulturbahnhof oder remote": either place.
_OFFICE_OR_HOME = re.compile(
    r"\b(?:office|büro)\b[^.\n]{0,60}?\b(?:or|oder)\s+(?:from\s+|von\s+)?(?:home|remote(?:ly)?|zu\s?hause|zuhause"
    r"|(?:im\s+)?home\s?-?office|mobil)\b"
    r"|\b(?:home|remote(?:ly)?|home\s?-?office|zu\s?hause)\b[^.\n]{0,30}?\b(?:or|oder)\s+(?:in\s+|im\s+|from\s+)?"
    r"(?:the\s+|our\s+|unserem\s+)?(?:office|büro)\b", re.I)
_MODE_LABEL = re.compile(
    r"^\W*(?:workplace(?:\s+type)?|work(?:ing)?\s+(?:mode|model|arrangement|location(?:\s+(?:type|assignment))?)|location\s+type|"
    r"remote(?:\s+(?:work|job))?|arbeitsmodell|arbeitsweise|arbeitsort|home\s?-?office|job\s+type|"
    r"art\s+der\s+anstellung|standort|location|where)\s*:\s*(?P<value>.+)$", re.I | re.M)
# A label that asks about remote work and its answer: a share ("Teilweise", "partly", "möglich") is hybrid.
_REMOTE_LABEL_ANSWER = re.compile(
    r"^\W*(?:(?P<remote>remote)(?:\s+(?:job|work|arbeit))?|home\s?-?office|mobiles\s+arbeiten)\s*:\s*"
    r"(?:(?P<share>teilweise|anteilig|partly|partially|partial|möglich|possible|nach\s+absprache|optional)"
    r"|(?P<yes>ja|yes|vollständig|komplett|fully)|nein|no)\b", re.I)
_FULL_REMOTE = re.compile(
    r"\b(?:100\s?%|fully|full|komplett|vollständig|ausschließlich|rein|completely|entirely)[\s-]+"
    r"(?:remote|im\s+home\s?-?office|home\s?-?office|from\s+home|mobil)"
    r"|\bremote[-\s](?:first|only)\b|\b(?:remote|work[-\s]from[-\s]home)\s+(?:position|role|job|stelle|opportunity)\b"
    r"|\b(?:this|the)\s+(?:position|role|job)\s+is\s+(?:fully\s+|100\s?%\s+)?remote\b"
    r"|\bremote\s+(?:with)?in\s+(?:germany|deutschland|europe|europa|the\s+eu|the\s+us)\b"
    r"|\b(?:work|arbeite[nt]?)\s+(?:from|von)\s+(?:anywhere|überall)\b"
    # "You can be based anywhere (in the world)", "This role can be located anywhere"
    r"|\b(?:be\s+)?(?:based|located)\s+anywhere\b"
    r"|\bremote\s*\((?:[^)]*)\)|\bortsunabhängig\b|\bdeutschlandweit\s+remote\b", re.I)
_OFFICE_DAYS = re.compile(
    r"\b(?P<count>[1-4]|one|two|three|four|ein(?:en)?|zwei|drei|vier)\s+(?:days?|tage?n?)\s+(?:per\s+week\s+|a\s+week\s+|"
    r"pro\s+woche\s+|die\s+woche\s+)?(?:(?:in|im|at|vor)\s+(?:the\s+|our\s+|unserem\s+|dem\s+)?(?:office|büro|ort)\b"
    r"|on[-\s]?site\b)", re.I)
_HYBRID = re.compile(
    r"\bhybrid(?:e[snmr]?)?\s+(?:work\w*|arbeit\w*|model\w*|set-?up|role|position|job|stelle|office|internship|co-op|"
    r"schedule|policy|approach|way of working|remote|working)"
    r"|\bhome[-\s]?office\b|\bmobile[sn]?\s+arbeit\w*|\bmobile\s+working\b|\bremote\s+work(?:ing)?\b"
    r"|\bwork(?:ing)?\s+(?:from|at)\s+home\b|\bremote[-\s](?:friendly|option\w*|möglich\w*|anteil\w*|arbeit\w*)"
    # "Möglichkeit, hybrid zu arbeiten", "Möglichkeit zur Remote- und Teilzeitarbeit" (a compound's head left out)
    r"|\bhybrid\s+zu\s+arbeiten\b|\bremote-\s+(?:und|oder|&)\s+\w*arbeit\w*"
    r"|\b(?:partially|partly|teilweise|anteilig)\s+remote\b|\bremote\s+(?:(?:partially|partly|teilweise|anteilig)\s+)?(?:possible|möglich)\b"
    r"|\b\d+\s*(?:days?|tage?n?)\s+(?:per\s+week\s+|a\s+week\s+|pro\s+woche\s+)?"
    r"(?:remote|home\s?-?office|from\s+home|mobil)"
    r"|\bfrom\s+the\s+office\s+or\s+(?:from\s+)?home\b|\bflexibel?\s+(?:zwischen|between)\s+\w+\s+(?:und|and)\s+\w+"
    r"|\b(?:flexibel|flexible|flexibly)\s+hybrid\b"
    r"|\bremote\s+or\s+(?:in|from)\s+(?:the|our)\s+office\b"
    r"|\bmobil\s+(?:zu\s+)?arbeit\w*|\btele-?(?:heim)?arbeit\b|\btelework\w*|\btelecommut\w*"
    r"|\b(?:remote|home[-\s]?office)[-\s]?(?:days?|tage?n?)\b|\bdays?\s+(?:at|from)\s+home\b"
    r"|\btage?n?\s+(?:im\s+)?home[-\s]?office\b", re.I)
_ONSITE = re.compile(
    r"\b(?:on[-\s]?site|in[-\s]office|(?:office|site)[-\s]based|in[-\s]store)\s+(?:role|position|job|work|internship)\b"
    r"|\b(?:position|role|job|internship|apprenticeship|post|vacancy|work)\s+is\s+(?:fully\s+|100\s?%\s+|entirely\s+)?"
    r"(?:on[-\s]?site|(?:office|site)[-\s]based|in[-\s]office|in[-\s]store|in[-\s]person)\b"
    r"|\bfully\s+(?:on[-\s]?site|(?:office|site)[-\s]based)\b"
    r"|\b100\s?%\s*(?:on[-\s]?site|vor\s+ort|im\s+büro|in\s+the\s+office)\b|\bpräsenzstelle\b"
    r"|\b(?:kein(?:e)?\s+(?:home\s?-?office|remote)|no\s+remote|not\s+remote|remote\s+work\s+is\s+not\s+possible)\b",
    re.I)
_MODE_VALUES = {"remote": "remote", "hybrid": "hybrid", "onsite": "onsite", "onpremise": "onsite",
                "onpremises": "onsite", "vorort": "onsite",
                "inoffice": "onsite", "officebased": "onsite", "präsenz": "onsite", "inperson": "onsite"}


def _mode_of(word: str) -> str:
    word = re.sub(r"[\s\-%\d]|fully|full|komplett|first|only", "", word.lower())
    return _MODE_VALUES.get(word, "remote" if word.startswith("remote") else "onsite")


def _not_negated(text: str, match: re.Match) -> bool:
    return not _NEGATED.search(text[max(0, match.start() - 30):match.start()])


def _combine_modes(modes: set[str]) -> str:
    """Several stated modes: a fully remote option makes the job remote unless on-site is also
    offered; any other mix is hybrid."""
    if len(modes) == 1:
        return next(iter(modes))
    if modes == {"remote", "hybrid"}:
        return "remote"
    return "hybrid"


def workplace_type(text: str) -> str | None:
    """Return ``onsite``, ``hybrid`` or ``remote`` for an ad, or None when it does not say.

    Precedence: (1) the mode stated as a label or location/chip part ("Location: Cologne, hybrid",
    "Remote (United States)", "Arbeitsmodell: vor Ort"); (2) full-remote phrases ("100% remote",
    "Remote-first", "fully remote") -> remote; in both, fixed office days ("4 days per week in the
    office") turn remote into hybrid; (3) hybrid phrases ("Home office possible", "Homeoffice möglich",
    "mobiles Arbeiten", "2 days remote", office days) -> hybrid; (4) explicit on-site statements
    ("on-site role", "100% vor Ort", "kein Homeoffice") -> onsite. Perks limited in time ("work from
    anywhere 4 weeks a year") are ignored.
    """
    text = lines_containing(text or "", _WORKPLACE_WORDS)
    if not text:
        return None
    if _PERK_WORD.search(text):
        text = "\n".join(sentence for sentence in _SENTENCE_BREAK.split(text)
                        if not (_PERK_WORD.search(sentence) and _PERK_DURATION.search(sentence)))
    stated = set()
    for match in _MODE_LABEL.finditer(text):
        modes = {_mode_of(m["mode"]) for m in _MODE_WORD_PATTERN.finditer(match["value"])}
        if not modes and (answer := _REMOTE_LABEL_ANSWER.match(match.group())):
            # "Remote Job: Teilweise", "Homeoffice: ja": the label asks, the value answers
            # ("Homeoffice: ja" offers some days at home, as "Homeoffice möglich" does)
            modes = {"hybrid" if answer["share"] or answer["yes"] and not answer["remote"]
                     else "remote" if answer["yes"] else "onsite"}
        if not modes and _ON_PREMISES.search(match["value"]):
            modes = {"onsite"}  # "Work Location Assignment: On Premise" (as a label's value only: software is on-premise too)
        if "onsite" in modes and _HOME_WORK.search(match["value"]):
            # "Arbeitsort: Homeoffice und gelegentlich vor Ort in Biel oder Bern": home and site both
            modes = {"hybrid"}
        stated.update(modes)
    stated.update(_mode_of(m["mode"]) for m in _MODE_PART.finditer(text) if _not_negated(text, m))
    office_days = _OFFICE_DAYS.search(text)
    if _OFFICE_OR_HOME.search(text) and "onsite" not in stated:
        return "hybrid"
    if stated:
        mode = _combine_modes(stated)
        # "Manchester (1 day per week on site)": some office days make a remote or on-site job hybrid
        return "hybrid" if office_days and mode in ("remote", "onsite") else mode
    if any(_not_negated(text, m) for m in _FULL_REMOTE.finditer(text)):
        return "hybrid" if office_days else "remote"
    if office_days or any(_not_negated(text, m) for m in _HYBRID.finditer(text)):
        return "hybrid"
    if _ONSITE.search(text):
        return "onsite"
    return None


# ----------------------------------------------------------------------------------- employment

_FULL_TIME = re.compile(r"\bfull[-\s]?time\b|\bvollzeit\w*|\bvoll-\s*(?:oder|und|/)\s*teilzeit", re.I)
# "Aufstockung auf Vollzeit möglich": full time as an option of a part-time job
_AS_OPTION = re.compile(
    r"^\W*(?:\w+\W+)?(?:(?:ist|is)\s+)?(?:also\s+|auch\s+)?(?:möglich|possible|denkbar|an option)", re.I)
_PART_TIME = re.compile(r"\bpart[-\s]?time\b|\bteilzeit(?:stelle|job|kraft|beschäftigung|tätigkeit|anstellung|arbeit|position)?\b|\bminijob\b|\bgeringfügig|\bhalbtag\w*", re.I)
# "Teilzeit möglich", "part-time possible": an option offered in a full-time ad
_PART_TIME_OPTION = re.compile(
    r"\b(?:auch\s+)?(?:in\s+)?teilzeit\w*\s+(?:ist\s+)?(?:auch\s+)?(?:möglich|denkbar)|\bpart[-\s]?time\s+(?:is\s+)?(?:also\s+)?"
    r"(?:possible|available|an option)|\b(?:also|auch)\s+(?:possible\s+)?(?:in|as)\s+(?:part[-\s]?time|teilzeit)",
    re.I)
_HOUR_WORDS = {"five": 5, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30,
               "thirty-five": 35, "forty": 40, "fünf": 5, "zehn": 10, "zwölf": 12, "fünfzehn": 15, "zwanzig": 20,
               "dreißig": 30, "vierzig": 40}
_WEEKLY_HOURS = re.compile(
    r"\b(?P<hours>\d{1,2}|" + "|".join(sorted(_HOUR_WORDS, key=len, reverse=True)) + r")(?:[.,]\d)?\s*(?:[-–]\s*\d{1,2}(?:[.,]\d)?\s*)?"
    r"(?:h|hours?|std\.?|stunden|wochenstunden)\s*(?:/|per|pro|a|in\s+der|die)?\s*(?:week|woche|wk)?\b", re.I)
_WEEK = re.compile(r"week|woche|wochenstunden|wk", re.I)
# The hours as a label's value: "Anticipated regular hours of work per week: 37.5", "Wochenarbeitszeit: 39"
_WEEKLY_HOURS_LABEL = re.compile(r"\b(?:hours\s+(?:of\s+work\s+)?per\s+week|wochenarbeitszeit)\s*:\s*(?P<hours>\d{1,2})(?:[.,]\d)?\b",
                                 re.I)
_FULL_TIME_HOURS = 35
# "30 hours of work per month", "40 Stunden monatlich": hours a month (full time is some 150 or more).
_MONTHLY_HOURS = re.compile(
    r"\b(?P<hours>\d{1,3})\s*(?:h|hours?|std\.?|stunden)\b(?:\s+(?:of\s+work|arbeit|arbeitszeit))?"
    r"\s*(?:/|per|pro|a|im|in\s+the)?\s*(?:month|monat|monatlich)\b", re.I)
_FULL_TIME_HOURS_A_MONTH = 140
_EMPLOYMENT_WORDS = ("time", "zeit", "minijob", "geringfügig", "stunden", "std", "hour", "h/", "h per", "h pro", "%",
                     "halbtag", "prozent", "fte")
# "0.8 FTE", "1.0 FTE": the post as a fraction of a full-time equivalent
_FTE = re.compile(r"(?<![\d.,])(?P<share>[01](?:[.,]\d{1,2})?)\s*fte\b", re.I)
# "Entgeltgruppe 13 TV-L, 65 %, befristet", "Pensum: 80 %", "Stellenumfang 50 %": a share of full time.
_WORKLOAD_PERCENT = re.compile(
    r"(?<![\d.,])(?:\d{2,3}\s?(?:%|prozent)?\s*(?:-|–|bis|to)\s*(?P<high>\d{2,3})|(?P<low>\d{2,3}))\s?(?:%|prozent\b)"
    r"(?=\s*(?:$|[,;.)]|der\b|des\b|einer\b|of\b|\(|-?\s*(?:stelle|pensum|teilzeit|vollzeit|beschäftig)))", re.I | re.M)
_WORKLOAD_CONTEXT = re.compile(
    r"\b(?:stellen?umfang|beschäftigungs(?:umfang|grad)|arbeits)?pensum\b|\bstellenumfang|\bbeschäftigungs(?:umfang|grad)"
    r"|\barbeitszeit|\btv-?l\b|\btvöd|\btv-?h\b|\bentgeltgruppe|\bbefristet|\bunbefristet|\bworkload\b|\bfte\b"
    r"|\bteilzeit|\bvollzeit|\bregelmäßigen|\bof\s+(?:a\s+)?full[-\s]time|\bemployment\s+level", re.I)


def employment_type(text: str) -> str | None:
    """Return ``full_time`` or ``part_time`` for an ad, or None.

    "Vollzeit oder Teilzeit", "Full-time or part-time" and "Teilzeit möglich" give ``full_time``: the
    position exists full-time and part-time is an option. Weekly hours decide when no word does
    ("20 Stunden/Woche" -> part_time, "40 hours per week" -> full_time), then a share of full time
    beside a pay grade, contract or workload word ("TV-L, 65 %" -> part_time, "Pensum: 100%" ->
    full_time, "80–100 %" -> None).
    """
    text = lines_containing(text or "", _EMPLOYMENT_WORDS)
    if not text:
        return None
    full_time = [m for m in _FULL_TIME.finditer(text) if not _AS_OPTION.match(text[m.end():m.end() + 30])]
    if full_time or (_FULL_TIME.search(text) and not _PART_TIME.search(text)):
        return "full_time"
    if _PART_TIME_OPTION.search(text):
        return "full_time"
    if _PART_TIME.search(text):
        return "part_time"
    for match in _WEEKLY_HOURS.finditer(text):
        if _WEEK.search(match.group()):
            hours = _HOUR_WORDS.get(match["hours"].lower()) or int(match["hours"])
            return "full_time" if hours >= _FULL_TIME_HOURS else "part_time"
    if labelled := _WEEKLY_HOURS_LABEL.search(text):
        return "full_time" if int(labelled["hours"]) >= _FULL_TIME_HOURS else "part_time"
    monthly = _MONTHLY_HOURS.search(text)
    if monthly:
        return "full_time" if int(monthly["hours"]) >= _FULL_TIME_HOURS_A_MONTH else "part_time"
    fte = _FTE.search(text)
    if fte and 0 < (share := float(fte["share"].replace(",", "."))) <= 1:
        return "full_time" if share == 1 else "part_time"
    return _employment_from_workload(text)


# "Mitarbeiterin Reinigung (35%)", "Geschäftsführer:in Landenhof 100%", "(100%)": a title line that
# ends in a share of full time (the Swiss "Pensum") needs no workload word beside it.
_TITLE_LINE_MAX_WORDS = 6
_TITLE_PERCENT_END = re.compile(r"%\s*\)?\s*$")
_CLOSES_CLAUSE = re.compile(r"\)\s*(?:[.,;:!]|$)", re.M)
_NOT_WORKLOAD = re.compile(r"rabatt|discount|\boff\b|bonus|provision|zuschuss|nachlass|sale|rate|umsatz|wachstum|growth"
                           r"|revenue|increase|steiger|anteil|quote", re.I)


def _is_title_workload(line: str) -> bool:
    stripped = line.strip()
    return (not stripped.startswith("- ") and stripped.count(" ") < _TITLE_LINE_MAX_WORDS
            and _TITLE_PERCENT_END.search(stripped) is not None and not _NOT_WORKLOAD.search(stripped))


# "80% Stelle", "60 %-Pensum", "50% position": the share names the post it measures.
_SHARE_OF_POST = re.compile(r"[\s-]*(?:stelle|pensum|anstellung|position|post|role|job)\b", re.I)


def _employment_from_workload(text: str) -> str | None:
    """A stated share of full time: 100 % -> full_time, less -> part_time; a range below 100 %
    ("40–60 %") -> part_time, a range reaching it ("80–100 %") -> None (the post is offered both ways).
    Shares that add up to a whole ("Product Owner (70%)" and "Customer Success (30%)") split the
    role's time between its parts and say nothing of the workload."""
    found = None
    shares = []
    for match in _WORKLOAD_PERCENT.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start:line_end if line_end != -1 else len(text)]
        # "suchen wir eine:n Office Manager:in (20 %)": a share in parentheses after the role.
        in_parentheses = (text[max(match.start() - 1, 0)] == "(" and _CLOSES_CLAUSE.match(text, match.end())
                          is not None and not _NOT_WORKLOAD.search(line))
        if (not _WORKLOAD_CONTEXT.search(line) and not _is_title_workload(line) and not in_parentheses
                and not (_SHARE_OF_POST.match(text, match.end()) and not _NOT_WORKLOAD.search(line))):
            continue
        if match["high"]:
            if found is None and not shares:
                return "part_time" if int(match["high"]) < 100 else None
            continue
        share = int(match["low"])
        shares.append(share)
        if found is None and 10 <= share <= 100:
            found = "part_time" if share < 100 else "full_time"
    distinct = set(shares)
    if len(distinct) >= 2 and (sum(distinct) == 100 or any(100 - share in distinct for share in distinct)):
        return None
    return found


def _structured_tokens(value: str | list[str] | None) -> list[str]:
    values = value if isinstance(value, (list, tuple)) else [value]
    tokens = []
    for item in values:
        if isinstance(item, str):
            tokens.extend(t.strip().lower() for t in re.split(r"[,;|]", item) if t.strip())
    return tokens


def employment_type_from_structured(value: str | list[str] | None) -> str | None:
    """Map schema.org ``employmentType`` values ("FULL_TIME", ["PART_TIME", "TEMPORARY"]) and ATS
    codes ("fulltime_permanent", "full-time", "Vollzeit") to ``full_time``/``part_time``."""
    found = set()
    for token in _structured_tokens(value):
        compact = re.sub(r"[\s_\-]", "", token)
        if compact.startswith(("fulltime", "vollzeit")) or compact == "full":
            found.add("full_time")
        elif compact.startswith(("parttime", "teilzeit", "minijob")) or compact == "part":
            found.add("part_time")
    if "full_time" in found:
        return "full_time"
    return "part_time" if found else None


# ------------------------------------------------------------------------------------- contract

# Words before "Ausbildung", "Praktikum", "Werkstudent"... that make it a past qualification or
# experience ("abgeschlossene Ausbildung", "Erfahrung aus einem Praktikum"), not the position.
_QUALIFICATION_CONTEXT = re.compile(
    r"abgeschlossen\w*|absolviert\w*|erfolgreich\w*|completed|finished|experience|erfahrung\w*|gesammelt\w*|"
    # "Sie besitzen die Ausbildung zum Betriebselektriker", "Sie verfügen über eine Ausbildung als …"
    r"besitz\w*|verfüg\w*|"
    r"gained|previous|prior", re.I)
_QUALIFICATION_WORD_BEFORE = re.compile(
    r"(?:erste[nr]?|first|einem|eines|einer|durch|aus|from|through|relevant\w*|berufs|kaufmännisch\w*|"
    r"technisch\w*|z\.\s?b\.|e\.g\.)[\s(]*$", re.I)
_WORKING_STUDENT = re.compile(
    r"\bwerkstudent(?:in|\*in|:in|/in)?\b|\bwerkstudierende[rn]?\b|\bworking[-\s]student\b|"
    r"\bstudentische[rn]?\s+(?:hilfskraft|aushilfe|mitarbeit\w*)|\bstudent\s+(?:assistant|job)\b", re.I)
_INTERNSHIP = re.compile(
    r"\b(?:pflicht|freiwillige[ns]?\s+|orientierungs)?praktikum\b|(?:\b|(?<=[a-zäöüß]))praktikant(?:in|\*in|:in)?\b|\bpraxissemester\b|"
    r"\binternship\b|\b(?:as\s+an?|an)\s+intern\b|(?-i:\bIntern\b)(?=\s*(?:\(|[-–|]|$))|(?-i:^Intern\b)|"
    # a university's cooperative-education term (US/Canada): "Job Type: Co-op", "a hybrid co-op", "co-op student"
    r"\bco-?op\s+(?:term|student|position|placement|role|main|work\s+term)\b|\b(?:an?|hybrid|remote|paid)\s+co-op\b"
    r"|(?:job\s+type|position\s+type)\s*:\s*co-?op\b|"
    r"\b(?:abschlussarbeit|bachelorarbeit|masterarbeit|master'?s?\s+thesis|bachelor'?s?\s+thesis)\b", re.I | re.M)
_APPRENTICESHIP = re.compile(
    r"\bausbildung\s+(?:zum|zur|als)\b|\bausbildungs(?:platz|stelle|beginn|start|vergütung|jahr)\w*|"
    r"\bbeginn\s+der\s+ausbildung\b|\bduale[sn]?\s+studium\b|\bduale[rn]?\s+student\w*|\bdual\s+study\b|"
    r"\bapprenticeship\b|\bapprentice\b|\blehrling(?!e\b)\w*|\blehrstelle\b|\blehrbeginn\b|\blehrjahr\w*|\blehre\s+(?:als|zum|zur)\b",
    re.I)
# "Auszubildende", "Azubi" name the position only in the title or header; further down they are
# often colleagues ("Betreuung unserer Auszubildenden").
_APPRENTICE_TITLE = re.compile(r"\bauszubildende[rn]?\b|\bazubis?\b", re.I)
_HEADER_CHARS = 300
# Words (lower case) without one of which the pattern above cannot match: cheap tests first.
_WORKING_STUDENT_WORDS = ("werkstud", "working", "student")
_INTERNSHIP_WORDS = ("praktik", "praxissemester", "intern", "arbeit", "thesis", "co-op", "coop")
_APPRENTICESHIP_WORDS = ("ausbildung", "dual", "apprentic", "lehr")
_APPRENTICE_TITLE_WORDS = ("auszubildend", "azubi")
# A line of the header this short is a title or a fact line ("Azubi (m/w/d) Kaufmann …"); a longer one
# names apprentices as the job's position only with a hiring verb ("Wir suchen eine/n Auszubildende/n …"),
# not as the people the employer serves ("ein Wohnheim für Studierende, Promovierende und Auszubildende").
_HEADER_TITLE_MAX_WORDS = 12
_HIRING_VERB = re.compile(r"\b(?:such\w*|gesucht|looking\s+for|hiring|seek\w*|einstell\w*|bewirb|bewerb\w*)\b", re.I)


def _apprentice_in_header(header: str) -> bool:
    if not may_match(lowered_for_word_tests(header), _APPRENTICE_TITLE_WORDS):
        return False
    for match in _APPRENTICE_TITLE.finditer(header):
        line_start = header.rfind("\n", 0, match.start()) + 1
        line_end = header.find("\n", match.end())
        line = header[line_start:line_end if line_end != -1 else len(header)]
        if line.count(" ") + 1 <= _HEADER_TITLE_MAX_WORDS or _HIRING_VERB.search(line):
            return True
    return False
_FREELANCE = re.compile(
    r"\bfreiberuflich\w*|\bfreelance\b|\bfreelancer\b(?!s)|\bfreie[rn]?\s+mitarbeit\w*|\bauf\s+honorarbasis\b|"
    r"\b(?:independent\s+)?contractor\b(?!s)|\bselbstständige\s+tätigkeit\b"
    # "Contract Developer", "looking to contract a visual designer", a day rate
    r"|\bcontract\s+(?:role|position|basis|assignment|developer|engineer|designer|consultant|programmer|work)\b"
    r"|\bto\s+contract\s+(?:a|an|with)\b|\b(?:daily|day)\s+(?:contract\s+)?rate\b|\btagessatz\b"
    # "freie Mentor*innen": a person hired free-lance; the trainer's tax-free allowance is paid to freelancers
    r"|\bfreie[rn]?\s+\w+(?:\*|:|/)innen\b|\bübungsleiterpauschale\b"
    r"|\b(?:outside|inside)\s+ir35\b",
    re.I)
# A count of months or years as ads write it: "3", "six (6)", "three".
_COUNT = r"(?:\d{1,2}|one|two|three|four|five|six|nine|twelve|eighteen)(?:\s*\(\d{1,2}\))?"
_FIXED_TERM = re.compile(
    r"(?<![^\W_]|-)befristet\w*|\bbefristung\b|\bfixed[-\s]term\b|"  # ("_Befristet_:": emphasis marks around it)
    r"\btemporary\s+(?:contract|position|role|job|employment)\b|"
    r"\b(?:eltern|mutterschutz|schwangerschafts|krankheits)(?:zeit)?vertretung\b|"
    r"\b(?:maternity|parental\s+leave)\s+cover\b|"
    r"\bzeitvertrag\b|\blimited\s+(?:to|for)\s+\d+\s+(?:months|years)\b|\b\d+[-\s](?:month|monthly)\s+contract\b|"
    # "contract: temporary (3+ years)" in a front matter
    r"\btemporary\s+\(\s*\d+\+?\s*(?:months?|years?)\s*\)|"
    # "a 2-year contract", "One-year (renewable for one year) contract", "a one year term appointment"
    r"\b(?:\d+|one|two|three|four|five|six|nine|twelve|eighteen)[-\s](?:year|month)s?\b(?:\s*\([^)]{0,40}\))?"
    r"\s+(?:term\s+)?(?:contract|appointment)\b|\bterm\s+appointment\b|"
    r"\bfor\s+a\s+(?:fixed\s+)?(?:period|term)\s+of\s+\d+\s+months\b|"
    # a contract's length as a label line: "Vertragslaufzeit: vorerst bis 31.12.2024", "Contract length: 12 months"
    r"\b(?:vertrags)?laufzeit\s*:\s*(?:(?:vorerst|zunächst|erstmal)\s+)?(?:bis\b|\d+\s+(?:monate|jahre)\b)|"
    r"\bcontract\s+(?:length|duration)\s*:\s*(?:until\b|\d+\s+(?:months|years)\b)|"
    # a stated length: "Duration: six (6) months", "for a duration of up to 3 years", "a contract … for initially
    # 3 years", "a 30-month postdoc project", "a 24-month position"
    rf"\bduration\s*:\s*{_COUNT}\s+(?:months?|years?)\b|"
    rf"\b(?:for|of)\s+a\s+(?:duration|period|term)\s+of\s+(?:up\s+to\s+)?{_COUNT}\s+(?:months?|years?)\b|"
    rf"\b(?:contract|position|employment|appointment|post)\b[^.\n]{{0,40}}?\bfor\s+(?:an?\s+)?(?:initial(?:ly)?\s+(?:period\s+of\s+)?)?"
    rf"{_COUNT}\s+(?:months?|years?)\b|"
    rf"\b\d{{1,2}}[-\s]month\s+(?:postdoc\w*|project|position|post|role|appointment|fellowship)\b", re.I)
_PERMANENT = re.compile(
    r"\bunbefristet\w*|\bfestanstellung\b|\bfeste\s+anstellung\b|\bfesteinstellung\b|\bfest\s+angestellt|"
    # lasting employment by word meaning: "sichere Daueranstellung", "Dauerstelle", Austrian "Fixanstellung",
    # "eine dauerhafte Anstellung"
    r"\b(?:dauer|fix)(?:anstellung|stelle|arbeitsplatz|arbeitsverhältnis|beschäftigung)\w*|\bfix\s+angestellt|"
    r"\bdauerhafte[nmrs]?\s+(?:anstellung|stelle|beschäftigung|arbeitsverhältnis)\b|"
    r"\bpermanent\s+(?:contract|position|role|job|employment|basis|staff|full[-\s]time)\b|"
    r"\bcontract(?:\s+type)?\s*:\s*permanent\b|\bopen[-\s]ended\s+(?:contract|employment)\w*|"
    r"[,|·/]\s*permanent\s*(?:$|[,|·/])|"
    r"\b(?:unlimited|indefinite)\s+(?:contract|employment)\b|^\W*permanent\W*$|\bpermanent\s*[,|]"
    # "Job type: Permanent", "Job Types: Full-time, Part-time, Permanent", "the role will then become permanent"
    r"|\b(?:job|contract(?:ual)?|employment|position)\s+(?:types?|status)\s*:[^\n]{0,40}?\bpermanent\b"
    r"|\b(?:will|would)\s+(?:then\s+)?become\s+permanent\b"
    # "This post is open ended.", "The position is permanent."
    r"|\b(?:post|position|role|job|contract|appointment)\s+is\s+(?:an?\s+)?(?:open[-\s]ended|permanent)\b", re.I | re.M)
_PERMANENT_OR_FREELANCE = re.compile(
    r"(?:festanstellung|permanent|festangestellt)\w*\s*(?:oder|or|/|bzw\.?)\s*(?:als\s+)?(?:freelance|freiberuflich)"
    r"|(?:freelance|freiberuflich)\w*\s*(?:oder|or|/|bzw\.?)\s*(?:in\s+)?(?:festanstellung|permanent)", re.I)
_CONTRACT_WORDS = (
    "werkstud", "student", "co-op", "praktik", "intern", "praxissemester", "lehr", "abschlussarbeit", "bachelorarbeit",
    "masterarbeit", "thesis", "ausbildung", "azubi", "auszubild", "duale", "dual study", "apprentic", "freiberuf",
    "freelanc", "freie mitarbeit", "freier mitarbeit", "honorar", "contract", "befrist", "fixed", "temporar",
    "vertretung", "maternity", "parental", "zeitvertrag", "laufzeit", "limited to", "limited for", "festanstell", "feste anstellung",
    "duration", "-month", " month",
    "festein", "fest ange", "daueranstell", "dauerstell", "dauerarbeit", "dauerbesch", "dauerhafte", "fixanstell",
    "fixstell", "fix ange", "permanent", "open-ended", "open ended", "unlimited", "indefinite", "unbestimmte", "selbstst", "ir35",
    "day rate", "daily rate", "contract rate", "tagessatz", "freie", "übungsleiter", "appointment")
# "Befristung: unbefristet", "Befristung: keine", "keine Befristung", "nicht befristet"
_NO_TIME_LIMIT = re.compile(
    r"\bbefristung\s*:?\s*(?:unbefristet|keine|nein)\b|\bkeine\s+befristung\b|\bnicht\s+befristet\b"
    # "eine Vollzeit-Position auf unbestimmte Zeit", "for an indefinite period": no end date
    r"|\bauf\s+unbestimmte\s+zeit\b|\bfor\s+an\s+(?:indefinite|unlimited)\s+(?:period|term|time)\b", re.I)
# Words (lower case) without one of which each pattern cannot match: cheap tests first.
_FREELANCE_WORDS = ("frei", "freelance", "honorar", "contract", "selbstst", "rate", "tagessatz", "bungsleiter", "ir35")
_FIXED_TERM_WORDS = ("befrist", "fixed", "temporary", "vertretung", "cover", "zeitvertrag", "limited", "contract",
                     "appointment", "period", "term", "laufzeit", "duration", "-month", " month")
_PERMANENT_WORDS = ("befrist", "fest", "dauer", "fix", "permanent", "open", "unlimited", "indefinite")
_PERMANENT_OR_FREELANCE_WORDS = ("freelance", "freiberuflich")
_NO_TIME_LIMIT_WORDS = ("befrist", "unbestimmte", "indefinite", "unlimited")
_UNLIMITED_VALUE = re.compile(r"\s*:?\s*(?:unbefristet|keine|nein|none|no\b)", re.I)
_NO_FIXED_TERM = re.compile(r"\b(?:kein\w*|no|not|nicht|statt|instead\s+of)\s+(?:\w+\s+)?$", re.I)


_ABBREVIATION = re.compile(r"\b(?:z\.\s?b|e\.\s?g|i\.\s?e|u\.\s?a|bzw|ca|inkl|bspw|etc)\.", re.I)
_CLAUSE_START = re.compile(r"[\n;:]|[.!?]\s")
_CLAUSE_REACH = 150
_SENTENCE_START = re.compile(r"\n|[.!?]\s")
# "Dipl.", "Dr.", "Ing.": short abbreviations in a qualification's name
_TITLE_ABBREVIATION = re.compile(r"\b(?:Dipl|Dr|Ing|Prof|Mag|staatl|gepr)\.", re.I)
_QUALIFICATION_VERB_AFTER = re.compile(
    r"\b(?:haben|hast|habt)\b[^.!?\n]*\b(?:abgeschlossen|absolviert|beendet|bestanden)\b"
    # "eine Ausbildung zum Fachinformatiker oder eine ähnliche Qualifikation können von Vorteil sein"
    r"|\b(?:von\s+vorteil|wünschenswert|erwünscht|vorausgesetzt|erforderlich|(?:ähnliche|vergleichbare)\s+qualifikation)\b",
    re.I)


def _position_matches(pattern: re.Pattern, text: str) -> int | None:
    """Offset of the first match that names the position rather than a past qualification."""
    for match in pattern.finditer(text):
        before = text[max(0, match.start() - 40):match.start()]
        # The sentence up to the match, abbreviations ("z. B.", "e.g.") not taken for its end.
        clause = _ABBREVIATION.sub(" ", text[max(0, match.start() - _CLAUSE_REACH):match.start()])
        sentence_before = _CLAUSE_START.split(clause)[-1]
        # German puts the verb last: "Die Ausbildung zur Pflegefachperson haben Sie erfolgreich abgeschlossen."
        clause_after = _TITLE_ABBREVIATION.sub(" ", _ABBREVIATION.sub(" ", text[match.end():match.end() + _CLAUSE_REACH]))
        sentence_after = _SENTENCE_START.split(clause_after)[0]
        if (not _QUALIFICATION_CONTEXT.search(sentence_before) and not _QUALIFICATION_WORD_BEFORE.search(before)
                and not _QUALIFICATION_VERB_AFTER.search(sentence_after) and not _ANOTHER_POSITION.search(sentence_before)):
            return match.start()
    return None


# A sentence that points to another of the employer's positions: "Noch am Anfang deiner Karriere? Sieh dir
# auch die Ausbildung zum Elektroniker an", "see also our apprenticeships".
_ANOTHER_POSITION = re.compile(r"\b(?:auch|also|other|andere[nrs]?|weitere[nrs]?)\b", re.I)


def contract_type(text: str) -> str | None:
    """Return the contract type of an ad or None.

    Working student, internship and apprenticeship describe the whole position, so the one named
    first wins over everything else ("Praktikum, befristet auf 6 Monate" -> internship); "abgeschlossene
    Ausbildung" or "experience from an internship" are qualifications, not the position. Then
    freelance, then fixed-term (a fixed-term contract "mit Option auf Übernahme" is still fixed-term),
    then permanent ("Open-ended contracts", "unbefristet", "Festanstellung").
    """
    header = (text or "")[:_HEADER_CHARS]
    text = lines_containing(text or "", _CONTRACT_WORDS)
    if not text:
        return None
    lowered = lowered_for_word_tests(text)
    positions = [(offset, kind) for kind, pattern, words in (
                     ("working_student", _WORKING_STUDENT, _WORKING_STUDENT_WORDS),
                     ("internship", _INTERNSHIP, _INTERNSHIP_WORDS),
                     ("apprenticeship", _APPRENTICESHIP, _APPRENTICESHIP_WORDS))
                 if may_match(lowered, words) and (offset := _position_matches(pattern, text)) is not None]
    if not positions and _apprentice_in_header(header):
        return "apprenticeship"
    if positions:
        return min(positions)[1]
    if may_match(lowered, _PERMANENT_OR_FREELANCE_WORDS) and _PERMANENT_OR_FREELANCE.search(text):
        return "permanent"
    if may_match(lowered, _FREELANCE_WORDS) and _FREELANCE.search(text):
        return "freelance"
    if may_match(lowered, _NO_TIME_LIMIT_WORDS) and _NO_TIME_LIMIT.search(text):
        return "permanent"
    for match in _FIXED_TERM.finditer(text) if may_match(lowered, _FIXED_TERM_WORDS) else ():
        if _NO_FIXED_TERM.search(text[max(0, match.start() - 25):match.start()]):
            continue
        if _UNLIMITED_VALUE.match(text, match.end()):
            continue  # "Befristung: unbefristet" / "Befristung: keine" is a label with its value
        return "fixed_term"
    if may_match(lowered, _PERMANENT_WORDS) and _PERMANENT.search(text):
        return "permanent"
    return None


def contract_kinds_named(text: str) -> set[str]:
    """Every kind of contract a text names. A text that names two speaks of contracts in general
    (an agency's "vermitteln … in befristete Festanstellung … sowie in unbefristete Festanstellung"),
    not of the one the job offers."""
    text = lines_containing(text or "", _CONTRACT_WORDS)
    lowered = lowered_for_word_tests(text)
    kinds = {kind for kind, pattern, words in (("freelance", _FREELANCE, _FREELANCE_WORDS),
                                               ("fixed_term", _FIXED_TERM, _FIXED_TERM_WORDS),
                                               ("permanent", _PERMANENT, _PERMANENT_WORDS),
                                               ("permanent", _NO_TIME_LIMIT, _NO_TIME_LIMIT_WORDS))
             if may_match(lowered, words) and pattern.search(text)}
    if reading := contract_type(text):
        kinds.add(reading)
    return kinds


_STRUCTURED_CONTRACT = (
    (re.compile(r"working_?student|werkstudent|student"), "working_student"),
    (re.compile(r"intern|praktik|thesis"), "internship"),
    (re.compile(r"trainee|apprentice|ausbildung|azubi|dual"), "apprenticeship"),
    (re.compile(r"freelance|contractor|freiberuf|selbst"), "freelance"),
    (re.compile(r"fixed_?term|temporary|befristet(?<!unbefristet)|seasonal|interim"), "fixed_term"),
    (re.compile(r"permanent|unbefristet|festanstellung|regular"), "permanent"),
)


def contract_type_from_structured(value: str | list[str] | None) -> str | None:
    """Map schema.org ``employmentType`` (INTERN, CONTRACTOR, TEMPORARY) and ATS codes (Recruitee
    ``fulltime_permanent``/``parttime_fixed_term``, Personio ``permanent``/``intern``/``trainee``/
    ``freelance``/``working_student``) to a contract type; FULL_TIME/PART_TIME say nothing about it."""
    found = set()
    for token in _structured_tokens(value):
        compact = re.sub(r"[\s\-]", "_", token)
        for pattern, kind in _STRUCTURED_CONTRACT:
            if pattern.search(compact):
                found.add(kind)
                break
    for _, kind in _STRUCTURED_CONTRACT:
        if kind in found:
            return kind
    return None
