"""classify_occupation: a job title (and its description) to an ESCO occupation and ISCO-08 unit group."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from crawler.occupations.craft_ranks import labourer_of_field, rank_group, ranked_occupation, without_rank
from crawler.occupations.care_managers import care_manager_group
from crawler.occupations.service_engineers import service_mechanic_group, trade_technician_group
from crawler.occupations.driving_licences import licence_group
from crawler.occupations.executives import executive_as_officer
from crawler.occupations.hospitality_reception import HOTEL_RECEPTIONIST, hotel_reception
from crawler.occupations.domestic_work import (
    DOMESTIC_CLEANER, ROOM_ATTENDANT, cleaner_not_housekeeper, housekeeper_of_an_establishment)
from crawler.occupations.youth_welfare import SOCIAL_WORK_ASSOCIATES, residential_youth_welfare
from crawler.occupations.physicians import SPECIALIST_PHYSICIANS, physician_group
from crawler.occupations.production_industries import production_industry_group
from crawler.occupations.role_fields import bracketed_field, names_field_only, names_role_only, role_with_field
from crawler.occupations.clerical_fields import (
    GENERAL_OFFICE_CLERKS, PAYROLL_CLERKS, clerical_field_group, payroll_of_personnel)
from crawler.occupations.ambiguous import GENERIC_ROLES, ROLE_GROUPS, generic_role, role_from_text
from crawler.occupations.german import german_to_english, names_cared_for_object, names_generic_head
from crawler.occupations.german_labels import load_german_labels
from crawler.occupations.ict import ict_reading, is_ict_group, outside_ict
from crawler.occupations.ict_ads import ICT_ACCOUNT_MANAGER, ICT_PROJECT_MANAGER, manages_ict_projects, sells_ict
from crawler.occupations.acronyms import spell_out_acronyms
from crawler.occupations.index import RANK_WORDS, LabelMatch, load_index, tokens
from crawler.occupations.unsettled import text_names_one, title_settles_nothing
from crawler.occupations.field_words import field_reading
from crawler.occupations.head_phrases import label_ending_title
from crawler.occupations.area_parts import names_area_only, names_job_with_field
from crawler.occupations.directory_reading import directory_fill, directory_groups, directory_reading
from crawler.occupations.derivation import process_nouns_as_label_words
from crawler.occupations.named_settings import held_in_several_groups, occupation_in_named_setting
from crawler.occupations.contact_centre import generic_head, telephone_group
from crawler.occupations.shop_sections import SHOP_SUPERVISORS, shop_section_supervisor
from crawler.occupations.skill_level import asks_trade_background, trade_reading
from crawler.occupations.ict_security import ICT_SECURITY_GROUP, ict_security_role
from crawler.occupations.language_teachers import LANGUAGE_SCHOOL_TEACHER, language_school_teacher
from crawler.occupations.label_standing import match_confidence
from crawler.occupations.lexicon import load_lexicon
from crawler.occupations.lexicon_reading import GENERIC_GROUPS, lexicon_match, occupation_name_kept_whole
from crawler.occupations.managers import department_manager
from crawler.occupations.managers_without_staff import professional_of_manager
from crawler.occupations.normalise import title_parts
from crawler.occupations.stated_roles import role_after_als
from crawler.occupations.subject_leaders import SUBJECT_TEACHER_GROUP, leads_school_subject
from crawler.occupations.volunteer_service import volunteer_service_group
from crawler.occupations.vocational_teachers import vocational_teacher_group
from crawler.occupations.technical import (
    WEB_DEVELOPER, expand_role_words, front_end_work, kind_from_description, technology_as_work)

# Below this blended score the best label is a guess, and no occupation is given.
MIN_CONFIDENCE = 0.45
# Confidence of a unit group the title directories alone give (directory_reading.py).
DIRECTORY_GROUP_CONFIDENCE = 0.55
# Candidates this close to the best are ambiguous; the description decides between them.
AMBIGUITY_MARGIN = 0.08
# How many occupations the title search returns for the description to choose among.
CANDIDATES = 15
# A title read by the label its last words are: the run is certain, the leading words' part in it is not.
HEAD_PHRASE_CONFIDENCE = 0.85
# How much of the ad's text is read to decide between close candidates.
DESCRIPTION_CHARS = 2000
# Weight of the description's affinity to an occupation's definition when candidates are close.
DESCRIPTION_WEIGHT = 0.5

_ISCO_CODE = re.compile(r"(?<!\d)(\d{4})(?!\d)")
# O*NET-SOC / SOC codes: "15-1252.00", "29-1141".
_SOC_CODE = re.compile(r"(?<![\d-])(\d{2}-\d{4})(?:\.\d{2})?(?![\d-])")
SOC_CROSSWALK_FILE = "soc_isco08.tsv"
_ESCO_URI = re.compile(r"https?://data\.europa\.eu/esco/occupation/[0-9a-f-]{36}")


@dataclass(frozen=True)
class Occupation:
    """An occupation assigned to a posting."""

    esco_uri: str | None
    """ESCO occupation concept URI; None when only an ISCO code is known (stated by the source)."""
    esco_label: str
    """ESCO preferred label (English), or the ISCO-08 unit group label."""
    isco_code: str
    """ISCO-08 unit group, 4 digits."""
    confidence: float
    """0–1; 1.0 when the source stated the occupation."""
    method: str
    """'source' (stated by the posting), 'title' (title match) or 'title+text'."""


def occupation_from_source(stated: object) -> Occupation | None:
    """An occupation the source states: an ESCO URI or an ISCO-08 code in occupationalCategory,
    or an occupation's name the title lexicon knows whole (the Bundesagentur's `beruf`).

    An O*NET-SOC code is used when the SOC→ISCO-08 crosswalk (data/soc_isco08.tsv) gives it one
    ISCO unit group; a code the crosswalk splits over several groups is left to the title.
    """
    if stated is None:
        return None
    if isinstance(stated, dict):
        text = " ".join(str(v) for v in stated.values())
    elif isinstance(stated, (list, tuple)):
        text = " ".join(str(v) for v in stated)
    else:
        text = str(stated)
    index = load_index()
    uri = _ESCO_URI.search(text)
    if uri and uri.group(0).replace("https:", "http:") in index.by_uri:
        occupation = index.by_uri[uri.group(0).replace("https:", "http:")]
        return Occupation(occupation.uri, occupation.label, occupation.isco_code, 1.0, "source")
    soc = _SOC_CODE.search(text)
    if soc is not None:
        groups = soc_crosswalk().get(soc.group(1), ())
        if len(groups) == 1 and groups[0] in index.isco_groups:
            return Occupation(None, index.isco_groups[groups[0]], groups[0], 1.0, "source")
        return None
    if re.search(r"isco", text, re.IGNORECASE) or re.fullmatch(r"\s*\d{4}\s*", text):
        code = _ISCO_CODE.search(text)
        if code and code.group(1) in index.isco_groups:
            return Occupation(None, index.isco_groups[code.group(1)], code.group(1), 1.0, "source")
    # An occupation stated by name (the Bundesagentur's "beruf": "Softwareentwickler/in"): the
    # lexicon reads it as it reads a title; a name it does not know is not guessed at.
    parts = title_parts(text)
    known = load_lexicon().match(parts[0], german=True) if parts else None
    if known is not None and known.coverage == 1.0:
        entry = known.entry
        return Occupation(entry.occupation.uri if entry.occupation else None, entry.label, entry.isco_code,
                          0.9, "source")
    return None


@lru_cache(maxsize=1)
def soc_crosswalk() -> dict[str, tuple[str, ...]]:
    """SOC code (6 digits, 'dd-dddd') → the ISCO-08 unit groups the BLS crosswalk maps it to."""
    text = resources.files("crawler.occupations").joinpath("data", SOC_CROSSWALK_FILE).read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {code: tuple(groups.split(",")) for code, groups in rows}


# "Wir suchen ab sofort eine engagierte Pflegefachkraft", "we are looking for an experienced
# Van Driver": the sentence in which an ad names the role it offers.
_ROLE_SENTENCE = re.compile(
    r"\b(?:wir suchen|suchen wir|sucht|we are (?:looking for|seeking|hiring|recruiting)"
    r"|we're (?:looking for|seeking|hiring|recruiting)|is (?:looking for|seeking|recruiting)"
    # British public-sector phrasing: "we are looking to appoint a caretaker", "we require".
    r"|(?:looking|seeking|wish|wishes|want) to appoint|we require)\b"
    r"([^.!?;:\n]{3,120})",
    re.IGNORECASE,
)
_CLAUSE_AFTER_ROLE = re.compile(
    r",|\s(?:who|which|that|to|with|die|der|das|welche[rns]?|um|zur|zum|mit)\s", re.IGNORECASE)
_ARTICLE = re.compile(r"^\s*(?:an?|the|one|eine[nmrs]?|ein|zwei|mehrere)\s+", re.IGNORECASE)
# The ad's opening: the role sentence is among its first lines, not in "about us" further down.
ROLE_SENTENCE_CHARS = 1200


def _role_named_in_text(description: str | None, german: bool):
    """The lexicon entry for the role the ad's opening says it is looking for, or None."""
    if not description:
        return None
    lexicon = load_lexicon()
    for sentence in _ROLE_SENTENCE.finditer(description[:ROLE_SENTENCE_CHARS]):
        # "… qualifizierte IT-Support-Fachkräfte, die unseren Kunden …", "an assistant to help us
        # …": the role ends where a clause about it begins; an article before it is no part of it.
        role = _CLAUSE_AFTER_ROLE.split(sentence.group(1), maxsplit=1)[0]
        role = _ARTICLE.sub("", role)
        for part in title_parts(role):
            found = lexicon.match(part, german=german)
            if found is not None and found.entry.isco_code not in GENERIC_GROUPS:
                return found
    return None


