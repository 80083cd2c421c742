"""Volunteer services (FSJ, BFD) are coded by the setting the title or the ad's opening names."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.volunteer_service import volunteer_service_group


@pytest.mark.parametrize(
    ("title", "description", "expected"),
    [
        ("FSJ / BFD in der Kita", None, "5311"),
        ("FSJ im Krankenhaus", None, "5321"),
        ("Freiwilligendienst Rettungsdienst", None, "3258"),
        ("Bundesfreiwilligendienst (BFD)", "Unterstütze unser Team an der Grundschule am Park.", "5312"),
        # The first setting named decides.
        ("Freiwilliges Soziales Jahr", "In unserer Kita neben dem Krankenhaus …", "5311"),
        # No setting, or no volunteer service: nothing.
        ("Bundesfreiwilligendienst", None, None),
        ("Erzieher in der Kita", None, None),
    ],
)
def test_volunteer_service_group(title, description, expected):
    assert volunteer_service_group(title, description) == expected


@pytest.mark.parametrize(
    ("title", "description", "isco", "method"),
    [
        ("Freiwilliges Soziales Jahr (FSJ) oder Bundesfreiwilligendienst (BFD)",
         "Bist du bereit für eine Zeit im Bereich Kinderbetreuung in unserer Kita?", "5311", "title+text"),
        ("FSJ im Krankenhaus", None, "5321", "title"),
    ],
)
def test_volunteer_service_titles(title, description, isco, method):
    occupation = classify_occupation(title, description, "de")
    assert occupation is not None and (occupation.isco_code, occupation.method) == (isco, method)
    assert occupation.esco_uri is None


def test_no_setting_no_code():
    assert classify_occupation("Bundesfreiwilligendienst (BFD)", "Bewirb dich jetzt!", "de") is None
