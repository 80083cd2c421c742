"""The job's title when no header line or page heading states it: read from the ad's own text.

Two places hold it then. Hacker News "Who is hiring" posts and similar boards open with one line
of facts joined by "|" ("The General Intelligence Company | Senior Product Engineer | Full-Time |
NYC | $260K"), too long to read as a title line; the free part that names a role is the title
and the free part before it the employer. Ads published only as body text (board API
descriptions) name the role in their hiring sentence ("Coalition Technologies is seeking a
reliable, detail-oriented Remote Office Assistant to support…", "Wir suchen ab sofort eine
Pflegefachkraft (m/w/d)…").
"""

from __future__ import annotations

import re

from crawler.parsing.header import _ROLE_WORD_RE
from crawler.parsing.title_facts import _is_fact

__all__ = ["role_from_hiring_sentence", "role_from_joined_line", "title_under_listing_heading",
           "vacancy_heading_under_page_title"]

_JOINED_SEPARATOR_RE = re.compile(r"\s+\|\s+")
_LEAST_JOINED_PARTS = 3
_ROLE_PART_MAX_WORDS = 8
_ORGANISATION_MAX_WORDS = 6


def role_from_joined_line(line: str) -> tuple[str | None, str | None]:
    """``(title, employer)`` from a line of facts joined by "|" ("Goody | Remote | $170-230K |
    Full-time" has no role: ``(None, None)``). The title is the first part that is no fact and
    names a role; the employer is the free part just before it, when it names no role."""
    parts = [part.strip() for part in _JOINED_SEPARATOR_RE.split(line or "") if part.strip()]
    if len(parts) < _LEAST_JOINED_PARTS:
        return None, None
    for index, part in enumerate(parts):
        if (_is_fact(part) or len(part.split()) > _ROLE_PART_MAX_WORDS
                or not _ROLE_WORD_RE.search(part) or part.endswith((".", "!", "?"))):
            continue
        before = [earlier for earlier in parts[:index] if not _is_fact(earlier)]
        employer = before[-1] if before else None
        if employer and (_ROLE_WORD_RE.search(employer) or len(employer.split()) > _ORGANISATION_MAX_WORDS):
            employer = None
        return part, employer
    return None, None


# "X is seeking / is hiring / is looking for / We are now searching for a …": the role is the
# run of capitalised words that follows, after lower-case describing words ("a reliable,
# detail-oriented, and highly organized Remote Office Assistant to support …").
_ENGLISH_HIRING_RE = re.compile(
    r"(?:\b(?:is|are|we're|we\s+are|now|currently)\s+(?:now\s+|(?-i:[a-z]{3,}ly)\s+)?(?:hiring|seeking|searching\s+for|looking\s+for"
    r"|looking\s+to\s+(?:hire|recruit)|recruiting)|\bseeks|\bjoin\s+(?:us|our\s+(?:\w+\s+)?team)\s+as|^as)"
    r"\s+(?:an?\s+|one\s+|two\s+|several\s+|our\s+(?:next\s+|new\s+)?)?(?:(?-i:[a-z][\w'-]*),?\s+){0,8}?"
    # (a word ending a sentence ends the role: "… as an Analytics Engineer. Reporting to …"; "Sr. Engineer" goes on)
    r"(?P<role>(?-i:[A-Z][\w/&+.'-]*)(?:(?<![a-z]{4}\.)\s+(?:&\s+|and\s+|of\s+|/\s+)?(?-i:[A-Z][\w/&+.'-]*)){0,6})",
    re.IGNORECASE | re.MULTILINE)
# "Wir suchen (ab sofort / zum 1. März) eine/n Pflegefachkraft (m/w/d)": German capitalises every
# noun, so the gender marker closes the role.
_GERMAN_HIRING_RE = re.compile(
    r"\b(?:suchen|sucht)\b[^.!?\n]{0,60}?\b(?:eine[n]?|eine[:*/_]n|ein[:*/_]e|einen?/e|ein|als)\s+"
    r"(?P<role>[^.!?\n()]{3,70}?)\s*[(\[]\s*[mwfdx]\s*[/|,]", re.IGNORECASE)
