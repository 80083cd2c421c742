"""What a heading-like line announces, read from the meaning of its words.

The phrase patterns of :mod:`crawler.parsing.headings` know the common headings exactly; real ads
word theirs in endless ways ("What are we looking for in you?", "Wichtig für uns ist:", "In diesen
Bereichen wirst du arbeiten", "You'll be a great addition to the team if you have:", a misspelt
"RESPONISIBILITIES:"). This module reads such a line by word stems instead: a stem is the start of
a word ("aufgabe" covers "Aufgaben", "Aufgabenbereich"; "qualif" covers "qualifications",
"Qualifikation"), a phrase stem is a run of such word starts ("you have", "über uns"). Misspelt key
words are matched by similarity (difflib). Which kind wins when a line holds several is decided by
how specific the stem is (the order below), not by where it stands: "What you'll bring" is a
profile although "you'll" opens tasks; "someone who will:" opens tasks although "looking for"
opens a profile.

Whether a line is a heading at all is decided by its structure (see :func:`is_heading_shape`), by
the caller; this module only says what a heading-shaped line means.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

__all__ = ["heading_meaning", "is_heading_shape", "section_key_word"]

# (kind, stems), most specific first. A stem with a space is a phrase: whole words, then the start of
# the last one; a stem ending in "=" is a whole word.
_MEANINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # how to apply and what happens next: never a profile or a task list
    ("other", ("process", "prozess", "ablauf", "bewerbung", "bewirb", "interview", "next step", "nächste schritt",
               "how to apply", "kontakt", "contact", "ansprechpartner", "hiring step", "auswahlverfahren",
               # the closing question: "Ready to lead with your expertise…?", "Interested?"
               "ready to", "ready for", "interested", "interessiert", "sounds like you", "klingt",
               # where to read more: "More information on", "Weitere Informationen", "Follow us"
               "more information", "more info", "further information", "additional information", "weitere informationen",
               "mehr informationen", "links=", "follow us", "folge uns", "folgen sie uns", "mehr erfahren", "learn more",
               "find out more")),
    ("benefits", ("bieten", "bietet", "offer", "benefit", "perk", "vorteil", "why us", "why join", "why work",
                  "warum wir", "warum uns", "what we give", "wir geben", "in return", "reward", "zusatzleistung",
                  "you get", "you'll get", "you will get", "du bekommst", "sie bekommen", "du erhältst", "goodies",
                  "what's in it", "why you", "you'll love", "you will love", "freu dich auf", "freuen sie sich auf", "darauf kannst du dich freuen", "package",
                  # what the applicant has from the job: "Was Du davon hast", "Was haben Sie davon?"
                  "springt für", "darum zu uns",
                  # what the reader finds at the employer: "Das finden Sie bei uns", "Was du bei uns findest"
                  "finden sie bei", "findest du bei", "bei uns finden", "bei uns findest", "deshalb zu uns", "davon hast", "davon habt", "davon haben", "hast du davon", "haben sie davon", "habt ihr davon", "für dich drin", "für sie drin")),
    ("company", ("about us", "über uns", "wer wir sind", "who we are", "who are we", "wer sind wir", "about the company", "über das unternehmen",
                 "our story", "our mission", "unsere mission", "das sind wir", "this is us")),
    # a person and what they bring
    ("requirements", ("profil", "profile", "qualif", "require", "anforder", "voraussetz", "skill", "kenntnis",
                      "kompetenz", "competenc", "capabilit", "fähigkeit", "expertise", "candidate", "kandidat",
                      "bewerber", "mitbring", "bring", "you have", "you'll have", "you need", "need to have",
                      "du hast", "sie haben", "must=", "minimum", "if you", "about you", "über dich", "wer du bist",
                      "who you are", "wen wir", "mindset", "erfahrung", "experience", "ideal", "wichtig für uns",
                      "what we expect", "was wir erwarten", "wir erwarten", "wir wünschen", "was du kannst",
                      "you are", "du bist", "sie sind", "nice to have", "plus", "bonus point", "extra credit",
                      "baseline", "criteri", "kriteri", "expectation", "erwartungen", "fit=", "qualities",
                      "qualitäten", "eigenschaften", "attribute", "we expect you", "we expect that", "expect from you",
                      # wishes beyond the profile ("That little extra", "We'll be impressed if", "Es wäre
                      # gut - aber nicht unbedingt erforderlich - dass Du"): the caller files them as nice to have
                      "little extra", "impressed", "wäre gut", "nicht unbedingt", "not required",
                      # what the job needs, or would like, of a person: "Was notwendig ist", "Was hilft und keine
                      # Bedingung ist", "What is necessary", "Desirable"
                      "notwendig", "erforderlich", "wünschenswert", "necessary", "desirable", "keine bedingung",
                      "not a condition", "no condition")),
    # work the person will do
    ("responsibilities", ("aufgabe", "task", "responsib", "verantwort", "tätigkeit", "duties", "duty", "rolle",
                          "role", "who will", "you will", "you'll", "wirst", "what you'll do", "what you do",
                          "involve", "day to day", "day-to-day", "mission", "einsatzgebiet", "arbeitsgebiet",
                          "bereichen", "job content", "deine arbeit", "ihre arbeit", "your work", "projects",
                          # "Du willst" over "- Kunden verstehen, Ideen entwickeln": what the person wants to do
                          "du willst", "ihr wollt",
                          # a list of things to do: "Deine To-dos", "Todos"
                          "to-do", "todo")),
    # looking for someone: a profile, unless "someone who will" (tasks, above)
    # (the employer is the one looking: "Sie suchen einen neuen Job?" is a question to the reader)
    ("requirements", ("we're looking for", "we are looking for", "are we looking for", "we look for", "wir suchen",
                      "suchen wir", "we're seeking", "we are seeking", "we want", "wir wollen",
                      # "We get excited about engineers who have...": people described by what they have
                      "who have", "who has")),
    # facts for the reader ("Some details you should know:", "Gut zu wissen"): no section, unless a
    # section's own word is named ("Details zu deinen Aufgaben", matched above)
    ("other", ("detail=", "details=", "should know", "need to know", "good to know", "worth knowing", "gut zu wissen",
               "wissenswert",
               # how applying goes, when no section word says otherwise ("Application questions", "How we
               # hire", "Bitte beantworte folgende Fragen:"; but "Deine Aufgaben im Recruiting" is the tasks)
               "hiring", "how we hire", "recruiting", "application", "apply=", "fragen", "questions", "interview")),
)
# Where the job is ("Where You'll Be", "Where is the job?", "Wo du arbeitest"): "other", unless the line
# names a section's own noun, which the place only qualifies ("Ihre Aufgaben am Standort Berlin:").
_PLACE_STEMS = ("where=", "wo=", "location", "standort", "arbeitsort", "einsatzort")
_SECTION_NOUNS = ("aufgabe", "tätigkeit", "task", "responsib", "duties", "profil", "profile", "qualif", "anforder",
                  "require", "voraussetz", "benefit", "leistung", "angebot", "offer", "perk")
# Key words whose misspellings are still recognised ("RESPONISIBILITIES", "Anforderugen").
_SPELLED_KEYS = {
    "responsibilities": "responsibilities", "responsibility": "responsibilities", "requirements": "requirements",
    "qualifications": "requirements", "aufgaben": "responsibilities", "anforderungen": "requirements",
    "voraussetzungen": "requirements", "tätigkeiten": "responsibilities", "kenntnisse": "requirements",
    "benefits": "benefits", "qualifikationen": "requirements", "leistungen": "benefits",
    "qualities": "requirements",
}
_SIMILAR = 0.85
_SHORTEST_FUZZY_WORD = 7
_WORD = re.compile(r"[\wäöüß'’]+(?:-[\wäöüß]+)*", re.IGNORECASE)
# "the successful candidate will contribute:", "You will work on": someone who will do something is
# given tasks; "will have", "will bring", "will be a great fit" describe the person.
_WILL_DO = re.compile(r"\b(?:will|'ll|’ll)\s+(?!(?:have|bring|need|be|possess|ideally|thrive|fit|excel|succeed|get|receive"
                      r"|enjoy|love|gain)\b)[a-z]{3,}", re.IGNORECASE)
# "Why should you apply?", "Warum solltest du dich bei uns bewerben?", "Why you'll love working here": a
# question about the reader's reasons to join is answered with what the reader gets.
_WHY = ("why=", "warum=", "wieso=", "weshalb=")
_JOINING = ("apply", "join", "work", "choose", "love", "us=", "bewerb", "bewirb", "arbeit", "uns=", "wähl", "komm")
# "Was dich erwartet" may open tasks or benefits: content decides, not these words.
_AMBIGUOUS = re.compile(r"\b(?:erwartet|erwarten\s+dich|awaits|to\s+expect)\b", re.IGNORECASE)


_BRACKETED = re.compile(r"\([^()]*\)")


def _words(line: str) -> list[str]:
    return [word.replace("’", "'") for word in _WORD.findall(line.lower())]


def _has_stem(words: list[str], stem: str) -> bool:
    if stem.endswith("="):  # a whole word: "must", not "Muster GmbH"
        return stem[:-1] in words
    parts = stem.split(" ")
    if len(parts) == 1:
        # the parts of a hyphenated compound count too: "Recruiting-Prozess", "Job-Aufgaben"
        return any(word.startswith(stem) or ("-" in word and any(part.startswith(stem) for part in word.split("-")[1:]))
                   for word in words)
    last = len(words) - len(parts)
    return any(all(words[index + offset].startswith(part) if offset == len(parts) - 1 else words[index + offset] == part
                   for offset, part in enumerate(parts))
               for index in range(last + 1))


def _similar(matcher: SequenceMatcher) -> bool:
    # real_quick_ratio() >= quick_ratio() >= ratio() (difflib's bounds, as get_close_matches uses
    # them): the cheap bounds turn most pairs away before the costly ratio.
    return (matcher.real_quick_ratio() >= _SIMILAR and matcher.quick_ratio() >= _SIMILAR
            and matcher.ratio() >= _SIMILAR)


def _misspelt_kind(words: list[str]) -> str | None:
    for word in words:
        if len(word) < _SHORTEST_FUZZY_WORD:
            continue
        for key, kind in _SPELLED_KEYS.items():
            if abs(len(key) - len(word)) <= 3 and _similar(SequenceMatcher(None, word, key)):
                return kind
    return None


_QUESTION_WORDS = frozenset(("was", "wen", "welche", "welches", "wie", "wo", "womit", "wofür"))
# Only the employer's "wir": its stems ("wir erwarten", "wir bieten") are what the swap lets match;
# the reader's questions ("Was haben Sie davon?", "Was bringst du mit?") are read as they stand.
_SUBJECT_PRONOUNS = frozenset(("wir",))


@lru_cache(maxsize=4096)
def heading_meaning(line: str) -> str | None:
    """The section a heading-shaped ``line`` announces: "responsibilities", "requirements",
    "benefits", "company" or "other" (how to apply, the hiring process), or None when its words
    say nothing of the kind. A bracketed remark only qualifies the heading: "Must have (Erfüllung ist
    notwendig für die Teilnahme am Bewerbungsprozess):" is a profile; the remark counts only when the
    rest says nothing ("(optional)")."""
    if "?" in line.rstrip(" ?:") and (after := line.rsplit("?", 1)[1]).strip(" :"):
        # "Interested? We offer:", "Sound good? Here's what you'll do:": the last sentence names the section
        if meaning := heading_meaning(after.strip()):
            return meaning
    unbracketed = _BRACKETED.sub(" ", line)
    if unbracketed != line and _words(unbracketed):
        meaning = heading_meaning(unbracketed)
        if meaning:
            return meaning
    words = _words(line)
    if not words or len(words) > 16:
        return None
    if len(words) >= 3 and words[0] in _QUESTION_WORDS and words[2] in _SUBJECT_PRONOUNS:
        # a German question puts the verb first: "Was erwarten wir?" says what "wir erwarten" says
        words = [words[0], words[2], words[1], *words[3:]]
    if _AMBIGUOUS.search(line.lower()) and not any(_has_stem(words, stem) for stem in ("wir erwarten", "was wir erwarten")):
        return None
    ends_in_will = words[-1] in ("will", "wirst", "werden") and not _has_stem(words, "candidate")
    # "You'll fit right in if:", "This is for you if:", "Du passt zu uns, wenn" go on with who the person is
    if words[-1] in ("if", "wenn", "falls"):
        return "requirements"
    # A stem can only be found where its letters stand in the words joined by single spaces: that
    # substring test costs far less than _has_stem and turns most stems away.
    joined = " ".join(words)
    if any(stem.rstrip("=") in joined and _has_stem(words, stem) for stem in _PLACE_STEMS) and not any(
            stem.rstrip("=") in joined and _has_stem(words, stem) for stem in _SECTION_NOUNS):
        return "other"
    if words[0] + "=" in _WHY and any(
            _has_stem(words[1:], stem) for stem in _JOINING) and not any(_has_stem(words, stem) for stem in _SECTION_NOUNS):
        return "benefits"
    will_do = _WILL_DO.search(line) is not None
    for kind, stems in _MEANINGS:
        if kind == "requirements" and will_do:
            return "responsibilities"
        if ends_in_will and kind == "requirements":
            continue  # "We're looking for someone who will:" goes on with what that person will do
        if any(stem.rstrip("=") in joined and _has_stem(words, stem) for stem in stems):
            return kind
    return _misspelt_kind(words)


def section_key_word(line: str) -> str | None:
    """The section a line's first word names outright ("Anforderungen must have, …", "Requirements
    for this role are …"): one of the key nouns, spelt right; else None."""
    first = _WORD.match(line.strip(" \t*_#").lower())
    return _SPELLED_KEYS.get(first.group()) if first else None


