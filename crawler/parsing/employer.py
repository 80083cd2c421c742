"""The employer: its name in the ad's sentences, company-name lines, an agency's own name, and a
matching key for employer names. Whether an ad is an agency's is read in agency_ad
(``is_agency_ad``, re-exported here for its callers)."""

from __future__ import annotations

import re
import unicodedata

from crawler.parsing.agency_ad import is_agency_ad  # noqa: F401  (re-exported: callers import it from here)
from crawler.parsing.headings import heading_kind
from crawler.parsing.name_in_text import (address_names, count_word, count_word_in_any_case, name_as_written,
                                         name_with_legal_form, word_starts)

_LEGAL_FORMS = (
    r"gmbh\s*&\s*co\.?\s*kgaa|gmbh\s*&\s*co\.?\s*kg|gmbh\s*&\s*co\.?\s*ohg|se\s*&\s*co\.?\s*kgaa|se\s*&\s*co\.?\s*kg|"
    r"se\s*&\s*co\.?\s*ohg|ag\s*&\s*co\.?\s*kgaa|ag\s*&\s*co\.?\s*kg|ug\s*\(haftungsbeschränkt\)\s*&\s*co\.?\s*kg|"
    r"ug\s*\(haftungsbeschränkt\)|ggmbh|gmbh|mbh|kgaa|ag|se|kg|ohg|gbr|e\.\s?v\.|e\.\s?g\.|eg|ug|a\.?ö\.?r\.?|"
    r"ltd\.?|limited|llc|l\.l\.c\.|llp|inc\.?|incorporated|corp\.?|corporation|plc|pty\.?\s*ltd\.?|"
    r"s\.a\.s\.?|sas|s\.a\.r\.l\.?|sarl|s\.à\s?r\.l\.?|s\.a\.|s\.p\.a\.?|spa|s\.r\.l\.?|srl|s\.l\.|"
    r"b\.v\.|bv|n\.v\.|nv|a/s|aps|oy|ab|as|sp\.\s*z\s*o\.\s*o\.?|s\.r\.o\.?|kft\.?|co\.?")
# Short forms are case-sensitive words in a line ("SAP SE", "Bosch AG"), never inside a word.
_COMPANY_LINE = re.compile(
    r"(?:^|\s)(?:GmbH|gGmbH|mbH|mbB|PartG|AG|SE|KG|KGaA|OHG|oHG|GbR|e\.\s?V\.|eG|UG|AöR|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|Co\.|Corp\.?|"
    r"Inc\.?|Incorporated|Corp\.?|Corporation|plc|PLC|Pty|S\.A\.S?\.?|SAS|SARL|S\.à\s?r\.l\.|S\.p\.A\.|SpA|S\.r\.l\.|"
    r"Srl|S\.L\.|B\.V\.|BV|N\.V\.|NV|A/S|ApS|Oy|AB|AS|Sp\.\s*z\s*o\.o\.|s\.r\.o\.|Kft\.?)(?=$|[\s,)&])")
_LEGAL_FORM_AT_END = re.compile(rf"(?:\s|,|^)(?:{_LEGAL_FORMS})\s*$", re.I)
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def looks_like_company(line: str) -> bool:
    """True when a short line carries a legal form (GmbH, AG, SE & Co. oHG, e.V., Ltd, LLC, Inc.,
    plc, S.A., B.V., AB…), i.e. is most likely a company name."""
    line = line.strip()
    if not line or len(line) > 100 or len(line.split()) > 12 or line.endswith((":", "?", "!")):
        return False
    return bool(_COMPANY_LINE.search(line))


def normalise_employer(name: str) -> str:
    """Key for matching one employer across sources: lowercase, legal forms dropped ("GmbH & Co.
    KG", "SE & Co. oHG", "AG", "Inc."), umlauts folded the German way ("Müller" == "Mueller"), other
    accents stripped, "&"/"and"/"und" and a leading "the" dropped, punctuation and spaces collapsed.
    "ALDI Einkauf SE & Co. oHG" -> "aldi einkauf"."""
    key = unicodedata.normalize("NFC", name or "").casefold()
    previous = None
    while previous != key:  # "Foo Holding GmbH & Co. KG" loses every trailing form
        previous = key
        key = _LEGAL_FORM_AT_END.sub("", key.strip(" ,-"))
    key = unicodedata.normalize("NFKD", key.translate(_UMLAUTS)).encode("ascii", "ignore").decode()
    key = re.sub(r"[^\w]+", " ", key)
    words = [w for w in key.split() if w not in ("and", "und")]
    if words[:1] == ["the"] and len(words) > 1:
        words = words[1:]
    return " ".join(words)


