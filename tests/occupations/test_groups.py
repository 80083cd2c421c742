"""Heads of departments, technologies in ICT titles and bare generic titles (written cases)."""

import pytest

from crawler.occupations.classify import GROUP_METHOD, classify_occupation
from crawler.occupations.managers import department_manager
from crawler.occupations.technical import expand_role_words, technology_as_work


@pytest.mark.parametrize(
    ("normalised", "expected"),
    [
        ("head of design", ("1219", False)),
        ("head of finance", ("1211", True)),
        ("director of engineering", ("1330", True)),
        ("vp sales", ("1221", True)),
        ("leitung verwaltung", ("1219", True)),
        ("leiter der produktion", ("1321", True)),
        ("ärztliche leitung", ("1342", True)),
        ("pflegedienstleitung", ("1343", True)),
        ("vertriebsleitung", ("1221", True)),
        # Not a department's head: a team, a nurse in charge, a chef.
        ("teamleitung", None),
        ("head nurse", None),
        ("head chef", None),
        ("software developer", None),
        # The department before an English head, every word of it a department's.
        ("finance director", ("1211", True)),
        ("sales & marketing director", ("1221", True)),
        ("data protection manager", None),
        # A project manager by what the projects build, when ISCO singles that out.
        ("projektleiter tiefbau", ("1323", True)),
        ("project manager construction", ("1323", True)),
        ("construction project manager", ("1323", True)),
        ("projektleiter marketing", None),
        ("projektleiter elektrotechnik", None),
    ],
)
def test_department_manager(normalised, expected):
    assert department_manager(normalised) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("postgresql admin", "database administrator"),
        ("java developer", "software developer"),
        ("tableau analyst", "data analyst"),
        ("java barista", "java barista"),  # not an ICT role: left alone
        ("go developer", "go developer"),  # "Go" is an everyday word, a technology only in context
        ("machine learning engineer", "data engineer"),
    ],
)
def test_technology_as_work(query, expected):
    assert technology_as_work(expand_role_words(query)) == expected


def test_head_of_unknown_department_is_the_catch_all_manager_group():
    occupation = classify_occupation("Head of Design", language="en")
    assert (occupation.isco_code, occupation.method, occupation.esco_uri) == ("1219", GROUP_METHOD, None)


@pytest.mark.parametrize(
    ("title", "description", "language", "isco"),
    [
        ("Consultant", "You will advise clients on tax returns, tax planning and VAT compliance.", "en", "2411"),
        ("Engineer", "You will design electrical circuits, power distribution and switchgear.", "en", "2151"),
        ("Engineer", "You will write backend services in Python and deploy them to Kubernetes.", "en", "2512"),
    ],
)
def test_bare_generic_title_is_read_with_the_text(title, description, language, isco):
    occupation = classify_occupation(title, description, language)
    assert (occupation.isco_code, occupation.method) == (isco, "title+text")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Consultant", None),  # no field said, no group clear: uncoded rather than a guess
        ("Manager", None),
        ("Engineer", ("2149", GROUP_METHOD)),
        ("Sachbearbeiter (m/w/d)", ("4110", GROUP_METHOD)),
    ],
)
def test_bare_generic_title_without_field(title, expected):
    occupation = classify_occupation(title, "Great team, good pay. Service for our customers.", "en")
    assert (None if occupation is None else (occupation.isco_code, occupation.method)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("mentor für digitale bildung", "digitale bildung mentor"),
        ("embedded software developer for medical devices", "medical devices embedded software developer"),
        ("mitarbeiter im speisesaal", "speisesaal mitarbeiter"),
        ("software developer", "software developer"),
    ],
)
def test_head_moves_last_before_the_label_search(query, expected):
    from crawler.occupations.classify import _head_last

    assert _head_last(query) == expected


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        ("Software Developer and Architect", "2512"),  # written: two heads sharing "software"
        ("Elektriker und Monteur", "7411"),
        ("Sales and Marketing Manager", "1221"),  # one head shared the other way round: unchanged
    ],
)
def test_two_heads_sharing_their_field(title, isco):
    assert classify_occupation(title).isco_code == isco