# "Für diese Mission suchen wir … eine/n Bauingenieur*in oder Bauchemiker*in als Verstärkung für unser
# Team": no gender marker in brackets, but the role's own gender star (or colon, underscore, slash ending)
# closes it, before the phrase that follows it ("als Verstärkung", "für unser Team", "zum 1. März").
_GERMAN_GENDERED_ROLE_RE = re.compile(
    r"\b(?:suchen|sucht)\b[^.!?\n]{0,60}?\b(?:eine[n]?|eine[:*/_]n|ein[:*/_]e|einen?/e)\s+"
    r"(?P<role>(?-i:[A-ZÄÖÜ])[^.!?\n()]{2,70}?[*:_/](?:innen|in|r|e)\b)"
    r"(?=\s+(?:als|zur|zum|für|in|im|ab|mit|bei|am|an)\s|\s*[,.!;])", re.IGNORECASE)
# "Aktuell suchen wir im Auftrag einer … Institution … eine aufgestellte … Persönlichkeit als Teamleiter/in
# Pflege 80-100% für eine Festanstellung.": the role after "als", up to the Swiss workload or the next
# phrase.
_GERMAN_AS_ROLE_RE = re.compile(
    r"\b(?:suchen|sucht)\b[^.!?\n]{0,320}?\bals\s+(?P<role>(?-i:[A-ZÄÖÜ])[^.!?\n()]{2,60}?)\s*"
    r"(?=\d{1,3}\s*(?:-\s*\d{1,3}\s*)?%|(?<=\s)(?:für|per|ab|zur|zum|mit|im|in)\s|[(,.!])", re.IGNORECASE)
# The only lower-case words a German title holds ("Fachkraft für Lagerlogistik", "Leiter der Pflege"):
# another one ("Techniker/ Handwerker und neuen Kollegen") means the phrase runs past the title.
_TITLE_SMALL_WORDS = frozenset({"für", "im", "in", "der", "des", "und", "mit", "am", "an", "zur", "zum", "von", "vom"})
_PLURAL_AGENT_RE = re.compile(r"(?P<singular>\w{3,}(?:er|or|ist|yst|ant|ent|ian|ee))s$")
_HIRING_REACH = 3000  # a board description may open with a long employer blurb
# "… kann bei uns eine Ausbildung zum Kaufmann (m/w) im Groß- und Außenhandel machen": an
# apprenticeship offered ("eine", "deine", "Ihre Ausbildung zum/zur …") with its gender marker, whatever
# the verb; "(eine) abgeschlossene Ausbildung als/zur …" is a requirement, not the job. The title runs on
# past the marker while the words are capitalised or a title's small words ("im", "und"), and stops
# at the sentence's verb ("machen", "beginnen").
_APPRENTICESHIP_RE = re.compile(
    r"\b(?:eine|deine|ihre)\s+(?:(?:duale|betriebliche|kaufmännische|gewerbliche|dreijährige|\d[,.]?\d?-jährige)\s+)?"
    r"(?P<role>Ausbildung\s+(?:zum|zur|zum/zur)\s+(?-i:[A-ZÄÖÜ])[^.!?\n()\[\]]{1,60}?)\s*"
    r"[(\[]\s*[mwfdx]\s*[/|,][^)\]\n]{0,12}[)\]]"
    r"(?P<tail>(?:[ \t]+(?:(?-i:[A-ZÄÖÜ])[\w-]*|für|im|in|der|des|und|mit|am|an|zur|zum|von|vom)){0,6})",
    re.IGNORECASE)
# "The HR Intern will be joining the O&B team …", "The Client Success Manager assumes the role of a
# business analyst …": the role, capitalised, as the subject of the sentence that describes it.
_ROLE_SUBJECT_RE = re.compile(
    r"(?:^|(?<=[.!?]\s))The\s+(?P<role>[A-Z][\w/&+.'-]*(?:\s+(?:&\s+|and\s+|of\s+|/\s+)?[A-Z][\w/&+.'-]*){0,6})"
    r"\s+(?:will|shall|assumes|is\s+responsible|is\s+expected|reports|leads|owns|works)\b", re.MULTILINE)


