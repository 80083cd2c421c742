"""Care settings in titles and ads: a nursing or care home is an institution, not care at home, and
"Staff Nurse" is a nurse's title, not a grade before "Nurse" (Adzuna ads, tests/occupations/SOURCES.md)."""

import pytest

from crawler.occupations.classify import _without_institution_homes
from crawler.occupations.normalise import title_parts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # en_adz_010: "Registered Nurse (RGN) is required to work within the elderly nursing home environment."
        ("within the elderly nursing home environment", "within the elderly nursing environment"),
        ("Residential and Nursing homes, Day Centres", "Residential and Nursing, Day Centres"),
        ("a care home in Kent", "a care in Kent"),
        # Care at home stays: en_adz_043 "help someone to live independently to stay in their own home".
        ("to stay in their own home", "to stay in their own home"),
        ("Home Care Assistant", "Home Care Assistant"),
    ],
)
def test_institution_homes_lose_home(text, expected):
    assert _without_institution_homes(text) == expected


@pytest.mark.parametrize(
    ("title", "parts"),
    [
        ("Staff Nurse, Elderly Nursing Home, Gloucester", ["staff nurse elderly nursing home", "gloucester"]),
        ("RGN Staff Nurse Bournemouth", ["rgn staff nurse bournemouth"]),
        ("Staff Sergeant", ["staff sergeant"]),
        # A grade before a tech role, as before.
        ("Staff UI Engineer", ["ui engineer"]),
        ("Bar Staff", ["bar staff"]),
    ],
)
def test_staff_is_a_grade_unless_esco_names_the_pair(title, parts):
    assert title_parts(title) == parts
