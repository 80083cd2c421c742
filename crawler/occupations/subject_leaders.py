"""Teachers who lead a school subject.

British schools advertise their heads of department by the subject they lead: "Head of Maths",
"Faculty Leader of English", "Curriculum Leader for Science", "Subject Leader - History". The
rank word alone reads as a manager ("Head of …", 1219) or some leader of ESCO's labels (the activity
leader 3423, the zoo section leader), but ISCO-08 codes a head of a school department with the
teachers (2330 at secondary level, the level the school names deciding as for any teacher). The
school must be said, in the title or the ad's opening: a "Head of Science" of a laboratory company
is no teacher.
"""

from __future__ import annotations

import re

# A rank that leads a subject: before it ("Head of Maths", "Leader of English", "Lead for
# Science") or after it ("Maths Subject Leader", "English Faculty Lead").
_LEADS = re.compile(
    r"\b(?:head|leader|lead|coordinator|co-ordinator)\s+(?:of|for)\b"
    r"|\b(?:subject|faculty|curriculum|department|head of department)\s+(?:leader|lead|head)\b",
    re.IGNORECASE,
)
# School subjects (English names). Computing and ICT are left out (a school's "Head of ICT" may run
# its computers), and special needs and the early years (SEN, EYFS: ISCO-08 2352, 2342).
_SUBJECT = re.compile(
    r"\b(?:english|maths|mathematics|math|science|sciences|biology|chemistry|physics|history"
    r"|geography|art|music|drama|dance|pe(?!-)|physical education|french|spanish|german|languages"
    r"|modern foreign languages|mfl|re(?!-)|religious education|religious studies"
    r"|design (?:and|&) technology|food technology|business studies|economics|psychology|sociology"
    r"|humanities|literacy|numeracy)"
    # The subject closes the phrase ("Head of German", not "Head of German Sales").
    r"(?=\s*$|\s*[-–,(|/:]|\s+(?:and|&|at|in|teacher|subject|faculty|curriculum|department|lead|leader)\b)",
    re.IGNORECASE,
)
_SCHOOL = re.compile(
    r"\b(?:schools?|college|academy|pupils|students|classroom|teach\w*|key stage|ks[1-5]|sixth form"
    r"|curriculum|subject lead\w*|ofsted)\b",
    re.IGNORECASE,
)
# The teachers' unit group the lexicon gives a bare "Teacher" (secondary education teachers).
SUBJECT_TEACHER_GROUP = "2330"
# How much of the ad's text is read for the school.
SCHOOL_CHARS = 800


def leads_school_subject(title: str, description: str | None) -> bool:
    """True for a title leading a school subject ("Faculty Leader of English") in an ad that names
    a school, in the title or the opening of its text."""
    if not _LEADS.search(title) or not _SUBJECT.search(title):
        return False
    return bool(_SCHOOL.search(title) or _SCHOOL.search((description or "")[:SCHOOL_CHARS]))
