"""The whole parse: a job ad in, every field of the posting schema out.

:func:`complete_posting` takes what a source already stated (JSON-LD, an ATS payload) and fills
the gaps from the ad's text; :func:`parse_document` does the same for a saved page or a plain
text ad, which is what ``jobcrawl parse`` and re-parsing of archived pages use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timezone
from functools import cache, partial
from typing import Any

from crawler.items import LIST_FIELDS, MAPPING_FIELDS, SCHEMA_FIELDS
from crawler.occupations.fields import occupation_fields
from crawler.parsing.arbitration import (
    arbitrate_company,
    arbitrate_salary,
    assign_agency,
    fill,
    fill_location,
    fill_salary,
)
from crawler.parsing.bilingual import first_language_version
from crawler.parsing.country_hints import (country_from_currency, country_from_web_addresses, country_of_work_permit,
                                           country_spanned)
from crawler.parsing.criteria import read_criteria
from crawler.parsing.dates import find_date_posted, find_start_date, find_valid_through
from crawler.parsing.document import known_from_document
from crawler.parsing.gazetteer import GERMAN_SPEAKING
from crawler.parsing.employer import (clean_company_name, company_in_text, company_line_in_text, is_agency_ad,
                                      is_placeholder_employer)
from crawler.parsing.employer_mentions import employer_by_mentions
from crawler.parsing.employer_clues import (
    employer_from_name_heading,
    employer_hiring_the_role,
    employer_in_pasted_job_posting,
    employer_in_signature,
    employer_spelt_by_mail_address,
    employer_hiring_with_legal_form,
    front_matter_summary,
    employer_invited_to,
    employer_of_own_staff,
    employer_spelt_by_ats_account,
    employer_spelt_by_career_site,
    employer_at_institution,
    ats_accounts,
)
from crawler.parsing.employer_name import refine_company, spelled_out_name
from crawler.parsing.employer_ranking import employer_by_ranking
from crawler.parsing.header import looks_like_job_title, read_header, split_labelled_terms
from crawler.parsing.headings import heading_kind
from crawler.parsing.language import detect_language
from crawler.parsing.location import (
    find_location,
    looks_like_place,
    normalise_address,
    parse_location,
    place_from_stated,
    place_in_page_title,
    is_signature_address,
    place_in_title,
    postal_code_near,
    town_in_institution_name,
    town_of_public_employer,
)
from crawler.parsing.name_in_text import legal_name_extending, name_with_domain_ending, name_written_out, organisation_of_unit
from crawler.parsing.place_arbitration import arbitrate_place
from crawler.parsing.place_names import has_uk_postcode, namesake_in
from crawler.parsing.place_sentences import sole_town_named
from crawler.parsing.provenance import BOARD_HEADER, SOURCE_API, TEXT, complete_sources, stated_sources
from crawler.parsing.qualifications import (
    education_level,
    experience_years_in_requirements,
    experience_years_min,
    required_languages,
)
from crawler.parsing.requisition import find_requisition_id
from crawler.parsing.salary import find_salary, parse_salary, period_by_size
from crawler.parsing.sections import employer_from_headings, split_sections
from crawler.parsing.skills import find_skills
from crawler.parsing.stated_terms import (arbitrate_stated_term, contract_type_of_title, front_matter_terms,
                                          work_model_lines)
from crawler.parsing.terms import contract_kinds_named, contract_type, employment_type, workplace_type
from crawler.parsing.text import clean_text
from crawler.parsing.title_facts import (employer_named_in_title, hiring_organisation_prefix, organisation_prefix,
                                         split_title_facts)
from crawler.parsing.title_in_text import role_from_hiring_sentence, role_from_joined_line
from crawler.parsing.title import (clean_title, names_a_vacancy, remove_company_suffix, seniority_from_title,
                                   title_without_town)
from crawler.parsing.workplace import office_bound, remote_share, workplace_from_place_field

PARSER_VERSION = "5"
"""Bumped whenever parsing changes what it returns, so archived pages can be re-parsed."""

def _empty_posting() -> dict[str, Any]:
    posting: dict[str, Any] = {name: None for name in SCHEMA_FIELDS}
    for name in LIST_FIELDS:
        posting[name] = []
    for name in MAPPING_FIELDS:
        posting[name] = {}
    posting["via_agency"] = False
    return posting


# A paragraph about the job, not the employer: it speaks of the role or to the applicant.
_ROLE_PARAGRAPH = re.compile(
    r"(?:in\s+this\s+(?:role|position)|this\s+(?:role|position)|the\s+(?:role|position)"
    r"|you\s+will|you'll|your\s+(?:role|mission|job|tasks)|we\s+are\s+(?:looking|seeking|hiring)|we're\s+(?:looking|seeking|hiring)"
    r"|wir\s+suchen|du\s+wirst|sie\s+werden|in\s+dieser\s+(?:rolle|position)|ihre\s+aufgabe|deine\s+aufgabe)\b",
    re.IGNORECASE)


def _same_place_name(one: str | None, other: str | None) -> bool:
    """"Staufen im Breisgau" and "Staufen" name the same place; "Hamburg" and "Berlin" do not."""
    return bool(one and other) and one.split()[0] == other.split()[0]


_TITLE_OPENS_WITH_NAME = re.compile(r"[ \t]+[-–—|:][ \t]")


# A heading run into its paragraph ("We are looking for" glued to "Position Overview"): no name.
_GLUED_PRONOUN = re.compile(r"[a-zäöü](?:We|Wir|Our|Unser\w*)$")


def _without_heading_before(name: str | None) -> str | None:
    """A name a sentence opens with, without the heading a page ran into it: "Summary The Wikimedia
    Foundation is looking for …" names "Wikimedia Foundation", "**THE COMPANY** Gatekeeper is …"
    "Gatekeeper"; "Position OverviewWe are …" names nothing."""
    if not name or _GLUED_PRONOUN.search(name):
        return None
    words = name.split()
    for size in range(min(3, len(words) - 1), 0, -1):
        kind = heading_kind(" ".join(words[:size]))
        # one word heading an employer section may open the name itself ("Client Server", a recruiter)
        if kind and (size > 1 or kind != "company"):
            rest = words[size:]
            if len(rest) > 1 and rest[0] in ("The", "Die", "Der", "Das"):
                rest = rest[1:]
            return " ".join(rest)
    return name


def _company_named_in(text: str, title: str | None) -> str | None:
    """The employer the ad text names, unless the name is a role ("The Senior Accountant is …")."""
    name = _without_heading_before(company_in_text(text))
    if not name or looks_like_job_title(name):
        return None
    if title and name.lower() in title.lower() and remove_company_suffix(title, name) == title:
        # the role's own words; a title ending "- Brightwell" names the employer after the role, and one
        # opening "Avocadostore - …" before it
        if not (title.lower().startswith(name.lower()) and _TITLE_OPENS_WITH_NAME.match(title, len(name))):
            return None
    return name


def _fill_salary_period(posting: dict[str, Any], salary) -> None:
    """A header widget often shows the figures without their period ("3.900 € – 4.500 €");
    the ad text stating the same figures ("Monatsgehalt zwischen 3.900 € und 4.500 €") gives it."""
    if (salary is None or posting["salary_period"] or not salary.period
            or (salary.min, salary.max) != (posting["salary_min"], posting["salary_max"])
            or salary.currency not in (None, posting["salary_currency"])):
        return
    posting["salary_period"] = salary.period


def _place_in_the_ads_country(posting: dict[str, Any], text: str, raw_document: str) -> None:
    """A bare town name the ad's words gave, read as a namesake abroad ("Location: County Durham" as
    Durham, North Carolina; "Northumberland" as a town in New York), in an ad whose own country shows
    otherwise — its pay's currency (GBP), a British postcode, its web and e-mail addresses all in one
    country's domain: the town of that name in that country, or (on the pay's or postcode's word, not
    the addresses' alone) only that country when there is none. A postal code or a source's
    structured place is taken as stated."""
    if (not posting["city"] or posting["postal_code"] or posting["workplace_type"] == "remote"
            or posting["field_sources"].get("city") not in (TEXT, BOARD_HEADER) or posting["country"] in GERMAN_SPEAKING):
        return  # (checked before the evidence: the addresses are a search of the whole raw page)
    stated = country_from_currency(posting["salary_currency"]) or ("GB" if has_uk_postcode(text) else None)
    evidence = stated or country_from_web_addresses(raw_document)
    if not evidence or evidence == posting["country"]:
        return
    source = posting["field_sources"]["city"]
    namesake = namesake_in(posting["city"], evidence)
    if namesake is None and not stated:
        return  # a German firm's site and its office in Groningen: addresses alone move only a namesake
    posting.update(city=namesake.city if namesake else None, postal_code=None,
                   region=namesake.region if namesake else None, country=evidence)
    for name in ("city", "region", "country"):
        if posting[name] is None:
            posting["field_sources"].pop(name, None)
        else:
            posting["field_sources"][name] = source


def _fill_country_hint(posting: dict[str, Any], raw_document: str) -> None:
    """No country stated: the work permit the ad asks for ("authorized to work in the United States"),
    else the employer's web and e-mail addresses ("landenhof.ch") or its pay's own currency (GBP, CHF)
    hint at it; those two never for a fully remote job, which has no country of work."""
    _fill_hinted_country(posting, lambda: country_of_work_permit(raw_document),
                         lambda: country_from_web_addresses(raw_document))


def _fill_hinted_country(posting: dict[str, Any], permit_country, web_country) -> None:
    fill(posting, "country", None if posting["country"] else permit_country())
    if posting["country"] or posting["workplace_type"] == "remote":
        return
    fill(posting, "country", web_country() or country_from_currency(posting["salary_currency"]))
    fill(posting, "country", country_spanned(posting["description"] or ""))


def page_facts(document: str) -> PageFacts:
    """What the whole page (or file) around an ad says of where the job is: the town its
    ``<title>`` names, the country of the work permit it asks for, the country its web and e-mail
    addresses point to. Taken from the page when the page is read, then used by
    :func:`complete_posting` after the ad's own words, the same way by :func:`parse_document`, a
    crawl and ``jobcrawl reparse``."""
    return PageFacts(document)


class PageFacts(Mapping):
    """The page's facts (:func:`page_facts`) as a read-only mapping, each read from the page when it
    is first asked for: most ads state their own place, and the searches of the whole page (a board
    page runs to 50 KB) were then thrown away. The readers are pure, so when they run does not
    change what they give."""

    __slots__ = ("_document", "_values")
    _READERS = {"title_place": place_in_page_title, "work_permit_country": country_of_work_permit,
                "web_country": country_from_web_addresses}

    def __init__(self, document: str):
        self._document = document
        self._values: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._values:
            self._values[name] = self._READERS[name](self._document)
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._READERS)

    def __len__(self) -> int:
        return len(self._READERS)


def _apply_page_facts(posting: dict[str, Any], facts: Mapping[str, Any]) -> None:
    titled = facts.get("title_place")
    if titled and not posting["city"] and posting["workplace_type"] != "remote" \
            and posting["country"] in (None, titled.country):
        # "Karriere bei Autohaus Pufahl in Lengerich": the page's <title> names the employer's town
        fill_location(posting, titled)
    _fill_hinted_country(posting, lambda: facts.get("work_permit_country"), lambda: facts.get("web_country"))


def _fill_postal_code(posting: dict[str, Any], text: str, raw_document: str) -> None:
    """The postal code written with the city anywhere in the ad, or in the raw page: boards often
    give the full address only in a map block that chrome removal drops."""
    city, country = posting["city"], posting["country"]
    posting["postal_code"] = postal_code_near(text, city, country) or postal_code_near(raw_document, city, country)


# A clause of the introduction that demands what it names: "… and English language fluency is a requirement",
# "Deutschkenntnisse sind Voraussetzung".
_LANGUAGE_DEMANDED = re.compile(
    r"\b(?:is|are)\s+(?:a\s+)?(?:requirement|required|must|mandatory|essential)\b"
    r"|\b(?:ist|sind)\s+(?:eine\s+)?(?:voraussetzung|pflicht|erforderlich|unabdingbar)\b", re.IGNORECASE)
_SENTENCE_PIECE = re.compile(r"[^.!?\n]+")


def _demanding_clauses(text: str) -> str:
    """The clauses of ``text`` that say something is required (:data:`_LANGUAGE_DEMANDED`), one a line:
    from the comma or semicolon before a sentence's first such cue to the sentence's end."""
    clauses = []
    for piece in _SENTENCE_PIECE.finditer(text):
        cue = _LANGUAGE_DEMANDED.search(piece.group())
        if cue is not None:
            sentence = piece.group()
            start = max(sentence.rfind(",", 0, cue.start()), sentence.rfind(";", 0, cue.start())) + 1
            clauses.append(sentence[start:])
    return "\n".join(clauses)


def _languages_asked(posting: dict[str, Any], requirements_text: str, text: str) -> list[dict]:
    """The languages the requirements ask for, and a language asked for elsewhere in the job's part
    of the ad — after its first task or requirement item, not in the employer's introduction
    ("… dealing with English- and German-speaking workforce") — in a sentence about language
    skills ("Excellent communication skills (including German and English)" after the task list),
    not in what the ad offers ("Language classes in German and English" among the benefits).
    The requirements' level wins where both name a language."""
    asked = required_languages(requirements_text, requirement_items=bool(posting["requirements"]))
    if requirements_text is text:
        return asked
    first_items = [items[0] for items in (posting["responsibilities"], posting["requirements"]) if items]
    starts = [position for position in (text.find(item) for item in first_items) if position >= 0]
    if not starts:
        return asked
    named = {entry["language"] for entry in asked}
    offered = {" ".join(item.split()) for item in posting["benefits"]}
    tail = "\n".join(line for line in text[min(starts):].split("\n")
                     if " ".join(line.lstrip("-•* ").split()) not in offered)
    # The introduction speaks of the employer, unless a sentence there says a language is required:
    # "Timescale is a mostly remote company …, and English language fluency is a requirement."
    demanded = _demanding_clauses(text[:min(starts)])
    more = [entry for entry in required_languages(tail + "\n" + demanded if demanded else tail)
            if entry["language"] not in named]
    return sorted(asked + more, key=lambda entry: entry["language"]) if more else asked