# A name that says the employer is not named: "Confidential Organization.", "Anonymous", "Stealth Startup",
# "Vertraulich", "Nicht genannt".
_PLACEHOLDER_EMPLOYER = re.compile(
    r"^(?:an?\s+|the\s+)?(?:confidential|anonymous|undisclosed|unnamed|unknown|stealth(?:\s+mode)?|vertraulich\w*"
    r"|anonym\w*|ungenannt\w*|nicht\s+genannt|name\s+withheld)"
    r"(?:\s+(?:company|organi[sz]ation|employer|client|firm|startup|start-up|unternehmen|arbeitgeber|kunde|firma))?[.!]?$",
    re.IGNORECASE)


def is_placeholder_employer(name: str) -> bool:
    """True for a name that says the employer is withheld ("Confidential Organization.")."""
    return _PLACEHOLDER_EMPLOYER.match(" ".join((name or "").split())) is not None


_LEADING_AT = re.compile(r"^(?:at|bei|@)\s+(?=\S)", re.IGNORECASE)


def clean_company_name(name: str) -> str:
    """An employer name as a board shows it, without the "at"/"bei"/"@" of "at Acme" and the
    surrounding whitespace, in composed Unicode (a page's "u" + combining diaeresis is "ü")."""
    name = " ".join(unicodedata.normalize("NFC", name or "").split())
    return _LEADING_AT.sub("", name) or name


# "Die Muster GmbH sucht …", "Der Zweckverband X sucht zum 01.03.2027 eine/n …",
# "Acme Ltd is looking for …": the employer named as the subject of the hiring sentence.
_HIRING_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?] ))(?:(?:Der|Die|Das|The)[ \t]+)?(?P<name>[A-ZÄÖÜ][\w&.'’-]*(?:[ \t]+(?:&[ \t]+)?[A-ZÄÖÜ][\w&.'’()-]*){0,6})"
    # where it is: "The Nanuet Public Library in Rockland County, NY is looking for …", "Die Muster GmbH aus Köln sucht …"
    r"(?:,?[ \t]+(?:in|aus|from|based[ \t]+in|mit[ \t]+Sitz[ \t]+in)[ \t]+[A-ZÄÖÜ][^,.\n]{1,40}?(?:,[ \t]+[A-Z]{2})?,?)?"
    r"[ \t]+(?:sucht|suchen(?![ \t]+wir\b)|needs|is[ \t]+(?:looking[ \t]+for|hiring|seeking|recruiting)|are[ \t]+(?:looking[ \t]+for|hiring|seeking)"
    r"|seeks|is\s+searching\s+for|stellt\s+ein)\b", re.MULTILINE)
# "Corvina Pay is the payment platform …", "Kanzlei Vogt & Partner ist eine moderne …": a paragraph
# that opens by saying what the employer is.
# A name's first word: capitalised, or camel-cased with a lower-case start ("openSenseLab", "eBay").
_FIRST_NAME_WORD = r"(?:[A-ZÄÖÜ]|[a-z]+[A-Z])[\w&.'’-]*"
# Legal forms written in lower case after a name ("openSenseLab gGmbH", "Muster mbH", "Verein e. V.").
_LOWER_LEGAL_FORM = r"[ \t]+(?:gGmbH|gUG|mbH|e\.[ \t]?V\.|plc)"
_DESCRIBED_SUBJECT = re.compile(
    rf"^(?:(?:Der|Die|Das|The)[ \t]+)?(?P<name>{_FIRST_NAME_WORD}(?:(?:[ \t]+(?:&[ \t]+)?[A-ZÄÖÜ][\w&.'’()-]*){{1,6}}"
    rf"(?:{_LOWER_LEGAL_FORM})?|{_LOWER_LEGAL_FORM}))"
    r"(?:,?[ \t]+(?:aus|in|from|based\s+in|mit\s+Sitz\s+in)[ \t]+[^,.\n]{2,40}?,?)?"
    r"[ \t]+(?:is|ist|are|sind)[ \t]+(?:an?|the|one|ein|eine|einer|der|die|das)\b"
    # "At Wolt, we …", "Within NYC Opportunity, the Enterprise Data Solutions team …"
    r"|^(?:At|Bei|Within|Innerhalb)[ \t]+(?P<at_name>[A-ZÄÖÜ][\w&.'’-]*(?:[ \t]+(?:&[ \t]+)?[A-ZÄÖÜ][\w&.'’()-]*){0,5}),?"
    r"[ \t]+(?:we|our|wir|unser\w*|the|der|die|das)\b",
    re.MULTILINE)
