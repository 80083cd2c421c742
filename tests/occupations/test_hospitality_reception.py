"""A receptionist of a hotel, guest house or holiday park is a hotel receptionist (4224)
(crawler/occupations/hospitality_reception.py)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.hospitality_reception import hotel_reception


@pytest.mark.parametrize(
    ("isco_code", "label", "title", "expected"),
    [
        ("4226", "receptionist", "Front of House Receptionist", True),
        ("4226", "receptionist", "Front Desk / Guest Services Agent", True),
        ("4226", "receptionist", "Rezeptionist/in", True),
        ("4226", "receptionist", "Receptionist - Holiday Park", True),
        # Another setting, or none, or another reading: no hotel.
        ("4226", "receptionist", "Rezeptionist (m/w/d) Zahnarztpraxis", False),
        ("4226", "receptionist", "Receptionist", False),
        ("4226", "receptionist", "School Receptionist", False),
        ("4226", "veterinary receptionist", "Veterinary Receptionist", False),
        ("4110", "office clerk", "Hotel Administrator", False),
    ],
)
def test_hotel_reception(isco_code, label, title, expected):
    assert hotel_reception(isco_code, label, title) is expected


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # unseen_probe.csv batch 5 (a Belfast guest house, a Californian hotel, an Austrian resort).
        # Before: the receptionist (4226).
        ("Front of House Receptionist", "en", "4224"),
        ("Front Desk / Guest Services Agent", "en", "4224"),
        ("Rezeptionist/in", "de", "4224"),
        ("Dental Receptionist", "en", "4226"),
    ],
)
def test_hotel_receptionists_read(title, language, expected):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == expected
