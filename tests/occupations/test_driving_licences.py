"""Drivers coded by the licence class or vehicle weight their title names (driving_licences.py)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.driving_licences import licence_group


@pytest.mark.parametrize(
    ("reading", "title", "expected"),
    [
        # unseen_probe.csv: "AZ Driver" (batch 4), "7.5 Tonne Driver" (batch 3); the rest written.
        ("8322", "AZ Driver", "8332"),
        ("8322", "7.5 Tonne Driver", "8332"),
        ("8322", "Class 1 Driver", "8332"),
        ("8322", "Fahrer (m/w/d) C/CE Nahverkehr", "8332"),
        (None, "Kraftfahrer Klasse C1", "8332"),
        ("8322", "PCV Driver", "8331"),
        ("8322", "Fahrer Klasse D", "8331"),
        # A van's weight or licence, no licence at all, a reading no driver's, a licence read already:
        # nothing.
        ("8322", "3.5t Van Driver", None),
        ("8322", "Fahrer Klasse B", None),
        ("8322", "Multi-Drop Driver", None),
        ("2512", "C Developer", None),
        ("8332", "HGV Class 1 Driver", None),
    ],
)
def test_licence_group(reading, title, expected):
    assert licence_group(reading, title) == expected


@pytest.mark.parametrize(
    ("title", "language", "isco"),
    [("AZ Driver", "en", "8332"), ("7.5 Tonne Driver", "en", "8332"), ("Multi-Drop Driver", "en", "8322"),
     ("Berufskraftfahrer (m/w/d) CE mit Ladekran", "de", "8332")],
)
def test_drivers_read(title, language, isco):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # unseen_probe.csv batch 4 (a staffing agency's title list, left open there); before: nothing.
        ("Counterbalance Operator", "8344"),
        # Written; before: the cargo vehicle driver (8332), the van driver (8322).
        ("Reach Truck Driver", "8344"),
        ("FLT Driver", "8344"),
        ("VNA Operator", "8344"),
        # No lifting truck: as before.
        ("Order Picker", "9333"),
        ("HGV Class 1 Driver", "8332"),
    ],
)
def test_a_lifting_truck_named_by_type(title, expected):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == expected
