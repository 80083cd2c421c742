"""Retail and hospitality titles' "<field> Team Member" are read as the field's worker
(crawler/occupations/team_members.py)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.team_members import team_member_as_assistant


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("store team member", "store assistant"),
        ("team member garden centre", "garden centre assistant"),
        ("sales crew members", "sales assistant"),
        # No field: the title names no job.
        ("team member", ""),
        # ESCO's own phrases stay whole: the factory hand's, the fast food crew's.
        ("production team member", "production team member"),
        ("restaurant crew member", "restaurant crew member"),
        # "Staff" is left to the search.
        ("kitchen staff", "kitchen staff"),
        ("rgn staff nurse", "rgn staff nurse"),
        ("store assistant", "store assistant"),
    ],
)
def test_team_member_as_assistant(part, expected):
    assert team_member_as_assistant(part) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # unseen_probe.csv batch 5 (Northern Irish ads); before: the factory hand (9329) and, for
        # "Sales Team Member", ESCO's after-sales technician (2433).
        ("Store Team Member", "5223"),
        ("Sales Team Member", "5223"),
        ("Team Member Garden Centre", "5223"),
        # Written.
        ("Bar Staff - Weekends", "5132"),
        ("Production Team Member", "9329"),
    ],
)
def test_team_member_titles_read(title, expected):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == expected


def test_a_team_member_of_no_field_is_left_open():
    assert classify_occupation("Team Member", None, "en") is None
