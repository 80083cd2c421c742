"""The employer an ad names without saying "we are X": where ads put the name when no source states it.

Career pages written by the employer often name it only once, in a place of their own:

- an invitation to apply or work there: "Dann bewerbe dich jetzt bei Defacto in Groningen!",
  "Apply now at Acme", "Karriere bei Muster";
- a heading whose name the next paragraph opens with: "## Defacto Software" over "Defacto is a
  leading developer …", "## Port Zero: Über Uns" over "Port Zero ist ein …", "### CorrelAid -
  Head of Community Management" over "CorrelAid ist ein …";
- a signature line after the closing paragraph: "**Defacto Software**" under "Deine
  Ansprechpartnerin ist …, i.wojtowicz@defactolearning.de";
- as the organisation whose own people and work the job serves, named again and again: "providing
  professional development for NYC Opportunity staff", "NYC Opportunity’s fiscal agent".

A name found so is taken only when something else in the ad backs it: it recurs in the text, its
first word is part of the ad's own e-mail or web address ("defactolearning.de" for "Defacto"), it
carries a legal form, or (headings) it has two words or more. A lone capitalised word is common in
German prose ("Teamarbeit ist uns wichtig"); a recurring one, or one the employer's domain spells,
is a name.

:func:`same_organisation_by_initials` tells a source's employer ("University of Iowa") from an
account label when the ad writes the employer by its initials ("UI Health Care Information
Systems", "UIHC").
"""

from __future__ import annotations

import re
import unicodedata

from crawler.parsing.employer import _is_place_name, looks_like_company
from crawler.parsing.header import looks_like_job_title
from crawler.parsing.headings import heading_kind
from crawler.parsing.name_in_text import (
    GENERIC_HOST_LABELS,
    LEGAL_FORM,
    name_as_written,
    SHORTEST_LABEL,
    address_names,
    count_word,
    ends_with_legal_form,
    name_with_legal_form,
    word_starts,
)

__all__ = [
    "ats_accounts",
    "employer_spelt_by_ats_account",
    "address_names",
    "employer_from_name_heading",
    "employer_hiring_the_role",
    "employer_invited_to",
    "employer_in_signature",
    "employer_in_pasted_job_posting",
    "employer_of_own_staff",
    "employer_spelt_by_mail_address",
    "employer_hiring_with_legal_form",
    "front_matter_summary",
    "same_organisation_by_initials",
]

_LEAST_LABEL = SHORTEST_LABEL


def _fold(word: str) -> str:
    word = word.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def _address_spells(word: str | None, text: str) -> bool:
    """True when one of the ad's e-mail or web addresses holds ``word``, folded ("Defacto" in
    defactolearning.de)."""
    return bool(word) and any(_fold(word) in label for label in address_names(text))


def _distinctive_word(name: str) -> str | None:
    return next((word for word in re.findall(r"[\wÄÖÜäöüß]+", name) if len(word) >= _LEAST_LABEL), None)


def _backed_by(name: str, text: str, *, mentions: int) -> bool:
    """True when ``name`` carries a legal form, or its first distinctive word occurs ``mentions``
    times in ``text`` (as a word) or is part of one of the ad's addresses."""
    if looks_like_company(name):
        return True
    word = _distinctive_word(name)
    if not word:
        return False
    return _address_spells(word, text) or count_word(word, text) >= mentions


# A name as ads write it: capitalised words (the first may be camel-cased: "openSenseLab", "eBay"),
# "&" between them, a legal form written in lower case at the end.
_NAME = (r"(?:[A-ZÄÖÜ]|[a-z]+[A-Z])[\w&.'’+-]*(?:[ \t]+(?:&[ \t]+)?[A-ZÄÖÜ][\w&.'’+-]*){0,4}"
         r"(?:[ \t]+(?:gGmbH|mbH|e\.[ \t]?V\.))?")
_NOT_A_NAME = re.compile(r"^(?:uns|us|wir|we|our|unser\w*|ihr\w*|dein\w*|your|euch|sie|du|dich|mir|me|team)\b",
                         re.IGNORECASE)