# "Beim Zweckverband X ist zum 01.02.2027 folgende Stelle zu besetzen", "Bei der Stadt Y ist … eine Stelle …
# zu besetzen": the public-sector way of naming the employer.
_VACANCY_AT = re.compile(
    r"(?:^|(?<=[.!?] ))(?:Beim|Bei\s+der|Bei\s+dem|Bei\s+den)[ \t]+(?P<name>[A-ZÄÖÜ][\w&.'’-]*(?:[ \t]+(?:&[ \t]+|"
    r"(?:für|der|des|und|am|im|an|in|zu)[ \t]+)?[A-ZÄÖÜ][\w&.'’()-]*){0,6})[ \t]+(?:ist|sind|wird|werden)\b[^\n]{0,120}?"
    r"\b(?:Stelle|Stellen|Position)\b", re.MULTILINE)
# "Dann werde Teil von geOps!", "Become part of Acme Corp.", "Join Muster GmbH!": the reader is asked
# to join the employer by name, the sentence ending with it.
_JOIN_NAMED = re.compile(
    rf"\b(?:(?i:werde|werden[ \t]+sie|become|join)[ \t]+(?i:(?:ein[ \t]+)?teil[ \t]+(?:von|des[ \t]+teams[ \t]+von)|part[ \t]+of)?"
    # "Dann komm ins Verwaltungsteam der HOCHBAHN!"
    rf"|(?i:komm|komme|kommen[ \t]+sie)[ \t]+(?i:ins|in[ \t]+das|zum)[ \t]+[\w-]*(?i:team)[ \t]+(?:der|des|von))"
    rf"[ \t]*(?P<name>{_FIRST_NAME_WORD}(?:[ \t]+(?:&[ \t]+)?[A-ZÄÖÜ][\w&.'’()-]*){{0,4}})[ \t]*[!.](?:[ \t]|$)",
    re.MULTILINE)
# "Wir, der Kindergartenverein Zwergenland e.V., suchen …", "We, the Acme Foundation, are hiring …",
# "Wir, die CIB-Gruppe, sind seit 30 Jahren …": the employer in apposition to "we", any verb after.
_WE_THE = re.compile(
    r"(?:^|(?<=[.!?] ))(?:Wir|We),[ \t]+(?:der|die|das|the)[ \t]+(?P<name>[A-ZÄÖÜ][^,\n]{2,80}?),[ \t]+"
    r"(?:suchen|are[ \t]+(?:looking|hiring|seeking)|(?P<other_verb>[a-zäöüß]{3,}))\b", re.MULTILINE)
# "Wir sind zebbra, eine kreative Crew …", "We are Acme, a team of …": the name, then what it is.
# "Wir bei PENNY sind stolz …", "We at Acme believe …": the employer named as where "we" are.
# Sites write their own name in lower case ("zebbra"), so case is not asked; the name must then be
# backed by the ad (see _backed_name).
_WE_ARE_NAMED = re.compile(
    r"(?:^|(?<=[.!?] ))(?:Wir[ \t]+sind|We[ \t]+are)[ \t]+(?P<name>[A-ZÄÖÜ][\w&.'’+-]*(?:[ \t]+(?:&[ \t]+)?[A-ZÄÖÜ][\w&.'’+-]*){0,3}"
    r"|(?P<lower_name>[a-z][\w&.'’+-]*))(?:,|[ \t]+[-–—])[ \t]+(?:ein|eine|einer|a|an|the"
    # "Wir sind Avocadostore, Deutschlands größter Online-Marktplatz …", "We are Acme, Europe's largest …"
    r"|[A-ZÄÖÜ]\w+(?:s|'s|’s)[ \t]+(?:[a-zäöüß]+ste[rnsm]?|[a-z]+est|(?:größte|grösste|biggest)\w*))\b"
    r"|(?:^|(?<=[.!?] ))(?:Wir|We)[ \t]+(?:bei|at)[ \t]+(?P<at_name>[A-ZÄÖÜ][\w&.'’+-]*(?:[ \t]+[A-ZÄÖÜ][\w&.'’+-]*){0,3})"
    r",?[ \t]+[a-zäöüß]{3,}\b", re.MULTILINE)
