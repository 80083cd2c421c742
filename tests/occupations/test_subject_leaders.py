"""Heads of a school subject are teachers (ISCO-08 2330, the school's level deciding as for any
teacher); the rank alone, or a subject outside a school, is left to the other rules."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.subject_leaders import leads_school_subject


@pytest.mark.parametrize(
    ("title", "description", "expected"),
    [
        ("Faculty Leader of English - All Saints Catholic College", None, True),
        ("Head of Maths", "Our academy is looking for an inspiring leader.", True),
        ("Maths Subject Leader", None, True),
        ("Curriculum Leader for Mathematics", None, True),
        ("Head of Art and Design", "Join our school.", True),
        # No school said, a subject word inside a longer field, no subject, a hyphenated word.
        ("Head of Science", "We are a biotech company developing assays.", False),
        ("Head of German Sales", "Our school", False),
        ("Head of Finance", "Our school", False),
        ("Head of Re-insurance", "students", False),
    ],
)
def test_leads_school_subject(title, description, expected):
    assert leads_school_subject(title, description) is expected


@pytest.mark.parametrize(
    ("title", "description", "isco"),
    [
        ("Faculty Leader of English - All Saints Catholic College", None, "2330"),
        ("Subject Leader - History - St Mary Primary School", None, "2341"),
        ("Head of English - Primary School", None, "2341"),
        ("Head of German Sales", "Our school", "1221"),
    ],
)
def test_subject_leader_titles(title, description, isco):
    occupation = classify_occupation(title, description, "en")
    assert occupation is not None and occupation.isco_code == isco