# "Bewirb dich (jetzt) bei X", "bewerben Sie sich bei X", "Apply (now) at X", "Karriere bei X",
# "arbeiten bei X", "work at X": the reader is asked to apply to, or work for, the employer by name.
# ("Work with the Aldeburgh Library Foundation to …" is a task: working with someone is no employment.)
_INVITATION = re.compile(
    r"\b(?i:bewirb[ \t]+dich|bewerbe[ \t]+dich|bewerben[ \t]+sie[ \t]+sich|apply|karriere|arbeiten|work|jobs)"
    r"(?:[ \t]+(?i:jetzt|now|today|gleich|direkt|online|noch[ \t]+heute))?[ \t]+(?i:bei|beim|at|for)[ \t]+"
    r"(?:(?:der|dem|den|the)[ \t]+)?"
    rf"(?P<name>{_NAME})(?=[ \t]*(?:[!.,;:?)]|$|[ \t]+(?:in|im|am|and|und|to|zum|zur|als|as|—|–|-)\b))",
    re.MULTILINE)


def employer_invited_to(text: str) -> str | None:
    """The employer the ad asks the reader to apply to or work for by name ("Dann bewerbe dich
    jetzt bei Defacto in Groningen!" -> "Defacto"), when the ad backs the name (see module)."""
    for match in _INVITATION.finditer(text or ""):
        name = name_as_written(match["name"])
        if _NOT_A_NAME.match(name) or looks_like_job_title(name):
            continue
        if _backed_by(name, text, mentions=2):
            return name
    return None


# A heading split into its parts: "CorrelAid - Head of Community Management", "Port Zero: Über Uns".
_HEADING_PARTS = re.compile(r"[ \t]+[-–—|·][ \t]+|:[ \t]+|:$")
_HEADING_MAX_WORDS = 8
_NAME_PART_MAX_WORDS = 5


def _is_name_part(part: str) -> bool:
    words = part.split()
    return (0 < len(words) <= _NAME_PART_MAX_WORDS and re.fullmatch(_NAME, part) is not None
            and heading_kind(part) is None and not looks_like_job_title(part) and not _NOT_A_NAME.match(part))


# "Über Code+Design Initiative e.V.", "About Acme Robotics": a heading that names the employer the
# ad is about.
_ABOUT_NAME = re.compile(rf"^(?:#+[ \t]*)?(?:Über|About)[ \t]+(?:(?:die|den|das|the)[ \t]+)?(?P<name>{_NAME})[ \t]*:?$")


def _employer_about_heading(lines: list[str], text: str) -> str | None:
    for line in lines:
        match = _ABOUT_NAME.match(line) if line and len(line.split()) <= _HEADING_MAX_WORDS else None
        if not match:
            continue
        name = match["name"].strip(" ,")
        if not _is_name_part(name) and not looks_like_company(name):
            continue
        if looks_like_company(name) or _address_spells(_distinctive_word(name), text):
            return name
    return None


# A paragraph that opens with a name: an article before it, more capitalised words and a lower-case
# word after its first word ("Defacto is …", "Die Port Zero GmbH ist …").
_ARTICLE = re.compile(r"(?:Der|Die|Das|The)[ \t]+")
_REST_OF_OPENING_NAME = re.compile(r"(?:[ \t]+[A-ZÄÖÜ][\w&.-]*)*[ \t]+[a-zäöüß]")


def _opens_with(first: str, paragraph: str) -> bool:
    """True when ``paragraph`` opens with the name word ``first`` as its subject (see above)."""
    article = _ARTICLE.match(paragraph)
    return any(paragraph.startswith(first, start) and _REST_OF_OPENING_NAME.match(paragraph, start + len(first))
               for start in ((article.end(), 0) if article else (0,)))


