"""A German title's role after "als" is the job (crawler/occupations/stated_roles.py)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.stated_roles import role_after_als


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Bankkaufmann/-frau - als Kreditspezialist im Homeoffice (m/w/d)", "Kreditspezialist im Homeoffice (m/w/d)"),
        ("Quereinsteiger als Busfahrer (m/w/d) gesucht", "Busfahrer (m/w/d) gesucht"),
        ("Dozent (m/w/d) Deutsch als Fremdsprache", "Fremdsprache"),
        # "Als" inside a word is none.
        ("Alsterdampfer-Kapitän", None),
        ("Kaufmann für Büromanagement", None),
    ],
)
def test_role_after_als(title, expected):
    assert role_after_als(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # unseen_probe.csv batch 7 (Arbeitnow ads of February 2026); before: the bank teller (4211)
        # of the training, the manufacturing labourer (9329) of the student temp.
        ("Bankkaufmann/-frau - als Kreditspezialist im Homeoffice (m/w/d)", "3312"),
        ("Studentische Aushilfskraft (m/w/d) als Junior Podcast Producer*in", "2654"),
        # unseen_probe.csv batch 2 and dev row de_hh_002: read as before.
        ("Quereinsteiger als Busfahrer (m/w/d) gesucht", "8331"),
        ("Sozialpädagog*innen (m/w/d) in Voll- oder Teilzeit als Wohngruppenleitung", "1344"),
        # A subject after "als", not a job: the whole title is read (batch 3).
        ("Dozent (m/w/d) Deutsch als Fremdsprache", "2353"),
    ],
)
def test_title_read_by_its_stated_role(title, expected):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None and occupation.isco_code == expected


def test_english_titles_are_not_split_at_als():
    # "als" is no English word; an English title keeps its reading whatever it holds.
    assert role_after_als("ALS Nurse Specialist") == "Nurse Specialist"
    occupation = classify_occupation("ALS Nurse Specialist", None, "en")
    assert occupation is None or occupation.isco_code[:2] == "22"
