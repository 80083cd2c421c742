"""Teachers of an occupation at a vocational school are vocational education teachers (2320)
(crawler/occupations/vocational_teachers.py)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.vocational_teachers import vocational_teacher_group


@pytest.mark.parametrize(
    ("title", "reading", "expected"),
    [
        ("Pflegepädagoge (m/w/d)", "2351", "2320"),
        ("Lehrkraft (m/w/d) für die Berufsfachschule für Pflege", "2330", "2320"),
        ("Dozent:in (m/w/d) Basis Pflege", "2310", "2320"),
        ("Berufsschullehrer Metalltechnik", None, "2320"),
        # Teachers of no occupation, and no teacher at all.
        ("Sozialpädagoge (m/w/d) Schulsozialarbeit", "2635", None),
        ("Dozent (m/w/d) Deutsch als Fremdsprache", "2353", None),
        ("Musikpädagoge Berufsfachschule", "2354", None),
        ("Verwaltungskraft für die Berufsfachschule", "4110", None),
        ("Lecturer in Nursing", "2310", None),
        # A reading outside the teachers' family stays.
        ("Praxisanleiter Pflege", "2221", None),
    ],
)
def test_vocational_teacher_group(title, reading, expected):
    assert vocational_teacher_group(title, reading) == expected


@pytest.mark.parametrize(
    "title",
    [
        # unseen_probe.csv batch 5 (live hospital and care board titles). Before: the educational
        # researcher (2351), higher (2310) and secondary education teachers (2330).
        "Pflegepädagoge (m/w/d)",
        "Pflege-/Medizinpädagoge (m/w/d)",
        "Dozent:in (m/w/d) Basis Pflege",
        "Lehrkraft (m/w/d) für die Berufsfachschule für Pflege / Qualifikationsebene 3",
    ],
)
def test_vocational_teachers_read(title):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None and occupation.isco_code == "2320"