# "Mentor für digitale Bildung", "Developer for Medical Devices", "Mitarbeiter im Speisesaaldienst":
# the job comes first and its field after the preposition.
_FIELD_AFTER = re.compile(r"^(.+?)\s+(?:für|for|im|in der|in the)\s+(.+)$")


# "… für das Pflegezentrum Bürgerheim Nördlingen", "… for our Care Home": after the preposition an
# institution or site names where the job is done, not its field.
_PLACE_AFTER = re.compile(
    r"^(?:(?:das|den|die|dem|der|unser\w*|ein\w*|our|the|a|an)\s+)*\S*"
    r"(?:zentrum|zentren|heim|heime|klinik\w*|krankenhaus\w*|einrichtung\w*|kindertagesstätte\w*|kita|kitas"
    r"|filiale\w*|standort\w*|residenz\w*|home|homes|hospital|hospitals|branch|site|centre|center)\b",
    re.IGNORECASE,
)


def _head_last(query: str) -> str:
    """'mentor für digitale bildung' → 'digitale bildung mentor': ESCO's English labels (and the
    search) put the head last, German and English titles put it before 'für'/'for'. A place after
    the preposition ('hauswirtschaftshilfe für das pflegezentrum …') is left out: it says where,
    not what."""
    match = _FIELD_AFTER.match(query)
    if match and _PLACE_AFTER.match(match.group(2)):
        return match.group(1)
    return f"{match.group(2)} {match.group(1)}" if match else query


# `method` when the title settles the occupation's group but not which occupation in it: the code is
# the group's catch-all unit group ("not elsewhere classified") and no ESCO occupation is given.
# SCHEMA.md allows only source, title and title+text, so it is `title`; the missing URI and a
# confidence of 0.5 tell these codes apart.
GROUP_METHOD = "title"


# "Aushilfe im Lager" once the training and helper words go: a preposition and a field, no head.
_FIELD_ONLY = re.compile(r"^(?:im|in der|in|für|bei der|beim)\s")


# One classification renders the same title part up to a dozen times (each rule reads it); the last
# few renderings are kept, too few to outlast one classification in a stream of different titles.
_RECENT_RENDERINGS = 16


@lru_cache(maxsize=_RECENT_RENDERINGS)
def _search_query(query: str, german: bool) -> str:
    """The title as ESCO's English labels say it: head last, German words in English, role and
    technology words as the kind of work."""
    rendered = _head_last(query)
    if german:
        rendered = german_to_english(rendered)
        # "Mitarbeiter Küche": the field alone is left once the generic head goes ("kitchen", which
        # finds the head of the kitchen); with no role noun of its own, it is the field's worker. A
        # field ESCO does not know is left alone: "… worker" would find any worker.
        index = load_index()
        words = tokens(rendered)
        field_only = names_generic_head(query) or _FIELD_ONLY.match(query) is not None
        if (field_only and words and all(word in index.idf for word in words)
                and not any(word in index.role_words for word in words)):
            rendered = f"{rendered} worker"
        rendered = _field_worker_as_esco_says(index, rendered)
    rendered = process_nouns_as_label_words(load_index(), rendered)
    return technology_as_work(_activity_as_role(expand_role_words(rendered)))


def _field_worker_as_esco_says(index, rendered: str) -> str:
    """'sales worker' → 'sales assistant', 'retail worker' → 'retail assistant': a field's generic
    worker ("Verkaufsmitarbeiter", "Mitarbeiter im Einzelhandel") in the word ESCO's labels give the
    field's workers when they have no '<field> worker' ('sales worker' found ESCO's rental service
    representative, 'retail worker' nothing)."""
    if not rendered.endswith(" worker") or index.labelled_by(rendered):
        return rendered
    field = rendered[:-len(" worker")]
    if field in _TRADE_WORKERS:
        return _TRADE_WORKERS[field]
    as_assistant = f"{field} assistant"
    return as_assistant if index.labelled_by(as_assistant) else rendered


# Trades whose workers ESCO names by what they do: the retail trade's are its sales assistants.
_TRADE_WORKERS = {"retail": "sales assistant"}


# English activity nouns boards write for the job ("CI/CD Engineering", "SAP Consulting") and the
# role noun of ESCO's labels for the one doing it, as German '-ung' words are read as '-er' ones.
ACTIVITY_ROLES: dict[str, str] = {
    "engineering": "engineer", "consulting": "consultant", "recruiting": "recruiter",
    "accounting": "accountant", "programming": "programmer", "testing": "tester",
    "controlling": "controller", "purchasing": "purchaser",
}


