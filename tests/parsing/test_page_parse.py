"""Page-level parsing: provenance per field, Markdown and front matter, structured data used in
full with the ad's words as arbiter, agency ads, titles without joined facts, and refusing files
that hold no job ad. Written cases pin an edge; real cases name the file they come from."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from crawler.parsing.employer import agency_in_text, is_agency_ad
from crawler.parsing.title_facts import title_without_facts
from crawler.parsing.markdown_text import looks_like_markdown, split_front_matter
from crawler.parsing.posting import NO_JOB_AD, complete_posting, job_ad_missing, parse_document
from crawler.parsing.readable import unreadable_ad_reason
from crawler.parsing.page import copyright_holder

NOW = datetime(2026, 11, 22, tzinfo=timezone.utc)
TESTS_DIR = Path(__file__).parent.parent
SEEDS = TESTS_DIR / "files" / "seeds"


def json_ld_page(node: dict, body: str = "") -> str:
    node = {"@context": "https://schema.org", "@type": "JobPosting", **node}
    return (f'<html><head><script type="application/ld+json">{json.dumps(node)}</script></head>'
            f"<body>{body}</body></html>")


@pytest.mark.parametrize(("title", "expected"), [
    ("Senior Platform Engineer | Remote | Australia", "Senior Platform Engineer"),  # SEEK h1, en_013 (tests/real/dev)
    ("klarasystems.com | OpenZFS Developer | REMOTE | Full-time Contract", "OpenZFS Developer"),  # HN, en_017
    ("Designer (Full-Time, San Francisco)", "Designer"),  # EFF front matter, en_034
    ("Pharmacy Technician (Part-Time)", "Pharmacy Technician (Part-Time)"),  # terms alone stay
    ("Marketing Intern (Summer 2027)", "Marketing Intern (Summer 2027)"),  # a season stays
    ("Engineer, Backend", "Engineer, Backend"),
    ("Data Engineer (m/w/d)", "Data Engineer (m/w/d)"),
])
def test_title_without_facts(title, expected):
    assert title_without_facts(title) == expected


@pytest.mark.parametrize(("text", "markdown"), [
    ("# [Staff Software Engineer](https://example.com/jobs/1)\n\nText", True),
    ("**What you will do**\n- build", True),
    ("Escaped \\*stars\\* here", True),
    ("Data Engineer (m/w/d)\nLocation: Köln\n\n- Python\n- SQL", False),
    ("Gehalt: 3.000 € brutto\n• Urlaub", False),
])
def test_looks_like_markdown(text, markdown):
    assert looks_like_markdown(text) is markdown


def test_markdown_syntax_never_reaches_title_company_or_description():
    document = ("# [Staff Software Engineer](https://example.com/jobs/1)\n### Grafana Labs\n\n"
                "**About the role** \\*Remote\\* work on observability tooling for many teams across the world.\n\n"
                "## What you'll do\n* Build dashboards\n* Run **on-call**\n")
    posting = parse_document(document, crawled_at=NOW)
    assert posting["title"] == "Staff Software Engineer"
    for marker in ("**", "](", "\\*", "###"):
        assert marker not in posting["description"]
    assert posting["responsibilities"] == ["Build dashboards", "Run on-call"]


@pytest.mark.parametrize(("document", "fields"), [
    ("---\ntitle: Data Fellow\nbreadcrumbs: ['Positions']\nimage:\n  src:\n---\nThe fellow works on data.",
     {"title_raw": "Data Fellow"}),  # NYC Opportunity, en_010 (tests/real/dev)
    ("---\norganization: EFF is hiring for a designer.\ntitle: 'Designer (Full-Time, San Francisco)'\n---\nText",
     {"title_raw": "Designer (Full-Time, San Francisco)"}),  # en_034: a sentence is no employer
    ('+++\ntitle = "Backend Engineer"\ncompany = "Acme GmbH"\nlocation = "Berlin"\n+++\nText',
     {"title_raw": "Backend Engineer", "company": "Acme GmbH", "location_raw": "Berlin"}),
])
def test_front_matter_fields(document, fields):
    assert split_front_matter(document).fields == fields


def test_front_matter_keys_never_reach_the_description():
    document = "---\nlayout: job-posting\ntitle: Outreach Assistant (co-op)\narchived: true\n---\n" + \
               "The Outreach Team is looking for an assistant to share our story with the public.\n"
    posting = parse_document(document, crawled_at=NOW)
    assert posting["title"] == "Outreach Assistant (co-op)"
    assert posting["field_sources"]["title"] == "structured_data"
    assert "layout" not in posting["description"] and "archived" not in posting["description"]


def test_json_ld_section_properties_fill_the_lists_when_the_description_is_empty():
    page = json_ld_page({
        "title": "Data Analyst", "description": "",
        "hiringOrganization": {"@type": "Organization", "name": "Acme Analytics Ltd"},
        "responsibilities": ["Build weekly reports", "Maintain the data warehouse"],
        "qualifications": "<ul><li>3+ years of SQL experience</li><li>Degree in statistics</li></ul>",
        "jobBenefits": ["25 days holiday", "Pension scheme"],
        "skills": [{"@type": "DefinedTerm", "name": "Python"}, "SQL"],
        "validThrough": "2026-12-31T23:59:59Z",
    })
    posting = parse_document(page, crawled_at=NOW)
    assert posting["responsibilities"] == ["Build weekly reports", "Maintain the data warehouse"]
    assert posting["requirements"][0] == "3+ years of SQL experience"
    assert posting["benefits"] == ["25 days holiday", "Pension scheme"]
    assert {"Python", "SQL"} <= set(posting["skills"])
    assert posting["valid_through"].isoformat() == "2026-12-31"
    assert posting["field_sources"]["valid_through"] == "structured_data"


def test_literal_newline_sequences_become_line_breaks():
    page = json_ld_page({"title": "Koch", "description": "Wir suchen einen Koch.\\n\\nDeine Aufgaben:\\n- Kochen\\n- Planen"})
    posting = parse_document(page, crawled_at=NOW)
    assert "\\n" not in posting["description"]
    assert posting["responsibilities"] == ["Kochen", "Planen"]


def test_the_ads_pay_beats_structured_pay_and_the_conflict_is_recorded():
    page = json_ld_page({
        "title": "Support Worker", "description": "<p>Support Worker in Leeds. The pay is £20 per hour.</p>",
        "hiringOrganization": {"name": "Leeds Care Ltd"},
        "baseSalary": {"@type": "MonetaryAmount", "currency": "GBP",
                       "value": {"@type": "QuantitativeValue", "value": 33620, "unitText": "YEAR"}},
    })
    posting = parse_document(page, crawled_at=NOW)
    assert (posting["salary_min"], posting["salary_period"]) == (20, "hour")
    assert posting["salary_raw"] and "£20 per hour" in posting["salary_raw"]
    assert [entry["source"] for entry in posting["field_conflicts"]["salary"]] == ["text", "structured_data"]
    assert posting["field_conflicts"]["salary"][1]["value"]["min"] == 33620


def test_structured_salary_is_never_synthesised_as_raw_text():
    page = json_ld_page({"title": "Analyst", "description": "<p>An analyst role in our finance team.</p>",
                         "baseSalary": {"currency": "EUR", "value": {"minValue": 50000, "maxValue": 60000,
                                                                     "unitText": "YEAR"}}})
    posting = parse_document(page, crawled_at=NOW)
    assert posting["salary_min"] == 50000 and posting["salary_raw"] is None


def test_an_account_label_is_not_the_employer_when_the_ad_names_one():
    page = json_ld_page({
        "title": "Care Assistant", "hiringOrganization": {"name": "Central Advertising - Other"},
        "description": "<p>Brookfield Care Homes Ltd is looking for a Care Assistant to join our home in York.</p>"
                       "<p>Brookfield has cared for older people for 30 years.</p>",
    })
    posting = parse_document(page, crawled_at=NOW)
    assert posting["company"] == "Brookfield Care Homes Ltd"
    assert posting["field_conflicts"]["company"][1] == {"value": "Central Advertising - Other",
                                                        "source": "structured_data"}


def test_agency_ad_reports_the_agency_not_as_employer():
    page = json_ld_page({
        "title": "Buchhalter (m/w/d)", "hiringOrganization": {"name": "Muster Personal GmbH"},
        "description": "<p>Für unseren Kunden, ein Familienunternehmen in Köln, suchen wir einen Buchhalter.</p>",
    })
    posting = parse_document(page, crawled_at=NOW)
    assert posting["via_agency"] is True and posting["company"] is None
    assert posting["agency"] == "Muster Personal GmbH"
    assert posting["field_sources"]["agency"] == "structured_data"


@pytest.mark.parametrize(("text", "agency"), [
    ("Für unseren Kunden suchen wir …\nIhr Ansprechpartner\nMax Muster\nMuster Personalservice GmbH", "Muster Personalservice GmbH"),
    ("Our client is a bank.\nPosted by Northpoint Tech Recruitment on behalf of a client", "Northpoint Tech Recruitment"),
    ("Senior Recruiter wanted. Talk to Jane.", None),
])
def test_agency_in_text(text, agency):
    assert agency_in_text(text) == agency


def test_representing_a_company_is_an_agency_ad():
    # SEEK ad en_013 (tests/real/dev): "I'm representing a growing, seed-stage Australian healthtech company"
    assert is_agency_ad("I'm representing a growing, seed-stage Australian healthtech company that builds software.")


def test_every_filled_field_has_a_source():
    posting = parse_document((SEEDS / "001_004fedc382bfa4ea.txt").read_text(encoding="utf-8"), crawled_at=NOW)
    filled = [name for name in ("title", "company", "city", "contract_type", "responsibilities", "skills")
              if posting[name]]
    assert len(filled) == 6
    assert all(posting["field_sources"][name] in ("board_header", "text") for name in filled)
    assert posting["field_sources"]["company"] == "board_header"


def test_source_api_values_are_marked_as_such():
    posting = complete_posting({"title": "Backend Engineer", "title_raw": "Backend Engineer",
                                "company": "Acme GmbH", "description": "<p>You build our APIs in Go.</p>"},
                               crawled_at=NOW)
    assert posting["field_sources"]["company"] == "source_api"
    assert posting["field_sources"]["title"] == "source_api"
    assert posting["field_sources"]["description"] == "source_api"


@pytest.mark.parametrize(("posting", "missing"), [
    ({"title": None, "description": None}, True),
    ({"title": None, "description": "Home Jobs Login Impressum"}, True),
    ({"title": "Senior Data Engineer", "description": None}, False),  # a title alone is an ad
    ({"title": None, "description": "We are hiring " + "a careful person " * 10}, False),
])
def test_job_ad_missing(posting, missing):
    assert job_ad_missing(posting) is missing


def test_a_page_without_an_ad_is_found_missing_and_a_one_line_title_is_an_ad():
    assert job_ad_missing(parse_document("<html><body><nav>Home</nav><p>Cookies</p></body></html>", crawled_at=NOW))
    posting = parse_document("Senior Data Engineer (m/w/d)\n", crawled_at=NOW)
    assert posting["title"] == "Senior Data Engineer" and not job_ad_missing(posting)
    assert NO_JOB_AD == "no job ad found on the page"


@pytest.mark.parametrize(("raw", "reason"), [
    (b"", "empty file"),
    (b"  \n\t", "empty file"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
    (bytes(range(256)) * 8, "binary data"),
    (b"PK\x03\x04\x14\x00", "a ZIP archive"),
    ("Koch (m/w/d) in München\n".encode(), None),
    ("<html><body><h1>Job</h1></body></html>".encode("utf-16"), None),
])
def test_unreadable_ad_reason(raw, reason):
    found = unreadable_ad_reason(raw)
    assert (found is None) if reason is None else found.startswith(reason)


@pytest.mark.parametrize(("line", "chrome"), [
    ("Report this job advert", True),  # SEEK, en_013 (tests/real/dev)
    ("Unlock job insights", True),  # SEEK, en_013
    ("Return to jobs listing.", True),  # en_039 (tests/real/dev)
    ("CLICK TO APPLY", True),
    ("Is this information helpful?", True),
    ("Your profile matches 4 of 6 required skills", True),
    ("BETA", True),
    ("Find Jobs in Germany on Arbeitnow", True),
    ("https://t.example.com/pixel?id=3", True),
    ("You will report to the VP of jobs", False),
    ("Share your ideas on job design", False),
    ("See how we work", False),
])
def test_ui_text_is_chrome(line, chrome):
    from crawler.parsing.chrome import is_chrome_line
    assert is_chrome_line(line) is chrome


def test_board_header_lines_are_read_with_their_source():
    document = ("Backend Engineer\nAcme Software GmbH\nBerlin\nFeste Anstellung\nHomeoffice möglich, Vollzeit\n"
                "Erschienen: vor 1 Tag\n€3,000/month - €3,500/month\n\n"
                "Wir sind ein Softwarehaus aus Berlin und bauen Plattformen für Logistik.\n\n"
                "Deine Aufgaben\n- APIs in Go bauen\n- Systeme betreiben\n")
    posting = parse_document(document, crawled_at=NOW)
    assert (posting["contract_type"], posting["employment_type"]) == ("permanent", "full_time")
    assert posting["date_posted"].isoformat() == "2026-11-21"
    assert (posting["salary_min"], posting["salary_max"], posting["salary_period"]) == (3000, 3500, "month")
    assert posting["salary_raw"] == "€3,000/month - €3,500/month"
    for name in ("title", "company", "city", "contract_type", "employment_type", "date_posted", "salary_min"):
        assert posting["field_sources"][name] == "board_header", name


def test_a_criteria_list_is_read_and_kept_out_of_the_description():
    document = ("Data Analyst\nLondon, England, United Kingdom\n\nWe are looking for a data analyst to build "
                "weekly reports for leadership.\n\nResponsibilities\n- Build reports\n\n"
                "Seniority level\nEntry level\nEmployment type\nFull-time\nJob function\nAnalyst\n")
    posting = parse_document(document, crawled_at=NOW)
    assert posting["employment_type"] == "full_time" and posting["field_sources"]["employment_type"] == "board_header"
    assert posting["seniority"] == "junior"
    assert "Seniority level" not in posting["description"] and "Job function" not in posting["description"]


def test_style_and_script_text_never_reach_a_field():
    page = ("<html><head><style>.x{color:red;}</style></head><body><style>.y{margin:0}</style>"
            "<h1>Data Engineer</h1><div class='company'><style>.x{color:red;}</style>N26 GmbH</div>"
            "<script>var tracking = 1;</script><p>We are looking for a data engineer to build pipelines in Python.</p>"
            "</body></html>")
    posting = parse_document(page, crawled_at=NOW)
    assert posting["company"] == "N26 GmbH"
    for value in posting.values():
        assert "color:red" not in str(value) and "tracking" not in str(value)


def test_organisation_and_role_title():
    # NumFOCUS jobs board, en_045 (tests/real/dev): "Zarr / Community Manager"
    from crawler.parsing.title_facts import organisation_prefix
    assert organisation_prefix("Zarr / Community Manager") == ("Community Manager", "Zarr")
    assert organisation_prefix("Koch / Köchin") == ("Koch / Köchin", None)
    # Ashby real response (tests/files/SOURCES.md, Linear board): two levels of one role
    assert organisation_prefix("Senior / Staff Fullstack Engineer") == ("Senior / Staff Fullstack Engineer", None)


@pytest.mark.parametrize(("paragraph", "about_the_role"), [
    ("In this role you will be responsible for enhancing a Ruby on Rails application.", True),  # en_047 (tests/real/dev)
    ("Wir suchen dich als Verstärkung für unser Team.", True),
    ("As a leading provider of payment software we serve 3,000 marketplaces.", False),
    ("Als Familienunternehmen sind wir seit 1974 in Bremen zu Hause.", False),
])
def test_role_paragraphs_are_no_company_description(paragraph, about_the_role):
    from crawler.parsing.posting import _ROLE_PARAGRAPH
    assert bool(_ROLE_PARAGRAPH.match(paragraph)) is about_the_role


@pytest.mark.parametrize(("document", "city", "country", "workplace"), [
    ("# Senior Backend Engineer\n\n🌎 Germany (Remote)\n\nWe build software for logistics companies across "
     "Europe and need help with our APIs.\n", None, "DE", "remote"),
    ("## Data Engineer (m/w/d)\n\nRemote,Stuttgart\n\nWir bauen Software für Logistik und suchen Verstärkung "
     "für unser Team in der Datenplattform.\n", "Stuttgart", "DE", "remote"),
])
def test_board_lines_in_markdown_ads_give_the_place(document, city, country, workplace):
    posting = parse_document(document, crawled_at=NOW)
    assert (posting["city"], posting["country"], posting["workplace_type"]) == (city, country, workplace)


@pytest.mark.parametrize(("text", "holder"), [
    ("© 2026 S.B. Plattenleger GmbH · Malters · Impressum", "S.B. Plattenleger GmbH"),
    ("©  BO-WERT GmbH · Im Dreieck 4–6 · 23758 Oldenburg in Holstein", "BO-WERT GmbH"),
    ("Copyright © 2025 Müller & Söhne GmbH & Co. KG - Impressum", "Müller & Söhne GmbH & Co. KG"),
    ("© 2024 Max Mustermann", None),   # a person
    ("© 2023 Indeed", None),           # a brand without its legal form
    ("Impressum · Datenschutz", None),
    ("© 2026 StepStone GmbH · Impressum", None),   # a job board's owner: the ad is another employer's
    ("© 2025 JobCloud AG", None),
])
def test_copyright_holder(text, holder):
    assert copyright_holder(text) == holder


def test_a_page_naming_its_employer_only_in_the_copyright_line():
    page = ("<html><head><title>Stellen · Fliesenleger gesucht</title></head><body><main><h1>Fliesenleger (m/w/d)</h1>"
            "<p>Wir suchen einen Fliesenleger für unser Team in Malters.</p><h2>Ihre Aufgaben</h2><ul><li>Fliesen verlegen</li>"
            "<li>Fugen setzen</li></ul></main><footer>© 2026 Keller Fliesen AG · Malters</footer></body></html>")
    posting = parse_document(page)
    assert posting["company"] == "Keller Fliesen AG"
    assert posting["field_sources"]["company"] == "board_header"


def test_an_agency_page_keeps_its_client_hidden():
    page = ("<html><head><title>Jobs</title></head><body><main><h1>Buchhalter (m/w/d)</h1>"
            "<p>Für unseren Kunden, ein Industrieunternehmen in Köln, suchen wir einen Buchhalter.</p></main>"
            "<footer>© 2026 Personalpartner GmbH</footer></body></html>")
    posting = parse_document(page)
    assert posting["via_agency"] is True and posting["company"] is None


def test_a_messenger_button_is_no_line_of_the_ad():
    page = ('<html><head><title>ZFA Jobs</title></head><body><div class="hero"><h1>Ihre Karriere bei uns</h1>'
            '<p>ZFA (m/w/d) in Vollzeit</p><a class="button" href="#apply"><i class="fas fa-paper-plane"></i> Direkt bewerben</a>'
            '<a class="button" href="https://wa.me/491700000000"><i class="fab fa-whatsapp"></i> WhatsApp Chat</a></div>'
            '<main><h2>Ihre Aufgaben</h2><ul><li>Assistenz am Behandlungsstuhl</li><li>Hygiene und Sterilisation</li></ul>'
            '</main></body></html>')
    posting = parse_document(page)
    assert posting["company"] != "WhatsApp Chat"
    assert "WhatsApp" not in posting["description"]


def test_a_heading_the_markup_calls_the_job_title_wins_over_a_hero_heading():
    page = ('<html><head><title>Startseite - Osteomed</title></head><body><h1 class="hero-title">Ihre Praxis für<br>'
            'physiotherapeutische und osteopathische<br>Behandlungen in Möckmühl</h1>'
            '<h2 class="job-title">Wir suchen ein/e Physiotherapeut/in</h2><p>in Vollzeit oder Teilzeit.</p>'
            '<h3>Ihre Aufgaben</h3><ul><li>Krankengymnastik</li><li>Manuelle Therapie</li></ul></body></html>')
    assert parse_document(page)["title"] == "Physiotherapeut"      # dev23 de_2302


def test_a_calling_h1_gives_way_to_the_page_title_naming_the_role():
    page = ('<html><head><title>Ausbildung zur/zum ZFA | Wallpraxis Winsen</title></head><body>'
            '<h1>Deine Zukunft beginnt hier!</h1><h2>Ein Tag als Azubi bei uns</h2><p>Du lernst alles.</p></body></html>')
    assert parse_document(page)["title"] == "Ausbildung zur/zum ZFA"   # dev24 de_2406


def test_a_page_title_ending_in_job_names_no_site():
    page = ('<html><head><title>bioinformatician Job</title></head><body><h2>Bioinformatician</h2>'
            '<p>The Goldenberg Lab at the SickKids Research Institute seeks a bioinformatician to join the lab.</p>'
            '<p>The bioinformatician Job involves data analysis.</p></body></html>')
    assert parse_document(page)["company"] != "bioinformatician Job"    # dev25 en_2511
