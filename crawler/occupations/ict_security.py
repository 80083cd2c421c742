"""Security roles that guard information, not premises.

"Security officer" alone is a security guard (5414) and "security analyst" an ICT security
professional (2529) in the title lexicon, but a title that says what is secured ("Chief Information
Security Officer", "Cybersecurity Operations Analyst", "IT-Sicherheitsbeauftragter") is ICT
security work whatever its role noun: ISCO-08 2529 (database and network professionals n.e.c.),
where ESCO puts its ICT security occupations. The rank the title names picks ESCO's occupation
(the chief ICT security officer, the ICT security manager, consultant or tester); other roles
(analyst, engineer, officer, specialist) are the unit group only, as the lexicon's entries are.
"""

from __future__ import annotations

import re

# What is secured: information, cyberspace, IT. "Data protection" is left out: a data protection
# officer is a legal compliance role as often as a technical one.
_ICT_SECURED = re.compile(
    r"\b(?:cyber[\s-]?security|infosec|information security|it[\s-]security|ict security"
    r"|informationssicherheit\w*|it-sicherheit\w*|cyber-?sicherheit\w*)", re.IGNORECASE)

# The rank words ESCO's ICT security occupations are named by, most senior first.
_RANKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:chief|head|ciso|leiter\w*|leitung)\b", re.IGNORECASE), "chief ICT security officer"),
    (re.compile(r"\b(?:manager\w*|lead)\b", re.IGNORECASE), "ICT security manager"),
    (re.compile(r"\b(?:consultant|advis[eo]r|berater\w*)\b", re.IGNORECASE), "ICT security consultant"),
    (re.compile(r"\b(?:tester|pentester|penetration tester|ethical hacker)\b", re.IGNORECASE), "ethical hacker"),
)

# The unit group of ICT security work.
ICT_SECURITY_GROUP = "2529"


def ict_security_role(title_part: str) -> str | None:
    """ESCO's label of the ICT security occupation a title part names ("chief information security
    officer" → "chief ICT security officer"), "" for ICT security work of no named rank
    ("cybersecurity operations analyst"), None when the part does not say information is secured."""
    if not _ICT_SECURED.search(title_part):
        return None
    for rank, label in _RANKS:
        if rank.search(title_part):
            return label
    return ""