def _activity_as_role(query: str) -> str:
    """'ci/cd engineering deploy' → 'ci/cd engineer deploy' when no word of the title is a role
    noun of ESCO's labels; a title with one ('engineering manager') keeps its activity word."""
    words = query.split()
    if not any(word in ACTIVITY_ROLES for word in words):
        return query
    role_words = load_index().role_words
    if any(stem in role_words for stem in tokens(query)):
        return query
    return " ".join(ACTIVITY_ROLES.get(word, word) for word in words)


# The head words of ESCO's labels that generic role titles render to (ambiguous.GENERIC_ROLES),
# and "expert", which German "Experte" renders to through "specialist" too.
_GENERIC_HEADS = frozenset(ROLE_GROUPS) | frozenset(GENERIC_ROLES.values()) | {"expert"}


def _bare_role(rendered_query: str) -> str | None:
    """The generic role a rendered title names when every other word of it is unknown to ESCO's
    labels (product and brand names), else None."""
    words = tokens(rendered_query)
    known = [word for word in words if word in load_index().idf]
    if len(known) != 1 or len(words) < 2 or known[0] not in _GENERIC_HEADS:
        return None
    return "specialist" if known[0] == "expert" else known[0]


def _group_only(code: str, confidence: float) -> Occupation:
    """Only the group is sure: its catch-all unit group, no ESCO occupation."""
    return Occupation(None, load_index().isco_groups[code], code, confidence, GROUP_METHOD)


def _specific_label(query: str, german: bool, known) -> Occupation | None:
    """The ESCO occupation whose own name is the whole title when the lexicon read only part of
    it (its head): "Interior Designer" is an interior designer (3432), not the graphic designer
    (2166) "designer" alone gives; "Vertriebs|ingenieur", "Ingenieur Vertrieb" are sales engineers
    (2433), not engineering professionals n.e.c. (2149).

    The title's field words decide within the head's occupations only when ESCO names that very
    occupation; a "not elsewhere classified" unit group (ISCO-08 gives them a final 9) found this
    way replaces only another catch-all.
    """
    if known is None or (known.coverage == 1.0 and not known.compound):
        return None
    # Only an occupation's own name: ESCO's alternative labels are looser ("school receptionist" is
    # one of the education administrator's) than a lexicon entry for the title's head.
    rendered = _search_query(query, german)
    named = load_index().named_by(rendered)
    if not named and not known.compound and set(tokens(rendered)) > set(tokens(_search_query(known.entry.term, german))):
        # "Hotel Receptionist", "Tractor Driver": an alternative label saying the whole title names
        # the unit group within the kind of work the head names (4224 beside the lexicon's 4226,
        # 8341 beside 8322); one in another major group is a loose label ("school receptionist", the
        # education administrator's). The title must say more than the head ("Tischler / Schreiner"
        # is 'joiner' twice, which ESCO's carpenter holds), and the label name one unit group
        # ("Community Support Worker": a community health and a community social worker).
        labelled = load_index().labelled_by(rendered)
        if all(occupation.isco_code[0] == known.entry.isco_code[0] for occupation in labelled):
            named = labelled
    if not named and known.compound:
        # The lexicon found only the compound's head ("System|architekt" → architect, 2161): a label
        # of any kind that says the whole title ("systems architect", 2511) names more of it.
        named = load_index().labelled_by(rendered)
    if not named and known.compound:
        # "Hardware|entwickler": no label says the whole compound, and the head's entry (the
        # software developer) would drop its field; a label keeping the field may say it.
        index = load_index()
        matches = index.search(rendered, limit=CANDIDATES)
        field_first = field_reading(index, rendered, matches[0]) if matches else None
        if field_first is not None and field_first.score >= MIN_CONFIDENCE:
            named = [field_first.occupation]
    codes = {occupation.isco_code for occupation in named}
    if len(codes) != 1 or (next(iter(codes)).endswith("9") and not known.entry.isco_code.endswith("9")):
        return None
    occupation = named[0]
    return Occupation(occupation.uri, occupation.label, occupation.isco_code, 1.0, "title")


# What a designer of screens does, as ads say it (English and German).
_INTERFACE_WORK = re.compile(
    r"\b(?:ux|ui|user experience|user interfaces?|usability|wireframes?|prototyp\w*|figma|user research"
    r"|interaction design|design systems?|benutzeroberfläche\w*|nutzerforschung|user flows?)\b",
    re.IGNORECASE,
)
# Distinct kinds of interface work an ad's opening must name.
LEAST_INTERFACE_SIGNS = 2
# Graphic and print work: a designer who does it is a graphic and multimedia designer (ISCO-08 2166
# holds web designers too), whatever screens they also draw.
_GRAPHIC_WORK = re.compile(r"\b(?:graphic|print|grafik|druck|illustrat)\w*", re.IGNORECASE)


def _designer_of_user_interfaces(known, description: str | None) -> Occupation | None:
    """A title read only as some designer ("Product Designer", "Service Designer", the lexicon's
    catch-all 2166) whose ad's opening is about designing screens (UX, wireframes, prototypes,
    Figma…) and not graphic or print work is ESCO's user interface designer (2513); the title alone
    cannot tell a product designer of apps from one of furniture."""
    if known is None or known.entry.term != "designer" or not description:
        return None
    opening = description[:DESCRIPTION_CHARS]
    said = {match.lower() for match in _INTERFACE_WORK.findall(opening)}
    if len(said) < LEAST_INTERFACE_SIGNS or _GRAPHIC_WORK.search(opening):
        return None
    designer = next(o for o in load_index().occupations if o.label == "user interface designer")
    return Occupation(designer.uri, designer.label, designer.isco_code, 0.7, "title+text")


def _from_entry(entry, confidence: float, method: str) -> Occupation:
    return Occupation(entry.occupation.uri if entry.occupation else None, entry.label, entry.isco_code,
                      confidence, method)


# A German compound the lexicon read by its head alone ("Elektronik|entwickler" as the software
# developer): right on 15 of 28 dev and probe rows (round 18), so below the readings taken as sure.
COMPOUND_HEAD_FACTOR = 0.85


def _from_lexicon(known) -> Occupation:
    confidence = round((0.6 + 0.4 * known.coverage) * (COMPOUND_HEAD_FACTOR if known.compound else 1.0), 3)
    return _from_entry(known.entry, confidence, "title")


def classify_occupation(
    title: str,
    description: str | None = None,
    language: str | None = None,
    stated: object = None,
) -> Occupation | None:
    """The ESCO occupation and ISCO-08 unit group a job title names, or None when unsure.

    `stated` is what the source says about the occupation (a JSON-LD occupationalCategory); a
    recognisable ESCO URI or ISCO-08 code there wins. Otherwise the title is normalised, German
    words are rendered in ESCO's English words (unless `language` is 'en'), and the ESCO labels are
    searched. When the best candidates are close and belong to different unit groups, the
    description's words decide. A title none of that reads, which the lexicon does not know and the
    official title directories mostly give one unit group ("Erntehelfer", "Haushaltshilfe"), gets
    that group.
    """
    occupation = _classify(title, description, language, stated)
    if occupation is not None:
        return occupation
    german = (language or "").lower()[:2] != "en"
    parts = title_parts(title)
    if not parts or lexicon_match(parts, german) is not None:
        return None
    return _directory_fill(parts, german)


