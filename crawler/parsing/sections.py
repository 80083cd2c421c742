"""Split a clean job-ad description into company text, tasks, requirements and benefits.

Input is the text :func:`crawler.parsing.text.clean_text` produces: one line per
heading, paragraph or ``- `` bullet, blank lines between paragraphs. Headings are
recognised by what they say (English and German, with or without a colon, numbers,
emojis, capitals), not by position. Items keep their wording: the bullet marker and a
trailing list comma or semicolon go, sentence-final punctuation stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crawler.parsing.bullets import pictograph_prefix
from crawler.parsing.company_text import company_from_intro
from crawler.parsing.content_cues import content_kind, cue_scores
from crawler.parsing.glued_headings import split_glued_headings
from crawler.parsing.heading_meaning import heading_meaning, is_heading_shape, section_key_word
from crawler.parsing.headings import GROUP_KIND, employer_from_headings, heading_group, heading_kind
from crawler.parsing.text import is_chrome_line

__all__ = ["Sections", "employer_from_headings", "heading_kind", "split_sections"]


@dataclass
class Sections:
    """The parts of a job ad; lists are empty (never guessed) when a part is absent."""

    company_description: str | None = None
    responsibilities: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    benefits: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    """Items under other headings (contact, how to apply, about the role…)."""
    headings: list[tuple[str, str]] = field(default_factory=list)
    """Every heading found, in order, as ``(kind, heading line)``."""


_INLINE_HEADING = re.compile(r"([^:]{2,60}?)\s*:\s+(\S.*)")
_SENTENCE_END = ".!?:;"
_CONNECTOR_WORDS = frozenset(
    "and or with of in for to the a an as such und oder mit von für im der die das den dem des sowie".split()
)


_LEADING_ELLIPSIS = re.compile(r"^(?:\.{2,}|…)\s*")


def _clean_item(item: str) -> str:
    """The item's words: whitespace collapsed, a trailing list comma or semicolon, a leading
    ellipsis (items that go on from "Sie ..." above them: "... wohnen im Vertriebsgebiet") and a
    leading pictograph ("🌴 30 Tage Urlaub") dropped."""
    text = " ".join(item.split()).rstrip(" ;,")
    if text.startswith(("..", "…")):
        text = _LEADING_ELLIPSIS.sub("", text)
    return text[pictograph_prefix(text):]


def _continues(previous: str, line: str, previous_is_bullet: bool) -> bool:
    """True when ``line`` is the wrapped rest of the item on ``previous``."""
    if previous[-1] in _SENTENCE_END:
        return False
    if previous[-1] == "," or previous.rsplit(" ", 1)[-1].lower() in _CONNECTOR_WORDS:
        return True
    return line[0].islower() and (previous_is_bullet or len(previous) >= 60)


# The closing paragraph of an ad ("Interested? Apply now…") after a section of bare lines.
_CLOSING_CUE = re.compile(
    r"\?|\b(?:bewerb\w*|bewirb|apply|applications?|applicants?|interesse|interested|freuen\s+uns|look\s+forward"
    # (questions and contact as the reader's: "If you have any questions", "Bei Fragen", "contact us"; not a
    # task's "communicating product questions and decisions", "main point of contact for customers")
    r"|send\s+(?:us|your)|schick\w*|sende\w*|kontaktier\w*|(?:kontakt|contact)(?:\s+(?:us|me|uns|mich)\b|\s*:)"
    r"|(?:any|have|with|for|bei|für|haben\s+sie|hast\s+du)\s+(?:\w+\s+)?(?:questions|fragen)|lebenslauf|cv|resume|unterlagen"
    r"|equal\s+opportunit\w*|chancengleichheit|schwerbehindert\w*)\b", re.IGNORECASE)
_CLOSING_MIN_WORDS = 8


def _is_closing(line: str) -> bool:
    """A closing paragraph: a sentence (or a question, an address to write to) with a cue word.
    A list line without a sentence's end ("Bereitstellung von Unterstützung bei Fragen zu Tools")
    is an item, whatever its words."""
    return (line.count(" ") + 1 >= _CLOSING_MIN_WORDS and (line[-1] in ".!?:" or "?" in line or "@" in line)
            and _CLOSING_CUE.search(line) is not None)


# A paragraph of running text after a bullet list ends the list: bullets further down ("Assessment
# accommodation", a footer's links) belong to no section above them.
_PROSE_AFTER_LIST_WORDS = 20


def _ends_list(line: str) -> bool:
    return _is_closing(line) or (line.count(" ") + 1 >= _PROSE_AFTER_LIST_WORDS and line[-1] in ".!?")


_CHECKBOX = re.compile(r"\[[ xX]\][ \t]")


def _items(lines: list[str]) -> list[str]:
    """Items of one section: its bullets, or each line when it has no bullets (up to a closing
    paragraph after a blank line, such as "Interested? Then apply…")."""
    has_bullets = any(line.startswith("- ") for line in lines)
    items: list[str] = []
    previous, previous_is_bullet = "", False
    after_blank = False
    for index, line in enumerate(lines):
        if not line:
            previous = ""
            after_blank = bool(items)
            continue
        is_bullet = line.startswith("- ")
        if has_bullets and not is_bullet and not items and _lost_first_bullet(lines, index):
            is_bullet, line = True, "- " + line
        if after_blank and not is_bullet and (_ends_list(line) if has_bullets and items else _is_closing(line)):
            break
        if is_bullet and _CHECKBOX.match(line, 2):
            previous = ""  # "- [ ] Dienstwagen", "- [x] Home Office": a form's options, not the ad's list
            continue
        if is_bullet:
            items.append(line[2:])
            previous, previous_is_bullet = line[2:], True
            continue
        if previous and items and _continues(previous, line, previous_is_bullet):
            items[-1] = f"{items[-1]} {line}"
        elif not has_bullets and not line.endswith(":"):
            items.append(line)
        else:  # prose around a bullet list, or an intro line ending in ':'
            previous = ""
            continue
        previous, previous_is_bullet = line, False
    items = _fold_details(items) if has_bullets else items
    return [cleaned for cleaned in map(_clean_item, items) if any(ch.isalnum() for ch in cleaned)]


_FIRST_ITEM_MAX_WORDS = 30


def _lost_first_bullet(lines: list[str], index: int) -> bool:
    """A list's first item whose dash the page lost: a line right under the lead ending in ':' (or
    opening the section) and right above the bullets, itself no lead ("Ihre Aufgaben umfassen zum
    Beispiel:" / "Eigenverantwortliche fachliche Steuerung …" / "- Umsetzung von …")."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else ""
    before = next((earlier for earlier in reversed(lines[:index]) if earlier), None) if index else None
    # (a sentence ends like the items below it, or it is a lead: "Wir bieten:" / "Ein tolles Team und mehr." / "- …")
    ends_alike = not line.endswith((".", "!", "?")) or following.endswith(line[-1])
    return (following.startswith("- ") and not line.endswith(":") and line.count(" ") + 1 <= _FIRST_ITEM_MAX_WORDS
            and ends_alike and (before is None or (before.endswith(":") and index > 0 and lines[index - 1] != "")))


# A list item of this many words that ends with ':' is a sentence announcing details ("Proficient in
# administering … networks including the following technologies:"); a shorter one ("Baseline:") labels
# the items after it.
_SENTENCE_ITEM_WORDS = 8
_DETAIL_MAX_WORDS = 10


def _fold_details(items: list[str]) -> list[str]:
    """Items that detail the sentence item before them, which ends with ':' — short phrases without a
    sentence's end ("TCP/IP", "Linux operating system"), a sub-list the text lost the nesting of — joined
    to it: one item, not several. The next full sentence is the parent's sibling again."""
    folded: list[str] = []
    open_parent = False
    for item in items:
        stripped = item.rstrip()
        if (open_parent and stripped.count(" ") + 1 <= _DETAIL_MAX_WORDS
                and stripped[-1:] not in _SENTENCE_END):
            folded[-1] = f"{folded[-1]} {stripped}" if folded[-1].endswith(":") else f"{folded[-1]}; {stripped}"
            continue
        folded.append(item)
        open_parent = stripped.endswith(":") and stripped.count(" ") + 1 >= _SENTENCE_ITEM_WORDS
    return folded


# "- www.steinbauer-engineering.com", "- jobs@acme.de": a link list, not items of a section
_BARE_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def _paragraph_text(lines: list[str]) -> str | None:
    text = "\n".join(lines).strip()
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text or None


_SECTION_KINDS = ("responsibilities", "requirements", "benefits")


@dataclass
class _Block:
    group: str | None  # heading group; None before the first heading, "chrome" after end-of-ad chrome
    heading: str
    lines: list[str] = field(default_factory=list)


# A bulleted heading ("- Your profile", from "1. Your profile" or "🎓 Das bringst du mit") is
# at most six words; longer bullets are items.
_BULLET_HEADING_MAX_SPACES = 6


_WISH_HEADING = re.compile(
    r"\b(?:desirable|desired|nice|plus|bonus|preferred|preferabl[ey]|vorzugsweise|recommended|empfohlen\w*|optional|not\s+required|ideally|wünschenswert|vorteil"
    r"|idealerweise|pluspunkte?|kein\s+muss|extra\s+credit|little\s+extra|impress\w*|nicht\s+unbedingt"
    r"|wäre\s+(?:gut|schön|toll|super)|not\s+(?:strictly\s+)?(?:necessary|essential|mandatory)"
    r"|would\s+be\s+(?:great|nice|good|helpful|awesome|ideal|an?\s+(?:plus|advantage|bonus))"
    r"|keine\s+bedingung|not\s+a\s+condition|no\s+condition)\b", re.IGNORECASE)


# A wish list whose heading denies that it holds requirements ("You preferably have experience with (these
# are not requirements!):") is never filed as the profile, even in an ad without another one.
_NOT_REQUIRED = re.compile(r"\bnot\s+(?:strictly\s+)?(?:requirements?|required|mandatory)\b"
                           r"|\bkeine?\s+(?:voraussetzung(?:en)?|anforderung(?:en)?|muss|pflicht)\b", re.IGNORECASE)


# A second profile heading that asks for more than the first one did: "The ideal candidate is also:".
_FURTHER_WISH = re.compile(r"\b(?:ideal\w*|also|additionally|zusätzlich\w*|außerdem)\b", re.IGNORECASE)


# "- Aufgaben" over "- Eingehende Dokumente verwalten", "- Belege scannen": a list of lists whose nesting
# the text lost (each part's name an item of the outer list, its items after it).
_NESTED_HEADING_MAX_SPACES = 1
_NESTED_MIN_ITEMS = 2


def _is_nested_list_heading(body: str, group: str, current_kind: str | None, lines: list[str], index: int) -> bool:
    """A bullet in a list that is nothing but a section's name ("- Aufgaben", "- Voraussetzungen",
    "- Rahmenbedingungen"), over at least two more bullets, and that changes the section: the name of
    an inner list. Not in a list of other things ("- Offer" as a hiring step) nor in a board's chips
    above the first heading ("- Linz", "- Berufserfahrung", "- € 3.100 brutto/Monat")."""
    if body.count(" ") > _NESTED_HEADING_MAX_SPACES or GROUP_KIND[group] == current_kind or current_kind in (None, "other"):
        return False
    following = [line.strip() for line in lines[index + 1:index + 1 + _NESTED_MIN_ITEMS]]
    return all(line.startswith("- ") for line in following) and len(following) == _NESTED_MIN_ITEMS


def _next_is_bullet(lines: list[str], index: int) -> bool:
    for following in lines[index + 1:index + 4]:
        if following.strip():
            return following.strip().startswith("- ")
    return False


_OUR_VOICE = re.compile(r"^- (?:we|we're|we’re|wir|our|unser\w*)\b", re.IGNORECASE)


def _list_speaks_of_us(lines: list[str], index: int) -> bool:
    """True when most items of the list below ``lines[index]`` open with "we"/"wir"/"our"."""
    items = []
    for line in lines[index + 1:]:
        line = line.strip()
        if line.startswith("- "):
            items.append(line)
        elif line and items:
            break
    return bool(items) and 2 * sum(1 for item in items if _OUR_VOICE.match(item)) > len(items)


def _follows_a_list(lines: list[str], index: int) -> bool:
    """True when the nearest filled line above ``lines[index]`` is a list item."""
    previous = next((line.strip() for line in reversed(lines[:index]) if line.strip()), "")
    return previous.startswith("- ")


def _next_goes_on(lines: list[str], index: int) -> bool:
    """The next line carries on a sentence ("Sie ..." over "... wohnen im Vertriebsgebiet")."""
    for following in lines[index + 1:index + 3]:
        if following.strip():
            return _LEADING_ELLIPSIS.match(following.strip()) is not None
    return False


_BARE_LINE_MAX_WORDS = 8
_HIRING = re.compile(r"\b(?:such\w*|looking\s+for|seek\w*|hiring|hire|einstell\w*|verstärk\w*)\b", re.IGNORECASE)
_GENDER_MARK = re.compile(r"\((?:[mwfdxhai]\s*[/|,]\s*){2,}[mwfdxhai]\.?\)|\(all genders\)|\(gn\*?\)", re.IGNORECASE)


def _is_bare_line(line: str) -> bool:
    return bool(line) and not line.startswith("- ") and line.count(" ") + 1 < _BARE_LINE_MAX_WORDS and (
        line[-1] not in ".!?:")


def _neighbour(lines: list[str], index: int, step: int) -> str:
    index += step
    while 0 <= index < len(lines):
        if lines[index].strip():
            return lines[index].strip()
        index += step
    return ""


def _one_line_paragraph(lines: list[str], index: int, step: int) -> str:
    """The nearest non-blank line in direction ``step`` when it is a paragraph of one line, else "":
    the first line of a block of several ("Remote-first culture" over "Market leader in compensation")
    is a list's, not one of a run of one-line paragraphs."""
    index += step
    while 0 <= index < len(lines) and not lines[index].strip():
        index += step
    if not 0 <= index < len(lines):
        return ""
    for beside in (index - 1, index + 1):
        if 0 <= beside < len(lines) and lines[beside].strip():
            return ""
    return lines[index].strip()


def _stands_alone(lines: list[str], index: int) -> bool:
    """A paragraph of one line (blank or nothing above and below) that is not one of a run of such
    lines: "Kenntnisse in Jira" between "Erfahrung mit Scrum" and "Deutsch C1" is a list item.
    ("Benefits Of Working At CrowdStrike" over a block of unbulleted lines is a heading.)"""
    return ((index == 0 or not lines[index - 1].strip())
            and (index + 1 == len(lines) or not lines[index + 1].strip())
            and not _is_bare_line(_one_line_paragraph(lines, index, -1))
            and not _is_bare_line(_one_line_paragraph(lines, index, 1)))


_SMALL_WORDS = frozenset("a an and as at by for in of on or the to we we're you your with und oder für".split())
_TITLE_CASE_MAX_WORDS = 6


def _is_title_case(line: str) -> bool:
    """"Skills We're Seeking", "Education and Experience": a Markdown heading whose '#' the text
    no longer shows, told by its capitals (two to five words, no sentence punctuation)."""
    words = line.split()
    if not 2 <= len(words) <= _TITLE_CASE_MAX_WORDS or line[-1] in ".!?,;":
        return False
    return all(word[0].isupper() or word.lower() in _SMALL_WORDS for word in words if word[0].isalpha()) and (
        words[0][0].isupper())


# Headings that may open tasks or benefits however they are worded ("Dich erwartet...", "What awaits
# you"): the section's items decide.
_EXPECT_WORDS = re.compile(r"\b(?:erwartet|erwarten\s+(?:dich|sie|euch)|awaits|to\s+expect)\b", re.IGNORECASE)


# A line opening with a section key word ("Anforderungen …") heads a list when at most this many words.
_KEYED_LINE_MAX_SPACES = 20
# An unknown heading line ending in ':' over a list is at most this many words.
_UNLABELLED_MAX_SPACES = 5
# A sentence ending in ':' that leads into a list is at least this many words.
_LEAD_SENTENCE_MIN_SPACES = 10
# A bulleted sub-heading inside a list ("- Baseline:", "- Extra Credit:") is at most this many words.
_SUB_HEADING_MAX_SPACES = 4


# A question of this many words over a paragraph of prose opens the ad's text ("Du bist ausgebildete:r
# Informatiker:in und suchst eine neue Herausforderung?" over "Zeichnest du dich aus durch …?"); a heading
# that asks ("What are we looking for in you?") is shorter or heads a list.
_QUESTION_SENTENCE_MIN_WORDS = 8
_OPENING_PROSE_MIN_WORDS = 8


def _is_rhetorical_question(line: str, lines: list[str], index: int) -> bool:
    if not line.endswith("?") or line.count(" ") + 1 < _QUESTION_SENTENCE_MIN_WORDS or _next_is_bullet(lines, index):
        return False
    following = _neighbour(lines, index, 1)
    return following.count(" ") + 1 >= _OPENING_PROSE_MIN_WORDS and following[-1:] in ".!?"


def _inferred_group(line: str, body: str, is_bullet: bool, lines: list[str], index: int,
                    current_group: str | None) -> str | None:
    """The group of a heading the phrase patterns do not know, read from its shape and the meaning
    of its words ("Wichtig für uns ist:", "We're looking for someone who will:"); "subheading" for a
    bulleted sub-heading that keeps the current section ("- Baseline:" in a profile list)."""
    if is_bullet:
        if not (body.endswith(":") and body.count(" ") <= _SUB_HEADING_MAX_SPACES and _next_is_bullet(lines, index)):
            return None
        meaning = heading_meaning(body)
        current_kind = GROUP_KIND.get(current_group or "")
        if meaning in (None, current_kind) or current_group is None:
            return "subheading"
        return f"inferred_{meaning}"
    if _GENDER_MARK.search(line) and _HIRING.search(line):
        return None  # "Wir suchen zum nächstmöglichen Zeitpunkt einen Pfleger (w/m/d)" names the role
    goes_on = _next_goes_on(lines, index)
    if not is_heading_shape(line, next_is_bullet=goes_on or _next_is_bullet(lines, index)):
        # "Skills We're Seeking" on a line of its own (a Markdown heading): read by its words.
        if _is_title_case(line) and _stands_alone(lines, index) and (meaning := heading_meaning(body)):
            return f"inferred_{meaning}"
        # "Anforderungen must have, sind zwingend erforderlich …!" over a list: a line that opens
        # with a section's key word and heads a list is that section's heading, whatever follows.
        key = (section_key_word(line) if line.count(" ") < _KEYED_LINE_MAX_SPACES and _next_is_bullet(lines, index)
               else None)
        if key:
            return "nice_to_have" if key == "requirements" and _WISH_HEADING.search(line) else f"inferred_{key}"
        # "What you can expect from cargo.one? … make it a great place to work:" over a list after
        # another section's list: a lead sentence that opens a list of its own, classified by its
        # items and its words.
        if (current_group is not None and line.endswith(":") and line.count(" ") >= _LEAD_SENTENCE_MIN_SPACES
                and _next_is_bullet(lines, index) and _follows_a_list(lines, index)):
            return "unlabelled"
        return None
    if _is_rhetorical_question(line, lines, index):
        return None
    meaning = heading_meaning(body)
    if meaning:
        return f"inferred_{meaning}"
    if _EXPECT_WORDS.search(body):
        return "responsibilities_or_benefits"
    # "Our open source stack:" over a list, "Sie ..." over "... wohnen im Vertriebsgebiet": a block
    # of its own, classified by its items, so that it is not swallowed by the section above it.
    label = line.endswith((":", "..", "…"))
    if label and line.count(" ") < _UNLABELLED_MAX_SPACES and (
            goes_on or (current_group is not None and _next_is_bullet(lines, index))):
        return "unlabelled"
    # "## Development team" between the task list and "## Requirements", over "- We're a distributed
    # team", "- We love Ruby": a heading standing alone between two lists whose items speak of the
    # employer ("we", "our") starts a list of its own, whose items decide what it is. (A sub-heading
    # over more tasks, "Human Capital Management" over "- Submit and track IT requests", does not.)
    if (GROUP_KIND.get(current_group or "") in ("responsibilities", "benefits")
            and line.count(" ") < _UNLABELLED_MAX_SPACES and line[-1:].isalnum()
            and _follows_a_list(lines, index) and _next_is_bullet(lines, index) and _stands_alone(lines, index)
            and _list_speaks_of_us(lines, index)):
        return "unlabelled"
    return None


# A lead sentence ("As a member of our team, you will:") right under a reasons-to-join heading tells what
# the member gets to do, the reasons going on; a task heading is shorter ("Your tasks:").
_LEAD_SENTENCE_MIN_WORDS = 6
_LEAD_AFTER_ITEMS = 1


def _leads_on_benefits(body: str, current: _Block, current_kind: str | None) -> bool:
    return (current_kind == "benefits" and body.endswith(":") and body.count(" ") + 1 >= _LEAD_SENTENCE_MIN_WORDS
            and sum(1 for line in current.lines if line.strip()) <= _LEAD_AFTER_ITEMS)


def _blocks(text: str) -> list[_Block]:
    blocks = [_Block(None, "")]
    previous_line = ""
    lines = text.split("\n")
    for index, raw_line in enumerate(lines):
        line = raw_line.strip()
        after_bullet = previous_line.startswith("- ")
        previous_line = line
        if not line:
            blocks[-1].lines.append("")
            continue
        if line.startswith(("..", "…")) and _LEADING_ELLIPSIS.match(line):  # "... Lust auf Kommunikation": an item
            blocks[-1].lines.append(line)
            continue
        is_bullet = line.startswith("- ")
        body = line[2:].strip() if is_bullet else line
        if len(line) <= 60 and is_chrome_line(line):
            if blocks[-1].group is not None:  # chrome after a section ends it ("Like this job?")
                blocks.append(_Block("chrome", line))
            continue
        group = heading_group(body)
        if group == "meta" and blocks[-1].group is None:
            group = None  # "Published: 1 week ago" above the ad text is a header fact
        # A bullet is a heading when colon-ended ("- Your profile:"), or short, opening a list
        # and changing the kind, so that "- Entwicklungsmöglichkeiten" in a benefits list or the
        # last step "- Offer" of a hiring process stays an item.
        current_kind = GROUP_KIND.get(blocks[-1].group or "")
        if group in ("requirements", "inferred_requirements") and _WISH_HEADING.search(body):
            group = "nice_to_have"  # "Desirable but not required skills", "Bonus points if you have"
        if group and GROUP_KIND[group] == "responsibilities" and _leads_on_benefits(body, blocks[-1], current_kind):
            blocks[-1].lines.append(line)  # "Why join …?" / "As a member of our team, you will:" goes on
            continue
        if group and (
            not is_bullet or body.endswith(":") or (
                not after_bullet and body.count(" ") < _BULLET_HEADING_MAX_SPACES and GROUP_KIND[group] != current_kind)
            or _is_nested_list_heading(body, group, current_kind, lines, index)
        ):
            blocks.append(_Block(group, body))
            continue
        if group is None and (inferred := _inferred_group(line, body, is_bullet, lines, index, blocks[-1].group)):
            if inferred == "inferred_requirements" and (_WISH_HEADING.search(body) or (
                    _FURTHER_WISH.search(body) and any(GROUP_KIND.get(block.group or "") == "requirements"
                                                       for block in blocks))):
                # "The ideal candidate is also:" after "We require:": wishes beyond the profile
                inferred = "nice_to_have"
            # A short label read by meaning that repeats the current section's kind ("Baseline:" /
            # "Extra Credit:" inside a requirements list) is a sub-heading: the section goes on.
            label = body.endswith(":") and body.count(" ") <= _SUB_HEADING_MAX_SPACES // 2
            if inferred != "subheading" and not (
                    label and GROUP_KIND[inferred] == GROUP_KIND.get(blocks[-1].group or "")):
                blocks.append(_Block(inferred, body))
            continue
        inline = None if is_bullet or ":" not in line else _INLINE_HEADING.fullmatch(line)
        if inline and inline.group(1).count(" ") < 6:
            group = heading_group(inline.group(1))
            current = blocks[-1].group
            # "Location: Cologne", "Arbeitgeber: Muster AG", "Skills: Figma, +8 more" before any
            # section are header facts, not headings.
            header_fact = current is None and group is not None and (
                GROUP_KIND[group] in ("other", "company") or _is_short_value(inline.group(2)))
            same_kind = current in GROUP_KIND and group is not None and GROUP_KIND[current] == GROUP_KIND[group]
            if group and not header_fact and not same_kind:
                blocks.append(_Block(group, inline.group(1), [inline.group(2)]))
                continue
        blocks[-1].lines.append(line)
    return blocks


_SHORT_VALUE_WORDS = 8


def _is_short_value(value: str) -> bool:
    return value.count(" ") < _SHORT_VALUE_WORDS and value.rstrip()[-1:] not in ".!?"


# Headings that name the tasks outright ("Deine Aufgaben", "Your tasks").
_NAMED_TASKS = frozenset({"responsibilities", "inferred_responsibilities"})


def _resolve(group: str, items: list[str], heading: str = "", named: frozenset[str] = frozenset()) -> str:
    """The section kind of a block under heading group ``group``. ``named`` holds the kinds that
    other headings of the ad name outright ("Deine Aufgaben")."""
    kind = GROUP_KIND[group]
    if group == "unlabelled":
        return content_kind(items, heading) or "other"
    if group == "pay_or_benefits":
        benefit_items = cue_scores(items)["benefits"] if len(items) >= 2 else 0
        return "benefits" if benefit_items * 2 >= len(items) and benefit_items else kind
    if group in ("responsibilities_or_benefits", "benefits_or_responsibilities"):
        # "Was dich (sonst so) erwartet" in an ad whose tasks stand under "Deine Aufgaben" is what the
        # applicant gets: the work has its own heading. (Not the other way round: benefits are often
        # split, "What you can expect" over team and culture, then "Why join us?" over perks.)
        # Unless the items plainly are more work ("Du betreust Kunden", "Du planst Projekte").
        scores = cue_scores(items)
        if "responsibilities" in named and not (
                scores["responsibilities"] >= _OVERRULE_SHARE * len(items) and not scores["benefits"]):
            return "benefits"
        alternative = "benefits" if kind == "responsibilities" else "responsibilities"
        if scores[alternative] > scores[kind] and scores[alternative] * 2 >= len(items):
            return alternative
    return kind


_NAMED_LIST_PEERS = 2


def _classify_bullet_lists(lines: list[str], sections: Sections) -> None:
    """Assign heading-less bullet lists by their content, when the cues are clear, to sections that
    are still empty."""
    empty = {kind for kind in _SECTION_KINDS if not getattr(sections, kind)}
    intro, bullets = "", []
    lists: list[tuple[list[str], str | None]] = []
    for line in lines + [""]:
        if line.startswith("- "):
            bullets.append(line)
            continue
        if bullets:
            items = _items(bullets)
            lists.append((items, content_kind(items, intro)))
            bullets = []
        if line:
            intro = line if line.endswith(":") else ""
    # An ad of heading-less lists (tasks, profile, offer): a one-item list that names its section
    # ("Zu Ihrem Tätigkeitsbereich gehören alle Aufgaben der Pflege.") takes the kind its words mean.
    if sum(1 for _, kind in lists if kind in empty) >= _NAMED_LIST_PEERS:
        taken = {kind for _, kind in lists}
        lists = [(items, kind or (meaning if len(items) == 1 and (meaning := heading_meaning(items[0])) not in taken
                                  else None)) for items, kind in lists]
    for items, kind in lists:
        if kind in empty:
            getattr(sections, kind).extend(items)


_BODY_LINE_WORDS = 10
_FACTS_LINE_WORDS = 8


def _has_long_line(lines: list[str], words: int) -> bool:
    return any(line.count(" ") + 1 >= words for line in lines if not line.startswith("- "))


_PROSE_MIN_WORDS = 20
_STRUCTURED_QUALIFICATION = re.compile(r"\((?:required|preferred|erforderlich|bevorzugt|wünschenswert)\)$", re.IGNORECASE)


def _has_bullets(block: _Block) -> bool:
    return any(line.startswith("- ") for line in block.lines)


_SENTENCE_MIN_WORDS = 8


_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÄÖÜ]")
# A paragraph opening with a label of at most four words ("Flexible hours.", "Urlaub:"): a bold-lead item.
_LEAD_LABEL = re.compile(r"^\W*(?:[\w'’&/+-]+\s+){0,3}[\w'’&/+-]+[.:!]\s+\S")