def employer_from_name_heading(text: str) -> str | None:
    """The name a heading gives that the paragraph under it opens with as its subject ("Defacto
    Software" over "Defacto is a leading developer …" -> "Defacto Software"; "Port Zero: Über Uns"
    over "Port Zero ist …" -> "Port Zero"). One word alone must recur twice more in the ad or be
    part of its address. An about heading ("Über Code+Design Initiative e.V.") names the employer
    when the name carries a legal form or the ad's address spells it."""
    lines = [line.strip() for line in (text or "").splitlines()]
    about = _employer_about_heading(lines, text)
    if about:
        return about
    for index, line in enumerate(lines):
        if not line or len(line.split()) > _HEADING_MAX_WORDS or line[-1] in ".!?,;" or line.startswith("- "):
            continue
        following = next((later for later in lines[index + 1:] if later), "")
        if not following or following.startswith("- "):
            continue
        for part in _HEADING_PARTS.split(line):
            part = part.strip()
            if not _is_name_part(part):
                continue
            first = part.split()[0]
            if not _opens_with(first, following):
                continue
            if len(part.split()) >= 2 or _backed_by(part, text, mentions=3):
                return part
    return None


_SIGNATURE_REACH_LINES = 6
_SIGNATURE_MAX_WORDS = 5
# A contact or closing paragraph before the signature: an address, a phone number, "Bewerbung",
# "apply", "Ansprechpartner", "contact".
_CLOSING = re.compile(r"@|\bbewerb|\bapply|\bansprechpartner|\bcontact|\bkontakt|\btel(?:efon)?\b|\bphone\b",
                      re.IGNORECASE)


_SALUTATION_AFTER = re.compile(r"[ \t,]+(?:Herr|Frau|Hr\.|Fr\.|Mr\.?|Mrs\.?|Ms\.?|z\.[ \t]?Hd\.?)[ \t]+[A-ZÄÖÜ].*$")


def employer_in_signature(text: str) -> str | None:
    """A line naming the employer under the ad's closing paragraph ("Wir freuen uns über Deine
    Bewerbung. … i.wojtowicz@defactolearning.de." / "Defacto Software"): a short line of
    capitalised words among the last lines, after a line with a contact or an application word,
    that the ad's addresses or legal form back (a contact person's name is not backed: its
    domain is the employer's)."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    tail = lines[-_SIGNATURE_REACH_LINES:]
    start = len(lines) - len(tail)
    for offset, line in enumerate(tail):
        position = start + offset
        # "AvanCarte GmbH Herr Henry Garbrecht": an address block joined into one line; the contact
        # person after the salutation is not part of the name.
        line = _SALUTATION_AFTER.sub("", line)
        if (position == 0 or not _CLOSING.search(lines[position - 1]) or len(line.split()) > _SIGNATURE_MAX_WORDS
                or line[-1] in ".!?:,;" or not _is_name_part(line)):
            continue
        if looks_like_company(line):
            return line
        if _address_spells(_distinctive_word(line), text):
            return _written_in_full(line, text)
    return None


# "Comenius-Institut" under the closing line, "Das Comenius-Institut Evangelische Arbeitsstätte für
# Erziehungswissenschaft e.V. sucht …" in the ad: the name as the ad writes it in full, a few more words
# of one line closed by a legal form.
_FULL_NAME_MAX_EXTRA_WORDS = 6
_WORDS_THEN_LEGAL_FORM = re.compile(rf"(?:[ \t]+[^\s.,;:!?]+){{0,{_FULL_NAME_MAX_EXTRA_WORDS}}}?[ \t]+(?:{LEGAL_FORM})(?![\w])")


def _written_in_full(name: str, text: str) -> str:
    """``name`` as the ad writes it in full with its legal form, on one line; ``name`` when it does not."""
    for start in word_starts(name, text, after=None):
        full = _WORDS_THEN_LEGAL_FORM.match(text, start + len(name))
        if full:
            return text[start:full.end()]
    return name


_INITIALS_MIN = 2
_CAPITALS_TO_WORD_END = re.compile(r"[A-Z]*(?![\w-])")


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[\wÄÖÜäöüß&]+", name) if word[0].isupper())


def same_organisation_by_initials(stated: str, named: str, text: str) -> bool:
    """True when the ad writes the stated employer by its initials: "University of Iowa" and
    "UI Health Care Information Systems (HCIS) is seeking …", "… the needs of the UIHC": a word
    of the ad is the stated name's initials or starts with them in capitals."""
    initials = _initials(stated)
    if len(initials) < _INITIALS_MIN:
        return False
    return any(_CAPITALS_TO_WORD_END.match(written, start + len(initials))
               for written in (named or "", text or "")
               for start in word_starts(initials, written, after=None, overlapping=True))


