"""Teachers of an occupation: ISCO-08's vocational education teachers (2320).

German health and care professions are trained at vocational schools ("Berufsfachschule für Pflege",
"Pflegeschule", "Akademie für Gesundheitsberufe") whose teachers are advertised as "Pflegepädagoge",
"Medizinpädagoge", "Lehrkraft für die Berufsfachschule", "Dozent Pflege". The teacher's word alone
reads as a school teacher of ESCO's labels (secondary education 2330, higher education 2310, the
"-pädagoge" as an educational researcher 2351), but ISCO-08 codes whoever teaches an occupation's
subjects at a vocational school or in further education as a vocational education teacher (2320).
The school or the occupation taught must be said in the title: a "Sozialpädagoge" or a
"Musikpädagoge" teaches no occupation.
"""

from __future__ import annotations

import re

VOCATIONAL_TEACHERS = "2320"
# A teacher's word, alone or as a compound's head ("Pflegepädagoge", "Berufsschullehrer").
_TEACHER = re.compile(
    r"(?:lehrer\w*|lehrkr(?:a|ä)ft\w*|dozent\w*|pädagog\w*|paedagog\w*|\bteacher\w*|\blecturer\w*|\btutor\w*"
    r"|\binstructor\w*)",
    re.IGNORECASE,
)
# The vocational school, or an occupation's field taught there, in the title: "Berufsfachschule",
# "Pflegeschule", "Pflege-/Medizinpädagoge", "Dozent Basis Pflege", "vocational".
_VOCATIONAL = re.compile(
    r"(?:berufs(?:fach|ober)?schul\w*|berufskolleg\w*|berufspädagog\w*|fachschul\w*|pflegeschul\w*|pflegeakademie\w*"
    r"|vocational|further education"
    r"|\bpflege\b|pflege(?=[-/]|pädagog|paedagog|lehr|dozent)|medizinpädagog\w*|medizin(?=[-/]?pädagog)"
    r"|gesundheits(?:berufe|pädagog)\w*|hebammen\w*|\b(?:ota|ata|mta|pta)\b)",
    re.IGNORECASE,
)
# Teachers of no occupation, whatever else the title says ("Sozialpädagoge im Pflegeheim").
_NOT_VOCATIONAL = re.compile(r"(?:sozial|heil|sonder|kindheits|erlebnis|musik|theater|religions)pädagog", re.IGNORECASE)
# The readings a teacher's word alone finds: teachers (23xx), the educational researcher's family.
_TEACHING_FAMILY = "23"


def vocational_teacher_group(title: str, reading: str | None) -> str | None:
    """'2320' for a teacher of an occupation at a vocational school ("Pflegepädagoge",
    "Lehrkraft (m/w/d) für die Berufsfachschule für Pflege") read as another teacher or as nothing;
    else None."""
    if reading is not None and (not reading.startswith(_TEACHING_FAMILY) or reading == VOCATIONAL_TEACHERS):
        return None
    if not _TEACHER.search(title) or _NOT_VOCATIONAL.search(title) or not _VOCATIONAL.search(title):
        return None
    return VOCATIONAL_TEACHERS