def _classify(title: str, description: str | None, language: str | None, stated: object) -> Occupation | None:
    """classify_occupation's reading before the title directories' fill of an empty one."""
    from_source = occupation_from_source(stated)
    if from_source is not None:
        return from_source
    german = (language or "").lower()[:2] != "en"
    stated_role = role_after_als(title) if german else None
    if stated_role is not None:
        # "Bankkaufmann - als Kreditspezialist": the training before "als", the job after it; a
        # part after it that reads as no occupation, or only as a catch-all group ("Deutsch als
        # Fremdsprache", "… als Projektmitarbeiter Eisenbahn-Signaltechnik"), leaves the whole title.
        as_role = _classify(stated_role, description, language, None)
        if as_role is not None and not as_role.isco_code.endswith("9"):
            return as_role
    # "RGN, Elderly Care, …" with "Registered General Nurse" in the text, "PTA" with "Pharmazeutisch-
    # technischer Assistent (PTA)": ESCO says the words.
    title = spell_out_acronyms(title, description, german)
    parts = title_parts(title)
    if not parts:
        return None
    parts = occupation_name_kept_whole(title, parts, german)
    if names_role_only(load_index(), parts[0]):
        # "Senior Technical Officer (Environmental Health)": the role and the field its bracket
        # names, or the next part names ("Technical Officer - Environmental Health").
        field = bracketed_field(load_index(), title)
        if field is None and len(parts) > 1 and names_field_only(load_index(), _search_query(parts[1], german)):
            field, parts = parts[1], [parts[0], *parts[2:]]
        if field is not None:
            parts = [role_with_field(parts[0], field, german), *parts[1:]]
    if leads_school_subject(title, description):
        # "Faculty Leader of English - All Saints Catholic College": a teacher; the school's level
        # is read below as for any teacher.
        occupation = _group_only(SUBJECT_TEACHER_GROUP, 0.8)
    else:
        # What the lexicon reads in the title, read once for both readings below.
        known = lexicon_match(parts, german)
        occupation = (_bracketed_title(title, known, german)
                      or _from_title(parts, known, description, language, german))
    if occupation is None:
        # "Freiwilliges Soziales Jahr (FSJ)": a form of service, coded by where it is done.
        service_group = volunteer_service_group(title, description)
        if service_group is not None:
            occupation = Occupation(None, load_index().isco_groups[service_group], service_group, 0.6,
                                    "title" if description is None else "title+text")
    occupation = _setting_named(occupation, title, description)
    physicians = physician_group(title, occupation.isco_code if occupation is not None else None)
    if physicians is not None and (occupation is None or occupation.isco_code[:3] != "221"
                                   or physicians == SPECIALIST_PHYSICIANS):
        # "Ärztliche Bereichsleitung MVZ Rheumatologie", "Rheumatologe": a physician, a specialist
        # when the specialty is named.
        occupation = _group_only(physicians, 0.8)
    if shop_section_supervisor(title):
        # "Bereichsleiter Frischetheke": the supervisor of a section of the shop floor (5222).
        occupation = _group_only(SHOP_SUPERVISORS, 0.7)
    if occupation is not None and hotel_reception(occupation.isco_code, occupation.esco_label, title):
        # "Front of House Receptionist", "Rezeptionist/in": a hotel's receptionist (4224).
        occupation = replace(_named_occupation(HOTEL_RECEPTIONIST, description), confidence=occupation.confidence)
    if language_school_teacher(title, occupation.isco_code if occupation is not None else None):
        # "Dozent Deutsch als Fremdsprache", "EFL Teacher": a language school's teacher (2353).
        occupation = replace(_named_occupation(LANGUAGE_SCHOOL_TEACHER, description),
                             confidence=occupation.confidence if occupation is not None else 0.6)
    teacher_group = vocational_teacher_group(title, occupation.isco_code if occupation is not None else None)
    if teacher_group is not None:
        # "Pflegepädagoge", "Lehrkraft für die Berufsfachschule für Pflege": a vocational teacher.
        occupation = _group_only(teacher_group, occupation.confidence if occupation is not None else 0.6)
    industry_group = production_industry_group(occupation.isco_code, title) if occupation is not None else None
    if industry_group is not None:
        # "Produktionsmitarbeiter - chemisch-pharmazeutischer Produktion": a chemical plant operator.
        occupation = _group_only(industry_group, occupation.confidence)
    trade_group = trade_technician_group(occupation.isco_code, title) if occupation is not None else None
    if trade_group is not None:
        # "Kfz-Techniker", "Kältetechniker": the trade's mechanic, not a technician n.e.c.
        occupation = _group_only(trade_group, occupation.confidence)
    as_officer = executive_as_officer(title, occupation.isco_code if occupation is not None else None)
    if as_officer is not None and language is not None and language.lower()[:2] == "en":
        # "Tax Executive": tax staff, not the sales executive ESCO's labels hold the word for; the
        # reading of a word the title does not say is the less sure.
        occupation = _classify(as_officer, description, language, None)
        if occupation is not None:
            occupation = replace(occupation, confidence=min(occupation.confidence, 0.7))
    driver_group = licence_group(occupation.isco_code if occupation is not None else None, title)
    if driver_group is not None:
        # "AZ Driver", "7.5 Tonne Driver": the licence or the weight names the vehicle driven.
        occupation = _group_only(driver_group, occupation.confidence if occupation is not None else 0.6)
    if occupation is not None and residential_youth_welfare(occupation.isco_code, title, description):
        # "Erzieher" in a residential group of youth welfare, not in a Kita.
        occupation = _group_only(SOCIAL_WORK_ASSOCIATES, occupation.confidence)
    if occupation is not None and housekeeper_of_an_establishment(occupation.isco_code, title):
        # "Housekeeper - Hotel": the hotel's room attendant (9112), no private household's.
        occupation = replace(_named_occupation(ROOM_ATTENDANT, description), confidence=occupation.confidence)
    if occupation is not None and cleaner_not_housekeeper(occupation.isco_code, title, description):
        # "Housekeeper" for general cleaning of a home: a domestic cleaner (9111).
        occupation = _named_occupation(DOMESTIC_CLEANER, description)
    if occupation is not None and payroll_of_personnel(occupation.isco_code, title):
        # "Personalsachbearbeiter Entgeltabrechnung": payroll records (4313), not personnel records.
        occupation = _group_only(PAYROLL_CLERKS, occupation.confidence)
    if occupation is not None and occupation.isco_code == GENERAL_OFFICE_CLERKS:
        # "Warehouse Administrator": a clerk of stock records (4321), not a general office clerk.
        clerical_group = clerical_field_group(title, german)
        if clerical_group is not None:
            occupation = _group_only(clerical_group, occupation.confidence)
    rendered_title = _search_query(parts[0], german)
    if "manager" in rendered_title.split() and (occupation is None or occupation.esco_label != "project manager"):
        # "Registered Manager" of a fostering service, "Relief Manager" of care homes: the manager
        # of the care or welfare service named (1341, 1343, 1344).
        care_group = care_manager_group(title, description, occupation.isco_code if occupation else None)
        if care_group is not None and (occupation is None or occupation.isco_code != care_group):
            occupation = _group_only(care_group, occupation.confidence if occupation else 0.6)
    if occupation is not None and description and held_in_several_groups(load_index(), rendered_title):
        # "Porter" in a hospital's ad: ESCO's hospital porter, not the hotel porter the lexicon reads.
        opening = description[:SETTING_CHARS]
        placed = occupation_in_named_setting(load_index(), rendered_title, set(tokens(
            german_to_english(opening.lower()) if german else opening)))
        if placed is not None and placed.isco_code != occupation.isco_code:
            occupation = Occupation(placed.uri, placed.label, placed.isco_code, occupation.confidence, "title+text")
    occupation = _contact_centre(occupation, parts[0], title, description, german)
    professional = professional_of_manager(occupation.isco_code if occupation is not None else None, title)
    if professional is not None:
        # "(Junior) Marketing Manager", "Performance Marketing Manager": no department is led; the
        # ICT readings below would take "Google Ads" for telecommunications.
        return _group_only(professional, occupation.confidence)
    occupation = _rank_named(occupation, title, description, language)
    field_labourer = labourer_of_field(load_index(), title, occupation.isco_code if occupation is not None else None)
    if field_labourer is not None:
        # "Farm Labourer": the farm's labourer, not the building site's the lexicon's "labourer" is.
        occupation = Occupation(field_labourer.uri, field_labourer.label, field_labourer.isco_code,
                                occupation.confidence, occupation.method)
    mechanic_group = service_mechanic_group(title, description)
    if mechanic_group is not None and (occupation is None or (
            occupation.isco_code[0] != "7" and occupation.esco_label.lower() != parts[0])):
        # "Field Service Engineer": a mechanic of the equipment serviced, not ESCO's military
        # engineer; a craft the title already names ("Kfz-Servicetechniker") and an ESCO occupation
        # named by the whole title ("Aircraft Maintenance Engineer") are kept.
        occupation = _group_only(mechanic_group, occupation.confidence if occupation else 0.6)
    if occupation is not None and not german and asks_trade_background(description):
        # "Paint Plant Commissioning Engineer" asking for a time-served hand: a technician.
        trade = trade_reading(load_index(), _search_query(parts[0], german), occupation.isco_code, description)
        if trade is not None:
            return Occupation(trade.occupation.uri, trade.occupation.label, trade.occupation.isco_code,
                              round(min(trade.score, 0.8), 3), "title+text")
    if occupation is not None and front_end_work(occupation.isco_code, title):
        # "Senior Front-End Software Developer", "UX Developer": web development (2513).
        occupation = replace(_named_occupation(WEB_DEVELOPER, description), confidence=occupation.confidence)
    if occupation is not None and is_ict_group(occupation.isco_code):
        return occupation
    # "Sales Account Manager" at a software house: an ICT sales professional (2434); a "Senior
    # Project Manager" of a cloud platform: an ICT project manager (1330).
    if sells_ict(title, description):
        return _named_occupation(ICT_ACCOUNT_MANAGER, description)
    if occupation is not None and manages_ict_projects(occupation.esco_label, description):
        return _named_occupation(ICT_PROJECT_MANAGER, description)
    # A generic role (consultant, architect, project manager) in an ICT ad: ESCO's ICT form of it,
    # whatever field the role alone found.
    # A manager (ISCO major group 1) stays one; only the ICT service manager (1330) replaces it.
    managing = occupation is not None and occupation.isco_code[0] == "1"
    ict = ict_reading(load_index(), _search_query(parts[0], german), title, description, managing)
    if ict is not None and managing and ict.occupation.isco_code[0] != "1":
        ict = None
    if ict is not None:
        return Occupation(ict.occupation.uri, ict.occupation.label, ict.occupation.isco_code,
                          round(min(ict.score, 0.8), 3), "title" if description is None else "title+text")
    return occupation


