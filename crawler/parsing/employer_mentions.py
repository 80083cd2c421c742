"""The employer an ad names only in passing, found by the places its name stands in.

Many career pages never write the employer as a sentence's subject with "is a company …": they
say "here at Banjo", "Zipcar’s internal … products", "the Affirm platform", "the engineering team
at Snowflake", "Wir von Checkpad suchen …". Each of those places is a cue that the name is the
organisation the ad speaks for; a name with two cues is the employer, or with one cue when it is
written again, is spelt like no common word ("O&B", "LiveRamp") — a name the ad's own web or e-mail
addresses spell counts one cue more. Names are told from common words by their spelling: a name
keeps its capitals everywhere ("Snowflake … Snowflake"), a common word is also written in lower case
somewhere in the ad ("Candidates must …" and "strong candidates"); a tool the ad asks for ("the AWS
platform") is no employer where a tool could stand. Checked on text-only probes outside the corpus
(vele616/monorepo and pythonjobs/jobs ads with the front matter's employer removed; see
tests/real/README.md).
"""

from __future__ import annotations

import re
from collections import Counter

from crawler.parsing.employer import _NOT_AN_EMPLOYER, _UMLAUTS, _is_place_name, _is_skill_name, named_as_third_party
from crawler.parsing.employer_clues import KINDS_OF_HIRER
from crawler.parsing.header import _ORGANISATION_WORD_RE, looks_like_job_title
from crawler.parsing.headings import heading_kind
from crawler.parsing.name_in_text import address_names, count_word, lowered_alike, written_in_lower_case
from crawler.parsing.title import remove_company_suffix

# A name: one to three capitalised words, or a camel-cased one ("LiveRamp", "eBay").
_NAME = r"(?:[A-Z][\w&'’+-]*|[a-z]+[A-Z][\w&'’+-]*)(?:[ \t]+[A-Z][\w&'’+-]*){0,2}"
_GERMAN_NAME_WORDS = r"[\w&'’.+-]+(?:[ \t]+[\w&'’.+-]+){0,2}?"

# What an organisation owns or is made of, said of it with "the": "the Affirm platform", "the PIX
# platform", "the Rabbit experience", "the Snowflake product", "the Superhuman Values".
_OWNED = (r"platforms?|products?|infrastructure|experience|values|mission|offices?|HQ|headquarters"
          r"|community|culture|family|apps?|brand|services?|codebase|stack|customers|users|way")
