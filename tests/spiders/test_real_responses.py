"""Source mappings on real recorded responses (tests/spiders/real_responses.py) and on written cases
that pin the quirks those responses showed (and the ones reported in issue 14)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from lxml import etree

from crawler.parsing.pay_bounds import pay_is_plausible
from crawler.sources.arbeitsagentur import posting_fields_from_ba
from crawler.sources.ashby import board_company, posting_fields_from_ashby
from crawler.sources.ats_fields import as_list_html, sections_html
from crawler.sources.greenhouse import place_text, posting_fields_from_greenhouse
from crawler.sources.lever import posting_fields_from_lever
from crawler.sources.personio import posting_fields_from_personio
from crawler.sources.recruitee import posting_fields_from_recruitee
from crawler.sources.stepstone import listing_page_from_html
from crawler.sources.workable import merged_listings, posting_fields_from_workable
from tests.spiders.real_responses import CASES, checked_field_ratio, checked_fields, stored_posting

NOW = datetime(2026, 10, 1, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_real_response_fields(case):
    wrong = [(name, expected, stored) for name, expected, stored in checked_fields(case)
             if stored != expected and name not in case.known_wrong]
    assert wrong == []
    still_wrong = {name for name, expected, stored in checked_fields(case) if stored != expected}
    assert still_wrong == set(case.known_wrong), "a known-wrong field is right now: remove it from known_wrong"


def test_checked_field_ratio_on_real_responses():
    right, total, wrong = checked_field_ratio()
    assert total >= 170
    assert right / total >= 0.98, "\n".join(wrong)


# ---------------------------------------------------------------------------- written cases


@pytest.mark.parametrize(("metadata_value", "employment", "contract"), [
    ("Regular", None, "permanent"),
    ("Full-time", "full_time", None),
    (["Full-Time", "Regular"], "full_time", "permanent"),
    ("Intern", None, "internship"),
    ("Contract", None, "freelance"),
    ("Temporary", None, "fixed_term"),
    ("Werkstudent", None, "working_student"),
])
def test_greenhouse_employment_type_vocabulary(metadata_value, employment, contract):
    job = {"id": 1, "title": "X", "metadata": [{"id": 4010460002, "name": "Employment Type",
                                                 "value": metadata_value, "value_type": "single_select"}]}
    fields = posting_fields_from_greenhouse(job, NOW)
    assert (fields["employment_type"], fields["contract_type"]) == (employment, contract)


def test_greenhouse_office_without_location_is_read_by_name():
    job = {"id": 1, "title": "Support Engineer", "company_name": "Acme ", "location": None,
           "offices": [{"id": 5, "name": "Remote-India (PEO)", "location": None, "parent_id": None}],
           "education": "education_required", "ai_disclaimer": "We use AI to review applications."}
    fields = posting_fields_from_greenhouse(job, NOW)
    assert (fields["location_raw"], fields["workplace_type"], fields["company"]) == ("Remote - India", "remote", "Acme")
    stored = stored_posting({**fields, "url": "https://example.com/jobs/1"}, "greenhouse")
    assert (stored["country"], stored["workplace_type"], stored["requirements"]) == ("IN", "remote", [])
    assert "education_required" not in (stored["description"] or "")


@pytest.mark.parametrize(("text", "place"), [
    ("Remote-India (PEO)", "Remote - India"), ("Remote-Friendly (Travel-Required)", "Remote-Friendly (Travel-Required)"),
    ("Hybrid-London", "Hybrid - London"), ("Berlin (EOR)", "Berlin"), ("New York City, NY", "New York City, NY"),
    ("", None),
])
def test_greenhouse_place_text(text, place):
    assert place_text(text) == place


def test_lever_contract_commitment_and_label_items():
    job = {"id": "a", "text": "Data Contractor", "hostedUrl": "https://jobs.lever.co/x/a",
           "categories": {"commitment": "Contract", "location": "Berlin"},
           "lists": [{"text": "Requirements",
                      "content": "<li>Baseline:</li><li>Python</li><li>SQL</li><li><b>Extra Credit:</b></li><li>Go</li>"}]}
    fields = posting_fields_from_lever(job, NOW)
    assert fields["contract_type"] == "freelance"
    stored = stored_posting(fields, "lever")
    assert not any(item.rstrip().endswith(":") for item in stored["requirements"])
    assert {"Python", "SQL", "Go"} <= set(stored["requirements"])


def test_lever_tag_torn_off_at_the_end_of_a_part_swallows_no_heading():
    job = {"id": "a", "text": "Licensing Associate", "hostedUrl": "https://jobs.lever.co/x/a",
           "lists": [{"text": "Who You Are", "content": "<div><li>Three years in publishing</li><li d"},
                     {"text": "Where You'll Be", "content": "<li>Anywhere in North America</li>"}],
           "additional": "<div>We are an equal opportunity employer.</div><span st"}
    fields = posting_fields_from_lever(job, NOW)
    assert "<li d" not in fields["description"] and "<span st" not in fields["description"]
    stored = stored_posting(fields, "lever")
    assert stored["requirements"] == ["Three years in publishing"]


@pytest.mark.parametrize(("title", "code", "contract"), [
    ("Copywriting Intern", "fulltime_permanent", "internship"),  # bunq's answer
    ("Werkstudent Data Analytics", "parttime_permanent", "working_student"),
    ("Ausbildung Kaufmann für Büromanagement", "fulltime_permanent", "apprenticeship"),
    ("Legal Counsel", "fulltime_permanent", "permanent"),
    ("Marketing Intern", "fulltime_fixed_term", "fixed_term"),  # a contract the code does state stays
    ("Marketing Intern", None, "internship"),
])
def test_recruitee_title_names_a_training_contract_the_code_menu_calls_permanent(title, code, contract):
    offer = {"id": 1, "title": title, "careers_url": "https://x.recruitee.com/o/a", "employment_type_code": code}
    assert posting_fields_from_recruitee(offer, NOW)["contract_type"] == contract


@pytest.mark.parametrize(("status", "workplace"), [
    ("none", None), ("temporary", None), ("onsite", "onsite"), ("hybrid", "hybrid"), ("fully", "remote"),
])
def test_teamtailor_remote_status_none_is_unset_not_onsite(status, workplace):
    from crawler.sources.rss import posting_fields_from_feed_item
    item = etree.fromstring(
        f'<item xmlns:tt="https://teamtailor.com/locations"><title>Designer</title>'
        f"<link>https://x.teamtailor.com/jobs/1-designer</link><remoteStatus>{status}</remoteStatus>"
        "<description>&lt;p&gt;We design things.&lt;/p&gt;</description>"
        "<tt:locations><tt:location><tt:city>Oslo</tt:city><tt:country>Norway</tt:country></tt:location>"
        "</tt:locations></item>".encode())
    assert posting_fields_from_feed_item(item, NOW).get("workplace_type") == workplace


def test_label_item_leaves_the_list_and_parts_are_closed():
    assert as_list_html("<li>Baseline:</li><li>Python</li>") == "<ul></ul><p><strong>Baseline:</strong></p><ul><li>Python</li></ul>"
    assert as_list_html("<li>Note: long texts stay bullets</li>") == "<ul><li>Note: long texts stay bullets</li></ul>"
    joined = sections_html([(None, "<div><ul><li>cut sho"), ("Profile", "<ul><li>Go</li></ul>")])
    assert joined.index("</ul></div>") < joined.index("<h3>Profile</h3>")


def test_ashby_equity_and_empty_address_parts():
    job = {"id": "j", "title": "Engineer", "jobUrl": "https://jobs.ashbyhq.com/acme/j", "employmentType": "FullTime",
           "address": {"postalAddress": {"addressLocality": "", "addressRegion": "", "addressCountry": "Germany"}},
           "compensation": {"summaryComponents": [
               {"compensationType": "EquityPercentage", "interval": "NONE", "currencyCode": None,
                "minValue": 0.1, "maxValue": 0.5},
               {"compensationType": "Salary", "interval": "1 YEAR", "currencyCode": "EUR",
                "minValue": 70000, "maxValue": 90000}]}}
    fields = posting_fields_from_ashby(job, NOW, board="acme")
    assert (fields["city"], fields["region"], fields["country"]) == (None, None, "Germany")
    assert (fields["salary_min"], fields["salary_max"], fields["salary_currency"], fields["salary_period"]) == (
        70000, 90000, "EUR", "year")
    only_equity = {**job, "compensation": {"summaryComponents": job["compensation"]["summaryComponents"][:1]}}
    assert "salary_min" not in posting_fields_from_ashby(only_equity, NOW, board="acme")


@pytest.mark.parametrize(("company", "board", "text", "expected"), [
    ("Acme Robotics GmbH", "acme", "At Acme we build", "Acme Robotics GmbH"),  # the answer names it
    (None, "linear", "At Linear, we build", "Linear"),  # the board as the ad spells it
    (None, "open-ai", "Join OpenAI today", "OpenAI"),
    (None, "zx9", "We build things", "zx9"),  # never written in the ad: the board name as given
])
def test_ashby_company(company, board, text, expected):
    job = {"id": "j", "title": "Engineer", "jobUrl": "https://jobs.ashbyhq.com/x/j", "descriptionPlain": text}
    assert posting_fields_from_ashby(job, NOW, company=company, board=board)["company"] == expected
    assert board_company(None, job) is None


def test_recruitee_requirements_block_with_own_headings_gets_no_extra_heading():
    offer = {"id": 1, "title": "Manager", "careers_url": "https://x.recruitee.com/o/m",
             "salary": {"min": "3750", "max": "5250", "period": "month", "currency": "EUR"},
             "description": "<p>About us</p>",
             "requirements": '<p style="min-height: 1.7em;"></p><h4>Your role</h4><ul><li>Lead</li></ul>'
                             "<h4>Hiring process</h4><ul><li>Intro call</li></ul>",
             "translations": {"en": {"description": "<p>About us</p>", "requirements": "<h4>Your role</h4>"}}}
    fields = posting_fields_from_recruitee(offer, NOW)
    assert "Job requirements" not in fields["description"]
    assert fields["description"].count("About us") == 1
    assert (fields["salary_min"], fields["salary_max"], fields["salary_period"]) == (3750, 5250, "month")
    plain = posting_fields_from_recruitee({**offer, "requirements": "<ul><li>Python</li></ul>"}, NOW)
    assert "<h3>Job requirements</h3>" in plain["description"]


def test_workable_job_listed_per_place_is_one_posting_with_every_place():
    listed = [{"shortcode": "ABC123", "title": "Product Engineer", "city": "Auckland", "country": "New Zealand",
               "url": "https://apply.workable.com/j/ABC123"},
              {"shortcode": "ABC123", "title": "Product Engineer", "city": "Christchurch", "country": "New Zealand",
               "url": "https://apply.workable.com/j/ABC123"},
              {"shortcode": "XYZ999", "title": "Data Scientist", "city": "Wellington", "country": "New Zealand"}]
    jobs = merged_listings(listed)
    assert [job["shortcode"] for job in jobs] == ["ABC123", "XYZ999"]
    fields = posting_fields_from_workable(jobs[0], NOW)
    assert (fields["city"], fields["country"]) == ("Auckland", "New Zealand")
    assert fields["location_raw"] == "Auckland, New Zealand; Christchurch, New Zealand"


def _position(inner: str) -> etree._Element:
    return etree.fromstring(f"<position><id>7</id><name>Engineer</name>{inner}</position>".encode())


@pytest.mark.parametrize(("inner", "expected"), [
    ("<salaryInformation><min>47000000.00</min><max>52000000.00</max><currencyCode>IDR</currencyCode>"
     "<type>monthly</type></salaryInformation>",
     {"salary_min": 47e6, "salary_max": 52e6, "salary_currency": "IDR", "salary_period": "month"}),
    ("<salaryInformation><min>47000000.00</min><currencyCode>EUR</currencyCode><type>monthly</type>"
     "</salaryInformation>", {"salary_min": None, "salary_raw": "47000000.00 EUR monthly"}),
    ("<salaryInformation><min>3200.00</min><currencySymbol>€</currencySymbol><type>monthly</type>"
     "</salaryInformation>", {"salary_min": 3200.0, "salary_max": None, "salary_currency": "EUR"}),
    ("<salaryInformation><min>25.00</min><currencyCode>GBP</currencyCode><type>hourly</type></salaryInformation>",
     {"salary_min": 25.0, "salary_currency": "GBP", "salary_period": "hour"}),
    ("<employmentType>temporary</employmentType>", {"contract_type": "fixed_term"}),
    ("<jobDescriptions></jobDescriptions>", {"description": None}),
])
def test_personio_position_fields(inner, expected):
    fields = posting_fields_from_personio(_position(inner), "acme", NOW)
    assert {name: fields.get(name) for name in expected} == expected


def test_personio_inline_styles_never_reach_the_text():
    value = ('<![CDATA[<p style="font-family:Arial;color:#333">Wir &lt;span style=&quot;font-size:11pt&quot;&gt;'
             'bauen&lt;/span&gt; Roboter</p><style>.x{color:red}</style>]]>')
    fields = posting_fields_from_personio(_position(
        f"<jobDescriptions><jobDescription><name>Aufgaben</name><value>{value}</value></jobDescription>"
        "</jobDescriptions>"), "acme", NOW)
    stored = stored_posting(fields, "personio")
    assert "Wir bauen Roboter" in stored["description"]
    assert not any(word in stored["description"] for word in ("style", "span", "font", "color"))


def test_ba_first_publication_is_date_posted_and_republication_is_history():
    item = {"referenznummer": "10000-1-S", "stellenangebotsTitel": "Data Engineer (m/w/d)",
            "veroeffentlichungszeitraum": {"von": "2026-03-02"}, "datumErsteVeroeffentlichung": "2026-02-20",
            "externeURL": "https://karriere.example.de/jobs/4711?utm_source=arbeitsagentur&utm_medium=job&id=4"}
    fields = posting_fields_from_ba(item, None, NOW)
    assert (fields["date_posted"], fields["date_posted_raw"]) == (date(2026, 2, 20), "2026-02-20")
    assert fields["field_conflicts"]["date_posted"][1] == {"value": "2026-03-02", "source": "source_api",
                                                          "note": "republished"}
    assert fields["apply_url"] == "https://karriere.example.de/jobs/4711?id=4"
    first_only = posting_fields_from_ba({**item, "veroeffentlichungszeitraum": {"von": "2026-02-20"}}, None, NOW)
    assert "field_conflicts" not in first_only
    v4 = posting_fields_from_ba({"refnr": "1-S", "titel": "X", "aktuelleVeroeffentlichungsdatum": "2024-03-25",
                                 "ersteVeroeffentlichungsdatum": "2024-01-10"}, None, NOW)
    assert v4["date_posted"] == date(2024, 1, 10)


@pytest.mark.parametrize(("amount", "currency", "period", "plausible"), [
    (47_000_000, "IDR", "month", True),
    (47_000_000, "EUR", "month", False),
    (95_000, "EUR", "year", True),
    (12_000_000, "JPY", "year", True),
    (12_000_000, None, "year", False),
    (9_000, "USD", "hour", False),
    (0, "EUR", "year", False),
])
def test_pay_plausibility_depends_on_currency_and_period(amount, currency, period, plausible):
    assert pay_is_plausible(amount, currency, period) is plausible


def test_monthly_idr_salary_survives_the_parser_and_the_validator():
    fields = posting_fields_from_personio(_position(
        "<office>Jakarta</office><salaryInformation><min>47000000.00</min><max>60000000.00</max>"
        "<currencySymbol>Rp</currencySymbol><currencyCode>IDR</currencyCode><type>monthly</type>"
        "</salaryInformation>"), "acme", NOW)
    stored = stored_posting(fields, "personio")
    assert (stored["salary_min"], stored["salary_max"], stored["salary_currency"], stored["salary_period"]) == (
        47_000_000, 60_000_000, "IDR", "month")


_CARD = ('<article id="job-item-{id}" data-at="job-item"><h2><a data-at="job-item-title" '
         'href="/stellenangebote--x--{id}-inline.html"><div>{title}</div></a></h2>'
         '<span data-at="job-item-company-name"><span><div>{company}</div></span></span>'
         '<span data-at="job-item-location"><span>{place}</span></span>{home}'
         '<span data-at="job-item-timeago"><time>{age}</time></span></article>')


def test_stepstone_cards_are_read_each_from_its_own_slots():
    home = '<span data-at="job-item-work-from-home"><span>Teilweise Home-Office</span></span>'
    page = ("<div data-resultlist-offers-main-displayed=\"2\">"
            + _CARD.format(id="990051", title="DevOps Engineer (m/w/x)", company="world4you GmbH", place="Wien",
                           home=home, age="vor 22 Stunden")
            + _CARD.format(id="985496", title="Cloud Engineer", company="Internex GmbH", place="1090 Wien", home="",
                           age="vor 1 Woche") + "</div>")
    entries = listing_page_from_html(page, "https://www.stepstone.at/jobs/devops/in-wien", NOW).entries
    assert [(entry.source_id, entry.fields["company"], entry.fields["location_raw"]) for entry in entries] == [
        ("990051", "world4you GmbH", "Wien"), ("985496", "Internex GmbH", "1090 Wien")]
    assert [entry.fields.get("date_posted") for entry in entries] == [date(2026, 9, 30), date(2026, 9, 24)]
    assert [entry.fields.get("workplace_type") for entry in entries] == ["hybrid", None]


def test_real_stepstone_listing_pages_keep_every_result_and_the_next_page():
    from tests.spiders.real_responses import FILES, STEPSTONE_AT_PAGE, STEPSTONE_AT_SAVED, TOTALJOBS_PAGE
    totaljobs = listing_page_from_html((FILES / "stepstone/real/totaljobs-project-manager-uk.html").read_text(
        encoding="utf-8"), TOTALJOBS_PAGE, NOW)
    assert (len(totaljobs.entries), totaljobs.skipped) == (25, 0)
    assert totaljobs.next_url == "https://www.totaljobs.com/jobs/project-manager/in-uk?contract=true&page=2"
    austria = listing_page_from_html((FILES / "stepstone/real/stepstone-at-devops-wien.html").read_text(
        encoding="utf-8"), STEPSTONE_AT_PAGE, STEPSTONE_AT_SAVED)
    assert len(austria.entries) == 10  # the recording kept the first 10 of 25 cards
    assert len({entry.fields["company"] for entry in austria.entries}) > 5