def _catch_all_named(query: str, german: bool) -> Occupation | None:
    """The ESCO occupation a compound title names in ESCO's words ("IT-Systemtechniker": "it
    system technician" finds the IT technician, 3512) when the lexicon read only the compound's
    head, as a catch-all unit group (the '-techniker' of 3119, technicians not elsewhere
    classified): a label of two or more words, each of them the title's, matching at least 0.85.
    "Verfahrenstechniker" ("verfahrens technician" finds the vehicle technician) keeps the head's
    group, as the label says a word the title does not."""
    rendered = _search_query(query, german)
    words = set(tokens(rendered))
    matches = load_index().search(rendered, limit=3)
    if not matches:
        return None
    best = matches[0]
    label_words = set(tokens(best.label))
    if best.score >= 0.85 and label_words <= words and len(label_words) >= 2:
        return Occupation(best.occupation.uri, best.occupation.label, best.occupation.isco_code,
                          round(min(best.score, 0.8), 3), "title")
    return None


def _directory_fill(parts: list[str], german: bool) -> Occupation | None:
    """The official title directories' unit group for a title read as nothing (directory_reading.py)."""
    filled = directory_fill(load_index(), _search_query(parts[0], german), directory_groups(parts, german))
    if isinstance(filled, str):
        return _group_only(filled, DIRECTORY_GROUP_CONFIDENCE)
    if filled is not None:
        return Occupation(filled.occupation.uri, filled.occupation.label, filled.occupation.isco_code,
                          min(round(filled.score, 3), DIRECTORY_GROUP_CONFIDENCE), "title")
    return None


def _named_occupation(label: str, description: str | None) -> Occupation:
    """ESCO's occupation of that preferred label, read with the ad's text when there is one."""
    named = next(o for o in load_index().occupations if o.label == label)
    return Occupation(named.uri, named.label, named.isco_code, 0.7, "title+text" if description else "title")


_BRACKETED = re.compile(r"\(([^()]{3,60})\)")


def _bracketed_title(title: str, known, german: bool) -> Occupation | None:
    """The job a bracket names whole when the title outside it is no job the lexicon knows:
    "Inclusion Worker (Classroom Assistant)" is a teaching assistant. Only a whole lexicon entry
    counts ("(co-op)", "(Environmental Health)" name no job); a title the lexicon reads keeps its
    reading, the bracket then being its field or a note. `known` is the lexicon's reading of the
    title's parts (`lexicon_match`)."""
    if known is not None:
        return None
    lexicon = load_lexicon()
    for bracket in _BRACKETED.findall(title):
        for part in title_parts(bracket):
            found = lexicon.match(part, german=german)
            if found is not None and found.coverage == 1.0 and not found.compound:
                return _from_lexicon(found)
    return None


def _rank_named(occupation: Occupation | None, title: str, description: str | None,
                language: str | None) -> Occupation | None:
    """A supervisor or helper of a craft in the unit group ISCO-08 gives it ("Supervisor
    Plasterer" 3123, "Plumber's Helper" 9313); else the occupation as read.

    When the whole title found no craft (ESCO's labels with "helper" name other helpers: "mother's
    helper", "mortician's helper"), the title without its rank words is read for the craft.
    """
    group = rank_group(occupation.isco_code, title) if occupation is not None else None
    if group is None:
        craft_title = without_rank(title)
        craft = _classify(craft_title, description, language, None) if craft_title else None
        if craft is None and craft_title and (language or "").lower()[:2] != "en":
            # "Teamleiter Verkauf": the rank leads the workers of the field the rest names, as
            # "Mitarbeiter Verkauf" names them.
            craft = _classify(f"Mitarbeiter {craft_title}", description, language, None)
        group = rank_group(craft.isco_code, title) if craft is not None else None
        if group is None or (occupation is not None and occupation.isco_code == group):
            # "Küchenhelfer": the title's reading is already the craft helper's group.
            return occupation
        occupation = craft
    rank_word = "helper" if group.startswith("9") else "supervisor"
    ranked = ranked_occupation(load_index(), occupation.esco_label, group, rank_word)
    if ranked is None:
        return _group_only(group, occupation.confidence)
    return Occupation(ranked.uri, ranked.label, ranked.isco_code, occupation.confidence, occupation.method)


