"""Titles wrapped in a label or absent from the top (issue 12, dev13): 'Job Description for …' over a
copied ATS page, a LinkedIn paste that opens with its 'About the job' heading and names the role only in
its hiring sentence ('Citi is actively seeking highly motivated Placement Analysts …')."""

import pytest

from crawler.parsing.header import read_header
from crawler.parsing.title import clean_title
from crawler.parsing.title_in_text import role_from_hiring_sentence


@pytest.mark.parametrize(("raw", "title"), [
    ("Job Description for Associate Lead, Software Development Engineer in Test (SDET)",
     "Associate Lead, Software Development Engineer in Test (SDET)"),
    ("Vacancy for the position of Staff Nurse", "Staff Nurse"),
    ("Job Posting for Data Engineer", "Data Engineer"),
    # the words as the role's own
    ("Job Description Writer", "Job Description Writer"),
    ("Vacancy Manager", "Vacancy Manager"),
])
def test_the_kind_of_text_before_the_role_leaves_the_title(raw, title):
    assert clean_title(raw) == title


@pytest.mark.parametrize(("text", "title"), [
    ("About the job\nCiti is actively seeking highly motivated Placement Analysts to join its team in Zurich, "
     "commencing in January for 6 months.", None),
    ("About the role\n\nWe build payment software for clinics.", None),
    ("Placement Analyst\nAbout the job\nCiti is seeking analysts.", "Placement Analyst"),
])
def test_a_section_heading_at_the_top_is_no_title(text, title):
    assert read_header(text).title == title


@pytest.mark.parametrize(("text", "role"), [
    ("Citi is actively seeking highly motivated Placement Analysts to join its Investment Banking team in Zurich.",
     "Placement Analyst"),
    ("Acme is currently hiring a Backend Engineer.", "Backend Engineer"),
    ("Kestrel is urgently looking for an experienced Staff Nurse to join the ward.", "Staff Nurse"),
    # the sentence's end ends the role (dev14 en_1417); an abbreviation's dot does not
    ("Trolley is seeking a self-driven, analytical individual to join our team as an Analytics Engineer. "
     "Reporting to the VP of Product, this role manages the pipeline.", "Analytics Engineer"),
    ("We are hiring a Sr. Software Engineer to join us.", "Sr. Software Engineer"),
])
def test_the_hiring_sentence_with_an_adverb_names_the_role(text, role):
    assert role_from_hiring_sentence(text) == role
