"""A title naming only a role reads the field a bracket or the next part names (role_fields.py)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.index import load_index
from crawler.occupations.role_fields import bracketed_field, names_field_only, names_role_only, role_with_field


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("technical officer", True),
        ("engineer", True),
        ("senior project officer", True),
        ("care assistant", False),
        ("civil engineer", False),
        ("london", False),
    ],
)
def test_names_role_only(part, expected):
    assert names_role_only(load_index(), part) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Senior Technical Officer (Environmental Health)", "environmental health"),
        ("Engineer (Civil)", "civil"),
        # A note, a place, a job or a code in brackets is no field.
        ("Care Assistant (Nights)", None),
        ("Outreach Assistant (co-op)", None),
        ("Inclusion Worker (Classroom Assistant)", None),
        ("Engineer (AB-1234)", None),
    ],
)
def test_bracketed_field(title, expected):
    assert bracketed_field(load_index(), title) == expected


def test_field_words_and_order():
    assert names_field_only(load_index(), "environmental health")
    assert not names_field_only(load_index(), "berlin")
    assert role_with_field("technical officer", "environmental health", german=False) == \
        "environmental health technical officer"
    assert role_with_field("ingenieur", "elektrotechnik", german=True) == "ingenieur elektrotechnik"


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # Real dev row en_kk_096 (a UK council's environmental health team).
        ("Senior Technical Officer (Environmental Health)", "3257"),
        # Written, not in the evaluation set.
        ("Technical Officer - Environmental Health", "3257"),
        ("Engineer (Civil)", "2142"),
        ("Technician (Electrical)", "3113"),
        ("Engineer - Mechanical", "2144"),
        # A place after the role changes nothing; a note in brackets neither.
        ("Engineer - London", "2149"),
        ("Care Assistant (Nights)", "5321"),
    ],
)
def test_roles_with_their_field(title, isco):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == isco
