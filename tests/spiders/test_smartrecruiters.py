"""The smartrecruiters spider: the posting mapping, list paging with detail requests, and real crawls."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from crawler.sources.smartrecruiters import part_lists, posting_fields_from_smartrecruiters
from tests.spiders.real_responses import stored_posting
from tests.spiders.scenarios import FILES, Scenario, json_reply, run_scenarios
from tests.support.fixture_server import Reply

SMARTRECRUITERS = FILES / "smartrecruiters"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
POSTINGS = "/v1/companies/BrueckenwerkGroup/postings"
SCIENTIST, TECHNICIAN, EMBEDDED = "744000200100001", "744000200100002", "744000200100003"
REAL_POSTINGS, REAL_AI_ENGINEER = "/v1/companies/smartrecruiters/postings", "744000132911099"


def detail(posting_id: str) -> dict:
    return json.loads((SMARTRECRUITERS / f"posting_{posting_id}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("posting", "expected"), [
    pytest.param(detail(SCIENTIST), {
        "url": f"https://jobs.smartrecruiters.com/BrueckenwerkGroup/{SCIENTIST}-data-scientist-m-w-d-",
        "apply_url": f"https://jobs.smartrecruiters.com/BrueckenwerkGroup/{SCIENTIST}-data-scientist-m-w-d-?oga=true",
        "source_id": SCIENTIST, "requisition_id": "REF4711K", "title_raw": "Data Scientist (m/w/d)",
        "company": "Brückenwerk Group", "location_raw": "Stuttgart, BW, Germany", "city": "Stuttgart",
        # as stated (the code upper-cased); the parser turns "BW" into the state's name
        "postal_code": "70565", "region": "BW", "country": "DE", "workplace_type": "hybrid",
        "employment_type": "full_time", "contract_type": "permanent",
        "date_posted": date(2026, 11, 12), "date_posted_raw": "2026-11-12T07:45:10.127Z",
    }, id="german-hybrid"),
    pytest.param(detail(TECHNICIAN), {"workplace_type": "onsite", "city": "Bremen", "region": "HB"},
                 id="both-flags-false-is-on-site"),
    pytest.param(detail(EMBEDDED), {"workplace_type": "remote", "employment_type": "part_time", "city": "Nürnberg"},
                 id="remote-part-time"),
    pytest.param(detail("744000200100011"), {"workplace_type": None, "city": None, "country": "DE",
                                             "location_raw": "Germany", "requisition_id": None},
                 id="country-only-no-hybrid-flag"),
    pytest.param({"id": "42", "name": "Job", "company": {"identifier": "Acme", "name": "Acme"}},
                 {"url": "https://jobs.smartrecruiters.com/Acme/42", "description": None}, id="list-item-only"),
])
def test_posting_fields_from_smartrecruiters(posting, expected):
    fields = posting_fields_from_smartrecruiters(posting, NOW)
    assert {name: fields.get(name) for name in expected} == expected


def test_sections_keep_their_titles_as_headings():
    description = posting_fields_from_smartrecruiters(detail(SCIENTIST), NOW)["description"]
    assert description.startswith("<h3>Unternehmensbeschreibung</h3>\n<p>Die Brückenwerk Group")
    assert [line for line in description.splitlines() if line.startswith("<h3>")] == [
        "<h3>Unternehmensbeschreibung</h3>", "<h3>Stellenbeschreibung</h3>", "<h3>Qualifikationen</h3>",
        "<h3>Zusätzliche Informationen</h3>"]


def _with_additional_information(title: str, text: str) -> dict:
    posting = detail(TECHNICIAN)
    sections = {**posting["jobAd"]["sections"], "additionalInformation": {"title": title, "text": text}}
    return {**posting, "jobAd": {**posting["jobAd"], "sections": sections}}


# The posting form's last part, "Additional Information", is where employers put what they offer,
# an equal-opportunity statement or notes on applying: its list is read as benefits by its items.
@pytest.mark.parametrize(("title", "text", "benefits"), [
    # chudleycannon/job-radar tests/fixtures/smartrecruiters_posting.json (Scalable GmbH), first items
    pytest.param("Additional Information",
                 "<ul><li>Be productive with the latest hardware and tools</li><li>Learn and grow by joining our "
                 "career development sessions and spending your individual Education Budget&#xa0;</li>"
                 "<li>International relocation support is provided if required&#xa0;</li></ul>",
                 ["Be productive with the latest hardware and tools",
                  "Learn and grow by joining our career development sessions and spending your individual "
                  "Education Budget", "International relocation support is provided if required"],
                 id="real-benefits-list"),
    pytest.param("Zusätzliche Informationen",
                 "<ul><li>30 Tage Urlaub</li><li>JobRad und Deutschlandticket</li>"
                 "<li>Betriebliche Altersvorsorge</li></ul>",
                 ["30 Tage Urlaub", "JobRad und Deutschlandticket", "Betriebliche Altersvorsorge"],
                 id="german-benefits-list"),
    pytest.param("Additional Information",
                 "<p>All your information will be kept confidential according to EEO guidelines.</p>", [],
                 id="equal-opportunity-statement"),
    pytest.param("Additional Information",
                 "<ul><li>Please send your CV in English</li><li>We only consider applications sent through "
                 "this page</li><li>Interviews take place in Bremen</li></ul>", [],
                 id="notes-on-applying"),
    pytest.param("Additional Information",
                 "<ul><li>Company car</li><li>Please apply in English</li>"
                 "<li>Interviews take place in Bremen</li></ul>", [],
                 id="mixed-list-is-not-decided"),
])
def test_additional_information_is_benefits_when_its_items_are(title, text, benefits):
    fields = posting_fields_from_smartrecruiters(_with_additional_information(title, text), NOW)
    assert stored_posting(fields, "smartrecruiters")["benefits"] == benefits


def test_additional_information_under_a_benefits_title_holds_benefits():
    text = "<ul><li>Company car</li><li>Please apply in English</li></ul>"
    fields = posting_fields_from_smartrecruiters(_with_additional_information("What we offer", text), NOW)
    assert fields["benefits"] == ["Company car", "Please apply in English"]
    assert stored_posting(fields, "smartrecruiters")["benefits"] == ["Company car", "Please apply in English"]


def test_empty_sections_are_left_out():
    description = posting_fields_from_smartrecruiters(detail("744000200100011"), NOW)["description"]
    assert "Qualifikationen" not in description and "Stellenbeschreibung" in description


def details(*posting_ids: str) -> dict[str, Reply]:
    return {f"{POSTINGS}/{posting_id}": json_reply(SMARTRECRUITERS / f"posting_{posting_id}.json")
            for posting_id in posting_ids}


SCENARIOS = {
    "normal": Scenario({f"{POSTINGS}?limit=2&offset=0": json_reply(SMARTRECRUITERS / "postings_page_1.json"),
                        f"{POSTINGS}?limit=2&offset=2": json_reply(SMARTRECRUITERS / "postings_page_2.json"),
                        **details(SCIENTIST, TECHNICIAN, EMBEDDED)},
                       {"company": "BrueckenwerkGroup", "page_size": "2"}),
    # SmartRecruiters' answer to an unknown company: 200 and nothing found.
    "empty": Scenario({f"{POSTINGS}?limit=100&offset=0": json_reply(SMARTRECRUITERS / "empty.json")},
                      {"company": "BrueckenwerkGroup"}),
    "not_found": Scenario({}, {"company": "BrueckenwerkGroup"}),
    "odd": Scenario({f"{POSTINGS}?limit=100&offset=0": json_reply(SMARTRECRUITERS / "odd_postings.json"),
                     f"{POSTINGS}/744000200100099": json_reply(SMARTRECRUITERS / "posting_not_found.json", status=404),
                     **details("744000200100011", "744000200100012")},
                    {"company": "BrueckenwerkGroup"}),
    "detail_fails": Scenario({f"{POSTINGS}?limit=2&offset=0": json_reply(SMARTRECRUITERS / "postings_page_1.json"),
                              f"{POSTINGS}?limit=2&offset=2": json_reply(SMARTRECRUITERS / "postings_page_2.json"),
                              **details(SCIENTIST, TECHNICIAN),
                              f"{POSTINGS}/{EMBEDDED}": Reply('{"message":"Internal error"}', status=500)},
                             {"company": "BrueckenwerkGroup", "page_size": "2"}, settings={"RETRY_TIMES": "1"}),
    # Real recorded answers (tests/files/SOURCES.md, aravindpranav/job-agent): the company's whole list
    # (5 postings, totalFound 5) and the detail of its first posting. The other four details were not
    # recorded: the fixture server answers 404 for them, SmartRecruiters' answer for a closed posting.
    "real": Scenario({f"{REAL_POSTINGS}?limit=100&offset=0": json_reply(SMARTRECRUITERS / "real" / "smartrecruiters_postings.json"),
                      f"{REAL_POSTINGS}/{REAL_AI_ENGINEER}":
                          json_reply(SMARTRECRUITERS / "real" / "smartrecruiters_ai_engineer_posting.json")},
                     {"company": "smartrecruiters"}),
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    return run_scenarios("smartrecruiters", SCENARIOS, tmp_path_factory.mktemp("smartrecruiters"))


def test_pages_and_details_are_read(crawled):
    normal = crawled["normal"]
    assert normal.result.returncode == 0, normal.result.stderr[-2000:]
    assert sorted(normal.requests) == sorted([f"{POSTINGS}?limit=2&offset=0", f"{POSTINGS}?limit=2&offset=2",
                                              f"{POSTINGS}/{SCIENTIST}", f"{POSTINGS}/{TECHNICIAN}",
                                              f"{POSTINGS}/{EMBEDDED}"])
    assert set(normal.postings) == {SCIENTIST, TECHNICIAN, EMBEDDED}
    assert (normal.run.status, normal.run.listing_complete) == ("succeeded", True)


@pytest.mark.parametrize(("source_id", "column", "expected"), [
    (SCIENTIST, "title", "Data Scientist"),
    (SCIENTIST, "company", "Brückenwerk Group"),
    (SCIENTIST, "city", "Stuttgart"),
    (SCIENTIST, "postal_code", "70565"),
    (SCIENTIST, "country", "DE"),
    (SCIENTIST, "date_posted", date(2026, 11, 12)),
    (SCIENTIST, "workplace_type", "hybrid"),
    (SCIENTIST, "requisition_id", "REF4711K"),
    (SCIENTIST, "experience_years_min", 3),
    (SCIENTIST, "url", f"https://jobs.smartrecruiters.com/BrueckenwerkGroup/{SCIENTIST}-data-scientist-m-w-d-"),
    (TECHNICIAN, "workplace_type", "onsite"),
    (TECHNICIAN, "ad_language", "en"),
    (EMBEDDED, "workplace_type", "remote"),
    (EMBEDDED, "employment_type", "part_time"),
])
def test_normal_company_columns(crawled, source_id, column, expected):
    assert getattr(crawled["normal"].postings[source_id], column) == expected


def test_sections_reach_the_parser(crawled):
    scientist = crawled["normal"].postings[SCIENTIST]
    assert "Mindestens 3 Jahre Berufserfahrung als Data Scientist" in scientist.requirements


def test_recruiter_names_are_not_stored(crawled):
    for run in crawled.values():
        assert all("Talent Acquisition Team" not in (row.description or "") for row in run.postings.values())
        assert all("creator" not in (row.payload or "") for row in run.rejections)


def test_empty_answer_is_degraded(crawled):
    empty = crawled["empty"]
    assert empty.result.returncode != 0
    assert (empty.run.status, empty.run.reason, empty.postings) == ("degraded", "zero items", {})
    assert "unknown (or wrongly capitalised) company identifier" in empty.result.stderr


def test_listing_404_fails_with_reason(crawled):
    not_found = crawled["not_found"]
    assert not_found.run.status == "failed"
    assert not_found.run.reason.startswith("smartrecruiters company 'BrueckenwerkGroup' not found (HTTP 404")


def test_odd_company(crawled):
    odd = crawled["odd"]
    assert set(odd.postings) == {"744000200100011"}
    assert (odd.postings["744000200100011"].city, odd.postings["744000200100011"].country) == (None, "DE")
    assert odd.stats["jobcrawl/skipped/closed_before_detail"] == 1
    assert [r.reason for r in odd.rejections] == ["missing title"]
    assert (odd.run.status, odd.run.listing_complete) == ("succeeded", True)


def test_a_failed_detail_leaves_the_listing_incomplete(crawled):
    failed = crawled["detail_fails"]
    assert set(failed.postings) == {SCIENTIST, TECHNICIAN}
    assert failed.run.status == "succeeded"
    assert failed.run.listing_complete is False
    assert failed.stats["jobcrawl/listing/incomplete"] == 1


def test_real_recorded_list_and_detail_are_crawled(crawled):
    real = crawled["real"]
    assert real.result.returncode == 0, real.result.stderr[-2000:]
    assert len([path for path in real.requests if path.startswith(f"{REAL_POSTINGS}/")]) == 5
    assert (real.run.status, real.run.items, real.run.listing_complete) == ("succeeded", 1, True)
    assert real.stats["jobcrawl/skipped/closed_before_detail"] == 4
    posting = real.postings[REAL_AI_ENGINEER]
    # the list item's place {"city": "United Kingdom", "region": "REMOTE", "country": "gb"}
    assert (posting.city, posting.region, posting.country, posting.workplace_type) == (None, None, "GB", "remote")
    assert (posting.title, posting.company, posting.requisition_id) == ("Senior AI Engineer", "SmartRecruiters Inc",
                                                                        "REF1915U")
    assert (len(posting.responsibilities), len(posting.requirements), posting.benefits) == (7, 12, [])
    assert "Fluency in English, both written and spoken" in posting.requirements


@pytest.mark.parametrize(("fragment", "lists"), [
    # Pranav252005/LinkedinClassifier tests/fixtures/smartrecruiters_detail.json (Ubisoft), shortened:
    # the heading is the bold line closing a paragraph, a nested list belongs to its item
    pytest.param("<p>This is a key support role.&#xa0;<br>\n<br>\n<strong>Responsibilities</strong></p>"
                 "<ul><li>Produce and maintain shaders</li></ul><p>&#xa0;</p><ul></ul>",
                 [("Responsibilities", ["Produce and maintain shaders"])], id="real-trailing-bold-heading"),
    pytest.param("<ul><li>Experience in multiple areas of game development:<ul><li>Shaders</li><li>FX</li></ul></li>"
                 "<li>HLSL</li></ul>",
                 [(None, ["Experience in multiple areas of game development: Shaders, FX", "HLSL"])],
                 id="real-nested-list"),
    # haydenham/vertical-job-digest tests/fixtures/smartrecruiters_detail.json (Vitol), shortened
    pytest.param("<ul><li>Excellent written and spoken English.</li></ul><p><strong>Qualifications and skills that "
                 "will help you stand out</strong></p><ul><li>Working knowledge of GCP or Azure.</li></ul>",
                 [(None, ["Excellent written and spoken English."]),
                  ("Qualifications and skills that will help you stand out", ["Working knowledge of GCP or Azure."])],
                 id="real-bold-sub-heading"),
    pytest.param("<p>To be successful in this role you have:</p><ul><li>Java</li></ul>",
                 [("To be successful in this role you have", ["Java"])], id="colon-line"),
    pytest.param("<p>We build bridges. Our teams work in <strong>Bremen</strong> and Hamburg.</p><ul><li>Java</li></ul>",
                 [(None, ["Java"])], id="prose-with-bold-word-is-no-heading"),
    pytest.param("<p>No list here</p>", [], id="no-list"),
    pytest.param("<ul><li>Building rapport across different communication cha", [(None, ["Building rapport across "
                 "different communication cha"])], id="real-cut-off-item"),
])
def test_part_lists(fragment, lists):
    assert part_lists(fragment) == lists


def _posting_with(sections: dict, **extra) -> dict:
    posting = detail(TECHNICIAN)
    return {**posting, "jobAd": {"sections": sections}, **extra}


@pytest.mark.parametrize(("sections", "expected"), [
    # Aaronearlerichardson/Jobs (Guidehealth): a sub-heading the parser does not know keeps the part's meaning
    pytest.param({"jobDescription": {"title": "Job Description", "text": "<p><strong>What You'll Be Doing</strong></p>"
                                     "<ul><li>Reaching out to patients</li><li>Building rapport</li></ul>"},
                  "qualifications": {"title": "Qualifications", "text": "<p><strong>What you'll need for success in "
                                     "this exciting opportunity</strong></p><ul><li>Experience communicating with "
                                     "patients</li></ul>"}},
                 {"responsibilities": ["Reaching out to patients", "Building rapport"],
                  "requirements": ["Experience communicating with patients"]}, id="real-unknown-sub-headings"),
    pytest.param({"jobDescription": {"title": "Stellenbeschreibung", "text": "<p><strong>Ihre Aufgaben</strong></p>"
                                     "<ul><li>Sie warten Anlagen</li></ul><p><strong>Das bieten wir</strong></p>"
                                     "<ul><li>30 Tage Urlaub</li></ul>"}},
                 {"responsibilities": ["Sie warten Anlagen"], "benefits": ["30 Tage Urlaub"]},
                 id="whole-ad-in-one-part"),
    pytest.param({"qualifications": {"title": "Qualifications", "text": "<p><strong>About us</strong></p>"
                                     "<ul><li>Founded 1990</li></ul>"}}, {}, id="list-under-another-known-heading"),
    pytest.param({"companyDescription": {"title": "Company Description", "text": "<ul><li>500 employees</li></ul>"}},
                 {}, id="company-part-lists-are-left-to-the-parser"),
    pytest.param({"jobDescription": {"title": "Job Description", "text": ""},
                  "videos": {"title": "Videos To Watch", "urls": ["https://youtu.be/x"]}}, {}, id="real-empty-parts"),
])
def test_lists_by_form_part(sections, expected):
    fields = posting_fields_from_smartrecruiters(_posting_with(sections), NOW)
    assert {name: fields[name] for name in ("responsibilities", "requirements", "benefits") if name in fields} == expected


@pytest.mark.parametrize(("location", "place"), [
    # aravindpranav/job-agent tests/fixtures/smartrecruiters.json (SmartRecruiters Inc)
    pytest.param({"city": "United Kingdom", "region": "REMOTE", "country": "gb", "remote": True},
                 {"region": None, "country": "GB", "workplace_type": "remote"}, id="real-remote-region"),
    pytest.param({"city": "Remote", "country": "de", "remote": True}, {"city": None, "country": "DE"}, id="remote-city"),
    pytest.param({"city": "Hybrid City", "country": "us", "hybrid": True}, {"city": "Hybrid City"}, id="name-with-mode-word"),
])
def test_work_mode_words_are_no_place(location, place):
    fields = posting_fields_from_smartrecruiters(_posting_with({}, location=location), NOW)
    assert {name: fields[name] for name in place} == place


@pytest.mark.parametrize(("level", "employment", "seniority", "contract"), [
    # ericfleshman-commits/candidatezero (HireVue): part-time internship
    pytest.param({"id": "internship", "label": "Internship"}, {"id": "part-time", "label": "Part-time"}, "intern",
                 "internship", id="real-internship"),
    pytest.param({"id": "entry_level", "label": "Entry Level"}, {"id": "permanent", "label": "Full-time"}, "junior",
                 "permanent", id="entry-level"),
    # haydenham/vertical-job-digest's Vitol list tags a "Futures Execution Specialist" as executive
    pytest.param({"id": "executive", "label": "Executive"}, {"id": "permanent", "label": "Full-time"}, None,
                 "permanent", id="real-executive-is-left-to-the-title"),
    pytest.param({"id": "mid_senior_level", "label": "Mid-Senior Level"}, {}, None, None, id="mid-senior-is-two-levels"),
])
def test_experience_level(level, employment, seniority, contract):
    fields = posting_fields_from_smartrecruiters(_posting_with({}, experienceLevel=level, typeOfEmployment=employment), NOW)
    assert (fields["seniority"], fields["contract_type"]) == (seniority, contract)
