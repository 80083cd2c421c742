"""An '-isation' noun ESCO's labels never use is read as their word for the same work
(derivation.py). Real title: eval_set.csv dev row en_azu_010 (Adzuna AU, diazevedo/urjob)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.derivation import process_nouns_as_label_words, word_for_stem
from crawler.occupations.index import load_index


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # en_azu_010 "Sterilisation Technician": no label says 'sterilisation'; the search fell back
        # on "technician" and found the medical device assembler (8219).
        ("sterilisation technician", "sterile technician"),
        ("digitalisation manager", "digital manager"),
        ("globalization analyst", "global analyst"),
        # Nouns ESCO's labels hold stay: they are the labels' own words.
        ("organisation developer", "organisation developer"),
        ("installation engineer", "installation engineer"),
        # No '-isation' noun: unchanged.
        ("quality control technician", "quality control technician"),
    ],
)
def test_process_nouns_read_as_label_words(query, expected):
    assert process_nouns_as_label_words(load_index(), query) == expected


def test_a_stem_no_label_word_begins_with_gives_nothing():
    assert word_for_stem(load_index(), "qxzv") is None


def test_a_sterilisation_technician_is_esco_s_sterile_services_technician():
    # Ramsay Health Care's CSSD technician cleaning and sterilising surgical instruments.
    occupation = classify_occupation(
        "Sterilisation Technician",
        "We are currently seeking CSSD Technicians to join our busy Sterilisation team. You will be "
        "responsible for carrying out the cleaning, assembly, inspection, wrapping and sterilisation "
        "of surgical instruments and medical equipment.",
        "en",
    )
    assert occupation is not None and occupation.isco_code == "5329"
