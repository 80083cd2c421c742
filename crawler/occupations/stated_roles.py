"""The role a German title names after "als": "Bankkaufmann - als Kreditspezialist", "Studentische
Aushilfskraft als Junior Podcast Producer*in", "Quereinsteiger als Busfahrer".

What comes before "als" is the applicant's training, status or form of employment (a trained bank
clerk, a student temp, a career changer); what comes after is the job. Read whole, the title's
first words decide: the bank clerk's training read as a bank teller, the student temp as a
labourer. "Deutsch als Fremdsprache" names a subject, not a job: the part after "als" is taken only
when it reads as an occupation of its own (classify.py).
"""

from __future__ import annotations

import re

# "als" as a word, followed by the role; "(m/w/d)" and the like between are left to the normaliser.
_AS_ROLE = re.compile(r"\bals\s+(?P<role>\S.*)$", re.IGNORECASE)


def role_after_als(title: str) -> str | None:
    """The part of a German title after its first "als" ("Kreditspezialist im Homeoffice (m/w/d)"
    of "Bankkaufmann/-frau - als Kreditspezialist im Homeoffice (m/w/d)"), or None without one."""
    match = _AS_ROLE.search(title or "")
    return match.group("role").strip() if match else None
