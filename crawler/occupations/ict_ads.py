"""Sales and project roles coded by what an ICT ad says they sell or deliver.

ISCO-08 puts people who sell ICT products and services to businesses ("Account Manager",
"Business Development Executive" at a software house) among the ICT sales professionals (2434),
not among the managers: an account manager manages clients, not staff; and ESCO gives a project
manager of ICT projects a unit group of its own (ICT project manager, 1330). Neither title need
say ICT ("Sales Account Manager", "Senior Project Manager"); the ad says what is sold or built.

Signs of ICT work are ict.ict_signs with two kinds left out: "it" that is the English pronoun (only
"IT" in capitals is information technology), and the tools and business software every office
works with (Jira, SharePoint, SAP, Salesforce): a salesperson's CRM or a project manager's planning
tool says nothing about what they sell or build.
"""

from __future__ import annotations

import re
from functools import lru_cache

from crawler.occupations.ict import LEAST_ICT_SIGNS, OPENING_CHARS, ict_signs
from crawler.parsing.skills import load_skill_taxonomy

ICT_ACCOUNT_MANAGER = "ICT account manager"
ICT_PROJECT_MANAGER = "ICT project manager"
# ESCO's project manager of no field, the reading of a title that names none.
GENERIC_PROJECT_MANAGER = "project manager"
# Skill categories of the software people use at work whatever they sell or build.
_WORKPLACE_SOFTWARE_CATEGORIES = frozenset({"tools", "business_software"})
_IT_IN_CAPITALS = re.compile(r"\bIT\b")
# Selling roles that manage clients, not staff. A sales manager, head or director of sales leads a
# sales team (1221); telesales and telephone roles sell from a contact centre (5244).
_SELLING_ROLE = re.compile(
    r"\b(?:(?:key |sales |new business )?account (?:manager|management|executive)"
    r"|business development(?: manager| executive| representative)?|sales (?:executive|consultant|representative|specialist)"
    r"|it[- ]sales|it[- ]vertrieb|vertriebsmitarbeiter\w*|key[- ]account[- ]manager\w*)\b",
    re.IGNORECASE,
)
_CONTACT_CENTRE_SELLING = re.compile(r"\b(?:tele\w*|telephone|call cent(?:re|er)|inside sales)\b", re.IGNORECASE)
# A project manager's ad must name this many ICT signs: fewer than a salesperson's, because a
# project manager's tools are left out and an ad about one project names its technology briefly.
LEAST_PROJECT_SIGNS = 2


@lru_cache(maxsize=1)
def _workplace_software() -> frozenset[str]:
    """Lower-case names and aliases of the taxonomy's tools and business software."""
    return frozenset(form.lower() for skill in load_skill_taxonomy() if skill.category in _WORKPLACE_SOFTWARE_CATEGORIES
                     for form in (skill.name, *skill.aliases))


# What an applicant must be able to use, not what the job delivers: "IT literate", "good IT skills",
# "IT-Kenntnisse", "project management software such as …", "Software zur Bauablaufplanung".
_APPLICANT_SKILLS = re.compile(
    r"\bIT[- ]?(?:literate|literacy|skills?|kenntnisse|affin\w*|savvy|proficient)\b|\b(?:computer|pc)[- ]literate\b"
    r"|\b(?:edv|pc|it)[- ]?kenntnisse\b", re.IGNORECASE)
_SOFTWARE_AS_TOOL = re.compile(
    r"\b(?:management|planning|scheduling|accounting|crm|office|booking|design|payroll)[- ]software\b"
    r"|\bsoftware\s+(?:such as|like|wie|e\.g\.|zur|für die|for (?:planning|scheduling|managing))", re.IGNORECASE)


def work_signs(text: str) -> set[str]:
    """The ICT signs a text names about the work itself: no pronoun 'it', no workplace software, no
    computer skills asked of the applicant."""
    text = _SOFTWARE_AS_TOOL.sub(" ", _APPLICANT_SKILLS.sub(" ", text))
    signs = ict_signs(text) - _workplace_software()
    if "it" in signs and not _IT_IN_CAPITALS.search(text):
        signs.discard("it")
    return signs


def sells_ict(title: str, description: str | None) -> bool:
    """True for a selling role ("Sales Account Manager", "Business Development Executive") whose
    title names ICT, or whose ad's opening names at least LEAST_ICT_SIGNS signs of ICT work."""
    if not _SELLING_ROLE.search(title) or _CONTACT_CENTRE_SELLING.search(title):
        return False
    if work_signs(title):
        return True
    return len(work_signs((description or "")[:OPENING_CHARS])) >= LEAST_ICT_SIGNS


def manages_ict_projects(esco_label: str, description: str | None) -> bool:
    """True for a title read as ESCO's project manager of no field whose ad's opening names at
    least LEAST_PROJECT_SIGNS signs of ICT work ("a cloud infrastructure platform within a broader
    enterprise IT program")."""
    if esco_label != GENERIC_PROJECT_MANAGER or not description:
        return False
    return len(work_signs(description[:OPENING_CHARS])) >= LEAST_PROJECT_SIGNS
