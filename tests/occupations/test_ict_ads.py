"""Selling and project roles coded by what an ICT ad says they sell or deliver (ict_ads.py)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.ict_ads import manages_ict_projects, sells_ict, work_signs

SOFTWARE_HOUSE = ("We are a software house selling cloud backup and network security software as a "
                  "SaaS subscription to mid-sized businesses.")
BUILDING_FIRM = ("We build schools and hospitals across the region. You will use SAP, Jira and MS Project "
                 "and report to the construction director; it is a permanent role.")
CLOUD_PROGRAMME = "You will lead the delivery of a cloud migration within our IT programme."
EVENT_AGENCY = "Plan corporate events and conferences; you will keep it all on budget with Excel and Jira."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a cloud platform within the IT programme", {"cloud", "it"}),
        # "it" the pronoun is no sign; planning and office software are none either.
        ("it is a cloud platform", {"cloud"}),
        ("We work with Jira, Confluence, SharePoint and SAP", set()),
        ("Kunden aus der IT-Branche, Server und Netzwerk", {"it", "server", "netzwerk"}),
        # Computer skills asked of the applicant say nothing of the work.
        ("You must be IT literate and confident with project management software such as Asta.", set()),
        ("Good IT skills and CRM software experience are essential.", set()),
        ("Sie haben sichere IT-Kenntnisse und Software zur Bauablaufplanung.", set()),
    ],
)
def test_work_signs(text, expected):
    assert work_signs(text) == expected


@pytest.mark.parametrize(
    ("title", "description", "expected"),
    [
        ("Sales Account Manager", SOFTWARE_HOUSE, True),
        ("Business Development Executive", SOFTWARE_HOUSE, True),
        ("Key Account Manager IT", None, True),
        ("Account Executive - Cloud Solutions", None, True),
        # No ICT in the title or the ad; a sales team's manager; a contact centre's seller.
        ("Account Manager", BUILDING_FIRM, False),
        ("Sales Manager", SOFTWARE_HOUSE, False),
        ("IT Telesales Executive", None, False),
        ("Software Developer", SOFTWARE_HOUSE, False),
    ],
)
def test_sells_ict(title, description, expected):
    assert sells_ict(title, description) is expected


@pytest.mark.parametrize(
    ("label", "description", "expected"),
    [
        ("project manager", CLOUD_PROGRAMME, True),
        ("project manager", BUILDING_FIRM, False),
        ("project manager", EVENT_AGENCY, False),
        ("project manager", None, False),
        # A project manager of a named field keeps it.
        ("construction manager", CLOUD_PROGRAMME, False),
    ],
)
def test_manages_ict_projects(label, description, expected):
    assert manages_ict_projects(label, description) is expected


@pytest.mark.parametrize(
    ("title", "description", "language", "isco"),
    [
        # Real dev rows: en_adz_030 (Adzuna sample, selling BI software), en_pb2_058 (freelance
        # board, a cloud infrastructure platform in an enterprise IT programme).
        ("Sales Account Manager",
         "Sales Account Manager IT Software Solution Sales, selling Business Intelligence tools (BI) reporting tool",
         "en", "2434"),
        ("Senior Project Manager (m/w/x)",
         "support the leadership and delivery of a cloud infrastructure platform within a broader enterprise IT program",
         "en", "1330"),
        # Written cases, titles not in the evaluation set.
        ("New Business Account Manager", SOFTWARE_HOUSE, "en", "2434"),
        ("Projektleiter (m/w/d)", "Du verantwortest die Einführung einer Cloud-Plattform und die Migration unserer "
         "Server in die Cloud; die IT-Abteilung unterstützt dich.", "de", "1330"),
        ("Project Manager", BUILDING_FIRM, "en", "1219"),
        ("Project Manager", EVENT_AGENCY, "en", "1219"),
        ("Project Manager", "We are a main contractor delivering schools. You must be IT literate and use "
         "project management software such as Asta Powerproject.", "en", "1219"),
        ("Sales Manager", SOFTWARE_HOUSE, "en", "1221"),
    ],
)
def test_roles_in_ict_ads(title, description, language, isco):
    occupation = classify_occupation(title, description, language)
    assert occupation is not None and occupation.isco_code == isco