def role_from_hiring_sentence(text: str) -> str | None:
    """The role an ad's hiring sentence names near its start, or None: the capitalised run after
    "is seeking / hiring / looking for a …" whose last word names a role, or the words before
    the gender marker in "Wir suchen … eine/n … (m/w/d)", an apprenticeship with its gender
    marker in any sentence ("eine Ausbildung zum Kaufmann (m/w) im Groß- und Außenhandel machen"),
    or after "als" in "suchen wir … eine Persönlichkeit als Teamleiter/in Pflege 80-100% für …"; else the role a sentence describes as
    its subject ("The HR Intern will be joining …")."""
    head = (text or "")[:_HIRING_REACH]
    for match in _ENGLISH_HIRING_RE.finditer(head):
        role = match["role"].strip(" .,")
        last_word = role.split()[-1] if role else ""
        if role and _ROLE_WORD_RE.search(last_word.replace("-", "")):  # "Co-ordinator"
            # "is looking for the best Software Engineers": the title names one holder of the role.
            return _PLURAL_AGENT_RE.sub(r"\g<singular>", role)
    for match in _ROLE_SUBJECT_RE.finditer(head):
        role = match["role"].strip(" .,")
        if _ROLE_WORD_RE.search(role.split()[-1]):
            return role
    for match in _GERMAN_HIRING_RE.finditer(head):
        role = " ".join(match["role"].split())
        if _ROLE_WORD_RE.search(role) or len(role.split()) <= 3:
            return role
    for match in _GERMAN_GENDERED_ROLE_RE.finditer(head):
        role = " ".join(match["role"].split())
        if _ROLE_WORD_RE.search(role) and len(role.split()) <= _ROLE_PART_MAX_WORDS:
            return role
    for match in _APPRENTICESHIP_RE.finditer(head):
        tail = match["tail"].split()
        while tail and tail[-1] in _TITLE_SMALL_WORDS:
            tail.pop()  # "… im Groß- und Außenhandel in" ends on the next phrase's preposition
        return " ".join(match["role"].split() + tail)
    for match in _GERMAN_AS_ROLE_RE.finditer(head):
        role = " ".join(match["role"].split())
        if (_ROLE_WORD_RE.search(role) and len(role.split()) <= _ROLE_PART_MAX_WORDS
                and all(word in _TITLE_SMALL_WORDS for word in re.findall(r"(?<![\w/-])[a-zäöüß]+\b", role))):
            return role
    for match in _READER_AS_ROLE_RE.finditer(head):
        if _ROLE_WORD_RE.search(match["role"]):
            return match["role"]
    for match in _ENGLISH_READER_AS_ROLE_RE.finditer(head):
        if _ROLE_WORD_RE.search(match["role"]):
            return match["role"]
    for match in _POST_AS_ROLE_RE.finditer(head):
        role = " ".join(match["role"].split())
        if (len(role.split()) <= _ROLE_PART_MAX_WORDS
                and all(word in _TITLE_SMALL_WORDS for word in re.findall(r"(?<![\w/-])[a-zäöüß]+\b", role))):
            return role
    return _vacancy_line(head)


# "… hat zum nächstmöglichen Zeitpunkt eine Stelle als Verwaltungsangestellte*r für Web-/Systemadministration
# zu besetzen", "Zurzeit ist eine Stelle für eine:n Ingenieur:in für Schaltungstests … ausgeschrieben": the
# post ("Stelle") a sentence offers, and the role it is for, up to the verb that offers it.
_POST_AS_ROLE_RE = re.compile(
    r"\b(?:eine|die)\s+(?:\w+\s+)?Stelle\s+(?:als|für)\s+(?:(?:eine[n]?|eine[:*/_]n|ein[:*/_]e|einen?/e)\s+)?"
    r"(?P<role>(?-i:[A-ZÄÖÜ])[^.!?\n]{2,80}?)\s+(?:zu\s+besetzen|ausgeschrieben|aus|frei|zu\s+vergeben)\b")


# "Als Pflegekraft im Pflegeteam Braunschweig sind Sie für … verantwortlich": the role the reader will
# hold, as the sentence's opening "als" says it, when the sentence addresses the reader.
_READER_AS_ROLE_RE = re.compile(
    r"(?:^|(?<=[.!?]\s))Als\s+(?P<role>[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?)\s+(?:im|in|bei|beim|am|an|für)\s"
    r"[^.!?\n]{0,80}?\b(?:sind\s+Sie|bist\s+du|wirst\s+du|werden\s+Sie)\b", re.MULTILINE)
