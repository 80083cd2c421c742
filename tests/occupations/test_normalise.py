"""Title normalisation: gender forms, seniority and board chrome removed, occupation words kept."""

import pytest

from crawler.occupations.german import german_to_english
from crawler.occupations.normalise import normalise_title


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Softwareentwickler (m/w/d)", "softwareentwickler"),
        ("Elektroniker/in für Betriebstechnik", "elektroniker für betriebstechnik"),
        ("Kaufmann/-frau im Einzelhandel", "kaufmann im einzelhandel"),
        ("Koch/Köchin", "koch"),
        ("Mitarbeiter:in Kundenservice (w/m/d)", "mitarbeiter kundenservice"),
        ("Senior TesterIn", "tester"),
        ("Werkstudent Marketing", "marketing"),
        ("Ausbildung zum Mechatroniker (m/w/d)", "mechatroniker"),
        ("Registered Nurse - London", "registered nurse"),
        ("Senior Software Engineer | Remote", "software engineer"),
        ("Pflegefachkraft (m/w/d) Vollzeit", "pflegefachkraft"),
        ("Einkauf/Logistik Sachbearbeiter", "einkauf/logistik sachbearbeiter"),
        ("", ""),
    ],
)
def test_normalise_title(title, expected):
    assert normalise_title(title) == expected


@pytest.mark.parametrize(
    ("normalised", "expected"),
    [
        ("softwareentwickler", "software developer"),
        ("altenpfleger", "elderly nurse"),
        ("lagerhelfer", "warehouse worker"),
        ("koch", "cook"),
        ("data scientist", "data scientist"),
        ("elektroniker für betriebstechnik", "electrician betriebstechnik"),
    ],
)
def test_german_to_english(normalised, expected):
    assert german_to_english(normalised) == expected