# "NYC Opportunity staff", "NYC Opportunity’s fiscal agent", "the Acme Foundation's employees": a
# name of two or more capitalised words, possessive or before a word for an organisation's people.
_OWN_PEOPLE = re.compile(
    r"(?<![\w’'-])(?P<name>[A-Z][\w&-]*(?:[ \t]+(?:of[ \t]+|for[ \t]+|&[ \t]+)?[A-Z][\w&-]*){1,4})"
    r"(?:[ \t]+(?:staff|employees|workforce|colleagues)\b|[’'](?:s)?[ \t]+[a-z])")
_LEAST_MENTIONS = 3


def employer_of_own_staff(text: str) -> str | None:
    """The organisation whose staff the job works with and for, when the ad names no employer
    otherwise ("… for NYC Opportunity staff and fellows", "NYC Opportunity’s fiscal agent"): a name
    of two or more words written possessive or before "staff", which the ad names three times or
    more — a partner agency is mentioned in passing, the employer throughout."""
    counts: dict[str, int] = {}
    for match in _OWN_PEOPLE.finditer(text or ""):
        name = match["name"]
        if looks_like_job_title(name) or heading_kind(name) is not None:
            continue
        counts.setdefault(name, count_word(name, text))
    ranked = sorted((name for name, count in counts.items() if count >= _LEAST_MENTIONS),
                    key=counts.__getitem__, reverse=True)
    if not ranked or (len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]):
        return None  # two organisations named as often: neither is plainly the employer
    return ranked[0]


# Anything that can stand around a name in running text: "(re:edu)", "Suffolk Libraries.", "**Acme**".
_NAME_EDGES = " \t.,;:!?()[]{}<>\"'’*_/\\"
_MOST_NAME_WORDS = 4
_MAIL_DOMAIN = re.compile(r"[\w.+-]@(?P<host>[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*)")
_POSSESSIVE_END = re.compile(r"['’]s$")
_SALUTATIONS = frozenset("herr frau hr fr mr mrs ms dr prof".split())
_ADDRESS_IN_TEXT = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+")
_NOT_LETTER_OR_DIGIT = re.compile(r"[^a-z0-9]")


_CLASSIC_TOP_LEVEL_DOMAINS = frozenset({"info", "name", "mobi", "aero", "asia", "coop", "jobs", "museum", "travel",
                                        "online", "site", "website", "email", "mail"})


def _ends_in_word_domain(host_parts: list[str]) -> bool:
    """True for a host ending in a top-level domain that is a word of the name ("been.coffee", "octopus.energy")."""
    return len(host_parts[-1]) >= 4 and host_parts[-1] not in _CLASSIC_TOP_LEVEL_DOMAINS


def employer_spelt_by_mail_address(text: str, stated_terms: str = "") -> str | None:
    """The name the ad writes letter for letter as the domain of its e-mail addresses: "what you will
    bring to Suffolk Libraries" beside recruitment@suffolklibraries.co.uk, "We set up Zero Waste
    Leeds" beside info@zerowasteleeds.org.uk, "re:edu ist ein junges Start-Up" beside kontakt@reedu.de.
    An application address belongs to the employer, so a name it spells whole (not a word inside it)
    is the employer's; only e-mail domains count, as the web addresses an ad links to are often a
    tool's or a partner's ("python.org"). The name's first word is capitalised or holds a sign
    ("re:edu"), so that a common word a domain happens to spell is no name. The ad's fuller form with
    a legal form is kept ("re:edu GmbH & Co. KG"). ``stated_terms`` are the lines a source states beside
    the text (a Markdown ad's front matter): its application address counts as the ad's ("applyEmail:
    info@mia-care.io" beside "Mia-Care's vision")."""
    # ("recruitment@holidayextras": a mailbox written without its top-level domain still names it.)
    labels: set[str] = set()
    for match in _MAIL_DOMAIN.finditer(f"{text or ''}\n{stated_terms or ''}"):
        parts = match["host"].lower().split(".")
        labels.update(label for label in (parts[:-1] or parts)
                      if len(label) >= _LEAST_LABEL and label not in GENERIC_HOST_LABELS)
        if len(parts) >= 2 and _ends_in_word_domain(parts) and parts[-2] not in GENERIC_HOST_LABELS:
            labels.add("".join(parts[-2:]))  # "careers@been.coffee" spells "Been Coffee": a word TLD ends the name
    return _name_spelt_by(text, labels)


