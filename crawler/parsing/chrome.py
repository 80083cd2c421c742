"""Board chrome in job-ad text: buttons, widgets, navigation, similar-jobs lists, footers.

Chrome is recognised by what a line says, never by where it stands, so sentences of the ad are
kept whatever their position; blocks (similar jobs, a map widget, Indeed's questionnaires) go
with the lines that belong to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from crawler.parsing.bullets import pictograph_prefix
from crawler.parsing.repair import join_lines

__all__ = ["is_chrome_line", "strip_chrome"]


# Whole lines (lower-cased, edge symbols stripped) that boards put around ads:
# StepStone, Indeed, LinkedIn, XING, Glassdoor, Monster, company career sites.
_CHROME_LINES = frozenset("""
easy apply|apply|apply now|apply here|apply for this job|apply for this position|apply to this job
apply on company site|apply on company website|apply on employer site|quick apply|1-click apply
one-click apply|continue to apply|i'm interested|i am interested|not interested|save|save job
save this job|saved|unsave|share|share job|share this job|share this position|copy link
show salary|show salary range|view salary|curious about the salary for this job?|like this job?
your feedback will help us to improve your job search.|was this job helpful?|open map|show map
view map|view on map|get directions|report job|report this job|report this listing|report this ad
flag this job|back|back to search|back to search results|back to results|back to jobs
back to job search|back to overview|back to all jobs|view all jobs|see all jobs|all jobs|next job
previous job|show more|show less|see more|see less|read more|read less|…more|...more
show full description|full job description|skip to main content|skip to content|menu|close
sign in|log in|login|sign up|join now|register|cookie settings|manage cookies|accept|accept all
accept all cookies|reject all|decline|got it|privacy policy|terms of use|terms of service
terms and conditions|terms & conditions|imprint|legal notice|sitemap|print|facebook|twitter|x
linkedin|xing|whatsapp|instagram|pinterest|be an early applicant|actively recruiting|promoted
urgently hiring|hiring multiple candidates|responsive employer|profile insights|hiring insights
job activity|pulled from the full job description|let employers find you|upload your resume
thumbs up|thumbs down|jetzt bewerben|bewerben|jetzt direkt bewerben|direkt bewerben
schnellbewerbung|jetzt schnell bewerben|online bewerben|jetzt online bewerben|zur bewerbung
bewerbung starten|merken|job merken|stelle merken|gemerkt|speichern|gespeichert|ich bin interessiert
nicht interessiert|teilen|job teilen|stelle teilen|diesen job teilen|link kopieren|gehalt anzeigen
gehalt ansehen|neugierig auf das gehalt für diesen job?|gefällt dir dieser job?
gefällt ihnen dieser job?|dein feedback hilft uns, deine jobsuche zu verbessern.
ihr feedback hilft uns, ihre jobsuche zu verbessern.|karte öffnen|karte anzeigen
auf karte anzeigen|route planen|route berechnen|anzeige melden|job melden|stellenanzeige melden
zurück|zurück zur suche|zurück zu den suchergebnissen|zurück zur übersicht|zur übersicht
zurück zur jobliste|alle jobs|alle jobs anzeigen|alle stellenangebote|nächster job|vorheriger job
mehr anzeigen|weniger anzeigen|mehr lesen|weiterlesen|zum inhalt springen|zum hauptinhalt springen
menü|schließen|anmelden|einloggen|registrieren|cookie-einstellungen|cookies verwalten|akzeptieren
alle akzeptieren|alle cookies akzeptieren|ablehnen|alle ablehnen|nur notwendige cookies
impressum|datenschutzerklärung|agb|nutzungsbedingungen|barrierefreiheit|drucken|seite drucken
zum unternehmensprofil|unternehmensprofil ansehen|arbeitgeberprofil ansehen
einfach bewerben|schnell bewerben|mit einem klick bewerben|per e-mail versenden|per mail versenden
zum merkzettel hinzufügen|auf den merkzettel|projekt merken|job speichern|stelle speichern
stellenangebot teilen|stellenanzeige teilen|melden|email me jobs like this|email similar jobs
set alert for similar jobs|set alert|my network|my jobs|messaging|notifications|find jobs
company reviews|salary guide|find salaries|browse companies|hiring lab|post a job|employers
for employers|upload your cv|upload your resume|upload cv|create profile|ist dieser job interessant für sie?
ist dieser job interessant für dich?|weitere jobs dieses arbeitgebers anzeigen|ähnliche projekte anzeigen
alle jobs dieses arbeitgebers|more jobs from this employer|view company profile|follow|folgen
apply with linkedin|apply with indeed|apply with xing|mit xing bewerben|mit linkedin bewerben
stepstone|indeed|glassdoor|monster|kununu|jobs.ch|karriere.at|stellenanzeigen.de|jobware
welcome to the jungle|get in it|arbeitsagentur|bundesagentur für arbeit|jobbörse|home|startseite|jobs|me
jobsuche|stellensuche|stellenangebote|jobs finden|job finden|find a job|find a company|find jobs
lohnrechner|gehaltsrechner|gehaltsvergleich|gehälter|salaries|companies|community|media|ratgeber
karriere-ratgeber|karriereberatung|arbeitgeber finden|arbeitgeber bewerten|unternehmen bewerten
für arbeitgeber|für unternehmen|for business|employers / post job|post job|shortlist|short list
add to shortlist|projekte|freelancer|see who you know|sign in to create job alert|read our privacy policy
* required|required|stellenangebot melden|stelle melden|inserat melden|job alert erstellen|apply online
start your application|start application|start applying|projekt teilen|career advice|browse jobs|karrieretipps
karriere-tipps|salary tools|gehaltscheck|job teilen|teilen per e-mail|jobs entdecken|unternehmen entdecken
""".strip().replace("\n", "|").split("|"))
_CHROME_PATTERN = re.compile(
    r"(?:[\w'-]+ ){0,3}icon"
    r"|(?:(?:min|max)(?:imum|\.)?|von|bis|from|to|ab|[€$£]|[-–\s])*[€$£](?:(?:min|max)(?:imum|\.)?|[€$£]|[-–\s])*"
    r"|(?:page|seite) \d+ (?:of|von|/) \d+"
    r"|(?:over |more than |über |mehr als )?\d[\d,.]*\+? (?:applicants|bewerber(?:innen|\*innen)?"
    r"|bewerbungen|people clicked apply|clicks on apply)"
    r"|get notified about new .{1,80}jobs(?: in .{1,80})?\.?"
    r"|get (?:job )?alerts for .{1,80}|(?:jobs )?powered by [\w.]+(?: [\w.]+)?"
    r"|\d(?:[.,]\d)? (?:out of 5 stars|von 5 sternen)|\d(?:[.,]\d)? ?★.{0,30}"
    r"|\d[\d.,]*\+?\s?[-–]\s?\d[\d.,]*\+? (?:employees|beschäftigte|mitarbeitende|mitarbeiter(?:innen)?)"
    r"|(?:over |more than |über |mehr als )?\d[\d,.]*\+? (?:bewerber:innen|bewerber\*innen|bewerbende)"
    r"|referrals increase your chances of interviewing at .{1,80}"
    r"|see how you compare to .{1,60}|try premium for .{1,20}|save [^.!?]{3,100} at [^.!?]{2,80}"
    r"|(?:employer|recruiter|arbeitgeber|recruiter:in) (?:active|aktiv|zuletzt aktiv) .{1,30}"
    r"|kununu[- ]score.{0,12}|(?:top|fair|open) (?:company|arbeitgeber|employer)(?: \d{4})?"
    r"|(?:company )?size: \d[\d,.]*\+? (?:to|-|–|bis) \d[\d,.]* (?:employees|mitarbeite\w*|beschäftigte)"
    r"|type: company - \w+|revenue: .{1,40}|\d(?:[.,]\d)? out of 5 stars.{0,30}"
    r"|see who .{1,60} has hired for this role|sign in to .{1,60}|melde dich an,? um .{1,60}"
    r"|(?:©|\(c\)|copyright\b).{0,150}"
    r"|(?:jobs?|stellen(?:angebote)?) (?:per|via|by) (?:e-?mail|mail)(?: erhalten| abonnieren)?"
    r"|job[- ]?(?:alert|alarm|agent|mail)s?(?: (?:erstellen|aktivieren|anlegen|einrichten))?"
    r"|(?:create|set up|get|activate) (?:a )?job alerts?(?: for this search)?"
    r"|(?:get|receive) (?:new |similar |more )?jobs like this(?: one)?.{0,50}"
    r"|(?:neue |ähnliche |weitere )?(?:passende )?jobs (?:wie diese[nr]? )?(?:direkt |bequem |kostenlos )?"
    r"(?:in|per|an) (?:ihr |dein |ihre |deine )?(?:e-mail-)?(?:postfach|inbox|e-mail)\.?"
)
# The shape of UI text, whatever the board: a command verb and a UI object in a few words
# ("Report this job advert", "Unlock job insights", "Return to jobs listing.", "CLICK TO APPLY",
# "See more detailed salary information"), a feedback prompt ("Is this information helpful?"),
# a match widget ("Your profile matches 4 of 6 skills"), a feature badge ("BETA"), a board's
# slogan ("Find Jobs in Germany on Arbeitnow"), machine metadata ("Evaluation Timestamp: 2025-…").
_UI_TEXT = re.compile(
    r"(?:(?:report|unlock|see|view|show|hide|return to|back to|go to|click(?: here)? to|tap to|save|share|compare"
    r"|get|flag|rate|bookmark)(?: [\w'-]+){0,4} (?:job|jobs|advert|ad|listing|listings|insights?|information"
    r"|details|applicants?|matches|apply|application|posting|vacancy|stellenanzeige|anzeige)[.!]?"
    r"|click to apply|(?:is|was) this (?:information|job|page|ad|advert|content|posting) (?:helpful|useful|relevant)\??"
    r"|(?:war|sind|ist) (?:diese|das)[\w ]{0,20} (?:hilfreich|nützlich)\??"
    r"|your profile match\w*.{0,80}|(?:ihr|dein) profil passt.{0,80}|beta|alpha|preview"
    r"|find (?:[\w-]+ ){0,3}jobs (?:in|at|on|near) .{1,60}|[\w ]{0,30}timestamp: ?\d{4}-\d\d-\d\d\S*"
    r"|https?://\S*(?:pixel|beacon|/track|/open\?|/imp\?|impression|\.gif\b)\S*)")
_UI_TEXT_MAX_WORDS = 14
_COOKIE_TALK = re.compile(
    r"\b(?:use|uses|using|verwende\w*|nutze\w*|setze\w*|akzeptier\w*|accept\w*|zustimm\w*"
    r"|einwillig\w*|consent|browser|website|webseite|internetseite|einstellungen|settings)\b"
)
# Headings of lists the board appends (similar jobs…): dropped with what follows.
_TAIL_BLOCK_HEADING = re.compile(
    r"(?:similar|related|recommended|suggested|other|more) (?:jobs|positions|roles|openings"
    r"|vacancies|searches|job searches)(?: (?:for you|you might like|(?:at|from|in|near) .{1,50}))?"
    r"|people (?:also|who viewed this job also) (?:viewed|searched|applied)"
    r"|others also (?:viewed|applied)|jobs you (?:may|might) (?:like|be interested in)"
    r"|you (?:may|might) also like|explore (?:more|similar|related) (?:jobs|roles)(?: .{1,50})?"
    r"|popular (?:searches|jobs)|nearby jobs|jobs near you"
    r"|ähnliche (?:jobs|stellen|stellenangebote|stellenanzeigen|suchanfragen|suchen|positionen)"
    r"(?: (?:in|bei|von|für dich)\b.{0,50})?"
    r"|(?:weitere|mehr|andere) (?:jobs|stellen|stellenangebote)(?: (?:von|bei|in|aus) .{1,50})?"
    r"|(?:das|diese jobs) könnten? (?:dich|sie) (?:auch )?interessieren"
    r"|andere (?:suchten|sahen) auch|(?:top|passende)[- ]?jobs(?: für dich)?"
    r"|beliebte (?:suchen|jobs|suchanfragen)|jobs in der nähe"
)
# Map widgets: heading, "Open map" and the address lines after it.
_LOCATION_BLOCK_HEADING = re.compile(
    r"our location|unser standort|location on map|standort auf der karte|so findest du uns|anfahrt"
)
# Widget titles and footer links that are chrome only when chrome (or nothing) follows:
# "Salary" + "Show salary", "Datenschutz" + "© 2026 …".
_WIDGET_HEADINGS = frozenset(
    "salary|gehalt|salary information|gehaltsinformationen|salary estimate|estimated salary"
    "|gehaltsschätzung|geschätztes gehalt|location|standort|map|karte|datenschutz|privacy"
    "|data protection|cookies|cookie policy|cookie-richtlinie|rechtliches|legal|kontakt|contact".split("|")
)
# Indeed's "Profile insights" questionnaire (Skills / Python / Do you have …? / Yes / No):
# dropped up to "Job details", "Full job description" or a blank line.
_INSIGHTS_HEADING = re.compile(r"profile insights|here's how the job (?:qualifications|details) align with your profile\.?"
                               r"|application questions?(?:\(s\))?|bewerbungsfragen|fragen des arbeitgebers")
# The ways each block heading above opens: one str.startswith before the pattern.
_LOCATION_BLOCK_OPENINGS = ("our location", "unser standort", "location on map", "standort auf der karte",
                            "so findest du uns", "anfahrt")
_INSIGHTS_OPENINGS = ("profile insights", "here's how the job", "application question", "bewerbungsfragen",
                      "fragen des arbeitgebers")
_INSIGHTS_END = frozenset({"job details", "full job description", "pay", "job type", "benefits", "location"})
_BREADCRUMB_ARROW = re.compile(r" (?:>|»|›) ")
_BREADCRUMB_SLASH = re.compile(r" (?:/|\|) ")
_BREADCRUMB_ROOTS = frozenset(
    "home|startseite|start|jobs|stellenangebote|karriere|careers|jobsuche|job search|stellenmarkt".split("|")
)
_CHROME_EDGE = " \t-–—:|·•›»>→←‹«*#"


def _chrome_key(line: str) -> str:
    if not line:
        return ""
    if len(line) > 170:  # too long to be chrome (see _is_chrome_key); skip the normalising
        return line.lower()
    return _short_chrome_key(line)


# Pure on the line, and a page's texts share most short lines (see _is_chrome_key): kept, as
# the verdicts are; long lines are not kept, so the cache holds short strings only.
@lru_cache(maxsize=8192)
def _short_chrome_key(line: str) -> str:
    key = line.strip()
    if key.startswith("- "):
        key = key[2:]
    if key and not key.isascii() and (prefix := pictograph_prefix(key)):
        key = key[prefix:]  # "🔔 Get job alerts for …"
    return " ".join(key.strip(_CHROME_EDGE).split()).lower()


def _is_breadcrumb(key: str) -> bool:
    if len(key) > 150:
        return False
    parts = _BREADCRUMB_ARROW.split(key)
    if len(parts) < 3:
        parts = _BREADCRUMB_SLASH.split(key)
        if len(parts) < 3 or parts[0] not in _BREADCRUMB_ROOTS:
            return False
    return all(len(part.split()) <= 5 for part in parts)


_CHROME_SEPARATORS = re.compile(r"\s*[·|•]\s*|\s{2,}")
_COMPOSITE_CHROME_MAX_WORDS = 14


_CHROME_FIRST_WORDS = frozenset(line.split()[0] for line in _CHROME_LINES if line.strip())


# Pieces worth the costly chrome pattern: widget figures ("Min €", "38 applicants") and the
# phrases the pattern opens with ("Powered by Greenhouse", "Get job alerts …").
_PATTERN_PIECE_HINT = re.compile(r"[€$£\d]|^(?:powered|get|jobs?|see|sign|save|try|referrals)\b")
_PATTERN_FIRST_WORDS = frozenset("powered get job jobs see sign save try referrals".split())


def _is_chrome_piece(piece: str) -> bool:
    if piece in _CHROME_LINES:
        return True
    return _PATTERN_PIECE_HINT.search(piece) is not None and _CHROME_PATTERN.fullmatch(piece) is not None


def _is_composite_chrome(key: str) -> bool:
    """A short line made only of chrome phrases ("Show salary   Easy apply   Save", "Gehalt
    anzeigen Min € Max €"); one unknown word among three or more chrome phrases is a menu
    entry too ("Stellenangebote  Arbeitgeber  Karriereberatung  Login")."""
    # Without a "·", "|" or "•" the separators are whitespace runs, which split() drops anyway.
    words = (_CHROME_SEPARATORS.sub(" ", key) if "·" in key or "|" in key or "•" in key else key).split()
    if len(words) < 2 or len(words) > _COMPOSITE_CHROME_MAX_WORDS:
        return False
    if (words[0] not in _CHROME_FIRST_WORDS and words[1] not in _CHROME_FIRST_WORDS
            and "€" not in key and "$" not in key and "£" not in key and words[0] not in _PATTERN_FIRST_WORDS):
        return False
    # best[i] = (unknown words, chrome pieces) of the best split of words[:i]; None: unreachable
    best: list[tuple[int, int] | None] = [None] * (len(words) + 1)
    best[0] = (0, 0)
    for start in range(len(words)):
        if best[start] is None:
            continue
        unknown, pieces = best[start]
        for end in range(start + 1, min(len(words), start + 6) + 1):
            if _is_chrome_piece(" ".join(words[start:end])):
                candidate = (unknown, pieces + 1)
            elif end == start + 1 and unknown == 0:
                candidate = (1, pieces)
            else:
                continue
            if best[end] is None or candidate[0] < best[end][0] or (
                    candidate[0] == best[end][0] and candidate[1] > best[end][1]):
                best[end] = candidate
    if best[-1] is None:
        return False
    unknown, pieces = best[-1]
    return pieces >= 2 and (unknown == 0 or pieces >= 3)


# How a key must open for each whole-line pattern to match it (wider than the patterns, never
# narrower): most lines fail this one C call and skip the pattern.
_CHROME_PATTERN_OPENINGS = (
    "page", "seite", "over", "more", "über", "mehr", "get", "job", "powered", "referrals", "see", "try", "save",
    "employer", "recruiter", "arbeitgeber", "kununu", "top", "fair", "open", "company", "size", "type", "revenue",
    "sign", "melde", "©", "(c)", "copyright", "stellen", "create", "set", "activate", "receive", "neue",
    "ähnliche", "weitere", "passende")
_UI_TEXT_OPENINGS = (
    "report", "unlock", "see", "view", "show", "hide", "return", "back", "go", "click", "tap", "save", "share",
    "compare", "get", "flag", "rate", "bookmark", "is", "was", "war", "sind", "ist", "your", "ihr", "dein", "beta",
    "alpha", "preview", "find", "http")
_TAIL_BLOCK_OPENINGS = (
    "similar", "related", "recommended", "suggested", "other", "more", "people", "jobs", "you", "explore",
    "popular", "nearby", "ähnliche", "weitere", "mehr", "andere", "das", "diese", "beliebte", "top", "passende")


def _may_be_chrome_pattern(key: str) -> bool:
    return (key.startswith(_CHROME_PATTERN_OPENINGS) or key[:1].isdigit() or key.endswith("icon")
            or "€" in key or "$" in key or "£" in key)


def _is_tail_block_heading(key: str) -> bool:
    return key.startswith(_TAIL_BLOCK_OPENINGS) and _TAIL_BLOCK_HEADING.fullmatch(key) is not None


def _is_chrome_key(key: str) -> bool:
    if len(key) > 160:  # chrome lines are short; sentences of the ad are not touched, cookie talk is
        return "cookie" in key and key.count(" ") < 80 and _COOKIE_TALK.search(key) is not None
    return _is_short_chrome_key(key)


# Pure on the key, and the same short lines recur in every text of a page (the JSON-LD description,
# the page's text, the combined description) and on every page of a board: verdicts are kept, for
# keys of at most 160 characters (long ones are paragraphs, not worth keeping).
@lru_cache(maxsize=8192)
def _is_short_chrome_key(key: str) -> bool:
    if not key:
        return False
    if "cookie" in key and key.count(" ") < 80 and _COOKIE_TALK.search(key):
        return True
    if (key in _CHROME_LINES or (_may_be_chrome_pattern(key) and _CHROME_PATTERN.fullmatch(key))
            or _is_tail_block_heading(key)):
        return True
    if (key.count(" ") < _UI_TEXT_MAX_WORDS and (key.startswith(_UI_TEXT_OPENINGS) or "timestamp" in key)
            and _UI_TEXT.fullmatch(key)):
        return True
    if "all rights reserved" in key or "alle rechte vorbehalten" in key:
        return True
    if _is_composite_chrome(key):
        return True
    return (" > " in key or " » " in key or " › " in key or " / " in key or " | " in key) and _is_breadcrumb(key)


def is_chrome_line(line: str) -> bool:
    """True when ``line`` on its own is board chrome ("Easy apply", "Min €", "Home > Jobs")."""
    if len(line) > 170 and "ookie" not in line:
        return False
    return _is_chrome_key(_chrome_key(line))


def _next_key(keys: list[str], start: int) -> str:
    for key in keys[start:]:
        if key:
            return key
    return ""


_SEGMENT_SEPARATOR = re.compile(r"\s+[·|•]\s+")
_SEGMENTED_LINE_MAX = 220
_NAV_WORD = re.compile(r"[A-Za-zÄÖÜäöüß][\w&.-]{0,24}")
# Indeed lists benefits "pulled from the full job description" above the ad: board chrome.
_PULLED_WIDGET = frozenset({"pulled from the full job description", "aus der vollständigen stellenbeschreibung"})


_TRAILING_APPLICANTS = re.compile(
    r"\s*(?:[·|•]\s*)?(?:over |more than |über |mehr als )?\d[\d,.]*\+? (?:applicants|bewerber(?:innen|\*innen|:innen)?"
    r"|bewerbungen|bewerbende)\s*$", re.IGNORECASE)
_HEADER_LINE_MAX = 120


def _without_chrome_segments(line: str) -> str:
    """A "·"- or "|"-separated header line without its chrome parts ("Acme · Berlin · Over 200
    applicants" -> "Acme · Berlin"); the line as it was when no part, or every part, is chrome."""
    if len(line) > _SEGMENTED_LINE_MAX or not _SEGMENT_SEPARATOR.search(line):
        return line
    separator = _SEGMENT_SEPARATOR.search(line).group()
    segments = _SEGMENT_SEPARATOR.split(line.strip())
    kept = [segment for segment in segments if not _is_chrome_key(_chrome_key(segment))]
    if not kept or len(kept) == len(segments):
        return line
    return separator.join(kept)


def _is_nav_word(keys: list[str], index: int, is_chrome: Callable[[str], bool] = _is_chrome_key) -> bool:
    """A single word between two chrome lines ("Jobs finden / Unternehmen / Lohnrechner") is
    part of the navigation."""
    key = keys[index]
    if len(key) > 25 or " " in key or not _NAV_WORD.fullmatch(key) or index == 0 or index + 1 >= len(keys):
        return False
    return bool(keys[index - 1]) and bool(keys[index + 1]) and (
        is_chrome(keys[index - 1]) and is_chrome(keys[index + 1]))


def strip_chrome(text: str) -> str:
    """Remove board chrome lines and blocks from clean plain text.

    Line rules match whole short lines only (apply/save/share buttons, job alerts,
    salary teasers, "... icon", "Min €", breadcrumbs, cookie notices, footer links,
    copyright lines, "Page 1 of 3"), so sentences in the ad are never touched. Block
    rules: a similar-jobs heading drops the list after it (to the end of the text when
    the heading is in the last 60% of lines, else to the next blank line); a map heading
    ("Our Location") in the second half or followed by "Open map" drops up to three
    short address lines; Indeed's "Profile insights" questionnaire goes; a widget title
    ("Salary") or footer link ("Datenschutz") goes when chrome or nothing follows.
    """
    lines = [_without_chrome_segments(line) if ("·" in line or "|" in line or "•" in line) else line
             for line in text.split("\n")]
    lines = [(_TRAILING_APPLICANTS.sub("", line) or line)
             if len(line) <= _HEADER_LINE_MAX and ("ppli" in line or "ewerb" in line) else line
             for line in lines]
    keys = [_chrome_key(line) for line in lines]
    # A key is asked about again as a neighbour or a follower (and blank-separated menus repeat
    # their entries): each verdict is worked out once per text.
    verdicts: dict[str, bool] = {}

    def is_chrome(key: str) -> bool:
        verdict = verdicts.get(key)
        if verdict is None:
            verdict = verdicts[key] = bool(_is_chrome_key(key))
        return verdict

    count = len(lines)
    keep = [True] * count
    index = 0
    while index < count:
        key = keys[index]
        if not key:
            index += 1
            continue
        if key in _PULLED_WIDGET:
            start = index - 1 if index and keys[index - 1] and len(keys[index - 1].split()) <= 3 else index
            end = index + 1
            while end < count and keys[end]:
                end += 1
            keep[start:end] = [False] * (end - start)
            index = end
            continue
        if _is_tail_block_heading(key) or (":" in key and _is_tail_block_heading(key.split(":", 1)[0])):
            end = index + 1
            if index < 0.4 * count:
                while end < count and keys[end]:
                    end += 1
            else:
                end = count
            keep[index:end] = [False] * (end - index)
            index = end
            continue
        if key.startswith(_LOCATION_BLOCK_OPENINGS) and _LOCATION_BLOCK_HEADING.fullmatch(key) and (
            index >= 0.5 * count or is_chrome(_next_key(keys, index + 1))
        ):
            end, address_lines = index + 1, 0
            while end < count and address_lines < 3:
                following = keys[end]
                if not following:
                    if address_lines:
                        break
                elif _is_tail_block_heading(following) or len(following.split()) > 10:
                    break
                elif not is_chrome(following):
                    address_lines += 1
                end += 1
            keep[index:end] = [False] * (end - index)
            index = end
            continue
        if key.startswith(_INSIGHTS_OPENINGS) and _INSIGHTS_HEADING.fullmatch(key):
            end = index + 1
            while end < count and keys[end] and keys[end] not in _INSIGHTS_END:
                end += 1
            keep[index:end] = [False] * (end - index)
            index = end
            continue
        if is_chrome(key) or _is_nav_word(keys, index, is_chrome):
            keep[index] = False
        elif key in _WIDGET_HEADINGS:
            following = _next_key(keys, index + 1)
            keep[index] = bool(following) and not is_chrome(following)
        index += 1
    return join_lines([line.strip() for line, flag in zip(lines, keep) if flag])
