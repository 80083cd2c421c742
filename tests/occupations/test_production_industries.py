"""A generic production title naming its industry is that industry's plant operator (ISCO-08 81)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.production_industries import production_industry_group


@pytest.mark.parametrize(
    ("reading", "title", "expected"),
    [
        ("9329", "Produktionsmitarbeiter - chemisch-pharmazeutischer Produktion", "8131"),
        ("9329", "Produktionsmitarbeiter Lebensmittel (m/w/d)", "8160"),
        ("8189", "Machine Operator - Plastics", "8142"),
        ("9329", "Production Operative (Paper Mill)", "8143"),
        ("8189", "Anlagenbediener Glas (m/w/d)", "8181"),
        # A helper stays a labourer; no industry, or another reading: nothing.
        ("9329", "Produktionshelfer Lebensmittel (m/w/d)", None),
        ("9329", "Produktionsmitarbeiter (m/w/d)", None),
        ("7223", "CNC-Fräser Kunststoff (m/w/d)", None),
        # Machine tools cutting metal: the setters' and operators' craft group (unseen_probe.csv:
        # "Maschinenbediener (m/w/d) CNC im Schichtbetrieb"; the rest written).
        ("8189", "Maschinenbediener (m/w/d) CNC im Schichtbetrieb", "7223"),
        ("8189", "CNC Machine Operator", "7223"),
        ("9329", "Produktionsmitarbeiter Zerspanung", "7223"),
        ("9329", "Produktionshelfer CNC", None),
        # A machine tool setter whose title names another material runs that industry's machines
        # (unseen_probe.csv batch 4: "Einrichter (m/w/d) für Kunststoffspritzgussmaschinen"); wood's
        # are the woodworking machine tool setters'. Metal, or no material: unchanged.
        ("7223", "Einrichter (m/w/d) für Kunststoffspritzgussmaschinen", "8142"),
        ("7223", "Einrichter Holzbearbeitungsmaschinen", "7523"),
        ("7223", "Einrichter (m/w/d)", None),
        ("7223", "Einrichter Zerspanung Kunststoff", None),
    ],
)
def test_production_industry_group(reading, title, expected):
    assert production_industry_group(reading, title) == expected


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # Real dev row de_pb_065 (a staffing agency's ad for a chemical-pharmaceutical plant).
        ("Produktionsmitarbeiter - chemisch-pharmazeutischer Produktion", "8131"),
        # Written, not in the evaluation set.
        ("Produktionsmitarbeiter Kunststoff (m/w/d)", "8142"),
        ("Produktionsmitarbeiter Pharma (m/w/d) - Schichtbetrieb", "8131"),
        ("Produktionshelfer Lebensmittel (m/w/d)", "9329"),
        ("Produktionsmitarbeiter (m/w/d)", "9329"),
        ("Einrichter (m/w/d) für Kunststoffspritzgussmaschinen", "8142"),
        ("CNC-Fräser (m/w/d)", "7223"),
    ],
)
def test_production_workers_by_industry(title, isco):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None and occupation.isco_code == isco