# "das Freiwillige Soziale Jahr beim Wiesbadener Schulsportverein", "… Sozialarbeiter:in im Uniklinikum
# Frankfurt gesucht": a work place named as an institution of two or three capitalised words.
_AT_INSTITUTION = re.compile(
    r"\b(?:beim|im|bei\s+der|bei\s+dem|an\s+der|am)\s+(?P<name>[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+){1,2})")
_INSTITUTION_NOUN = re.compile(
    r"(?:klinik|klinikum|krankenhaus|universität|hochschule|stiftung|verein|verband|theater|museum|bibliothek"
    r"|schule|gymnasium|kita|kindergarten|akademie|institut|zentrum|pflegeheim|seniorenheim|hospiz)$", re.IGNORECASE)


def employer_at_institution(text: str) -> str | None:
    """The institution the ad places the work at, named by two or three capitalised words one of which
    is an institution's noun ("beim Wiesbadener Schulsportverein", "im Uniklinikum Frankfurt"), when it
    is the only such institution the ad names; "am Institut für Psychologie" (one word) is none."""
    names = {match["name"] for match in _AT_INSTITUTION.finditer(text or "")
             if any(_INSTITUTION_NOUN.search(word) for word in match["name"].split())
             and not any(word.casefold() in _NOT_A_NAME_WORDS for word in match["name"].split())}
    return names.pop() if len(names) == 1 else None


_NOT_A_NAME_WORDS = frozenset("rahmen bereich team haus sinne zuge auftrag namen im in am an der die das den dem und oder "
                               "mit für von zu zum zur bei beim auf".split())


# A link into an organisation's own career site: "careers.hotjar.com/o/…", "karriere.example.de",
# "https://pspdfkit.com/careers/". (Not "/jobs/": boards file every ad under it.)
_CAREER_SITE = re.compile(
    r"https?://(?:(?:careers?|jobs?|karriere|stellen)\.(?P<sub_host>[a-z0-9][a-z0-9.-]*\.[a-z]{2,})"
    r"|(?:www\.)?(?P<path_host>[a-z0-9][a-z0-9.-]*\.[a-z]{2,})/(?:careers?|karriere|join-us|stellenangebote)(?![\w-]))",
    re.IGNORECASE)
_JOB_BOARD_LABELS = frozenset("stackoverflow weworkremotely indeed stepstone monster glassdoor xing linkedin kununu "
                              "arbeitnow honeypot wellfound angel remoteok ycombinator builtin dice".split())
_NO_EMPLOYERS_HOST = GENERIC_HOST_LABELS | _JOB_BOARD_LABELS