# "As a Manufacturing Support Team Member, you will play a key role …", "As Research Lead - AI Cyber Testing &
# Evaluation, you'll direct …": the role the reader will hold, capitalised, before the sentence turns to "you".
_ENGLISH_READER_AS_ROLE_RE = re.compile(
    r"(?:^|(?<=[.!?]\s))As\s+(?:an?\s+|the\s+|our\s+(?:new\s+|next\s+)?)?"
    r"(?P<role>[A-Z][\w/+.'-]*(?:\s+(?:-\s+|&\s+|and\s+|of\s+|for\s+|/\s+)?[A-Z][\w/+.'-]*){0,7}),\s+"
    r"you(?:'ll|’ll|\s+will|'re|’re|\s+are|\s+would)\b", re.MULTILINE)
_GENDER_PARENS_RE = re.compile(r"[(\[]\s*[mwfdx]\s*[/|,]\s*[mwfdx]\s*[/|,]\s*[mwfdx]\s*[)\]]", re.IGNORECASE)
_VACANCY_LINE_MAX_WORDS = 8


def _vacancy_line(head: str) -> str | None:
    """A short line of its own written as a vacancy's title, with its gender marker ("Head of
    Education (m/w/d)" under "Zur Verstärkung unseres Teams suchen wir … eine motivierte Person als:",
    "Physiotherapeut (w/m/d)" in a practice's "Wir suchen Verstärkung!" box): no sentence, a role word,
    no role introduced by "als"/"as" ("Abgeschlossene Ausbildung als Medizinische Fachangestellte (w/m/d)"
    is a requirement)."""
    for line in head.splitlines():
        line = line.strip()
        if (_GENDER_PARENS_RE.search(line) and len(line.split()) <= _VACANCY_LINE_MAX_WORDS
                and not line.startswith(("- ", "* ")) and not re.search(r"[.!?:](?:\s|$)", line)
                and not re.search(r"\b(?:als|as)\b", line, re.IGNORECASE) and _ROLE_WORD_RE.search(line)):
            return line
    return None


# A career page's heading over its list of vacancies: "Offene Stellen", "Open positions", "Jobs".
_LISTING_HEADING_RE = re.compile(
    r"^[\W_]*(?:(?:unsere\s+|aktuelle\s+|offene\s+|freie\s+)*(?:stellen(?:angebote)?|jobs|vakanzen)"
    r"|(?:current\s+|open\s+)*(?:positions|openings|vacancies|jobs)|we(?:'re|\s+are)\s+hiring|wir\s+suchen)[\W_]*$",
    re.IGNORECASE)
_LISTED_TITLE_MAX_WORDS = 10


def title_under_listing_heading(text: str) -> str | None:
    """The vacancy a one-ad career page lists under its listings heading ("Offene Stellen" /
    "Operations (10h/Woche, Mini-Job)"): the next line, when it is short, no sentence, no list
    item and no section heading."""
    from crawler.parsing.headings import heading_kind  # headings -> text -> this module's peers

    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    for index, line in enumerate(lines[:-1]):
        if not _LISTING_HEADING_RE.match(line):
            continue
        following = lines[index + 1]
        if (len(following.split()) <= _LISTED_TITLE_MAX_WORDS and not following.startswith(("- ", "* "))
                and not following.endswith((".", "!", "?", ":")) and heading_kind(following) is None):
            return following
    return None


_HEADING_LINE_RE = re.compile(r"^[ ]{0,3}(?P<marks>#{1,3})[ \t]+(?P<text>[^#\n].*?)[ \t#]*$")


def vacancy_heading_under_page_title(page_title: str | None, body: str) -> str | None:
    """The ad's own heading right under a first heading that repeats the page's title, when it is
    written as a vacancy's title: a WordPress export opens "# Stelle Bauleiter Innenausbau /
    Wohnungssanierung" (the page's name, as in its front matter) and goes on "# Bauleiter Innenausbau /
    Wohnungssanierung (m/w/d) in Teilzeit oder Vollzeit" (the ad's title). None otherwise."""
    from crawler.parsing.title import names_a_vacancy  # title -> header -> this module's peers

    if not page_title:
        return None
    lines = [line for line in (body or "").splitlines() if line.strip()][:2]
    headings = [_HEADING_LINE_RE.match(line) for line in lines]
    if len(headings) < 2 or not all(headings):
        return None
    first, second = (" ".join(heading["text"].split()) for heading in headings)
    if first.casefold() == " ".join(page_title.split()).casefold() and names_a_vacancy(second):
        return second
    return None
