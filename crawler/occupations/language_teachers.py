"""Teachers of a language outside schools: ISCO-08's other language teachers (2353).

Language schools, integration courses and adult education advertise "Dozent Deutsch als
Fremdsprache", "Lehrkraft DaF/DaZ für Integrationskurse", "EFL Teacher", "ESOL Tutor". The
teacher's word reads as a school or university teacher of ESCO's labels (2330, 2310), but ISCO-08
codes whoever teaches a language outside the school system as another language teacher (2353;
ESCO's language school teacher). The course must be said: a "Teacher of English" at a secondary
school stays a school teacher.
"""

from __future__ import annotations

import re

LANGUAGE_SCHOOL_TEACHER = "language school teacher"
OTHER_LANGUAGE_TEACHERS = "2353"
_TEACHER = re.compile(
    r"(?:lehrer\w*|lehrkr(?:a|ä)ft\w*|dozent\w*|kursleit\w*|trainer\w*|\bteacher\w*|\btutor\w*|\binstructor\w*"
    r"|\blecturer\w*)",
    re.IGNORECASE,
)
# Language courses outside schools.
_LANGUAGE_COURSE = re.compile(
    r"(?:\bals (?:fremd|zweit)sprache\b|\bda[fz]\b|integrationskurs\w*|sprachkurs\w*|sprachschule\w*|sprachlehrer\w*"
    r"|\blanguage schools?\b|\b(?:esol|efl|esl|tefl|tesol|celta)\b|\bas a (?:foreign|second) language\b)",
    re.IGNORECASE,
)


def language_school_teacher(title: str, reading: str | None) -> bool:
    """True for a teacher of a language course outside schools ("Dozent (m/w/d) Deutsch als
    Fremdsprache") read as another teacher or as nothing."""
    if reading is not None and (not reading.startswith("23") or reading == OTHER_LANGUAGE_TEACHERS):
        return False
    return bool(_TEACHER.search(title)) and bool(_LANGUAGE_COURSE.search(title))
