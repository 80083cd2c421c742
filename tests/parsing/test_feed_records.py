"""One record cut out of a job feed's JavaScript or JSON file (dev17: empllo's feed, 'jobbank'):
the comma after the object, Unix times, pay as figures under their own keys, a list of towns, the
work model's own key."""

from datetime import datetime

import pytest

from crawler.parsing.markdown_text import split_front_matter
from crawler.parsing.posting import parse_document
from crawler.parsing.stated_terms import work_model_lines

RECORD = """    {
      "title": "Hospital Operations Manager",
      "companyName": "GoodVets",
      "jobType": "Full time",
      "workModel": "On site",
      "minSalary": 56000,
      "maxSalary": 70000,
      "currency": "USD",
      "locations": ["Charleston"],
      "description": "\\u003Ch3\\u003EDescription\\u003C/h3\\u003E\\u003Cul\\u003E\\u003Cli\\u003ELead daily hospital operations\\u003C/li\\u003E\\u003Cli\\u003ECreate work schedules\\u003C/li\\u003E\\u003C/ul\\u003E\\u003Ch3\\u003EBenefits\\u003C/h3\\u003E\\u003Cul\\u003E\\u003Cli\\u003EGenerous paid time off\\u003C/li\\u003E\\u003C/ul\\u003E",
      "pubDate": 1772127715
    },
"""


def test_a_feed_record_cut_with_its_comma_is_read_whole():
    posting = parse_document(RECORD, crawled_at=datetime(2026, 3, 1))
    assert posting["responsibilities"] == ["Lead daily hospital operations", "Create work schedules"]
    assert posting["benefits"] == ["Generous paid time off"]
    assert (posting["salary_min"], posting["salary_max"], posting["salary_currency"]) == (56000, 70000, "USD")
    assert (posting["city"], posting["country"]) == ("Charleston", "US")
    assert posting["workplace_type"] == "onsite"
    assert posting["date_posted"].isoformat() == "2026-02-26"


@pytest.mark.parametrize(("record", "expected"), [
    ('{"title": "A", "minSalary": 56000, "maxSalary": 70000, "currency": "USD", "description": "x"}',
     {"salary_min": 56000, "salary_max": 70000, "salary_currency": "USD"}),
    # one bound states both; a zero is a feed's empty figure
    ('{"title": "A", "salary_min": 0, "salary_max": 3000, "salary_currency": "EUR", "description": "x"}',
     {"salary_min": 3000, "salary_max": 3000, "salary_currency": "EUR"}),
    # no currency code, no pay
    ('{"title": "A", "minSalary": 56000, "description": "x"}', {}),
    ('{"title": "A", "minSalary": 56000, "currency": "dollars", "description": "x"}', {}),
])
def test_pay_under_its_own_keys(record, expected):
    fields = split_front_matter(record).fields
    assert {name: fields[name] for name in ("salary_min", "salary_max", "salary_currency") if name in fields} == expected


@pytest.mark.parametrize(("value", "date_posted_raw"), [
    ("1772127715", "2026-02-26"),
    ("1772127715000", "2026-02-26"),  # milliseconds
    ("12345", "12345"),  # no Unix time: kept as written
    ("2024-05-01", "2024-05-01"),
])
def test_unix_times_are_dates(value, date_posted_raw):
    fields = split_front_matter(f'{{"title": "A", "pubDate": "{value}", "description": "x"}}').fields
    assert fields["date_posted_raw"] == date_posted_raw


@pytest.mark.parametrize(("terms", "lines"), [
    ("title: Engineer\nwork model: On site\njob type: Full time", "work model: On site"),
    ("workplace type: Hybrid", "workplace type: Hybrid"),
    ("remote: false\ntitle: Remote Engineer", ""),
])
def test_work_model_lines(terms, lines):
    assert work_model_lines(terms) == lines


# Node's printout of an object (dev17: a job-search API answer printed by a script): long strings split
# into literals joined by "+" at line ends, a double-quoted one where the text holds an apostrophe.
NODE_PRINTOUT = """    {
      title: 'Barista - Temporary',
      company_name: 'SpaceX',
      via: 'via Greenhouse',
      description: 'Responsibilities:\\n' +
        '\\n' +
        '• Set up, work, and maintain a clean and safe work station\\n' +
        "• Follow the team's recipes\\n" +
        '\\n' +
        'Requirements:\\n' +
        '• High school diploma or equivalency certificate\\n',
      job_id: 'eyJqb2JfdGl0bGUiOiJCYXJpc3RhIn0='
    },
"""


