"""Fuzzing every parser function with hypothesis: any text in, no exception, and the output is of
the schema's types, inside its enums and ranges."""

from __future__ import annotations

import math
import re
from datetime import date, datetime

import pytest
from hypothesis import given

from crawler.items import SCHEMA_FIELDS
from crawler.parsing.dates import find_date_posted, parse_date
from crawler.parsing.employer import is_agency_ad
from crawler.parsing.header import Header, read_header
from crawler.parsing.language import detect_language
from crawler.parsing.location import Location, find_location, parse_location
from crawler.parsing.posting import parse_document
from crawler.parsing.qualifications import education_level, experience_years_min, required_languages
from crawler.parsing.salary import MAX_SALARY, Salary, find_salary, parse_salary
from crawler.parsing.sections import Sections, split_sections
from crawler.parsing.skills import find_skills, load_skill_taxonomy
from crawler.parsing.terms import contract_type, employment_type, workplace_type
from crawler.parsing.text import clean_text
from crawler.parsing.title import clean_title, seniority_from_title
from pipelines.validate import ENUMS
from tests.reliability.crawl_process import record
from tests.reliability.fuzz_text import EXAMPLES_RUN, FUZZ, FUZZ_SLOW, any_text, counted, job_pages, moments

LANGUAGE_LEVELS = {"basic", "good", "very_good", "fluent", "native", None}
ISO_639_1 = re.compile(r"^[a-z]{2}$")
ISO_3166_1 = re.compile(r"^[A-Z]{2}$")
ISO_4217 = re.compile(r"^[A-Z]{3}$")
SKILL_NAMES = {skill.name for skill in load_skill_taxonomy()}


@pytest.fixture(scope="module", autouse=True)
def examples_recorded():
    yield
    record("fuzzing the parser functions", properties=len(EXAMPLES_RUN), inputs=sum(EXAMPLES_RUN.values()))


def assert_plain_date(value) -> None:
    assert value is None or (isinstance(value, date) and not isinstance(value, datetime))


def assert_salary(salary) -> None:
    if salary is None:
        return
    assert isinstance(salary, Salary) and isinstance(salary.raw, str)
    figures = [figure for figure in (salary.min, salary.max) if figure is not None]
    assert figures, salary
    assert all(isinstance(figure, (int, float)) and math.isfinite(figure) and 0 < figure <= MAX_SALARY
               for figure in figures), salary
    assert salary.min is None or salary.max is None or salary.min <= salary.max, salary
    assert salary.currency is None or ISO_4217.match(salary.currency), salary
    assert salary.period in ENUMS["salary_period"] | {None}, salary


def assert_location(location) -> None:
    assert isinstance(location, Location)
    for name in ("city", "postal_code", "region", "raw"):
        assert getattr(location, name) is None or isinstance(getattr(location, name), str)
    assert location.country is None or ISO_3166_1.match(location.country), location


@FUZZ
@given(any_text, moments)
@counted
def test_parse_date(text, now):
    assert_plain_date(parse_date(text, now))


@FUZZ
@given(any_text, moments)
@counted
def test_find_date_posted(text, now):
    posted, raw = find_date_posted(text, now)
    assert_plain_date(posted)
    assert raw is None or isinstance(raw, str)


@FUZZ
@given(any_text)
@counted
def test_parse_salary(text):
    assert_salary(parse_salary(text))


@FUZZ
@given(any_text)
@counted
def test_find_salary(text):
    assert_salary(find_salary(text))


@FUZZ
@given(any_text, any_text)
@counted
def test_clean_title(raw, company):
    title = clean_title(raw, company)
    assert isinstance(title, str) and "\n" not in title and title == title.strip()


@FUZZ
@given(any_text)
@counted
def test_seniority_from_title(title):
    assert seniority_from_title(title) in ENUMS["seniority"] | {None}


@FUZZ
@given(any_text)
@counted
def test_parse_location(text):
    assert_location(parse_location(text))


@FUZZ
@given(any_text)
@counted
def test_find_location(text):
    location = find_location(text)
    if location is not None:
        assert_location(location)


@FUZZ
@given(any_text)
@counted
def test_terms(text):
    assert workplace_type(text) in ENUMS["workplace_type"] | {None}
    assert employment_type(text) in ENUMS["employment_type"] | {None}
    assert contract_type(text) in ENUMS["contract_type"] | {None}


@FUZZ
@given(any_text)
@counted
def test_experience_years_min(text):
    years = experience_years_min(text)
    assert years is None or (isinstance(years, int) and 0 <= years <= 50)


@FUZZ
@given(any_text)
@counted
def test_education_level(text):
    assert education_level(text) in ENUMS["education_level"] | {None}


@FUZZ
@given(any_text)
@counted
def test_required_languages(text):
    languages = required_languages(text)
    assert isinstance(languages, list)
    for entry in languages:
        assert set(entry) == {"language", "level"}
        assert ISO_639_1.match(entry["language"]) and entry["level"] in LANGUAGE_LEVELS
    codes = [entry["language"] for entry in languages]
    assert codes == sorted(set(codes))


@FUZZ
@given(any_text)
@counted
def test_is_agency_ad(text):
    assert is_agency_ad(text) in (True, False)


@FUZZ
@given(any_text)
@counted
def test_detect_language(text):
    language = detect_language(text)
    assert language is None or ISO_639_1.match(language)


@FUZZ
@given(any_text)
@counted
def test_find_skills(text):
    skills = find_skills(text)
    assert set(skills) <= SKILL_NAMES
    assert skills == sorted(set(skills), key=str.lower)


@FUZZ
@given(any_text)
@counted
def test_clean_text(document):
    text = clean_text(document)
    assert isinstance(text, str) and "\x00" not in text


@FUZZ
@given(any_text)
@counted
def test_split_sections(text):
    sections = split_sections(text)
    assert isinstance(sections, Sections)
    for name in ("responsibilities", "requirements", "benefits", "other"):
        items = getattr(sections, name)
        assert isinstance(items, list) and all(isinstance(item, str) and item for item in items)
    assert sections.company_description is None or isinstance(sections.company_description, str)


@FUZZ
@given(any_text)
@counted
def test_read_header(text):
    header = read_header(text)
    assert isinstance(header, Header)
    for name in ("title", "company", "location", "salary", "date"):
        assert getattr(header, name) is None or isinstance(getattr(header, name), str)
    assert all(isinstance(line, str) for line in header.lines + header.terms)


@FUZZ_SLOW
@given(any_text | job_pages(), moments)
@counted
def test_parse_document(document, now):
    posting = parse_document(document, crawled_at=now, url="https://example.de/jobs/1")
    assert set(SCHEMA_FIELDS) <= set(posting)
    for name, allowed in ENUMS.items():
        assert posting[name] in allowed | {None}, (name, posting[name])
    for name in ("date_posted", "valid_through", "start_date"):
        assert_plain_date(posting[name])
    for name in ("skills", "responsibilities", "requirements", "benefits", "languages"):
        assert isinstance(posting[name], list)
    assert isinstance(posting["via_agency"], bool)
    assert posting["country"] is None or ISO_3166_1.match(posting["country"])
    assert posting["ad_language"] is None or ISO_639_1.match(posting["ad_language"])
