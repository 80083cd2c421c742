"""Whether an ad is a recruitment agency's, read from its wording ("Our client is…", "Für unseren
Kunden…", "Im Auftrag unseres Mandanten", "Arbeitnehmerüberlassung"), not from who posts it."""

from __future__ import annotations

import re

from crawler.parsing.text import lines_containing

__all__ = ["is_agency_ad"]

# A recruiter writing for somebody else. Singular "client"/"Kunden" matters: "für unseren Kunden"
# (accusative singular) is an agency's client, "für unsere Kunden" / "we help our clients" are an
# employer's customers.
_AGENCY = re.compile(
    r"\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:exclusively\s+)?representing\s+(?:a|an|one)\b"
    r"|\bour\s+client(?!-\w)\s*(?:is\b|,|-|–|\(|based|located|operates|offers|specialises|specializes|develops|a\b|an\b)"
    # "for a client": not "hiring for a Client Partner", a role named with the word
    # ("invests on behalf of a diverse global client base": the client a modifier of the firm's own business)
    r"|\bon\s+behalf\s+of\s+(?:our|a|an|one\s+of\s+our)\s+(?:[\w-]+\s+){0,2}clients?\b"
    r"(?!['’]|\s+(?:base|portfolios?|assets|funds|money|accounts?|relationships?|services|data|needs|capital)\b)|\bfor\s+our\s+client\b(?![s-])"
    r"|\bfor\s+a\s+client\b(?![s-])(?!\s+(?-i:[A-Z]))"
    r"|\bfor\s+one\s+of\s+our\s+clients\b|\bmy\s+client\b(?!-)|\bclient\s+of\s+ours\b|\bthe\s+client\s+company\b"
    # One agency names itself in the singular; "the best staffing agencies in the world" are a software
    # firm's customers (refusals, "no recruitment agencies", are told apart below).
    r"|\b(?:recruitment|recruiting|staffing|employment|temp(?:orary)?\s+work|personnel)\s+"
    r"(?:agency|firm|company)\b"
    r"|\bstaffing\s+(?:services?|provider|partner)\b|\bpersonnel\s+service\s+provider\b|\bheadhunter\b"
    r"|\bfür\s+(?:unseren|meinen|einen\s+unserer|einen\s+meiner)\s+(?:[\w-]+\s+){0,2}?(?:[\w-]*kunden|klienten|mandanten)\b"
    # "vermitteln wir Ihnen den passenden Job", "vermitteln wir Ihnen als Engineering-Fachleuten spannende
    # Projekte": placing the reader in jobs is a recruiter's work
    r"|\bvermittel\w*\s+(?:wir\s+)?(?:ihnen|dir|euch)\b[^.!?\n]{0,60}?\b(?:jobs?|stellen?|positionen?|projekte?"
    r"|arbeitgeber\w*)\b"
    # "professionelle Vermittlung von Fach- und Führungskräften": the firm's trade is placing staff
    r"|\bvermittlung\s+von\s+(?:[\w-]+\s+){0,2}?(?:fach|führungs|arbeits|personal|kandidat|it-)\w*"
    # "Mit unserer langjährigen Rekrutierungserfahrung", "Our many years of recruitment experience": the
    # firm's own record; "as seamless a recruitment experience as possible" is the applicant's.
    r"|\b(?:unser\w*|langjährig\w*|jahrelang\w*)\s+(?:[\w-]+\s+)?rekrutierungserfahrung\b"
    r"|\b(?:our|years\s+of)\s+(?:[\w-]+\s+){0,2}?(?:recruitment|recruiting)\s+(?:experience|expertise)\b"
    # "Für einen spannenden Kunden in Wien suche ich derzeit …": a recruiter searching for a client
    r"|\bfür\s+einen\s+(?:[\w-]+\s+){0,2}(?:kunden|klienten|mandanten)\b[^.!?\n]{0,60}\bsuche[n]?\b"
    r"|\bim\s+auftrag\s+(?:unseres|unserer|meines|meiner|eines|einer)\s+(?:[\w-]+\s+){0,2}(?:kunden|kundin|klienten|klientin|mandanten"
    r"|mandantin|auftraggebers|auftraggeberin)\b"
    # "Aktuell suchen wir im Auftrag einer kleinen Langzeitinstitution …": searching on another's behalf
    r"|\bsuch\w*\s+(?:wir|ich)\s+(?:[\w-]+\s+){0,2}im\s+auftrag\s+(?:einer|eines|unserer|unseres)\b"
    # "Unser Kunde im Großraum Frankfurt sucht …", "Mein Mandant bietet spannende Projekte"
    r"|\b(?:unser|mein)(?:e)?\s+(?:kunde|kundin|klient|klientin|mandant|mandantin|auftraggeber)"
    r"(?:\s+(?:im|in|aus|am|an\s+der)\s+[^,.!?\n]{1,40}?)?\s*(?:ist|,|-|–|sucht|bietet|gehört|zählt|mit\s+sitz)\b"
    # ("für unseren Mandanten", a recruiter's one client; "bei unseren Mandanten", a tax or law office's own
    # clients, names no agency)
    r"|\bfür\s+unsere[ns]?\s+mandant(?:in|en)?\b|\bunsere[rs]?\s+mandant(?:in)?\b|\bpersonal-\s+und\s+\w*beratung\b|\bpersonalvermittlung\b|\bpersonaldienstleist\w*|\barbeitnehmerüberlassung\b"
    r"|\bzeitarbeit(?:sfirma|sunternehmen)?\b|\bdirektvermittlung\b|\bpersonalberatung\b|\bpersonalberater\b"
    # An applicant offered many employers is applying to an intermediary: "Bewerben Sie sich bei
    # Unikat und profitieren Sie von interessanten Arbeitgebern", "Einsatz bei unseren Kundenunternehmen".
    r"|\bprofitier\w*\s+(?:sie\s+|du\s+)?von\s+(?:[\w-]+\s+){0,2}arbeitgebern\b"
    r"|\b(?:bei|in|an)\s+(?:unseren|namhaften|renommierten|verschiedenen)\s+kunden(?:unternehmen|betrieben|firmen)\b"
    # "I'm working with a well-known retailer who need…", "Posted by Northpoint Tech Recruitment"
    r"|\b(?:i'?m|i\s+am)\s+(?:currently\s+)?(?:working|partnering|recruiting)\s+(?:with|for|on\s+behalf\s+of)"
    r"\s+(?:a|an|one\s+of|this)\b|\bwe(?:'re|\s+are)\s+(?:currently\s+)?(?:working|partnering)\s+(?:with|on\s+behalf\s+of)"
    r"\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:client|company|business|organi[sz]ation|firm|employer|retailer|manufacturer"
    r"|bank|insurer)\b"
    # "Davidson is partnering with a Sydney-based organisation in the education sector to recruit …": a
    # firm finding staff for another ("Acme is partnering with a university to build …" is no agency)
    r"|\b(?:is|are)\s+(?:currently\s+)?(?:working|partnering)\s+(?:with|on\s+behalf\s+of)\s+(?:a|an|one\s+of)\s+"
    r"[^.!?\n]{0,80}?\bto\s+(?:recruit|hire|appoint)\b|\bposted\s+by\s+[\w&.' -]{1,40}\b(?:recruitment|recruiting|staffing|personnel)\b", re.I)
