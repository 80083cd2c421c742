"""A generic head word whose labels span many ISCO families settles no trade on its own: "Director"
was the sales manager, "Multimedia Officer" a customs officer, "Relief Manager" a sales manager
(crawler/occupations/unsettled.py). The ad's text may name the field; else the title reads as None."""

import csv
from pathlib import Path

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.index import load_index
from crawler.occupations.unsettled import GENERIC_HEAD_FAMILIES

EVAL_SET = Path(__file__).parent / "eval_set.csv"


def _dev_row(row_id: str) -> dict:
    return next(r for r in csv.DictReader(EVAL_SET.open(encoding="utf-8")) if r["id"] == row_id)


@pytest.mark.parametrize(
    ("word", "generic"),
    [("director", True), ("officer", True), ("agent", True), ("operator", True), ("manager", True),
     ("nurse", False), ("teacher", False), ("electrician", False), ("developer", False)],
)
def test_generic_heads_are_those_many_families_end_in(word, generic):
    assert (load_index().families_ending_in(word) >= GENERIC_HEAD_FAMILIES) is generic


@pytest.mark.parametrize(
    "title",
    ["Director", "Senior Director", "Multimedia Officer", "Relief Manager", "Frontline Agent",
     "Associate", "Registered Manager", "Operator", "Consultant", "Coordinator"],
)
def test_a_generic_head_alone_names_no_occupation(title):
    assert classify_occupation(title, None, "en") is None


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # A head whose labels stay in few families, or a title ESCO has a label for, keeps its reading.
        ("Nurse", "2221"),
        ("Developer", "2512"),
        ("Sales Director", "1221"),
        ("Customs Officer", "3351"),
        ("Construction Manager", "1323"),
    ],
)
def test_a_head_with_its_field_is_read(title, isco):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == isco


def test_a_real_ad_whose_text_names_no_candidate_field_is_not_read_by_the_search():
    # en_adz_002 "Relief Manager" (Adzuna): the care-home text says none of the sales, service or
    # rental managers' fields; it was the sales manager (1221), gold 1343. The search gives no
    # reading; the care homes the ad names make it an aged care services manager (care_managers.py).
    row = _dev_row("en_adz_002")
    occupation = classify_occupation(row["title"], row["description"], row["language"])
    assert occupation is not None and occupation.isco_code == "1343" and occupation.esco_uri is None


def test_a_real_ad_whose_text_names_a_field_is_read_as_before():
    # en_adz_027 "Swiss German Frontline Agent": the text says 'information', which one close
    # candidate (the information agent) adds; the reading with the text goes on as before.
    row = _dev_row("en_adz_027")
    assert classify_occupation(row["title"], row["description"], row["language"]) is not None
