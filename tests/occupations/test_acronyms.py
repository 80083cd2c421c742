"""Acronyms a title uses and its ad spells out are read in full (crawler/occupations/acronyms.py)."""

import csv
from pathlib import Path

import pytest

from crawler.occupations.acronyms import spell_out_acronyms
from crawler.occupations.classify import classify_occupation

EVAL_SET = Path(__file__).parent / "eval_set.csv"


@pytest.mark.parametrize(
    ("title", "description", "expected"),
    [
        ("RGN, Elderly Care", "We seek a Registered General Nurse for days.", "Registered General Nurse, Elderly Care"),
        ("Responsible CI Engineer", "design in Control and Instrumentation for plant", "Responsible Control and Instrumentation Engineer"),
        ("QSW Fostering Social Worker", "Qualified Social Worker - Fostering", "Qualified Social Worker Fostering Social Worker"),
        # Not spelled out in the text, lower-case words, or a word ESCO's labels hold: unchanged.
        ("PA to MD", "Supporting a busy MD with complex diary management", "PA to MD"),
        ("Deputy Headteacher - Meltham CE Primary School", "a caring ethos", "Deputy Headteacher - Meltham CE Primary School"),
        ("SALES ENGINEER NORTH WEST", "Sales Engineer for the North West", "SALES ENGINEER NORTH WEST"),
        ("IT Security Analyst", "Information Technology security", "IT Security Analyst"),
        ("RGN Staff Nurse", None, "RGN Staff Nurse"),
    ],
)
def test_spelled_out_acronyms(title, description, expected):
    assert spell_out_acronyms(title, description) == expected


@pytest.mark.parametrize(("row_id", "isco"), [("en_adz_003", "2221"), ("en_adz_018", "2152")])
def test_real_ads_with_acronyms(row_id, isco):
    # Adzuna ads: "RGN, Elderly Care, Nursing Home Newcastle" was a health care assistant (5321),
    # "Responsible CI Engineer" an equipment engineer (2144).
    row = next(r for r in csv.DictReader(EVAL_SET.open(encoding="utf-8")) if r["id"] == row_id)
    occupation = classify_occupation(row["title"], row["description"], row["language"])
    assert occupation is not None and occupation.isco_code == isco
