"""ISCO-08 skill levels from what an English ad asks (skill_level.py): an "engineer" or
"programmer" asked for a trade background and no degree is a technician or craft worker.
Real cases: eval_set.csv dev rows (Adzuna ads, ids given), openings cut."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.skill_level import asks_trade_background


@pytest.mark.parametrize(
    ("title", "text", "isco_code"),
    [
        # en_adz_016: was ESCO's commissioning engineer (2149).
        ("Paint Plant Commissioning Engineer", "Time served paint plant commissioning engineer required. Duties "
         "include commissioning of the following: Electrical connections Air fans Burners Pumps", "3119"),
        # en_adz_059: the lexicon read 'programmer' (software developer, 2512).
        ("CNC Programmer/Setter/Operator", "The ideal candidate will work on their own initiative both setting and "
         "operating hightech CNC machinery. The suitable applicant will have programming experience, will be able "
         "to understand technical drawings and have an apprenticeship/Time served", "7223"),
    ],
)
def test_an_engineer_asked_for_a_trade_background_is_read_a_level_down(title, text, isco_code):
    occupation = classify_occupation(title, text, "en")
    assert occupation is not None and occupation.isco_code == isco_code


def test_service_engineer_with_a_fitting_background_is_a_craft_worker():
    # en_adz_061 (gold 7233, industrial machinery mechanic): read as ESCO's gas service technician
    # (7126) — the major group (7, craft) is right where the HVAC engineer (2144) was not.
    text = ("carrying out the service and repair of customers industrial compressed air equipment. The ideal "
            "candidate will have a good background in maintenance fitting")
    assert classify_occupation("Service Engineer", text, "en").isco_code[0] == "7"


@pytest.mark.parametrize(
    ("title", "text", "language"),
    [
        # A degree named: the professional's level (en_adz_021 asks HNC or BSc).
        ("Process Project Engineer", "You will hold an HNC or BSc in chemical engineering; an apprenticeship "
         "background is welcome.", "en"),
        # No trade background asked.
        ("Design Engineer", "Designing special purpose machinery in Inventor.", "en"),
        # German ads ask an Ausbildung of IT specialists too: left alone.
        ("Software Engineer (m/w/d)", "Abgeschlossene Ausbildung als Fachinformatiker, time served.", "de"),
    ],
)
def test_no_lower_level_without_a_trade_background_or_with_a_degree(title, text, language):
    occupation = classify_occupation(title, text, language)
    assert occupation is not None and occupation.isco_code[0] == "2"


def test_trade_background_words():
    assert asks_trade_background("Must be time-served with City & Guilds")
    assert not asks_trade_background("Time served or degree qualified engineers")
    assert not asks_trade_background(None)