# "The Electronic Frontier Foundation (EFF) is seeking …", "The Canadian Digital Service is focused on …":
# a name of two or more capitalised words (an acronym may follow) opening a sentence about itself.
_ORGANISATION_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?] ))(?:The[ \t]+)?(?P<name>[A-Z][\w&'’-]+(?:[ \t]+(?:of[ \t]+|for[ \t]+|&[ \t]+)?[A-Z][\w&'’-]+){1,5})"
    r"(?:[ \t]+\((?P<acronym>[A-Z]{2,8})\))?[ \t]+(?:is|are)[ \t]+(?:seeking|hiring|looking|focused|dedicated|committed"
    r"|building|working|on[ \t]+a[ \t]+mission)\b", re.MULTILINE)
_ORGANISATION_VERB = re.compile(r"\b(?:is|are)[ \t]+(?:seeking|hiring|looking|focused|dedicated|committed|building"
                                r"|working|on[ \t]+a[ \t]+mission)\b")
_NOT_AN_EMPLOYER = re.compile(
    r"^(?:wir|we|unser\w*|our|ihr\w*|your|sie|du|dein|deine[mnrs]?|euer|eure[mnrs]?|mein|meine[mnrs]?|my|their|man"
    r"|er|es|team|das\s+team|this|dieses?|unternehmen|company)\b",
    re.IGNORECASE)
_HIRING_REACH = 1200  # the hiring sentence opens the ad
# "The Canadian Digital Service (CDS) is tasked with …", "… (CDS) works to change government": a name
# defined with its abbreviation as the subject of a sentence, whatever the verb.
_DEFINED_ABBREVIATION = re.compile(
    r"(?:^|(?<=[.!?] ))(?:The[ \t]+)?(?P<name>[A-Z][\w&'’-]+(?:[ \t]+(?:of[ \t]+|for[ \t]+|&[ \t]+)?[A-Z][\w&'’-]+){1,6})"
    r"[ \t]+\((?P<acronym>[A-Z]{2,8})\)[ \t]+(?:is|are|was|ist|[a-z]{3,}s)\b", re.MULTILINE)
# "Die Open Source Business Alliance - Bundesverband für digitale Souveränität e.V. (OSB Alliance)
# vertritt …": a name with its legal form that gives itself a short name, then acts.
_NAME_WITH_SHORT_NAME = re.compile(
    r"(?:^|(?<=[.!?] ))(?:(?:Der|Die|Das|The)[ \t]+)?(?P<name>[A-ZÄÖÜ][^()\n!?]{2,100}?[ \t](?:e\.[ \t]?V\.|gGmbH|GmbH"
    r"|AG|SE|KG|eG|Ltd\.?|Limited|Inc\.?|LLC|plc))[ \t]+\((?P<short>[A-ZÄÖÜ][\w&.-]*(?:[ \t]+[A-ZÄÖÜ][\w&.-]*){0,3})\)"
    r"[ \t]+[a-zäöüß]{3,}", re.MULTILINE)
# "Klara Inc. provides development …", "Jay-Be Limited makes …": a paragraph opening with a name and
# its legal form, then a verb.
_LEGAL_NAME_SUBJECT = re.compile(
    rf"^(?:(?:Der|Die|Das|The)[ \t]+)?(?P<name>{_FIRST_NAME_WORD}(?:[ \t]+(?:&[ \t]+)?[A-ZÄÖÜ][\w&.'’()-]*){{0,5}}"
    rf"(?:{_LOWER_LEGAL_FORM})?)[ \t]+[a-zäöü]{{3,}}\b", re.MULTILINE)