_NO_DETERMINER = r"(?!(?:[a-z]*eines|dieses|jenes|jedes|alles|etwas|ihres|unseres|eures|des)\b)"
_CUES = (
    # "Zipcar’s internal and consumer facing products", "Inngest's design team", "O&B’s Consulting Services"
    # ("Bachelor’s Degree", "Bachelor's or Master's": an academic degree, not an owner)
    (re.compile(rf"(?<![\w.'’])(?P<name>{_NAME})['’]s[ \t]+(?!(?i:degrees?|or|and|level|programs?|programmes?)\b)\w"), 1),
    # "the Affirm platform and products", "the heart of the Snowflake product"
    # ("the Princely Family of Liechtenstein": a capitalised "Family" is part of the name, not owned by it)
    (re.compile(rf"\b[Tt]he[ \t]+(?P<name>{_NAME})[ \t]+(?:{_OWNED}|(?-i:Values|Platform|Product|Experience))\b"), 1),
    # "the O&B team": a team is named after the employer as often as after a department ("The Growth
    # team is extremely data driven"), so it counts only for a name no common word is spelt like or that
    # the ad's addresses spell.
    (re.compile(rf"\b[Tt]he[ \t]+(?P<name>{_NAME})[ \t]+(?i:teams?)\b"), 0),
    # "here at Banjo", "join Acme", "the engineering team at Snowflake", "work for Acme"
    (re.compile(rf"\b(?:[Hh]ere[ \t]+at|[Jj]oin(?:ing)?|(?:[Tt]eam|[Ee]ngineers?|[Cc]areers?|[Ll]ife|[Ww]ork(?:ing)?)"
                rf"[ \t]+(?:at|for|with))[ \t]+(?P<name>{_NAME})(?=[ \t]*[.,!?;:]|[ \t]+(?:HQ|and|we|you|as)\b|$)",
                re.MULTILINE), 1),
    # "Snowflake is reinventing …", "Glint helps you see …", "After School fosters …": the name as
    # a sentence's subject with a verb of the third person.
    # The sentence goes on after the verb: "Job requirements" alone is a heading, not "Job" requiring.
    # A sentence that ends its line with a colon labels what follows ("Job details and application process:").
    # (A German determiner ending in "s" is no such verb: "Werde Teil eines Weltklasse-Teams".)
    (re.compile(rf"(?:^|(?<=[.!?][ \t]))(?:The[ \t]+)?(?P<name>{_NAME})[ \t]+(?:is|has|was|(?!must\b){_NO_DETERMINER}[a-z]{{3,}}s)\b"
                r"(?=[ \t]+\w)(?![^\n.!?]*:[ \t]*$)", re.MULTILINE), 1),
    # "Die Active Group entwickelt Individualsoftware …": a German subject of two words or more.
    (re.compile(r"(?:^|(?<=[.!?][ \t]))(?:Der|Die|Das)[ \t]+(?P<name>[A-ZÄÖÜ][\w&'’+-]*(?:[ \t]+[A-ZÄÖÜ][\w&'’+-]*){1,2})"
                r"[ \t]+(?:ist|hat|[a-zäöü]{3,}t)\b", re.MULTILINE), 1),
    # "Edusuite is looking for an awesome HR and Admin Assistant", "LiveRamp is looking for …": the
    # name as the subject of the hiring sentence says it is the employer by itself.
    (re.compile(rf"(?:^|(?<=[.!?][ \t]))(?:The[ \t]+)?(?P<name>{_NAME})[ \t]+(?:is|are)[ \t]+(?:looking[ \t]+for|looking[ \t]+to[ \t]+(?:hire|recruit)|hiring"
                r"|seeking|recruiting)\b", re.MULTILINE), 2),
    # "Als Backend Engineer bei Team One Developers wirst Du …", "As a Data Analyst at Acme, you will …":
    # the reader placed in the role at the employer.
    (re.compile(rf"\b(?:[Aa]s[ \t]+(?:a|an|the|our)[ \t]+[^.!?\n]{{1,60}}?[ \t]+at[ \t]+(?P<name>{_NAME}),?[ \t]+you\b"
                rf"|[Aa]ls[ \t]+[^.!?\n]{{1,60}}?[ \t]+bei[ \t]+(?:(?:der|dem|den)[ \t]+)?(?P<german>{_GERMAN_NAME_WORDS}),?[ \t]+"
                r"(?:(?:wirst|bist|arbeitest|unterstützt|verstärkst|übernimmst|gestaltest|hast|kannst|bringst|trägst)[ \t]+(?:du|Du)"
                r"|(?:werden|sind|arbeiten|unterstützen|verstärken|übernehmen|gestalten|haben|können|bringen|tragen)[ \t]+Sie)\b)"), 2),
    # "Die Forschungsgruppe SPiRIT an der Hochschule Magdeburg-Stendal sucht …", "a lab at the University
    # of X": the organisation a unit belongs to (counted only for a name with an organisation word).
    (re.compile(rf"\b(?:an[ \t]+der|an[ \t]+dem|am|beim|bei[ \t]+der|at[ \t]+the|of[ \t]+the)[ \t]+(?P<name>{_NAME})"), 1),
    # "Wir von Checkpad suchen …", "Wir von factis research suchen …": "we" placed at the employer.
    (re.compile(rf"\b[Ww]ir[ \t]+(?:von|bei)[ \t]+(?P<name>{_GERMAN_NAME_WORDS})[ \t]+"
                r"(?:suchen|sind|haben|bieten|entwickeln|arbeiten|glauben|freuen|stellen|brauchen|machen)\b"), 2),
)
_ENOUGH = 2
# The cues where a tool stands as readily as an employer: "the X platform", "working with X",
# "Heroku's own CI".
_TOOL_CONTEXTS = (_CUES[0][0], _CUES[1][0], _CUES[2][0], _CUES[3][0])
_ROLE_AT_EMPLOYER = next(pattern for pattern, _ in _CUES if "bei" in pattern.pattern and "wirst" in pattern.pattern)
_UNIT_OF = _CUES[-2][0]
_PRONOUNS = frozenset("i you he she we they me us them du sie er es wir ihr ich".split())
# Words that open sentences and are never names: pronouns, determiners and the conjunctions and
# adverbs of a closed class ("Wenn alles gut klappt …" is no employer "Wenn" doing "alles").
_SENTENCE_FUNCTION_WORDS = frozenset(
    "it its this that these those there here what which who today let everyone anyone someone our your their "
    "other others more most many several various both such same own "
    "his her all each every some any if when then also so as because while although once after before since "
    "however additionally ideally please plus besides "
    "wenn dann aber auch also hier heute da so wie was wer wo als ob denn doch nur noch bitte gerne sonst jetzt "
    "außerdem zudem deshalb daher dafür dabei damit dazu falls während seit nach neben zusätzlich natürlich "
    "gemeinsam selbstverständlich idealerweise alle jede jeder jedes dieser diese dieses".split())


