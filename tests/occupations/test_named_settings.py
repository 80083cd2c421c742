"""A title ESCO gives to occupations in several settings is read in the setting the ad names
(named_settings.py). Real ads: eval_set.csv dev rows (id given)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.index import load_index, tokens
from crawler.occupations.named_settings import occupation_in_named_setting


@pytest.mark.parametrize(
    ("query", "opening", "label"),
    [
        # en_azu_009 "Porter" (Ramsay Health Care, Adzuna AU via diazevedo/urjob): the lexicon read the
        # hotel porter's group (9621).
        ("porter", "Strathfield Private Hospital is a 84 bed acute care facility", "hospital porter"),
        ("porter", "Our boutique hotel in the city centre seeks a porter", "hotel porter"),
        # No setting said, or the settings of two holders said: no reading.
        ("porter", "Join our friendly team, immediate start", None),
        ("porter", "hotel and hospital laundry services", None),
        # A name saying the job otherwise is no setting: the process ENGINEERING TECHNICIAN is not a
        # "process engineer" placed in engineering (en_adz_093 stays the process engineer).
        ("process engineer", "an engineering company seeks a process engineer", None),
        # en_nyc_000 "Custodian I": the BUILDING CLEANER holds 'custodian' but is no custodian's setting.
        ("custodian", "custodial work in city buildings", None),
    ],
)
def test_the_setting_the_ad_names(query, opening, label):
    placed = occupation_in_named_setting(load_index(), query, set(tokens(opening)))
    assert (placed.label if placed else None) == label


@pytest.mark.parametrize(
    ("title", "description", "isco_code"),
    [
        ("Porter", "Owned and operated by Ramsay Health Care, Strathfield Private Hospital is a 84 bed acute "
                   "care facility and one of Australia's most technologically advanced hospitals.", "5329"),
        ("Porter", "Our four-star hotel needs a porter to carry guests' luggage.", "9621"),
    ],
)
def test_porters_in_their_settings(title, description, isco_code):
    occupation = classify_occupation(title, description, "en")
    assert occupation is not None and occupation.isco_code == isco_code