def _all_sentences(lines: list[str]) -> bool:
    """Running text: sentences, in one paragraph or in paragraphs of several sentences, perhaps under
    short sub-headings of their own ("CorrelAidX ausbauen" over "Du arbeitest daran, … Du vernetzt
    …"). One sentence per line ("Eine unbefristete Anstellung in einem tollen Team.") is a list
    written without bullets."""
    filled = [line for line in lines if line]
    sentences = [line for line in filled if line[-1] in ".!?" and line.count(" ") + 1 >= _SENTENCE_MIN_WORDS]
    if len(sentences) >= 2 and all(_LEAD_LABEL.match(line) for line in sentences):
        return False  # "Flexible hours. Work when it suits you." / "Learning budget. 2,000 EUR …": bold-lead items
    if not sentences or any(line not in sentences and not (_is_bare_line(line) and _stands_alone(lines, index))
                            for index, line in enumerate(lines) if line):
        return False
    return (len(filled) == 1 or any(_SENTENCE_BREAK.search(line) for line in sentences)) and (
        len(sentences) == len(filled) or len(sentences) > 1)


def _is_prose(lines: list[str]) -> bool:
    """Paragraphs of running text without bullets ("We are building our DACH sales team …")."""
    filled = [line for line in lines if line]
    return bool(filled) and all(not line.startswith("- ") and line.count(" ") + 1 >= _PROSE_MIN_WORDS
                                for line in filled)