_AGENCY_WORDS = ("client", "kunde", "vermittel", "vermittl", "rekrutierung", "recruiting", "arbeitgebern", "kundin", "klient", "mandant", "auftrag", "agenc", "staffing", "personnel",
                 "working with", "working for", "representing", "partnering with", "recruiting for", "recruitment",
                 "headhunter", "personalvermittl", "personaldienst", "personalberat", "personal- und", "arbeitnehmerüberlassung",
                 "zeitarbeit", "direktvermittlung", "recruitment firm", "recruiting firm", "employment company")
# "Bitte keine Anfragen von Personalvermittlungen", "We do not accept agency CVs", and terms
# addressed to agencies at large ("Any employment agency who submits a CV to us does so…").
# ("nicht nur", "not only": no refusal, the sentence goes on about the job)
_REFUSAL = re.compile(
    r"\b(?:kein\w*|nicht(?!\s+nur\b)|no|not(?!\s+only\b)|without|ohne|abzusehen|verzichten|unsolicited"
    r"|unaufgefordert\w*)\b"
    r"|\bany\s+(?:[\w-]+\s+){0,2}(?:agenc\w*|recruit\w*|headhunt\w*)", re.I)
_SENTENCE = re.compile(r"[^.!?\n]*")


def is_agency_ad(text: str) -> bool:
    """True when a recruitment agency or staffing firm posts the ad for a client ("Our client is…",
    "Für unseren Kunden…", "Im Auftrag unseres Kunden", "Arbeitnehmerüberlassung"). An employer
    talking about its own clients ("We help our clients…") or refusing agencies ("keine Anfragen
    von Personalvermittlungen") is not an agency."""
    whole = text or ""
    text = lines_containing(whole, _AGENCY_WORDS)
    for match in _AGENCY.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        sentence_start = max(start, max(text.rfind(p, 0, match.start()) for p in ".!?") + 1)
        sentence = text[sentence_start:match.start()] + _SENTENCE.match(text, match.start()).group()
        end = text.find("\n", start)
        line = text[start:] if end == -1 else text[start:end]
        if _GENERIC_AGENCY.search(text[sentence_start:match.start()]) and _KIND_OF_FIRM.match(match.group()):
            continue  # "experience from an in-house recruiting team or a recruiting agency": agencies in general
        if not _REFUSAL.search(sentence) and not _item_of_refused_list(whole, line):
            return True
    return _recruiters_voice(whole)


