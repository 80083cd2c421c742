"""Manager titles whose holder leads no one are the field's professionals
(crawler/occupations/managers_without_staff.py)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.managers_without_staff import professional_of_manager


@pytest.mark.parametrize(
    ("reading", "title", "expected"),
    [
        ("1221", "(Junior) Marketing Manager (m/w/d)", "2431"),
        ("1212", "(Junior) HR Manager (m/w/d) - Schwerpunkt Recruiting", "2423"),
        ("1211", "Junior Finance Manager", "2411"),
        ("1221", "Performance Marketing Manager (Media Buyer) - Meta Ads (m/w/d)", "2431"),
        ("1221", "Influencer Marketing Manager (m/w/d) für TikTok, YouTube, Instagram", "2431"),
        ("1330", "SEA Manager", "2431"),
        # Managers stay managers: no junior rank, no channel, or a junior sales manager (what is
        # sold decides the sales group), or no "manager" in the title.
        ("1221", "Marketing Manager", None),
        ("1221", "Global Marketing Manager (m/f/d)", None),
        ("1221", "Junior Sales Manager", None),
        ("1212", "Head of HR", None),
        ("1324", "Junior Logistics Manager", None),
        ("2431", "Online Marketing Manager", None),
        (None, "Online Marketing Manager", None),
    ],
)
def test_professional_of_manager(reading, title, expected):
    assert professional_of_manager(reading, title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # unseen_probe.csv batches 6 and 7 (Arbeitnow ads); before: 1221, 1212.
        ("(Junior) Marketing Manager (m/w/d)", "2431"),
        ("(Junior) HR Manager (m/w/d) - Schwerpunkt Recruiting", "2423"),
        ("Performance Marketing Manager (Media Buyer) - Meta Ads (m/w/d)", "2431"),
        ("Influencer Marketing Manager (m/w/d) für TikTok, YouTube, Instagram", "2431"),
        # Dev rows en_pb3_104 and en_adz_078: managers as before.
        ("Global Marketing Manager (m/f/d)", "1221"),
        ("MICE Sales and Marketing Manager", "1221"),
    ],
)
def test_title_read_as_professional(title, expected):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None and occupation.isco_code == expected