def employer_by_mentions(text: str, title: str | None = None) -> str | None:
    """The name the ad's running text gives the places of an employer ("here at Banjo", "the Affirm
    platform", "Zipcar’s … products", "Wir von Checkpad suchen"): two cues, or one cue and the name
    written again as written; a name also written in lower case, a place, a role or the job's title
    is none. None when no name qualifies."""
    text = text or ""
    scores: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    refused: dict[tuple[str, bool], bool] = {}
    tools: dict[str, bool] = {}
    for pattern, weight in _CUES:
        for match in pattern.finditer(text):
            name = _without_leading_verb((match["name"] or match.groupdict().get("german") or "").strip(" .,;:"))
            if pattern is _UNIT_OF and (not _ORGANISATION_WORD_RE.search(name) or len(name.split()) < 2):
                continue  # "a spin-off of the University of Louvain": "University" alone is no name
            if pattern in _TOOL_CONTEXTS:
                # "the AWS platform", "working with AWS": a tool stands there too (but "Snowflake is
                # reinventing …" names the employer, though Snowflake is also a tool).
                if name not in tools:
                    tools[name] = _is_skill_name(name)
                if tools[name] and not _spelt_by(name, address_names(text)):
                    continue  # ("join-us@airbyte.io": a tool that is the ad's own domain is the employer)
            # (after "Als Consultant bei …" the role is already said: "Team One Developers" is a name)
            key = (name, pattern is _ROLE_AT_EMPLOYER and " " in name)
            if key not in refused:
                refused[key] = _refused(name, text, title, role_said_before=key[1])  # the costly checks once
            if refused[key]:
                continue
            scores[name] += weight
            first_seen.setdefault(name, match.start("name"))
    # A name the ad's own web or e-mail addresses spell ("jobs@scigility.com") counts once more.
    for name in scores:
        if _spelt_by(name, address_names(text)):
            scores[name] += 1
    # Equal cues: the name the ad writes more often ("ShipHero is an 8 year old company", three times,
    # over "SaaS sales preferred", twice), then the earlier.
    ranked = sorted(scores, key=lambda name: (-scores[name], -_times_written(name, text), first_seen[name]))
    for name in ranked:
        if scores[name] >= _ENOUGH or (scores[name] >= 1 and (_written_again(name, text) or _DISTINCTIVE_NAME.search(name))):
            return name
    return None


# A name no common word is spelt like: letters joined by "&" ("O&B", "H&M") or a capital inside a
# word between small letters ("LiveRamp", "PayPal"; not "SaaS"). One weighed cue suffices for it.
_DISTINCTIVE_NAME = re.compile(r"\b[A-Z]+&[A-Z]+\b|\b[A-Z]?[a-z]+[A-Z][a-z]\w*")


def _refused(name: str, text: str, title: str | None, role_said_before: bool = False) -> bool:
    words = name.split()
    # "After School fosters …": a function word may open a name of capitalised words, never be one.
    function_words = [word.casefold() in _SENTENCE_FUNCTION_WORDS | _PRONOUNS for word in words]
    if (not words or _NOT_AN_EMPLOYER.match(name) or (function_words[0] and (len(words) == 1 or any(function_words[1:])))
            or len(name) < 3):
        return True
    if (title and name.casefold() in title.casefold() and remove_company_suffix(title, name) == title
            and not _title_opens_hiring(name, title)):
        # the job's own words ("Senior Fullstack"), unless the title names the employer hiring or after
        # the role ("HR and Admin Assistant (Edusuite)")
        return True
    if name.casefold() in KINDS_OF_HIRER:
        return True  # "the Firm's code of conduct", "the Company": the employer's kind, not its name
    if re.fullmatch(r"[A-Za-z]*[a-z][A-Z]", name):
        return True  # "SaaS", "PhD": a phrase's initials, not a name
    # A common word is written in lower case somewhere; a name keeps its capitals (in running text:
    # addresses are lower case, "jobs@scigility.com").
    if written_in_lower_case(name, text):
        return True
    return ((not role_said_before and looks_like_job_title(name)) or bool(heading_kind(name)) or _is_place_name(name)
            or named_as_third_party(name, text))


# "Edusuite is hiring …", "Acme sucht …": a title that opens with the employer hiring.
_HIRES = r"\s+(?:sucht|suchen|is\s+hiring|hires|seeks)\b"
_HIRES_AFTER_NAME = re.compile(_HIRES, re.IGNORECASE)


def _title_opens_hiring(name: str, title: str) -> bool:
    """True when ``title`` opens with ``name`` (in any case) and a hiring verb."""
    lowered = lowered_alike(title, name)
    if lowered is None:
        return re.match(re.escape(name) + _HIRES, title, re.IGNORECASE) is not None
    return lowered.startswith(name.lower()) and _HIRES_AFTER_NAME.match(title, len(name)) is not None


def _written_again(name: str, text: str) -> bool:
    return _times_written(name, text) >= 2


def _times_written(name: str, text: str) -> int:
    return count_word(name, text)


def _address_words(name: str) -> list[str]:
    """The words of a name that an address could spell: four letters or more, lower case, umlauts
    written out ("Magdeburg-Stendal" -> ["magdeburg", "stendal"])."""
    return [word for word in re.findall(r"[a-z0-9]+", name.casefold().translate(_UMLAUTS)) if len(word) >= 4]


# Verbs an ad opens its sentences with when it addresses the reader: "Join Airbyte's small, but
# growing, engineering team" names "Airbyte", not "Join Airbyte".
_READER_VERBS = frozenset("join become meet apply discover explore visit contact email write call werde werden "
                          "bewirb bewerben entdecke besuche".split())


def _without_leading_verb(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[0].casefold() in _READER_VERBS:
        return " ".join(words[1:])
    return name


def _spelt_by(name: str, labels: frozenset[str]) -> bool:
    """True when one of the ad's address labels spells a word of the name ("scigility" for Scigility)."""
    return any(word in label for word in _address_words(name) for label in labels)