# ISCO-08 splits some occupations by where or whom they serve, which a title often leaves to its
# other parts or the ad's opening: teachers by school level (2330 secondary is the lexicon's
# reading of a bare "Teacher"/"Lehrer"), health care assistants by setting (5321 in institutions,
# 5322 in the clients' own homes).
_PRIMARY_SCHOOL = re.compile(
    r"\b(?:primary|infant|first school|junior school|ks ?[12]|key stage [12]|grundschul\w*|primarschul\w*"
    r"|primarstufe|volksschul\w*)\b", re.IGNORECASE)
_SECONDARY_SCHOOL = re.compile(
    r"\b(?:secondary|high school|sixth form|ks ?[345]|key stage [345]|gymnasi\w*|sekundar\w*|oberstufe"
    r"|realschul\w*|gesamtschul\w*)\b", re.IGNORECASE)
_AT_HOME = re.compile(
    r"\b(?:ambulante[nmrs]?|häusliche[nmrs]?|hauskrankenpflege|home care|homecare|domiciliary"
    r"|(?:with)?in (?:their|the clients'?|clients'?) (?:own )?homes?|im eigenen zuhause|live[- ]in car(?:e|ers?))\b",
    re.IGNORECASE)
# Personal care (ISCO-08 5322's tasks: help with washing, dressing, getting up, meals): a support
# worker doing it for clients at home or in the community is a home-based personal care worker,
# one who assesses and supports them without it (en_adz_007) a social work associate (3412).
_PERSONAL_CARE = re.compile(
    r"\b(?:personal care|washing and dressing|bathing|toileting|getting up in the morning|going to bed"
    r"|grundpflege|körperpflege)\b", re.IGNORECASE)
_COMMUNITY = re.compile(r"\bcommunity\b", re.IGNORECASE)
# A title naming care work ("Care Worker", "Carer", "Care Assistant"), which ESCO also gives its social
# care worker and 'care at home worker' (3412); ISCO-08 codes personal care in the clients' homes 5322.
_CARE_WORK = re.compile(r"\b(?:care|carers?)\b", re.IGNORECASE)
# An ad at home that calls the workers it seeks carers ("we are currently seeking carers") is for
# care work, whatever the title calls them ("Community Support Worker" of a homecare provider).
_CARERS_SOUGHT = re.compile(r"\b(?:carers|care workers|care assistants)\b", re.IGNORECASE)
# How much of the ad's text is read for the setting.
SETTING_CHARS = 800
# The therapy Swiss schools employ therapists for under a teacher's title ("Lehrperson Logopädie",
# the school's speech therapist), a field the lexicon names the therapist by. A teacher of
# physiotherapy or occupational therapy teaches at its school and stays a teacher.
_THERAPY = re.compile(r"\blogopädie\b", re.IGNORECASE)


def _setting_named(occupation: Occupation | None, title: str, description: str | None) -> Occupation | None:
    """The unit group the title's other parts or the ad's opening place a generic teacher or a
    health care assistant in; else the occupation as read."""
    if occupation is None:
        return None
    opening = (description or "")[:SETTING_CHARS]
    therapy = _THERAPY.search(title) if occupation.isco_code == "2330" else None
    if therapy is not None:
        # "Lehrperson Logopädie": a school's speech therapist is a therapist (2266), not a teacher.
        therapist = load_lexicon().match(therapy.group(0).lower(), german=True)
        if therapist is not None:
            return _from_entry(therapist.entry, occupation.confidence, occupation.method)
    if occupation.isco_code == "2330" and occupation.esco_uri is None:
        # The title first (its school: "KS1 Teacher - Worthinghead Primary School"), then the
        # opening when it names one level only.
        for text in (title, opening):
            primary, secondary = _PRIMARY_SCHOOL.search(text), _SECONDARY_SCHOOL.search(text)
            if primary and not secondary:
                teacher = next(o for o in load_index().occupations if o.label == "primary school teacher")
                return Occupation(teacher.uri, teacher.label, teacher.isco_code, occupation.confidence,
                                  "title" if text is title else "title+text")
            if secondary:
                return occupation
    if occupation.isco_code not in ("5321", "3412"):
        # The settings below split only these two groups; the search for them is most of this
        # function's cost on a long opening.
        return occupation
    at_home = _AT_HOME.search(title) or _AT_HOME.search(opening)
    if at_home and (occupation.isco_code == "5321" or (occupation.isco_code == "3412" and (
            _CARE_WORK.search(title) or _CARERS_SOUGHT.search(opening)))):
        return _group_only("5322", occupation.confidence)
    if (occupation.isco_code == "3412" and _PERSONAL_CARE.search(opening)
            and (at_home or _COMMUNITY.search(title) or _COMMUNITY.search(opening))):
        return _group_only("5322", occupation.confidence)
    return occupation


def _contact_centre(occupation: Occupation | None, query: str, title: str, description: str | None,
                    german: bool) -> Occupation | None:
    """ISCO-08's contact centre clerk (4222) or salesperson (5244) for a generic head ("Frontline
    Agent", "Business Banking Associate") whose ad places the work on the telephone; else the
    occupation as read. A reading already in the group's sub-major group (4225 for 4222) is kept."""
    group = telephone_group(title, description)
    if group is None or (occupation is not None and occupation.isco_code[:2] == group[:2]):
        return occupation
    if not generic_head(load_index(), _search_query(query, german)):
        return occupation
    return Occupation(None, load_index().isco_groups[group], group, 0.6, "title+text")


# German adjectives before a generic head ("kaufmännischer", "technische"): they name no field.
_GERMAN_ADJECTIVE = re.compile(r"^[a-zäöüß]+(?:ische|liche|ige|ale|elle|ierte)[rnms]?$")


def _names_no_field(query: str, german: bool) -> bool:
    """True for a title part that is a generic role or a generic German head with adjectives only."""
    if generic_role(query) is not None:
        return True
    if not german or not names_generic_head(query):
        return False
    return all(names_generic_head(word) or _GERMAN_ADJECTIVE.match(word) for word in query.split())


# Words of a title that name only a rank and the unit it leads, no work.
_RANK_ONLY_WORDS = frozenset({"chief", "head", "supervisor", "foreman", "lead", "leader", "crew", "unit",
                              "section", "team", "shift", "deputy", "assistant"})
_RANK_HEADS = frozenset({"chief", "head", "supervisor", "foreman", "lead", "leader"})


# A whole title of these words names a rank only; "manager" also, which German "Leiter" renders to.
_BARE_RANK_WORDS = frozenset({"manager"})


def _names_rank_only(query: str, also: frozenset[str] = frozenset()) -> bool:
    """True for a title part that is a rank alone ("crew chief", "unit chief", "supervisor");
    `also` adds rank heads."""
    words = set(query.split())
    return bool(words) and words <= _RANK_ONLY_WORDS | also and bool(words & (_RANK_HEADS | also))


