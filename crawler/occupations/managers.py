"""Titles that name the head of a department ("Head of Design", "Leitung Verwaltung").

ISCO-08 codes managers by what they manage (major group 1): the department a "Head of …" or
"Leitung …" title names picks the unit group from ISCO's definitions of sub-major groups 12–14;
a department ISCO does not single out is a business services and administration manager not
elsewhere classified (1219). ESCO's labels do not help here: "head of design" finds designers.
"""

from __future__ import annotations

import re

# Department words (English and German, lower case) to the ISCO-08 unit group of its manager.
DEPARTMENT_MANAGERS: dict[str, str] = {
    # 1211 finance managers
    "finance": "1211", "finances": "1211", "accounting": "1211", "controlling": "1211",
    "treasury": "1211", "finanzen": "1211", "finanzbuchhaltung": "1211", "rechnungswesen": "1211",
    "buchhaltung": "1211",
    # 1212 human resource managers
    "hr": "1212", "people": "1212", "human resources": "1212", "talent": "1212", "recruiting": "1212",
    "personal": "1212", "personalwesen": "1212", "personalabteilung": "1212",
    # 1213 policy and planning managers
    "strategy": "1213", "policy": "1213", "strategie": "1213", "unternehmensentwicklung": "1213",
    # 1221 sales and marketing managers
    "sales": "1221", "marketing": "1221", "business development": "1221", "vertrieb": "1221",
    "verkauf": "1221", "key account": "1221",
    # 1222 advertising and public relations managers
    "communications": "1222", "communication": "1222", "public relations": "1222", "pr": "1222",
    "kommunikation": "1222", "unternehmenskommunikation": "1222", "presse": "1222",
    "öffentlichkeitsarbeit": "1222",
    # 1223 research and development managers
    "research": "1223", "r&d": "1223", "forschung": "1223", "entwicklung": "1223",
    "forschung und entwicklung": "1223",
    # 1321 manufacturing managers
    "production": "1321", "manufacturing": "1321", "operations": "1321", "produktion": "1321",
    "fertigung": "1321", "werk": "1321", "plant": "1321",
    # 1323 construction managers
    "construction": "1323", "bau": "1323", "tiefbau": "1323", "hochbau": "1323", "straßenbau": "1323",
    # energy plants built on sites: photovoltaic, solar and wind installations
    "pv": "1323", "photovoltaik": "1323", "photovoltaic": "1323", "solar": "1323", "windenergie": "1323",
    # 1324 supply, distribution and related managers
    "logistics": "1324", "supply chain": "1324", "procurement": "1324", "purchasing": "1324",
    "logistik": "1324", "einkauf": "1324", "lager": "1324", "warehouse": "1324", "beschaffung": "1324",
    # 1330 ICT service managers
    "it": "1330", "ict": "1330", "engineering": "1330", "software": "1330", "technology": "1330",
    "data": "1330", "infrastructure": "1330", "edv": "1330",
    # 1341–1345 professional services managers
    "kita": "1341", "kindertagesstätte": "1341", "childcare": "1341",
    "medical": "1342", "clinical": "1342", "ärztliche": "1342", "ärztlicher": "1342",
    "medizinische": "1342", "klinik": "1342",
    "nursing": "1343", "pflege": "1343", "pflegedienst": "1343",
    "social services": "1344", "sozialdienst": "1344",
    "school": "1345", "schule": "1345", "education": "1345", "educational": "1345", "schools": "1345",
    "schulen": "1345", "bildung": "1345",
    # 1411 hotel managers, 1412 restaurant managers, 1420 retail and wholesale trade managers
    "hotel": "1411", "restaurant": "1412", "küche": "1412", "store": "1420", "filiale": "1420",
    # 1219 business services and administration managers n.e.c.
    "administration": "1219", "verwaltung": "1219", "facility": "1219", "facilities": "1219",
    "office": "1219", "büro": "1219",
}
# Department not singled out by ISCO: business services and administration managers n.e.c.
OTHER_DEPARTMENT = "1219"