def employer_spelt_by_career_site(text: str, markup: str) -> str | None:
    """The name the ad writes letter for letter as the host of a link into a career site ("Hotjar" beside
    careers.hotjar.com/o/full-stack-developer, "PSPDFKit" beside pspdfkit.com/careers/): a career site is
    the employer's own, unlike the tools and partners an ad links to. ``markup`` is the ad as found
    (the links of an HTML page are not in its clean text); boards' and ATS hosts are no employer."""
    if "areer" not in markup and "arriere" not in markup and "jobs." not in markup and "stellen" not in markup:
        return None  # (most ads link no career site: a substring test first)
    labels: set[str] = set()
    for match in _CAREER_SITE.finditer(markup):
        parts = (match["sub_host"] or match["path_host"]).lower().split(".")
        registered = parts[-3] if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "ac", "gov") else parts[-2]
        if len(registered) >= _LEAST_LABEL and registered not in _NO_EMPLOYERS_HOST:
            labels.add(registered)
            if _ends_in_word_domain(parts):
                labels.add(registered + parts[-1])  # "octopus.energy" spells "Octopus Energy"
    return _name_spelt_by(text, labels)


# The employer's account at an applicant-tracking system, named in the link to its job page:
# "natsana.jobs.personio.de/job/…", "boards.greenhouse.io/acme/jobs/…", "jobs.lever.co/acme/…".
_ATS_ACCOUNT = re.compile(
    r"(?:(?:job-)?boards\.greenhouse\.io/(?P<greenhouse>[a-z0-9-]{2,40})|jobs\.lever\.co/(?P<lever>[a-z0-9-]{2,40})"
    r"|apply\.workable\.com/(?P<workable>[a-z0-9-]{2,40})|jobs\.ashbyhq\.com/(?P<ashby>[a-z0-9-]{2,40})"
    r"|jobs\.smartrecruiters\.com/(?P<smartrecruiters>[A-Za-z0-9-]{2,40})"
    r"|(?P<sub>[a-z0-9][a-z0-9-]{1,40})\.(?:jobs\.personio\.(?:de|com)|recruitee\.com|bamboohr\.com"
    r"|softgarden\.io|teamtailor\.com|myworkdayjobs\.com|workable\.com))", re.IGNORECASE)


_ATS_HOSTS = ("greenhouse.io", "lever.co", "workable.com", "ashbyhq.com", "smartrecruiters.com", "personio.",
              "recruitee.com", "bamboohr.com", "softgarden.io", "teamtailor.com", "myworkdayjobs.com")


def ats_accounts(markup: str) -> frozenset[str]:
    """The employer accounts the links of ``markup`` (a page's HTML or an ad's text) name at
    applicant-tracking systems, lower-cased ("natsana" for natsana.jobs.personio.de)."""
    lowered = (markup or "").lower()
    if not any(host in lowered for host in _ATS_HOSTS):
        return frozenset()  # (a substring test first: the pattern's search costs a tenth of a parse)
    return frozenset(name.lower() for match in _ATS_ACCOUNT.finditer(markup)
                     for name in match.groups() if name and name.lower() not in GENERIC_HOST_LABELS)


def employer_spelt_by_ats_account(text: str, accounts: frozenset[str]) -> str | None:
    """The name the ad writes letter for letter as its employer's account at an applicant-tracking
    system ("Dein Natsana Team" beside a link to natsana.jobs.personio.de): the account is the
    employer's own, as a mail domain is (see :func:`employer_spelt_by_mail_address`)."""
    return _name_spelt_by(text, set(accounts)) if accounts else None


def _name_spelt_by(text: str, labels: set[str]) -> str | None:
    if not labels:
        return None
    squashed = {_NOT_LETTER_OR_DIGIT.sub("", label) for label in labels}  # "tim-koko" is spelt by "tim&koko"
    initials = {label[0] for label in squashed if label} | {"ä", "ö", "ü"}
    # "Josef Schnitzhofer, josef@schnitzhofer.at": a person's surname that names the family firm's
    # domain is the contact, not the employer's name (a given name of the mailbox, or a salutation,
    # stands before it).
    given_names = {part for match in re.finditer(r"([\w.+-]+)@", text) for part in re.split(r"[._+-]", match[1].lower())}
    for line in _ADDRESS_IN_TEXT.sub(" ", text).splitlines():
        words = line.split()
        squashed_words = [_NOT_LETTER_OR_DIGIT.sub("", _fold(_POSSESSIVE_END.sub("", word.rstrip(_NAME_EDGES))))
                          if word.lstrip(_NAME_EDGES)[:1].casefold() in initials
                          else "" for word in words]
        for start in range(len(words)):
            # A name spelt by a domain begins as the domain does: skip the others at once.
            if not squashed_words[start] or not any(label.startswith(squashed_words[start]) for label in squashed):
                continue
            before = _fold(words[start - 1].strip(_NAME_EDGES)) if start else ""
            if before in given_names or before in _SALUTATIONS:
                continue
            for end in range(min(len(words), start + _MOST_NAME_WORDS), start, -1):
                name = _POSSESSIVE_END.sub("", " ".join(words[start:end]).strip(_NAME_EDGES))  # "Mia-Care's vision"
                if not name or not (name[0].isupper() or re.search(r"\w[:&.+-]\w", name)):
                    continue
                if _NOT_LETTER_OR_DIGIT.sub("", _fold(name)) in squashed and not _is_place_name(name):
                    # ("memphis.edu" spells the town the university is named after, not the employer)
                    return name_with_legal_form(name, text)
    return None


