"""The employer an ad names only in its prose, found by ranking every name the ad writes.

The narrow readers (employer.py, employer_mentions.py, employer_clues.py) each know one place an
employer's name stands. Ads outside the corpus put it anywhere, so this reader asks the same
questions of every organisation-like name instead: how often the ad writes it, whether sentences
speak of it as an organisation ("Wilo ist stolz …", "Compiler helps …", "ProPublica's mission",
"here at X", "Wir von X", "Träger ist X", "About X"), whether the ad's own e-mail or web address
spells it ("lohrer@comenius.de"), whether it carries a legal form, whether it stands in the first or
last paragraph, whether the title line opens with it. A name needs one piece of organisation
evidence (a cue, the address or a legal form); recurrence and position only add to it. The title's
words, places, skills, headings, common words (also written in lower case), a name after "unsere" or
"our" and a unit ("… division", "Division: …") are no candidates. posting.py asks it last, to fill an
empty company. Replacing a found company the prose gives no evidence for by a strongly attested name
was measured and dropped: one right on the corpus, four fewer right on a probe outside it
(tests/real/README.md).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from crawler.parsing.employer import _NOT_AN_EMPLOYER, _UMLAUTS, _is_place_name, _is_skill_name, named_as_third_party
from crawler.parsing.header import looks_like_job_title
from crawler.parsing.headings import heading_kind
from crawler.parsing.name_in_text import (
    LEGAL_FORM,
    address_names,
    count_word,
    ends_with_legal_form,
    name_with_legal_form,
    writes_word,
    written_in_lower_case,
)

_LEGAL_FORM = f"(?:{LEGAL_FORM})"
# A brand named with its web domain keeps it ("Crunch.io is seeking …", "Booking.com"); a sentence's
# full stop does not ("… at Crunch. Io").
_WEB_SUFFIX = r"(?:\.(?:com|io|ai|co|net|org|app|dev)(?!\w|\.\w))?"
# A name word: capitalised ("Wilo", "Fraunhofer-Institut", "O&B"), a short abbreviation before another
# name word ("St. Louis"; "Utility. We're" is two sentences), camel-cased ("eBay",
# "ProPublica") or joined by "&" ("tim&koko"). Lower-case brand words ("thyssenkrupp") join when the
# ad's addresses spell them (see _brand_words).
# A name may open with digits ("10up", "8Bit", "1Password", "23andMe"); ordinals and units do not
# ("2nd", "24hrs", "10km").
_DIGITS_THEN_LETTERS = r"\d+(?!(?:st|nd|rd|th|px|km|kg|mb|gb|tb|kb|ms|hrs?|yrs?|am|pm|min|mins|days?)\b)[A-Za-z]{2,}[\w&'’+-]*"
_WORD = (r"(?:[A-Z][a-z]{0,2}\.(?=[ \t]+[A-ZÄÖÜ])|[A-ZÄÖÜ][\w&'’+-]*" + _WEB_SUFFIX
         + r"|[a-zäöü]+[A-Z&][\w&'’+-]*" + _WEB_SUFFIX + "|" + _DIGITS_THEN_LETTERS + ")")
_CONNECTOR = r"(?:für|for|of|the|der|des|and|und|&)"
_CANDIDATE = re.compile(
    rf"(?<![\w&@./-])(?P<name>{_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_WORD}){{0,5}})(?:,?[ \t]+(?P<form>{_LEGAL_FORM}))?"
    r"(?![\w&@-])")
# What is said right after a name when a sentence speaks of it as an organisation.
_SUBJECT_AFTER = re.compile(
    r"[ \t](?<=[\w.][ \t])(?:is|was|has|are|helps|builds|offers|provides|creates|develops|serves|works|makes"
    r"|believes|hosts|grew|ist|war|hat|bietet|steht|entwickelt|gehört|zählt|betreibt|verfolgt|wurde|sucht|suchen|produziert|vertreibt"
    r"|unterstützt|begleitet|beschäftigt)\b")
_POSSESSIVE_AFTER = re.compile(r"['’](?<=\w.)s[ \t]+(?:\w+[ \t]+)?(?i:mission|team|products?|platform|customers|values|culture"
                               r"|offices?|goal|vision|work|journalism|clients|services|engineering|founders?)\b")
# What stands right before a name the ad speaks for: "here at X", "we at X", "join X", "Wir von X",
# "Wir als Firma X", "Träger ist X", "We are X", "About X", "Über X", "working at X" (not "bei X": German
# nouns follow it everywhere, "bei Fragen").
_SPEAKS_FOR = ("here at", "we at", "wir von", "wir bei", "wir als", "wir als firma", "träger ist", "we are", "wir sind",
               "welcome to", "willkommen bei", "willkommen im team von", "willkommen im team der")
_PLACED_AT = ("us at", "join", "joining", "join the team at", "about", "über", "work at", "work for", "working at",
              "working for", "career at", "careers at", "team von", "team der", "team des", "team at", "komm zu",
              "komm zur", "kommen sie zu", "teil von")
_ARTICLES = ("", " the", " die", " der", " das")
_BEFORE_NAME = tuple(f" {cue}{article} " for cue in _SPEAKS_FOR + _PLACED_AT for article in _ARTICLES)
_CUE_LAST_WORDS = frozenset(cue.split()[-1] for cue in _BEFORE_NAME)
_SPEAKS_BEFORE_NAME = tuple(f" {cue}{article} " for cue in _SPEAKS_FOR for article in _ARTICLES)
_GERMAN_ARTICLE_BEFORE = re.compile(r"\b(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]em|[Dd]en|[Ee]ine?[mnrs]?)[ \t]+$")
_SENTENCE_START = re.compile(r"(?:(?:^|\n)[ \t]*(?:[*+-][ \t]+)?|(?<![\d.])[.!?:][ \t]+|\b(?:The|Die|Der|Das)[ \t]+)$")
_FUNCTION_WORDS = frozenset(
    "the a an and or of for to in on at by with from as is are be this that these those it its our your their we you "
    "they he she i my his her all any each every some no not if when then so but also here there what which who how "
    "why our about join please more most new job jobs role team company wir sie du ihr ich er es der die das den dem "
    "des ein eine einer eines einem einen und oder mit von bei beim für auf aus zu zur zum im in an am als wie was wer "
    "wo wenn dann auch aber nicht noch nur hier dort unser unsere ihre deine dein uns über unter durch nach vor seit "
    "mehr alle jede jeder jedes dieser diese dieses".split())
_POSSESSIVE_DETERMINERS = frozenset("our your their my unser unsere unserer unserem unseren unseres ihre ihrer ihrem "
                                    "ihren dein deine deiner deinem deinen euer eure".split())
_UNIT_WORDS = frozenset("division department directorate branch unit abteilung fachbereich referat".split())
_UNIT_AFTER = re.compile(rf"[ \t]+(?i:{'|'.join(sorted(_UNIT_WORDS))})\b")
# "At X, …" opening a sentence: the place the sentence speaks from.
_AT_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?\n])[ \t]*|(?<=[.!?])[ \t]+)At[ \t]+$", re.MULTILINE)
_PRONOUN_NEXT = re.compile(r"[ \t]+(?:we|you)\b")
# "Bei X" opening a sentence whose verb comes next and its subject after it (German puts the verb
# second): the place the sentence speaks from, as "At X, we …" ("Bei Fragen wende dich …" has no
# pronoun after its verb).
_BEI_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?\n])[ \t]*|(?<=[.!?])[ \t]+)Bei[ \t]+$", re.MULTILINE)
_VERB_THEN_PRONOUN = re.compile(r"[ \t]+[a-zäöüß]{3,}[ \t]+(?:wir|du|ihr)\b")
_ENOUGH = 4
_CUE_CAP = 6
_REACH = 400  # the first and last paragraphs, by characters


@dataclass(frozen=True)
class RankedEmployer:
    """A candidate name with organisation evidence, and its evidence score."""

    name: str
    score: int


def rank_employers(text: str, title: str | None = None) -> list[RankedEmployer]:
    """Every candidate name of ``text`` with its evidence, best first (see the module docstring)."""
    text = text or ""
    labels = address_names(text)
    brands = _brand_words(text, labels)
    cues: Counter[str] = Counter()
    written: Counter[str] = Counter()
    first: dict[str, int] = {}
    owned: set[str] = set()
    # Where cues begin, found in one pass each: a name ending where an " is" begins carries that cue.
    possessive = {match.start() for match in _POSSESSIVE_AFTER.finditer(text)}
    subject = {match.start() for match in _SUBJECT_AFTER.finditer(text)}
    for name, start, end in _iter_candidates(text, brands):
        written[name] += 1
        first.setdefault(name, start)
        preceding = text[max(0, start - 16):start].split()
        if preceding and (preceding[-1].casefold() in _POSSESSIVE_DETERMINERS
                          or preceding[-1].casefold().rstrip(":") in _UNIT_WORDS) or _UNIT_AFTER.match(text, end):
            # "unsere Tierklinik": a common noun, however it is spelt; "The Digital Public Services
            # division is headed by …", "Division: Digital Public Services": a unit of the employer
            owned.add(name)
        if end in possessive:
            cues[name] += 2
        elif end in subject:
            before = text[max(0, start - 40):start]
            if _SENTENCE_START.search(before) and not (
                    _GERMAN_ARTICLE_BEFORE.search(before) and " " not in name and not ends_with_legal_form(name)):
                cues[name] += 2  # "Die Stelle ist …": a German noun after an article is no name by itself
        if start and text[start - 1] in " \t" and (
                text[max(0, start - 9):start].split() or [""])[-1].casefold() in _CUE_LAST_WORDS and (
                window := " " + " ".join(text[max(0, start - 24):start].casefold().split()) + " ").endswith(_BEFORE_NAME):
            cues[name] += 3 if window.endswith(_SPEAKS_BEFORE_NAME) else 2  # "here at X", "join X", "Wir von X"
        elif (text.startswith(",", end) or _PRONOUN_NEXT.match(text, end)) and _AT_SENTENCE_START.search(
                text, max(0, start - 6), start):
            cues[name] += 2  # "At JetBrains, code is our passion.", "At Amapharm you get …"
        elif _BEI_SENTENCE_START.search(text, max(0, start - 6), start) and _VERB_THEN_PRONOUN.match(text, end):
            cues[name] += 3  # "Bei Roos Fleetservice GmbH sind wir mehr als …", "Bei Amapharm bekommst du …"
    folded_title = (title or "").casefold()
    last_start = max(0, len(text) - _REACH)
    ranked: list[RankedEmployer] = []
    for name in written:
        if name in owned:
            continue
        spelt = _spelt_by(name, labels)
        legal = ends_with_legal_form(name)
        organisation = bool(cues[name] or spelt or legal)
        if not organisation:
            continue
        score = min(cues[name], _CUE_CAP) + 3 * spelt + 2 * legal + min(written[name] - 1, 3)
        if first[name] < _REACH or text.rfind(name) >= last_start:
            score += 1
        score += bool(_DISTINCTIVE.search(name))
        score += 2 * _opens_or_closes(name.casefold(), folded_title)
        ranked.append(RankedEmployer(name, score))
    ranked.sort(key=lambda entry: (-entry.score, first[entry.name]))
    return [entry for entry in ranked if not _refused(entry.name, text, folded_title, labels)]


# Spelt like no common word: letters joined by "&" ("O&B", "tim&koko") or a capital inside a word
# ("ProPublica", "SanLucar"; not "SaaS").
_DISTINCTIVE = re.compile(r"\w&\w|\b[A-Z]?[a-z]+[A-Z][a-z]")


def _opens_or_closes(folded_name: str, folded_title: str) -> bool:
    """True when the title line opens or ends with the name ("Wilo Werkstudent - …", "… (Edusuite)"),
    beside more than one other word: with a single word ("Data Engineer") the name is the role's field."""
    rest = folded_title.replace(folded_name, " ", 1).strip(" -–—|:()")
    return bool(folded_title) and len(rest.split()) > 1 and (
        folded_title.startswith(folded_name + " ") or folded_title.rstrip(")").endswith((" " + folded_name, "(" + folded_name)))


