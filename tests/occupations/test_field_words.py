"""A title's field word the best ESCO label swaps for its own is read first (field_words.py).
Real titles: eval_set.csv dev rows (id given), as the label search sees them."""

import pytest

from crawler.occupations.field_words import dropped_fields, field_reading
from crawler.occupations.index import load_index


@pytest.mark.parametrize(
    ("query", "label", "isco_code"),
    [
        # de_pb3_127 "Interim French Payroll Specialist": ESCO has no payroll specialist; the best
        # label was the PRODUCT specialist (7543).
        ("payroll specialist", "payroll clerk", "4313"),
        # en_kk_007 "Residential Care Officer": the VICTIM care officer (2635) was the best label.
        ("residential care officer", "residential childcare worker", "3412"),
        # en_kk_102 "Experienced Social Worker/Senior Practitioner": the social work ASSISTANT practitioner.
        ("social worker practitioner", "social worker", "2635"),
    ],
)
def test_the_field_the_best_label_dropped_is_read_first(query, label, isco_code):
    index = load_index()
    reading = field_reading(index, query, index.search(query, limit=15)[0])
    assert reading is not None
    assert (reading.occupation.label, reading.occupation.isco_code) == (label, isco_code)


@pytest.mark.parametrize(
    "query",
    [
        # en_adz_031: "engineer" says the skill level; ESCO's composite TECHNICIAN would lower it.
        "composite stress engineer",
        # en_pb2_002 "SAP ABAP Consultant" (software consultant): a software MANAGER adds a rank.
        "software consultant",
        # "analyst" says the kind of work: "Quality Assurance Analyst" is not read field-first.
        "quality assurance analyst",
        # en_adz_053: the reading of 'warehouse' with the generic administrator adds a rank (manager).
        "warehouse administrator",
    ],
)
def test_no_field_first_reading_that_changes_level_or_adds_a_rank(query):
    index = load_index()
    assert field_reading(index, query, index.search(query, limit=15)[0]) is None


def test_a_rank_word_is_no_field_the_label_drops():
    # en_adz_096 "Lead Engineers (Stress)": 'lead' is a rank; the best label dropping it drops no field.
    index = load_index()
    assert dropped_fields(index, "lead engineers", index.search("lead engineers", limit=15)[0]) == set()


def test_a_developer_of_hardware_is_esco_s_hardware_engineer():
    # de_pep_007 "Hardwareentwickler (m/w/d)" (Comnovo, job board of pep-dortmund): the lexicon read
    # the compound's head (software developer, 2512); ESCO names the work "hardware engineer".
    from crawler.occupations.classify import classify_occupation

    occupation = classify_occupation("Hardwareentwickler (m/w/d)", None, "de")
    assert occupation is not None and occupation.isco_code == "2152"
    # A compound whose field ESCO's developers hold keeps its reading.
    assert classify_occupation("Softwareentwickler (m/w/d)", None, "de").isco_code == "2512"
    assert classify_occupation("Webentwickler", None, "de").isco_code == "2513"