# "Head of Design", "Director of Engineering", "Leitung Verwaltung", "Leiter der Produktion": the
# department follows the head word; any department will do (ISCO's catch-all when unknown).
_HEAD_OF = re.compile(
    r"^(?:global |group |regional )?(?:head|director|vp|vice president) of (?:the )?(.+)$"
    r"|^(?:abteilungs|bereichs)?(?:leitung|leiter)(?: (?:der|des|im|für))? (.+)$"
)
# "VP Sales", "Director Marketing", "Manager Finanzen" (German boards put the department after an
# English head), "Pflegedienstleitung", "Vertriebsleitung": only a department
# known as one counts ("Teamleitung" and "Director Photography" are something else).
_HEAD_JOINED = re.compile(r"^(?:director|vp|vice president|head|manager) (.+)$|^(.+?)-?leitung$")
_WORD_SPLIT = re.compile(r"\s*(?:&|/|,|\band\b|\bund\b)\s*")
# "Finance Director", "Treasury Manager": English puts the department first; only a title whose
# words before the head are all department words counts ("Data Protection Manager" is no head of data).
_DEPARTMENT_FIRST = re.compile(r"^(.+?) (?:director|manager|head)$")
# "Projektleiter Tiefbau", "Project Manager Construction", "Construction Project Manager": ISCO-08
# codes a project manager by what the projects build or make when that is construction (1323),
# production (1321) or supply and distribution (1324), as ESCO's "construction project manager";
# a project manager of another field stays one (1219). ICT projects are read in ict.py.
_PROJECT_MANAGER = re.compile(
    r"^(?:teil)?(?:projektleiter|projektleitung|projektmanager|project manager|project lead(?:er)?)"
    r"(?: (?:der|des|im|für|for|in|of))? (.+)$"
    r"|^(.+?) (?:projektleiter|projektmanager|project manager|project lead(?:er)?)$"
)
PROJECT_FIELD_GROUPS = frozenset({"1321", "1323", "1324"})


def department_manager(normalised_title: str) -> tuple[str, bool] | None:
    """(ISCO unit group, department known) for a title naming the head of a department, else None.

    "head of design" → ("1219", False): a head of something, ISCO's catch-all for managers;
    "leitung verwaltung" → ("1219", True); "ärztliche leitung" → ("1342", True).
    """
    project = _PROJECT_MANAGER.match(normalised_title)
    if project is not None:
        code = _known_department(next(group for group in project.groups() if group))
        return (code, True) if code in PROJECT_FIELD_GROUPS else None
    first = _DEPARTMENT_FIRST.match(normalised_title)
    if first is not None and all(
        part in DEPARTMENT_MANAGERS for part in _WORD_SPLIT.split(first.group(1)) if part
    ):
        return DEPARTMENT_MANAGERS[_WORD_SPLIT.split(first.group(1))[0]], True
    any_department = _HEAD_OF.match(normalised_title)
    match = any_department or _HEAD_JOINED.match(normalised_title)
    if match is None:
        return None
    department = next(group for group in match.groups() if group).strip(" -")
    known = _known_department(department)
    if known is not None:
        return known, True
    return (OTHER_DEPARTMENT, False) if any_department else None


def _known_department(department: str) -> str | None:
    if department in DEPARTMENT_MANAGERS:
        return DEPARTMENT_MANAGERS[department]
    for part in _WORD_SPLIT.split(department):
        # "PV-Aufdachanlagen": the first word of a hyphenated compound names its field.
        for word in (part, *part.split(), *part.split("-")):
            # "Vertriebs|leitung": the linking s of a German compound is not part of the word.
            for form in (word, word[:-1] if word.endswith("s") else word):
                if form in DEPARTMENT_MANAGERS:
                    return DEPARTMENT_MANAGERS[form]
    return None
