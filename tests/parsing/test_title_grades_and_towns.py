"""What public employers and small firms' sites write after the role (dev16): a pay grade and a
reference number in brackets, and the job's own town."""

import pytest

from crawler.parsing.title import clean_title, title_without_town


@pytest.mark.parametrize(("raw", "title"), [
    # dev16 de_1608 (Stadt Halle): pay grade, then the ad's number
    ("Sachbearbeiter Baucontrolling (E 7 TVöD) (574/2024)", "Sachbearbeiter Baucontrolling"),
    ("Referent (m/w/d) (EG 13 TV-L)", "Referent"),
    ("Lehrkraft (A 13)", "Lehrkraft"),
    ("Erzieher (S8a)", "Erzieher"),
    ("Mitarbeiter Bürgerservice (Kennziffer 12/24)", "Mitarbeiter Bürgerservice"),
    ("Data Manager (ID 4711)", "Data Manager"),
    # a bracket that says what the role is about stays
    ("Developer (Java)", "Developer (Java)"),
    ("Engineer (E-Commerce)", "Engineer (E-Commerce)"),
    ("Product Owner (E2E)", "Product Owner (E2E)"),
    ("Team Lead (B2B)", "Team Lead (B2B)"),
])
def test_pay_grade_and_reference_number_leave_the_title(raw, title):
    assert clean_title(raw) == title


@pytest.mark.parametrize(("title", "town", "expected"), [
    # dev16 en_1607: a town the gazetteer does not know, named as the job's place
    ("Shop Mechanic, Equipment Operator & Irrigation Technician (Grand Marsh)", "Grand Marsh",
     "Shop Mechanic, Equipment Operator & Irrigation Technician"),
    ("Koch - Bad Wurzach", "Bad Wurzach", "Koch"),
    # another town, or the town inside the role, stays
    ("Koch (Bad Wurzach)", "Leutkirch", "Koch (Bad Wurzach)"),
    ("Berlin Office Manager", "Berlin", "Berlin Office Manager"),
    ("(Berlin)", "Berlin", "(Berlin)"),
])
def test_the_jobs_own_town_leaves_the_title(title, town, expected):
    assert title_without_town(title, town) == expected
