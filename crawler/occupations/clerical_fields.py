"""Clerks coded by the records they keep, as ISCO-08 groups them.

A generic clerical title ("Administrator", "Clerk", "Sachbearbeiter") reads as a general office
clerk (4110). ISCO-08 gives clerks who keep one kind of record unit groups of their own: stock and
warehouse records (4321), production schedules (4322), transport and freight (4323), accounts
(4311), payroll (4313), insurance and finance records (4312), personnel records (4416), library
loans (4411). ESCO has few of these as labels ("stock clerk", "transport clerk" are none of its
labels), so the search cannot find them; the title's field word names the group.
"""

from __future__ import annotations

import re

GENERAL_OFFICE_CLERKS = "4110"

# The field words of a clerical title (English, and German as titles write them alone or as the
# first part of a compound: "Lagerverwaltung", "Personalsachbearbeiter") and the unit group of
# the clerk who keeps that field's records.
_FIELD_GROUPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:warehouse|stores?|stock|inventory|lager\w*|materialwirtschaft|inventur)\b"), "4321"),
    (re.compile(r"\b(?:production|produktion\w*)\b"), "4322"),
    (re.compile(r"\b(?:transport\w*|freight|shipping|logistics?|dispatch|fleet|fracht\w*|versand\w*"
                r"|spedition\w*|fuhrpark\w*|disposition)\b"), "4323"),
    (re.compile(r"\b(?:payroll|lohn\w*|gehalt\w*|entgelt\w*)\b"), "4313"),
    # German compounds name the kind of accounts first: "Finanzbuchhaltung", "Anlagenbuchhaltung"
    # (a "Lohnbuchhaltung" is payroll's, found above at the same place).
    (re.compile(r"\b(?:accounts|accounting|bookkeeping|ledger|\w*buchhaltung\w*|debitoren\w*|kreditoren\w*)\b"),
     "4311"),
    (re.compile(r"\b(?:insurance|claims|versicherung\w*|schaden\w*)\b"), "4312"),
    (re.compile(r"\b(?:hr|personnel|recruitment|human resources)\b"), "4416"),
    (re.compile(r"\b(?:library|bibliothek\w*)\b"), "4411"),
)


# German "Personal" (staff) is English "personal" (a personal assistant is no personnel clerk).
_GERMAN_PERSONNEL = re.compile(r"\bpersonal\w*")
PERSONNEL_CLERKS = "4416"


def clerical_field_group(title: str, german: bool) -> str | None:
    """The ISCO-08 unit group of a clerk who keeps the records the title's field word names
    ("Warehouse Administrator" → 4321, "Transport Administrator" → 4323), or None when the title
    names none of those fields. Only for a title already read as a general office clerk: the
    field word alone does not make a title clerical ("Warehouse Operative" is none)."""
    lowered = title.lower()
    # The first field word named wins; at one place, the field listed first above.
    found = [(match.start(), order, group) for order, (pattern, group) in enumerate(_FIELD_GROUPS)
             if (match := pattern.search(lowered))]
    if german and (match := _GERMAN_PERSONNEL.search(lowered)):
        found.append((match.start(), len(_FIELD_GROUPS), PERSONNEL_CLERKS))
    return min(found)[2] if found else None


PAYROLL_CLERKS = "4313"
_PAYROLL = re.compile(r"\b(?:payroll|lohn\w*|gehalt\w*|entgelt\w*)|(?:lohn|gehalts|entgelt)abrechnung", re.IGNORECASE)


# Payroll as one of several duties listed ("Sozialversicherungen und Lohnadministration"): an HR
# clerk's (4416) generalist work, payroll among it.
_PAYROLL_AMONG_OTHERS = re.compile(
    r"(?:\bund\b|\band\b|&|,|\bsowie\b)\s*\S*(?:lohn|gehalt|entgelt|payroll)"
    r"|(?:lohn|gehalt|entgelt|payroll)\S*\s*(?:\bund\b|\band\b|&|,|\bsowie\b)",
    re.IGNORECASE)


def payroll_of_personnel(reading: str | None, title: str) -> bool:
    """True when a title read as a personnel clerk (4416) names payroll as its field ("Personal-
    sachbearbeiter Entgeltabrechnung", "HR Administrator - Payroll"): the payroll clerk's records
    (4313), the German 'Personal-' saying only the department. Payroll listed among other duties
    ("… Sozialversicherungen und Lohnadministration") leaves the HR clerk."""
    return (reading == PERSONNEL_CLERKS and bool(_PAYROLL.search(title))
            and not _PAYROLL_AMONG_OTHERS.search(title))