# "HealthUnlocked is the UK's fastest-growing social network": under an "About us" heading even a
# one-word name opening the paragraph is the employer, whatever it is said to do ("After School
# fosters fun and creative … experiences" under "Company Overview").
_ABOUT_PARAGRAPH_SUBJECT = re.compile(
    rf"^(?:(?:Der|Die|Das|The)[ \t]+)?(?P<name>{_FIRST_NAME_WORD}(?:[ \t]+(?:&[ \t]+)?[A-ZÄÖÜ][\w&.'’()-]*){{0,5}})[ \t]+"
    r"(?:is|ist|are|sind|has|hat|(?!must\b|does\b|was\b)[a-z]{3,}s)[ \t]+\w")


# "As a Senior Engineering Manager at Help Scout (internally …", "the Technical Recruiter role at Curebase
# is for you": the job, written as a title, held at the employer.
_ROLE_AT = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=\bthe )|(?<=\bThe ))(?:As|as|the|The)?[ \t]*(?:an?[ \t]+|our[ \t]+)?"
    r"(?P<role>(?:[A-Z][\w/&+-]*[ \t]+){0,5}[A-Z][\w/&+-]*)(?:[ \t]+role)?[ \t]+at[ \t]+"
    r"(?P<name>[A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,3})", re.MULTILINE)
# "Komoot is an app that lets you …", "Teleport is a pioneer in …", "Hubstaff is a time tracking … SaaS
# solution": a one-word name opening a paragraph, said to be an organisation or what it makes.
# "Pleo is an app that …" may open a later sentence too; "Pathrise (YC W18) is an online program" adds a
# note in brackets; "Aircall is on a mission to …" says what it does, as larger names do.
# "Die re:edu GmbH & Co. KG ist …": the full stop of an abbreviation inside a name ends no sentence, so
# what follows it ("KG") opens none.
_NOT_AFTER_ABBREVIATION = r"(?<!\bCo\. )(?<!\bco\. )(?<!\bInc\. )(?<!\bLtd\. )(?<!\bNr\. )(?<!\bDr\. )"
_ONE_WORD_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?] )" + _NOT_AFTER_ABBREVIATION + r")(?P<name>(?:[A-Z]|[a-z]+[A-Z])[\w&'’+-]*)(?:[ \t]+\([^()\n]{1,30}\))?[ \t]+(?:is|ist)[ \t]+"
    r"(?:(?:an?|the|ein|eine|einer|der|die|das)[ \t]+(?P<what>[^.\n]{0,100})"
    r"|(?P<doing>on[ \t]+a[ \t]+mission|hiring|seeking|looking[ \t]+for|building|growing)\b)", re.MULTILINE)
# "Headquartered in Helsinki with offices in Berlin, Sydney and Toronto, Aiven provides …"
_SEATED_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?] ))(?:Headquartered|Based|Founded|Located)[ \t]+in[ \t]+[^.\n]{2,80}?,[ \t]+"
    r"(?P<name>(?:[A-Z]|[a-z]+[A-Z])[\w&'’+-]*(?:[ \t]+[A-Z][\w&'’+-]*){0,3})[ \t]+(?:is|are|[a-z]{3,}s)\b",
    re.MULTILINE)
_ORGANISATION_NOUN = re.compile(
    r"\b(?:company|startup|start-up|scale-up|app|platform|solution|pioneer|provider|leader|business|firm"
    r"|organi[sz]ation|non-?profit|charity|marketplace|network|studio|agency|consultancy|saas|unternehmen"
    r"|anbieter|plattform|hersteller|dienstleister|verein|stiftung|agentur|startup)s?\b", re.IGNORECASE)


# A paragraph opening "Bei Acme GmbH …", "For Acme Ltd …" does not open with the name.
_PREPOSITION = re.compile(r"^(?:bei|beim|für|mit|von|vom|zur|zum|in|im|at|for|with|from|by|of)\s", re.IGNORECASE)


def _initials_match(name: str, acronym: str) -> bool:
    initials = "".join(word[0] for word in name.split() if word[0].isupper())
    return initials == acronym or initials.startswith(acronym)