def _fill_missing(posting: dict[str, Any], name: str, read: Callable[[], Any], source: str = TEXT) -> None:
    """:func:`fill` with the value read only when the field is still empty (the same test): a field
    a source stated, or an earlier reader filled, skips the search of the ad (the readers are pure)."""
    if posting.get(name) in (None, "", []):
        fill(posting, name, read(), source)


def complete_posting(known: dict[str, Any], *, crawled_at: datetime, known_source: str = SOURCE_API,
                     stated_terms: str = "", facts_of_page: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Every schema field: ``known`` values kept, gaps filled from ``known["description"]``.

    ``known["description"]`` may be HTML, Markdown or plain text; it comes back as clean text.
    ``known_source`` is where the ``known`` values came from (``source_api`` for a spider's
    mapping of an ATS or board API, ``structured_data`` for a page's JSON-LD); ``known`` may name
    other sources per field in its own ``field_sources``. Every filled field gets its source in
    ``field_sources``; where the ad's words contradict a source (pay, employer) the ad wins and
    both values go to ``field_conflicts``. ``stated_terms`` are ``key: value`` lines a source states
    beside the text (a Markdown ad's front matter: "contract: permanent", "umfang: in Teilzeit").
    ``facts_of_page`` (:func:`page_facts`) is what the page around the ad says of its place, used
    last, where the ad's own words leave a gap.
    """
    posting = _empty_posting()
    posting.update({key: value for key, value in known.items()
                    if key in posting and value is not None and key not in MAPPING_FIELDS})
    posting["field_sources"] = stated_sources(known, known_source)
    posting["field_sources"].update(known.get("field_sources") or {})
    posting["field_conflicts"] = dict(known.get("field_conflicts") or {})
    posting["crawled_at"] = crawled_at
    text = clean_text(known.get("description") or "")
    criteria = read_criteria(text) if "\n" in text else None
    if criteria and criteria.text != text:
        text = criteria.text
    posting["description"] = text or None
    header = read_header(text)
    if criteria:
        header.terms.extend(criteria.terms)
    title_facts: list[str] = []

    header_title = header.title
    if header_title and not looks_like_job_title(header_title) and not names_a_vacancy(header_title) \
            and seniority_from_title(header_title) is None and role_from_hiring_sentence(text):
        # A first short line naming no role, level or vacancy ("PDF Download", "Overview") gives way
        # to the role the ad's hiring sentence names ("Senior Fullstack" stays: a level names a role).
        header_title = None
    fill(posting, "title_raw", header_title, BOARD_HEADER)
    if not posting["title_raw"]:
        # No title line: a "|"-joined facts line or the hiring sentence names the role.
        role, employer = role_from_joined_line(text.split("\n", 1)[0])
        fill(posting, "title_raw", role, BOARD_HEADER)
        fill(posting, "title_raw", role_from_hiring_sentence(text))
        fill(posting, "company", employer if role else None, BOARD_HEADER)
    if posting["title_raw"] and text.startswith(posting["title_raw"]):
        # The title repeated as the first line of the ad is not part of the description.
        text = text[len(posting["title_raw"]):].lstrip()
        posting["description"] = text or None
    if posting["title_raw"]:
        title, title_facts = split_title_facts(posting["title_raw"])
        if title.rstrip().endswith(".") and (role := role_from_hiring_sentence(title)):
            # A title line that is the hiring sentence ("Die Teams vom … in Köln suchen eine:n
            # IT-Lizenzmanager:in (m/w/d)."): the role it names; the line stays title_raw (its place).
            title = role
        role, organisation = organisation_prefix(title, text)
        if organisation is None:
            role, organisation = hiring_organisation_prefix(title, text)
        posting["title"] = clean_title(role, posting["company"]) or None
        if organisation and not posting["company"]:
            fill(posting, "company", organisation, posting["field_sources"].get("title_raw", TEXT))
    if posting["title"] and not posting["seniority"]:
        # A level the board listed after the role ("Software Engineer, Senior, Remote") is the role's.
        posting["seniority"] = seniority_from_title(" ".join([posting["title"], *title_facts]))
    if criteria and criteria.seniority:
        fill(posting, "seniority", seniority_from_title(criteria.seniority), BOARD_HEADER)

    if posting["company"]:
        posting["company"] = clean_company_name(posting["company"])
    posting["via_agency"] = bool(posting["via_agency"]) or is_agency_ad(text)
    if posting["via_agency"]:
        assign_agency(posting, text)
    else:
        # The employer the text names is read once, and only when asked for: the arbitration needs it
        # only against an employer the ad never mentions, the fill only for an empty field.
        named = cache(partial(_company_named_in, text, posting["title"]))
        arbitrate_company(posting, text, lambda: header.company or named())
        refine_company(posting, text)
        fill(posting, "company", header.company, BOARD_HEADER)
        _fill_missing(posting, "company", named)
        _fill_missing(posting, "company", lambda: company_line_in_text(text))
        # Named only once, where career pages put it: a heading the next paragraph opens with,
        # an invitation to apply there, a signature under the closing paragraph.
        _fill_missing(posting, "company", lambda: employer_in_pasted_job_posting(text))
        _fill_missing(posting, "company", lambda: employer_from_name_heading(text))
        _fill_missing(posting, "company", lambda: employer_invited_to(text))
        _fill_missing(posting, "company", lambda: employer_in_signature(text))
        _fill_missing(posting, "company", lambda: employer_spelt_by_mail_address(text, stated_terms))
        _fill_missing(posting, "company", lambda: employer_hiring_with_legal_form(text))
        _fill_missing(posting, "company", lambda: employer_hiring_the_role(text, posting["title"]))
        _fill_missing(posting, "company", lambda: employer_named_in_title(posting["title_raw"], text))
        # Named only in passing: "here at Banjo", "the Affirm platform", "Wir von Checkpad suchen".
        if not posting["company"]:
            fill(posting, "company", _without_heading_before(employer_by_mentions(text, posting["title"])))
            fill(posting, "company", employer_by_mentions(front_matter_summary(stated_terms), posting["title"]))
        if posting["company"]:
            # "Fachdienst Digitalisierung der Universitätsstadt Marburg": the organisation, not its unit
            posting["company"] = organisation_of_unit(posting["company"])

    # An ad written twice, in two languages: its lists are those of the first version.
    sections = split_sections(first_language_version(text), company=posting["company"])
    if not posting["via_agency"]:
        _fill_missing(posting, "company", lambda: employer_from_headings(sections.headings))
        _fill_missing(posting, "company", lambda: employer_of_own_staff(text))
        # Named only in its prose: the name the ad speaks of as an organisation most (issue 12).
        if not posting["company"]:
            fill(posting, "company", _without_heading_before(employer_by_ranking(text, posting["title"])))
        # Named as its account at an applicant-tracking system: "Dein Natsana Team", natsana.jobs.personio.de.
        # (The accounts are read from the description's links, which clean text drops.)
        _fill_missing(posting, "company",
                      lambda: employer_spelt_by_ats_account(text, ats_accounts(known.get("description") or "")))
        _fill_missing(posting, "company", lambda: employer_spelt_by_career_site(text, known.get("description") or ""))
        _fill_missing(posting, "company", lambda: employer_at_institution(f"{posting['title_raw'] or ''}\n{text}"))
    if posting["company"] and not posting["via_agency"]:
        # An abbreviation the ad writes out before it in brackets: "The Investigative News Network (INN)".
        spelled = spelled_out_name(posting["company"], text)
        if spelled and posting["title"]:  # "Werkstudent:in Tätigkeit bei TÜVIT"
            posting["title"] = remove_company_suffix(posting["title"], posting["company"]) or posting["title"]
        posting["company"] = spelled or posting["company"]
    if posting["company"] and not posting["via_agency"]:
        # "Crunch.io is seeking …": the name the ad writes with its domain ending is the name.
        posting["company"] = name_written_out(name_with_domain_ending(posting["company"], text), text)
        if posting["field_sources"].get("company", TEXT) == TEXT:
            # "Guidepoint is a leading …" and "… Guidepoint Global LLC": the name with its legal form
            posting["company"] = legal_name_extending(posting["company"], text)
    if posting["title"] and posting["company"]:
        # The employer found in the text after the title was cleaned: "Part-time Co-ordinator - Hands".
        posting["title"] = remove_company_suffix(posting["title"], posting["company"]) or posting["title"]
    for name in ("responsibilities", "requirements", "benefits"):
        fill(posting, name, getattr(sections, name))
    if sections.company_description and not _ROLE_PARAGRAPH.match(sections.company_description):
        fill(posting, "company_description", sections.company_description)

    everything = "\n".join(part for part in (posting["title_raw"], text) if part)
    requirements_text = "\n".join(posting["requirements"]) or text
    header_text = "\n".join(header.lines)

    posting["skills"] = sorted(set(posting["skills"]) | set(find_skills(everything)), key=str.lower)
    # What the requirement items ask for first ("5+ years as an engineering lead", no experience word
    # needed there), then experience named in the requirements, then anywhere in the ad.
    _fill_missing(posting, "experience_years_min", lambda: experience_years_in_requirements(posting["requirements"])
                  or experience_years_min(requirements_text) or experience_years_min(text))
    # "Education and Experience" over a sentence is no list item, but it states the education.
    _fill_missing(posting, "education_level", lambda: education_level(requirements_text) or education_level(text))
    _fill_missing(posting, "languages", lambda: _languages_asked(posting, requirements_text, text))
    # The ad's own lists say its language before the page around it does (a German ad in a LinkedIn
    # capture whose cookie banner and menus are English).
    listed = " ".join([*posting["responsibilities"], *posting["requirements"], *posting["benefits"]])
    _fill_missing(posting, "ad_language", lambda: detect_language(listed) or detect_language(text or everything))

    if any(posting[name] for name in ("city", "postal_code", "region", "country")):
        # Place fields as a source stated them ("Cologne", "NW", "Deutschland") in their normal form.
        stated = normalise_address(locality=posting["city"], region=posting["region"],
                                   postal_code=posting["postal_code"], country=posting["country"])
        posting.update(city=stated.city, postal_code=stated.postal_code, region=stated.region,
                       country=stated.country)
    if posting["location_raw"] and not posting["city"] and not posting["country"]:
        fill_location(posting, place_from_stated(posting["location_raw"], text),
                       posting["field_sources"].get("location_raw", TEXT))
    text_location = find_location(text)
    if posting["via_agency"] and text_location is not None and is_signature_address(text, text_location):
        text_location = None  # the agency's own address under its name, not the client's site
    arbitrate_place(posting, text_location)
    if header.location:
        header_location = parse_location(header.location)
        # A place found with its postal code ("79219 Staufen im Breisgau") beats a bare name
        # the gazetteer resolves to a namesake abroad.
        if not (text_location and text_location.postal_code and not header_location.postal_code
                and _same_place_name(text_location.city, header_location.city)
                and text_location.country != header_location.country):
            fill_location(posting, header_location, BOARD_HEADER)
    labelled_in_text = text_location is not None and text_location.evidence == "label" and bool(text_location.city)
    if posting["title_raw"] and not posting["city"] and not posting["country"] and not labelled_in_text:
        # "Designer (Full-Time, San Francisco)": the place the title was joined with (a place the
        # ad labels, "Location: Neu-Isenburg, near Frankfurt", is the more precise statement).
        places = [fact for fact in title_facts if looks_like_place(fact)]
        if places:
            fill_location(posting, parse_location(", ".join(places)), posting["field_sources"].get("title_raw", TEXT))
    # "Projektingenieur Elektrotechnik (m/w/d) in Berlin gesucht!": the town the title names, over a town
    # the text only mentions ("in unserem Kölner Büro" in the Berlin copy of an ad written for Köln); a
    # place the text labels comes first.
    title_town = place_in_title(posting["title_raw"]) if posting["title_raw"] else None
    title_source = posting["field_sources"].get("title_raw", TEXT)
    if not posting["city"] and not posting["country"] and not labelled_in_text:
        fill_location(posting, title_town, title_source)
    fill_location(posting, text_location)
    if not posting["city"] and not posting["country"]:
        fill_location(posting, title_town, title_source)
    if posting["company"] and not posting["city"] and not posting["country"] and not posting["via_agency"]:
        # A town's own administration employs in that town: "Universitätsstadt Marburg", "Leeds City Council".
        fill_location(posting, town_of_public_employer(posting["company"]) or town_in_institution_name(posting["company"]),
                      posting["field_sources"].get("company", TEXT))
    if posting["city"] and not posting["postal_code"]:
        # Boards often give the full address only in a map block that chrome removal drops.
        _fill_postal_code(posting, text, known.get("description") or "")
    if posting["title"] and posting["city"]:
        # "Shop Mechanic … Technician (Grand Marsh)": the job's own town after the role, a town the
        # gazetteer may not know for a place by itself.
        posting["title"] = title_without_town(posting["title"], posting["city"])

    terms_text = "\n".join(header.terms) or header_text
    # Terms stated beside the text (front matter; the ad's words win where they differ), then by
    # the title ("Full-time UX Designer", "Ausbildung Mediengestalter:in"), before the board's header.
    if stated_terms:
        for name, read in (("employment_type", employment_type), ("contract_type", contract_type),
                           ("workplace_type", lambda terms: workplace_type(work_model_lines(terms)))):
            arbitrate_stated_term(posting, name, read(stated_terms), read(text), known_source)
    fill(posting, "employment_type", employment_type(posting["title_raw"] or ""), title_source)
    fill(posting, "contract_type", contract_type_of_title(posting["title_raw"]), title_source)
    fill(posting, "workplace_type", workplace_from_place_field(posting["location_raw"]),
         posting["field_sources"].get("location_raw", TEXT))
    # A board's contract label ("Vertragsart: Freiberuflich", a menu the poster filled in) gives way
    # to the ad's own words where they state another ("Im Rahmen einer Festanstellung"), as pay does.
    board_terms, own_words = split_labelled_terms(text, header)
    own_contract = contract_type(own_words) if len(contract_kinds_named(own_words)) == 1 else None
    arbitrate_stated_term(posting, "contract_type", contract_type(board_terms), own_contract, BOARD_HEADER)
    for name, read in (("workplace_type", workplace_type), ("employment_type", employment_type),
                       ("contract_type", contract_type)):
        _fill_missing(posting, name, lambda: read(terms_text), BOARD_HEADER)
        if name == "workplace_type" and posting[name] == "remote" and posting["field_sources"].get(name) == BOARD_HEADER:
            # "Remote/GR Hamburg" in the header, "80 % Remote" or "größtenteils remote" in the ad: the
            # share the ad states is the more precise statement.
            if (share := remote_share(text)) is not None:
                posting[name] = share
                posting["field_sources"][name] = TEXT
        if name == "workplace_type" and not posting[name]:  # a share of remote work, the job tied to the office
            fill(posting, name, remote_share(text) or office_bound(text))
        _fill_missing(posting, name, lambda: read(text))

    text_salary = find_salary(text)
    if header.salary:
        fill_salary(posting, parse_salary(header.salary), BOARD_HEADER)
    arbitrate_salary(posting, text_salary)
    fill_salary(posting, text_salary)
    _fill_salary_period(posting, text_salary)

    if posting["date_posted"] is None:
        posted, posted_raw = find_date_posted(header_text, crawled_at) if header.date else (None, None)
        source = BOARD_HEADER
        if posted is None:
            (posted, posted_raw), source = find_date_posted(text, crawled_at), TEXT
        posting["date_posted"], posting["date_posted_raw"] = posted, posted_raw or posting["date_posted_raw"]
        if posted is not None:
            posting["field_sources"]["date_posted"] = posting["field_sources"]["date_posted_raw"] = source
    _fill_missing(posting, "valid_through", lambda: find_valid_through(text, crawled_at))
    _fill_missing(posting, "requisition_id", lambda: find_requisition_id(text))
    _fill_missing(posting, "start_date", lambda: find_start_date(stated_terms, crawled_at), known_source)
    _fill_missing(posting, "start_date", lambda: find_start_date(text, crawled_at))
    _fill_country_hint(posting, known.get("description") or "")
    _place_in_the_ads_country(posting, text, known.get("description") or "")
    _fill_occupation(posting, known)
    complete_sources(posting)
    if facts_of_page:
        _apply_page_facts(posting, facts_of_page)
    if not posting["city"] and posting["workplace_type"] != "remote":
        # Said nowhere else: the one town the ad places anything in ("ein modernes Arbeitsumfeld in Berlin").
        town = sole_town_named(text)
        if town is not None and posting["country"] in (None, town.country):
            fill_location(posting, town)
    if not posting["city"] and not posting["country"] and stated_terms:
        # Said only in the front matter's summary: "description: Wir suchen Verstärkung für unser Team in
        # Klaus, Vorarlberg."
        fill_location(posting, find_location(front_matter_summary(stated_terms)))
    _dollar_of_the_country(posting)
    if posting["company"] and is_placeholder_employer(posting["company"]):
        posting["company"] = None  # the ad withholds its employer
        posting["field_sources"].pop("company", None)
    if posting["company"] is None and not posting["via_agency"] and known.get("site_owner"):
        # Named nowhere in the ad: the organisation whose site it is ("© 2026 S.B. Plattenleger GmbH").
        fill(posting, "company", known["site_owner"], BOARD_HEADER)
    if posting["salary_period"] is None and (
            period := period_by_size(posting["salary_min"], posting["salary_max"], posting["salary_currency"])):
        posting["salary_period"] = period
        posting["field_sources"]["salary_period"] = posting["field_sources"].get("salary_min", TEXT)
    return posting


# The dollar a bare "$" means where the job is: Australian, Canadian, New Zealand … pay is written "$".
_LOCAL_DOLLAR = {"AU": "AUD", "CA": "CAD", "NZ": "NZD", "SG": "SGD", "HK": "HKD"}
_NAMED_US_DOLLAR = re.compile(r"US\s?\$|\bUSD\b|U\.S\.|US-Dollar|american dollar", re.IGNORECASE)


def _dollar_of_the_country(posting: dict[str, Any]) -> None:
    """A "$" the ad or board writes (read as USD) is the local dollar of an Australian, Canadian, New
    Zealand, Singapore or Hong Kong job ("$36.33 per hour plus superannuation" in NSW is AUD); a
    currency a source states, or a dollar named as the US one, stays."""
    local = _LOCAL_DOLLAR.get(posting["country"] or "")
    raw = posting["salary_raw"] or ""
    if (local and posting["salary_currency"] == "USD" and "$" in raw and not _NAMED_US_DOLLAR.search(raw)
            and posting["field_sources"].get("salary_currency") in (TEXT, BOARD_HEADER)):
        posting["salary_currency"] = local


def _fill_occupation(posting: dict[str, Any], known: dict[str, Any]) -> None:
    """occupation_* from what the source states (``known["occupational_category"]``: an ISCO code
    or ESCO URI), else from the title and the ad's text; kept when a spider already set them."""
    if posting["occupation_isco"]:
        return
    posting.update(occupation_fields({"title": posting["title"] or posting["title_raw"],
                                      "description": posting["description"],
                                      "language": posting["ad_language"],
                                      "occupational_category": known.get("occupational_category")}))


NO_JOB_AD = "no job ad found on the page"
"""The rejection reason for a page or file in which no job ad can be found."""
LEAST_AD_WORDS = 15


def job_ad_missing(posting: dict[str, Any]) -> bool:
    """True when a parsed posting holds no job ad: no title and no description of substance
    (fewer than 15 words). A title alone is an ad (a one-line file naming a job)."""
    title = posting.get("title")
    description = posting.get("description") or ""
    return not (title and title.strip()) and len(description.split()) < LEAST_AD_WORDS


AD_TERM_FIELDS = ("employment_type", "contract_type", "workplace_type", "salary_min", "salary_max")
# A page of search hits or openings is titled by them: "152 Data Engineer Jobs in Berlin", "73 Treffer".
_LISTING_TITLE_RE = re.compile(r"\b(?:jobs|stellen|stellenangebote|vacancies|openings|treffer|results|ergebnisse)\b",
                               re.IGNORECASE)


def reads_as_job_ad(posting: dict[str, Any]) -> bool:
    """Whether a parsed page without structured data holds a job ad rather than another page of
    the site (an about page, a listing, a blog post): two of three signs of an ad — it lists the
    job's tasks or requirements, it states the job's terms (hours, contract, place of work, pay),
    its title is written like a job title — and no title of a listing page."""
    title = posting.get("title") or posting.get("title_raw") or ""
    if job_ad_missing(posting) or _LISTING_TITLE_RE.search(title):
        return False
    signs = (bool(posting.get("requirements") or posting.get("responsibilities")),
             any(posting.get(name) for name in AD_TERM_FIELDS),
             bool(title) and looks_like_job_title(title))
    return sum(signs) >= 2


def parse_document(document: str, *, crawled_at: datetime | None = None,
                   url: str | None = None) -> dict[str, Any]:
    """Parse a saved HTML page, a Markdown ad or a plain-text ad into every field of the posting
    schema, with each field's source in ``field_sources``."""
    crawled_at = crawled_at or datetime.now(timezone.utc)
    known, known_source = known_from_document(document, crawled_at=crawled_at, url=url)
    return complete_posting(known, crawled_at=crawled_at, known_source=known_source,
                            stated_terms=front_matter_terms(document), facts_of_page=page_facts(document))


__all__ = ["NO_JOB_AD", "PARSER_VERSION", "complete_posting", "job_ad_missing", "page_facts", "parse_document", "reads_as_job_ad"]
