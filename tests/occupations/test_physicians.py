"""German physicians named by the medical rank or the specialty (crawler/occupations/physicians.py)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.physicians import physician_group


@pytest.mark.parametrize(
    ("title", "reading", "expected"),
    [
        # A physician read as a generalist whose title names a specialty (dev row de_hf_004); general
        # medicine is the generalist's own field.
        ("Arzt in leitender Funktion (m/w/d) in der Psychiatrie, Psychosomatik und Psychotherapie", "2211", "2212"),
        ("Arzt (m/w/d) Allgemeinmedizin", "2211", None),
        ("Arzthelferin Innere Medizin", "3256", None),
    ],
)
def test_a_generalist_naming_a_specialty(title, reading, expected):
    assert physician_group(title, reading) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ärztliche Leitung", "2211"),
        ("Ärztlicher Leiter (m/w/d)", "2211"),
        ("Ärztliche Bereichsleitung MVZ Rheumatologie", "2212"),
        ("Ärztlicher Direktor Innere Medizin", "2212"),
        ("Rheumatologe (m/w/d)", "2212"),
        ("Kardiologin", "2212"),
        ("Anästhesist", "2212"),
        # No physician: the field's other workers and scientists.
        ("Psychologe", None),
        ("Radiologieassistent", None),
        ("Chirurgisch-technischer Assistent", None),
        ("Orthopädietechniker", None),
        ("Pflegedienstleitung", None),
    ],
)
def test_physician_group(title, expected):
    assert physician_group(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # unseen_probe.csv batch 5 (live hospital boards); before: ESCO's medical records manager
        # (3252) and the generalist (2211).
        ("Ärztliche Bereichsleitung MVZ Rheumatologie", "2212"),
        ("Stellvertretende ärztliche Leitung (m/w/d) für die Zentrale Notaufnahme", "2212"),
        # Written; before: the medical records manager (3252), nothing.
        ("Ärztlicher Leiter", "2211"),
        ("Rheumatologe (m/w/d)", "2212"),
        # As before.
        ("Ärztliche Leitung", "2211"),
        ("Oberarzt (m/w/d)", "2212"),
        ("Psychologe (m/w/d)", "2634"),
    ],
)
def test_physicians_read(title, expected):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None and occupation.isco_code == expected