def _is_chip(lines: list[str]) -> bool:
    """A heading word among the board's facts above the ad ("Berufserfahrung" / "€ 3.100 brutto/Monat"
    / "vor 4 Tagen"): its first paragraph is short lines, no bullets."""
    first = []
    for line in lines:
        if not line:
            if first:
                break
            continue
        first.append(line)
    return not any(line.startswith("- ") or line.count(" ") + 1 >= _FACTS_LINE_WORDS for line in first)


def _is_facts_box(lines: list[str]) -> bool:
    """Short label lines without a sentence ("Size: 51 to 200 Employees", "Branche: Logistik")."""
    return not _has_long_line(lines, _FACTS_LINE_WORDS) and not any(
        line.rstrip()[-1:] in ".!?" for line in lines if line)


# Content overrules a heading's words only when a clear majority of a list's items speaks of a
# section the ad otherwise lacks, and at least twice as many items as speak of the heading's kind.
_OVERRULE_MIN_ITEMS = 3
_OVERRULE_SHARE = 0.6


def _reassign_by_content(resolved: list[tuple[_Block, str, list[str]]]) -> None:
    """A list whose heading names one section but whose items plainly read as another, absent one
    ("Das kannst du bei uns erwarten:" over "Du betreust…, Du kümmerst dich…"; "What we're looking
    for:" over "Promote…, Lead…" followed by the real profile) takes the kind its items show."""
    present = {kind for _, kind, _ in resolved}
    if present.issuperset(_SECTION_KINDS):
        return
    for position, (block, kind, items) in enumerate(resolved):
        if kind not in _SECTION_KINDS or len(items) < _OVERRULE_MIN_ITEMS:
            continue
        scores = cue_scores(items)
        for other in _SECTION_KINDS:
            if other in present or other == kind:
                continue
            if scores[other] >= _OVERRULE_SHARE * len(items) and scores[other] >= 2 * scores[kind] + 1:
                resolved[position] = (block, other, items)
                present.add(other)
                break


