"""Acronyms a title uses and its ad spells out are read in full (crawler/occupations/acronyms.py)."""

import csv
from pathlib import Path

import pytest

from crawler.occupations.acronyms import defined_in_brackets, spell_out_acronyms
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
        ("QSW Fostering Social Worker", None, "QSW Fostering Social Worker"),
    ],
)
def test_spelled_out_acronyms(title, description, expected):
    assert spell_out_acronyms(title, description) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # The parts of the UK nurses' register are spelled out without the ad's help (Adzuna titles,
        # unseen_probe.csv batch 4: "RMN or RNLD", "Clinical Lead RGN or RMN Sunderland").
        ("RGN Staff Nurse", "Registered General Nurse Staff Nurse"),
        ("RMN or RNLD", "Registered Mental Health Nurse or Registered Learning Disability Nurse"),
        # A manager's letters are the qualification the post asks for, not the job.
        ("RGN Home Manager", "Home Manager"),
    ],
)
def test_register_acronyms_without_the_ads_text(title, expected):
    assert spell_out_acronyms(title, None).strip() == expected


def test_register_acronyms_stay_in_german_titles():
    assert spell_out_acronyms("RGN Pflegekraft", None, german=True) == "RGN Pflegekraft"


@pytest.mark.parametrize(
    ("title", "isco"),
    [("RMN or RNLD", "2221"), ("Clinical Lead RGN or RMN Sunderland", "2221"), ("RGN Home Manager", "1343")],
)
def test_register_titles_read(title, isco):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(("row_id", "isco"), [("en_adz_003", "2221"), ("en_adz_018", "2152")])
def test_real_ads_with_acronyms(row_id, isco):
    # Adzuna ads: "RGN, Elderly Care, Nursing Home Newcastle" was a health care assistant (5321),
    # "Responsible CI Engineer" an equipment engineer (2144).
    row = next(r for r in csv.DictReader(EVAL_SET.open(encoding="utf-8")) if r["id"] == row_id)
    occupation = classify_occupation(row["title"], row["description"], row["language"])
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("acronym", "text", "expected"),
    [
        # German ads define the acronym in brackets, adjectives in lower case, nouns as compounds.
        ("ZFA", "Wir suchen eine zahnmedizinische Fachangestellte (ZFA) mit Erfahrung", "zahnmedizinische Fachangestellte"),
        ("PTA", "Als Pharmazeutisch-technischer Assistent (PTA) arbeitest Du", "Pharmazeutisch-technischer Assistent"),
        ("ODP", "we need an Operating Department Practitioner (ODP) for theatres", "Operating Department Practitioner"),
        # The fewest words that hold the letters: "eine" before the job is not part of it.
        ("MFA", "Sie sind eine Medizinische Fachangestellte (MFA)", "Medizinische Fachangestellte"),
        # Not defined in brackets, or words that do not hold the letters in order.
        ("MFA", "Auszubildende zur MFA gesucht", None),
        ("PDL", "Ihre Aufgaben (PDL) im Überblick", None),
    ],
)
def test_acronyms_defined_in_brackets(acronym, text, expected):
    assert defined_in_brackets(acronym, text) == expected


@pytest.mark.parametrize(
    ("title", "description", "expected"),
    [
        ("Stellenanzeige ZFA", "Wir sind eine Praxis und suchen eine zahnmedizinische Fachangestellte (ZFA).",
         "Stellenanzeige zahnmedizinische Fachangestellte"),
        # A German ad's capitalised nouns are no spelled-out form: only a bracket defines an acronym.
        ("PDL (m/w/d)", "Pflege Dienst Leitung gesucht", "PDL (m/w/d)"),
        # An acronym joined by a hyphen is part of a compound naming the field: kept.
        ("NOC-Mitarbeiter / Dispatcher (m/w/d)", "für unser Network Operation Center (NOC)",
         "NOC-Mitarbeiter / Dispatcher (m/w/d)"),
    ],
)
def test_german_titles_spell_out_only_acronyms_defined_in_brackets(title, description, expected):
    assert spell_out_acronyms(title, description, german=True) == expected


@pytest.mark.parametrize(
    ("row_id", "spelled"),
    [
        # de_zpw_000 (Zahnarztpraxis Wedding, bobangajicsm/zahnarztpraxis): with the title lexicon off
        # the title was null; spelled out it is ESCO's German label of the dental chairside assistant.
        ("de_zpw_000", "Stellenanzeige zahnmedizinische Fachangestellte"),
        # de_pb_067 "NOC-Mitarbeiter / Dispatcher": the ad defines NOC, but the compound keeps it.
        ("de_pb_067", "NOC-Mitarbeiter / Dispatcher (m/w/d)"),
    ],
)
def test_real_german_ads_with_acronyms(row_id, spelled):
    row = next(r for r in csv.DictReader(EVAL_SET.open(encoding="utf-8")) if r["id"] == row_id)
    assert spell_out_acronyms(row["title"], row["description"], german=True) == spelled


@pytest.mark.parametrize(
    ("title", "description", "expected"),
    [
        # Lower-case words spell the acronym only before the word the title writes after it.
        ("FB Assistant", "Food and beverage assistant for an upmarket hotel", "Food and beverage Assistant"),
        ("CS Advisor - Leeds", "Join us as a customer service advisor in our contact centre",
         "customer service Advisor - Leeds"),
        ("FB Assistant", "Our food and beverage team serves three restaurants.", "FB Assistant"),
        ("HCA", "We need a health care assistant for nights.", "HCA"),
    ],
)
def test_acronyms_spelled_in_lower_case_before_the_same_head(title, description, expected):
    assert spell_out_acronyms(title, description) == expected


def test_real_ad_with_a_lower_case_spelled_acronym():
    # en_adz_076 (Adzuna sample): "FB Assistant", the ad's "Food and beverage assistant": a waiter.
    row = next(r for r in csv.DictReader(EVAL_SET.open(encoding="utf-8")) if r["id"] == "en_adz_076")
    assert classify_occupation(row["title"], row["description"], row["language"]).isco_code == "5131"