def _named_under_about_heading(text: str) -> str | None:
    """The name opening the first paragraph under an employer heading ("About Us", "Über uns")."""
    lines = (text or "")[:_HIRING_REACH * 3].splitlines()
    for index, line in enumerate(lines):
        if not line.strip() or len(line.split()) > 6 or heading_kind(line.strip()) != "company":
            continue
        following = next((later.strip() for later in lines[index + 1:] if later.strip()), "")
        match = _ABOUT_PARAGRAPH_SUBJECT.match(following)
        # "Hello. We are ShipHero": a greeting's full stop ends the sentence, not a name's abbreviation.
        if match and not _NOT_AN_EMPLOYER.match(match["name"]) and not re.search(r"\w\.\s", match["name"]):
            # "## Über DENOG e.V." / "DENOG ist eine Community …": the name as the ad writes it in full.
            return name_with_legal_form(name_as_written(match["name"]), text)
    return None


_JOINED_BY_AMPERSAND = re.compile(r"[A-ZÄÖÜ][\w.'’+-]*(?:[ \t]+[A-ZÄÖÜ][\w.'’+-]*)*[ \t]+&[ \t]+[A-ZÄÖÜ][\w.'’+-]*")


def _backed_name(name: str, text: str) -> bool:
    """True when the ad backs a name it gives only once in a "we" sentence: a legal form, its first
    word written again as a word, or that word in one of the ad's web or e-mail addresses
    ("Wir sind zebbra" and jobs@zebbra.ch). "Wir, die Mitarbeiter, sind …" names no employer."""
    if looks_like_company(name) or _JOINED_BY_AMPERSAND.fullmatch(name):
        return True  # ("ZAHN & GUT", "Müller & Partner": names joined by "&" are a firm's)
    word = next((word for word in re.findall(r"\w+", name) if len(word) >= 3), None)
    if not word:
        return False
    if any(word.casefold() in label for label in address_names(text)):
        return True
    return count_word(word, text, before="", after="") >= 2