def employer_by_ranking(text: str, title: str | None = None) -> str | None:
    """The best-attested name of ``text`` (see :func:`rank_employers`) when it scores enough; None otherwise."""
    ranked = rank_employers(text, title)
    if ranked and ranked[0].score >= _ENOUGH:
        return name_with_legal_form(ranked[0].name, text)
    return None




def _iter_candidates(text: str, brands: frozenset[str]):
    """``(name, start, end)`` for each name-like run, function words trimmed from its ends."""
    pattern = _CANDIDATE
    if brands:
        brand = "|".join(re.escape(word) for word in sorted(brands, key=len, reverse=True))
        pattern = re.compile(
            rf"(?<![\w&@./-])(?P<name>(?:{brand}|{_WORD})(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_WORD}){{0,5}})"
            rf"(?:,?[ \t]+(?P<form>{_LEGAL_FORM}))?(?![\w&@-])")
    for match in pattern.finditer(text):
        raw = match["name"]
        if " " not in raw and "\t" not in raw and not match["form"]:  # one word: most runs
            name = raw.rstrip(".")
            name = name[:-2] if name.endswith(("'s", "’s")) else name
            if len(name) >= 2 and name.casefold() not in _FUNCTION_WORDS:
                start = match.start("name")
                yield name, start, start + len(name)
            continue
        words = raw.split()
        start = match.start("name")
        while words and (words[0].casefold().rstrip(".") in _FUNCTION_WORDS):
            start += len(words[0]) + 1
            words = words[1:]
        while words and (words[-1].casefold().rstrip(".") in _FUNCTION_WORDS):
            words = words[:-1]
        if not words:
            continue
        if match["form"] and words and words[-1] == match["name"].split()[-1]:
            if match.string.startswith(",", match.end("name")):
                words[-1] += ","  # "Natural Essentials, Inc.": as written
            words.append(match["form"])  # "Comenius-Institut … e.V.": the legal form ends the name
        if words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]  # "ProPublica’s mission": the name without its possessive
        name = " ".join(words)
        if not match["form"]:
            name = name.rstrip(".")
        if len(name) < 2 or (name.isupper() and len(words) > 1):
            continue  # "WILO BIETET ALS ARBEITGEBER": a shouted heading
        yield name, start, start + len(name)


