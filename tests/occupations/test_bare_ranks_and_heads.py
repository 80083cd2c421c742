"""Titles read wrongly by a single word: a bare rank names no occupation, a fitness trainer is no
trainer of staff, a building services planner (TGA) no ship planner."""

import pytest

from crawler.occupations.classify import classify_occupation


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Supervisor", "en"),
        ("Shift Supervisor", "en"),
        ("Team Leader", "en"),
        ("Foreman", "en"),
        ("Chief", "en"),
        ("Deputy Manager", "en"),
        ("Supervisor - Berlin", "en"),
        ("Teamleiter (m/w/d)", "de"),
        ("Vorarbeiter", "de"),
        ("Leiter", "de"),
    ],
)
def test_a_bare_rank_names_no_occupation(title, language):
    assert classify_occupation(title, None, language) is None


@pytest.mark.parametrize(
    ("title", "language", "isco"),
    [
        # A rank with the work it leads keeps its reading.
        ("Supervisor Plasterer", "en", "3123"),
        ("Head Chef", "en", "3434"),
        ("Team Leader - Customer Service", "en", "1439"),
    ],
)
def test_a_rank_with_its_work_is_read(title, language, isco):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "language", "isco", "label"),
    [
        ("Fitness Trainer", "en", "3423", "fitness instructor"),
        ("Fitness-Trainer (m/w/d)", "de", "3423", "fitness instructor"),
        ("Fitness Coach", "en", "3423", "fitness instructor"),
        ("Fitnesstrainer", "de", "3423", "fitness instructor"),
        ("Trainer", "en", "2424", None),
        ("Planer TGA", "de", "3118", "heating, ventilation, air conditioning (and refrigeration) drafter"),
        ("Fachplaner TGA (m/w/d)", "de", "3118",
         "heating, ventilation, air conditioning (and refrigeration) drafter"),
        ("TGA-Planer", "de", "3118", "heating, ventilation, air conditioning (and refrigeration) drafter"),
        ("HLS-Planer (m/w/d)", "de", "3118", "heating, ventilation, air conditioning (and refrigeration) drafter"),
        ("Elektroplaner", "de", "3118", "electrical drafter"),
    ],
)
def test_trainers_and_planners_by_their_field(title, language, isco, label):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == isco
    if label is not None:
        assert occupation.esco_label == label


@pytest.mark.parametrize(
    ("title", "language", "isco"),
    [
        # Metal machining, not textiles; the sewing machinist keeps ESCO's own label.
        ("Machinist", "en", "7223"),
        ("CNC Machinist", "en", "7223"),
        ("Zerspaner (m/w/d)", "de", "7223"),
        ("Sewing Machinist", "en", "7533"),
        # Residential care is social care work (3412), not a social worker's profession.
        ("Residential Care Officer - Children's Home", "en", "3412"),
        ("Residential Support Worker", "en", "3412"),
        # X-ray and radiology technicians: medical imaging technicians.
        ("X-Ray Technician", "en", "3211"),
        ("Radiologic Technologist", "en", "3211"),
        # The environmental health officer: the professional (2263), the inspector its associate.
        ("Senior Environmental Health Officer", "en", "2263"),
        ("Environmental Health Inspector", "en", "3257"),
        # Treatment plants are operated (3132); sewers are laid by plumbers' trades (7126).
        ("Sewage Treatment Worker", "en", "3132"),
        ("Fachkraft für Abwassertechnik (m/w/d)", "de", "3132"),
        ("Water Treatment Operator", "en", "3132"),
    ],
)
def test_common_titles_of_trades_and_care(title, language, isco):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize("label", ["supervisor", "shift supervisor", "team leader", "unit manager", "assistant manager"])
def test_an_alternative_label_saying_a_rank_alone_is_not_searched(label):
    from crawler.occupations.index import load_index

    index = load_index()
    owners = index.labelled_by(label)
    assert owners, "ESCO holds the label"
    assert all(owner.label.lower() != label for owner in owners)
    found = {index.label_text(match_id) for word in label.split()
             for match_id in index.label_ids_with_word(word)}
    assert label not in found


@pytest.mark.parametrize(
    ("title", "not_label"),
    [
        ("Kitchen Supervisor", "oil refinery control room operator"),
        ("Catering Supervisor", "oil refinery control room operator"),
    ],
)
def test_a_rank_with_a_field_does_not_find_a_bare_rank_label(title, not_label):
    occupation = classify_occupation(title, None, "en")
    assert occupation is None or occupation.esco_label != not_label


@pytest.mark.parametrize(
    ("title", "language", "isco"),
    [
        # QA testers and analysts test software, as QA engineers do (ESCO's software tester).
        ("QA Tester", "en", "2519"),
        ("Senior QA Analyst (m/w/d)", "de", "2519"),
        # A helper in housekeeping: a domestic helper, not a manufacturing labourer.
        ("Hauswirtschaftshelfer (m/w/d)", "de", "9111"),
    ],
)
def test_testers_and_helpers(title, language, isco):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # Supervisors of cooks are coded with the cooks (ISCO-08 gives them no group of their own);
        # the head chef and the catering manager keep theirs.
        ("Catering Supervisor", "5120"),
        ("Kitchen Supervisor", "5120"),
        ("Catering Supervisor 2 - Primary School", "5120"),
        ("Head Chef", "3434"),
        ("Catering Manager", "1412"),
    ],
)
def test_supervisors_of_cooks(title, isco):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # Clerical support titles of UK public bodies: general office clerks, not a housing support
        # worker or a social security administrator.
        ("Business Support Officer", "4110"),
        ("Business Support Assistant - Primary School", "4110"),
        ("Admin Officer", "4110"),
        ("Administration Officer", "4110"),
        ("Admin Assistant", "3343"),
    ],
)
def test_clerical_support_titles(title, isco):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == isco