def company_in_text(text: str) -> str | None:
    """The employer an ad names as the subject of its hiring sentence ("Der Zweckverband
    Kommunale Dienste Oberlausitz sucht zum 01.03.2027 …") when the name carries a legal form or
    recurs further down, else of a paragraph that opens by saying what it is ("Corvina Pay is the
    payment platform …", two words or more); None otherwise. Callers check that the name is not
    the job's title ("The Senior Accountant is a key member …")."""
    head = (text or "")[:_HIRING_REACH]
    for match in _VACANCY_AT.finditer(head):
        return name_as_written(match["name"])
    for match in _DEFINED_ABBREVIATION.finditer(head):
        if _initials_match(match["name"], match["acronym"]):
            return name_as_written(match["name"])
    for match in _NAME_WITH_SHORT_NAME.finditer(head):
        name_words = {word.casefold() for word in match["name"].split()}
        if (_initials_match(match["name"], match["short"].split()[0])
                or any(len(word) > 2 and word.casefold() in name_words for word in match["short"].split())):
            return match["name"].strip(" ,")
    if "Wir," in head or "We," in head:
        for match in _WE_THE.finditer(head):
            name = match["name"].strip(" ,")
            if not match["other_verb"] or _backed_name(name, text):
                return name
    if "Wir " in head or "We " in head:
        for match in _WE_ARE_NAMED.finditer(head):
            if match["lower_name"]:
                # One word in lower case ("zebbra") is a name only where the ad's address spells it.
                if any(match["lower_name"].casefold() in label for label in address_names(text)):
                    return match["lower_name"]
                continue
            name = name_as_written((match["name"] or match["at_name"]))
            # "Wir bei PENNY …" places "we" at the employer: the cue itself backs the name.
            if not _NOT_AN_EMPLOYER.match(name) and (match["at_name"] or _backed_name(name, text)):
                return name
    for match in (_ORGANISATION_SUBJECT.finditer(head) if _ORGANISATION_VERB.search(head) else ()):
        name = name_as_written(match["name"])
        if not _NOT_AN_EMPLOYER.match(name):
            return name
    for match in _DESCRIBED_SUBJECT.finditer(head):
        # "Die Stadtwerke ist ein …": the German article is not part of the name.
        name = re.sub(r"^(?:Der|Die|Das)[ \t]+", "", name_as_written((match["name"] or match["at_name"])))
        if not _NOT_AN_EMPLOYER.match(name):
            return name
    for match in _HIRING_SUBJECT.finditer(head):
        name = name_as_written(match["name"])
        if _NOT_AN_EMPLOYER.match(name) or len(name) < 3:
            continue
        first_word = name.split()[0].lower()
        rest = text[match.end():].lower()
        if looks_like_company(name) or (len(first_word) >= 4 and name.lower() in rest):
            return name
    for match in _LEGAL_NAME_SUBJECT.finditer(head):
        name = match["name"].strip(" ,")
        if (_LEGAL_FORM_AT_END.search(name) and looks_like_company(name) and not _NOT_AN_EMPLOYER.match(name)
                and not _PREPOSITION.match(name)):
            return name
    for match in _JOIN_NAMED.finditer(head):
        name = name_as_written(match["name"])
        if not _NOT_AN_EMPLOYER.match(name) and name.lower() not in ("us", "uns"):
            return name
    for match in _ONE_WORD_SUBJECT.finditer(head):
        name = name_as_written(match["name"])
        # Brands write themselves in lower case further down ("Komoot is an app …", "it’s komoot’s mission").
        if ((match["doing"] or _ORGANISATION_NOUN.search(match["what"]) or _FIRM_NOUN.search(match["what"] or ""))
                and not _NOT_AN_EMPLOYER.match(name)
                and (_backed_name(name, text) or _recurs_in_any_case(name, text)
                     or _said_to_be_a_firm(match["what"], name))):
            return name_with_legal_form(name, text)
    for match in _SEATED_SUBJECT.finditer(head):
        name = name_as_written(match["name"])
        if not _NOT_AN_EMPLOYER.match(name) and _backed_name(name, text):
            return name_with_legal_form(name, text)
    for match in _ROLE_AT.finditer(head):
        name = name_as_written(match["name"])
        if not _NOT_AN_EMPLOYER.match(name) and not _is_place_name(name):
            return name
    return _named_under_about_heading(text)


# What only an employer is called: "Qustodio is a parental control company with offices in …".
# (A platform, an app or a network may be a product the ad works with.)
_FIRM_NOUN = re.compile(
    r"\b(?:company|companies|startup|start-up|firm|organi[sz]ation|non-?profit|charity|agency|consultancy)\b"
    # German names the kind by a compound's head: "Softwareunternehmen", "Generalplanungsbüro", "IT-Systemhaus"
    r"|(?:unternehmen|firma|agentur|startup|start-up|beratung|gesellschaft|konzern|dienstleister|anbieter|hersteller"
    r"|betrieb|büro|systemhaus|kanzlei|organisation|company)\b", re.IGNORECASE)


def _said_to_be_a_firm(what: str | None, name: str) -> bool:
    """True when the words after "X is a" name a kind of firm and X is no skill or place."""
    return bool(what and _FIRM_NOUN.search(what)) and not _is_skill_name(name) and not _is_place_name(name)


def _recurs_in_any_case(name: str, text: str) -> bool:
    return count_word_in_any_case(name, text) >= 2


# "… an external service provider called Greenhouse", "a platform operated by Personio": a name the ad
# introduces as someone else's, a third party it works with.
_THIRD_PARTY_BEFORE = re.compile(
    r"(?:\bcalled|\bnamed|\bprovider|\boperated[ \t]+by|\bpowered[ \t]+by|\bhosted[ \t]+by|\bnamens|\bbetrieben[ \t]+von"
    r"|\bDienstleister|\bAnbieter)[ \t]+(?:the[ \t]+|die[ \t]+|der[ \t]+)?$", re.IGNORECASE)


def named_as_third_party(name: str, text: str) -> bool:
    """True when the ad introduces ``name`` as a third party ("a service provider called Greenhouse");
    a longer name it opens is another ("an initiative called Hopper Cloud" leaves Hopper)."""
    return any(_THIRD_PARTY_BEFORE.search(text, max(0, start - 40), start)
               and not _NAME_GOES_ON.match(text, start + len(name))
               for start in word_starts(name, text, before="", after=""))