def _fields_in_later_parts(parts: list[str]) -> bool:
    """True when a part after the first holds a word of ESCO's labels ("Produktionsmitarbeiter -
    chemisch-pharmazeutischer Produktion"), False for a place or nothing ("Sandstrahler - Berlin")."""
    index = load_index()
    return any(word in index.idf
               for part in parts[1:] for word in tokens(_search_query(part, german=True)))


def _from_title(parts: list[str], known, description: str | None, language: str | None,
                german: bool) -> Occupation | None:
    """classify_occupation's reading of a normalised title (its parts), the description helping;
    `known` is the lexicon's reading of the parts (`lexicon_match`)."""
    query = parts[0]
    if len(parts) > 1 and _names_no_field(query, german):
        # "Kaufmännischer Mitarbeiter – Buchhaltung", "Sachbearbeiter - Einkauf": a generic head
        # whose field the next part names.
        query = f"{query} {parts[1]}"
    if len(parts) > 1 and _names_rank_only(query):
        # "Senior Crew Chief, Bureau of … Pest Control Services", "Unit Chief - Finishing Services":
        # the rank leads the work the later part names (the rank's unit group is given below); its
        # words alone find ESCO's basketball crew chief or security chief. A later part naming no
        # work ("Supervisor - Berlin") leaves the rank to be read alone.
        led = _from_title(parts[1:], lexicon_match(parts[1:], german), description, language, german)
        if led is not None:
            return led
    if (len(parts) > 1 and known is None and names_area_only(load_index(), _search_query(query, german))
            and names_job_with_field(load_index(), _search_query(parts[1], german))):
        # "Logistics - Transportation Coordinator": the area the job is in, then the job; the area
        # alone finds the occupations named after it (the logistics manager).
        in_area = _from_title(parts[1:], lexicon_match(parts[1:], german), description, language, german)
        if in_area is not None:
            return in_area
    rendered = _search_query(query, german)
    if _names_rank_only(rendered, also=_BARE_RANK_WORDS) and (
            set(tokens(rendered)) <= RANK_WORDS or not load_index().labelled_by(rendered)):
        # "Supervisor", "Teamleiter", "Leiter": a rank with no work named; ESCO has no generic
        # supervisor, and its labels holding the word alone name one trade (the oil refinery's
        # control room supervisor, the mine supervisor). A rank ESCO gives one occupation by name
        # ("Deputy Head", the deputy head teacher) is read.
        return None
    secured = ict_security_role(query)
    if secured is not None:
        # "Chief Information Security Officer": not the security guard 'security officer' reads.
        if not secured:
            return _group_only(ICT_SECURITY_GROUP, 0.8)
        occupation = next(o for o in load_index().occupations if o.label == secured)
        return Occupation(occupation.uri, occupation.label, occupation.isco_code, 0.9, "title")
    role = generic_role(query) if len(parts) == 1 else None
    if role is not None:
        # "Consultant", "Referent": the text names the field, else the role's group or nothing.
        from_text = role_from_text(load_index(), role, description, german) if description else None
        if from_text is not None:
            return Occupation(from_text.uri, from_text.label, from_text.isco_code, 0.6, "title+text")
        if role in ROLE_GROUPS:
            return _group_only(ROLE_GROUPS[role], 0.5)
        return _from_lexicon(known) if known is not None else None
    # A designer whose ad is about screens first: ESCO's "product designer" is the industrial one.
    digital = _designer_of_user_interfaces(known, description)
    if digital is not None:
        return digital
    specific = _specific_label(query, german, known)
    if specific is not None:
        return specific
    said_in_german = load_german_labels().match(query) if german else None
    if (known is not None and known.compound and said_in_german is not None
            and (said_in_german.occupation.isco_code[0] == known.entry.isco_code[0]
                 or ("-" in query and said_in_german.preferred))):
        # "Straßenbahn|fahrer": the lexicon read the compound's head (a driver, 8322); ESCO's German
        # label says the whole word (the tram driver, 8331) within the head's kind of work. A
        # compound written with a hyphen names its field apart ("Orthopädietechnik-Mechaniker"): the
        # occupation whose own name says both parts (Orthopädietechnikmechaniker, 3214) is read
        # whatever the head's ("Kfz-Servicetechniker", only an alternative label, is not).
        occupation = said_in_german.occupation
        return Occupation(occupation.uri, occupation.label, occupation.isco_code,
                          0.9 if said_in_german.preferred else 0.85, "title")
    if known is not None and known.coverage == 1.0:
        if known.compound and known.entry.occupation is None and known.entry.isco_code.endswith("9"):
            # "IT-Systemtechniker": the head's catch-all group gives way to the whole word's label.
            named = _catch_all_named(query, german)
            if named is not None:
                return named
        return _from_lexicon(known)
    if (said_in_german is not None and not load_index().labelled_by(query)
            and not _fields_in_later_parts(parts)):
        # "Sandstrahler", "Blutabnehmerin": one of ESCO's German labels, whole. Not an English
        # label of ESCO's ("Business Analyst" is ESCO's German label of the occupational
        # analyst), nor with a later part naming the field ("Produktionsmitarbeiter - Chemie").
        occupation = said_in_german.occupation
        return Occupation(occupation.uri, occupation.label, occupation.isco_code,
                          0.9 if said_in_german.preferred else 0.85, "title")
    manager = department_manager(query)
    if manager is not None:
        code, department_known = manager
        # An unknown department: ISCO's catch-all manager group, and the lower confidence says only
        # the group is sure.
        return _group_only(code, 0.8 if department_known else 0.55)
    if known is not None:
        outside = outside_ict(
            load_index(), _search_query(query, german), _search_query(known.entry.term, german), known.entry.isco_code,
            query, description,
        )
        if outside is not None:
            return Occupation(outside.occupation.uri, outside.occupation.label, outside.occupation.isco_code,
                              round(outside.score, 3), "title")
        return _from_lexicon(known)
    stated_in_text = _role_named_in_text(description, german)
    if stated_in_text is not None:
        return _from_entry(stated_in_text.entry, 0.6, "title+text")
    bare = _bare_role(_search_query(query, german))
    if bare is not None:
        # "Storyblok Spezialist", "Connect Vivendi Experte": product names ESCO does not know and a
        # generic role; ESCO's "textile specialist" or "product specialist" would be a guess.
        from_text = role_from_text(load_index(), bare, description, german) if description else None
        if from_text is not None:
            return Occupation(from_text.uri, from_text.label, from_text.isco_code, 0.6, "title+text")
        return _group_only(ROLE_GROUPS[bare], 0.5) if bare in ROLE_GROUPS else None
    query = _search_query(query, german)
    query = kind_from_description(query, description[:DESCRIPTION_CHARS] if description else None)
    index = load_index()
    matches = index.search(query, limit=CANDIDATES)
    # "Kommissionierer", "Line Cook": the official title directories' unit groups for the title,
    # where the search's best lies outside them.
    # A service engineer's title is read by the equipment it services (below), a German '-betreuer'
    # of systems or buildings by its field (german.py): the project's rules over the directories'.
    directed = None if (service_mechanic_group(" ".join(parts), description)
                        or (german and names_cared_for_object(parts[0]))) else directory_reading(
        index, query, matches, directory_groups(parts, german))
    if isinstance(directed, str):
        return _group_only(directed, DIRECTORY_GROUP_CONFIDENCE)
    if directed is not None:
        return Occupation(directed.occupation.uri, directed.occupation.label, directed.occupation.isco_code,
                          round(directed.score, 3), "title")
    if not matches:
        return None
    field_first = field_reading(index, query, matches[0])
    if field_first is not None and field_first.score >= MIN_CONFIDENCE:
        # "Payroll Specialist": ESCO has no payroll specialist, and the best label ("PRODUCT
        # specialist") swapped the title's field for its own; the payroll technician keeps it.
        # The title names a field, so it is not a generic head alone (unsettled, below).
        occupation = field_first.occupation
        return Occupation(occupation.uri, occupation.label, occupation.isco_code, round(field_first.score, 3), "title")
    unsettled = title_settles_nothing(index, query, matches)
    if unsettled is not None:
        # "Director", "Multimedia Officer": the title's words fit labels of several families alike;
        # only words it lacks tell them apart, so unless the ad's text says one of them, the best
        # by a hair would be a guess.
        opening = (description or "")[:DESCRIPTION_CHARS]
        if not text_names_one(index, query, unsettled, set(tokens(
                german_to_english(opening.lower()) if language != "en" else opening))):
            return None
    if not german:
        # "Environmental GIS Analyst": the title's last words are a label ("GIS analyst") the best
        # match ("air pollution analyst") leaves a word of; the head and its neighbour name the job.
        ending = label_ending_title(index, query, matches[0])
        if ending is not None:
            return Occupation(ending.uri, ending.label, ending.isco_code, HEAD_PHRASE_CONFIDENCE, "title")
    best, method = matches[0], "title"
    close = [m for m in matches if best.score - m.score <= AMBIGUITY_MARGIN]
    # A label that says exactly what the title says is the occupation, whatever words the ad uses
    # ("software engineer" is not a "software QUALITY engineer" because the ad mentions quality);
    # the description decides only between labels that each say part of it, or one label that
    # several occupations share.
    exact = [m for m in close if set(tokens(m.label)) == set(tokens(query))]
    # Several occupations holding the title as a label ("carpenter": carpenter's own name, a set
    # builder's alternative one): the occupation it names first is the one.
    named = [m for m in exact if m.label == m.occupation.label.lower()]
    if len(named) == 1:
        exact = named
    elif len(exact) > 1 and not named:
        # Several occupations hold the title only as an alternative label ("housekeeper": the
        # domestic cleaner's, the room attendant's, the domestic housekeeper's): the one whose own
        # name holds the title's words is the one it names.
        query_words = set(tokens(query))
        sharing = [m for m in exact if query_words <= set(tokens(m.occupation.label))]
        if len(sharing) == 1:
            exact = sharing
    if len(exact) == 1:
        close, best = exact, exact[0]
    if description and len({m.occupation.isco_code for m in close}) > 1:
        # The title says its rank: a label adding one it does not say ("care SERVICE MANAGER" for
        # "Care Navigator") is no reading of it however well the ad's words fit a manager's.
        query_words = set(tokens(query))
        same_rank = [m for m in close if not (set(tokens(m.label)) - query_words) & _RANK_WORDS]
        if same_rank and best in same_rank:
            close = same_rank
        # The ad's opening says what the job is; its tail (benefits, how to apply) does not.
        description = description[:DESCRIPTION_CHARS]
        text_tokens = set(tokens(_without_institution_homes(
            german_to_english(description.lower()) if language != "en" else description)))
        query_tokens = set(tokens(query))

        def with_description(match: LabelMatch) -> float:
            # The words a candidate label adds to the title ("SOFTWARE developer" for "Python
            # Developer") are the kind of work; an ad for that kind says so in its text.
            extra = set(tokens(match.label)) - query_tokens
            said = sum(index.idf.get(w, 0.0) for w in extra & text_tokens) / max(sum(index.idf.get(w, 0.0) for w in extra), 1.0)
            return match.score + DESCRIPTION_WEIGHT * (index.description_affinity(match.occupation, text_tokens) + said)

        best = max(close, key=with_description)
        method = "title+text"
    if best.score < MIN_CONFIDENCE:
        return None
    # A title that is an occupation's own (preferred) name is that occupation, however many
    # neighbours of another family its words also find.
    preferred = len(exact) == 1 and exact[0] is best and best.label == best.occupation.label.lower()
    family = None if preferred else _family_vote(matches, best)
    if family is not None:
        return family
    occupation = best.occupation
    # 'Senior Forest Technician' read by ESCO's 'forest technician', the botanical technician's
    # alternative label: kept (no other candidate is more often right), but not as a sure reading.
    return Occupation(occupation.uri, occupation.label, occupation.isco_code, round(match_confidence(best), 3), method)


