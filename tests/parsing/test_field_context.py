"""Field readers take a value only from its own context (issue 12, cause 6)."""

from datetime import date, datetime, timezone

import pytest

from crawler.parsing.dates import find_start_date, find_valid_through
from crawler.parsing.qualifications import experience_years_in_requirements, experience_years_min
from crawler.parsing.salary import find_salary

NOW = datetime(2021, 6, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize(("text", "expected"), [
    # pay for a stated working time: the week is the hours', so no period is set
    ("906,05€ bei 15h/Woche", (906.05, "EUR", None)),
    ("Die Vergütung beträgt 906,05€ bei 15h/Woche.", (906.05, "EUR", None)),
    ("£450 for 16 hours per week", (450, "GBP", None)),
    ("Wir zahlen 906,05 € brutto monatlich bei 15h/Woche.", (906.05, "EUR", "month")),
    # not pay for working time: a small figure without a pay word stays out
    ("50 € bei 2 Stunden Anfahrt", None),
])
def test_pay_for_working_hours(text, expected):
    salary = find_salary(text)
    assert (None if salary is None else (salary.min, salary.currency, salary.period)) == expected


@pytest.mark.parametrize(("text", "years"), [
    ("Über 10 Jahre Erfahrung in der Gebäudereinigung machen uns stark.", None),  # the employer's
    ("3 years of experience in our industry", None),  # "our", said to no one: the employer's
    ("Join our team if you have 5+ years of experience.", 5),
    ("Mindestens 3 Jahre Berufserfahrung in unserem Bereich", 3),
    ("We expect 4 years of experience with our stack.", 4),
])
def test_experience_years_of_the_candidate_not_the_employer(text, years):
    assert experience_years_min(text) == years


def test_experience_in_requirement_items_needs_no_addressee():
    assert experience_years_in_requirements(["3 years of experience in our industry"]) == 3


@pytest.mark.parametrize(("text", "expected"), [
    ("Bitte bewirb dich bis zum 27. Juni 2021.", date(2021, 6, 27)),
    ("Bewerbungen bis zum 27. Juni 2021 an jobs@example.de", date(2021, 6, 27)),
    ("Bewerbungsfrist: bis zum 27.06.2021", date(2021, 6, 27)),
    # en_037_visual_web_designer_simply_secure.md
    ("Position is open until filled and applications will be evaluated on a rolling review. "
     "We will stop accepting applications on July 14, 2021.", date(2021, 7, 14)),
])
def test_valid_through_from_an_application_deadline(text, expected):
    assert find_valid_through(text, NOW) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Start: 01.08.2021", date(2021, 8, 1)),
    ("Eintritt zum 1. August 2021", date(2021, 8, 1)),
    ("Seit dem 01.01.2020 sind wir Teil von Muster.", None),  # the employer's history
    ("Veröffentlicht am 01.05.2021. Bewerbungsschluss 30.06.2021.", None),  # other dates
])
def test_start_date_only_from_a_start_context(text, expected):
    assert find_start_date(text, NOW) == expected


def test_a_language_that_is_an_asset_is_not_required():
    # en_032_design_specialist_unicef_stockholm.md
    from crawler.parsing.qualifications import required_languages
    text = ("**Fluency in English is required**. Knowledge of another official UN language (Arabic, Chinese, "
            "French, Russian or Spanish) or a local language is an asset.")
    assert required_languages(text) == [{"language": "en", "level": "fluent"}]


@pytest.mark.parametrize(("text", "level"), [
    # de_051_zwergenland_erzieher_schwangerschaftsvertretung.md
    ("- Abschluss als Staatlich anerkannte Erzieherin/Staatlich anerkannter Erzieher oder adäquater Abschluss",
     "vocational"),
    ("Staatlich anerkannter Altenpfleger (m/w/d)", "vocational"),
    ("Studium an einer staatlich anerkannten Hochschule", None),  # the university is recognised, not a trade
])
def test_state_recognised_vocational_titles(text, level):
    from crawler.parsing.qualifications import education_level
    assert education_level(text) == level