_NAME_GOES_ON = re.compile(r"[ \t]+[A-ZÄÖÜ]")


def _is_skill_name(name: str) -> bool:
    """True when the skills vocabulary knows the name as a skill or tool ("AWS", "Heroku", "Snowflake")."""
    from crawler.parsing.skills import find_skills  # skills reads a vocabulary file once

    return any(skill.casefold() == name.casefold() for skill in find_skills(name))


def _is_place_name(name: str) -> bool:
    from crawler.parsing.location import looks_like_place  # location's readers import this module

    return looks_like_place(name)


# An agency names itself in a line with its legal form or with a staffing word in its name
# ("Northpoint Tech Recruitment", "Muster Personalservice GmbH"), in its signature or about-us text.
_AGENCY_NAME_WORD = re.compile(
    r"recruit(?:ment|ing)|staffing|personal\w*|personnel|resourcing|headhunt\w*|consult(?:ing|ants)"
    r"|\w*vermittlung|zeitarbeit\w*|placements?", re.IGNORECASE)
_NAMED_ORGANISATION = re.compile(
    r"(?P<name>(?:[A-ZÄÖÜ][\w&.'’+-]*[ \t]+(?:&[ \t]+)?){0,4}(?:[A-ZÄÖÜ][\w&.'’+-]*))"
    r"(?:[ \t]+(?P<form>GmbH(?:[ \t]*&[ \t]*Co\.?[ \t]*KG)?|AG|SE|KG|UG(?:[ \t]*\(haftungsbeschränkt\))?|e\.K\."
    r"|Ltd\.?|Limited|LLC|LLP|Inc\.?|plc|B\.V\.))?")
_AGENCY_LINE_MAX_WORDS = 16


def agency_in_text(text: str) -> str | None:
    """The staffing firm's name an agency ad gives ("Posted by Northpoint Tech Recruitment",
    "Muster Personal GmbH" in the signature): a capitalised name that carries a legal form and a
    staffing word, or ends in a staffing word; the last lines (the signature) first."""
    lines = [line.strip(" -*•") for line in (text or "").splitlines() if line.strip()]
    for line in reversed(lines):
        if len(line.split()) > _AGENCY_LINE_MAX_WORDS and not _AGENCY_NAME_WORD.search(line[:200]):
            continue
        for match in _NAMED_ORGANISATION.finditer(line):
            name, form = match["name"], match["form"]
            if not form and (legal := _LEGAL_FORM_AT_END.search(name)) and legal.start() > 0:
                name, form = name[:legal.start()].strip(" ,"), name[legal.start():].strip(" ,")
            words = name.split()
            if not words or _NOT_AN_EMPLOYER.match(name):
                continue
            if form and _AGENCY_NAME_WORD.search(name) or (
                    len(words) >= 2 and _AGENCY_NAME_WORD.fullmatch(words[-1])):
                return f"{name} {form}" if form else name
    return None


_COMPANY_LINE_MAX_WORDS = 7


# (a board's poster line too: "Von: SOLCOM GmbH", "Posted by: Acme Ltd")
_COMPANY_LABEL_LINE = re.compile(r"(?:company|employer|arbeitgeber|unternehmen|firma|von|from|posted\s+by|anbieter)\*{0,2}\s*:"
                                 r"\s*(?P<name>\S.*)$", re.I)


def company_line_in_text(text: str) -> str | None:
    """A line of the ad that is only an employer name with its legal form ("AvanCarte GmbH",
    "HermesHof GmbH & Co. KG"), as ads write it in their signature, or such a name after a label
    ("Company: …"), and that is no agency's."""
    for line in (text or "").splitlines():
        line = line.strip(" -*•")
        if labelled := _COMPANY_LABEL_LINE.match(line):  # "Company: CHEFS CULINAR West GmbH & Co. KG"
            line = labelled["name"].strip(" *")
        if (line and len(line.split()) <= _COMPANY_LINE_MAX_WORDS and looks_like_company(line)
                and _LEGAL_FORM_AT_END.search(line) and not _AGENCY_NAME_WORD.search(line)
                and not line.endswith((".", ":"))):
            return line
    return None