def test_a_node_printout_of_an_object_is_read_as_one_record():
    posting = parse_document(NODE_PRINTOUT, crawled_at=datetime(2024, 5, 1))
    assert posting["title"] == "Barista - Temporary"
    assert posting["company"] == "SpaceX"
    assert posting["responsibilities"] == ["Set up, work, and maintain a clean and safe work station",
                                           "Follow the team's recipes"]
    assert posting["requirements"] == ["High school diploma or equivalency certificate"]
    assert "via Greenhouse" not in (posting["description"] or "")


# A schema.org JobPosting kept as a record of its own, an entry of a site component's array (dev17 de_1716).
BARE_JOB_POSTING = """  {
    "@type": "JobPosting",
    "title": "Elektroniker/in für Energie- und Gebäudetechnik (m/w/d)",
    "description": "Sie installieren und warten elektrische Anlagen in Hamburg und Umgebung.",
    "datePosted": "2025-06-01",
    "hiringOrganization": {"@type": "Organization", "name": "Mayer Elektro GmbH"},
    "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Hamburg",
                    "postalCode": "20251", "addressCountry": "DE"}},
    "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                   "value": {"@type": "QuantitativeValue", "minValue": 3200, "maxValue": 4200, "unitText": "MONTH"}}
  },
"""


def test_a_bare_job_posting_record_is_read_as_structured_data():
    posting = parse_document(BARE_JOB_POSTING, crawled_at=datetime(2025, 6, 2))
    assert posting["company"] == "Mayer Elektro GmbH"
    assert (posting["city"], posting["postal_code"], posting["country"]) == ("Hamburg", "20251", "DE")
    assert (posting["salary_min"], posting["salary_max"], posting["salary_currency"], posting["salary_period"]) == (
        3200, 4200, "EUR", "month")
    assert posting["field_sources"]["company"] == "structured_data"


NESTED_RECORD = """export const jobAdDetailsMock = {
  "id": "1b174cee",
  "jobContent": {
    "jobDescriptions": [{"languageIsoCode": "en", "title": "Engineer Java/JEE",
                         "description": "Main duties \\n-Design Java applications\\n-Troubleshooting"}],
    "company": {"name": "SIX Group AG", "street": null, "city": null, "countryIsoCode": null},
    "location": {"remarks": null, "city": "Zürich", "postalCode": null, "countryIsoCode": "CH"}
  }
};
"""


@pytest.mark.parametrize(("document", "expected"), [
    # dev19 en_1905 (a Swiss job-room record kept as a TypeScript mock): the employer and the place nested
    (NESTED_RECORD, {"company": "SIX Group AG", "location_raw": "Zürich, CH"}),
    # a place mapping naming no town, an employer mapping naming nobody: nothing
    ('{"title": "Koch", "job": {"company": {"name": null}, "location": {"countryIsoCode": "DE"}}, "text": "Wir kochen."}',
     {}),
])
def test_nested_record_fields(document, expected):
    fields = split_front_matter(document).fields
    assert {name: fields[name] for name in ("company", "location_raw") if name in fields} == expected


OPENINGS_MODULE = """export const openings = [
    {
        title: 'Disponent/-in für die LKW-Disposition',
        location: 'Berlin',
        tasks: [
            'Einkauf von Transportleistungen',
            'Optimierung von Teilpartien'
        ],
    },
    {
        title: 'Berufskraftfahrer/-in',
        location: 'Hamburg',
    }
];
"""


def test_a_module_exporting_a_list_of_openings_gives_its_first():
    # dev19 de_1908 (a haulage firm's TypeScript list of openings)
    posting = parse_document(OPENINGS_MODULE, crawled_at=datetime(2024, 3, 1))
    assert (posting["title_raw"], posting["city"]) == ("Disponent/-in für die LKW-Disposition", "Berlin")
    assert posting["responsibilities"] == ["Einkauf von Transportleistungen", "Optimierung von Teilpartien"]


PHP_PAGE = """<?php
$pageName = 'Souderton, PA - Short Haul';
$company = 'JBS Carriers';
include('../assets/includes/header.php');
?>
<section><h2><?php echo $pageName; ?></h2>
<h3>Job Description</h3><ul><li>Drive short haul routes from the beef plant</li></ul></section>
"""


def test_a_php_page_setting_its_variables_states_its_fields():
    # dev20 en_2012 (a trucking firm's PHP page): "$company = 'JBS Carriers';" before the markup
    posting = parse_document(PHP_PAGE, crawled_at=datetime(2024, 3, 1))
    assert posting["company"] == "JBS Carriers"
    assert split_front_matter("<?php include('header.php'); ?>\n<p>Koch</p>") is None
