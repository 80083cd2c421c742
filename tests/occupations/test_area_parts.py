"""A title's first part naming an area of work and no job: the job is read from the part after it
(area_parts.py). Real titles: eval_set.csv dev rows (id given), as classify's parts see them."""

import pytest

from crawler.occupations.area_parts import names_area_only, names_job_with_field
from crawler.occupations.classify import classify_occupation
from crawler.occupations.index import load_index


@pytest.mark.parametrize(
    ("part", "area_only"),
    [
        # en_gen_002 "Logistics - Transportation Coordinator" (Gentis job page, manpreet-kbiz/Grav).
        ("logistics", True),
        ("finance", True),
        # de_fe_003 "Fachkraft für Materialwirtschaft / Lagerlogistik" renders its field so.
        ("warehouse logistics", True),
        # en_files_003 "Account Executive, Mid Market - UKI": 'executive' ends labels in 8 families.
        ("account executive", False),
        # en_nyc_005 "Crew Chief, … Pest Control Services": a rank.
        ("crew chief", False),
        # en_kk_013 "Educational Teaching Assistant - West Bretton …": 'assistant' is a job word.
        ("educational teaching assistant", False),
        # de_pb2_011 "12 Monate++ | Scrum Master (m/w/d) | Wien": signs left of a number are no area.
        ("+", False),
        # A role noun, and a title that is an occupation's label.
        ("dispatcher", False),
        ("customer service", False),
    ],
)
def test_a_part_naming_only_an_area(part, area_only):
    assert names_area_only(load_index(), part) is area_only


@pytest.mark.parametrize(
    ("part", "job_with_field"),
    [
        ("transportation coordinator", True),
        ("accounts payable clerk", True),
        # A bare role needs the area to say its field; a place names no job.
        ("clerk", False),
        ("bedfordshire", False),
        ("mid market", False),
    ],
)
def test_a_part_naming_a_job_and_its_field(part, job_with_field):
    assert names_job_with_field(load_index(), part) is job_with_field


@pytest.mark.parametrize(
    ("title", "language", "isco_code"),
    [
        # en_gen_002: read as "logistics" alone it was ESCO's logistics and distribution MANAGER (1324);
        # the ad schedules deliveries and audits freight payments (transport clerk, 4323).
        ("Logistics - Transportation Coordinator", "en", "4323"),
        ("Finance - Accounts Payable Clerk", "en", "4311"),
        # The reverse order (a job naming no field, then the field) is classify's generic-head rule.
        ("Kaufmännischer Mitarbeiter – Buchhaltung", "de", "4311"),
    ],
)
def test_titles_with_the_area_first(title, language, isco_code):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == isco_code