# The front-matter keys under which a Markdown ad sums itself up in a sentence or two.
_SUMMARY_KEY = re.compile(r"^(?:description|summary|excerpt|intro|teaser|lead)[ \t]*:[ \t]*(?P<value>.+)$",
                          re.IGNORECASE | re.MULTILINE)


def front_matter_summary(stated_terms: str) -> str:
    """The sentences a Markdown ad's front matter sums it up with ("description: Space Between are looking
    to recruit a Lead Web Developer"), one per line: the ad's own words, which may name the employer
    its body never names. ``stated_terms`` are the front matter's ``key: value`` lines."""
    return "\n".join(match["value"].strip() for match in _SUMMARY_KEY.finditer(stated_terms or ""))


# A schema.org JobPosting pasted into the ad's text (a WordPress export keeps the page's JSON-LD as a
# paragraph): its hiring organisation, as the structured data would state it.
_PASTED_JOB_POSTING = re.compile(r'"@type"\s*:\s*"JobPosting"')
_PASTED_HIRING_ORGANISATION = re.compile(
    r'"hiringOrganization"\s*:\s*\{[^{}]*?"name"\s*:\s*"(?P<name>[^"\\]{2,120})"')


def employer_in_pasted_job_posting(text: str) -> str | None:
    """The ``hiringOrganization`` name of a JobPosting object that stands in the ad's text as plain
    text ('{ "@type": "JobPosting", … "hiringOrganization": { "name": "neurealis Wohnungssanierung" …'),
    or None."""
    if not _PASTED_JOB_POSTING.search(text or ""):
        return None
    match = _PASTED_HIRING_ORGANISATION.search(text)
    return " ".join(match["name"].split()) if match else None


_HIRING_VERB = (r"(?:is|are)[ \t]+(?:looking[ \t]+(?:for|to[ \t]+(?:hire|recruit))|hiring|seeking|recruiting)"
                r"|needs|seeks|sucht|suchen")
_ANY_HIRING_VERB = re.compile(_HIRING_VERB)
# The subject that opens a sentence with the hiring verb: "Solve it once LLC is seeking …".
_NAME_WORD = r"[^\s!?,]+(?:,(?=[ \t]+(?:LLC|L\.L\.C\.|Inc|Ltd|Limited|Corp)\b))?"  # "Piggy, LLC", "Cloverhound, Inc."
_SENTENCE_SUBJECT = re.compile(rf"(?:^|(?<=[.!?]\s))(?:(?:The|Die|Der|Das)[ \t]+)?(?P<name>[A-Z]{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,5}}?)"
                               rf"[ \t]+(?:{_HIRING_VERB})\b", re.MULTILINE)
_SUBJECT_REACH = 1500


def employer_hiring_with_legal_form(text: str) -> str | None:
    """The name with a legal form that opens a hiring sentence near the top of the ad, whatever its
    words' case ("Solve it once LLC is seeking … freelance copywriters"): a legal form marks an
    organisation, so a name in lower-case words is one too."""
    for match in _SENTENCE_SUBJECT.finditer((text or "")[:_SUBJECT_REACH]):
        name = match["name"].strip(" ,")
        if ends_with_legal_form(name) and len(name.split()) >= 2:
            return name
    return None