def _spelt_by(name: str, labels: frozenset[str]) -> bool:
    """True when an address label spells the whole name or the name begins with the label
    ("holidayextras" for "Holiday Extras", "comenius" for "Comenius-Institut …"); a label that shares
    only a first word with it does not ("datareply" for "Data Wrangler")."""
    if not labels:
        return False
    squeezed = re.sub(r"[^a-z0-9]", "", name.casefold().translate(_UMLAUTS))
    return len(squeezed) >= 3 and any(
        squeezed in label or (len(label) >= 4 and squeezed.startswith(label)) for label in labels)


_LOWER_SENTENCE_OPENER = re.compile(r"(?:[.!?][ \t]+|\n[ \t]*)(?P<word>[a-z][a-z0-9]{2,})[ \t]+[A-ZÄÖÜ]")


# "konfetti is the booking platform …", "smava hilft bei der Finanzierung …": a lower-case word opening
# a sentence as the subject of a verb that says what an organisation is or does.
_LOWER_SUBJECT = re.compile(r"(?:[.!?][ \t]+|\n[ \t]*)(?P<word>[a-z][a-z0-9]{2,})[ \t]+(?:is|ist|hilft|helps|bietet|offers"
                            r"|builds|baut|entwickelt|develops|makes|macht|sorgt|steht|verbindet|connects)\b")