# An institution named "home" ("nursing home", "care home"): care there is no care at home, and
# the ad's 'home' would count for ESCO's home care aide ("RGN Staff Nurse" in a nursing home).
_INSTITUTION_HOME = re.compile(r"\b(nursing|care|residential|retirement|children'?s) homes?\b", re.IGNORECASE)


def _without_institution_homes(text: str) -> str:
    """The text with 'home' left out of the names of institutions called homes."""
    return _INSTITUTION_HOME.sub(r"\1", text)


# Words of ESCO's labels that say a rank above the work itself.
_RANK_WORDS = frozenset({"manager", "supervisor", "director", "head", "chief", "leader", "superintendent"})
# Candidates within this much of the best take part in the family vote.
FAMILY_MARGIN = 0.1
# The other family must hold this share of the close candidates' score to outvote the best's family.
FAMILY_MAJORITY = 0.6
# … or this many times the best candidate's family's score (a plurality the best's family is far behind).
FAMILY_PLURALITY = 2.5


def _family_vote(matches: list[LabelMatch], best: LabelMatch) -> Occupation | None:
    """The family (ISCO sub-major group) most of the close candidates belong to, when it is not
    the best candidate's: the best candidate of that family (its catch-all unit group, tried
    instead, scored no better on the dev titles at 4 digits and gives no ESCO occupation).

    A title ESCO has no label for matches neighbours of several occupations ("chemical operator"
    3133 beside five pharmaceutical and chemical plant operators 8131): one label of another family
    scoring a hair higher is a weaker sign than most candidates agreeing.
    """
    close = [m for m in matches if best.score - m.score <= FAMILY_MARGIN]
    if len(close) < 3:
        return None
    weight: dict[str, float] = {}
    for match in close:
        weight[match.occupation.isco_code[:2]] = weight.get(match.occupation.isco_code[:2], 0.0) + match.score
    family, family_weight = max(weight.items(), key=lambda item: item[1])
    best_family_weight = weight[best.occupation.isco_code[:2]]
    if family == best.occupation.isco_code[:2] or (
            family_weight < FAMILY_MAJORITY * sum(weight.values())
            and family_weight < FAMILY_PLURALITY * best_family_weight):
        return None
    chosen = next(m for m in close if m.occupation.isco_code[:2] == family)
    occupation = chosen.occupation
    return Occupation(occupation.uri, occupation.label, occupation.isco_code, round(chosen.score, 3), "title")