def _bullet_runs(lines: list[str]) -> list[list[str]]:
    """The block's bullet lists: runs of bullet lines, broken by a blank or a text line."""
    runs: list[list[str]] = []
    current: list[str] = []
    for line in lines + [""]:
        if line.startswith("- "):
            current.append(line)
        elif current:
            runs.append(current)
            current = []
    return runs


_SPLIT_MIN_ITEMS = 3


def _split_off_other_lists(resolved: list[tuple[_Block, str, list[str]]]) -> None:
    """A second bullet list under one heading, set apart by a blank line, whose items plainly read as
    another section and hardly as the heading's ("Responsible for" over tasks, then a list of
    "At least 5 years experience…, Knowledge of…" whose heading the page lost) is that section."""
    for position in range(len(resolved) - 1, -1, -1):
        block, kind, items = resolved[position]
        if kind not in _SECTION_KINDS:
            continue
        runs = _bullet_runs(block.lines)
        moved: list[tuple[_Block, str, list[str]]] = []
        for run in runs[1:]:
            run_items = _items(run)
            if len(run_items) < _SPLIT_MIN_ITEMS:
                continue
            other = content_kind(run_items)
            scores = cue_scores(run_items)
            if other in _SECTION_KINDS and other != kind and scores[other] >= 2 * scores[kind] + 1:
                moved.append((_Block(block.group, block.heading, run), other, run_items))
        if moved:
            taken = {item for _, _, run_items in moved for item in run_items}
            resolved[position] = (block, kind, [item for item in items if item not in taken])
            resolved[position + 1:position + 1] = moved


