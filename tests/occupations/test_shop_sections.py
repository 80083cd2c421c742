"""The head of a named section of a shop's floor is a shop supervisor (5222)
(crawler/occupations/shop_sections.py)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.shop_sections import shop_section_supervisor


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Bereichsleiter Frischetheke (m/w/d)", True),
        ("Abteilungsleitung Obst und Gemüse", True),
        ("Department Manager - Fresh Food", True),
        # No section of a shop's floor named: the business's department.
        ("Abteilungsleiter Verkauf", False),
        ("Department Manager Finance", False),
        ("Bereichsleiter Produktion / Standortmanager (m/w/d)", False),
        # A section named, no head of it.
        ("Verkäufer Frischetheke", False),
    ],
)
def test_shop_section_supervisor(title, expected):
    assert shop_section_supervisor(title) is expected


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # unseen_probe.csv batch 5 (an aggregator board); before: 1219.
        ("Bereichsleiter Frischetheke (m/w/d)", "de", "5222"),
        # Written.
        ("Department Manager - Bakery", "en", "5222"),
        ("Abteilungsleiter Verkauf", "de", "1221"),
    ],
)
def test_shop_section_heads_read(title, language, expected):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == expected