_TRAILING_DOTS = re.compile(r"(?:\.{2,}|…)[.…]*$")
_LONGEST_HEADING_WORDS = 12
_LONGEST_HEADING_CHARACTERS = 90


def is_heading_shape(line: str, *, next_is_bullet: bool = False) -> bool:
    """Whether ``line`` is shaped like a heading: short, not a sentence, and marked as a heading by
    a trailing ':' or '?', a Markdown heading marker, capitals, or a bullet list right below it."""
    text = line.strip()
    if not text or len(text) > _LONGEST_HEADING_CHARACTERS or text.count(" ") >= _LONGEST_HEADING_WORDS:
        return False
    if text.startswith("- "):
        return False
    trailing_dots = _TRAILING_DOTS.search(text) if text.endswith((".", "…")) else None
    if trailing_dots:  # "The tasks we need covered……..", "Where is the job?........": a heading's colon
        text = text[:trailing_dots.start()] + ":"
    core = text.strip("*_#: \t?")
    if not core or core[-1] in ".!;," or ". " in core:
        return False
    letters = [character for character in core if character.isalpha()]
    return (text.endswith((":", "?", ":**", "?**")) or text.startswith("#") or next_is_bullet
            or (len(letters) >= 4 and all(character.isupper() for character in letters)))