_HIRED_ARTICLE = r"(?:(?:an?|the|one|einen?|eine[n]?|eine?[:*/_]n?)[ \t]+)?"
_FILLER_WORDS = r"(?:[a-zäöü][\w-]*,?[ \t]+){0,3}"
_CLAUSE_START = r"(?:^|(?<=[=:][ \t])|(?<==)|(?<=[.!?][ \t]))"
# Every hiring verb with the (up to) five words after it: the role's first word opens one of them
# wherever a sentence hires the role (an article and three other words at most stand between).
_WORDS_AFTER_HIRING_VERB = re.compile(rf"(?=(?:{_HIRING_VERB})((?:[ \t]+[^ \t\n]+){{1,5}}))")


def _hires_a_role_opening_with(word: str, text: str) -> bool:
    word = word.casefold()
    return any(written.casefold().startswith(word) for match in _WORDS_AFTER_HIRING_VERB.finditer(text)
               for written in match[1].split())


def employer_hiring_the_role(text: str, title: str | None) -> str | None:
    """The subject of the sentence that hires the job's own role ("eyeo needs a Public Relations student
    intern …", "eyeo is looking for a dedicated Senior Recruiter …" for the titles "Public Relations
    (Student Intern)", "Senior Recruiter"): the organisation that hires it, whatever its spelling (a
    brand in lower case included). The role must open with the title's first word, in any case ("a
    Part-time Junior Digital Designer" for "Part-Time Junior …"); a pronoun, a role or
    the title itself is no employer."""
    from crawler.parsing.employer import _NOT_AN_EMPLOYER  # employer imports this module's peers

    words = re.findall(r"[\wÄÖÜäöüß&+-]{2,}", title or "")
    if not words or words[0].casefold() not in (text or "").casefold() or not _ANY_HIRING_VERB.search(text):
        return None  # (cheap checks first: most ads name no hirer this way)
    if not _hires_a_role_opening_with(words[0], text):
        return None  # (and before building a pattern for this title, which re would cache)
    pattern = re.compile(
        rf"{_CLAUSE_START}(?P<name>[\w&'’.+-]+(?:[ \t]+[\w&'’.+-]+){{0,3}}?)[ \t]+(?:{_HIRING_VERB})[ \t]+"
        rf"{_HIRED_ARTICLE}{_FILLER_WORDS}(?i:{re.escape(words[0])})\b", re.MULTILINE)
    for match in pattern.finditer(text or ""):
        if _PRONOUN_AFTER_VERB.match(text, match.end("name")):
            continue  # "Für unseren nächsten Wachstumsschritt suchen wir dich als …": the subject follows the verb
        name = re.sub(r"^(?:the|der|die|das)[ \t]+(?=\S)", "", match["name"].strip(" .,;:"), flags=re.IGNORECASE)
        first = name.split()[0].casefold()
        if (first in _NOT_THE_HIRER or _NOT_AN_EMPLOYER.match(name) or looks_like_job_title(name)
                or name.split()[-1] in KINDS_OF_HIRER or name.casefold() in (title or "").casefold()):
            continue
        return name
    return None


# German puts the verb second: what stands before "suchen wir" is an adverbial, "wir" the subject.
_PRONOUN_AFTER_VERB = re.compile(r"[ \t]+(?:sucht|suchen)[ \t]+(?:wir|ich|ihr)\b", re.IGNORECASE)


# A hirer described, not named: "Startup company seeks …", "Growing agency is hiring …".
KINDS_OF_HIRER = frozenset("company firm startup start-up agency business client employer organisation organization "
                            "unternehmen firma kunde arbeitgeber".split())
# Words that open a hiring sentence without naming the hirer: "We are looking for …", "Our team needs …".
_NOT_THE_HIRER = frozenset("we wir our unser unsere unser unserem i ich you du sie it this that the der die das "
                           "team abteilung department who which".split())