def _brand_words(text: str, labels: frozenset[str]) -> frozenset[str]:
    """Lower-case words spelt as names: the ad's addresses spell them ("eyeo"), or they open a
    sentence before a capitalised word or as the subject of an organisation's verb and are written
    again ("thyssenkrupp Bilstein steht …", "konfetti is the booking platform …")."""
    words = {label for label in labels if writes_word(label, text, before="@./-", after="@-", host_after=True)}
    opened = "\n" + text
    for match in [*_LOWER_SENTENCE_OPENER.finditer(opened), *_LOWER_SUBJECT.finditer(opened)]:
        word = match["word"]
        if word not in _FUNCTION_WORDS and count_word(word, text, before="@./-", after="@-") >= 2:
            words.add(word)
    return frozenset(words)


def _refused(name: str, text: str, folded_title: str, labels: frozenset[str]) -> bool:
    words = name.split()
    if _NOT_AN_EMPLOYER.match(name) or words[0].casefold() in _FUNCTION_WORDS or len(name) < 3:
        return True
    folded = name.casefold()
    if folded_title and folded in folded_title and not _opens_or_closes(folded, folded_title):
        return True  # the role's own words ("Wilo Werkstudent - …" opens with the employer)
    spelt = _spelt_by(name, labels)
    # A common word is also written in lower case somewhere (a name keeps its capitals).
    if not spelt and written_in_lower_case(name, text):
        return True
    if looks_like_job_title(name) or heading_kind(name) or _is_place_name(name):
        return True
    return not spelt and (_is_skill_name(name) or named_as_third_party(name, text))