def split_sections(text: str, *, company: str | None = None) -> Sections:
    """Split clean description text into company description and section items.

    A heading is a line of its own that :func:`heading_kind` recognises (also as a
    short bullet, from numbered headings), or a ``Heading: content`` line. A section
    runs to the next heading of any kind, including "other" headings ("Contact",
    "Interested?") and end-of-ad chrome. Its items are its ``- `` bullets (wrapped
    continuation lines joined), or every line when it has none; intro lines ending in
    ':' are skipped. Headings such as "Was dich erwartet" that may open tasks or
    benefits are decided by the items' wording. A "nice to have" block ("Preferred
    qualifications", "Wünschenswert") adds to the requirements only when the ad has no
    other profile section. A board chip above the ad text that reads like a heading
    ("Berufserfahrung") opens no section when the ad has a real one of that kind. Without
    any task, profile or benefit heading, bullet lists are assigned by content cues only
    when the cues are clear, else lists stay empty. company_description is the text under
    an about-us heading (a box of short facts such as "Size: 51-200 employees" is not), else
    the first paragraph before the first section that reads like an employer description
    or names the ``company`` in its opening words (header lines such as title, company and
    place skipped).
    """
    sections = Sections()
    blocks = _blocks(split_glued_headings(text))
    resolved: list[tuple[_Block, str, list[str]]] = []
    seen_list = any(line.startswith("- ") for line in blocks[0].lines)
    named = frozenset(GROUP_KIND[block.group] for block in blocks if block.group in _NAMED_TASKS)
    for index, block in enumerate(blocks[1:], start=1):
        if block.group == "chrome":
            continue
        items = _items(block.lines)
        kind = _resolve(block.group, items, block.heading, named)
        if kind in _SECTION_KINDS and not seen_list and _is_chip(block.lines) and any(
                GROUP_KIND.get(later.group or "") == kind and later.group != "nice_to_have"
                for later in blocks[index + 1:]):
            kind = "other"
        seen_list = seen_list or any(line.startswith("- ") for line in block.lines)
        resolved.append((block, kind, items))
    # "The role" over a prose paragraph, then "In this role you will" over bullets: the paragraph
    # describes the role, the bullets are its tasks.
    # Likewise lines without bullets ("FÜR BEWERBER" over "Bewerben Sie sich jetzt…", a teaser of
    # "... und spielen mit dem Gedanken…?" lines) when a bullet list of the same kind follows.
    for position, (block, kind, items) in enumerate(resolved):
        if kind in _SECTION_KINDS and (_is_prose(block.lines) or not _has_bullets(block)) and any(
                other_kind == kind and other is not block and not _is_prose(other.lines)
                and (_is_prose(block.lines) or (_has_bullets(other) and other.group != "nice_to_have"))
                for other, other_kind, _ in resolved):
            resolved[position] = (block, "other", items)
    # Sentences under a heading, in an ad that writes its lists as bullets ("Benefits and Compensation"
    # over "The hourly rate is $22/hr and does not offer health benefits."), are prose, not items.
    if any(kind in _SECTION_KINDS and _has_bullets(block) for block, kind, _ in resolved):
        for position, (block, kind, items) in enumerate(resolved):
            if kind in _SECTION_KINDS and not _has_bullets(block) and _all_sentences(block.lines):
                resolved[position] = (block, kind, [])
    _reassign_by_content(resolved)
    _split_off_other_lists(resolved)
    # "- www.steinbauer-engineering.com" under the benefits: a link list, not benefits
    resolved = [(block, kind, [item for item in items if not _BARE_ADDRESS.fullmatch(item)])
                if kind in _SECTION_KINDS else (block, kind, items) for block, kind, items in resolved]
    # Indeed's trailer ("Experience: / - Driving: 1 year (Required)") repeats the profile in its own form.
    for position, (block, kind, items) in enumerate(resolved):
        if kind == "requirements" and items and all(_STRUCTURED_QUALIFICATION.search(item) for item in items) and any(
                other_kind == "requirements" and other is not block for other, other_kind, _ in resolved):
            resolved[position] = (block, "other", items)
    has_profile = any(kind == "requirements" and block.group != "nice_to_have" for block, kind, _ in resolved)
    role_items: list[str] = []
    company_texts: list[str] = []
    intro_lines: list[str] = list(blocks[0].lines)
    reached_sections = False
    for block, kind, items in resolved:
        sections.headings.append((kind, block.heading))
        if kind == "requirements" and ((block.group == "nice_to_have" and has_profile)
                                       or _NOT_REQUIRED.search(block.heading)):
            sections.other.extend(items)
            reached_sections = True
        elif kind in _SECTION_KINDS:
            getattr(sections, kind).extend(items)
            reached_sections = True
        elif kind == "company":
            if not _is_facts_box(block.lines):
                company_texts.append(_paragraph_text(block.lines) or "")
            reached_sections = True
        else:
            if not reached_sections:
                intro_lines.extend(block.lines)
            if block.group == "role":
                role_items.extend(_items([line for line in block.lines if line.startswith("- ")]))
            sections.other.extend(items)
    # Lists above the first heading are assigned by content: all of them in an ad without section
    # headings, else only to a section the headings left empty (a task list under the intro
    # paragraph, then "Basic Qualifications").
    _classify_bullet_lists(intro_lines, sections)
    if not sections.responsibilities and role_items:
        sections.responsibilities.extend(role_items)
    company_text = "\n\n".join(text for text in company_texts if text)
    sections.company_description = company_text or company_from_intro(intro_lines, company)
    return sections
