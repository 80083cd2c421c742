"""Generic roles (consultant, architect, project manager) in ICT ads read as ESCO's ICT occupations
(crawler/occupations/ict.py). Real titles are from eval_set.csv's dev rows (id given)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.ict import (
    generic_ict_role,
    ict_signs,
    is_ict_group,
    kind_of_ict_work,
    software_named_in_text,
)
from crawler.occupations.index import load_index


@pytest.mark.parametrize(
    ("query", "names_product", "expected"),
    [
        ("sap wm consultant", True, "consultant"),
        ("murex architect & analyst", False, "analyst"),
        ("api integration architect", False, "architect"),
        ("senior project manager", False, "project manager"),
        # A field ESCO knows outside ICT: the role is that field's.
        ("construction manager", False, None),
        ("landscape architect", False, None),
        # No generic role at all.
        ("software developer", False, None),
    ],
)
def test_generic_role_with_no_field_but_ict(query, names_product, expected):
    assert generic_ict_role(query, load_index(), names_product=names_product) == expected


def test_ict_signs_count_products_and_ict_words_not_office_software():
    assert ict_signs("Azure Data Factory, Databricks and the cloud") >= {"azure", "cloud"}
    assert ict_signs("Excel, Outlook and PowerPoint, see https://example.org") == set()


@pytest.mark.parametrize(
    ("title", "description", "language"),
    [
        ("SAP WM Berater (m/w/d) // ASAP // GR. Wien", None, "de"),  # de_pb2 dev row
        ("API Integration Architect", None, "en"),  # en dev row
        ("Senior System- und Cloud-Architekt", None, "de"),  # de_pb2 dev row, cut
        ("Consultant", "You configure SAP S/4HANA, Azure and Kubernetes for our clients.", "en"),
    ],
)
def test_generic_role_in_an_ict_ad_is_an_ict_occupation(title, description, language):
    occupation = classify_occupation(title, description, language)
    assert occupation is not None and is_ict_group(occupation.isco_code)


@pytest.mark.parametrize(
    ("title", "description", "language", "major_group"),
    [
        # A landscape architect stays one, whatever software the ad names.
        ("Landschaftsarchitekt", "Sie planen mit AutoCAD, Azure und SAP.", "de", "2"),
        # A manager whose title names no ICT stays a manager of its own field.
        ("Project Manager Construction", "We use SAP, Azure and Jira.", "en", "1"),
    ],
)
def test_a_field_in_the_title_is_not_replaced_by_ict(title, description, language, major_group):
    occupation = classify_occupation(title, description, language)
    assert occupation is not None
    assert not is_ict_group(occupation.isco_code)
    assert occupation.isco_code[0] == major_group


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A product's slash does not make field words of its pieces ("S/4HANA"); "Teil" is no field.
        ("Teilprojektleiter SAP S/4HANA (m/w/d)", "1330"),
        # An administrator of an ICT product administers ICT systems, not an office.
        ("SAP Basis Administrator (m/w/d)", "2522"),
    ],
)
def test_written_ict_titles(title, expected):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None and occupation.isco_code == expected


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # eval_set.csv dev rows: the title's ICT words say the kind of ICT work.
        ("Datenbank- und DevOps-Experte (Schwerpunkt MongoDB & Ansible)", "de", "2521"),
        ("SAP ABAP Consultant with FI - 80% home Office", "en", "2512"),
        ("SAP FI remote Teilzeit", "de", "2511"),
        ("Technischer Projektleiter Private-Cloud Plattform (m/w/d) 714-8811", "de", "1330"),
        # Written: a title naming only a programming language names its developer.
        ("Java", "en", "2512"),
    ],
)
def test_kind_of_ict_work_from_the_title(title, language, expected):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Datenbank-Experte", "database"),
        ("SAP ABAP Consultant", "software"),
        ("SAP WM Berater", None),
    ],
)
def test_kind_of_ict_work(title, expected):
    assert kind_of_ict_work(title) == expected


def test_office_software_alone_names_no_occupation():
    assert classify_occupation("Excel", None, "en") is None


def test_a_name_the_ad_writes_as_software_is_a_product():
    # eval_set.csv dev row de_pb2 (Abacus Berater:in), its opening cut; and a written counter-case.
    opening = "Ihre Aufgaben: Beratung und Betreuung rund um die Abacus HR-Module, Einführung von Abacus-Lösungen."
    assert software_named_in_text(load_index(), "abacus consultant", opening) == {"abacus"}
    occupation = classify_occupation("Abacus Berater:in", opening, "de")
    assert occupation is not None and is_ict_group(occupation.isco_code)
    assert software_named_in_text(load_index(), "abacus consultant", "Sie beraten Kunden zu Abacus.") == set()


def test_systems_and_solutions_of_other_kinds_are_no_software():
    opening = "Prüfung der Blitzschutz-Systeme und Planung neuer Blitzschutz-Lösungen."
    assert software_named_in_text(load_index(), "consultant blitzschutz", opening) == set()


@pytest.mark.parametrize(
    ("title", "language", "isco"),
    [
        # CI/CD names software delivery work as DevOps does (written cases; dev row de_pb3_011 is of
        # this kind: its 'cd' was read as the music shop's compact disc).
        ("CI/CD Engineer", "en", "2512"),
        ("CICD Engineer", "en", "2512"),
        ("CI/CD Spezialist (m/w/d)", "de", "2512"),
        ("CI/CD Engineering Deploy (m/w/d)", "de", "2512"),
    ],
)
def test_ci_cd_titles(title, language, isco):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    "title",
    # A network operations centre's staff (written cases; dev row de_pb_067 is of this kind: its
    # second job, 'Dispatcher', was read as a transport clerk).
    ["NOC Technician", "NOC-Mitarbeiter (m/w/d)", "Mitarbeiter NOC", "NOC-Mitarbeiter / Dispatcher (m/w/d)"],
)
def test_network_operations_centre_titles(title):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None and occupation.isco_code == "3511"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # The browser side named in a software developer's title is web development (2513): dev rows
        # en_cds_065, en_kk_066, en_adz_080 (before: the software developer 2512, ESCO's user
        # interface developer 2512).
        ("Senior Front-End Software Developer", "2513"),
        ("IT Senior Officer – UX Developer (2 Jobs)", "2513"),
        ("Front End Developer  CSS/HTML  Permanent  Edinburgh", "2513"),
        # The server side named too, or none: software development.
        ("Full Stack Developer (React, Node)", "2512"),
        ("Backend Developer", "2512"),
        ("Software Developer", "2512"),
    ],
)
def test_front_end_work_is_web_development(title, expected):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Content management and shop systems build websites (written; before: the software developer).
        ("WordPress Developer", "2513"),
        ("Shopify Developer", "2513"),
        ("PHP Developer", "2512"),
        # "QA" and "Test" both say testing (unseen_probe.csv batch 4; before: ESCO's product quality
        # inspector, 7543).
        ("Junior QA Test Engineer", "2519"),
    ],
)
def test_web_systems_and_qa_testers(title, expected):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == expected
