"""Records printed by Python (pprint of an API answer) and record keys that wrap the field's word."""

from datetime import datetime

import pytest

from crawler.parsing.json_record import read_json_object
from crawler.parsing.markdown_text import record_key_alias
from crawler.parsing.posting import parse_document

# The shape of a search API's record as a Python program prints it: None/True/False, trailing
# commas, a long string split into adjacent literals.
PRINTED_RECORD = '''{
    "employer_name": "Harbour Freight Ltd",
    "job_apply_is_direct": False,
    "job_benefits": None,
    "job_city": "Leeds",
    "job_country": "GB",
    "job_description": "Harbour Freight Ltd moves goods across the north of England. "
    "We are looking for a transport planner to join our Leeds depot.\\n\\n"
    "Responsibilities:\\n"
    "\\u2022 Plan daily routes for 40 vehicles\\n"
    "\\u2022 Keep drivers' hours within the rules\\n",
    "job_posted_at": "3 days ago",
    "job_posted_at_datetime_utc": "2025-10-20T00:00:00.000Z",
    "job_title": "Transport Planner",
}
'''


def test_a_printed_record_is_read_with_its_literals():
    data, rest = read_json_object(PRINTED_RECORD)
    assert rest == ""
    assert data["job_apply_is_direct"] is False and data["job_benefits"] is None
    assert data["job_description"].startswith("Harbour Freight Ltd moves goods across the north of England. We are")


def test_a_call_in_a_printed_record_is_never_evaluated():
    data, _rest = read_json_object("{'title': __import__('os').getcwd()}")
    assert data == {"title": "__import__('os').getcwd()"}  # the JavaScript reader's text, not a path


@pytest.mark.parametrize("text", [
    "{'title': 'Planner', ",                   # cut off
    "{" * 5000 + "}" * 5000,                   # nesting too deep for the literal reader
])
def test_what_is_no_printed_record_is_not_read(text):
    assert read_json_object(text) is None


@pytest.mark.parametrize(("key", "alias"), [
    ("job_title", "title"),
    ("employer_name", "employer"),
    ("job_posted_at_datetime_utc", "posted_at"),
    ("job_min_salary", "min_salary"),
    ("job_city", "city"),
    ("name", "name"),                 # nothing but a format word: kept
    ("job", "job"),
    ("company_name", "company"),
    ("contact_phone", "contact_phone"),
])
def test_record_key_alias(key, alias):
    assert record_key_alias(key) == alias


def test_a_printed_search_api_record_gives_its_fields():
    posting = parse_document(PRINTED_RECORD, crawled_at=datetime(2025, 10, 23))
    assert posting["title"] == "Transport Planner"
    assert posting["company"] == "Harbour Freight Ltd"
    assert (posting["city"], posting["country"]) == ("Leeds", "GB")
    # the ISO date, not "3 days ago" under the shorter key
    assert posting["date_posted"].isoformat()[:10] == "2025-10-20"
    assert posting["responsibilities"] == ["Plan daily routes for 40 vehicles", "Keep drivers' hours within the rules"]
