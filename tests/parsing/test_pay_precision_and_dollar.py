"""The pay a source rounds, and the dollar a bare "$" means where the job is (dev20, dev21)."""

import pytest

from crawler.parsing.arbitration import arbitrate_salary
from crawler.parsing.posting import parse_document
from crawler.parsing.provenance import BOARD_HEADER, STRUCTURED_DATA
from crawler.parsing.salary import Salary


@pytest.mark.parametrize(("source", "stated", "written", "expected"), [
    # dev21 en_2110 / en_2114 (Jora records): the board's "$36 - $36 an hour", the ad's "$36.33 per hour"
    (BOARD_HEADER, (36.0, 36.0), (36.33, 36.33), (36.33, 36.33)),
    (STRUCTURED_DATA, (89861.0, 89861.0), (89861.43, 89861.43), (89861.43, 89861.43)),
    # the same whole figure, or a figure a whole unit away, stays the source's
    (BOARD_HEADER, (36.0, 40.0), (36.0, 40.0), (36.0, 40.0)),
    (BOARD_HEADER, (36.0, 36.0), (37.5, 37.5), (36.0, 36.0)),
])
def test_a_source_s_rounded_pay_takes_the_ad_s_fraction(source, stated, written, expected):
    posting = {"salary_min": stated[0], "salary_max": stated[1], "salary_currency": "USD", "salary_period": "hour",
               "salary_raw": None, "field_sources": {"salary_min": source, "salary_max": source},
               "field_conflicts": {}}
    arbitrate_salary(posting, Salary(written[0], written[1], "USD", "hour", "written"))
    assert (posting["salary_min"], posting["salary_max"]) == expected


@pytest.mark.parametrize(("text", "currency"), [
    ("Clerical Officer\nSydney NSW, Australia\n\n$36.33 per hour plus superannuation.", "AUD"),
    ("Junior Software Developer\nOttawa, Ontario, Canada\n\nSalary: $60,000 - $70,000 per year.", "CAD"),
    ("Junior Software Developer\nAustin, Texas, United States\n\nSalary: $60,000 - $70,000 per year.", "USD"),
    # a dollar named as the US one stays
    ("Support Engineer\nSydney NSW, Australia\n\nSalary: US$60,000 - US$70,000 per year.", "USD"),
])
def test_a_bare_dollar_is_the_dollar_of_the_job_s_country(text, currency):
    assert parse_document(text)["salary_currency"] == currency



@pytest.mark.parametrize(("text", "bounds"), [
    # dev23 en_2308 (Costco's Taleo page): a grade before the range is no low end
    ("Pay Ranges: Level 3 - $130,000 - $160,000", (130000.0, 160000.0)),
    # ... while a range that writes its currency once stays one range
    ("Salary: 45,000 - £55,000 per year", (45000.0, 55000.0)),
    ("Salary: 55 - 65 T€", (55000.0, 65000.0)),
])
def test_a_grade_before_a_pay_range_is_no_low_end(text, bounds):
    from crawler.parsing.salary import find_salary

    salary = find_salary(text)
    assert (salary.min, salary.max) == bounds