# A recruiter writes as "I" of an employer called "they" ("join a true APAC-grown innovator that now
# influences their sector … I'm now taking applications …"); an employer writes as "we".
_FIRST_PERSON_SINGULAR = re.compile(r"(?-i:\bI(?:'m|’m|'ve|’ve|'d|’d|\s+am)?\b)|\b(?:my|me)\b", re.IGNORECASE)
_FIRST_PERSON_PLURAL = re.compile(r"\b(?:we|we're|we’re|we've|we’ve|our|ours|us|wir|unser\w*|uns)\b", re.IGNORECASE)
_EMPLOYER_IN_THIRD_PERSON = re.compile(r"\b(?:their|they|they're|they’re|the\s+company|this\s+company|the\s+business"
                                       r"|the\s+organi[sz]ation|the\s+employer)\b", re.IGNORECASE)
_RECRUITER_SINGULARS = 2


def _recruiters_voice(text: str) -> bool:
    return (not _FIRST_PERSON_PLURAL.search(text) and _EMPLOYER_IN_THIRD_PERSON.search(text) is not None
            and len(_FIRST_PERSON_SINGULAR.findall(text)) >= _RECRUITER_SINGULARS)


# A kind of firm spoken of as the object of a preposition or a coordination with an indefinite
# article ("from … or a recruiting agency", "than a staffing firm") is any such firm, not the poster;
# an agency names itself as the subject ("We are a recruitment agency", "As a staffing firm, we …").
_GENERIC_AGENCY = re.compile(r"\b(?:from|at|in|with|or|and|than|like|through|via)\s+(?:an?|any)\s+(?:[\w-]+\s+)?$", re.I)
_KIND_OF_FIRM = re.compile(r"(?:recruitment|recruiting|staffing|employment|temp(?:orary)?\s+work|personnel)\s+"
                           r"(?:agency|firm|company)\b", re.I)


_LIST_ITEM = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s")


def _item_of_refused_list(text: str, line: str) -> bool:
    """True when ``line`` is an item of a list its lead-in refuses ("Please do NOT apply if:" /
    "- You are a recruiting agency")."""
    if not _LIST_ITEM.match(line):
        return False
    position = text.find(line)
    for earlier in reversed(text[:max(position, 0)].splitlines()):
        if earlier.strip() and not _LIST_ITEM.match(earlier):
            return _REFUSAL.search(earlier) is not None
    return False
